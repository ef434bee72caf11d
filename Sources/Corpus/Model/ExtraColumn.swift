/// The values of one field that the format does not define. A field most statements have, all of
/// whose values are strings (the common case), is interned, one code per statement; any other is
/// kept sparse: only the rows that have it, with their values. (Dense columns of a rare field would
/// cost memory for every statement: two hundred of them over a million statements, 800 MB.)
public enum ExtraColumn: Sendable {
    case strings(InternedColumn)
    case sparse(SparseValues)

    /// The rows that have a value, ascending, with those values.
    public struct SparseValues: Sendable {
        public let count: Int
        public let rows: ColumnArray<Int32>
        public let values: [JSONValue]

        public subscript(row: Int) -> JSONValue? {
            // Binary search for the row among those that have a value.
            var low = 0, high = rows.count
            while low < high {
                let mid = (low + high) / 2
                if Int(rows[mid]) < row { low = mid + 1 } else { high = mid }
            }
            return low < rows.count && Int(rows[low]) == row ? values[low] : nil
        }
    }

    public subscript(row: Int) -> JSONValue? {
        switch self {
        case .strings(let column): column[row].map { .string($0) }
        case .sparse(let sparse): sparse[row]
        }
    }

    /// The number of rows.
    var count: Int {
        switch self {
        case .strings(let column): column.count
        case .sparse(let sparse): sparse.count
        }
    }

    /// How many rows have a value.
    public var presentCount: Int {
        switch self {
        case .strings(let column): column.codes.count { $0 != InternedColumn.missing }
        case .sparse(let sparse): sparse.rows.count
        }
    }

    /// Whether every value is a string.
    public var hasOnlyStrings: Bool {
        switch self {
        case .strings: true
        case .sparse(let sparse): sparse.values.allSatisfy { $0.stringValue != nil }
        }
    }

    /// A field present in at least this share of the rows, all strings, is interned densely.
    static let denseShare = 4

    /// The column of `count` rows where `rows` (ascending) have `values`; `strings`, if given, are
    /// the values interned already (one code per row of `rows`).
    static func make(count: Int, rows: ColumnArray<Int32>, values: @autoclosure () -> [JSONValue], strings: InternedColumn? = nil) -> ExtraColumn {
        guard rows.count * denseShare >= count else { return .sparse(SparseValues(count: count, rows: rows, values: values())) }
        var interned: InternedColumn
        if let strings {
            interned = strings
        } else {
            let values = values()
            guard values.allSatisfy({ $0.stringValue != nil }) else { return .sparse(SparseValues(count: count, rows: rows, values: values)) }
            interned = InternedColumn()
            for value in values { interned.append(value.stringValue) }
        }
        if rows.count < count {
            // The codes spread over the rows, the others without a value.
            var codes = ColumnArray<Int32>()
            codes.reserveCapacity(count)
            var next = 0
            for (row, code) in zip(rows, interned.codes) {
                codes.append(InternedColumn.missing, times: Int(row) - next)
                codes.append(code)
                next = Int(row) + 1
            }
            codes.append(InternedColumn.missing, times: count - next)
            interned.codes = codes
        }
        return .strings(interned)
    }

    /// The column of `count` rows where `values` holds the rows that have the field.
    static func make(count: Int, values: [Int: JSONValue]) -> ExtraColumn {
        let sorted = values.sorted { $0.key < $1.key }
        var rows = ColumnArray<Int32>()
        for (row, _) in sorted { rows.append(Int32(row)) }
        return make(count: count, rows: rows, values: sorted.map(\.value))
    }
}
