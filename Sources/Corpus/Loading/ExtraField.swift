/// An extra field while statements are read: the rows that have it, ascending, with their values,
/// interned as long as every one is a string (the common case), as JSON values from the first that
/// is not. Only rows with a value cost memory (see `ExtraColumn`); a struct changed in place, so
/// that setting a row copies nothing.
struct ExtraField {
    private var rows = ColumnArray<Int32>()
    private var strings = InternedColumn()
    private var values: [JSONValue]?

    /// Sets row `row` (after every row set so far) to the string whose UTF-8 bytes are `bytes`.
    mutating func set(utf8 bytes: UnsafeBufferPointer<UInt8>, row: Int) {
        rows.append(Int32(row))
        if values != nil {
            values!.append(.string(String(decoding: bytes, as: UTF8.self)))
        } else {
            strings.append(utf8: bytes)
        }
    }

    /// Sets row `row` (after every row set so far) to `value` (nil: no value).
    mutating func set(_ value: JSONValue?, row: Int) {
        guard let value else { return }
        rows.append(Int32(row))
        switch (value, values) {
        case (.string(let s), nil): strings.append(s)
        case (_, nil):
            values = (0..<strings.count).map { .string(strings[$0]!) } + [value]
            strings = InternedColumn()
        default: values!.append(value)
        }
    }

    /// Appends `other`'s rows (from a later part of the input, whose rows start at `rowBase`).
    mutating func append(contentsOf other: ExtraField, rowBase: Int) {
        if values == nil, other.values == nil {
            rows.append(mapping: other.rows) { $0 + Int32(rowBase) }
            strings.append(contentsOf: other.strings)
        } else {
            for (i, row) in other.rows.enumerated() { set(other.value(i), row: rowBase + Int(row)) }
        }
    }

    private func value(_ i: Int) -> JSONValue { values?[i] ?? .string(strings[i]!) }

    /// The finished column of `count` rows: the interned strings spread over the rows if common
    /// enough (without interning them again), sparse otherwise.
    func column(rows count: Int) -> ExtraColumn {
        guard values == nil, rows.count * ExtraColumn.denseShare >= count else {
            return .sparse(ExtraColumn.SparseValues(count: count, rows: rows, values: values ?? (0..<strings.count).map { .string(strings[$0]!) }))
        }
        var column = strings
        if rows.count < count {
            var codes = ColumnArray<Int32>()
            codes.reserveCapacity(count)
            var next = 0
            for (row, code) in zip(rows, strings.codes) {
                codes.append(InternedColumn.missing, times: Int(row) - next)
                codes.append(code)
                next = Int(row) + 1
            }
            codes.append(InternedColumn.missing, times: count - next)
            column.codes = codes
        }
        return .strings(column)
    }
}
