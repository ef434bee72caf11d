/// A column of repeated strings (speaker, role, source, …) stored as integer codes into a pool, so
/// that filters compare integers and counts index arrays.
public struct InternedColumn: Sendable {
    /// The distinct values, in order of first appearance.
    public internal(set) var values: [String] = []
    private var index = ByteInterner()
    /// One code per row; `missing` where the row has no value.
    public internal(set) var codes = ColumnArray<Int32>()

    public static let missing: Int32 = -1

    public init() {}

    /// A column made elsewhere (loading builds them in C): `index` must hold exactly `values`.
    init(values: [String], index: ByteInterner, codes: ColumnArray<Int32>) {
        self.values = values
        self.index = index
        self.codes = codes
    }

    public var count: Int { codes.count }

    /// The code of `value`, adding it to the pool if new.
    public mutating func code(for value: String) -> Int32 {
        var utf8 = value
        return utf8.withUTF8 { bytes in
            if let code = index.code(of: bytes) { return code }
            values.append(value)
            return index.insert(bytes)
        }
    }

    /// The code of the string whose UTF-8 bytes are `bytes` (which must be valid UTF-8), adding it
    /// if new; a `String` is made only for a new value.
    public mutating func code(forUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        if let code = index.code(of: bytes) { return code }
        values.append(String(decoding: bytes, as: UTF8.self))
        return index.insert(bytes)
    }

    /// The code of `value` if it occurs in the column.
    public func existingCode(for value: String) -> Int32? {
        var value = value
        return value.withUTF8 { index.code(of: $0) }
    }

    /// The code of the value whose UTF-8 bytes are `bytes`, if it occurs in the column.
    public func existingCode(forUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Int32? { index.code(of: bytes) }

    public mutating func append(_ value: String?) {
        codes.append(value.map { code(for: $0) } ?? Self.missing)
    }

    public mutating func append(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        codes.append(code(forUTF8: bytes))
    }

    @inline(__always) public mutating func appendCode(_ code: Int32) { codes.append(code) }

    /// Appends `n` rows without a value.
    mutating func appendMissing(_ n: Int) { codes.append(Self.missing, times: n) }

    public mutating func reserveCapacity(_ n: Int) { codes.reserveCapacity(n) }

    public subscript(row: Int) -> String? {
        let code = codes[row]
        return code == Self.missing ? nil : values[Int(code)]
    }
}
