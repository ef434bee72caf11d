/// An extra field while statements are read: its values interned as long as every one is a string
/// (the common case), as JSON values from the first that is not. Unlike `ExtraColumn`, a struct
/// changed in place, so that setting a row copies nothing.
struct ExtraField {
    private var strings = InternedColumn()
    private var values: [JSONValue?]?

    var count: Int { values?.count ?? strings.count }

    /// Pads with rows that have no value up to `count` rows.
    mutating func pad(to count: Int) {
        guard self.count < count else { return }
        if values != nil {
            values!.append(contentsOf: repeatElement(nil, count: count - self.count))
        } else {
            strings.appendMissing(count - strings.count)
        }
    }

    /// Sets row `row` (rows in between get no value) to the string whose UTF-8 bytes are `bytes`.
    mutating func set(utf8 bytes: UnsafeBufferPointer<UInt8>, row: Int) {
        pad(to: row)
        if values != nil {
            values!.append(.string(String(decoding: bytes, as: UTF8.self)))
        } else {
            strings.append(utf8: bytes)
        }
    }

    /// Sets row `row` (rows in between get no value) to `value`.
    mutating func set(_ value: JSONValue?, row: Int) {
        pad(to: row)
        switch (value, values) {
        case (.string(let s)?, nil): strings.append(s)
        case (nil, nil): strings.appendCode(InternedColumn.missing)
        case (_, nil):
            values = (0..<strings.count).map { strings[$0].map(JSONValue.string) } + [value]
            strings = InternedColumn()
        default: values!.append(value)
        }
    }

    /// Appends `other`'s rows (from a later part of the input).
    mutating func append(contentsOf other: ExtraField) {
        if values == nil, other.values == nil {
            strings.append(contentsOf: other.strings)
        } else {
            for row in 0..<other.count { set(other.value(row), row: count) }
        }
    }

    private func value(_ row: Int) -> JSONValue? { values.map { $0[row] } ?? strings[row].map(JSONValue.string) }

    /// The finished column, padded to `rows` rows.
    func column(rows: Int) -> ExtraColumn {
        var field = self
        field.pad(to: rows)
        return field.values.map(ExtraColumn.values) ?? .strings(field.strings)
    }
}
