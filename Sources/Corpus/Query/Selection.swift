/// A set of statements of one corpus, in an order: the whole corpus, or the result of a filter.
/// Selections are values; every operation returns a new one.
public struct Selection: Sendable {
    public let corpus: Corpus
    /// Rows in order; nil means every statement of the corpus in corpus order.
    let rows: ColumnArray<Int32>?

    public init(corpus: Corpus) {
        self.corpus = corpus
        self.rows = nil
    }

    public init(corpus: Corpus, rows: [Int32]) {
        self.corpus = corpus
        self.rows = ColumnArray(rows)
    }

    init(corpus: Corpus, rows: ColumnArray<Int32>) {
        self.corpus = corpus
        self.rows = rows
    }

    /// Whether this is every statement of the corpus, in corpus order.
    public var isWholeCorpus: Bool { rows == nil }

    /// Where the rows lie (nil: every statement, in corpus order, or rows stored without an
    /// address); valid while this selection exists.
    public var rowAddress: UnsafePointer<Int32>? { rows?.baseAddress }

    public var count: Int { rows?.count ?? corpus.count }

    /// Calls `body` with the rows' address: nil for the whole corpus, and rows written out first if
    /// they are stored without an address of their own (one repeated value).
    public func withRowAddress<T>(_ body: (UnsafePointer<Int32>?) throws -> T) rethrows -> T {
        guard let rows else { return try body(nil) }
        if let address = rows.baseAddress { return try withExtendedLifetime(rows) { try body(address) } }
        return try Array(rows).withUnsafeBufferPointer { try body($0.baseAddress) }
    }

    /// The corpus row of the `i`-th statement (0-based).
    public func row(at i: Int) -> Int { rows.map { Int($0[i]) } ?? i }

    /// Calls `body` with every row in order.
    public func forEachRow(_ body: (Int) throws -> Void) rethrows {
        if let rows { for row in rows { try body(Int(row)) } } else { for row in 0..<corpus.count { try body(row) } }
    }

    /// The statements that pass `test`, in order.
    public func filter(_ test: (Int) throws -> Bool) rethrows -> Selection {
        var kept: [Int32] = []
        try forEachRow { if try test($0) { kept.append(Int32($0)) } }
        return Selection(corpus: corpus, rows: kept)
    }

    /// The statements that meet every condition (on all cores for large selections).
    public func matching(all conditions: [Condition]) throws(QueryError) -> Selection {
        // Conditions on the figures' parts are met by one figure together (see `figureFilter`).
        let onFigures = conditions.filter(\.field.isFigurePart)
        var filters = try conditions.filter { !$0.field.isFigurePart }.map { (c) throws(QueryError) in try corpus.rowFilter(for: c) }
        if !onFigures.isEmpty { filters.append(corpus.figureFilter(onFigures)) }
        return filters.isEmpty ? self : filtered(by: filters)
    }

    /// The statements whose text contains `phrase`, ignoring case (on all cores for large selections).
    public func containing(phrase: String) -> Selection {
        filtered(by: [.text(corpus.statements.texts, PhraseSearch(phrase))])
    }

    /// The statements whose text contains exactly these bytes (case as written), found as
    /// `containing(phrase:)` finds a phrase.
    public func containing(bytes: [UInt8]) -> Selection {
        filtered(by: [.text(corpus.statements.texts, PhraseSearch(exactly: bytes))])
    }

    /// The first `n` statements.
    public func first(_ n: Int) -> Selection {
        Selection(corpus: corpus, rows: (0..<min(max(n, 0), count)).map { Int32(row(at: $0)) })
    }

    /// Sorted by `field` (its first value), ascending or descending; statements without it go last.
    /// The sort is stable.
    public func sorted(by field: Field, descending: Bool = false) -> Selection {
        codedSort(by: field, descending: descending) ?? sortedByValues(field, descending: descending)
    }

    /// `sorted(by:descending:)` through each statement's values (the general path).
    func sortedByValues(_ field: Field, descending: Bool) -> Selection {
        let keyed: [(row: Int32, key: FieldValue?)] = (0..<count).map { i in
            let row = self.row(at: i)
            let values = corpus.values(of: field, row: row)
            return (Int32(row), descending ? values.max() : values.min())
        }
        let ordered = keyed.enumerated().sorted { a, b in
            switch (a.element.key, b.element.key) {
            case (nil, nil): return a.offset < b.offset
            case (nil, _): return false
            case (_, nil): return true
            case (let x?, let y?):
                if x == y { return a.offset < b.offset }
                return descending ? y < x : x < y
            }
        }
        return Selection(corpus: corpus, rows: ordered.map(\.element.row))
    }

    /// Counts statements by the values of `fields` (each value of a list field counts once).
    /// Statements without a value for a key are not counted.
    public func counts(by fields: [Field]) -> Counts {
        if fields.contains(where: \.isFigurePart) { return countsPairingFigures(fields) }
        return codedCounts(by: fields) ?? countsByValues(fields)
    }

    /// `counts(by:)` through each statement's values (the general path).
    func countsByValues(_ fields: [Field]) -> Counts {
        counts(keyNames: fields.map(\.description)) { row in fields.map { corpus.values(of: $0, row: row) } }
    }

    /// Counts statements by keys computed per row: each row gives, for each key, the values it holds.
    public func counts(keyNames: [String], keysOf: (Int) throws -> [[FieldValue]]) rethrows -> Counts {
        var tallies: [[FieldValue]: Int] = [:]
        try forEachRow { row in
            var combinations: [[FieldValue]] = [[]]
            for values in try keysOf(row) {
                combinations = combinations.flatMap { prefix in Set(values).map { prefix + [$0] } }
            }
            for key in combinations { tallies[key, default: 0] += 1 }
        }
        return Counts(keys: keyNames, tallies: tallies)
    }

    /// The distinct values of `field` in the selection, sorted.
    public func distinct(_ field: Field) -> [FieldValue] { distinctValues(field).values }

    /// The distinct values of `field` in the selection, sorted, read in place where they are stored.
    public func distinctValues(_ field: Field) -> DistinctValues {
        if let values = codedDistinct(field) { return values }
        var seen = Set<FieldValue>()
        forEachRow { row in seen.formUnion(corpus.values(of: field, row: row)) }
        return DistinctValues(seen.sorted())
    }
}

/// A buffer pointer handed to worker threads that only read it while its owner keeps it alive.
struct UnsafeBufferSendable: @unchecked Sendable {
    let pointer: UnsafeBufferPointer<UInt8>
    init(_ pointer: UnsafeBufferPointer<UInt8>) { self.pointer = pointer }
}
