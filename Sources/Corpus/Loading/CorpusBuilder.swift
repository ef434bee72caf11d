/// Gathers the records of one or more files and checks what can only be checked across records
/// (duplicate ids, documents referred to, spans, relations, aliases) before building the corpus.
final class CorpusBuilder {
    private(set) var log = ProblemLog()
    var name: String?
    var description: String?
    private var documents = DocumentColumns()
    private var documentLocations: [RecordLocation] = []
    private var entities: [Entity] = []
    private var entityLocations: [RecordLocation] = []
    /// The statements read so far. A reading loop takes them (`takeColumns`) and gives them back.
    var columns = StatementColumns()
    /// The files read, kept (mapped) until the end to place problems found across records.
    private var files: [SourceFile] = []
    private var origins: [String] = []
    /// Records dropped because they had problems (only used with `skipBad`).
    private(set) var skipped = 0
    /// What the analyst should know of a corpus that loads: a kind written "Direct".
    private(set) var warnings: [String] = []
    /// Whether to stop reading (the readers look between blocks or rows); builders made for parts
    /// of the same load share it.
    let stop: LoadStop

    init(stop: LoadStop = .never) { self.stop = stop }

    func addOrigin(_ path: String) { origins.append(path) }

    /// The index of `file` in the builder's files, adding it if new.
    func register(_ file: SourceFile) -> Int {
        if let index = files.lastIndex(where: { $0 === file }) { return index }
        files.append(file)
        return files.count - 1
    }

    func location(_ file: SourceFile, _ offset: Int) -> RecordLocation { RecordLocation(file: register(file), offset: offset) }

    /// Moves the statement columns out, so that a loop can append to them without touching the builder.
    func takeColumns() -> StatementColumns {
        defer { columns = StatementColumns() }
        columns.finishReading()
        return columns
    }

    /// Logs a problem at `location`, working out its line and column only if the log keeps it.
    private func logProblem(at location: RecordLocation, record: String?, message: @autoclosure () -> String) {
        log.add { files[location.file].problem(at: location.offset, record: record, message: message()) }
    }

    /// Where a record is, for a message that points back to it: "line 12" (a row in a database).
    private func place(of location: RecordLocation) -> String { files[location.file].place(of: location.offset) }

    /// A reporter that places problems in `file` and names the record.
    private func reporter(_ file: SourceFile, record: @escaping () -> String?, failed: @escaping () -> Void) -> (Int, String) -> Void {
        { [self] offset, message in
            log.add { file.problem(at: offset, record: record(), message: message) }
            failed()
        }
    }

    func addHeader(_ node: JSONNode, file: SourceFile) {
        guard let fields = RecordFields(node, what: "the corpus header", report: reporter(file, record: { nil }, failed: {})) else { return }
        name = fields.string("name") ?? name
        description = fields.string("description") ?? description
    }

    func addDocument(_ node: JSONNode, file: SourceFile) {
        var label: String?
        var bad = false
        let report = reporter(file, record: { label.map { "document '\(shown: $0)'" } }, failed: { bad = true })
        guard let fields = RecordFields(node, what: "a document", report: report) else { skipped += 1; return }
        label = fields.string("id")
        var document = Document(id: fields.string("id", required: true) ?? "")
        document.title = fields.string("title")
        document.source = fields.string("source")
        document.url = fields.string("url")
        document.published = fields.date("published")
        document.authors = fields.strings("authors")
        document.language = fields.string("language")
        document.place = fields.string("place")
        document.text = fields.string("text")
        document.extra = fields.extras(excluding: Set(Document.fieldNames).union(["type"]))
        if bad { skipped += 1; return }
        addDocument(document, at: location(file, node.offset))
    }

    /// A document already read and checked (by the full reader above, or the fast one).
    func addDocument(_ document: Document, at location: RecordLocation) {
        documents.append(document)
        documentLocations.append(location)
    }

    /// Adds a document `ps_scan_document` found; false if the full reader must read it (a bad date).
    func addDocument(_ document: ScannedDocument, _ b: UnsafeBufferPointer<UInt8>, at location: RecordLocation) -> Bool {
        guard documents.append(document, b) else { return false }
        documentLocations.append(location)
        return true
    }

