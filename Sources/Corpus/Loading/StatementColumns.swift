/// The statements read so far, with what is only needed until the corpus is finished: the `doc`
/// of each as written, whether it had an id, where it starts, and its extra fields.
/// A value type, so that a reading loop can own it (no shared-state checks per field).
///
/// Statements are appended to `reading`, the columns every row fills, built in C, and to `sparse`,
/// the fields few rows have; `finishReading` brings them into `statements` and the columns below,
/// which are complete only after it.
struct StatementColumns {
    var statements = Statements()
    /// The `doc` of each statement as written, resolved to an index at the end.
    var documentRefs = InternedColumn()
    /// Ids as written; rows without one get theirs at the end, in order (`<doc>#<n>` or `s<n>`).
    var hasID = ColumnArray<Bool>()
    /// Where each statement starts: `RecordLocation` packed in one word.
    var locations = ColumnArray<RecordLocation>()
    /// The rows appended since `finishReading` last ran.
    private var reading: RowColumns?
    private var sparse = SparseFields()
    /// The names of the extra fields (codes index `extraColumns`).
    private var extraNames = InternedColumn()
    private var extraColumns: [ExtraField] = []
    /// Whether the C columns of `reading` keep some of each extra field's values: those are taken
    /// into `extraColumns` before Swift sets another value of the field, or once read.
    private var extraKeptInC: [Bool] = []

    var count: Int { statements.count + (reading?.count ?? 0) }

    /// The columns rows are appended to (made on first use: a value type owns a class instance).
    private mutating func rows() -> RowColumns {
        if let reading { return reading }
        let made = RowColumns()
        reading = made
        return made
    }

    /// Room for `rows` more rows in the columns every statement fills (not those that may stay one
    /// repeated value, which take no memory until they change), and for `textBytes` bytes of text.
    mutating func reserveCapacity(rows n: Int, textBytes: Int) {
        rows().reserveCapacity(rows: n, textBytes: textBytes)
    }

    /// Brings the rows appended since the last call into `statements` and the loader's columns.
    mutating func finishReading() {
        guard let reading, reading.count > 0 else { return }
        let rows = reading.count
        for (name, field) in reading.takeExtras() {
            let column = name.withUnsafeBufferPointer { extraColumn($0) }
            extraColumns[column].append(contentsOf: field, rowBase: statements.count)
        }
        extraKeptInC = extraKeptInC.map { _ in false }
        var part = StatementColumns()
        (part.statements, part.documentRefs, part.hasID, part.locations) = reading.take()
        self.reading = nil
        sparse.fill(&part.statements, rows: rows)
        sparse = SparseFields()
        if statements.count == 0 {
            // The extra fields stay: they are kept by row across all the rows, read or not.
            (statements, documentRefs, hasID, locations) = (part.statements, part.documentRefs, part.hasID, part.locations)
        } else {
            absorb(part, fileBase: 0)   // rows read after others (a second file of a folder)
        }
    }

    /// The extra fields, as columns of `rows` rows.
    func extras(rows: Int) -> [String: ExtraColumn] {
        var out: [String: ExtraColumn] = [:]
        for (code, name) in extraNames.values.enumerated() {
            out[name] = extraColumns[code].column(rows: rows)
        }
        return out
    }

    private mutating func extraColumn(_ name: UnsafeBufferPointer<UInt8>) -> Int {
        let code = Int(extraNames.code(forUTF8: name))
        if code == extraColumns.count {
            extraColumns.append(ExtraField())
            extraKeptInC.append(false)
        }
        return code
    }

    /// The column of extra field `name`, for Swift to set a value of the current row: whatever the
    /// C columns keep of the field is taken in first (it comes from earlier rows), and C keeps no more.
    private mutating func extraColumnSetInSwift(_ name: UnsafeBufferPointer<UInt8>) -> Int {
        let column = extraColumn(name)
        if extraKeptInC[column] {
            extraKeptInC[column] = false
            if let taken = reading?.takeExtra(named: name) {
                extraColumns[column].append(contentsOf: taken, rowBase: statements.count)
            }
        }
        return column
    }

    /// Names the extra fields the C columns began to keep in the last row appended, so that they
    /// count towards `maxExtraFields` and Swift knows to take them in before setting one.
    private mutating func noteExtrasKeptInC(_ rows: RowColumns) {
        guard rows.extrasAnnounced < rows.extraCount else { return }
        for k in rows.extrasAnnounced..<rows.extraCount { extraKeptInC[extraColumn(rows.extraName(k))] = true }
        rows.extrasAnnounced = rows.extraCount
    }

