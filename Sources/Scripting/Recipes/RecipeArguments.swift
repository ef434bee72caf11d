import Corpus

/// Turns command-line words (`--top 5 --topic=ceasefire --verbose`) into a recipe's typed
/// parameters, with errors that name the recipe and the parameter.
public enum RecipeArguments {
    public static func parse(_ words: [String], for recipe: Recipe) throws -> [String: Recipe.Value] {
        var values: [String: Recipe.Value] = [:]
        var i = 0
        func parameter(_ option: String) throws -> Recipe.Parameter {
            let key = String(option.dropFirst(2)).replacingOccurrences(of: "-", with: "_")
            guard let found = recipe.parameters.first(where: { $0.name == key }) else {
                let known = recipe.parameters.map(\.option).joined(separator: ", ")
                let close = Field.suggestion(for: option, among: recipe.parameters.map(\.option)).map { "did you mean \($0)? " } ?? ""
                throw RecipeError("recipe '\(recipe.name)' has no parameter \(option)" + (known.isEmpty ? " (it takes none)" : " (\(close)its parameters: \(known))"))
            }
            return found
        }
        while i < words.count {
            let word = words[i]
            guard word.hasPrefix("--"), word.count > 2 else {
                throw RecipeError("recipe '\(recipe.name)': '\(shown: word)' is not a parameter; give them as --name value")
            }
            if let equals = word.firstIndex(of: "=") {
                let p = try parameter(String(word[..<equals]))
                values[p.name] = try value(String(word[word.index(after: equals)...]), for: p, recipe: recipe.name)
                i += 1
                continue
            }
            let p = try parameter(word)
            if p.kind == .boolean {
                values[p.name] = .boolean(true)
                i += 1
                continue
            }
            guard i + 1 < words.count else { throw RecipeError("recipe '\(recipe.name)': \(p.option) needs a value (\(p.kind.rawValue))") }
            let text = words[i + 1]
            if p.kind == .list, case .list(let earlier)? = values[p.name], case .list(let more) = try value(text, for: p, recipe: recipe.name) {
                values[p.name] = .list(earlier + more)
            } else {
                values[p.name] = try value(text, for: p, recipe: recipe.name)
            }
            i += 2
        }
        for p in recipe.parameters where values[p.name] == nil {
            if let value = p.defaultValue { values[p.name] = value } else if p.required {
                throw RecipeError("recipe '\(recipe.name)' needs \(p.option) (\(p.kind.rawValue)\(p.help.isEmpty ? "" : ": " + p.help))")
            }
        }
        return values
    }

    /// `text` as a value of `parameter`'s type.
    static func value(_ text: String, for parameter: Recipe.Parameter, recipe: String) throws -> Recipe.Value {
        let option = parameter.option
        func wrong(_ expected: String) -> RecipeError {
            RecipeError("recipe '\(recipe)': \(option) must be \(expected), not '\(shown: text)'")
        }
        switch parameter.kind {
        case .string: return .string(text)
        case .integer:
            guard let n = Int(text) else { throw wrong("a whole number") }
            return .integer(n)
        case .number:
            // A whole number stays an integer, as Lua's tonumber("5") is 5 and not 5.0.
            if let n = Int(text) { return .integer(n) }
            guard let n = Double(text), n.isFinite else { throw wrong("a number") }
            return .number(n)
        case .boolean:
            switch text.lowercased() {
            case "true", "yes", "1": return .boolean(true)
            case "false", "no", "0": return .boolean(false)
            default: throw wrong("true or false")
            }
        case .date:
            guard CorpusDate(text) != nil else { throw wrong("a date such as 2025, 2025-11 or 2025-11-07") }
            return .string(text)
        case .list:
            return .list(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        case .choice:
            guard parameter.choices.contains(text) else { throw wrong("one of \(parameter.choices.joined(separator: ", "))") }
            return .string(text)
        }
    }
}

import Foundation