    func addEntity(_ node: JSONNode, file: SourceFile) {
        var label: String?
        var bad = false
        let report = reporter(file, record: { label.map { "entity '\(shown: $0)'" } }, failed: { bad = true })
        guard let fields = RecordFields(node, what: "an entity", report: report) else { skipped += 1; return }
        label = fields.string("name")
        var entity = Entity(name: fields.string("name", required: true) ?? "")
        entity.kind = fields.string("kind")
        entity.aliases = fields.strings("aliases")
        entity.roles = fields.list("roles").map(\.value)
        entity.affiliation = fields.string("affiliation")
        entity.country = fields.string("country")
        entity.extra = fields.extras(excluding: ["name", "kind", "aliases", "roles", "affiliation", "country", "type"])
        if bad { skipped += 1; return }
        entities.append(entity)
        entityLocations.append(location(file, node.offset))
    }

    func addStatement(_ node: JSONNode, file: SourceFile) {
        if let record = statementRecord(node, file: file) {
            take(record, node: node, file: file, into: &columns)
        }
    }

    /// Appends a statement the full reader checked, unless it has one extra field too many.
    func take(_ record: StatementRecord, node: JSONNode, file: SourceFile, into columns: inout StatementColumns) {
        if let refusal = columns.refusal(record) {
            report(file: file, offset: node.offset, message: "statement" + (record.id.map { " '\(shown: $0)'" } ?? "") + ": " + refusal)
        } else {
            columns.append(record, at: location(file, node.offset))
        }
    }

    /// Reads and checks a statement with the full reader; nil (problems logged) if it is bad.
    /// Messages name it by its id; one without an id is placed by its line and column alone (a
    /// count of the statements before it would depend on which core read which part of the file).
    func statementRecord(_ node: JSONNode, file: SourceFile) -> StatementRecord? {
        if case .object(let members) = node.value, QuotebankRecord.matches(members) {
            return statementRecord(QuotebankRecord.statement(node), file: file)
        }
        var label: String?
        var bad = false
        let report = reporter(file, record: { "statement" + (label.map { " '\(shown: $0)'" } ?? "") }, failed: { bad = true })
        guard let fields = RecordFields(node, what: "a statement", report: report) else { skipped += 1; return nil }
        label = fields.string("id")
        let record = StatementRecord(fields)
        if bad { skipped += 1; return nil }
        return record
    }

    /// The ids column with generated ids filled in: the n-th statement without an id of a document
    /// gets `<doc>#<n>`, one of no document `s<n>`.
    private static func completedIDs(_ columns: StatementColumns) -> TextColumn {
        let written = columns.statements.ids
        guard columns.hasID.contains(false) else { return written }
        var ordinals: [Int32: Int] = [:]
        var ids = TextColumn()
        ids.reserveCapacity(rows: columns.count, bytes: written.bytes.count)
        for row in 0..<columns.count {
            if columns.hasID[row] { ids.append(written[row]); continue }
            let doc = columns.documentRefs.codes[row]
            let n = (ordinals[doc] ?? 0) + 1
            ordinals[doc] = n
            ids.append(doc < 0 ? "s\(n)" : "\(columns.documentRefs.values[Int(doc)])#\(n)")
        }
        return ids
    }

    /// A field that is one of the format's in other case or spacing ("Date", "date text") is kept
    /// as a field of its own, which `where{date = …}` and the recipes do not read: said, with how
    /// many records have it (`counts`: each such field's count).
    static func fieldsInOtherCase(_ counts: [String: Int], format: [String], of what: String) -> [String] {
        counts.keys.sorted().compactMap { key in
            let folded = FieldNameHint.folded(key)
            guard folded != key, format.contains(folded) else { return nil }
            return "the field \"\(shown: key)\" (\(MessageText.count(counts[key]!, what))) is kept apart from the format's \"\(folded)\", which scripts and recipes read: name it \"\(folded)\""
        }
    }

    /// Fields of a document written on the statements themselves (`"source": "Dawn"` on each
    /// quote, a natural way to code a few articles): kept as the statements' own fields, while
    /// `doc.source` stays empty. Said once, with both ways to read them.
    static func documentFieldsOnStatements(_ counts: [String: Int]) -> String? {
        // A document's fields that a statement does not have of its own (it has an id, a place, a text).
        let found = Document.fieldNames.filter { !Statements.fieldNames.contains($0) && counts[$0] != nil }
        guard let first = found.first else { return nil }
        let listed = found.map { "\"\($0)\" (\(MessageText.count(counts[$0]!, "statement")))" }.joined(separator: ", ")
        return "statements have fields of a document: \(listed); they are kept as the statements' own (s.\(first), count_by(\"\(first)\")), "
            + "while doc.\(first) is the field of the document a statement's \"doc\" names: to have them as a document's, give each report as a record of type \"document\" and name its id in \"doc\""
    }