    /// How many different fields the format does not define a corpus may have (counted in each
    /// part of a parallel load). Each becomes a field of the schema, a column (sparse when rare) and a
    /// name to check on every record: a corpus whose every statement had a field of its own would
    /// otherwise have a million columns.
    static let maxExtraFields = 200

    /// Why a statement cannot be taken in (one extra field too many), if it cannot.
    func refusal(_ r: StatementRecord) -> String? {
        var new = 0
        for member in r.extras where extraNames.existingCode(for: member.key) == nil {
            new += 1
            if extraColumns.count + new > Self.maxExtraFields { return Self.tooManyFields(member.key) }
        }
        return nil
    }

    static func tooManyFields(_ name: String) -> String {
        "it has the field \"\(shown: name)\", but the corpus has \(maxExtraFields) other fields the format does not define already; Parley keeps at most \(maxExtraFields)"
    }

    /// Appends a statement read and checked by the full reader (after `refusal` said nothing).
    mutating func append(_ r: StatementRecord, at location: RecordLocation) {
        let row = count, rows = rows()
        // The strings end to end in one buffer, for the C columns.
        var storage: [UInt8] = []
        var fields = [Range<Int>?](repeating: nil, count: FastStatementReader.Key.stringFieldCount)
        func put(_ value: String?) -> Range<Int>? {
            guard let value else { return nil }
            let start = storage.count
            storage.append(contentsOf: value.utf8)
            return start..<storage.count
        }
        let values: [(FastStatementReader.Key, String?)] = [
            (.id, r.id), (.doc, r.doc), (.speaker, r.speaker), (.role, r.role), (.affiliation, r.affiliation), (.kind, r.kind),
            (.text, r.text), (.cue, r.cue), (.date, r.date?.text), (.dateText, r.dateText), (.channel, r.channel),
            (.place, r.place), (.status, r.status),
        ]
        for (key, value) in values { fields[key.rawValue] = put(value) }
        let topics = r.topics.map { put($0)! }, mentions = r.mentions.map { put($0)! }
        let appended = storage.withUnsafeBufferPointer { b in
            rows.append(field: { key in fields[key.rawValue].map { UnsafeBufferPointer(rebasing: b[$0]) } },
                        topics: topics.map { UnsafeBufferPointer(rebasing: b[$0]) },
                        mentions: mentions.map { UnsafeBufferPointer(rebasing: b[$0]) }, at: location)
        }
        precondition(appended, "the full reader checked the date")
        sparse.add(row: row - statements.count, figures: r.figures, span: r.span, confidence: r.confidence, relations: r.relations)
        for member in r.extras {
            var key = member.key
            let column = key.withUTF8 { extraColumnSetInSwift($0) }
            extraColumns[column].set(member.value.value, row: row)
        }
    }

    /// Appends a statement found in place by `FastStatementReader`; false (and nothing appended) if
    /// its date is not a valid date, which the full reader then reports.
    mutating func append(_ p: PlainStatement, _ b: UnsafeBufferPointer<UInt8>, at location: RecordLocation) -> Bool {
        p.decoded.withUnsafeBufferPointer { decoded in
            func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { foundBytes(range, in: b, decoded: decoded) }
            let others = p.otherExtras.map { (key: $0.key, value: OtherValue.parsed($0.value.value)) }
            guard acceptsExtras(p, others, bytes) else { return false }
            let rows = rows()
            guard rows.append(field: { p[$0].map(bytes) }, topics: p.topics.map(bytes), mentions: p.mentions.map(bytes), at: location) else {
                return false
            }
            appendSparse(p, others, bytes)
            return true
        }
    }

    /// Appends a statement `ps_scan_statement` found in the line at `p.lineStart`; false (and
    /// nothing appended) if its date is not a valid date or an extra field not valid JSON, which the
    /// full reader then reports.
    mutating func append(_ p: ScannedStatement, _ b: UnsafeBufferPointer<UInt8>, at location: RecordLocation) -> Bool {
        let decoded = p.decoded
        @inline(__always) func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { foundBytes(range, in: b, decoded: decoded) }
        guard let others = p.otherExtras(bytes) else { return false }
        let extras = p.stringExtraCount + others.count
        guard extras == 0 || acceptsExtras(p, others, bytes) else { return false }
        let rows = rows()
        guard let left = rows.append(scanned: p.fields, line: b.baseAddress! + p.lineStart, date: { bytes(p[.date]!) }, at: location) else {
            return false
        }
        noteExtrasKeptInC(rows)
        if left != 0 || !others.isEmpty || p.hasSparseFields { appendSparse(p, others, bytes, stringExtrasLeft: left) }
        return true
    }

