import Foundation

/// The result of counting statements by one or more keys: rows sorted largest first, ties by key.
public struct Counts: Sendable {
    public struct Row: Sendable, Equatable {
        public let key: [FieldValue]
        public let count: Int
    }

    /// The names of the keys, as given ("speaker", "doc.source", or "function").
    public let keys: [String]
    public let rows: Rows
    /// Lookups by key, made on first use: a script that indexes counts in a loop
    /// (`for _, speaker in ipairs(speakers) do local per = counts[speaker] …`) would otherwise scan
    /// every row each time (3,000 lookups in 750,000 rows took 11 s).
    private let index = Index()

    public init(keys: [String], tallies: [[FieldValue]: Int]) {
        self.keys = keys
        self.rows = Rows(tallies.map { Row(key: $0.key, count: $0.value) }.sorted(by: Self.order))
    }

    /// The order of the rows: largest count first, ties by key.
    static func order(_ a: Row, _ b: Row) -> Bool {
        a.count != b.count ? a.count > b.count : a.key.lexicographicallyPrecedes(b.key)
    }

    init(keys: [String], rows: [Row]) {
        self.keys = keys
        self.rows = Rows(rows)
    }

    init(keys: [String], rows: Rows) {
        self.keys = keys
        self.rows = rows
    }

    /// The count for a full key, or nil when it was never seen.
    public func count(for key: [FieldValue]) -> Int? { index.counts(rows)[key] }

    /// The sum of all counts.
    public var total: Int { rows.indices.reduce(0) { $0 + rows.count(at: $1) } }

    /// The first `n` rows.
    public func top(_ n: Int) -> Counts { Counts(keys: keys, rows: rows.first(n)) }

    /// The rows ordered by key `key` (an index into `keys`), as `Crosstab.ascending` orders values
    /// (days of the week Monday first), or by count when nil; descending when asked. Equal ones
    /// keep their order.
    public func sorted(byKey key: Int?, descending: Bool) -> Counts {
        let all = Array(rows)
        // Each row's place in the order asked for: its key's rank among the key's values, or its count.
        var rankOf: (Row) -> Int = \.count
        if let key {
            let values = Array(Set(all.map { $0.key[key] }))
            var rank: [FieldValue: Int] = [:]
            for (position, i) in Crosstab.ascending(values).enumerated() { rank[values[i]] = position }
            rankOf = { rank[$0.key[key]]! }
        }
        let ranks = all.map(rankOf)
        let order = all.indices.sorted { a, b in
            ranks[a] != ranks[b] ? (descending ? ranks[a] > ranks[b] : ranks[a] < ranks[b]) : a < b
        }
        return Counts(keys: keys, rows: order.map { all[$0] })
    }

    /// For several keys: the counts under one value of the first key, keyed by the remaining keys.
    public func narrowed(to first: FieldValue) -> Counts? {
        guard keys.count > 1, let under = index.groups(rows)[first] else { return nil }
        let inner = under.map { Row(key: Array(rows[$0].key.dropFirst()), count: rows[$0].count) }
        return Counts(keys: Array(keys.dropFirst()), rows: inner)
    }

    /// The lookups of one `Counts`, shared by its copies (it never changes once made).
    private final class Index: @unchecked Sendable {
        // Unchecked: each table is made once, under the lock, and only read after.
        private let lock = NSLock()
        private var byKey: [[FieldValue]: Int]?
        private var byFirst: [FieldValue: [Int]]?

        /// Each full key's count.
        func counts(_ rows: Rows) -> [[FieldValue]: Int] {
            lock.withLock {
                if let byKey { return byKey }
                let made = Dictionary(rows.map { ($0.key, $0.count) }, uniquingKeysWith: { a, _ in a })
                byKey = made
                return made
            }
        }

        /// For each value of the first key, the rows under it, in order.
        func groups(_ rows: Rows) -> [FieldValue: [Int]] {
            lock.withLock {
                if let byFirst { return byFirst }
                var made: [FieldValue: [Int]] = [:]
                for (i, row) in rows.enumerated() { if let first = row.key.first { made[first, default: []].append(i) } }
                byFirst = made
                return made
            }
        }
    }
}
