/// Counting and sorting by fields whose values are codes into a small set of strings (interned
/// fields, date parts, document fields, extra fields of strings, topics and mentions): integers
/// all the way, on all cores, and strings only for the result. The general path (`values(of:row:)`)
/// makes an array of values for every statement, which at a million statements takes a second.
extension Corpus {
    /// A field's values for each row as codes into `values`.
    struct KeyCodes: Sendable {
        enum Source: Sendable {
            /// One code per row (-1: none): `codes[row]`, or `through[codes[row]]` when given.
            case codes(ColumnArray<Int32>, through: ColumnArray<Int32>?)
            /// Several per row (a list field), possibly repeated.
            case list(ListColumn)
        }
        let source: Source
        let values: KeyValues
    }

    func keyCodes(_ field: Field) -> KeyCodes? {
        if let column = internedColumn(field) { return KeyCodes(source: .codes(column.codes, through: nil), values: KeyValues(column.values)) }
        if let list = listColumn(field) { return KeyCodes(source: .list(list), values: KeyValues(list.values)) }
        switch field {
        case .datePart(let part):
            var values = InternedColumn()
            // Days of the week are coded in the week's order, Monday first, and sort and list so.
            if part == .weekday { for name in CorpusDate.weekdayNames { _ = values.code(for: name) } }
            let byDate = statements.dates.values.map { date in date.part(part).map { values.code(for: $0) } ?? -1 }
            return KeyCodes(source: .codes(statements.dates.codes, through: ColumnArray(byDate)),
                            values: KeyValues(values.values, inCodeOrder: part == .weekday))
        case .document("source"):
            return KeyCodes(source: .codes(statements.documents, through: documentSources.codes), values: KeyValues(documentSources.values))
        case .document(let name):
            let found = documents.map { $0.values(of: name) }
            // A list field, or values other than strings: the general path.
            guard found.allSatisfy({ $0.count <= 1 && $0.allSatisfy(\.isString) }) else { return nil }
            var values = InternedColumn()
            let byDocument = found.map { $0.first.map { values.code(for: $0.description) } ?? Int32(-1) }
            return KeyCodes(source: .codes(statements.documents, through: ColumnArray(byDocument)), values: KeyValues(values.values))
        case .speakerEntity(let name):
            let byCode = speakerEntities
            let found = byCode.map { $0 < 0 ? [] : entities[Int($0)].values(of: name) }
            guard found.allSatisfy({ $0.count <= 1 && $0.allSatisfy(\.isString) }) else { return nil }
            var values = InternedColumn()
            let bySpeaker = found.map { $0.first.map { values.code(for: $0.description) } ?? Int32(-1) }
            return KeyCodes(source: .codes(statements.speakers.codes, through: ColumnArray(bySpeaker)), values: KeyValues(values.values))
        default:
            return nil
        }
    }
}

extension Counts {
    /// Counts by combinations of codes: each a mixed-radix number over `radices` (the first key's
    /// code most significant) of codes into `values`, handed with its count by `forEach`. Sorted
    /// as `Counts.order` sorts (largest first, ties by key) through integers: a combination's key
    /// order is the same mixed radix over the ranks of its values.
    init(keys: [String], radices: [Int], values: [KeyValues], forEach: ((Int, Int) -> Void) -> Void) {
        let ranks = values.map { $0.ranks() }
        var tallied: [(count: Int, rankKey: Int, combination: Int)] = []
        forEach { combination, n in
            var rankKey = 0, scale = 1, rest = combination
            for k in radices.indices.reversed() {
                rankKey += Int(ranks[k][rest % radices[k]]) * scale
                scale *= radices[k]
                rest /= radices[k]
            }
            tallied.append((n, rankKey, combination))
        }
        let rankKeys = radices.reduce(1) { product, radix in
            let (result, overflow) = product.multipliedReportingOverflow(by: radix)
            return overflow ? .max : result
        }
        tallied = Self.largestFirst(tallied, rankKeys: rankKeys)
        let coded = Counts.Rows.Coded(counts: tallied.map(\.count), combinations: tallied.map(\.combination),
                                      radices: radices, values: values)
        self.init(keys: keys, rows: Counts.Rows(coded: coded))
    }

