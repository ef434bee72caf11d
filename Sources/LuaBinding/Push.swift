import CLua

/// Pushing Swift values. Each is [-0, +1, m]; strings are pushed with their byte length, so NUL
/// bytes survive.
extension Lua {
    public func pushNil() { lua_pushnil(L) }
    public func push(_ value: Bool) { lua_pushboolean(L, value ? 1 : 0) }
    public func push(_ value: Int) { lua_pushinteger(L, lua_Integer(value)) }
    public func push(_ value: Double) { lua_pushnumber(L, value) }

    public func push(_ value: String) {
        var value = value
        value.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                _ = lua_pushlstring(L, chars.baseAddress, chars.count)
            }
        }
    }

    /// Pushes raw bytes as a Lua string.
    public func push(bytes: UnsafeBufferPointer<UInt8>) {
        bytes.withMemoryRebound(to: CChar.self) { chars in
            _ = lua_pushlstring(L, chars.baseAddress, chars.count)
        }
    }

    /// Pushes a copy of the value at `index`.
    public func pushValue(at index: Int32) { lua_pushvalue(L, index) }

    /// Pushes a new table with room for `array` list items and `record` named fields.
    public func newTable(array: Int = 0, record: Int = 0) {
        lua_createtable(L, Int32(clamping: array), Int32(clamping: record))
    }

    /// [-1, +0, m] Sets `table[key] = top` without metamethods, and pops the value.
    public func rawSetField(_ key: String, in table: Int32) {
        let table = absolute(table)
        push(key)
        lua_rotate(L, -2, 1)            // [..., key, value]
        lua_rawset(L, table)
    }

    /// [-1, +0, m] Sets `table[i] = top` without metamethods, and pops the value.
    public func rawSetIndex(_ i: Int, in table: Int32) {
        lua_rawseti(L, table, lua_Integer(i))
    }

    /// Pushes a list of strings as a Lua sequence.
    public func push(strings: [String]) {
        newTable(array: strings.count)
        for (i, s) in strings.enumerated() {
            push(s)
            rawSetIndex(i + 1, in: -2)
        }
    }
}

extension Lua {
    /// [-2, +0, m] Sets `table[key] = value` for the key and value on top, without metamethods.
    public func rawSet(in table: Int32) {
        lua_rawset(L, table)
    }
}

extension Lua {
    /// [-1, +0, -] Removes the value at `index`, shifting the ones above it down.
    public func remove(at index: Int32) { clua_remove(L, index) }
}
