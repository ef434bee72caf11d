/// The values of one field that the format does not define, kept for every statement. Fields whose
/// values are all strings (the common case) are interned; others keep their JSON values.
public enum ExtraColumn: Sendable {
    case strings(InternedColumn)
    case values([JSONValue?])

    public subscript(row: Int) -> JSONValue? {
        switch self {
        case .strings(let column): column[row].map { .string($0) }
        case .values(let values): values[row]
        }
    }

    /// The number of rows.
    var count: Int {
        switch self {
        case .strings(let column): column.count
        case .values(let values): values.count
        }
    }

    /// Builds a column from `count` rows where `values` holds the rows that have the field.
    static func make(count: Int, values: [Int: JSONValue]) -> ExtraColumn {
        if values.values.allSatisfy({ $0.stringValue != nil }) {
            var column = InternedColumn()
            column.reserveCapacity(count)
            for row in 0..<count { column.append(values[row]?.stringValue) }
            return .strings(column)
        }
        return .values((0..<count).map { values[$0] })
    }
}
