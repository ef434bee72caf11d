/// A loaded corpus: its statements (column-wise), the documents that report them and the entities
/// who speak or are named. Immutable once built, so it can be shared between threads.
public final class Corpus: Sendable {
    public let name: String?
    public let description: String?
    public let statements: Statements
    /// The documents, made on first use when the corpus comes from a snapshot.
    public var documents: [Document] { documentList.value }
    public let documentCount: Int
    /// `documents[i].source` interned, for fast filters and counts on `doc.source`.
    public let documentSources: InternedColumn
    public let entities: [Entity]
    /// Every alias and canonical name, to the canonical name.
    public let canonicalNames: [String: String]
    /// Where the corpus was read from.
    public let origins: [String]
    private let documentList: Lazily<[Document]>
    /// The row of each statement id, made when `where{id = …}` first asks.
    private let idIndex: Lazily<IDIndex>
    /// Each document's rows and the index of each document id, made when first asked for.
    private let documentRows: Lazily<DocumentRows>
    private let documentIndexes: Lazily<[String: Int]>
    /// For each speaker (a code of `statements.speakers`), the index of its entity among `entities`, or -1.
    private let speakerEntityIndexes: Lazily<[Int32]>
    /// Reports name the corpus by this hash; it reads every text, so it is made once, when first asked.
    private let contentHashValue: Lazily<String>

    /// A corpus whose documents are kept column-wise until a script asks for them.
    convenience init(
        name: String?, description: String?, statements: Statements, documents: DocumentColumns,
        entities: [Entity], canonicalNames: [String: String], origins: [String]
    ) {
        self.init(name: name, description: description, statements: statements, documentCount: documents.count,
                  documents: Lazily { (0..<documents.count).map { documents[$0] } }, documentSources: documents.sources,
                  entities: entities, canonicalNames: canonicalNames, origins: origins)
    }

    /// A corpus whose documents are made when first asked for (`documents` must give
    /// `documentCount` documents whose sources are `documentSources`).
    init(
        name: String?, description: String?, statements: Statements, documentCount: Int, documents: Lazily<[Document]>,
        documentSources: InternedColumn, entities: [Entity], canonicalNames: [String: String], origins: [String]
    ) {
        self.name = name
        self.description = description
        self.statements = statements
        self.documentCount = documentCount
        self.documentList = documents
        self.documentSources = documentSources
        self.entities = entities
        self.canonicalNames = canonicalNames
        self.origins = origins
        idIndex = Lazily { IDIndex(statements.ids) }
        documentRows = Lazily { DocumentRows(documents: statements.documents, documentCount: documentCount) }
        documentIndexes = Lazily { Dictionary(documents.value.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first }) }
        speakerEntityIndexes = Lazily { Entity.indexes(of: statements.speakers.values, among: entities) }
        contentHashValue = Lazily { Self.contentHash(of: statements) }
    }

    /// A hash of the statements' ids and texts (FNV-1a, hexadecimal): the same content gives the
    /// same hash, whatever file or snapshot it was read from.
    public var contentHash: String { contentHashValue.value }

    private static func contentHash(of statements: Statements) -> String {
        var hash: UInt64 = 0xcbf29ce484222325
        for column in [statements.ids, statements.texts] {
            column.bytes.withUnsafeBufferPointer { bytes in
                for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
            }
        }
        return String(hash, radix: 16)
    }

    /// A corpus with nothing in it (what scripts see when no corpus was given).
    public static let empty = Corpus(
        name: nil, description: nil, statements: Statements(), documents: DocumentColumns(), entities: [],
        canonicalNames: [:], origins: [])

    public var count: Int { statements.count }

    /// The document that reports statement `row`.
    public func document(ofRow row: Int) -> Document? {
        let index = statements.documents[row]
        return index < 0 ? nil : documents[Int(index)]
    }

    /// The statements document `index` reports, in corpus order.
    public func statements(ofDocument index: Int) -> Selection {
        Selection(corpus: self, rows: Array(rows(ofDocument: index)))
    }

    /// The rows of the statements document `index` reports, in corpus order.
    func rows(ofDocument index: Int) -> ArraySlice<Int32> { documentRows.value.rows(of: index) }

    /// The index among `documents` of the document whose id is `id`.
    public func documentIndex(ofID id: String) -> Int? { documentIndexes.value[id] }

    /// The row of the statement whose id is `id` (ids are unique in a loaded corpus).
    public func row(ofID id: String) -> Int? { idIndex.value.row(of: id) }

    /// The entity of each speaker code (-1: none), for `speaker.country` and its kind.
    var speakerEntities: [Int32] { speakerEntityIndexes.value }

    /// The entity statement `row`'s speaker is, if the corpus has one by that name.
    public func speakerEntity(ofRow row: Int) -> Int? {
        let code = statements.speakers.codes[row]
        guard code >= 0 else { return nil }
        let index = speakerEntities[Int(code)]
        return index < 0 ? nil : Int(index)
    }

    /// The canonical name for `name` if it is an alias (or a canonical name), else `name`.
    public func canonicalName(_ name: String) -> String { canonicalNames[name] ?? name }
}
