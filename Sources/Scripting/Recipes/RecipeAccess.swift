import CLua
import Corpus
import Foundation
import LuaBinding

/// `recipes.NAME{param = value, …}` from Lua: a recipe of the recipe path, called like a function on
/// the loaded corpus. Its parameters are checked as on the command line.
extension ScriptSession {
    public func installRecipeAccess(catalog: RecipeCatalog) throws(LuaError) {
        lua.newTable()                                            // [recipes]
        lua.newTable()                                            // [recipes, mt]
        lua.pushFunction(named: "recipes") { [unowned self] lua in
            guard let name = lua.string(at: 2) else { lua.pushNil(); return 1 }
            try pushRecipeFunction(named: name, catalog: catalog)
            return 1
        }
        lua.rawSetField("__index", in: -2)
        lua.push("recipes")                                       // protected, as the API's metatables are
        lua.rawSetField("__metatable", in: -2)
        lua_setmetatable(lua.L, -2)                               // [recipes]
        try lua.setGlobal("recipes")
        try freezeGlobal("recipes")
    }

    static let recipeCallLimit = 20

    /// [-0, +1, m] A Lua function that runs the recipe `name` with a table of parameters.
    private func pushRecipeFunction(named name: String, catalog: RecipeCatalog) throws {
        guard let path = catalog.file(named: name) else {
            throw LuaFunctionError("no recipe '\(shown: name)' on the recipe path (\(catalog.folders.joined(separator: ", ")))"
                                   + (catalog.name(like: name).map { ": did you mean '\($0)'?" } ?? ""))
        }
        let source: String
        do { source = try ScriptFile.read(path) } catch { throw LuaFunctionError(error.description) }
        do {
            try loadInOwnEnvironment(source, chunkName: "@" + path)
        } catch {
            throw LuaFunctionError(error.message)
        }
        try lua.callFromHost(arguments: 0, results: 1)            // [table]
        guard lua.type(at: -1) == .table else { throw LuaFunctionError("\(path) does not return a recipe table") }
        let recipe = try readRecipeForLua(path: path)
        let table = LuaReference(popping: state)                  // []
        lua.pushFunction(named: name) { [unowned self] lua in
            // A recipe that calls itself without end would stop at Lua's "C stack overflow", which
            // says nothing of recipes.
            guard recipeCalls.count < Self.recipeCallLimit else {
                let chain = recipeCalls.prefix(3) + ["…"] + recipeCalls.suffix(2) + [name]
                throw LuaFunctionError("recipes call recipes \(Self.recipeCallLimit) deep (\(chain.joined(separator: " → "))): does a recipe call itself?")
            }
            let values = try recipeParameters(recipe, from: lua)
            recipeCalls.append(name)
            defer { recipeCalls.removeLast() }
            lua.ensureStack(6)
            table.push(onto: lua)
            lua.rawGetField("run", in: -1)
            lua.remove(at: -2)                                    // [run]
            try lua.getGlobal("corpus")                           // [run, corpus]
            lua.newTable(record: values.count)
            for (key, value) in values {
                push(recipeValue: value)
                lua.rawSetField(key, in: -2)
            }
            let base = lua.top - 3
            try lua.callFromHost(arguments: 2, results: CLUA_MULTRET)
            return lua.top - base
        }
    }

    private func readRecipeForLua(path: String) throws -> Recipe {
        lua.pushValue(at: -1)
        let kept = LuaReference(popping: state)
        let previous = recipeTable
        recipeTable = kept
        defer { recipeTable = previous }
        do { return try readKeptRecipe(path: path) } catch { throw LuaFunctionError("\(error)") }
    }

    /// The parameters from the table at argument 1, typed and checked, defaults filled in.
    private func recipeParameters(_ recipe: Recipe, from lua: Lua) throws -> [String: Recipe.Value] {
        var words: [String] = []
        if lua.type(at: 1) == .table {
            var failure: Error?
            lua.forEachPair(in: 1) {
                guard failure == nil else { return }
                guard let key = lua.string(at: -2) else { failure = LuaArgumentError(1, "parameters are named: {top = 5}"); return }
                words.append("--" + key.replacingOccurrences(of: "_", with: "-") + "=" + parameterText(at: -1))
            }
            if let failure { throw failure }
        } else if !lua.isNoneOrNil(at: 1) {
            throw LuaArgumentError(1, "a table of parameters expected, as in recipes.\(recipe.name){…}")
        }
        do { return try RecipeArguments.parse(words, for: recipe) } catch { throw LuaFunctionError("\(error)") }
    }
}
