/// Counts by two keys laid out as a contingency table, as pandas' `crosstab` and R's `table(a, b)`
/// lay them out: a row per value of the first key, a column per value of the second, a count in
/// each cell (0 where the pair never occurs), so that sources or years are read side by side.
/// The cells are kept as the counts have them (sparse): a table of a million texts by 3,000
/// speakers is made a row at a time, not as three billion cells at once.
public struct Crosstab: Sendable {
    /// The first key's name ("speaker"): the heading of the column of row labels.
    public let rowKey: String
    /// The first key's values, largest row total first, ties by value; in time order when the
    /// first key is a date or a part of one (years read top to bottom, as pandas and R lay them out).
    public let rows: [FieldValue]
    /// The second key's values, in ascending order (years and dates read left to right; days of
    /// the week in the week's order).
    public let columns: [FieldValue]
    /// Each column's total.
    public let columnTotals: [Int]
    /// For each row, its non-zero cells: (column, count).
    private let filled: [[(column: Int, count: Int)]]

    public enum Problem: Error, Equatable {
        case notTwoKeys(Int)
        /// More than `maxCells` (rows times columns), found before anything is sorted or laid out.
        case tooLarge(rows: Int, columns: Int)
    }

    public init(_ counts: Counts, maxCells: Int = .max) throws(Problem) {
        guard counts.keys.count == 2 else { throw .notTwoKeys(counts.keys.count) }
        rowKey = counts.keys[0]
        // Values numbered as they come; totals and cells by number.
        var rowIndex: [FieldValue: Int] = [:], columnIndex: [FieldValue: Int] = [:]
        var rowValues: [FieldValue] = [], columnValues: [FieldValue] = []
        var rowTotals: [Int] = [], columnTotals: [Int] = []
        var cellsByRow: [[(column: Int, count: Int)]] = []
        for i in counts.rows.indices {
            let row = counts.rows[i]
            let r: Int
            if let known = rowIndex[row.key[0]] { r = known } else {
                r = rowValues.count
                rowIndex[row.key[0]] = r
                rowValues.append(row.key[0]); rowTotals.append(0); cellsByRow.append([])
            }
            let c: Int
            if let known = columnIndex[row.key[1]] { c = known } else {
                c = columnValues.count
                columnIndex[row.key[1]] = c
                columnValues.append(row.key[1]); columnTotals.append(0)
            }
            rowTotals[r] += row.count
            columnTotals[c] += row.count
            cellsByRow[r].append((c, row.count))
        }
        let (rowCount, columnCount) = (rowValues.count, columnValues.count)
        guard columnCount == 0 || rowCount <= maxCells / columnCount else { throw .tooLarge(rows: rowCount, columns: columnCount) }
        let rowOrder = Self.isTime(rowKey) ? Self.ascending(rowValues) : rowValues.indices.sorted { a, b in
            rowTotals[a] != rowTotals[b] ? rowTotals[a] > rowTotals[b] : rowValues[a] < rowValues[b]
        }
        let columnOrder = Self.ascending(columnValues)
        var newColumn = [Int](repeating: 0, count: columnCount)
        for (position, old) in columnOrder.enumerated() { newColumn[old] = position }
        rows = rowOrder.map { rowValues[$0] }
        columns = columnOrder.map { columnValues[$0] }
        self.columnTotals = columnOrder.map { columnTotals[$0] }
        filled = rowOrder.map { old in cellsByRow[old].map { (newColumn[$0.column], $0.count) } }
    }

    /// Whether a key's values are times: a date, a part of one, a document's date.
    static func isTime(_ key: String) -> Bool {
        key == "date" || key.hasPrefix("date.") || key == "doc.published"
    }

    /// The positions of `values` in ascending order: days of the week (`date.weekday`) in the
    /// week's order, Monday first; other values as they compare.
    static func ascending(_ values: [FieldValue]) -> [Int] {
        let weekdays = values.map { CorpusDate.weekdayNames.firstIndex(of: $0.description) }
        return weekdays.allSatisfy({ $0 != nil })
            ? values.indices.sorted { weekdays[$0]! < weekdays[$1]! }
            : values.indices.sorted { values[$0] < values[$1] }
    }

    /// Row `row`'s cells, one per column.
    public func cells(row: Int) -> [Int] {
        var cells = [Int](repeating: 0, count: columns.count)
        for cell in filled[row] { cells[cell.column] += cell.count }
        return cells
    }
}