    /// `tallied` largest count first, ties by rank key (each rank key is in `0..<rankKeys`, and
    /// unique). When the keys are dense, by two counting sorts (rank keys, then counts): a
    /// comparison sort of a million texts' counts took 0.12 s on one core.
    private static func largestFirst(_ tallied: [(count: Int, rankKey: Int, combination: Int)], rankKeys: Int)
        -> [(count: Int, rankKey: Int, combination: Int)] {
        let n = tallied.count, dense = 4 * n + 1024
        let largest = tallied.reduce(0) { max($0, $1.count) }
        guard n > 1024, rankKeys > 0, rankKeys <= dense, largest <= dense else {
            return tallied.sorted { a, b in a.count != b.count ? a.count > b.count : a.rankKey < b.rankKey }
        }
        var atRank = [Int32](repeating: -1, count: rankKeys)
        for (i, row) in tallied.enumerated() { atRank[row.rankKey] = Int32(i) }
        // Where each count's rows start, largest count first; then the rows in rank order.
        var starts = [Int](repeating: 0, count: largest + 2)
        for row in tallied { starts[largest - row.count + 1] += 1 }
        for i in 1..<starts.count { starts[i] += starts[i - 1] }
        var sorted = tallied
        for i in atRank where i >= 0 {
            let row = tallied[Int(i)]
            sorted[starts[largest - row.count]] = row
            starts[largest - row.count] += 1
        }
        return sorted
    }
}

/// Reads the code of a row of a `KeyCodes.Source.codes` from its columns' memory, without a call
/// or a reference count per row. Valid while the `KeyCodes` it was made from exists.
struct CodeReader: @unchecked Sendable {
    let base: UnsafePointer<Int32>?
    /// The code of every row when the column holds one value only (it then has no memory).
    let constant: Int32
    let hasThrough: Bool
    let through: UnsafePointer<Int32>?
    let throughConstant: Int32

    init(_ codes: ColumnArray<Int32>, through: ColumnArray<Int32>?) {
        base = codes.baseAddress
        constant = codes.isEmpty ? -1 : codes[0]
        hasThrough = through != nil
        self.through = through?.baseAddress
        throughConstant = through.map { $0.isEmpty ? -1 : $0[0] } ?? -1
    }

    @inline(__always) func code(_ row: Int) -> Int32 {
        let code = base?[row] ?? constant
        guard code >= 0, hasThrough else { return code }
        return through?[Int(code)] ?? throughConstant
    }
}

/// Reads the codes of a row of a list field (`KeyCodes.Source.list`) in place, as `CodeReader` does.
struct ListReader: @unchecked Sendable {
    let starts: UnsafePointer<Int32>?
    let startsConstant: Int32
    let items: UnsafePointer<Int32>?
    let itemsConstant: Int32

    init(_ list: ListColumn) {
        starts = list.starts.baseAddress
        startsConstant = list.starts.isEmpty ? 0 : list.starts[0]
        items = list.items.baseAddress
        itemsConstant = list.items.isEmpty ? -1 : list.items[0]
    }

    @inline(__always) func isEmpty(_ row: Int) -> Bool { (starts?[row] ?? startsConstant) == (starts?[row + 1] ?? startsConstant) }

    /// Calls `body` with each distinct code of `row`, in order of first appearance.
    @inline(__always) func forEachDistinct(_ row: Int, _ body: (Int32) -> Void) {
        let from = Int(starts?[row] ?? startsConstant), to = Int(starts?[row + 1] ?? startsConstant)
        for j in from..<to {
            let code = items?[j] ?? itemsConstant
            var seen = false
            for earlier in from..<j where (items?[earlier] ?? itemsConstant) == code { seen = true; break }
            if !seen { body(code) }
        }
    }
}

/// A key field's reader.
enum KeyReader: @unchecked Sendable {
    case codes(CodeReader)
    case list(ListReader)

    init(_ key: Corpus.KeyCodes) {
        switch key.source {
        case .codes(let codes, let through): self = .codes(CodeReader(codes, through: through))
        case .list(let list): self = .list(ListReader(list))
        }
    }
}

