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
}

extension StandardStreams {
    /// Raw bytes to standard output.
    public static func write(bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { parley_write_stdout($0.baseAddress, $0.count) } }
    }
}
