/// A condition compiled for scanning blocks of rows. Most conditions become a table of accepted
/// codes, looked up once per row in a tight loop, instead of a closure called for every row.
enum RowFilter: Sendable {
    /// A row passes when `accept[codes[row] + 1]` (code -1, no value, looks up slot 0).
    case codes(ColumnArray<Int32>, accept: [Bool])
    /// A row passes when one of its items (`items[starts[row]..<starts[row + 1]]`) is accepted.
    case list(starts: ColumnArray<Int32>, items: ColumnArray<Int32>, accept: [Bool])
    /// A row passes when its text contains the phrase.
    case text(TextColumn, PhraseSearch)
    /// A row passes when it is one of these (ascending): the rows of given ids, found by index.
    case rows([Int32])
    case test(@Sendable (Int) -> Bool)

    /// Appends the rows of `range` that pass to `kept`, in order.
    func keep(_ range: Range<Int>, into kept: inout [Int32]) {
        switch self {
        case .codes(let codes, let accept):
            codes.withUnsafeBufferPointer { codes in
                accept.withUnsafeBufferPointer { accept in
                    Self.compact(range.lazy.map { Int32(truncatingIfNeeded: $0) }, into: &kept) { accept[Int(codes[Int($0)]) &+ 1] }
                }
            }
        case .text(let texts, let search):
            texts.bytes.withUnsafeBufferPointer { bytes in
                texts.starts.withUnsafeBufferPointer { starts in
                    search.rows(range, bytes: bytes, starts: starts, into: &kept)
                }
            }
        case .rows(let rows):
            // The few rows wanted that lie in `range`, without a look at the others.
            for row in rows[rows.firstIndex(notBelow: Int32(truncatingIfNeeded: range.lowerBound))...] {
                if Int(row) >= range.upperBound { break }
                kept.append(row)
            }
        default:
            keep(where: { passes($0) }, range.lazy.map { Int32(truncatingIfNeeded: $0) }, into: &kept)
        }
    }

    /// Appends the rows of `candidates` that pass to `kept`, in order.
    func keep(candidates: UnsafeBufferPointer<Int32>, into kept: inout [Int32]) {
        switch self {
        case .codes(let codes, let accept):
            codes.withUnsafeBufferPointer { codes in
                accept.withUnsafeBufferPointer { accept in
                    Self.compact(candidates, into: &kept) { accept[Int(codes[Int($0)]) &+ 1] }
                }
            }
        default:
            keep(where: { passes($0) }, candidates, into: &kept)
        }
    }

    /// Appends the rows that pass to `kept` without a branch per row: each row is written to a
    /// small buffer and the write position moves on only if it passed (which rows pass is not
    /// predictable, and a mispredicted branch costs more than the write).
    @inline(__always)
    private static func compact<S: Sequence<Int32>>(_ rows: S, into kept: inout [Int32], _ passes: (Int32) -> Bool) {
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: 1024) { buffer in
            var n = 0
            for row in rows {
                buffer[n] = row
                n &+= Int(unsafeBitCast(passes(row), to: UInt8.self))   // not `? 1 : 0`: the compiler makes that a branch
                if n == 1024 {
                    kept.append(contentsOf: buffer)
                    n = 0
                }
            }
            kept.append(contentsOf: buffer[0..<n])
        }
    }

    private func keep<S: Sequence<Int32>>(where test: (Int) -> Bool, _ rows: S, into kept: inout [Int32]) {
        for row in rows where test(Int(row)) { kept.append(row) }
    }

    /// Whether one row passes (the slow path, for the cases without a loop of their own).
    private func passes(_ row: Int) -> Bool {
        switch self {
        case .codes(let codes, let accept): return accept[Int(codes[row]) + 1]
        case .list(let starts, let items, let accept):
            for i in Int(starts[row])..<Int(starts[row + 1]) where accept[Int(items[i]) + 1] { return true }
            return false
        case .text(let texts, let search): return texts.withBytes(row: row) { search.occurs(in: $0) }
        case .rows(let rows): return rows.sortedContains(Int32(truncatingIfNeeded: row))
        case .test(let test): return test(row)
        }
    }
}

extension Selection {
    /// The rows that pass every filter, on all cores for large selections: each part runs the first
    /// filter over its rows, and each further filter over what the one before kept.
    func filtered(by filters: [RowFilter]) -> Selection {
        let rows = self.rows
        let parts = Parallel.map(count: count) { range -> [Int32] in
            var kept: [Int32] = []
            if let rows {
                rows.withUnsafeBufferPointer { filters[0].keep(candidates: UnsafeBufferPointer(rebasing: $0[range]), into: &kept) }
            } else {
                filters[0].keep(range, into: &kept)
            }
            for filter in filters.dropFirst() {
                var next: [Int32] = []
                kept.withUnsafeBufferPointer { filter.keep(candidates: $0, into: &next) }
                kept = next
            }
            return kept
        }
        var joined = ColumnArray<Int32>()
        joined.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { part.withUnsafeBufferPointer { joined.append(contentsOf: $0) } }
        return Selection(corpus: corpus, rows: joined)
    }
}
