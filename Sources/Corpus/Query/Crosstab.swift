/// Counts by two keys laid out as a contingency table, as pandas' `crosstab` and R's `table(a, b)`
/// lay them out: a row per value of the first key, a column per value of the second, a count in
/// each cell (0 where the pair never occurs), so that sources or years are read side by side.
public struct Crosstab: Sendable {
    /// The first key's name ("speaker"): the heading of the column of row labels.
    public let rowKey: String
    /// The first key's values, largest row total first, ties by value.
    public let rows: [FieldValue]
    /// The second key's values, in ascending order (years and dates read left to right).
    public let columns: [FieldValue]
    /// `cells[row][column]`.
    public let cells: [[Int]]

    public enum Problem: Error, Equatable { case notTwoKeys(Int) }

    public init(_ counts: Counts) throws(Problem) {
        guard counts.keys.count == 2 else { throw .notTwoKeys(counts.keys.count) }
        rowKey = counts.keys[0]
        var rowTotals: [FieldValue: Int] = [:]
        var columnSet: Set<FieldValue> = []
        var pairs: [FieldValue: [FieldValue: Int]] = [:]
        for i in counts.rows.indices {
            let row = counts.rows[i]
            rowTotals[row.key[0], default: 0] += row.count
            columnSet.insert(row.key[1])
            pairs[row.key[0], default: [:]][row.key[1], default: 0] += row.count
        }
        rows = rowTotals.keys.sorted { a, b in rowTotals[a]! != rowTotals[b]! ? rowTotals[a]! > rowTotals[b]! : a < b }
        let columns = columnSet.sorted()
        self.columns = columns
        cells = rows.map { value in
            let counts = pairs[value] ?? [:]
            return columns.map { counts[$0] ?? 0 }
        }
    }

    public func rowTotal(_ row: Int) -> Int { cells[row].reduce(0, +) }
    public func columnTotal(_ column: Int) -> Int { cells.reduce(0) { $0 + $1[column] } }
}
