import Foundation

/// A file's bytes: memory-mapped when read from disk, so a large corpus is not copied into memory.
struct ByteSource: Sendable {
    let data: Data
    /// True when `data` maps a file: read pages may then be handed back to the system.
    var mapped = false
    var count: Int { data.count }

    /// Tells the system that `range` has been read and its pages may be dropped; they are read from
    /// the file again if touched. Only for mapped files (it would zero ordinary memory).
    func release(_ range: Range<Int>) {
        guard mapped else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            let address = Int(bitPattern: base)
            let start = (address + range.lowerBound + page - 1) / page * page
            let end = (address + range.upperBound) / page * page
            if end > start { madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, Int32(MADV_DONTNEED)) }
        }
    }

    /// Where the content starts: after a UTF-8 byte order mark, which Windows tools (Notepad,
    /// PowerShell, Excel) write at the start of a text file, and which is not part of the text.
    var contentStart: Int { withUnsafeBufferPointer(Self.byteOrderMarkLength) }

    static func byteOrderMarkLength(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
        buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0
    }

    func withUnsafeBufferPointer<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        data.withUnsafeBytes { body($0.bindMemory(to: UInt8.self)) }
    }

    subscript(i: Int) -> UInt8 { data[data.startIndex + i] }

    /// The file at `path`, mapped read-only (an empty file gives no bytes); nil if it cannot be read.
    static func map(_ path: String) -> ByteSource? {
        // Not blocking: opening a named pipe would wait for a writer (it is then refused below).
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        if size == 0 { return ByteSource(data: Data()) }
        guard let pointer = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), pointer != MAP_FAILED else { return nil }
        return ByteSource(data: Data(bytesNoCopy: pointer, count: size, deallocator: .unmap), mapped: true)
    }
}

/// What a path names, as the loaders and the recipe path need to know it: a named pipe or a
/// device would block a reader, or never end.
public enum PathKind {
    /// The size of the file at `path` (through links), or nil when it is not a regular file (or
    /// does not exist).
    public static func regularFileSize(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// Whether `path` exists and is not a regular file or a folder: a pipe, a device, a socket.
    public static func isSpecial(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG && (info.st_mode & S_IFMT) != S_IFDIR
    }
}

/// Where a record or value of a file without lines lies (a SQLite database's table, row and
/// column), for an "offset" that encodes it: `line` and `column` order problems, `text` names the place.
struct RecordPlace {
    var line: Int
    var column: Int
    var text: String
}

/// A corpus file's bytes and a way to turn offsets into line and column, scanning forward from the
/// last answer so that sequential records cost one pass in all. An offset behind the last answer
/// (problems found once every record is read) is placed through an index of line starts, made once.
/// A file that is not text (a database) places its offsets through `places` instead.
///
/// A block of a file read a block at a time (a compressed file as it is decompressed) numbers its
/// lines from `lineBase` on, and may let its bytes go once read (`releaseBytes`), keeping where its
/// lines start.
final class SourceFile {
    let path: String
    private(set) var bytes: ByteSource
    let places: ((Int) -> RecordPlace)?
    /// How many lines of the file come before these bytes.
    let lineBase: Int
    private var lastOffset = 0
    private var lastLine = 1
    private var lastLineStart = 0
    private var lineStarts: [Int]?
    /// Where each line starts, once the bytes are let go.
    private var releasedLineStarts: [Int32]?

    init(path: String, bytes: ByteSource, places: ((Int) -> RecordPlace)? = nil, lineBase: Int = 0) {
        self.path = path
        self.bytes = bytes
        self.places = places
        self.lineBase = lineBase
    }

    /// Lets the bytes go, keeping where each line starts, so that problems found later (once every
    /// record is read) are still placed: by line, and by byte within it. Returns how many line
    /// breaks the bytes held before `end` (the bytes after it, carried over to the next block, are
    /// not this block's). Only for bytes of less than 2 GiB.
    func releaseBytes(upTo end: Int? = nil) -> Int {
        var starts: [Int32] = [0]
        bytes.withUnsafeBufferPointer { buffer in
            Self.forEachLineBreak(in: buffer, 0..<min(end ?? buffer.count, buffer.count)) { starts.append(Int32($0 + 1)) }
        }
        releasedLineStarts = starts
        bytes = ByteSource(data: Data())
        lineStarts = nil
        return starts.count - 1
    }

