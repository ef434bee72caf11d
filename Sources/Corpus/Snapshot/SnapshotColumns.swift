import Foundation

/// The corpus, column by column, in and out of a snapshot.
extension Snapshot {
    static func encode(_ corpus: Corpus, into w: inout BinaryWriter) {
        w.optionalString(corpus.name)
        w.optionalString(corpus.description)
        w.strings(corpus.origins)
        let s = corpus.statements
        encode(s.ids, &w)
        w.column(s.documents)
        for path in Statements.internedColumns { encode(s[keyPath: path], &w) }
        encode(s.dates.days, &w)
        w.column(s.dates.times)
        encode(s.texts, &w)
        encode(s.topics, &w)
        encode(s.mentions, &w)
        // Figures column by column: values, interned texts, and the few extra fields by figure.
        w.column(s.figureStarts)
        w.column(ColumnArray(s.figures.map(\.value)))
        for text in [\Figure.unit, \Figure.what, \Figure.stance, \Figure.by] {
            var column = InternedColumn()
            for figure in s.figures { column.append(figure[keyPath: text]) }
            encode(column, &w)
        }
        let withExtras = s.figures.indices.filter { !s.figures[$0].extra.isEmpty }
        w.int(withExtras.count)
        for i in withExtras {
            w.int(i)
            w.string(JSONValue.object(s.figures[i].extra).jsonText)
        }
        w.column(s.spanStarts)
        w.column(s.spanEnds)
        w.column(s.confidences)
        w.int(s.relations.count)
        for (row, relations) in s.relations.sorted(by: { $0.key < $1.key }) {
            w.int(row)
            w.strings(relations.flatMap { [$0.type, $0.statement] })
        }
        w.int(s.extras.count)
        for (name, column) in s.extras.sorted(by: { $0.key < $1.key }) {
            w.string(name)
            switch column {
            case .strings(let strings): w.bool(true); encode(strings, &w)
            case .sparse(let sparse):
                w.bool(false)
                w.column(sparse.rows)
                encode(sparse.texts, &w)
            }
        }
        encode(corpus.documentSources, &w)
        // Documents last but for entities, behind their length: opening skips them, and they are
        // read when first used.
        var documents = BinaryWriter()
        for d in corpus.documents {
            documents.string(d.id)
            for text in [d.title, d.source, d.url, d.published?.text, d.language, d.place, d.text] { documents.optionalString(text) }
            documents.strings(d.authors)
            documents.string(JSONValue.object(d.extra).jsonText)
        }
        w.int(corpus.documentCount)
        w.int(documents.data.count)
        w.bytes(documents.data)
        w.int(corpus.entities.count)
        for e in corpus.entities {
            w.string(e.name)
            for text in [e.kind, e.affiliation, e.country] { w.optionalString(text) }
            w.strings(e.aliases)
            w.string(JSONValue.array(e.roles.map { JSONNode($0, offset: 0) }).jsonText)
            w.string(JSONValue.object(e.extra).jsonText)
        }
        let names = corpus.canonicalNames.sorted { $0.key < $1.key }
        w.strings(names.map(\.key))
        w.strings(names.map(\.value))
    }

