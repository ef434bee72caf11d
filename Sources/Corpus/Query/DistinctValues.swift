/// The distinct values of a field in a selection, sorted. Values that have codes (speakers,
/// sources, texts…) stay where they are stored until read: listing a million distinct texts as
/// Swift strings first took a second more than handing each one's bytes on.
public struct DistinctValues: Sendable {
    private enum Storage: Sendable {
        /// The values of these codes, in this order: all strings.
        case coded(KeyValues, order: [Int32])
        case values([FieldValue])
    }
    private let storage: Storage

    init(_ values: KeyValues, order: [Int32]) { storage = .coded(values, order: order) }
    init(_ values: [FieldValue]) { storage = .values(values) }

    public var count: Int {
        switch storage {
        case .coded(_, let order): order.count
        case .values(let values): values.count
        }
    }

    /// Every value, as Swift values.
    public var values: [FieldValue] {
        switch storage {
        case .coded(let values, let order):
            let strings = values.strings()
            return order.map { .string(strings[Int($0)]) }
        case .values(let values):
            return values
        }
    }

    /// Calls `string` with the UTF-8 bytes of value `i` when it is a string, in place where it can,
    /// or else `other` with the value.
    public func visit(_ i: Int, string: (UnsafeBufferPointer<UInt8>) -> Void, other: (FieldValue) -> Void) {
        switch storage {
        case .coded(let values, let order):
            values.withBytes(code: Int(order[i]), string)
        case .values(let values):
            if case .string(var value) = values[i] { value.withUTF8(string) } else { other(values[i]) }
        }
    }
}
