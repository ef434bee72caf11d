import Foundation

/// Appends plain values to a byte buffer, for snapshots. Arrays of plain numbers are copied whole.
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

    mutating func array<T: BitwiseCopyable>(_ values: [T]) {
        int(values.count)
        values.withUnsafeBytes { data.append(contentsOf: $0) }
    }
}

/// Reads what `BinaryWriter` wrote; any read past the end means a damaged file.
struct BinaryReader {
    struct Damaged: Error {}
    let data: Data
    var position: Int

    init(_ data: Data, from position: Int = 0) {
        self.data = data
        self.position = position
    }

    private mutating func take(_ count: Int) throws(Damaged) -> Range<Int> {
        guard count >= 0, position + count <= data.count else { throw Damaged() }
        defer { position += count }
        return (data.startIndex + position)..<(data.startIndex + position + count)
    }

    mutating func int() throws(Damaged) -> Int {
        let range = try take(8)
        return Int(data[range].withUnsafeBytes { $0.loadUnaligned(as: Int64.self) })
    }

    mutating func double() throws(Damaged) -> Double {
        let range = try take(8)
        return data[range].withUnsafeBytes { $0.loadUnaligned(as: Double.self) }
    }

    mutating func bool() throws(Damaged) -> Bool { data[try take(1).lowerBound] != 0 }

    mutating func string() throws(Damaged) -> String {
        let count = try int()
        let range = try take(count)
        guard let text = data[range].withUnsafeBytes({ String(validating: $0.bindMemory(to: UInt8.self), as: UTF8.self) }) else { throw Damaged() }
        return text
    }

    mutating func optionalString() throws(Damaged) -> String? { try bool() ? try string() : nil }

    mutating func strings() throws(Damaged) -> [String] {
        let count = try int()
        guard count >= 0, count <= data.count else { throw Damaged() }
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }

    mutating func array<T: BitwiseCopyable>(_ type: T.Type = T.self) throws(Damaged) -> [T] {
        let count = try int()
        guard count >= 0, count <= data.count / max(MemoryLayout<T>.stride, 1) else { throw Damaged() }
        let range = try take(count * MemoryLayout<T>.stride)
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            data[range].withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source)
            }
            initialized = count
        }
    }
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
