import Foundation

/// The corpus, column by column, in and out of a snapshot.
extension Snapshot {
    static func encode(_ corpus: Corpus, into w: inout BinaryWriter) {
        w.optionalString(corpus.name)
        w.optionalString(corpus.description)
        w.strings(corpus.origins)
        let s = corpus.statements
        encode(s.ids, &w)
        w.array(s.documents)
        for column in [s.speakers, s.speakerTexts, s.roles, s.affiliations, s.kinds] { encode(column, &w) }
        encode(s.texts, &w)
        for column in [s.cues, s.dates, s.dateTexts, s.channels, s.places, s.statuses] { encode(column, &w) }
        encode(s.topics, &w)
        encode(s.mentions, &w)
        w.array(s.figureStarts)
        w.int(s.figures.count)
        for f in s.figures {
            w.double(f.value)
            for text in [f.unit, f.what, f.stance, f.by] { w.optionalString(text) }
            w.string(JSONValue.object(f.extra).jsonText)
        }
        w.array(s.spanStarts)
        w.array(s.spanEnds)
        w.array(s.confidences)
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
            case .values(let values): w.bool(false); w.strings(values.map { $0?.jsonText ?? "" })
            }
        }
        w.int(corpus.documents.count)
        for d in corpus.documents {
            w.string(d.id)
            for text in [d.title, d.source, d.url, d.published?.text, d.language, d.place, d.text] { w.optionalString(text) }
            w.strings(d.authors)
            w.string(JSONValue.object(d.extra).jsonText)
        }
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
        s.documents = try r.array()
        s.speakers = try decodeInterned(&r)
        s.speakerTexts = try decodeInterned(&r)
        s.roles = try decodeInterned(&r)
        s.affiliations = try decodeInterned(&r)
        s.kinds = try decodeInterned(&r)
        s.texts = try decodeText(&r)
        s.cues = try decodeInterned(&r)
        s.dates = try decodeInterned(&r)
        s.dateValues = try s.dates.values.map { text in
            guard let date = CorpusDate(text) else { throw BinaryReader.Damaged() }
            return date
        }
        s.dateTexts = try decodeInterned(&r)
        s.channels = try decodeInterned(&r)
        s.places = try decodeInterned(&r)
        s.statuses = try decodeInterned(&r)
        s.topics = try decodeList(&r)
        s.mentions = try decodeList(&r)
        s.figureStarts = try r.array()
        let figureCount = try r.int()
        s.figures = []
        for _ in 0..<max(figureCount, 0) {
            var figure = Figure(value: try r.double(), unit: try r.optionalString(), what: try r.optionalString(),
                                stance: try r.optionalString(), by: try r.optionalString())
            figure.extra = try members(try r.string())
            s.figures.append(figure)
        }
        s.spanStarts = try r.array()
        s.spanEnds = try r.array()
        s.confidences = try r.array()
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
                s.extras[name] = .values(try r.strings().map { $0.isEmpty ? nil : try value($0) })
            }
        }
        var documents: [Document] = []
        for _ in 0..<max(try r.int(), 0) {
            var d = Document(id: try r.string())
            d.title = try r.optionalString(); d.source = try r.optionalString(); d.url = try r.optionalString()
            d.published = try r.optionalString().flatMap(CorpusDate.init)
            d.language = try r.optionalString(); d.place = try r.optionalString(); d.text = try r.optionalString()
            d.authors = try r.strings()
            d.extra = try members(try r.string())
            documents.append(d)
        }
        var entities: [Entity] = []
        for _ in 0..<max(try r.int(), 0) {
            var e = Entity(name: try r.string())
            e.kind = try r.optionalString(); e.affiliation = try r.optionalString(); e.country = try r.optionalString()
            e.aliases = try r.strings()
            if case .array(let roles) = try value(try r.string()) { e.roles = roles.map(\.value) }
            e.extra = try members(try r.string())
            entities.append(e)
        }
        let keys = try r.strings(), values = try r.strings()
        // A snapshot whose checksum matches may still have been forged: check every index before use.
        let n = s.speakers.count
        let sameLength = [s.ids.count, s.texts.count, s.documents.count, s.speakerTexts.count, s.roles.count, s.affiliations.count,
                          s.kinds.count, s.cues.count, s.dates.count, s.dateTexts.count, s.channels.count, s.places.count,
                          s.statuses.count, s.topics.count, s.mentions.count, s.spanStarts.count, s.spanEnds.count,
                          s.confidences.count, s.figureStarts.count - 1]
        guard keys.count == values.count, sameLength.allSatisfy({ $0 == n }),
              s.documents.allSatisfy({ $0 >= -1 && Int($0) < documents.count }),
              isRising(s.figureStarts.map(Int.init), limit: s.figures.count),
              isRising(s.topics.starts.map(Int.init), limit: s.topics.items.count),
              isRising(s.mentions.starts.map(Int.init), limit: s.mentions.items.count),
              s.relations.keys.allSatisfy({ $0 >= 0 && $0 < n }),
              s.extras.values.allSatisfy({ $0.count == n }) else { throw BinaryReader.Damaged() }
        return Corpus(name: name, description: description, statements: s, documents: documents, entities: entities,
                      canonicalNames: Dictionary(zip(keys, values), uniquingKeysWith: { a, _ in a }), origins: origins)
    }

    private static func encode(_ column: InternedColumn, _ w: inout BinaryWriter) {
        w.strings(column.values)
        w.array(column.codes)
    }

    private static func encode(_ column: TextColumn, _ w: inout BinaryWriter) {
        w.array(column.bytes)
        w.array(column.starts)
    }

    private static func encode(_ column: ListColumn, _ w: inout BinaryWriter) {
        encode(column.pool, &w)
        w.array(column.starts)
        w.array(column.items)
    }

    private static func decodeInterned(_ r: inout BinaryReader) throws -> InternedColumn {
        var column = InternedColumn()
        for value in try r.strings() { _ = column.code(for: value) }
        column.codes = try r.array()
        guard column.codes.allSatisfy({ $0 >= -1 && Int($0) < column.values.count }) else { throw BinaryReader.Damaged() }
        return column
    }

    private static func decodeText(_ r: inout BinaryReader) throws -> TextColumn {
        var column = TextColumn()
        column.bytes = try r.array()
        column.starts = try r.array()
        guard isRising(column.starts, limit: column.bytes.count) else { throw BinaryReader.Damaged() }
        return column
    }

    private static func decodeList(_ r: inout BinaryReader) throws -> ListColumn {
        var column = ListColumn()
        column.pool = try decodeInterned(&r)
        column.starts = try r.array()
        column.items = try r.array()
        guard column.items.allSatisfy({ $0 >= 0 && Int($0) < column.pool.values.count }) else { throw BinaryReader.Damaged() }
        return column
    }

    /// Offsets that start at 0, never go down, and end within `limit`.
    private static func isRising(_ starts: [Int], limit: Int) -> Bool {
        guard starts.first == 0 else { return false }
        for i in starts.indices.dropFirst() where starts[i] < starts[i - 1] { return false }
        return (starts.last ?? 0) <= limit
    }

    private static func value(_ text: String) throws -> JSONValue {
        do { return try JSONParser.parse(text).value } catch { throw BinaryReader.Damaged() }
    }

    private static func members(_ text: String) throws -> [JSONMember] {
        guard case .object(let members) = try value(text) else { throw BinaryReader.Damaged() }
        return members
    }
}