    /// Statements written inside their document (`"documents": [{"id": "d1", "statements": […]}]`),
    /// a natural way to code an article by hand, are a field of the document to the format, kept
    /// as such: said, since the corpus would otherwise lack them without a word.
    static func nestedStatementsWarning(_ documents: DocumentColumns) -> String? {
        let holding = documents.extras.filter { _, members in
            members.contains { if $0.key == "statements", case .array(let items) = $0.value.value { !items.isEmpty } else { false } }
        }.keys.sorted()
        guard let first = holding.first else { return nil }
        let id = documents.ids[first]
        let which = holding.count == 1 ? "document '\(shown: id)' holds" : "\(holding.count) documents (the first '\(shown: id)') hold"
        return "\(which) a list of \"statements\", kept as a field of the document, not loaded as statements: give each statement as a record of its own, with \"doc\": \"\(shown: id)\" (docs/corpus-format.md)"
    }

    /// Takes in the records another builder read from a later part of the input (parallel loading).
    func absorb(_ other: CorpusBuilder) {
        for problem in other.log.problems { log.add(problem) }
        log.addUncounted(other.log.total - other.log.problems.count)
        // A later header names the corpus, as when the records are read one after the other.
        name = other.name ?? name
        description = other.description ?? description
        let fileBase = files.count
        files += other.files
        documents.absorb(other.documents)
        documentLocations += other.documentLocations.map { $0.inFile(offsetBy: fileBase) }
        entities += other.entities
        entityLocations += other.entityLocations.map { $0.inFile(offsetBy: fileBase) }
        columns.absorb(other.takeColumns(), fileBase: fileBase)
        for origin in other.origins where !origins.contains(origin) { origins.append(origin) }
        skipped += other.skipped
    }

    /// Checks across records and builds the corpus; throws every problem unless `skipBad`.
    func finish(skipBad: Bool) throws(CorpusLoadError) -> Corpus {
        var columns = takeColumns()
        let ids = Self.completedIDs(columns)
        // What only loading needs is let go as soon as it is used: the end of a load is when memory
        // peaks, the corpus's columns all made and these not freed yet.
        columns.hasID = ColumnArray()
        var statements = columns.statements
        columns.statements = Statements()   // one copy of the columns, so they are changed in place
        statements.ids = ids
        let canonical = resolveEntities()
        let documentIndex = indexDocuments()
        var keep = [Bool](repeating: true, count: statements.count)
        func fail(_ row: Int, _ message: @autoclosure () -> String) {
            logProblem(at: columns.locations[row], record: "statement '\(shown: statements.ids[row])'", message: message())
            keep[row] = false
        }
        // Ids in increasing order (as made in sequence) cannot repeat, and without relations nothing
        // looks an id up: the index, built otherwise, is when a load's memory peaks.
        if !statements.relations.isEmpty || !IDIndex.strictlyIncreasing(statements.ids) {
            // The index of ids is let go once these are checked (problems are sorted when reported).
            // Duplicate ids.
            let firstRows = IDIndex(statements.ids)
            for (row, first) in firstRows.duplicates {
                fail(row, "the id '\(shown: statements.ids[row])' is used already by the statement at \(place(of: columns.locations[first]))")
            }
            // Relations point at statements that exist.
            firstRows.withRowLookup { rowOf in
                for (row, relations) in statements.relations.sorted(by: { $0.key < $1.key }) {
                    for relation in relations where rowOf(relation.statement) == nil {
                        fail(row, "it \(relation.type.replacingOccurrences(of: "_", with: " ")) '\(shown: relation.statement)', but there is no statement with that id")
                    }
                }
            }
        }
        warnings += StatementWords.misspellings(kinds: statements.kinds, statuses: statements.statuses)
        if let nested = Self.nestedStatementsWarning(documents) { warnings.append(nested) }
        // Documents referred to, and spans inside them.
        let refs = columns.documentRefs.values, index = UncheckedBox(documentIndex)
        let refToIndex: [Int32] = Parallel.map(count: refs.count, threshold: 10_000) { part in
            index.value.withRowLookup { row in part.map { row(refs[$0]).map(Int32.init) ?? -2 } }
        }.flatMap { $0 }
        refToIndex.withUnsafeBufferPointer { table in
            statements.documents.append(mapping: columns.documentRefs.codes) { $0 == InternedColumn.missing ? -1 : table[Int($0)] }
        }
        // Rows to look at: those of an unknown document, and those with spans (rare both).
        let unknownDocuments = refToIndex.contains(-2), spans = statements.spanStarts.contains { $0 >= 0 }
        var spanCheck = SpanCheck()
        // A corpus with no documents at all (a spreadsheet of statements with a `doc` column, loaded
        // alone) is one problem, said once with its remedy, not a million times.
        let orphans = unknownDocuments && documents.count == 0 ? statements.documents.count(where: { $0 == -2 }) : 0
        var orphansSaid = false
        for row in 0..<(unknownDocuments || spans ? statements.count : 0) {
            let index = statements.documents[row]
            if index == -2, orphans > 0 {
                if orphansSaid { keep[row] = false; continue }
                orphansSaid = true
                let named = refToIndex.count(where: { $0 == -2 })
                let extent = orphans == 1 ? "" : " (\(MessageText.count(orphans, "statement")) name \(MessageText.count(named, "document")) that no file gives)"
                fail(row, "\"doc\" is '\(shown: columns.documentRefs[row]!)', but there is no document with that id: the corpus has no documents at all\(extent). Put the documents' file "
                     + "(records of type \"document\": documents.jsonl) in a folder with this one and load the folder, or, in a CSV, describe each row's "
                     + "document in doc.source, doc.title… columns")
                continue
            }
            if index == -2 {
                fail(row, "\"doc\" is '\(shown: columns.documentRefs[row]!)', but there is no document with that id")
                continue
            }
            if let span = statements.span(row: row), index >= 0, let body = spanCheck.text(of: Int(index), { documents.texts[Int(index)] }) {
                if span.end > body.count {
                    fail(row, "\"span\" [\(span.start), \(span.end)] lies outside its document '\(shown: documents.ids[Int(index)])', whose text has \(body.count) characters")
                } else {
                    spanCheck.check(id: statements.ids[row], text: statements.texts[row], kind: statements.kinds[row], span: span, in: body)
                }
            }
        }
        warnings += spanCheck.warnings
        columns.documentRefs = InternedColumn()
        if !log.isEmpty && !skipBad { throw log.error }
        skipped += keep.count(where: { !$0 })
        statements.resolveSpeakers(canonical)
        statements.extras = columns.extras(rows: statements.count)
        let extraCounts = statements.extras.mapValues(\.presentCount)
        warnings += Self.fieldsInOtherCase(extraCounts, format: Statements.fieldNames, of: "statement")
        if let inline = Self.documentFieldsOnStatements(extraCounts) { warnings.append(inline) }
        var documentFields: [String: Int] = [:]
        for members in documents.extras.values { for member in members { documentFields[member.key, default: 0] += 1 } }
        warnings += Self.fieldsInOtherCase(documentFields, format: Document.fieldNames, of: "document")
        if keep.contains(false) { statements.keep(keep) }
        return Corpus(name: name, description: description, statements: statements, documents: documents,
                      entities: entities, canonicalNames: canonical, origins: origins)
    }

