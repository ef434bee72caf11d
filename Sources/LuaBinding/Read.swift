import CLua

/// Reading values from the stack with calls that never raise.
extension Lua {
    public func type(at index: Int32) -> LuaType { LuaType(rawValue: lua_type(L, index)) ?? .none }
    public func typeName(at index: Int32) -> String { type(at: index).name }
    public func isNoneOrNil(at index: Int32) -> Bool { type(at: index).rawValue <= 0 }

    /// The bytes of a string value (copied), or nil when the value is not a string. Numbers are not
    /// converted: `lua_tolstring` would change them in place.
    public func bytes(at index: Int32) -> [UInt8]? {
        guard type(at: index) == .string else { return nil }
        var length = 0
        guard let pointer = lua_tolstring(L, index, &length) else { return nil }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            Array(UnsafeBufferPointer(start: $0, count: length))
        }
    }

    /// Calls `body` with the bytes of the string at `index` in place (valid only during the call).
    public func withBytes<T>(at index: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T? {
        guard type(at: index) == .string else { return nil }
        var length = 0
        guard let pointer = lua_tolstring(L, index, &length) else { return nil }
        return try pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            try body(UnsafeBufferPointer(start: $0, count: length))
        }
    }

    /// The string at `index` if it is a string holding valid UTF-8; nil otherwise.
    public func string(at index: Int32) -> String? {
        withBytes(at: index) { String(validating: $0, as: UTF8.self) } ?? nil
    }

    /// The integer at `index` if it is a number with an exact integer value (strings are not converted).
    public func integer(at index: Int32) -> Int? {
        guard type(at: index) == .number else { return nil }
        var ok: Int32 = 0
        let value = lua_tointegerx(L, index, &ok)
        return ok != 0 ? Int(value) : nil
    }

    /// The number at `index` if it is a number (strings are not converted).
    public func number(at index: Int32) -> Double? {
        guard type(at: index) == .number else { return nil }
        return lua_tonumberx(L, index, nil)
    }

    public func isInteger(at index: Int32) -> Bool { lua_isinteger(L, index) != 0 }

    /// Lua truthiness: everything but nil and false.
    public func boolean(at index: Int32) -> Bool { lua_toboolean(L, index) != 0 }

    /// The length of a table or string without metamethods.
    public func rawLength(at index: Int32) -> Int { Int(lua_rawlen(L, index)) }

    /// [-0, +1, -] Pushes `table[key]` without metamethods; returns its type.
    @discardableResult
    public func rawGetField(_ key: String, in table: Int32) -> LuaType {
        let table = absolute(table)
        push(key)
        return LuaType(rawValue: lua_rawget(L, table)) ?? .none
    }

    /// [-0, +1, -] Pushes `table[i]` without metamethods; returns its type.
    @discardableResult
    public func rawGetIndex(_ i: Int, in table: Int32) -> LuaType {
        LuaType(rawValue: lua_rawgeti(L, table, lua_Integer(i))) ?? .none
    }

    /// Calls `body` for each key/value pair of the table at `index` (raw, no `__pairs`), with the
    /// key at -2 and the value at -1. `body` must leave the stack as it found it.
    public func forEachPair(in index: Int32, _ body: () throws -> Void) rethrows {
        let table = absolute(index)
        pushNil()
        while lua_next(L, table) != 0 {
            let height = top
            defer { top = height - 1 }   // pop the value, keep the key for lua_next
            try body()
        }
    }

    /// The userdata block at `index` if it has the metatable registered as `name`.
    public func userdata(at index: Int32, named name: String) -> UnsafeMutableRawPointer? {
        luaL_testudata(L, index, name)
    }
}

extension Lua {
    /// [-1, +1, -] Replaces the key on top with `table[key]`, without metamethods.
    @discardableResult
    public func rawGetTop(in table: Int32) -> LuaType {
        LuaType(rawValue: lua_rawget(L, table)) ?? .none
    }
}

extension Lua {
    /// The identity of a table, function or userdata (for cycle detection), or nil.
    public func pointer(at index: Int32) -> UnsafeRawPointer? { lua_topointer(L, index) }
}
