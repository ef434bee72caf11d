/// An extra field while statements are read: the rows that have it, ascending, with their values,
/// interned as long as every one is a string (the common case), as JSON values from the first that
/// is not. Only rows with a value cost memory (see `ExtraColumn`); a struct changed in place, so
/// that setting a row copies nothing.
struct ExtraField {
    /// The rows with a value; empty while those are exactly the first `count` rows (a field every
    /// statement has needs no list of rows).
    private var rows = ColumnArray<Int32>()
    private var strings = InternedColumn()
    private var values: [JSONValue]?

    /// How many rows have a value.
    private var count: Int { values?.count ?? strings.count }

    /// Notes that `row` (after every row set so far) has a value.
    private mutating func add(row: Int) {
        if rows.isEmpty {
            if row == count { return }               // still every row from the first
            rows = allRows
        }
        rows.append(Int32(row))
    }

    /// The rows with a value, written out when they are every row from the first.
    private var allRows: ColumnArray<Int32> { rows.isEmpty ? ColumnArray((0..<Int32(count))) : rows }

    /// Sets row `row` (after every row set so far) to the string whose UTF-8 bytes are `bytes`.
    mutating func set(utf8 bytes: UnsafeBufferPointer<UInt8>, row: Int) {
        add(row: row)
        if values != nil {
            values!.append(.string(String(decoding: bytes, as: UTF8.self)))
        } else {
            strings.append(utf8: bytes)
        }
    }

    /// Sets row `row` (after every row set so far) to `value` (nil: no value).
    mutating func set(_ value: JSONValue?, row: Int) {
        guard let value else { return }
        add(row: row)
        switch (value, values) {
        case (.string(let s), nil): strings.append(s)
        case (_, nil):
            values = (0..<strings.count).map { .string(strings[$0]!) } + [value]
            strings = InternedColumn()
        default: values!.append(value)
        }
    }

    /// The row of the i-th value.
    private func row(_ i: Int) -> Int { rows.isEmpty ? i : Int(rows[i]) }

    /// Appends `other`'s rows (from a later part of the input, whose rows start at `rowBase`).
    mutating func append(contentsOf other: ExtraField, rowBase: Int) {
        guard values == nil, other.values == nil else {
            for i in 0..<other.count { set(other.value(i), row: rowBase + other.row(i)) }
            return
        }
        // Strings both: their codes are mapped in one go.
        if !(rows.isEmpty && other.rows.isEmpty && rowBase == count) {   // unless both cover all their rows
            rows = allRows
            for i in 0..<other.count { rows.append(Int32(rowBase + other.row(i))) }
        }
        strings.append(contentsOf: other.strings)
    }

    private func value(_ i: Int) -> JSONValue { values?[i] ?? .string(strings[i]!) }

    /// The finished column of `total` rows (the interned strings are not interned again).
    func column(rows total: Int) -> ExtraColumn {
        // Strings on every row (the common case) are the column as they are: no list of rows made.
        if rows.isEmpty, values == nil, count == total { return .strings(strings) }
        return ExtraColumn.make(count: total, rows: allRows, values: values ?? (0..<strings.count).map { .string(strings[$0]!) },
                                strings: values == nil ? strings : nil)
    }
}
