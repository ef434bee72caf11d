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
}
