/// A column of unique strings (texts, ids) stored as one byte buffer and offsets: no per-row
/// allocation, and searches scan contiguous memory.
public struct TextColumn: Sendable {
    public internal(set) var bytes = ColumnArray<UInt8>()
    /// Row `i` is `bytes[starts[i]..<starts[i+1]]`.
    public internal(set) var starts: ColumnArray<Int> = [0]

    public init() {}

    init(bytes: ColumnArray<UInt8>, starts: ColumnArray<Int>) {
        self.bytes = bytes
        self.starts = starts
    }

    public var count: Int { starts.count - 1 }

    public mutating func append(_ value: String) {
        var value = value
        value.withUTF8 { bytes.append(contentsOf: $0) }
        starts.append(bytes.count)
    }

    public mutating func append(utf8 value: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: value)
        starts.append(bytes.count)
    }

    public mutating func reserveCapacity(rows: Int, bytes byteCount: Int) {
        starts.reserveCapacity(rows + 1)
        bytes.reserveCapacity(byteCount)
    }

    public subscript(row: Int) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[starts[row]..<starts[row + 1]]), as: UTF8.self) }
    }

    /// Calls `body` with the bytes of `row`, without copying.
    public func withBytes<T>(row: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[starts[row]..<starts[row + 1]])) }
    }
}
