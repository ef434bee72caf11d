/// A corpus file's bytes and a way to turn offsets into line and column, scanning forward from the
/// last answer so that sequential records cost one pass in all.
final class SourceFile {
    let path: String
    let bytes: [UInt8]
    private var lastOffset = 0
    private var lastLine = 1
    private var lastLineStart = 0

    init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    func position(of offset: Int) -> SourcePosition {
        let offset = min(max(offset, 0), bytes.count)
        if offset < lastOffset {
            lastOffset = 0
            lastLine = 1
            lastLineStart = 0
        }
        bytes.withUnsafeBufferPointer { buffer in
            var i = lastOffset
            while i < offset {
                if buffer[i] == 0x0A {
                    lastLine += 1
                    lastLineStart = i + 1
                }
                i += 1
            }
        }
        lastOffset = offset
        var column = 1
        for i in lastLineStart..<offset where bytes[i] & 0xC0 != 0x80 { column += 1 }
        return SourcePosition(line: lastLine, column: column)
    }
}
