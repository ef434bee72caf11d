import LuaBinding

/// Compiling without running, for the REPL's decisions (lua.c's `addreturn` and `incomplete`).
extension ScriptSession {
    public enum Compiled: Equatable {
        case complete
        /// The chunk ends too early (`<eof>`): more lines may finish it.
        case incomplete
        case error(String)
    }

    /// Whether `source` compiles as a chunk.
    public func compile(_ source: String, chunkName: String = "=stdin") -> Compiled {
        do {
            try lua.balanced { () throws(LuaError) in try lua.load(source, chunkName: chunkName) }
            return .complete
        } catch {
            return error.kind == .syntax && error.message.hasSuffix("<eof>") ? .incomplete : .error(error.message)
        }
    }

    /// Runs `source` (Ctrl-C interrupts it) and calls `show` with the stack indices of its results
    /// while they are on the stack (none: an empty list). Showing them may run Lua code too (a
    /// `__tostring`): Ctrl-C and the time limit stop it as they stop the chunk, and `show` should
    /// print nothing once `isStopped` (the stop is then thrown).
    public func execute(_ source: String, chunkName: String = "=stdin", show: ([Int32]) -> Void) throws(LuaError) {
        try limited { () throws(LuaError) in
            try lua.balanced { () throws(LuaError) in
                let base = lua.top
                try state.run(source, chunkName: chunkName, results: nil)
                show(Array(base + 1..<lua.top + 1))
                if let stop = lua.pendingStop { throw stop }
            }
        }
    }

    /// Whether Ctrl-C or the time limit stopped Lua code the host ran (see `execute`).
    public var isStopped: Bool { lua.mustStop }
}
