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
