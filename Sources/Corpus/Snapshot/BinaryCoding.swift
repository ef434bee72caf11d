import Foundation

/// Appends plain values to a byte buffer, for snapshots. Columns are copied whole, each starting
/// at a multiple of 8 bytes so that a reader can use them where they lie in a mapped file.
struct BinaryWriter {
    /// Bytes not yet written out (all of them for a writer without a file).
    var data = Data()
    /// Where the bytes go once `data` holds a few megabytes, and how many went there already: a
    /// snapshot of a million statements is written as it is encoded, not gathered in memory first
    /// (which doubled the peak of a load that writes its snapshot).
    private let file: Int32?
    private(set) var flushed = 0
    /// The first write that failed (nothing more is written after it).
    private(set) var failure: POSIXError?
    private static let flushSize = 4 << 20

    /// A writer that gathers its bytes in `data`.
    init() { file = nil }

    /// A writer that writes to `file` as it goes (`flush()` writes the rest).
    init(file: Int32) { self.file = file }

    /// Bytes written so far, flushed or not.
    var count: Int { flushed + data.count }

    mutating func int(_ value: Int) { var v = Int64(value); withUnsafeBytes(of: &v) { data.append(contentsOf: $0) } }
    mutating func double(_ value: Double) { var v = value; withUnsafeBytes(of: &v) { data.append(contentsOf: $0) } }
    mutating func bool(_ value: Bool) { data.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { bytes in
            int(bytes.count)
            data.append(contentsOf: bytes)
        }
        flushIfLarge()
    }

    mutating func optionalString(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }

    mutating func bytes(_ other: Data) {
        data.append(other)
        flushIfLarge()
    }

    mutating func bytes(_ other: [UInt8]) {
        // A large piece goes to the file straight from its own memory, as a large column does.
        if file != nil && other.count >= Self.flushSize {
            other.withUnsafeBytes { writeDirectly($0) }
            return
        }
        data.append(contentsOf: other)
        flushIfLarge()
    }

    mutating func align() {
        let padding = (8 - count % 8) % 8
        data.append(contentsOf: [UInt8](repeating: 0, count: padding))
    }

    mutating func column<T>(_ values: ColumnArray<T>) {
        int(values.count)
        align()
        values.withUnsafeBytes { raw in
            // A large column goes to the file straight from its own memory.
            if file != nil && raw.count >= Self.flushSize {
                writeDirectly(raw)
            } else {
                data.append(contentsOf: raw)
            }
        }
        align()
        flushIfLarge()
    }

    /// Writes what is held, then `raw` from where it lies, without copying it into `data`.
    private mutating func writeDirectly(_ raw: UnsafeRawBufferPointer) {
        flush()
        write(raw)
        flushed += raw.count
    }

    private mutating func flushIfLarge() {
        if file != nil && data.count >= Self.flushSize { flush() }
    }

    /// Writes out what `data` holds (for a writer with a file).
    mutating func flush() {
        guard file != nil, !data.isEmpty else { return }
        let pending = data
        pending.withUnsafeBytes { write($0) }
        flushed += pending.count
        data.removeAll(keepingCapacity: true)
    }

    private mutating func write(_ bytes: UnsafeRawBufferPointer) {
        guard let file, failure == nil else { return }
        var done = 0
        while done < bytes.count {
            let n = Foundation.write(file, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                failure = POSIXError.current
                return
            }
            done += n
        }
    }
}

/// Reads what `BinaryWriter` wrote from a mapped file; any read past the end means a damaged file.
/// Columns are not copied: they point into the mapping, which `owner` keeps open. (Sendable: it
/// only reads memory that nothing writes.)
struct BinaryReader: @unchecked Sendable {
    struct Damaged: Error {}
    let base: UnsafePointer<UInt8>
    let count: Int
    let owner: AnyObject & Sendable
    var position: Int

    init(_ file: MappedFile, from position: Int = 0) {
        base = file.base
        count = file.count
        owner = file
        self.position = position
    }

    private mutating func take(_ n: Int) throws(Damaged) -> Int {
        guard n >= 0, n <= count - position else { throw Damaged() }
        defer { position += n }
        return position
    }

    mutating func int() throws(Damaged) -> Int {
        Int(UnsafeRawPointer(base + (try take(8))).loadUnaligned(as: Int64.self))
    }

    mutating func double() throws(Damaged) -> Double {
        UnsafeRawPointer(base + (try take(8))).loadUnaligned(as: Double.self)
    }

    mutating func bool() throws(Damaged) -> Bool { base[try take(1)] != 0 }

    mutating func string() throws(Damaged) -> String {
        let n = try int()
        let start = try take(n)
        guard let text = String(validating: UnsafeBufferPointer(start: base + start, count: n), as: UTF8.self) else { throw Damaged() }
        return text
    }

    mutating func optionalString() throws(Damaged) -> String? { try bool() ? try string() : nil }

    mutating func strings() throws(Damaged) -> [String] {
        let n = try int()
        guard n >= 0, n <= count else { throw Damaged() }
        var values: [String] = []
        values.reserveCapacity(n)
        for _ in 0..<n { values.append(try string()) }
        return values
    }

    mutating func align() throws(Damaged) { _ = try take((8 - position % 8) % 8) }

    mutating func column<T>(_ type: T.Type = T.self) throws(Damaged) -> ColumnArray<T> {
        let n = try int()
        try align()
        guard n >= 0, n <= count / max(MemoryLayout<T>.stride, 1) else { throw Damaged() }
        let start = try take(n * MemoryLayout<T>.stride)
        try align()
        let raw = UnsafeRawPointer(base + start)
        guard Int(bitPattern: raw) % MemoryLayout<T>.alignment == 0 else { throw Damaged() }
        return ColumnArray(mapped: raw.assumingMemoryBound(to: T.self), count: n, owner: owner)
    }
}

/// A file mapped read-only for as long as anything refers to it.
final class MappedFile: @unchecked Sendable {
    let base: UnsafePointer<UInt8>
    let count: Int

    /// nil if the file cannot be read, or is empty.
    init?(path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 else { return nil }
        count = Int(info.st_size)
        // MAP_POPULATE reads the whole file in at once, rather than one page fault at a time.
        guard let pointer = mmap(nil, count, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0), pointer != MAP_FAILED else { return nil }
        base = UnsafePointer(pointer.assumingMemoryBound(to: UInt8.self))
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: base), count) }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }
}
