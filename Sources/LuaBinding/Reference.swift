import CLua

/// A value kept alive in the registry (`luaL_ref`) for as long as this Swift value lives.
public final class LuaReference {
    private let state: LuaState
    public let reference: Int32

    /// [-1, +0, m] Takes the value on top of `state`'s stack.
    public init(popping state: LuaState) {
        self.state = state
        reference = luaL_ref(state.lua.L, CLUA_REGISTRYINDEX)
    }

    /// [-0, +1, -] Pushes the value onto `lua` (a thread of the same state).
    public func push(onto lua: Lua) {
        lua_rawgeti(lua.L, CLUA_REGISTRYINDEX, lua_Integer(reference))
    }

    deinit { luaL_unref(state.lua.L, CLUA_REGISTRYINDEX, reference) }
}