    static func decode(_ r: inout BinaryReader) throws -> Corpus {
        let name = try r.optionalString(), description = try r.optionalString()
        let origins = try r.strings()
        var s = Statements()
        s.ids = try decodeText(&r)
        s.documents = try r.column()
        for path in Statements.internedColumns { s[keyPath: path] = try decodeInterned(&r) }
        let days = try decodeInterned(&r)
        let dates = try days.values.map { text in
            guard let date = CorpusDate(text) else { throw BinaryReader.Damaged() }
            return date
        }
        s.dates = DateColumn(days: days, values: dates, times: try r.column())
        s.texts = try decodeText(&r)
        s.topics = try decodeList(&r)
        s.mentions = try decodeList(&r)
        s.figureStarts = try r.column()
        let values: ColumnArray<Double> = try r.column()
        let texts = try (0..<4).map { _ in try decodeInterned(&r) }
        guard texts.allSatisfy({ $0.count == values.count && codesInRange($0.codes, below: $0.values.count) }) else { throw BinaryReader.Damaged() }
        s.figures = values.indices.map { i in
            Figure(value: values[i], unit: texts[0][i], what: texts[1][i], stance: texts[2][i], by: texts[3][i])
        }
        for _ in 0..<max(try r.int(), 0) {
            let i = try r.int()
            guard s.figures.indices.contains(i) else { throw BinaryReader.Damaged() }
            s.figures[i].extra = try members(try r.string())
        }
        s.spanStarts = try r.column()
        s.spanEnds = try r.column()
        s.confidences = try r.column()
        for _ in 0..<max(try r.int(), 0) {
            let row = try r.int()
            let pairs = try r.strings()
            s.relations[row] = stride(from: 0, to: pairs.count - 1, by: 2).map { Relation(type: pairs[$0], statement: pairs[$0 + 1]) }
        }
        for _ in 0..<max(try r.int(), 0) {
            let name = try r.string()
            if try r.bool() {
                s.extras[name] = .strings(try decodeInterned(&r))
            } else {
                let rows: ColumnArray<Int32> = try r.column()
                // The values' JSON texts, read in place and parsed when read (one that is not JSON reads as null).
                let texts = try decodeText(&r)
                guard texts.count == rows.count else { throw BinaryReader.Damaged() }
                s.extras[name] = .sparse(ExtraColumn.SparseValues(count: s.speakers.count, rows: rows, texts: texts))
            }
        }
        let documentSources = try decodeInterned(&r)
        let documentCount = try r.int()
        let documentBytes = try r.int()
        guard documentCount >= 0, documentBytes >= 0, documentBytes <= r.count - r.position, documentSources.count == documentCount,
              codesInRange(documentSources.codes, below: documentSources.values.count) else { throw BinaryReader.Damaged() }
        let documentReader = r
        r.position += documentBytes
        var entities: [Entity] = []
        for _ in 0..<max(try r.int(), 0) {
            var e = Entity(name: try r.string())
            e.kind = try r.optionalString(); e.affiliation = try r.optionalString(); e.country = try r.optionalString()
            e.aliases = try r.strings()
            if case .array(let roles) = try value(try r.string()) { e.roles = roles.map(\.value) }
            e.extra = try members(try r.string())
            entities.append(e)
        }
        let keys = try r.strings(), names = try r.strings()
        guard keys.count == names.count, r.position == r.count else { throw BinaryReader.Damaged() }
        try check(s, documentCount: documentCount)
        let documents = Lazily { decodeDocuments(documentReader, count: documentCount) }
        return Corpus(name: name, description: description, statements: s, documentCount: documentCount, documents: documents,
                      documentSources: documentSources, entities: entities,
                      canonicalNames: Dictionary(zip(keys, names), uniquingKeysWith: { a, _ in a }), origins: origins)
    }

    /// The documents, read when first used. The file was checked whole when opened, so a failure
    /// here can only be a snapshot written wrong: its documents then come out empty but for their ids.
    private static func decodeDocuments(_ reader: BinaryReader, count: Int) -> [Document] {
        var r = reader
        var documents: [Document] = []
        documents.reserveCapacity(count)
        for i in 0..<count {
            do {
                var d = Document(id: try r.string())
                d.title = try r.optionalString(); d.source = try r.optionalString(); d.url = try r.optionalString()
                d.published = try r.optionalString().flatMap(CorpusDate.init)
                d.language = try r.optionalString(); d.place = try r.optionalString(); d.text = try r.optionalString()
                d.authors = try r.strings()
                d.extra = try members(try r.string())
                documents.append(d)
            } catch {
                documents.append(Document(id: "document \(i + 1) (unreadable in the snapshot)"))
            }
        }
        return documents
    }

