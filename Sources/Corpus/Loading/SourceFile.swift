import Foundation

/// A file's bytes: memory-mapped when read from disk, so a large corpus is not copied into memory.
struct ByteSource: Sendable {
    let data: Data
    var count: Int { data.count }

    func withUnsafeBufferPointer<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        data.withUnsafeBytes { body($0.bindMemory(to: UInt8.self)) }
    }

    subscript(i: Int) -> UInt8 { data[data.startIndex + i] }
}

/// A corpus file's bytes and a way to turn offsets into line and column, scanning forward from the
/// last answer so that sequential records cost one pass in all.
final class SourceFile {
    let path: String
    let bytes: ByteSource
    private var lastOffset = 0
    private var lastLine = 1
    private var lastLineStart = 0

    init(path: String, bytes: ByteSource) {
        self.path = path
        self.bytes = bytes
    }

    convenience init(path: String, text: String) {
        self.init(path: path, bytes: ByteSource(data: Data(text.utf8)))
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
        let lineStart = lastLineStart
        let column = bytes.withUnsafeBufferPointer { buffer in
            var column = 1
            for i in lineStart..<offset where buffer[i] & 0xC0 != 0x80 { column += 1 }
            return column
        }
        return SourcePosition(line: lastLine, column: column)
    }
}
