import CLua
import LuaBinding

/// A recipe taken from the recipe path runs in an environment of its own, as Nmap's NSE scripts do:
/// it reads the session's globals, but the globals it sets stay its own. A shared recipe run in a
/// REPL session could otherwise replace `print` or `statements` for every later line, and the
/// analyst's next counts would be of the recipe's selection without a word. (A script run by its
/// path shares the session's globals, as `dofile` does.)
extension ScriptSession {
    /// [-0, +1, m] Loads `source` as a function whose globals are a new table that reads through
    /// to the session's globals (the sandbox's `new_environment`, with its own `_G` and `load`).
    func loadInOwnEnvironment(_ source: String, chunkName: String) throws(LuaError) {
        try lua.load(source, chunkName: chunkName)           // [chunk]
        newEnvironment.push(onto: lua)
        try lua.pcall(arguments: 0, results: 1)              // [chunk, env]
        // A main chunk's only upvalue is its _ENV.
        _ = lua_setupvalue(lua.L, -2, 1)                      // [chunk]
    }
}