extension Selection {
    /// `counts(by:)` through codes, when every field has them (nil otherwise).
    func codedCounts(by fields: [Field]) -> Counts? {
        let keys = fields.compactMap { keyCodes($0) }
        guard keys.count == fields.count, !keys.isEmpty else { return nil }
        // A combination of codes is one integer, in mixed radix (the first field's code most
        // significant); tallied in an array when the combinations are few, in a dictionary otherwise.
        let radices = keys.map { max($0.values.count, 1) }
        var combinations = 1
        for radix in radices {
            let (product, overflow) = combinations.multipliedReportingOverflow(by: radix)
            if overflow { return nil }
            combinations = product
        }
        let denseSize = combinations <= max(1 << 16, count) ? combinations : 0   // an array no larger than the rows
        let readers = keys.map(KeyReader.init)
        let codeReaders = readers.compactMap { reader -> CodeReader? in if case .codes(let r) = reader { r } else { nil } }
        let rows = self.rows
        let parts = withExtendedLifetime(keys) {
            Parallel.map(count: count) { range -> Tally in
                var tally = Tally(dense: denseSize)
                if codeReaders.count == keys.count {
                    // One value per field: one combination per row (-1 if a field has none), counted
                    // in place when the combinations are few, in the tally's table otherwise.
                    codeReaders.withUnsafeBufferPointer { readers in
                        @inline(__always) func combination(_ i: Int) -> Int {
                            let row = rows.map { Int($0[i]) } ?? i
                            var combination = 0
                            for k in readers.indices {
                                let code = readers[k].code(row)
                                if code < 0 { return -1 }
                                combination = combination * radices[k] + Int(code)
                            }
                            return combination
                        }
                        if denseSize > 0 {
                            tally.withDenseCounts { counts in
                                for i in range { let c = combination(i); if c >= 0 { counts[c] += 1 } }
                            }
                        } else {
                            for i in range { let c = combination(i); if c >= 0 { tally.add(c) } }
                        }
                    }
                    return tally
                }
                // List fields: every combination of a row's values counts once.
                var current: [Int] = [], next: [Int] = []
                for i in range {
                    let row = rows.map { Int($0[i]) } ?? i
                    current.removeAll(keepingCapacity: true)
                    current.append(0)
                    for k in readers.indices {
                        next.removeAll(keepingCapacity: true)
                        let radix = radices[k]
                        switch readers[k] {
                        case .codes(let reader):
                            let code = reader.code(row)
                            if code >= 0 { for c in current { next.append(c * radix + Int(code)) } }
                        case .list(let reader):
                            reader.forEachDistinct(row) { code in for c in current { next.append(c * radix + Int(code)) } }
                        }
                        swap(&current, &next)
                        if current.isEmpty { break }
                    }
                    for combination in current { tally.add(combination) }
                }
                return tally
            }
        }
        var total = Tally(dense: denseSize)
        for part in parts { total.absorb(part) }
        return Counts(keys: fields.map(\.description), radices: radices, values: keys.map(\.values), forEach: total.forEach)
    }

    /// `sorted(by:descending:)` through codes, for a field with one value per row (nil otherwise):
    /// the distinct values are ranked once, then the rows placed by rank, keeping their order
    /// within a rank.
    func codedSort(by field: Field, descending: Bool) -> Selection? {
        guard let key = keyCodes(field), case .codes(let codes, let through) = key.source else { return nil }
        let reader = CodeReader(codes, through: through)
        let rank = key.values.ranks().map { descending ? key.values.count - 1 - Int($0) : Int($0) }
        // Buckets by rank, and a last one for rows without a value.
        var starts = [Int](repeating: 0, count: key.values.count + 2)
        var bucketOfRow = [Int32](repeating: 0, count: count)
        withExtendedLifetime(key) {
            for i in 0..<count {
                let code = reader.code(row(at: i))
                let bucket = code < 0 ? key.values.count : rank[Int(code)]
                bucketOfRow[i] = Int32(bucket)
                starts[bucket + 1] += 1
            }
        }
        for b in 1..<starts.count { starts[b] += starts[b - 1] }
        var sorted = [Int32](repeating: 0, count: count)
        for i in 0..<count {
            let b = Int(bucketOfRow[i])
            sorted[starts[b]] = Int32(row(at: i))
            starts[b] += 1
        }
        return Selection(corpus: corpus, rows: sorted)
    }
}

