import CorpusScan

/// The columns every statement fills (ids, texts, the interned strings, topics, mentions, where it
/// starts), built in C while a loader thread reads (`RowColumns.h`): a statement the scanner found
/// goes in with one C call instead of a Swift append per field. `take` hands the memory over to
/// Swift columns, without copying the rows.
final class RowColumns {
    private let c: UnsafeMutablePointer<pr_columns>
    /// The parsed value of each date accepted, by code.
    private var dateValues: [CorpusDate] = []

    init() {
        c = .allocate(capacity: 1)
        pr_init(c, ByteInterner.runSeed)
    }

    deinit {
        pr_free(c)
        c.deallocate()
    }

    var count: Int { Int(c.pointee.rows) }

    func reserveCapacity(rows: Int, textBytes: Int) { pr_reserve(c, rows, textBytes) }

    /// Appends a statement `ps_scan_statement` found in `line`; nil (nothing appended) if its
    /// date is not a valid date, which the full reader then reports. Otherwise, the extra string
    /// fields C did not keep (bit i for the i-th), which the caller keeps.
    func append(scanned: UnsafePointer<ps_statement>, line: UnsafePointer<UInt8>, date: () -> UnsafeBufferPointer<UInt8>,
                at location: RecordLocation) -> UInt32? {
        var left: UInt32 = 0
        guard appending(date: date, { pr_append_scanned(c, scanned, line, location.packed, &left) }) else { return nil }
        return left
    }

    /// Appends a statement whose string fields are `field(key)` (nil: absent) and whose lists are
    /// `topics` and `mentions`; false if its date is not a valid date, or a value is too long for
    /// the columns' 32-bit lengths (the full reader then reports it, `RecordFields.longestValue`).
    func append(field: (FastStatementReader.Key) -> UnsafeBufferPointer<UInt8>?, topics: [UnsafeBufferPointer<UInt8>],
                mentions: [UnsafeBufferPointer<UInt8>], at location: RecordLocation) -> Bool {
        let fits = { (value: UnsafeBufferPointer<UInt8>) in value.count <= RecordFields.longestValue }
        guard topics.allSatisfy(fits), mentions.allSatisfy(fits) else { return false }
        var row = pr_row()
        let fieldsFit = withUnsafeMutableBytes(of: &row.bytes) { bytes in
            withUnsafeMutableBytes(of: &row.length) { lengths in
                let (b, n) = (bytes.bindMemory(to: UnsafePointer<UInt8>?.self), lengths.bindMemory(to: Int32.self))
                for key in 0..<Int(PR_FIELD_COUNT) {
                    let value = field(FastStatementReader.Key(rawValue: key)!)
                    if let value, !fits(value) { return false }
                    b[key] = value?.baseAddress ?? (value != nil ? Self.empty : nil)
                    n[key] = value.map { Int32($0.count) } ?? -1
                }
                return true
            }
        }
        guard fieldsFit else { return false }
        row.location = location.packed
        // The items' addresses and lengths, topics then mentions, in one scratch buffer each.
        let items = topics + mentions
        let addresses = UnsafeMutablePointer<UnsafePointer<UInt8>?>.allocate(capacity: max(items.count, 1))
        let lengths = UnsafeMutablePointer<Int32>.allocate(capacity: max(items.count, 1))
        defer {
            addresses.deallocate()
            lengths.deallocate()
        }
        for (i, item) in items.enumerated() {
            addresses[i] = item.baseAddress ?? Self.empty
            lengths[i] = Int32(item.count)
        }
        (row.topic_count, row.topic_bytes, row.topic_lengths) = (Int32(topics.count), UnsafePointer(addresses), UnsafePointer(lengths))
        (row.mention_count, row.mention_bytes, row.mention_lengths) =
            (Int32(mentions.count), UnsafePointer(addresses + topics.count), UnsafePointer(lengths + topics.count))
        return appending(date: { field(.date)! }) { withUnsafePointer(to: row) { pr_append(c, $0) } }
    }

    // --- Extra fields with string values, kept in C for the rows the scanner found ---

