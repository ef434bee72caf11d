/// The statements read so far, with what is only needed until the corpus is finished: the `doc`
/// of each as written, whether it had an id, where it starts, and its extra fields.
/// A value type, so that a reading loop can own it (no shared-state checks per field).
struct StatementColumns {
    var statements = Statements()
    /// The `doc` of each statement as written, resolved to an index at the end.
    var documentRefs = InternedColumn()
    /// Ids as written; rows without one get theirs at the end, in order (`<doc>#<n>` or `s<n>`).
    var hasID = ColumnArray<Bool>()
    /// Where each statement starts: `RecordLocation` packed in one word.
    var locations = ColumnArray<RecordLocation>()
    /// The names of the extra fields (codes index `extraColumns`).
    private var extraNames = InternedColumn()
    private var extraColumns: [ExtraField] = []

    var count: Int { statements.count }

    /// Room for `rows` more rows in the columns every statement fills (not those that may stay one
    /// repeated value, which take no memory until they change), and for `textBytes` bytes of text.
    mutating func reserveCapacity(rows: Int, textBytes: Int) {
        statements.texts.reserveCapacity(rows: count + rows, bytes: textBytes)
        statements.ids.reserveCapacity(rows: count + rows, bytes: statements.ids.bytes.count + rows * 12)
        locations.reserveCapacity(count + rows)
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
        if code == extraColumns.count { extraColumns.append(ExtraField()) }
        return code
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
        "it has the field \"\(name)\", but the corpus has \(maxExtraFields) other fields the format does not define already; Parley keeps at most \(maxExtraFields)"
    }

    /// Appends a statement read and checked by the full reader (after `refusal` said nothing).
    mutating func append(_ r: StatementRecord, at location: RecordLocation) {
        let row = count
        locations.append(location)
        hasID.append(r.id != nil)
        statements.ids.append(r.id ?? "")
        documentRefs.append(r.doc)
        statements.speakers.append(r.speaker)
        statements.roles.append(r.role)
        statements.affiliations.append(r.affiliation)
        statements.kinds.append(r.kind ?? "direct")
        statements.texts.append(r.text)
        statements.cues.append(r.cue)
        statements.dates.append(r.date?.text)
        if let date = r.date, statements.dateValues.count < statements.dates.values.count {
            statements.dateValues.append(date)
        }
        statements.dateTexts.append(r.dateText)
        statements.channels.append(r.channel)
        statements.places.append(r.place)
        statements.topics.append(r.topics)
        statements.mentions.append(r.mentions)
        statements.figures.append(contentsOf: r.figures)
        statements.figureStarts.append(Int32(statements.figures.count))
        statements.spanStarts.append(Int32(r.span?.start ?? -1))
        statements.spanEnds.append(Int32(r.span?.end ?? -1))
        statements.confidences.append(r.confidence ?? .nan)
        statements.statuses.append(r.status)
        if !r.relations.isEmpty { statements.relations[row] = r.relations }
        for member in r.extras {
            var key = member.key
            let column = key.withUTF8 { extraColumn($0) }
            extraColumns[column].set(member.value.value, row: row)
        }
    }

    /// Appends a statement found in place by `FastStatementReader`; false (and nothing appended) if
    /// its date is not a valid date, which the full reader then reports.
    mutating func append(_ p: PlainStatement, _ b: UnsafeBufferPointer<UInt8>, at location: RecordLocation) -> Bool {
        p.decoded.withUnsafeBufferPointer { decoded in append(p, b, decoded, at: location) }
    }

    /// Appends a statement `ps_scan_statement` found in place.
    mutating func append(_ p: ScannedStatement, _ b: UnsafeBufferPointer<UInt8>, at location: RecordLocation) -> Bool {
        append(p, b, p.decoded, at: location)
    }

    /// `append(_:_:at:)` once the buffer of written-out strings is at hand: a range at or past
    /// `b.count` lies in `decoded`.
    private mutating func append(_ p: some PlainFields, _ b: UnsafeBufferPointer<UInt8>, _ decoded: UnsafeBufferPointer<UInt8>,
                                 at location: RecordLocation) -> Bool {
        @inline(__always) func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { foundBytes(range, in: b, decoded: decoded) }
        if extraColumns.count + p.stringExtraCount + p.otherExtras.count > Self.maxExtraFields {
            let keys = (0..<p.stringExtraCount).map { p.stringExtra($0).key } + p.otherExtras.map(\.key)
            if extraColumns.count + keys.count(where: { extraNames.existingCode(forUTF8: bytes($0)) == nil }) > Self.maxExtraFields {
                return false                              // the full reader reports it
            }
        }
        var dateCode = InternedColumn.missing
        if let range = p[.date] {
            if let code = statements.dates.existingCode(forUTF8: bytes(range)) {
                dateCode = code
            } else {
                guard let date = CorpusDate(String(decoding: bytes(range), as: UTF8.self)) else { return false }
                dateCode = statements.dates.code(forUTF8: bytes(range))
                statements.dateValues.append(date)
            }
        }
        @inline(__always) func intern(_ column: inout InternedColumn, _ key: FastStatementReader.Key) {
            if let range = p[key] { column.append(utf8: bytes(range)) } else { column.appendCode(InternedColumn.missing) }
        }
        let row = count
        locations.append(location)
        hasID.append(p[.id] != nil)
        statements.ids.append(utf8: p[.id].map(bytes) ?? UnsafeBufferPointer(start: nil, count: 0))
        intern(&documentRefs, .doc)
        intern(&statements.speakers, .speaker)
        intern(&statements.roles, .role)
        intern(&statements.affiliations, .affiliation)
        if let range = p[.kind] { statements.kinds.append(utf8: bytes(range)) } else { statements.kinds.append("direct") }
        statements.texts.append(utf8: bytes(p[.text]!))
        intern(&statements.cues, .cue)
        statements.dates.appendCode(dateCode)
        intern(&statements.dateTexts, .dateText)
        intern(&statements.channels, .channel)
        intern(&statements.places, .place)
        statements.topics.append(utf8: p.topicRanges, bytes)
        statements.mentions.append(utf8: p.mentionRanges, bytes)
        p.appendFigures(to: &statements.figures, bytes)
        statements.figureStarts.append(Int32(statements.figures.count))
        statements.spanStarts.append(-1)
        statements.spanEnds.append(-1)
        statements.confidences.append(.nan)
        intern(&statements.statuses, .status)
        for i in 0..<p.stringExtraCount {
            let (key, value) = p.stringExtra(i)
            let column = extraColumn(bytes(key))
            extraColumns[column].set(utf8: bytes(value), row: row)
        }
        for (key, value) in p.otherExtras {
            let column = extraColumn(bytes(key))
            extraColumns[column].set(value.value, row: row)
        }
        return true
    }

    /// Appends the rows another reader read from a later part of the input (parallel loading);
    /// its locations name files from `fileBase` on. The texts, by far the largest column, are
    /// copied on one core while everything else merges on another.
    mutating func absorb(_ other: consuming StatementColumns, fileBase: Int) {
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

    func inFile(offsetBy base: Int) -> RecordLocation { RecordLocation(file: file + base, offset: offset) }
}
