import CLua
import LuaShims

/// The body of a Swift function callable from Lua: it reads its arguments from the stack it is handed,
/// pushes its results and returns how many. It throws instead of raising; the C trampoline raises.
public typealias LuaFunctionBody = (Lua) throws -> Int32

/// What Lua holds for a Swift function: its name (for messages) and its body.
final class FunctionBox {
    let name: String
    let body: LuaFunctionBody
    init(name: String, body: @escaping LuaFunctionBody) {
        self.name = name
        self.body = body
    }
}

/// Runs a Swift function for the trampoline. Never raises: errors become a message or a rethrow.
private func dispatchFunction(_ state: OpaquePointer?, _ context: UnsafeMutableRawPointer?) -> Int32 {
    guard let state, let context else { return 0 }
    let box = Unmanaged<FunctionBox>.fromOpaque(context).takeUnretainedValue()
    let lua = Lua(state)
    do {
        return try box.body(lua)
    } catch let rethrow as LuaRethrow {
        lua.ensureStack(1)
        lua_rawgeti(state, CLUA_REGISTRYINDEX, lua_Integer(rethrow.reference))
        luaL_unref(state, CLUA_REGISTRYINDEX, rethrow.reference)
        return Int32(PARLEY_RETHROW)
    } catch let error as LuaArgumentError {
        lua.ensureStack(1)
        lua.push(box.name.isEmpty ? "bad argument #\(error.position) (\(error.message))"
                                  : "bad argument #\(error.position) to '\(box.name)' (\(error.message))")
        return Int32(PARLEY_RAISE)
    } catch let stop as LuaStop {
        lua.ensureStack(1)
        lua.push(stop.message)
        return Int32(PARLEY_RAISE)
    } catch {
        lua.ensureStack(1)
        lua.push(box.name.isEmpty ? "\(error)" : "\(box.name): \(error)")
        return Int32(PARLEY_RAISE)
    }
}

func releaseRetained(_ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    Unmanaged<AnyObject>.fromOpaque(context).release()
}

extension Lua {
    /// [-0, +1, m] Pushes a Swift function as a Lua function. `name` appears in its error messages
    /// (none when empty: a metamethod's name, such as `__index`, means nothing to the script's author).
    public func pushFunction(named name: String, _ body: @escaping LuaFunctionBody) {
        let box = Unmanaged.passRetained(FunctionBox(name: name, body: body)).toOpaque()
        parley_pushfunction(L, dispatchFunction, box, releaseRetained)
    }
}

extension Lua {
    /// [-0, +1, m] Pushes `guard(function, name, plain argument, refuse)`, which wraps a string
    /// library function so that a pattern with several repetitions over a long text is refused
    /// (by calling `refuse`) before it starts; anything else runs the function with no Lua call
    /// between. See `parley_push_pattern_guard`.
    public func pushPatternGuard() { parley_push_pattern_guard(L) }

    /// [-0, +1, m] Pushes a table of `lower` and `upper`, string.lower and string.upper without a
    /// C library call per byte (see `parley_push_ascii_case`).
    public func pushASCIICase() { parley_push_ascii_case(L) }
}