    /// Whether a statement's extra fields fit under `maxExtraFields` (if not, the full reader reports it).
    private func acceptsExtras(_ p: some PlainFields, _ others: [(key: Range<Int>, value: OtherValue)],
                               _ bytes: (Range<Int>) -> UnsafeBufferPointer<UInt8>) -> Bool {
        guard extraColumns.count + p.stringExtraCount + others.count > Self.maxExtraFields else { return true }
        let keys = (0..<p.stringExtraCount).map { p.stringExtra($0).key } + others.map(\.key)
        return extraColumns.count + keys.count(where: { extraNames.existingCode(forUTF8: bytes($0)) == nil }) <= Self.maxExtraFields
    }

    /// The figures, span, confidence and extra fields of the statement just appended (the row before
    /// `count`): of its extra fields with string values, those flagged in `stringExtrasLeft` (the C
    /// columns kept the others).
    private mutating func appendSparse(_ p: some PlainFields, _ others: [(key: Range<Int>, value: OtherValue)],
                                       _ bytes: (Range<Int>) -> UnsafeBufferPointer<UInt8>, stringExtrasLeft: UInt32 = .max) {
        let row = count - 1
        sparse.add(row: row - statements.count, fieldsOf: p, bytes)
        for i in 0..<p.stringExtraCount where stringExtrasLeft & 1 << i != 0 {
            let (key, value) = p.stringExtra(i)
            let column = extraColumnSetInSwift(bytes(key))
            extraColumns[column].set(utf8: bytes(value), row: row)
        }
        for (key, value) in others {
            let column = extraColumnSetInSwift(bytes(key))
            extraColumns[column].set(value, row: row)
        }
    }

    /// Appends the rows another reader read from a later part of the input (parallel loading);
    /// its locations name files from `fileBase` on. The texts, by far the largest column, are
    /// copied on one core while everything else merges on another.
    mutating func absorb(_ other: consuming StatementColumns, fileBase: Int) {
        finishReading()
        other.finishReading()
        if count == 0 && extraNames.values.isEmpty {
            // Nothing here yet (the first file of a folder, a walked .json file): taken over, not copied.
            if fileBase != 0 {
                var shifted = ColumnArray<RecordLocation>()
                shifted.append(mapping: other.locations) { $0.inFile(offsetBy: fileBase) }
                other.locations = shifted
            }
            self = other
            return
        }
        // The texts are taken out, so that the two tasks share nothing.
        var texts = statements.texts, otherTexts = other.statements.texts
        statements.texts = TextColumn()
        other.statements.texts = TextColumn()
        Parallel.both({ texts.absorb(&otherTexts) }, { self.absorbAllButTexts(&other, fileBase: fileBase) })
        statements.texts = texts
    }

    private mutating func absorbAllButTexts(_ other: inout StatementColumns, fileBase: Int) {
        let rowBase = count
        statements.absorbAllButTexts(&other.statements)
        // Each of `other`'s columns is let go once taken in, so that the two copies never coexist
        // for long (the merge is when a parallel load's memory peaks).
        documentRefs.append(contentsOf: other.documentRefs)
        other.documentRefs = InternedColumn()
        hasID.append(contentsOf: other.hasID)
        other.hasID = ColumnArray()
        locations.append(mapping: other.locations) { $0.inFile(offsetBy: fileBase) }
        other.locations = ColumnArray()
        for (code, name) in other.extraNames.values.enumerated() {
            var key = name
            let column = key.withUTF8 { extraColumn($0) }
            extraColumns[column].append(contentsOf: other.extraColumns[code], rowBase: rowBase)
            other.extraColumns[code] = ExtraField()
        }
    }
}

/// Where a record starts: an index into the builder's files and a byte offset, in one word (the
/// line and column are worked out only for the records that have problems).
struct RecordLocation {
    private let bits: UInt64
    private static let offsetBits: UInt64 = 44

    init(file: Int, offset: Int) {
        bits = UInt64(file) << Self.offsetBits | UInt64(offset)
    }

    var file: Int { Int(bits >> Self.offsetBits) }
    var offset: Int { Int(bits & (1 << Self.offsetBits - 1)) }
    /// The location in one word, as the C columns store it.
    var packed: UInt64 { bits }

    func inFile(offsetBy base: Int) -> RecordLocation { RecordLocation(file: file + base, offset: offset) }
}