    /// A file over the same bytes for a part read on another thread: placing a problem moves a
    /// file's line cursor, so parts read at once must not share one.
    func forAnotherPart() -> SourceFile { SourceFile(path: path, bytes: bytes) }

    convenience init(path: String, text: String) {
        self.init(path: path, bytes: ByteSource(data: Data(text.utf8)))
    }

    /// A problem at `offset`, placed by line and column (or by `places`).
    func problem(at offset: Int, record: String? = nil, message: String) -> CorpusProblem {
        if let places {
            let place = places(offset)
            return CorpusProblem(file: path, line: place.line, column: place.column, record: record, message: message, place: place.text)
        }
        let position = position(of: offset)
        return CorpusProblem(file: path, line: position.line, column: position.column, record: record, message: message)
    }

    /// Where the record at `offset` is, for messages that point back to it: "line 12", "row 12".
    func place(of offset: Int) -> String {
        if let places { return places(offset).text }
        return "line \(position(of: offset).line)"
    }

    func position(of offset: Int) -> SourcePosition {
        if let places {
            let place = places(offset)
            return SourcePosition(line: place.line, column: place.column)
        }
        if let starts = releasedLineStarts {
            var low = 0, high = starts.count   // the last line start at or before `offset`
            while high - low > 1 {
                let middle = (low + high) / 2
                if Int(starts[middle]) <= offset { low = middle } else { high = middle }
            }
            return SourcePosition(line: lineBase + low + 1, column: offset - Int(starts[low]) + 1)
        }
        let offset = min(max(offset, 0), bytes.count)
        if offset < lastOffset && offset >= lastLineStart {
            // Back within the line of the last answer (a record's problem after its field's): known.
            lastOffset = offset
        } else if offset < lastOffset || (lineStarts != nil && offset - lastOffset > 4096) {
            // Further back, or anywhere once the lines are indexed: looked up in the index.
            let starts = lineStarts ?? indexLines()
            lineStarts = starts
            var low = 0, high = starts.count   // the last line start at or before `offset`
            while high - low > 1 {
                let middle = (low + high) / 2
                if starts[middle] <= offset { low = middle } else { high = middle }
            }
            lastOffset = starts[low]
            lastLine = low + 1
            lastLineStart = starts[low]
        }
        forEachLineBreak(in: lastOffset..<offset) { at in
            lastLine += 1
            lastLineStart = at + 1
        }
        lastOffset = offset
        let lineStart = lastLineStart
        let column = bytes.withUnsafeBufferPointer { buffer in
            var column = 1
            for i in lineStart..<offset where buffer[i] & 0xC0 != 0x80 { column += 1 }
            return column
        }
        return SourcePosition(line: lineBase + lastLine, column: column)
    }

    private func indexLines() -> [Int] {
        var starts = [0]
        forEachLineBreak(in: 0..<bytes.count) { starts.append($0 + 1) }
        return starts
    }

    /// `forEachLineBreak` over this file's bytes, a megabyte at a time, each handed back once read
    /// (as the reader hands back what it has read): a part read on another core walks from the
    /// file's start to its first problem, and an index of lines reads the whole file, which then
    /// stayed resident (340 MB more at a million statements for one problem).
    private func forEachLineBreak(in range: Range<Int>, _ body: (Int) -> Void) {
        let step = 1 << 20
        bytes.withUnsafeBufferPointer { buffer in
            for chunk in stride(from: range.lowerBound, to: range.upperBound, by: step) {
                let part = chunk..<min(chunk + step, range.upperBound)
                Self.forEachLineBreak(in: buffer, part, body)
                bytes.release(part)
            }
        }
    }

    /// Calls `body` with the offset of each line break in `range` of `buffer`, in order; found by
    /// `memchr`, many bytes at a time (a byte loop took half a second over 400 MB).
    static func forEachLineBreak(in buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ body: (Int) -> Void) {
        guard let base = buffer.baseAddress else { return }
        var from = range.lowerBound
        while from < range.upperBound, let found = memchr(base + from, 0x0A, range.upperBound - from) {
            let at = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            body(at)
            from = at + 1
        }
    }
}
