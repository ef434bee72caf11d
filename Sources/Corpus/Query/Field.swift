/// A field a query can name: a statement field, a part of its date, a field of its document, or an
/// extra field of the records. Parsed from the names scripts use: "speaker", "doc.source", "date.year".
public enum Field: Hashable, Sendable, CustomStringConvertible {
    public enum DatePart: String, Sendable, CaseIterable { case year, month, day, week, weekday }
    /// A part of the statement's figures (`figures.stance`): a list field, one value per figure.
    public enum FigurePart: String, Sendable, CaseIterable { case value, unit, what, stance, by }

    case id, speaker, speakerText, role, affiliation, kind, text, cue, date, dateText, channel, place
    case topics, mentions, confidence, status
    case datePart(DatePart)
    case figure(FigurePart)
    case document(String)
    /// A field of the speaker's entity: `speaker.country`, `speaker.kind`.
    case speakerEntity(String)
    case extra(String)

    static let statementFields: [String: Field] = [
        "id": .id, "speaker": .speaker, "speaker_text": .speakerText, "role": .role, "affiliation": .affiliation,
        "kind": .kind, "text": .text, "cue": .cue, "date": .date, "date_text": .dateText, "channel": .channel,
        "place": .place, "topics": .topics, "mentions": .mentions, "confidence": .confidence, "status": .status,
    ]

    /// Whether a range of this field is one of days (dates of any precision): the date, the
    /// document's publication, and the year, month or day of the date.
    var rangesByDays: Bool {
        switch self {
        case .date, .document("published"), .datePart(.year), .datePart(.month), .datePart(.day): true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .datePart(let part): "date.\(part.rawValue)"
        case .figure(let part): "figures.\(part.rawValue)"
        case .document(let name): "doc.\(name)"
        case .speakerEntity(let name): "speaker.\(name)"
        case .extra(let name): name
        default: Self.statementFields.first { $0.value == self }!.key
        }
    }

    /// Parses a field name as scripts write it, checking it against `corpus`. `doc`, the field of
    /// the records that names the document, stands for `doc.id`.
    public static func parse(_ name: String, in corpus: Corpus) throws(QueryError) -> Field {
        if let field = statementFields[name] { return field }
        if name == "doc" { return .document("id") }
        if name.hasPrefix("date."), let part = DatePart(rawValue: String(name.dropFirst(5))) { return .datePart(part) }
        if name.hasPrefix("figures.") {
            let part = String(name.dropFirst(8))
            if let part = FigurePart(rawValue: part) { return .figure(part) }
            guard let close = suggestion(for: part, among: FigurePart.allCases.map(\.rawValue)) else {
                throw QueryError.unknownField(name, suggestion: nil, known: FigurePart.allCases.map { "figures.\($0.rawValue)" }.joined(separator: ", "))
            }
            throw QueryError.unknownField(name, suggestion: "figures.\(close)")
        }
        if name.hasPrefix("doc.") {
            let field = String(name.dropFirst(4))
            if Document.fieldNames.contains(field) || corpus.documents.contains(where: { $0.extra.contains { $0.key == field } }) {
                return .document(field)
            }
            throw QueryError.unknownField(name, suggestion: suggestion(for: field, among: Document.fieldNames).map { "doc.\($0)" })
        }
        if name.hasPrefix("speaker.") {
            let field = String(name.dropFirst(8))
            if corpus.entities.isEmpty {
                throw QueryError.invalid("'\(shown: name)' is a field of the speaker's entity, and this corpus has no entities (records of type \"entity\", with name, kind, country…)")
            }
            if Entity.fieldNames.contains(field) || corpus.entities.contains(where: { $0.extra.contains { $0.key == field } }) {
                return .speakerEntity(field)
            }
            throw QueryError.unknownField(name, suggestion: suggestion(for: field, among: Entity.fieldNames).map { "speaker.\($0)" })
        }
        if corpus.statements.extras[name] != nil { return .extra(name) }
        if name == "figures" {
            throw QueryError.invalid("'figures' holds records, which a query cannot compare or count as they are: "
                + "name one of their fields, as in count_by(\"figures.stance\") (figures.value, figures.unit, figures.what, figures.stance, figures.by)")
        }
        if ["span", "relations"].contains(name) {
            throw QueryError.invalid("'\(name)' holds records, which a query cannot compare or count as they are: "
                + "use a function of the statement, as in count_by(function(s) return s.relations[1] and s.relations[1].type end)")
        }
        // A part of the date or a document's field named without its prefix: `year`, `source`.
        if DatePart(rawValue: name) != nil { throw QueryError.unknownField(name, suggestion: "date.\(name)") }
        if Document.fieldNames.contains(name) { throw QueryError.unknownField(name, suggestion: "doc.\(name)") }
        let known = Array(statementFields.keys) + corpus.statements.extras.keys + Document.fieldNames.map { "doc.\($0)" }
            + DatePart.allCases.map { "date.\($0.rawValue)" } + FigurePart.allCases.map { "figures.\($0.rawValue)" }
        guard let close = suggestion(for: name, among: known) else {
            throw QueryError.unknownField(name, suggestion: nil, known: knownNames(extras: corpus.statements.extras.keys.sorted()))
        }
        throw QueryError.unknownField(name, suggestion: close)
    }

