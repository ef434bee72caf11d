import LuaBinding
import Scripting

extension ScriptSession {
    /// Sets the global `name` to field `field` of the metatable registered as `metatable`, which
    /// scripts cannot reach (`getmetatable` gives its name): tests call the C functions behind it
    /// with the wrong arguments, as C code could.
    func exposeMetatableField(_ metatable: String, _ field: String, as name: String) throws {
        let lua = state.lua
        lua.pushMetatable(named: metatable)
        lua.rawGetField(field, in: -1)
        try lua.setGlobal(name)
        lua.pop()
    }
}
