import CLua
import LuaShims

/// An owned Lua state: created with Parley's allocator and panic handler, closed when released.
/// One state belongs to one thread of control.
public final class LuaState {
    public let lua: Lua

    /// - Parameter memoryLimit: bytes Lua code may allocate (0 = no limit).
    public init(memoryLimit: Int = 0) throws(LuaError) {
        guard let L = parley_newstate(memoryLimit) else {
            throw LuaError(kind: .memory, message: "cannot create a Lua state: not enough memory")
        }
        lua = Lua(L)
    }

    deinit { parley_close(lua.L) }

    public var memoryLimit: Int {
        get { Int(parley_memory_cap(lua.L)) }
        set { parley_set_memory_cap(lua.L, newValue) }
    }

    /// Frames of chunk `name` (the host's own code, such as a prelude) are never named as where a
    /// script called the host when an error is raised.
    public func hideChunk(named name: String) { parley_hide_chunk(lua.L, name) }

    /// Loads and runs `source` with a traceback on error; results are left on the stack (`results`
    /// of them, or all with `nil`).
    public func run(_ source: String, chunkName: String, results: Int32? = 0) throws(LuaError) {
        try lua.load(source, chunkName: chunkName)
        try lua.pcall(arguments: 0, results: results ?? CLUA_MULTRET)
    }
}

@available(*, unavailable, message: "a Lua state belongs to one thread of control")
extension LuaState: Sendable {}
