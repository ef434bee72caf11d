/// A corpus as the records of its format (docs/corpus-format.md): what a writer of any form
/// writes, field by field, in the format's order. Reading what is written gives the same corpus.
public struct CorpusRecords: Sendable {
    /// A record's fields, absent ones left out.
    public typealias Fields = [(key: String, value: JSONValue)]

    public let corpus: Corpus
    /// The statements written (rows): all, in corpus order, or a collection's, in its order.
    public let statementRows: [Int]
    /// The ids of the statements written when they are not all: a relation to another statement
    /// is left out, since the file would not load with it.
    private let kept: Set<String>?
    /// The names of the statements' extra fields, in the order written.
    private let extraNames: [String]
    /// The documents' ids, by index: taken once, not through the corpus's lazily made list for
    /// each statement (the threads writing statements would queue on its lock).
    private let documentIDs: [String]

    public init(_ corpus: Corpus, rows: [Int]? = nil) {
        self.corpus = corpus
        statementRows = rows ?? Array(0..<corpus.count)
        kept = rows == nil || corpus.statements.relations.isEmpty ? nil : Set(rows!.map { corpus.statements.ids[$0] })
        extraNames = corpus.statements.extras.keys.sorted()
        documentIDs = corpus.documents.map(\.id)
    }

    /// The documents written: all, or those the statements written cite, in corpus order.
    public var documents: [Document] {
        guard statementRows.count != corpus.count else { return corpus.documents }
        var cited = Set<Int32>()
        for row in statementRows where corpus.statements.documents[row] >= 0 { cited.insert(corpus.statements.documents[row]) }
        return cited.sorted().map { corpus.documents[Int($0)] }
    }

    /// How many relations point outside the statements written (and are left out).
    public var relationsLeftOut: Int {
        guard let kept else { return 0 }
        return statementRows.reduce(0) { n, row in n + (corpus.statements.relations[row] ?? []).count { !kept.contains($0.statement) } }
    }

    /// The header: the corpus's name and description.
    public var header: Fields {
        var fields: Fields = []
        add(&fields, "name", corpus.name)
        add(&fields, "description", corpus.description)
        return fields
    }

    public func document(_ d: Document) -> Fields {
        var fields: Fields = [("id", .string(d.id))]
        add(&fields, "title", d.title)
        add(&fields, "source", d.source)
        add(&fields, "url", d.url)
        add(&fields, "published", d.published?.text)
        add(&fields, "authors", d.authors)
        add(&fields, "language", d.language)
        add(&fields, "place", d.place)
        add(&fields, "text", d.text)
        return fields + d.extra.map { ($0.key, $0.value.value) }
    }

    public func entity(_ e: Entity) -> Fields {
        var fields: Fields = [("name", .string(e.name))]
        add(&fields, "kind", e.kind)
        add(&fields, "aliases", e.aliases)
        if !e.roles.isEmpty { fields.append(("roles", .array(e.roles.map { JSONNode($0, offset: 0) }))) }
        add(&fields, "affiliation", e.affiliation)
        add(&fields, "country", e.country)
        return fields + e.extra.map { ($0.key, $0.value.value) }
    }

    /// Statement `row`. Its speaker is written as the source spelled it, so that an alias is
    /// resolved again through the entities when it is read.
    public func statement(_ row: Int) -> Fields {
        let s = corpus.statements
        var fields: Fields = [("id", .string(s.ids[row]))]
        let document = s.documents[row]
        add(&fields, "doc", document < 0 ? nil : documentIDs[Int(document)])
        add(&fields, "speaker", s.speakerTexts[row] ?? s.speakers[row])
        add(&fields, "role", s.roles[row])
        add(&fields, "affiliation", s.affiliations[row])
        add(&fields, "kind", s.kinds[row])
        fields.append(("text", .string(s.texts[row])))
        add(&fields, "cue", s.cues[row])
        add(&fields, "date", s.dates[row])
        add(&fields, "date_text", s.dateTexts[row])
        add(&fields, "channel", s.channels[row])
        add(&fields, "place", s.places[row])
        add(&fields, "topics", s.topics[row])
        add(&fields, "mentions", s.mentions[row])
        let figures = s.figures(row: row)
        if !figures.isEmpty { fields.append(("figures", .array(figures.map { JSONNode(Self.figure($0), offset: 0) }))) }
        if let span = s.span(row: row) { fields.append(("span", .array([span.start, span.end].map { JSONNode(.integer(Int64($0)), offset: 0) }))) }
        if let confidence = s.confidence(row: row) { fields.append(("confidence", .number(confidence))) }
        add(&fields, "status", s.statuses[row])
        if let relations = s.relations[row]?.filter({ kept?.contains($0.statement) ?? true }), !relations.isEmpty {
            fields.append(("relations", .array(relations.map { relation in
                JSONNode(.object([Self.member("type", .string(relation.type)), Self.member("statement", .string(relation.statement))]), offset: 0)
            })))
        }
        for name in extraNames {
            if let value = s.extras[name]?[row] { fields.append((name, value)) }
        }
        return fields
    }

    static func figure(_ f: Figure) -> JSONValue {
        var members = [member("value", f.value.rounded() == f.value && abs(f.value) < 1e15 ? .integer(Int64(f.value)) : .number(f.value))]
        for (key, value) in [("unit", f.unit), ("what", f.what), ("stance", f.stance), ("by", f.by)] {
            if let value { members.append(member(key, .string(value))) }
        }
        return .object(members + f.extra)
    }

    static func member(_ key: String, _ value: JSONValue) -> JSONMember { JSONMember(key: key, keyOffset: 0, value: JSONNode(value, offset: 0)) }

    private func add(_ fields: inout Fields, _ key: String, _ value: String?) {
        if let value { fields.append((key, .string(value))) }
    }

    private func add(_ fields: inout Fields, _ key: String, _ values: [String]) {
        if !values.isEmpty { fields.append((key, .array(values.map { JSONNode(.string($0), offset: 0) }))) }
    }
}
