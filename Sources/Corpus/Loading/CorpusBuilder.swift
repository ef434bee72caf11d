/// Gathers the records of one or more files and checks what can only be checked across records
/// (duplicate ids, documents referred to, spans, relations, aliases) before building the corpus.
/// Where a record starts: an index into the builder's files, a line and a column.
struct RecordLocation {
    var file: Int32
    var line: Int32
    var column: Int32
}

final class CorpusBuilder {
    private(set) var log = ProblemLog()
    var name: String?
    var description: String?
    private var documents: [Document] = []
    private var documentLocations: [CorpusProblem] = []
    private var entities: [Entity] = []
    private var entityLocations: [CorpusProblem] = []
    private var statements = Statements()
    /// The `doc` of each statement as written, resolved to an index at the end.
    private var documentRefs = InternedColumn()
    /// Where each statement starts, for problems found at the end (compact: one per statement).
    private var statementLocations: [RecordLocation] = []
    private var files: [String] = []
    /// Ids as written; rows without one get theirs at the end, in order (`<doc>#<n>` or `s<n>`).
    private var hasID: [Bool] = []
    private var extraValues: [String: ExtraColumn] = [:]
    private var origins: [String] = []
    /// Records dropped because they had problems (only used with `skipBad`).
    private(set) var skipped = 0

    func addOrigin(_ path: String) { origins.append(path) }

