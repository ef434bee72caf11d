import LuaBinding

/// `pairs` on a collection or a counts table, which Lua 5.4 hands to their `__pairs`: a collection
/// goes as `ipairs` does (its statements in order), counts as `counts:each()` (largest first).
/// Written in Lua, since iterating calls the collection's `__index`, which may raise: a Lua function
/// may call what raises, a Swift one may not (the Lua boundary rules).
extension ScriptSession {
    func installPairs() throws(LuaError) {
        try lua.load(Self.pairsSource, chunkName: "=(pairs)")
        lua.pushMetatable(named: Metatable.selection)
        lua.pushMetatable(named: Metatable.counts)
        try lua.pcall(arguments: 2, results: 0)
    }

    private static let pairsSource = """
        local selection, counts = ...
        local ipairs = ipairs
        selection.__pairs = function(collection) return ipairs(collection) end
        counts.__pairs = function(c) return c:each() end
        """
}