    /// Maps every alias to its entity's canonical name; an alias claimed by two entities is a problem.
    private func resolveEntities() -> [String: String] {
        var canonical: [String: String] = [:]
        var owner: [String: Int] = [:]
        for (i, entity) in entities.enumerated() {
            if let other = owner[entity.name], entities[other].name == entity.name {
                logProblem(at: entityLocations[i], record: "entity '\(shown: entity.name)'",
                           message: "the name '\(shown: entity.name)' is used already by the entity at \(place(of: entityLocations[other]))")
                continue
            }
            canonical[entity.name] = entity.name
            owner[entity.name] = i
        }
        for (i, entity) in entities.enumerated() {
            for alias in entity.aliases where alias != entity.name {
                if let other = owner[alias], other != i {
                    logProblem(at: entityLocations[i], record: "entity '\(shown: entity.name)'", message: "the alias '\(shown: alias)' also names '\(shown: entities[other].name)'")
                    continue
                }
                canonical[alias] = entity.name
                owner[alias] = i
            }
        }
        return canonical
    }

    /// The documents' rows by id; a repeated id is a problem.
    private func indexDocuments() -> IDIndex {
        let index = IDIndex(documents.ids)
        for (i, first) in index.duplicates {
            let id = documents.ids[i]
            logProblem(at: documentLocations[i], record: "document '\(shown: id)'",
                       message: "the id '\(shown: id)' is used already by the document at \(place(of: documentLocations[first]))")
        }
        return index
    }
}

extension CorpusBuilder {
    /// A problem with a whole record (unreadable, of unknown type): it is counted as skipped.
    func report(file: SourceFile, offset: Int, message: String) {
        log.add { file.problem(at: offset, message: message) }
        skipped += 1
    }
}
