/// The result of counting statements by one or more keys: rows sorted largest first, ties by key.
public struct Counts: Sendable {
    public struct Row: Sendable, Equatable {
        public let key: [FieldValue]
        public let count: Int
    }

    /// The names of the keys, as given ("speaker", "doc.source", or "function").
    public let keys: [String]
    public let rows: [Row]

    public init(keys: [String], tallies: [[FieldValue]: Int]) {
        self.keys = keys
        self.rows = tallies.map { Row(key: $0.key, count: $0.value) }.sorted(by: Self.order)
    }

    /// The order of the rows: largest count first, ties by key.
    static func order(_ a: Row, _ b: Row) -> Bool {
        a.count != b.count ? a.count > b.count : a.key.lexicographicallyPrecedes(b.key)
    }

    init(keys: [String], rows: [Row]) {
        self.keys = keys
        self.rows = rows
    }

    /// The count for a full key, or nil when it was never seen.
    public func count(for key: [FieldValue]) -> Int? { rows.first { $0.key == key }?.count }

    /// The sum of all counts.
    public var total: Int { rows.reduce(0) { $0 + $1.count } }

    /// The first `n` rows.
    public func top(_ n: Int) -> Counts { Counts(keys: keys, rows: Array(rows.prefix(max(n, 0)))) }

    /// For several keys: the counts under one value of the first key, keyed by the remaining keys.
    public func narrowed(to first: FieldValue) -> Counts? {
        guard keys.count > 1 else { return nil }
        let inner = rows.filter { $0.key.first == first }.map { Row(key: Array($0.key.dropFirst()), count: $0.count) }
        return inner.isEmpty ? nil : Counts(keys: Array(keys.dropFirst()), rows: inner)
    }
}
