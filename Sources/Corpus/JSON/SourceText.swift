/// Maps byte offsets in a file to 1-based line and column numbers (columns count characters, as
/// editors do), computed only when a problem needs reporting.
public struct SourcePosition: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    public var description: String { "\(line):\(column)" }

    /// The line and column of `offset` in `bytes`.
    public static func of(offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> SourcePosition {
        let offset = min(max(offset, 0), bytes.count)
        var line = 1
        var lineStart = 0
        for i in 0..<offset where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        // Count characters (UTF-8 lead bytes) between the line start and the offset.
        var column = 1
        for i in lineStart..<offset where bytes[i] & 0xC0 != 0x80 { column += 1 }
        return SourcePosition(line: line, column: column)
    }
}
