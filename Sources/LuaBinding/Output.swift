import LuaShims

/// Standard output and error through C stdio, in order with what Lua's `print` writes.
public enum StandardStreams {
    public static func write(_ text: String) {
        var text = text
        text.withUTF8 { $0.withMemoryRebound(to: CChar.self) { parley_write_stdout($0.baseAddress, $0.count) } }
    }

    public static func writeError(_ text: String) {
        var text = text
        text.withUTF8 { $0.withMemoryRebound(to: CChar.self) { parley_write_stderr($0.baseAddress, $0.count) } }
    }
}

extension StandardStreams {
    public static func flush() { parley_flush_stdout() }

    /// From now on, output that could not be written makes the process end with status 1 and a
    /// message on standard error when it exits (GNU's close_stdout).
    public static func checkAtExit() { parley_check_stdout_at_exit() }
}

extension StandardStreams {
    /// Raw bytes to standard output.
    public static func write(bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { parley_write_stdout($0.baseAddress, $0.count) } }
    }
}
