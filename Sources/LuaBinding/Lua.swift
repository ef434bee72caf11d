import CLua
import LuaShims

/// A view of one Lua thread's stack: the main state, or the coroutine a callback was handed.
///
/// It owns nothing. Every method here is safe to call from Swift: none of them can raise a Lua
/// error (they are tagged `-` or `m` in the manual, and memory errors are deferred by the host
/// allocator while Swift runs), so no `longjmp` crosses a Swift frame.
public struct Lua {
    public let L: OpaquePointer

    public init(_ L: OpaquePointer) { self.L = L }

    /// The index of the top of the stack (the number of values on it).
    public var top: Int32 {
        get { lua_gettop(L) }
        nonmutating set { lua_settop(L, newValue) }
    }

    /// `index` made absolute, so that it stays right after pushes.
    public func absolute(_ index: Int32) -> Int32 { lua_absindex(L, index) }

    /// Makes room for `n` more values; false if the stack cannot grow.
    @discardableResult
    public func ensureStack(_ n: Int32) -> Bool { lua_checkstack(L, n) != 0 }

    /// [-n, +0, -]
    public func pop(_ n: Int32 = 1) { clua_pop(L, n) }

    /// Runs `body` and puts the stack back to the height it had before, whatever `body` does.
    public func balanced<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        let saved = top
        defer { top = saved }
        return try body()
    }

    /// Bytes the state has allocated.
    public var memoryUsed: Int { Int(parley_memory_used(L)) }
}

@available(*, unavailable, message: "a Lua state belongs to one thread of control")
extension Lua: Sendable {}

/// The type of a Lua value, as `lua_type` reports it.
public enum LuaType: Int32, Sendable {
    case none = -1, nil_ = 0, boolean, lightUserdata, number, string, table, function, userdata, thread

    /// The name Lua uses in its messages (`luaL_typename`).
    public var name: String {
        switch self {
        case .none: "no value"
        case .nil_: "nil"
        case .boolean: "boolean"
        case .lightUserdata, .userdata: "userdata"
        case .number: "number"
        case .string: "string"
        case .table: "table"
        case .function: "function"
        case .thread: "thread"
        }
    }
}
