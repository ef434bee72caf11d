import Foundation

/// A key field's distinct values by code: strings, or texts left in their column until asked for
/// (sorting a million texts needs their bytes, not a million strings).
struct KeyValues: Sendable {
    private enum Storage: Sendable {
        case strings([String])
        case texts(TextColumn, firstRows: [Int])
    }
    private let storage: Storage
    /// Whether the codes are the values' order already (days of the week, Monday first).
    private let inCodeOrder: Bool

    init(_ strings: [String], inCodeOrder: Bool = false) {
        storage = .strings(strings)
        self.inCodeOrder = inCodeOrder
    }

    init(_ column: TextColumn, firstRows: [Int]) {
        storage = .texts(column, firstRows: firstRows)
        inCodeOrder = false
    }

    var count: Int {
        switch storage {
        case .strings(let strings): strings.count
        case .texts(_, let firstRows): firstRows.count
        }
    }

    subscript(code: Int) -> String {
        switch storage {
        case .strings(let strings): strings[code]
        case .texts(let column, let firstRows): column[firstRows[code]]
        }
    }

    /// Calls `body` with the UTF-8 bytes of the value of `code`, in place for texts.
    func withBytes<T>(code: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        switch storage {
        case .strings(let strings):
            var value = strings[code]
            return try value.withUTF8(body)
        case .texts(let column, let firstRows):
            return try column.withBytes(row: firstRows[code], body)
        }
    }

    /// Every value, by code: for texts, made from the column on all cores.
    func strings() -> [String] {
        switch storage {
        case .strings(let strings):
            return strings
        case .texts(let column, let firstRows):
            return Parallel.map(count: firstRows.count) { range in range.map { column[firstRows[$0]] } }.flatMap { $0 }
        }
    }

    /// The codes in ascending order of the values as strings (`FieldValue`'s order). Sorted by
    /// their UTF-8 bytes, which is the order of Swift's strings for ASCII and for any text in normal
    /// form C; for other text the order is checked pair by pair with Swift's comparison, and made
    /// by it instead if a pair disagrees.
    func order() -> [Int32] {
        if inCodeOrder { return (0..<Int32(count)).map { $0 } }
        let (order, ascii) = withBytes { bytes in (ByteOrder.sorted(bytes), bytes.isASCII) }
        if ascii { return order }
        for i in order.indices.dropFirst() where !(self[Int(order[i - 1])] < self[Int(order[i])]) {
            return (0..<count).sorted { self[$0] < self[$1] }.map(Int32.init)
        }
        return order
    }

    /// `ranks[code]`: the position of the value in `order()`.
    func ranks() -> [Int32] {
        var ranks = [Int32](repeating: 0, count: count)
        for (position, code) in order().enumerated() { ranks[Int(code)] = Int32(position) }
        return ranks
    }

    /// Calls `body` with every value's bytes: in place for texts, laid end to end for strings.
    private func withBytes<T>(_ body: (ValueBytes) -> T) -> T {
        switch storage {
        case .strings(let strings):
            var bytes: [UInt8] = []
            var bounds: [Int] = [0]
            bounds.reserveCapacity(strings.count + 1)
            for var value in strings {
                value.withUTF8 { bytes.append(contentsOf: $0) }
                bounds.append(bytes.count)
            }
            let lower = Array(bounds.dropLast()), upper = Array(bounds.dropFirst())
            return bytes.withUnsafeBufferPointer { body(ValueBytes(bytes: $0, lower: lower, upper: upper)) }
        case .texts(let column, let firstRows):
            return column.bytes.withUnsafeBufferPointer { bytes in
                column.starts.withUnsafeBufferPointer { starts in
                    body(ValueBytes(bytes: bytes, lower: firstRows.map { starts[$0] }, upper: firstRows.map { starts[$0 + 1] }))
                }
            }
        }
    }
}

/// Values as byte ranges of one buffer: value `code` is bytes[lower[code]..<upper[code]].
struct ValueBytes: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
    let lower: [Int]
    let upper: [Int]

    /// Whether no value has a byte of 0x80 or above.
    var isASCII: Bool {
        guard let base = bytes.baseAddress else { return true }
        for code in lower.indices {
            var high: UInt8 = 0
            for i in lower[code]..<upper[code] { high |= base[i] }
            if high >= 0x80 { return false }
        }
        return true
    }
}

/// Sorting values by their bytes, as memcmp orders them (the shorter first on a common prefix).
enum ByteOrder {
    /// A value's code and its first sixteen bytes as two big-endian integers, which decide most
    /// comparisons without reading the value's bytes again.
    private struct Keyed {
        var high: UInt64, low: UInt64
        var code: Int32
    }

    /// The codes of `values` in the order of their bytes, sorted in parts on all cores and merged.
    static func sorted(_ values: ValueBytes) -> [Int32] {
        let count = values.lower.count
        var keyed: [Keyed] = []
        keyed.reserveCapacity(count)
        for code in 0..<count {
            let from = values.lower[code], to = values.upper[code]
            var high: UInt64 = 0, low: UInt64 = 0
            for i in 0..<16 {
                let byte = UInt64(from + i < to ? values.bytes[from + i] : 0)
                if i < 8 { high = high << 8 | byte } else { low = low << 8 | byte }
            }
            keyed.append(Keyed(high: high, low: low, code: Int32(code)))
        }
        let less: @Sendable (Keyed, Keyed) -> Bool = { a, b in
            if a.high != b.high { return a.high < b.high }
            if a.low != b.low { return a.low < b.low }
            return bytesPrecede(values, Int(a.code), Int(b.code))
        }
        let parts = keyed.withUnsafeBufferPointer { keyed in
            let keyed = UncheckedBox(keyed)
            return Parallel.map(count: count, threshold: 20_000) { range in keyed.value[range].sorted(by: less) }
        }
        return parts.dropFirst().reduce(parts[0]) { merge($0, $1, by: less) }.map(\.code)
    }

    private static func merge(_ a: [Keyed], _ b: [Keyed], by less: (Keyed, Keyed) -> Bool) -> [Keyed] {
        var merged: [Keyed] = []
        merged.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if less(b[j], a[i]) { merged.append(b[j]); j += 1 } else { merged.append(a[i]); i += 1 }
        }
        merged.append(contentsOf: a[i...])
        merged.append(contentsOf: b[j...])
        return merged
    }

    @inline(__always) private static func bytesPrecede(_ values: ValueBytes, _ a: Int, _ b: Int) -> Bool {
        let aCount = values.upper[a] - values.lower[a], bCount = values.upper[b] - values.lower[b]
        let common = min(aCount, bCount)
        if common > 0, let base = values.bytes.baseAddress {
            let order = memcmp(base + values.lower[a], base + values.lower[b], common)
            if order != 0 { return order < 0 }
        }
        return aCount < bCount
    }
}