    /// A snapshot whose checksum matches may still have been forged: every index is checked before
    /// use (on all cores: they are most of the time it takes to open one).
    private static func check(_ s: Statements, documentCount: Int) throws {
        let n = s.speakers.count
        let sameLength = Statements.internedColumns.map { s[keyPath: $0].count } + [s.dates.count, s.dates.hasTimes ? s.dates.times.count : n, s.ids.count, s.texts.count, s.documents.count, s.topics.count,
                          s.mentions.count, s.spanStarts.count, s.spanEnds.count, s.confidences.count, s.figureStarts.count - 1]
        guard sameLength.allSatisfy({ $0 == n }), s.relations.keys.allSatisfy({ $0 >= 0 && $0 < n }),
              s.extras.values.allSatisfy({ $0.count == n }) else { throw BinaryReader.Damaged() }
        var checks: [@Sendable () -> Bool] = [
            { codesInRange(s.documents, below: documentCount) },
            { isRising(s.ids.starts, limit: s.ids.bytes.count) },
            { isRising(s.texts.starts, limit: s.texts.bytes.count) },
            { isRising(s.figureStarts, limit: s.figures.count) },
            { isRising(s.topics.starts, limit: s.topics.items.count) && codesInRange(s.topics.items, below: s.topics.values.count, missing: false) },
            { isRising(s.mentions.starts, limit: s.mentions.items.count) && codesInRange(s.mentions.items, below: s.mentions.values.count, missing: false) },
        ]
        for column in Statements.internedColumns.map({ s[keyPath: $0] }) + [s.dates.days] {
            checks.append { codesInRange(column.codes, below: column.values.count) }
        }
        for case .strings(let column) in s.extras.values { checks.append { codesInRange(column.codes, below: column.values.count) } }
        for case .sparse(let sparse) in s.extras.values {
            checks.append { isAscending(sparse.rows, below: n) && isRising(sparse.texts.starts, limit: sparse.texts.bytes.count) }
        }
        let all = checks
        let passed = Parallel.map(count: all.count, threshold: 1) { range in range.allSatisfy { all[$0]() } }
        guard passed.allSatisfy({ $0 }) else { throw BinaryReader.Damaged() }
    }

    private static func codesInRange(_ codes: ColumnArray<Int32>, below limit: Int, missing: Bool = true) -> Bool {
        let low: Int32 = missing ? -1 : 0
        let high = Int32(clamping: limit)
        return codes.withUnsafeBufferPointer { codes in
            var bad = false
            for code in codes { bad = bad || code < low || code >= high }
            return !bad
        }
    }

    private static func encode(_ column: InternedColumn, _ w: inout BinaryWriter) {
        w.strings(column.values)
        w.column(column.codes)
    }

    private static func encode(_ column: TextColumn, _ w: inout BinaryWriter) {
        w.column(column.bytes)
        w.column(column.starts)
    }

    private static func encode(_ column: ListColumn, _ w: inout BinaryWriter) {
        encode(column.pool, &w)
        w.column(column.starts)
        w.column(column.items)
    }

    private static func decodeInterned(_ r: inout BinaryReader) throws -> InternedColumn {
        var column = InternedColumn()
        for value in try r.strings() { _ = column.code(for: value) }
        column.codes = try r.column()
        return column
    }

    private static func decodeText(_ r: inout BinaryReader) throws -> TextColumn {
        var column = TextColumn()
        column.bytes = try r.column()
        column.starts = try r.column()
        return column
    }

    private static func decodeList(_ r: inout BinaryReader) throws -> ListColumn {
        var column = ListColumn()
        column.pool = try decodeInterned(&r)
        column.starts = try r.column()
        column.items = try r.column()
        return column
    }

    /// Offsets that start at 0, never go down, and end within `limit`.
    private static func isRising<T: BinaryInteger>(_ starts: ColumnArray<T>, limit: Int) -> Bool {
        starts.withUnsafeBufferPointer { starts in
            guard starts.first == 0 else { return false }
            var falling = false
            for i in starts.indices.dropFirst() { falling = falling || starts[i] < starts[i - 1] }
            return !falling && Int(starts.last ?? 0) <= limit
        }
    }

    /// Rows strictly ascending, each below `limit` (a sparse extra column's).
    private static func isAscending(_ rows: ColumnArray<Int32>, below limit: Int) -> Bool {
        rows.withUnsafeBufferPointer { rows in
            var bad = false
            for i in rows.indices { bad = bad || rows[i] < 0 || Int(rows[i]) >= limit || (i > 0 && rows[i] <= rows[i - 1]) }
            return !bad
        }
    }

    private static func value(_ text: String) throws -> JSONValue {
        do { return try JSONParser.parse(text).value } catch { throw BinaryReader.Damaged() }
    }

    private static func members(_ text: String) throws -> [JSONMember] {
        guard case .object(let members) = try value(text) else { throw BinaryReader.Damaged() }
        return members
    }
}
