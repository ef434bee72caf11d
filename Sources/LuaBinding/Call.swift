import CLua
import LuaShims

/// Loading and calling Lua code from Swift. Every entry into Lua goes through `parley_pcall`.
extension Lua {
    /// [-0, +1, -] Compiles `source` as a chunk named `chunkName` ("@file.lua" or "=stdin") and pushes the
    /// function. Text only: binary chunks are refused.
    public func load(_ source: String, chunkName: String) throws(LuaError) {
        var source = source
        let status = source.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                luaL_loadbufferx(L, $0.baseAddress, $0.count, chunkName, "t")
            }
        }
        if status != LUA_OK {
            let message = errorMessage(at: -1)
            pop()
            throw LuaError(kind: status == LUA_ERRSYNTAX ? .syntax : .memory, message: message)
        }
    }

    /// [-(nargs+1), +nresults, -] Calls the function below `nargs` arguments in protected mode.
    /// With `traceback`, the message carries a traceback (as lua.c's `docall`).
    public func pcall(arguments nargs: Int32, results nresults: Int32, traceback: Bool = true) throws(LuaError) {
        let status = parley_pcall(L, nargs, nresults, traceback ? 1 : 0)
        if status != LUA_OK {
            let message = errorMessage(at: -1)
            pop()
            throw LuaError(kind: Self.kind(of: status), message: message)
        }
    }

    /// Calls the function below `nargs` arguments from inside a Swift function. If Lua fails, the
    /// error value is kept and `LuaRethrow` is thrown, so that the trampoline raises it unchanged.
    public func callFromHost(arguments nargs: Int32, results nresults: Int32) throws(LuaRethrow) {
        let status = parley_pcall(L, nargs, nresults, 0)
        if status != LUA_OK {
            throw LuaRethrow(reference: luaL_ref(L, CLUA_REGISTRYINDEX))
        }
    }

    /// The text of a kept error when it is a string (nil otherwise); the error stays kept.
    public func string(of error: LuaRethrow) -> String? {
        guard ensureStack(1) else { return nil }
        lua_rawgeti(L, CLUA_REGISTRYINDEX, lua_Integer(error.reference))
        defer { pop() }
        return lua_type(L, -1) == LUA_TSTRING ? string(at: -1) : nil
    }

    /// Lets go of a kept error that a Swift function replaces with one of its own.
    public func discard(_ error: LuaRethrow) { luaL_unref(L, CLUA_REGISTRYINDEX, error.reference) }

    /// A message for the error value at `index`: its text, its `__tostring`, or its type.
    public func errorMessage(at index: Int32) -> String {
        if let bytes = bytes(at: index) { return String(decoding: bytes, as: UTF8.self) }
        return describe(at: index) ?? "(error object is a \(typeName(at: index)) value)"
    }

    /// `tostring(value)`, run protected (a `__tostring` metamethod may fail or misbehave); nil on failure.
    /// "no value" for an argument not given, as Lua's messages say it (an index above the top would
    /// otherwise name what is pushed there to call tostring).
    public func describe(at index: Int32) -> String? {
        if type(at: index) == .none { return "no value" }
        return balanced {
            guard parley_tolstring_p(L, index) == LUA_OK, let bytes = bytes(at: -1) else { return nil }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// [-0, +1, -] Pushes the global `name`, protected (the globals table may have metamethods).
    public func getGlobal(_ name: String) throws(LuaError) {
        if parley_getglobal_p(L, name) != LUA_OK {
            let message = errorMessage(at: -1)
            pop()
            throw LuaError(kind: .runtime, message: message)
        }
    }

    /// [-1, +0, -] Sets the global `name` to the value on top, protected.
    public func setGlobal(_ name: String) throws(LuaError) {
        if parley_setglobal_p(L, name) != LUA_OK {
            let message = errorMessage(at: -1)
            pop()
            throw LuaError(kind: .runtime, message: message)
        }
    }

    /// Opens Lua's standard libraries, protected.
    public func openStandardLibraries() throws(LuaError) {
        if parley_openlibs_p(L) != LUA_OK {
            let message = errorMessage(at: -1)
            pop()
            throw LuaError(kind: .runtime, message: message)
        }
    }

    /// Asks running Lua code to stop with "interrupted". Safe to call from a signal handler.
    public func interrupt() { parley_interrupt(L) }

    static func kind(of status: Int32) -> LuaError.Kind {
        switch status {
        case LUA_ERRRUN: .runtime
        case LUA_ERRMEM: .memory
        case LUA_ERRERR: .handler
        case LUA_ERRSYNTAX: .syntax
        default: .other
        }
    }
}

/// Ctrl-C while scripts run interactively.
public enum InterruptHandling {
    /// Installs the SIGINT handler (once, at REPL start).
    public static func install() { parley_sigint_install() }
    /// Runs `body` with Ctrl-C interrupting the Lua code of `lua`'s state.
    public static func interruptible<T, E: Error>(_ lua: Lua, _ body: () throws(E) -> T) throws(E) -> T {
        parley_sigint_arm(lua.L)
        defer { parley_sigint_disarm(lua.L) }
        return try body()
    }
    /// True if Ctrl-C was pressed since the last call.
    public static func takeInterrupt() -> Bool { parley_sigint_take() != 0 }
    /// True if Ctrl-C was pressed and not taken yet (for work outside Lua that looks now and then).
    public static var isPending: Bool { parley_sigint_pending() != 0 }
}

/// Limits on running scripts: a deadline, and forgetting a stop once a run is over.
extension Lua {
    /// Scripts stop with `message` once `seconds` have passed (nil: no deadline).
    public func setDeadline(seconds: Double?, message: String) {
        parley_set_deadline(L, seconds ?? 0, message)
    }

    /// Forgets an interrupt or a passed deadline, so that the next run starts clean.
    public func clearStop() { parley_clear_stop(L) }

    /// A full garbage collection (after an error, so memory returns to its level before).
    public func collectGarbage() { _ = clua_gc_collect(L) }
}

extension Lua {
    /// True once the running script must stop (interrupted, or past its deadline).
    public var mustStop: Bool { parley_stopped(L) != 0 }

    /// The error of a stop (Ctrl-C, the time limit) that came while the host itself ran Lua code
    /// (a `__tostring` while showing a result), where no script raised it; nil when none came.
    public var pendingStop: LuaError? {
        parley_stop_message(L).map { LuaError(kind: .runtime, message: String(cString: $0)) }
    }

    /// The stop a Swift function throws when `mustStop` said so during its own work.
    public var stop: LuaStop { LuaStop(parley_stop_message(L).map { String(cString: $0) } ?? "interrupted") }
}
