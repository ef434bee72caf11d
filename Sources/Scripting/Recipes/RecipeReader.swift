import Corpus
import LuaBinding

/// Reads a recipe file in a sandboxed session: runs the chunk, then checks the table it returns
/// (raw reads only: no metamethod of the recipe runs here).
extension ScriptSession {
    /// Runs a script file; if it returns a recipe table (one with a `run` field: a recipe whose `run`
    /// is mistyped is reported, not taken for a script that returned a table), keeps it for
    /// `readKeptRecipe` and returns true.
    /// With `anyTable`, any returned table is kept (so that `loadRecipe` can say what it lacks).
    public func runKeepingRecipe(_ source: String, chunkName: String, anyTable: Bool = false, ownEnvironment: Bool = false) throws(LuaError) -> Bool {
        try limited { () throws(LuaError) in
            try lua.balanced { () throws(LuaError) in
                if ownEnvironment {
                    try loadInOwnEnvironment(source, chunkName: chunkName)
                    try lua.pcall(arguments: 0, results: 1)
                } else {
                    try state.run(source, chunkName: chunkName, results: 1)
                }
                guard lua.type(at: -1) == .table else { return false }
                let isRecipe = anyTable || lua.rawGetField("run", in: -1) != .nil_
                if !anyTable { lua.pop() }
                if isRecipe { recipeTable = LuaReference(popping: state) }
                return isRecipe
            }
        }
    }

    /// Checks the recipe table kept by `runKeepingRecipe`.
    public func readKeptRecipe(path: String) throws -> Recipe {
        recipeTable.push(onto: lua)
        defer { lua.pop() }
        return try readRecipe(at: lua.absolute(-1), path: path)
    }

    /// Loads the recipe at `path` (an error if the file is not a recipe), keeping it for `runRecipe`.
    public func loadRecipe(path: String, source: String) throws -> Recipe {
        let isRecipe: Bool
        do {
            isRecipe = try runKeepingRecipe(source, chunkName: "@" + path, anyTable: true, ownEnvironment: true)
        } catch {
            throw RecipeError("\(path): \(error.message)")
        }
        guard isRecipe else {
            throw RecipeError("\(path): a recipe file must return a table {name = …, description = …, run = function(corpus, params) … end}")
        }
        return try readKeptRecipe(path: path)
    }

