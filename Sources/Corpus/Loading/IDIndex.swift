import Foundation

/// The row of each statement id, and the rows whose id an earlier row has (`EqualTexts` over the
/// ids, built on every core).
struct IDIndex {
    private let table: EqualTexts
    /// (row, first row with the same id), in row order.
    let duplicates: [(row: Int, first: Int)]

    init(_ ids: TextColumn) {
        let (table, firsts) = EqualTexts.grouping(ids)
        self.table = table
        duplicates = firsts.indices.compactMap { row in firsts[row] == row ? nil : (row, Int(firsts[row])) }
    }

    /// Whether every id is greater than the one before it, by its bytes. Then no two are the same,
    /// and no index is needed to tell (ids made in sequence, "s00000001", "s00000002"…, are so):
    /// one comparison of neighbours per row, on every core, and no memory.
    static func strictlyIncreasing(_ ids: TextColumn) -> Bool {
        let count = ids.count
        guard count > 1 else { return true }
        let work = UncheckedBox(ids)
        return Parallel.map(count: count - 1) { range in
            let ids = work.value
            return ids.bytes.withUnsafeBufferPointer { bytes in
                ids.starts.withUnsafeBufferPointer { starts in
                    range.allSatisfy { i in    // ids i and i + 1
                        let a = starts[i]..<starts[i + 1], b = starts[i + 1]..<starts[i + 2]
                        let common = min(a.count, b.count)
                        let order = common == 0 ? 0 : memcmp(bytes.baseAddress! + a.lowerBound, bytes.baseAddress! + b.lowerBound, common)
                        return order < 0 || (order == 0 && a.count < b.count)
                    }
                }
            }
        }.allSatisfy { $0 }
    }

    /// The first row whose id is `id`.
    func row(of id: String) -> Int? {
        withRowLookup { $0(id) }
    }

    /// Runs `body` with a function giving the first row of an id, for many lookups (see
    /// `EqualTexts.withLookup`).
    func withRowLookup<T>(_ body: ((String) -> Int?) -> T) -> T {
        table.withLookup { lookup in
            body { id in
                var id = id
                return id.withUTF8 { lookup.position(of: $0) }
            }
        }
    }
}
