import CLua
import LuaShims

/// Userdata: Swift objects owned by Lua (boxes) and small values copied into Lua (handles).
extension Lua {
    /// [-0, +0, m] Creates the metatable `name` once, with `__name`, the given metamethods and an
    /// `__index` table of methods unless `__index` is among the metamethods. Boxes get `__gc`.
    /// Returns false if it already existed.
    @discardableResult
    public func registerMetatable(
        _ name: String,
        metamethods: [String: LuaFunctionBody] = [:],
        methods: [String: LuaFunctionBody] = [:],
        ownsObjects: Bool = false
    ) -> Bool {
        defer { pop() }
        guard luaL_newmetatable(L, name) != 0 else { return false }   // [mt]
        for (event, body) in metamethods.sorted(by: { $0.key < $1.key }) {
            pushFunction(named: "", body)     // `s.x = 1` fails with the message alone, not "__newindex: …"
            rawSetField(event, in: -2)
        }
        if !methods.isEmpty && metamethods["__index"] == nil {
            newTable(record: methods.count)                             // [mt, methods]
            for (method, body) in methods.sorted(by: { $0.key < $1.key }) {
                pushFunction(named: method, body)
                rawSetField(method, in: -2)
            }
            rawSetField("__index", in: -2)                              // [mt]
        }
        if ownsObjects {
            clua_pushcfunction(L, parley_box_gc)
            rawSetField("__gc", in: -2)
        }
        // Scripts get the name, not the table: a line that emptied __index would break every
        // later line of the session (`getmetatable(statements).__index = nil`).
        push(name)
        rawSetField("__metatable", in: -2)
        return true
    }

    /// [-0, +0, -] Gives the table or userdata on top of the stack the metatable registered as `name`.
    public func setMetatable(named name: String) {
        luaL_setmetatable(L, name)   // a registry lookup and lua_setmetatable: neither raises
    }

    /// [-1, +0, -] Pops the table on top of the stack and makes it the metatable of the value below
    /// it (a metatable of its own, not a registered one).
    public func setMetatableFromTop() {
        lua_setmetatable(L, -2)   // sets, or replaces: neither raises
    }

    /// [-0, +1, -] Pushes the metatable registered as `name` (nil if none).
    public func pushMetatable(named name: String) {
        _ = lua_getfield(L, CLUA_REGISTRYINDEX, name)   // the registry has no metatable: cannot raise
    }

    /// [-0, +1, m] Pushes a userdata that keeps `object` alive until Lua collects it. The `bytes`
    /// the object holds count toward the memory limit as Lua's own do (`memoryUsed`) until then:
    /// Lua sees a box of a few bytes, and neither its limit nor its collector knew of the rest.
    /// Past the limit, the function's caller gets the memory error once the host has returned.
    public func pushBox(_ object: AnyObject, metatable: String, holding bytes: Int = 0) {
        let pointer = Unmanaged.passRetained(object).toOpaque()
        parley_pushbox(L, pointer, releaseRetained, metatable, max(bytes, 0))
    }

    /// [-0, +0, -] The object of the box at `index` (checked by the caller) has grown by `bytes`.
    public func holdMore(_ bytes: Int, forBoxAt index: Int32) {
        parley_box_hold_more(L, index, max(bytes, 0))
    }

    /// The object in the box at `index`, if that value is a box with metatable `name` holding a `T`.
    public func box<T: AnyObject>(at index: Int32, metatable: String, as: T.Type = T.self) -> T? {
        guard let pointer = parley_tobox(L, index, metatable) else { return nil }
        return Unmanaged<AnyObject>.fromOpaque(pointer).takeUnretainedValue() as? T
    }

    /// [-0, +1, m] Pushes a userdata holding a copy of `value` (a handle: plain data, owns nothing).
    public func pushHandle<T: BitwiseCopyable>(_ value: T, metatable: String) {
        let block = lua_newuserdatauv(L, MemoryLayout<T>.size, 0)!
        block.storeBytes(of: value, as: T.self)
        luaL_setmetatable(L, metatable)
    }

    /// The handle at `index` if it is a userdata with metatable `name`.
    public func handle<T: BitwiseCopyable>(at index: Int32, metatable: String, as: T.Type = T.self) -> T? {
        guard let block = luaL_testudata(L, index, metatable) else { return nil }
        return block.loadUnaligned(as: T.self)
    }
}

/// The fast path for boxes used in bulk (a collection's methods): the metatable is found by a
/// registry reference instead of by name.
extension Lua {
    /// [-0, +0, m] A registry reference to the metatable registered as `name` (kept for the state's life).
    public func metatableReference(named name: String) -> Int32 {
        pushMetatable(named: name)
        return luaL_ref(L, CLUA_REGISTRYINDEX)
    }

    /// [-0, +(0|1), -] Pushes the metatable of the value at `index` and returns true, or pushes
    /// nothing and returns false when it has none.
    public func pushMetatableOf(at index: Int32) -> Bool {
        lua_getmetatable(L, index) != 0
    }

    /// Whether the value at `index` has a metatable with field `name` (read raw, so nothing runs).
    public func hasMetafield(_ name: String, at index: Int32) -> Bool {
        let type = luaL_getmetafield(L, index, name)
        if type != LUA_TNIL { lua_settop(L, -2) }
        return type != LUA_TNIL
    }

    /// The object in the box at `index` if its metatable is the one `reference` holds.
    public func box<T: AnyObject>(at index: Int32, metatableReference reference: Int32, as: T.Type = T.self) -> T? {
        guard lua_type(L, index) == LUA_TUSERDATA, lua_getmetatable(L, index) != 0 else { return nil }
        lua_rawgeti(L, CLUA_REGISTRYINDEX, lua_Integer(reference))
        let same = lua_rawequal(L, -1, -2) != 0
        lua_settop(L, -3)
        guard same, let pointer = parley_tobox_unchecked(L, index) else { return nil }
        return Unmanaged<AnyObject>.fromOpaque(pointer).takeUnretainedValue() as? T
    }
}

/// Light handles: values of one word (a light userdata) that own no memory, so that a script can
/// make millions of them (one per row of a loop) without allocating or collecting anything. Lua
/// gives every light userdata the same metatable, so one kind of handle only can be light.
extension Lua {
    /// [-0, +0, -] Makes the metatable registered as `name` that of every light userdata.
    public func setLightHandleMetatable(named name: String) {
        lua_pushlightuserdata(L, nil)
        pushMetatable(named: name)
        lua_setmetatable(L, -2)
        pop()
    }

    /// [-0, +1, -] Pushes a light handle holding `bits`.
    public func pushLightHandle(_ bits: UInt64) {
        lua_pushlightuserdata(L, UnsafeMutableRawPointer(bitPattern: UInt(bits)))
    }

    /// The bits of the light handle at `index`; nil for any other value.
    public func lightHandle(at index: Int32) -> UInt64? {
        guard lua_type(L, index) == LUA_TLIGHTUSERDATA else { return nil }
        return UInt64(UInt(bitPattern: lua_touserdata(L, index)))
    }
}