    /// The names a query can use, for a message: the statement's fields, its extra fields (the
    /// first ten), and the forms of the date's and the document's.
    static func knownNames(extras: [String]) -> String {
        let own = ["id", "speaker", "role", "affiliation", "kind", "text", "cue", "date", "date_text", "channel", "place",
                   "topics", "mentions", "confidence", "status", "speaker_text"]
        let extra = extras.prefix(10) + (extras.count > 10 ? ["…"] : [])
        return (own + extra + ["date.year", "date.month", "date.day", "doc (its id)", "doc.source", "doc.title", "doc.published", "and other doc.* fields",
                               "speaker.kind", "speaker.country", "figures.stance…"])
            .joined(separator: ", ")
    }

    /// The closest name within two edits, if any.
    public static func suggestion(for name: String, among names: [String]) -> String? {
        let scored = names.map { ($0, editDistance(name.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }), best.1 <= 2 else { return nil }
        return best.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// A value a field holds, as queries compare and count it.
public enum FieldValue: Hashable, Sendable, Comparable, CustomStringConvertible {
    case string(String)
    case number(Double)
    case bool(Bool)

    var isString: Bool { if case .string = self { true } else { false } }

    /// A whole number as the string of its digits (2025 as "2025"), as a field of strings holds it;
    /// nil for anything else.
    var digits: FieldValue? {
        guard case .number(let n) = self, n == n.rounded(), abs(n) < 1e15 else { return nil }
        return .string(description)
    }

    public var description: String {
        switch self {
        case .string(let s): s
        case .number(let n): n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .bool(let b): String(b)
        }
    }

    public static func < (a: FieldValue, b: FieldValue) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): x < y
        case (.string(let x), .string(let y)): x < y
        case (.bool(let x), .bool(let y)): !x && y
        case (.number, _): true
        case (.string, .bool): true
        default: false
        }
    }

    init?(_ json: JSONValue) {
        switch json {
        case .string(let s): self = .string(s)
        case .integer(let i): self = .number(Double(i))
        case .number(let d): self = .number(d)
        case .bool(let b): self = .bool(b)
        default: return nil
        }
    }
}

/// A query that cannot run, said in the analyst's terms.
public enum QueryError: Error, Sendable, CustomStringConvertible, Equatable {
    /// `known`: the names there are, said when no name is close enough to suggest.
    case unknownField(String, suggestion: String?, known: String? = nil)
    case invalid(String)

    public var description: String {
        switch self {
        case .unknownField(let name, let suggestion, let known):
            "unknown field '\(shown: name)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? known.map { " (the fields are: \($0))" } ?? "")
        case .invalid(let message): message
        }
    }
}
