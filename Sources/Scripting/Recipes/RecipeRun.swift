import Corpus
import Foundation
import LuaBinding

/// Running a loaded recipe: `run(corpus, params)`, then its result printed as the REPL would.
extension ScriptSession {
    /// Runs the recipe last loaded with `loadRecipe`; what it prints and returns goes to `write`.
    public func runRecipe(_ recipe: Recipe, parameters: [String: Recipe.Value]) throws(LuaError) {
        scriptDescription = "recipe \(recipe.name) (\((recipe.path as NSString).lastPathComponent))"
        scriptParameters = parameters.mapValues(\.description)
        try limited { () throws(LuaError) in
            try lua.balanced { () throws(LuaError) in
                recipeTable.push(onto: lua)
                lua.rawGetField("run", in: -1)                  // [recipe, run]
                try lua.getGlobal("corpus")                     // [recipe, run, corpus]
                lua.newTable(record: parameters.count)          // [recipe, run, corpus, params]
                for (name, value) in parameters.sorted(by: { $0.key < $1.key }) {
                    push(recipeValue: value)
                    lua.rawSetField(name, in: -2)
                }
                try lua.pcall(arguments: 2, results: 1)         // [recipe, result]
                if !lua.isNoneOrNil(at: -1) {
                    let shown = userdataDescription(at: -1) ?? tabular(at: -1)?.text() ?? display(at: -1)
                    // The time limit may stop a __tostring of the result: said, not shown past.
                    if let stop = lua.pendingStop { throw stop }
                    write(shown)
                }
            }
        }
    }

    func push(recipeValue value: Recipe.Value) {
        switch value {
        case .string(let s): lua.push(s)
        case .integer(let i): lua.push(i)
        case .number(let d): lua.push(d)
        case .boolean(let b): lua.push(b)
        case .list(let items): lua.push(strings: items)
        }
    }
}

extension Recipe {
    /// The help `parley recipes show NAME` and `parley run NAME --help` print.
    public var help: String {
        var lines = ["\(name): \(description)", "", "usage: parley run \(name) [--corpus PATH]" + parameters.map { p in
            let word = p.kind == .boolean ? p.option : "\(p.option) \(p.kind == .choice ? p.choices.joined(separator: "|") : p.kind.rawValue.uppercased())"
            return p.required ? " " + word : " [" + word + "]"
        }.joined()]
        if !parameters.isEmpty {
            lines += ["", "parameters:"]
            for p in parameters {
                var detail = p.help.isEmpty ? p.kind.rawValue : "\(p.help) (\(p.kind.rawValue))"
                if let value = p.defaultValue { detail += "; default \(value)" } else if p.required { detail += "; required" }
                if p.kind == .list { detail += "; several values: a,b,c" }
                lines.append("  " + p.option.padded(columns: 20) + "  " + detail)   // a longer option is not cut
            }
        }
        if !needs.isEmpty { lines += ["", "needs: \(needs.joined(separator: ", ")) (run it with --trust)"] }
        if !examples.isEmpty {
            lines += ["", "examples:"]
            for example in examples {
                // A value with spaces or quotes quoted as a shell needs it, so that the line can be copied.
                func shellWord(_ value: String) -> String {
                    value.contains(where: { " \t\"'$`\\;&|<>()*?![]{}#~".contains($0) }) || value.isEmpty
                        ? "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'" : value
                }
                let words = example.parameters.sorted { $0.key < $1.key }.map { "--\($0.key.replacingOccurrences(of: "_", with: "-")) \(shellWord("\($0.value)"))" }
                lines.append("  parley run \(name) " + words.joined(separator: " ") + "   (expects \(example.expect))")
            }
        }
        lines += ["", "file: \(path)"]
        return lines.joined(separator: "\n")
    }
}