    /// How many extra fields C keeps a column for (retired ones included), and how many of those
    /// the caller has been told of.
    var extraCount: Int { Int(c.pointee.extra_count) }
    var extrasAnnounced = 0

    func extraName(_ column: Int) -> UnsafeBufferPointer<UInt8> {
        let name = pr_extra_at(c, Int32(column))!.pointee.name
        return name.data.map { UnsafeBufferPointer(start: $0.assumingMemoryBound(to: UInt8.self), count: name.count) }
            ?? UnsafeBufferPointer(start: Self.empty, count: 0)
    }

    /// The values C keeps for extra field `name` in the rows appended so far (rows counted from this
    /// reading's first), taken over: C keeps no more of that field, and Swift the rest of it. Nil if
    /// C keeps none.
    func takeExtra(named name: UnsafeBufferPointer<UInt8>) -> ExtraField? {
        guard extraCount > 0 else { return nil }
        let column = pr_extra_column(c, name.baseAddress ?? Self.empty, name.count)
        guard column >= 0, pr_extra_at(c, column)!.pointee.retired == 0 else { return nil }
        return takeExtra(column: Int(column))
    }

    /// Every extra field C keeps, taken over as `takeExtra` does: a name's UTF-8 bytes and its values.
    func takeExtras() -> [(name: [UInt8], field: ExtraField)] {
        (0..<extraCount).compactMap { column in
            guard pr_extra_at(c, Int32(column))!.pointee.retired == 0 else { return nil }
            let name = Array(extraName(column))
            return (name, takeExtra(column: column))
        }
    }

    private func takeExtra(column: Int) -> ExtraField {
        let e = pr_extra_at(c, Int32(column))!
        let (values, index) = table(&e.pointee.values)
        let strings = InternedColumn(values: values, index: index, codes: adopt(&e.pointee.codes))
        let field = ExtraField(rows: adopt(&e.pointee.rows), strings: strings)
        pr_retire_extra(c, Int32(column))
        return field
    }

    /// A valid address for an empty string.
    nonisolated(unsafe) private static let empty: UnsafePointer<UInt8> = {
        let byte = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        byte.initialize(to: 0)
        return UnsafePointer(byte)
    }()

    /// Runs an append; a date not seen before is parsed, accepted and the append run again.
    private func appending(date: () -> UnsafeBufferPointer<UInt8>, _ append: () -> Int32) -> Bool {
        while true {
            switch append() {
            case Int32(PR_APPENDED): return true
            case Int32(PR_NEW_DATE):
                // Of a date-time whose time C packed (and so checked), the day is interned and checked here.
                let bytes = date()
                var time: Int64 = DateColumn.noTime
                let key = bytes.isEmpty ? bytes : UnsafeBufferPointer(rebasing: bytes[..<ps_date_key(bytes.baseAddress!, bytes.count, &time)])
                guard let value = CorpusDate(String(decoding: key, as: UTF8.self)) else { return false }
                let code = pr_accept_date(c, bytes.baseAddress ?? Self.empty, bytes.count)
                guard code == dateValues.count else { Self.outOfMemory() }
                // Its text is the interned value's, given it in `take` (a million date-times' texts
                // held twice took 77 MB more at the peak).
                dateValues.append(value.writtenAs(""))
            default: Self.outOfMemory()
            }
        }
    }

    private static func outOfMemory() -> Never { fatalError("out of memory reading the corpus") }

