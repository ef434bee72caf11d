/// A loaded corpus: its statements (column-wise), the documents that report them and the entities
/// who speak or are named. Immutable once built, so it can be shared between threads.
public final class Corpus: Sendable {
    public let name: String?
    public let description: String?
    public let statements: Statements
    public let documents: [Document]
    public let documentIndex: [String: Int]
    /// `documents[i].source` interned, for fast filters and counts on `doc.source`.
    public let documentSources: InternedColumn
    public let entities: [Entity]
    /// Every alias and canonical name, to the canonical name.
    public let canonicalNames: [String: String]
    /// Where the corpus was read from.
    public let origins: [String]

    init(
        name: String?, description: String?, statements: Statements, documents: [Document],
        entities: [Entity], canonicalNames: [String: String], origins: [String], documentIndex known: [String: Int]? = nil
    ) {
        self.name = name
        self.description = description
        self.statements = statements
        self.documents = documents
        var index = known ?? [:]
        var sources = InternedColumn()
        sources.reserveCapacity(documents.count)
        for (i, document) in documents.enumerated() {
            if known == nil { index[document.id] = i }
            sources.append(document.source)
        }
        self.documentIndex = index
        self.documentSources = sources
        self.entities = entities
        self.canonicalNames = canonicalNames
        self.origins = origins
    }

    /// A corpus with nothing in it (what scripts see when no corpus was given).
    public static let empty = Corpus(
        name: nil, description: nil, statements: Statements(), documents: [], entities: [],
        canonicalNames: [:], origins: [])

    public var count: Int { statements.count }

    /// The document that reports statement `row`.
    public func document(ofRow row: Int) -> Document? {
        let index = statements.documents[row]
        return index < 0 ? nil : documents[Int(index)]
    }

    /// The canonical name for `name` if it is an alias (or a canonical name), else `name`.
    public func canonicalName(_ name: String) -> String { canonicalNames[name] ?? name }
}
