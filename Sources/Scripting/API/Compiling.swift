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
    /// while they are on the stack (none: an empty list).
    public func execute(_ source: String, chunkName: String = "=stdin", show: ([Int32]) -> Void) throws(LuaError) {
        try limited { () throws(LuaError) in
            try lua.balanced { () throws(LuaError) in
                let base = lua.top
                try InterruptHandling.interruptible(lua) { () throws(LuaError) in
                    try state.run(source, chunkName: chunkName, results: nil)
                }
                show(Array(base + 1..<lua.top + 1))
            }
        }
    }
}
