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

    /// Sets row `row` (past the end: rows in between get no value), keeping strings interned as long
    /// as every value is a string.
    mutating func set(_ value: JSONValue?, row: Int) {
        pad(to: row)
        switch (self, value) {
        case (.strings(var column), .string(let s)?):
            self = .values([])   // release the storage before mutating
            column.append(s)
            self = .strings(column)
        case (.strings(var column), nil):
            self = .values([])
            column.append(nil)
            self = .strings(column)
        case (.strings(let column), let other):
            self = .values((0..<column.count).map { column[$0].map { .string($0) } } + [other])
        case (.values(var values), let other):
            self = .values([])
            values.append(other)
            self = .values(values)
        }
    }

    /// Sets row `row` to the string whose UTF-8 bytes are `bytes`, interning it without a `String`
    /// when the column holds strings only.
    mutating func set(utf8 bytes: UnsafeBufferPointer<UInt8>, row: Int) {
        guard case .strings(var column) = self else {
            set(.string(String(decoding: bytes, as: UTF8.self)), row: row)
            return
        }
        self = .values([])
        while column.count < row { column.append(nil) }
        column.append(utf8: bytes)
        self = .strings(column)
    }

    /// Pads with rows that have no value up to `count` rows.
    mutating func pad(to count: Int) {
        while self.count < count {
            switch self {
            case .strings(var column):
                self = .values([])
                column.append(nil)
                self = .strings(column)
            case .values(var values):
                self = .values([])
                values.append(nil)
                self = .values(values)
            }
        }
    }

    /// Appends `other`'s rows.
    mutating func append(contentsOf other: ExtraColumn) {
        switch (self, other) {
        case (.strings(var column), .strings(let more)):
            self = .values([])
            column.append(contentsOf: more)
            self = .strings(column)
        default:
            for row in 0..<other.count { set(other[row], row: count) }
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
