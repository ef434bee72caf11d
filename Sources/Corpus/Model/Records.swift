/// A number stated in a statement: "58 soldiers killed, claimed by the Afghan Taliban".
public struct Figure: Sendable, Equatable {
    public static let stances: Set<String> = ["claimed", "acknowledged", "disputed", "denied"]

    public var value: Double
    public var unit: String?
    public var what: String?
    public var stance: String?
    public var by: String?
    /// Any other field, kept as written.
    public var extra: [JSONMember] = []

    public init(value: Double, unit: String? = nil, what: String? = nil, stance: String? = nil, by: String? = nil) {
        self.value = value
        self.unit = unit
        self.what = what
        self.stance = stance
        self.by = by
    }
}

/// The words the format gives a statement's `kind` and `status`. Other words are kept (corpora
/// extend them: the benchmark's generator writes "claim"), but one that differs from a format word
/// only in case, spaces or hyphens ("Direct", "according to") is most likely that word mistyped,
/// and would make a category of its own in every count: the load warns of it.
public enum StatementWords {
    public static let kinds: Set<String> = ["direct", "indirect", "mixed", "according_to"]
    public static let statuses: Set<String> = ["draft", "reviewed"]

    /// A warning for each value of these columns that looks like a mistyped format word, with how
    /// many statements have it (read from the distinct values, the rows only to count).
    static func misspellings(kinds: InternedColumn, statuses: InternedColumn) -> [String] {
        var warnings: [String] = []
        for (field, column, allowed) in [("kind", kinds, Self.kinds), ("status", statuses, Self.statuses)] {
            for (code, value) in column.values.enumerated() where !allowed.contains(value) {
                let folded = value.lowercased().replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
                guard allowed.contains(folded) else { continue }
                let count = column.codes.count(where: { $0 == Int32(code) })
                warnings.append("\(count) statement\(count == 1 ? " has" : "s have") \(field) \"\(shown: value)\", counted apart from \"\(folded)\"; the format writes \"\(folded)\"")
            }
        }
        return warnings
    }
}

/// A link from one statement to another.
public struct Relation: Sendable, Equatable {
    public static let types: Set<String> = ["corroborates", "contradicts", "same_as", "responds_to"]
    public var type: String
    public var statement: String
}

/// A document (a report, an article) that reports statements.
public struct Document: Sendable {
    public var id: String
    public var title: String?
    public var source: String?
    public var url: String?
    public var published: CorpusDate?
    public var authors: [String] = []
    public var language: String?
    public var place: String?
    public var text: String?
    /// Any other field, kept as written.
    public var extra: [JSONMember] = []

    public init(id: String) { self.id = id }

    public static let fieldNames = ["id", "title", "source", "url", "published", "authors", "language", "place", "text"]
}

/// A person, organisation, state, group or place that speaks or is named.
public struct Entity: Sendable {
    public var name: String
    public var kind: String?
    public var aliases: [String] = []
    /// Strings, or objects `{title, org, from, to}`, kept as written.
    public var roles: [JSONValue] = []
    public var affiliation: String?
    public var country: String?
    public var extra: [JSONMember] = []

    public init(name: String) { self.name = name }
}
