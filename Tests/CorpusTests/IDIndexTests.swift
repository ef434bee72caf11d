@testable import Corpus
import Testing

/// The statement id index is built on every core, one table per part of the hash space: repeated
/// ids must still be found in row order with the row that had them first.
@Suite struct IDIndexTests {
    @Test(arguments: [1_000, 120_000])
    func repeatedIDsAreFoundWithTheirFirstRow(count: Int) {
        var ids = TextColumn()
        var expected: [(row: Int, first: Int)] = []
        for row in 0..<count {
            // Every 7919th row repeats the id of the row 5000 before (or of row 0), some of them twice over.
            if row > 0 && row % 7919 == 0 {
                let first = max(0, row - 5000)
                ids.append("id\(first)")
                expected.append((row, first))
            } else {
                ids.append("id\(row)")
            }
        }
        ids.append("")
        ids.append("")
        expected.append((count + 1, count))
        let index = IDIndex(ids)
        #expect(index.duplicates.map(\.row) == expected.map(\.row))
        #expect(index.duplicates.map(\.first) == expected.map(\.first))
        for row in stride(from: 1, to: count, by: 37) where row % 7919 != 0 {
            #expect(index.row(of: "id\(row)") == row)
        }
        #expect(index.row(of: "") == count)
        #expect(index.row(of: "id\(count + 5)") == nil)
    }

    /// Many lookups through one `withRowLookup`, on every core at once (as the loader finds each
    /// statement's document), find what single lookups find, in both parts of the hash space.
    @Test func lookupsOnEveryCoreFindTheFirstRows() {
        var ids = TextColumn()
        for row in 0..<120_000 { ids.append("d\(row % 100_000)") }   // rows 100,000… repeat the first ids
        let index = IDIndex(ids)
        let asked = (0..<130_000).map { "d\($0)" }
        let found = Parallel.map(count: asked.count, threshold: 1) { part in
            index.withRowLookup { row in part.map { row(asked[$0]) } }
        }.flatMap { $0 }
        #expect(found == (0..<130_000).map { $0 < 100_000 ? $0 : nil })
        #expect(found == asked.map { index.row(of: $0) })
    }

    /// Ids in increasing byte order need no index: none can repeat. Equal or decreasing neighbours,
    /// or a longer id before its own prefix, are not increasing.
    @Test func increasingIDsAreToldWithoutAnIndex() {
        func ids(_ values: [String]) -> TextColumn {
            var column = TextColumn()
            for value in values { column.append(value) }
            return column
        }
        let sequence = (0..<120_000).map { String(format: "s%08d", $0) }
        #expect(IDIndex.strictlyIncreasing(ids(sequence)))
        #expect(IDIndex.strictlyIncreasing(ids(["", "a", "ab", "b", "é"])))
        #expect(IDIndex.strictlyIncreasing(ids([])) && IDIndex.strictlyIncreasing(ids(["x"])))
        #expect(!IDIndex.strictlyIncreasing(ids(sequence + [sequence.last!])), "a repeat at the end")
        var swapped = sequence
        swapped.swapAt(70_000, 70_001)
        #expect(!IDIndex.strictlyIncreasing(ids(swapped)), "a pair out of order in the second core's part")
        #expect(!IDIndex.strictlyIncreasing(ids(["ab", "a"])))
        #expect(!IDIndex.strictlyIncreasing(ids(["b", "b"])))
    }
}
