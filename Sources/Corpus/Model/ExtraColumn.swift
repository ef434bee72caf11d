/// The values of one field that the format does not define. A field most statements have, all of
/// whose values are strings (the common case), is interned, one code per statement; any other is
/// kept sparse: only the rows that have it, with their values. (Dense columns of a rare field would
/// cost memory for every statement: two hundred of them over a million statements, 800 MB.)
public enum ExtraColumn: Sendable {
    case strings(InternedColumn)
    case sparse(SparseValues)

    /// The rows that have a value, ascending, with those values. Each value is kept as its JSON
    /// text and parsed when read: a list or an object held as Swift values took about ten times the
    /// memory of its text (Quotebank's urls, qids and probas: 1.4 KB a quotation).
    public struct SparseValues: Sendable {
        public let count: Int
        public let rows: ColumnArray<Int32>
        /// The JSON text of the value of `rows[i]`.
        let texts: TextColumn

        public init(count: Int, rows: ColumnArray<Int32>, values: [JSONValue]) {
            var texts = TextColumn()
            for value in values { texts.append(value.jsonText) }
            self.init(count: count, rows: rows, texts: texts)
        }

        init(count: Int, rows: ColumnArray<Int32>, texts: TextColumn) {
            self.count = count
            self.rows = rows
            self.texts = texts
        }

        /// The i-th value (of row `rows[i]`). A text that is not JSON, which only a forged snapshot
        /// could hold, reads as null.
        public func value(at i: Int) -> JSONValue {
            texts.withBytes(row: i) { bytes in (try? JSONParser.parse(bytes))?.value ?? .null }
        }

        /// What the values are, from the first byte of each text: one kind when all are of it
        /// (nulls aside), `.any` otherwise.
        var kind: ValueKind {
            texts.bytes.withUnsafeBufferPointer { bytes in
                var seen: Set<ValueKind> = []
                for i in 0..<texts.count where texts.starts[i] < texts.starts[i + 1] {
                    switch bytes[texts.starts[i]] {
                    case UInt8(ascii: "\""): seen.insert(.string)
                    case UInt8(ascii: "["): seen.insert(.list)
                    case UInt8(ascii: "{"): seen.insert(.record)
                    case UInt8(ascii: "t"), UInt8(ascii: "f"): seen.insert(.boolean)
                    case UInt8(ascii: "n"): break
                    default: seen.insert(.number)
                    }
                    if seen.count > 1 { return .any }
                }
                return seen.first ?? .any
            }
        }

        public subscript(row: Int) -> JSONValue? {
            // The row among those that have a value (a row past Int32 has none).
            guard let row = Int32(exactly: row) else { return nil }
            let i = rows.firstIndex(notBelow: row)
            return i < rows.count && rows[i] == row ? value(at: i) : nil
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
    public var hasOnlyStrings: Bool { kind == .string }

    /// What an extra field's values are, as `.schema` names them.
    public enum ValueKind: String, Sendable {
        case string, number, boolean, list, record, any
    }

    /// What the values are: one kind when all are of it, `.any` otherwise.
    public var kind: ValueKind {
        switch self {
        case .strings: .string
        case .sparse(let sparse): sparse.kind
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