extension Selection {
    /// `distinct(_:)` through codes (nil when the field has none): the codes seen, then their values.
    func codedDistinct(_ field: Field) -> DistinctValues? {
        guard let key = keyCodes(field) else { return nil }
        var seen = [Bool](repeating: false, count: key.values.count)
        withExtendedLifetime(key) {
            switch KeyReader(key) {
            case .codes(let reader):
                for i in 0..<count {
                    let code = reader.code(row(at: i))
                    if code >= 0 { seen[Int(code)] = true }
                }
            case .list(let reader):
                for i in 0..<count { reader.forEachDistinct(row(at: i)) { seen[Int($0)] = true } }
            }
        }
        return DistinctValues(key.values, order: key.values.order().filter { seen[Int($0)] })
    }

    /// How many statements of the selection have a value for `field`.
    public func presentCount(_ field: Field) -> Int {
        guard let key = keyCodes(field, makingTexts: false) else {
            var n = 0
            forEachRow { if !corpus.values(of: field, row: $0).isEmpty { n += 1 } }
            return n
        }
        var n = 0
        withExtendedLifetime(key) {
            switch KeyReader(key) {
            case .codes(let reader):
                for i in 0..<count where reader.code(row(at: i)) >= 0 { n += 1 }
            case .list(let reader):
                for i in 0..<count where reader.isEmpty(row(at: i)) == false { n += 1 }
            }
        }
        return n
    }
}

/// Counts per combination of codes: an array when there are few combinations, a `CountTable` otherwise.
struct Tally: Sendable {
    private var array: [Int]
    private var table = CountTable()

    init(dense size: Int) { array = [Int](repeating: 0, count: size) }

    @inline(__always) mutating func add(_ combination: Int) {
        if array.isEmpty { table.add(combination, 1) } else { array[combination] += 1 }
    }

    /// The counts of a dense tally, to be changed in place.
    mutating func withDenseCounts(_ body: (UnsafeMutableBufferPointer<Int>) -> Void) {
        array.withUnsafeMutableBufferPointer { body($0) }
    }

    mutating func absorb(_ other: Tally) {
        for i in other.array.indices where other.array[i] > 0 { array[i] += other.array[i] }
        other.table.forEach { combination, n in table.add(combination, n) }
    }

    func forEach(_ body: (Int, Int) -> Void) {
        for i in array.indices where array[i] > 0 { body(i, array[i]) }
        table.forEach(body)
    }
}

/// Counts by non-negative integer, in open addressing over two arrays: for the combinations of
/// several fields (a document and a speaker: 900,000 of them in a million statements), where
/// Swift's `Dictionary` took most of the time of the count.
struct CountTable: Sendable {
    /// Key + 1 in each slot (0: empty), and its count; a power of two of slots, at most half full.
    private var keys = [Int](repeating: 0, count: 16)
    private var counts = [Int](repeating: 0, count: 16)
    private var used = 0

    /// How many keys have a count.
    var count: Int { used }

    @inline(__always) mutating func add(_ key: Int, _ n: Int) {
        let i = place(key)
        if keys[i] == 0 {
            keys[i] = key + 1
            used += 1
        }
        counts[i] += n
    }

    func forEach(_ body: (Int, Int) -> Void) {
        for i in keys.indices where keys[i] != 0 { body(keys[i] - 1, counts[i]) }
    }

    /// The number kept for `key`, or `value` when it has none, kept for it from now on (to number
    /// keys as they come, with the table's speed).
    @inline(__always) mutating func number(_ key: Int, orAdding value: Int) -> Int {
        let i = place(key)
        if keys[i] != 0 { return counts[i] }
        keys[i] = key + 1
        counts[i] = value
        used += 1
        return value
    }

    /// The slot that holds `key`, or the empty one where it goes (the table grown first when it
    /// would be more than half full).
    @inline(__always) private mutating func place(_ key: Int) -> Int {
        if (used + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var i = Self.slot(key, mask)
        while keys[i] != 0 && keys[i] != key + 1 { i = (i + 1) & mask }
        return i
    }

    /// Fibonacci hashing: combinations are often consecutive, and must not fall in consecutive slots.
    @inline(__always) private static func slot(_ key: Int, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(truncatingIfNeeded: key) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    private mutating func grow() {
        let oldKeys = keys, oldCounts = counts
        keys = [Int](repeating: 0, count: oldKeys.count * 2)
        counts = [Int](repeating: 0, count: oldKeys.count * 2)
        used = 0
        for i in oldKeys.indices where oldKeys[i] != 0 { add(oldKeys[i] - 1, oldCounts[i]) }
    }
}