    /// The rows as Swift columns (the other columns of `statements` are left empty), with each row's
    /// `doc` as written, whether it had an id, and where it starts. Empties these columns.
    func take() -> (statements: Statements, documentRefs: InternedColumn, hasID: ColumnArray<Bool>, locations: ColumnArray<RecordLocation>) {
        if c.pointee.failed != 0 { Self.outOfMemory() }
        let rows = count
        var s = Statements()
        s.ids = text(&c.pointee.ids)
        s.texts = text(&c.pointee.texts)
        s.speakers = interned(field: PS_SPEAKER, rows: rows)
        s.roles = interned(field: PS_ROLE, rows: rows)
        s.affiliations = interned(field: PS_AFFILIATION, rows: rows)
        s.kinds = interned(field: PS_KIND, rows: rows)
        s.cues = interned(field: PS_CUE, rows: rows)
        let days = interned(field: PS_DATE, rows: rows)
        for (code, text) in days.values.enumerated() { dateValues[code] = dateValues[code].writtenAs(text) }
        let times: ColumnArray<Int64> = adopt(&c.pointee.times)
        s.dates = DateColumn(days: days, values: dateValues, times: times)
        s.dateTexts = interned(field: PS_DATE_TEXT, rows: rows)
        s.channels = interned(field: PS_CHANNEL, rows: rows)
        s.places = interned(field: PS_PLACE, rows: rows)
        s.statuses = interned(field: PS_STATUS, rows: rows)
        s.topics = list(&c.pointee.topics, rows: rows)
        s.mentions = list(&c.pointee.mentions, rows: rows)
        let documentRefs = interned(field: PS_DOC, rows: rows)
        let hasID: ColumnArray<Bool> = c.pointee.has_id.data == nil
            ? ColumnArray(repeating: c.pointee.has_id_constant != 0, count: rows) : adopt(&c.pointee.has_id)
        let locations: ColumnArray<RecordLocation> = adopt(&c.pointee.locations)
        dateValues = []
        pr_free(c)
        pr_init(c, ByteInterner.runSeed)
        return (s, documentRefs, hasID, locations)
    }

    /// Takes over a vector's memory as a column of `T` (a type of the vector's element size).
    private func adopt<T>(_ v: inout pr_vec) -> ColumnArray<T> {
        guard let data = v.data, v.count > 0 else { return ColumnArray() }
        let column = ColumnArray(adopting: data.bindMemory(to: T.self, capacity: v.capacity), count: v.count, capacity: v.capacity)
        v.data = nil
        v.count = 0
        v.capacity = 0
        return column
    }

    private func buffer<T>(_ v: pr_vec, _ type: T.Type) -> UnsafeBufferPointer<T> {
        UnsafeBufferPointer(start: v.data?.assumingMemoryBound(to: T.self), count: v.count)
    }

    private func text(_ t: inout pr_text) -> TextColumn {
        let starts: ColumnArray<Int> = adopt(&t.starts)
        return TextColumn(bytes: adopt(&t.bytes), starts: starts.isEmpty ? [0] : starts)
    }

    /// The distinct values of a table as strings, and the table as a `ByteInterner`; the C table is
    /// freed (the large ones, such as the documents referred to, are not held twice for long).
    private func table(_ t: inout pr_interner) -> (values: [String], index: ByteInterner) {
        defer { pr_free_interner(&t) }
        let pool = buffer(t.pool, UInt8.self), ends = buffer(t.ends, Int64.self)
        var values: [String] = []
        values.reserveCapacity(ends.count)
        var start = 0
        for end in ends {
            values.append(String(decoding: UnsafeBufferPointer(rebasing: pool[start..<Int(end)]), as: UTF8.self))
            start = Int(end)
        }
        let index = ByteInterner(pool: pool, ends: ends, hashes: buffer(t.hashes, UInt32.self),
                                 slots: UnsafeBufferPointer(start: t.slots, count: t.slot_count))
        return (values, index)
    }

    private func interned(field: Int, rows: Int) -> InternedColumn {
        let column = pr_field(c, Int32(field))!
        let (values, index) = table(&column.pointee.values)
        let codes: ColumnArray<Int32> = column.pointee.codes.data == nil
            ? ColumnArray(repeating: column.pointee.constant, count: rows) : adopt(&column.pointee.codes)
        return InternedColumn(values: values, index: index, codes: codes)
    }

    private func list(_ l: inout pr_list, rows: Int) -> ListColumn {
        let (values, index) = table(&l.pool)
        let starts: ColumnArray<Int32> = l.starts.data == nil ? ColumnArray(repeating: 0, count: rows + 1) : adopt(&l.starts)
        return ListColumn(pool: InternedColumn(values: values, index: index, codes: ColumnArray()), starts: starts, items: adopt(&l.items))
    }
}
