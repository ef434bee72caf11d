import Foundation

/// Appends plain values to a byte buffer, for snapshots. Columns are copied whole, each starting
/// at a multiple of 8 bytes so that a reader can use them where they lie in a mapped file.
struct BinaryWriter {
    var data = Data()

    mutating func int(_ value: Int) { var v = Int64(value); withUnsafeBytes(of: &v) { data.append(contentsOf: $0) } }
    mutating func double(_ value: Double) { var v = value; withUnsafeBytes(of: &v) { data.append(contentsOf: $0) } }
    mutating func bool(_ value: Bool) { data.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { bytes in
            int(bytes.count)
            data.append(contentsOf: bytes)
        }
    }

    mutating func optionalString(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }

    mutating func align() {
        let padding = (8 - data.count % 8) % 8
        data.append(contentsOf: [UInt8](repeating: 0, count: padding))
    }

    mutating func column<T>(_ values: ColumnArray<T>) {
        int(values.count)
        align()
        values.withUnsafeBytes { data.append(contentsOf: $0) }
        align()
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

extension JSONValue {
    /// The value as JSON text (for the few JSON values a snapshot keeps: extra fields, roles).
    var jsonText: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .integer(let i): return String(i)
        case .number(let d): return d.isFinite ? "\(d)" : "null"
        case .string(let s): return Self.quoted(s)
        case .array(let items): return "[" + items.map(\.value.jsonText).joined(separator: ",") + "]"
        case .object(let members): return "{" + members.map { Self.quoted($0.key) + ":" + $0.value.value.jsonText }.joined(separator: ",") + "}"
        }
    }

    /// A string as a JSON string literal: quotes, backslashes and control characters escaped.
    public static func quoted(_ s: String) -> String {
        // Most strings need no escape: then no walk over their scalars.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) { return "\"" + s + "\"" }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
