import LuaBinding

/// `pairs` on a collection or a counts table, which Lua 5.4 hands to their `__pairs`: a collection
/// goes as `ipairs` does (its statements in order), counts as `counts:each()` (largest first). On a
/// statement or a document, as on the record it was read from: each field that has a value, as
/// `s[name]` gives it, in the order `help()` lists them (lists with nothing in them left out).
/// Written in Lua, since iterating calls the collection's `__index`, which may raise: a Lua function
/// may call what raises, a Swift one may not (the Lua boundary rules).
extension ScriptSession {
    func installPairs() throws(LuaError) {
        try lua.load(Self.pairsSource, chunkName: "=(pairs)")
        lua.pushMetatable(named: Metatable.selection)
        lua.pushMetatable(named: Metatable.counts)
        lua.pushMetatable(named: Metatable.statement)
        lua.pushMetatable(named: Metatable.document)
        try lua.pcall(arguments: 4, results: 0)
    }

    private static let pairsSource = """
        local selection, counts, statement, document = ...
        local ipairs, next, type = ipairs, next, type
        selection.__pairs = function(collection) return ipairs(collection) end
        counts.__pairs = function(c) return c:each() end
        local function fields(metatable)
            local names = metatable.__fieldnames
            return function(record)
                local list, i = names(record), 0
                return function()
                    while true do
                        i = i + 1
                        local name = list[i]
                        if name == nil then return nil end
                        local value = record[name]
                        if value ~= nil and not (type(value) == "table" and next(value) == nil) then return name, value end
                    end
                end, record, nil
            end
        end
        statement.__pairs = fields(statement)
        document.__pairs = fields(document)
        """
}