    private func readRecipe(at table: Int32, path: String) throws -> Recipe {
        func fail(_ message: String) -> RecipeError { RecipeError("\(path): \(message)") }
        func string(_ key: String, required: Bool) throws -> String? {
            defer { lua.pop() }
            switch lua.rawGetField(key, in: table) {
            case .nil_: if required { throw fail("the recipe table needs a \"\(key)\" (a string)") } else { return nil }
            case .string: return lua.string(at: -1)
            default: throw fail("\"\(key)\" must be a string, not \(lua.typeName(at: -1))")
            }
        }
        let name = try string("name", required: true)!
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            let shown = name.count > 60 ? name.prefix(60) + "…" : name
            throw fail("\"name\" must be a word of letters, digits, - and _ (it is what users type): '\(shown)'")
        }
        let description = try string("description", required: true)!
        guard lua.rawGetField("run", in: table) == .function else {
            let got = lua.typeName(at: -1)
            lua.pop()
            throw fail("recipe '\(name)' has no run function (run = function(corpus, params) … end); found \(got)")
        }
        lua.pop()
        let parameters = try readParameters(table: table, recipe: name, fail: fail)
        let examples = try readExamples(table: table, recipe: name, parameters: parameters, fail: fail)
        var needs: [String] = []
        if lua.rawGetField("needs", in: table) == .table {
            for i in 1...max(lua.rawLength(at: -1), 1) where lua.rawLength(at: -1) > 0 {
                lua.rawGetIndex(i, in: -1)
                if let need = lua.string(at: -1), ["io", "os"].contains(need) { needs.append(need) } else {
                    lua.pop(2)
                    throw fail("recipe '\(name)': \"needs\" lists libraries beyond the sandbox: \"io\" or \"os\"")
                }
                lua.pop()
            }
        }
        lua.pop()
        return Recipe(name: name, description: description, parameters: parameters, examples: examples, needs: needs, path: path)
    }

    private func readParameters(table: Int32, recipe: String, fail: (String) -> RecipeError) throws -> [Recipe.Parameter] {
        defer { lua.pop() }
        switch lua.rawGetField("params", in: table) {
        case .nil_: return []
        case .table: break
        default: throw fail("recipe '\(recipe)': \"params\" must be a table of parameters, not \(lua.typeName(at: -1))")
        }
        var parameters: [Recipe.Parameter] = []
        var failure: Error?
        lua.forEachPair(in: -1) {
            guard failure == nil else { return }
            do {
                guard let name = lua.string(at: -2), Self.isIdentifier(name) else {
                    throw fail("recipe '\(recipe)': parameters are named by words, as params = {top = {type = \"integer\"}}")
                }
                parameters.append(try readParameter(name: name, recipe: recipe, fail: fail))
            } catch { failure = error }
        }
        if let failure { throw failure }
        return parameters.sorted { $0.name < $1.name }
    }

    /// The parameter declared by the table on top of the stack.
    private func readParameter(name: String, recipe: String, fail: (String) -> RecipeError) throws -> Recipe.Parameter {
        let what = "recipe '\(recipe)', parameter '\(name)'"
        let option = "--" + name.replacingOccurrences(of: "_", with: "-")
        if Recipe.Parameter.reservedOptions.contains(option) {
            throw fail("\(what): \(option) is one of parley's own options, so it could never reach the recipe; name the parameter otherwise")
        }
        guard lua.type(at: -1) == .table else { throw fail("\(what): declare it as a table {type = \"string\", help = \"…\"}") }
        let spec = lua.absolute(-1)
        guard lua.rawGetField("type", in: spec) == .string, let typeName = lua.string(at: -1) else {
            lua.pop()
            throw fail("\(what): needs a type (\(Recipe.Parameter.Kind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        lua.pop()
        guard let kind = Recipe.Parameter.Kind(rawValue: typeName) else {
            throw fail("\(what): unknown type \"\(typeName)\"; use one of \(Recipe.Parameter.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        lua.rawGetField("help", in: spec)
        let help = lua.string(at: -1) ?? ""
        lua.pop()
        lua.rawGetField("optional", in: spec)
        let optional = lua.boolean(at: -1)
        lua.pop()
        var choices: [String] = []
        if lua.rawGetField("choices", in: spec) == .table {
            for i in 1...max(lua.rawLength(at: -1), 1) where lua.rawLength(at: -1) > 0 {
                lua.rawGetIndex(i, in: -1)
                if let choice = lua.string(at: -1) { choices.append(choice) }
                lua.pop()
            }
        }
        lua.pop()
        if kind == .choice && choices.isEmpty { throw fail("\(what): a choice needs its choices = {\"a\", \"b\"}") }
        var parameter = Recipe.Parameter(name: name, kind: kind, help: help, optional: optional, defaultValue: nil, choices: choices)
        if lua.rawGetField("default", in: spec) != .nil_ {
            let text = parameterText(at: -1)
            lua.pop()
            do {
                parameter = Recipe.Parameter(name: name, kind: kind, help: help, optional: optional,
                                             defaultValue: try RecipeArguments.value(text, for: parameter, recipe: recipe), choices: choices)
            } catch {
                // The value's message names the recipe too, which `what` has already done.
                throw fail("\(what): its default does not fit its type: " + "\(error)".replacingOccurrences(of: "recipe '\(recipe)': ", with: ""))
            }
        } else {
            lua.pop()
        }
        return parameter
    }

    private func readExamples(table: Int32, recipe: String, parameters: [Recipe.Parameter], fail: (String) -> RecipeError) throws -> [Recipe.Example] {
        defer { lua.pop() }
        switch lua.rawGetField("examples", in: table) {
        case .nil_: return []
        case .table: break
        default: throw fail("recipe '\(recipe)': \"examples\" must be a list of {params = {…}, expect = \"file\"}")
        }
        var examples: [Recipe.Example] = []
        let count = lua.rawLength(at: -1)
        for i in 0..<count {
            lua.rawGetIndex(i + 1, in: -1)
            defer { lua.pop() }
            guard lua.type(at: -1) == .table else { throw fail("recipe '\(recipe)': example \(i + 1) must be a table") }
            let example = lua.absolute(-1)
            guard lua.rawGetField("expect", in: example) == .string, let expect = lua.string(at: -1) else {
                lua.pop()
                throw fail("recipe '\(recipe)': example \(i + 1) needs expect = \"file with the expected output\"")
            }
            lua.pop()
            lua.rawGetField("corpus", in: example)
            let corpus = lua.string(at: -1)
            lua.pop()
            // Examples travel with the recipe: a shared recipe's test reads nothing else (not "/",
            // which would walk the whole disk for corpus files, nor a device such as /dev/zero).
            for (field, value) in [("expect", expect), ("corpus", corpus)] {
                if let value, !Self.staysInFolder(value) {
                    let like = field == "expect" ? "expected/\(recipe).txt" : "corpus.jsonl"
                    throw fail("recipe '\(recipe)': example \(i + 1): \(field) = \"\(value)\" must be a path inside the recipe's folder, such as \"\(like)\"")
                }
            }
            var values: [String: Recipe.Value] = [:]
            if lua.rawGetField("params", in: example) == .table {
                var failure: Error?
                lua.forEachPair(in: -1) {
                    guard failure == nil, let key = lua.string(at: -2) else { return }
                    do {
                        guard let parameter = parameters.first(where: { $0.name == key }) else {
                            throw fail("recipe '\(recipe)': example \(i + 1) sets '\(key)', which is not a parameter")
                        }
                        values[key] = try RecipeArguments.value(parameterText(at: -1), for: parameter, recipe: recipe)
                    } catch { failure = error }
                }
                if let failure { lua.pop(); throw failure }
            }
            lua.pop()
            examples.append(Recipe.Example(parameters: values, corpus: corpus, expect: expect))
        }
        return examples
    }

    /// Whether `path` is relative and does not climb out of the folder it is relative to.
    static func staysInFolder(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.hasPrefix("~") else { return false }
        var depth = 0
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == ".." { depth -= 1 } else if part != "." { depth += 1 }
            if depth < 0 { return false }
        }
        return depth > 0
    }

    /// A parameter value given in Lua as the command line would give it: lists joined by commas.
    func parameterText(at index: Int32) -> String {
        switch lua.type(at: index) {
        case .string: return lua.string(at: index) ?? ""
        case .boolean: return lua.boolean(at: index) ? "true" : "false"
        case .table:
            let table = lua.absolute(index)
            return (0..<lua.rawLength(at: table)).map { i in
                lua.rawGetIndex(i + 1, in: table)
                defer { lua.pop() }
                return lua.string(at: -1) ?? lua.describe(at: -1) ?? ""
            }.joined(separator: ",")
        case .none, .nil_: return ""
        default: return lua.describe(at: index) ?? ""
        }
    }
}
