/// An extra field while statements are read: the rows that have it, ascending, with their values,
/// interned as long as every one is a string (the common case), as JSON text from the first that
/// is not (see `ExtraColumn.SparseValues`). Only rows with a value cost memory (see `ExtraColumn`);
/// a struct changed in place, so that setting a row copies nothing.
struct ExtraField {
    /// The rows with a value; empty while those are exactly the first `count` rows (a field every
    /// statement has needs no list of rows).
    private var rows = ColumnArray<Int32>()
    private var strings = InternedColumn()
    /// Each value's JSON text, once a value is not a string (`strings` is then empty).
    private var texts: TextColumn?

    init() {}

    /// String values kept elsewhere (the C columns): one code per row with a value, and those rows
    /// (empty when they are every row from the first).
    init(rows: ColumnArray<Int32>, strings: InternedColumn) {
        self.rows = rows
        self.strings = strings
    }

    /// How many rows have a value.
    private var count: Int { texts?.count ?? strings.count }

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
        if texts != nil {
            texts!.append(JSONValue.string(String(decoding: bytes, as: UTF8.self)).jsonText)
        } else {
            strings.append(utf8: bytes)
        }
    }

    /// Sets row `row` (after every row set so far) to `value` (nil: no value).
    mutating func set(_ value: JSONValue?, row: Int) {
        guard let value else { return }
        add(row: row)
        if case .string(let s) = value, texts == nil {
            strings.append(s)
            return
        }
        if texts == nil { becomeTexts() }
        texts!.append(value.jsonText)
    }

    /// Sets row `row` (after every row set so far) to `value`.
    mutating func set(_ value: OtherValue, row: Int) {
        switch value {
        case .parsed(let parsed): set(parsed, row: row)
        case .listText(let text):
            add(row: row)
            if texts == nil { becomeTexts() }
            text.withUnsafeBufferPointer { texts!.append(utf8: $0) }
        }
    }

    /// From strings to JSON texts: the strings so far written as JSON strings.
    private mutating func becomeTexts() {
        var made = TextColumn()
        Self.appendTexts(of: strings, to: &made)
        texts = made
        strings = InternedColumn()
    }

    /// Appends each of `strings` (by code of its rows) to `texts` as a JSON string.
    private static func appendTexts(of strings: InternedColumn, to texts: inout TextColumn) {
        for i in 0..<strings.count { texts.append(JSONValue.string(strings[i]!).jsonText) }
    }

    /// The row of the i-th value.
    private func row(_ i: Int) -> Int { rows.isEmpty ? i : Int(rows[i]) }

    /// Appends `other`'s rows (from a later part of the input, whose rows start at `rowBase`).
    mutating func append(contentsOf other: ExtraField, rowBase: Int) {
        if count == 0 && rowBase == 0 {
            self = other
            return
        }
        if !(rows.isEmpty && other.rows.isEmpty && rowBase == count) {   // unless both cover all their rows
            rows = allRows
            for i in 0..<other.count { rows.append(Int32(rowBase + other.row(i))) }
        }
        switch (texts == nil, other.texts) {
        case (true, nil): strings.append(contentsOf: other.strings)       // strings both: codes mapped in one go
        case (_, let otherTexts?):
            if texts == nil { becomeTexts() }
            for i in 0..<otherTexts.count { otherTexts.withBytes(row: i) { texts!.append(utf8: $0) } }
        case (false, nil):
            Self.appendTexts(of: other.strings, to: &texts!)
        }
    }

    /// The finished column of `total` rows (the interned strings are not interned again).
    func column(rows total: Int) -> ExtraColumn {
        if let texts { return .sparse(ExtraColumn.SparseValues(count: total, rows: allRows, texts: texts)) }
        // Strings on every row (the common case) are the column as they are: no list of rows made.
        if rows.isEmpty, count == total { return .strings(strings) }
        return ExtraColumn.make(count: total, rows: allRows, values: (0..<strings.count).map { .string(strings[$0]!) }, strings: strings)
    }
}

/// An extra field's value that is not a string, as a quick reader found it: parsed, or a list
/// already in the JSON text Parley keeps (`ps_canonical_list`), which need not be parsed.
enum OtherValue {
    case parsed(JSONValue)
    case listText([UInt8])
}