    /// A reporter that places problems in `file` and names the record.
    private func reporter(_ file: SourceFile, record: @escaping () -> String?, failed: @escaping () -> Void) -> (Int, String) -> Void {
        { [self] offset, message in
            let position = file.position(of: offset)
            log.add(CorpusProblem(file: file.path, line: position.line, column: position.column, record: record(), message: message))
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
        let report = reporter(file, record: { label.map { "document '\($0)'" } }, failed: { bad = true })
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
        let position = file.position(of: node.offset)
        documents.append(document)
        documentLocations.append(CorpusProblem(file: file.path, line: position.line, column: position.column,
                                               record: "document '\(document.id)'", message: ""))
    }

    func addEntity(_ node: JSONNode, file: SourceFile) {
        var label: String?
        var bad = false
        let report = reporter(file, record: { label.map { "entity '\($0)'" } }, failed: { bad = true })
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
        let position = file.position(of: node.offset)
        entities.append(entity)
        entityLocations.append(CorpusProblem(file: file.path, line: position.line, column: position.column,
                                             record: "entity '\(entity.name)'", message: ""))
    }

    func addStatement(_ node: JSONNode, file: SourceFile) {
        var label: String?
        var bad = false
        let ordinal = statements.count + skipped + 1
        let report = reporter(file, record: { "statement " + (label.map { "'\($0)'" } ?? "#\(ordinal)") }, failed: { bad = true })
        guard let fields = RecordFields(node, what: "a statement", report: report) else { skipped += 1; return }
        label = fields.string("id")
        let record = StatementRecord(fields)
        if bad { skipped += 1; return }
        addStatement(record, offset: node.offset, file: file)
    }

    /// A statement already read and checked (by the full reader above, or the fast one).
    func addStatement(_ record: StatementRecord, offset: Int, file: SourceFile) {
        let position = file.position(of: offset)
        if files.last != file.path { files.append(file.path) }
        statementLocations.append(RecordLocation(file: Int32(files.count - 1), line: Int32(clamping: position.line), column: Int32(clamping: position.column)))
        hasID.append(record.id != nil)
        append(record, id: record.id ?? "")
    }

    /// The ids column with generated ids filled in: the n-th statement without an id of a document
    /// gets `<doc>#<n>`, one of no document `s<n>`.
    private func completedIDs() -> TextColumn {
        guard hasID.contains(false) else { return statements.ids }
        var ordinals: [Int32: Int] = [:]
        var ids = TextColumn()
        ids.reserveCapacity(rows: statements.count, bytes: statements.ids.bytes.count)
        for row in 0..<statements.count {
            if hasID[row] { ids.append(statements.ids[row]); continue }
            let doc = documentRefs.codes[row]
            let n = (ordinals[doc] ?? 0) + 1
            ordinals[doc] = n
            ids.append(doc < 0 ? "s\(n)" : "\(documentRefs.values[Int(doc)])#\(n)")
        }
        return ids
    }

    /// Takes in the records another builder read from a later part of the input (parallel loading).
    func absorb(_ other: CorpusBuilder) {
        for problem in other.log.problems { log.add(problem) }
        log.addUncounted(other.log.total - other.log.problems.count)
        name = name ?? other.name
        description = description ?? other.description
        documents += other.documents
        documentLocations += other.documentLocations
        entities += other.entities
        entityLocations += other.entityLocations
        let rowBase = statements.count
        statements.append(contentsOf: other.statements)
        documentRefs.append(contentsOf: other.documentRefs)
        let fileBase = Int32(files.count)
        files += other.files
        statementLocations += other.statementLocations.map { RecordLocation(file: $0.file + fileBase, line: $0.line, column: $0.column) }
        hasID += other.hasID
        for (name, column) in other.extraValues {
            extraValues[name, default: .strings(InternedColumn())].pad(to: rowBase)
            extraValues[name]!.append(contentsOf: column)
        }
        for origin in other.origins where !origins.contains(origin) { origins.append(origin) }
        skipped += other.skipped
    }

    private func append(_ r: StatementRecord, id: String) {
        let row = statements.count
        statements.ids.append(id)
        documentRefs.append(r.doc)
        statements.speakers.append(r.speaker)
        statements.roles.append(r.role)
        statements.affiliations.append(r.affiliation)
        statements.kinds.append(r.kind ?? "direct")
        statements.texts.append(r.text)
        statements.cues.append(r.cue)
        statements.dates.append(r.date?.text)
        if let date = r.date, statements.dateValues.count < statements.dates.values.count {
            statements.dateValues.append(date)
        }
        statements.dateTexts.append(r.dateText)
        statements.channels.append(r.channel)
        statements.places.append(r.place)
        statements.topics.append(r.topics)
        statements.mentions.append(r.mentions)
        statements.figures.append(contentsOf: r.figures)
        statements.figureStarts.append(Int32(statements.figures.count))
        statements.spanStarts.append(Int32(r.span?.start ?? -1))
        statements.spanEnds.append(Int32(r.span?.end ?? -1))
        statements.confidences.append(r.confidence ?? .nan)
        statements.statuses.append(r.status)
        if !r.relations.isEmpty { statements.relations[row] = r.relations }
        for member in r.extras { extraValues[member.key, default: .strings(InternedColumn())].set(member.value.value, row: row) }
    }

    /// Checks across records and builds the corpus; throws every problem unless `skipBad`.
    func finish(skipBad: Bool) throws(CorpusLoadError) -> Corpus {
        statements.ids = completedIDs()
        let canonical = resolveEntities()
        let documentIndex = indexDocuments()
        var keep = [Bool](repeating: true, count: statements.count)
        func fail(_ row: Int, _ message: String) {
            let location = statementLocations[row]
            log.add(CorpusProblem(file: files[Int(location.file)], line: Int(location.line), column: Int(location.column),
                                  record: "statement '\(statements.ids[row])'", message: message))
            keep[row] = false
        }
        // Duplicate ids.
        var rowOfID: [String: Int] = [:]
        rowOfID.reserveCapacity(statements.count)
        for row in 0..<statements.count {
            let id = statements.ids[row]
            if let first = rowOfID[id] {
                fail(row, "the id '\(id)' is used already by the statement at line \(statementLocations[first].line)")
            } else {
                rowOfID[id] = row
            }
        }
        // Documents referred to, and spans inside them.
        let refToIndex: [Int32] = documentRefs.values.map { documentIndex[$0].map(Int32.init) ?? -2 }
        var textLengths: [Int: Int] = [:]
        for row in 0..<statements.count {
            let ref = documentRefs.codes[row]
            let index = ref == InternedColumn.missing ? -1 : refToIndex[Int(ref)]
            statements.documents.append(index)
            if index == -2 {
                fail(row, "\"doc\" is '\(documentRefs[row]!)', but there is no document with that id")
                continue
            }
            if let span = statements.span(row: row), index >= 0, let text = documents[Int(index)].text {
                let length = textLengths[Int(index)] ?? text.unicodeScalars.count
                textLengths[Int(index)] = length
                if span.end > length {
                    fail(row, "\"span\" [\(span.start), \(span.end)] lies outside its document '\(documents[Int(index)].id)', whose text has \(length) characters")
                }
            }
        }
        // Relations point at statements that exist.
        for (row, relations) in statements.relations.sorted(by: { $0.key < $1.key }) {
            for relation in relations where rowOfID[relation.statement] == nil {
                fail(row, "it \(relation.type.replacingOccurrences(of: "_", with: " ")) '\(relation.statement)', but there is no statement with that id")
            }
        }
        if !log.isEmpty && !skipBad { throw log.error }
        skipped += keep.count(where: { !$0 })
        statements.resolveSpeakers(canonical)
        for (name, var column) in extraValues {
            column.pad(to: statements.count)
            statements.extras[name] = column
        }
        if keep.contains(false) { statements = statements.keeping(keep) }
        return Corpus(name: name, description: description, statements: statements, documents: documents,
                      entities: entities, canonicalNames: canonical, origins: origins)
    }

    /// Maps every alias to its entity's canonical name; an alias claimed by two entities is a problem.
    private func resolveEntities() -> [String: String] {
        var canonical: [String: String] = [:]
        var owner: [String: Int] = [:]
        for (i, entity) in entities.enumerated() {
            if let other = owner[entity.name], entities[other].name == entity.name {
                var problem = entityLocations[i]
                problem.message = "the name '\(entity.name)' is used already by the entity at line \(entityLocations[other].line)"
                log.add(problem)
                continue
            }
            canonical[entity.name] = entity.name
            owner[entity.name] = i
        }
        for (i, entity) in entities.enumerated() {
            for alias in entity.aliases where alias != entity.name {
                if let other = owner[alias], other != i {
                    var problem = entityLocations[i]
                    problem.message = "the alias '\(alias)' also names '\(entities[other].name)'"
                    log.add(problem)
                    continue
                }
                canonical[alias] = entity.name
                owner[alias] = i
            }
        }
        return canonical
    }

    private func indexDocuments() -> [String: Int] {
        var index: [String: Int] = [:]
        for (i, document) in documents.enumerated() {
            if let first = index[document.id] {
                var problem = documentLocations[i]
                problem.message = "the id '\(document.id)' is used already by the document at line \(documentLocations[first].line)"
                log.add(problem)
            } else {
                index[document.id] = i
            }
        }
        return index
    }
}

extension CorpusBuilder {
    /// A problem with a whole record (unreadable, of unknown type): it is counted as skipped.
    func report(file: SourceFile, offset: Int, message: String) {
        let position = file.position(of: offset)
        log.add(CorpusProblem(file: file.path, line: position.line, column: position.column, message: message))
        skipped += 1
    }
}
