import Corpus
import LuaBinding

/// Documents as Lua sees them: `s.doc.source`, `corpus.documents["d1"]`.
extension ScriptSession {
    func push(document index: Int) {
        lua.pushHandle(RowHandle(generation: generation, row: Int32(index)), metatable: Metatable.document)
    }

    func documentIndex(at index: Int32) throws -> Int? {
        guard let handle = lua.handle(at: index, metatable: Metatable.document, as: RowHandle.self) else { return nil }
        return try check(handle, what: "document")
    }

    func installDocumentMetatable() {
        // Also kept as __hostindex: once a corpus is installed, __index becomes a C function that
        // reads `source` from the column and calls this one for the rest (`installDocumentView`).
        let hostIndex: LuaFunctionBody = { [unowned self] lua in
            guard let index = try documentIndex(at: 1), let key = lua.string(at: 2) else { return 0 }
            if key == "source" {   // from its column: no `Document` values made for it
                pushCached(corpus.documentSources, row: index, cache: Self.documentSourceCache)
                return 1
            }
            if let slot = Self.viewedDocumentFields.firstIndex(of: key) {
                // Read in C from the next access on: a predicate on s.doc.published took 0.7 s at
                // a million statements through here, 0.2 s as source is read.
                let column = documentFieldColumn(key)
                pushCached(column, row: index, cache: Self.documentFieldCache + slot)
                return 1
            }
            let document = corpus.documents[index]
            switch key {
            case "id": lua.push(document.id)
            case "title": lua.push(optional: document.title)
            case "url": lua.push(optional: document.url)
            case "published": lua.push(optional: document.published?.text)
            case "authors": lua.push(strings: document.authors)
            case "statements":
                push(selection: corpus.statements(ofDocument: index))
            case _ where Document.fieldNames.contains(key):
                lua.push(optional: document.values(of: key).first?.description)
            default:
                if let member = document.extra.first(where: { $0.key == key }) {
                    lua.push(json: member.value.value)
                } else {
                    lua.pushNil()
                }
            }
            return 1
        }
        lua.registerMetatable(Metatable.document, metamethods: [
            "__index": hostIndex,
            "__hostindex": hostIndex,
            "__tostring": { [unowned self] lua in
                guard let index = try documentIndex(at: 1) else { return 0 }
                let d = corpus.documents[index]
                let parts = [d.source, d.published?.text, d.title.map { "“\($0)”" }].compactMap { $0 }
                lua.push("document \(d.id): " + parts.joined(separator: ", "))
                return 1
            },
            "__eq": { [unowned self] lua in
                let a = try documentIndex(at: 1), b = try documentIndex(at: 2)
                lua.push(a != nil && a == b)
                return 1
            },
            "__newindex": { _ in throw LuaFunctionError("documents cannot be changed; copy the fields you need into a table") },
            "__fieldnames": { [unowned self] lua in
                guard let index = try documentIndex(at: 1) else { return 0 }
                lua.push(strings: Document.fieldNames + corpus.documents[index].extra.map(\.key))
                return 1
            },
        ])
    }

    /// The document fields of strings read in C once a script has asked for one (its column is made
    /// then, from the documents: a snapshot's are not decoded until asked for).
    static let viewedDocumentFields = ["title", "url", "published", "language", "place"]

    /// The column of document field `key` (one of `viewedDocumentFields`), made on first use; the
    /// documents' row view is made again to read it.
    private func documentFieldColumn(_ key: String) -> InternedColumn {
        if let column = documentFieldColumns[key] { return column }
        var column = InternedColumn()
        column.reserveCapacity(corpus.documentCount)
        for document in corpus.documents { column.append(document.values(of: key).first?.description) }
        documentFieldColumns[key] = column
        installDocumentView()
        return column
    }

    /// Points the documents' __index at the columns of the corpus just installed for `source`, the
    /// document field read most (`s.doc.source`), and at those of the fields a script has read
    /// (`documentFieldColumns`); the host's __index answers the others.
    func installDocumentView() {
        guard let sources = corpus.documentSources.codes.baseAddress else { return }
        var columns: [RowViewColumn] = [.codes(sources, cache: Self.documentSourceCache + 1)]
        lua.newTable(record: 1 + documentFieldColumns.count)
        lua.push(1)
        lua.rawSetField("source", in: -2)
        for (slot, key) in Self.viewedDocumentFields.enumerated() {
            guard let codes = documentFieldColumns[key]?.codes.baseAddress else { continue }
            columns.append(.codes(codes, cache: Self.documentFieldCache + slot + 1))
            lua.push(columns.count)
            lua.rawSetField(key, in: -2)
        }
        let fields = LuaReference(popping: state)
        lua.installRowView(metatable: Metatable.document, hostIndexField: "__hostindex", generation: generation, rows: corpus.documentCount,
                           columns: columns, fieldNumbers: fields, caches: internedStrings,
                           owner: DocumentViewOwner(corpus: corpus, columns: Array(documentFieldColumns.values)))
    }

    /// The `corpus` table's metatable: `corpus.documents` is made on first use (a snapshot's documents
    /// are read only then), and kept in the table.
    func installCorpusMetatable() {
        lua.registerMetatable(Metatable.corpus, metamethods: ["__index": { [unowned self] lua in
            guard lua.string(at: 2) == "documents" else { return 0 }
            try pushDocumentList()
            lua.pushValue(at: -1)
            lua.rawSetField("documents", in: 1)
            return 1
        }])
    }

    /// [-0, +1, m] `corpus.documents`: a list of documents, also indexed by id.
    func pushDocumentList() throws {
        let documents = corpus.documents
        lua.newTable(array: documents.count, record: documents.count)
        for (i, document) in documents.enumerated() {
            if i % 4096 == 4095 { try checkMemory(building: "corpus.documents") }
            push(document: i)
            lua.pushValue(at: -1)
            lua.rawSetIndex(i + 1, in: -3)
            lua.rawSetField(document.id, in: -2)
        }
    }

    /// [-0, +1, m] `corpus.entities`: a list of plain tables.
    func pushEntityList() {
        lua.newTable(array: corpus.entities.count)
        for (i, entity) in corpus.entities.enumerated() {
            lua.newTable(record: 6)
            lua.push(entity.name); lua.rawSetField("name", in: -2)
            lua.push(optional: entity.kind); lua.rawSetField("kind", in: -2)
            lua.push(strings: entity.aliases); lua.rawSetField("aliases", in: -2)
            lua.push(json: .array(entity.roles.map { JSONNode($0, offset: 0) })); lua.rawSetField("roles", in: -2)
            lua.push(optional: entity.affiliation); lua.rawSetField("affiliation", in: -2)
            lua.push(optional: entity.country); lua.rawSetField("country", in: -2)
            for member in entity.extra {
                lua.push(json: member.value.value)
                lua.rawSetField(member.key, in: -2)
            }
            lua.rawSetIndex(i + 1, in: -2)
        }
    }
}

/// What the documents' row view reads from: the corpus, and the field columns made for it.
private final class DocumentViewOwner {
    let corpus: Corpus
    let columns: [InternedColumn]
    init(corpus: Corpus, columns: [InternedColumn]) { self.corpus = corpus; self.columns = columns }
}
