extension CSVCorpusReader {
    /// The rows of a CSV file (or of a part of one) as they are read: the header first, unless
    /// given, then a statement each. The documents that `doc.*` cells describe are added as they
    /// are first described, or, in a part of a file read in parallel (`defersDocuments`), kept
    /// for `CSVParts` to add once the parts are checked against each other.
    struct Rows {
        /// The file read, or the block of it (a compressed file is read a block at a time).
        private(set) var file: SourceFile
        let builder: CorpusBuilder
        private(set) var columns: Columns?
        /// The documents described so far, by id.
        private(set) var documents: [String: Description] = [:]
        /// Their ids, in the order first described, when `defersDocuments`.
        private(set) var described: [String] = []
        /// Rows left out because they describe a document differently from an earlier row.
        private(set) var differingRows = 0
        /// A header that cannot be read: the rows after it are not.
        var failure: CorpusLoadError?
        /// Rows are first written as JSON lines for the C scanner (`RecordLine`), and so are the
        /// documents their `doc.*` cells describe.
        private(set) var quickRows: QuickRows?
        private var quickDocuments: QuickRows?
        let quick: Bool
        let defersDocuments: Bool

        /// A document as the first row to describe it did.
        struct Description {
            /// The file or block that row is in, and where the row, its `doc` cell and its `doc.*`
            /// cells start (their lines are found only for a message).
            let file: SourceFile
            let offset: Int
            let idOffset: Int
            let cellOffsets: [Int]
            /// The cells of the `doc.*` columns in that row (nil where empty).
            let cells: [[UInt8]?]
        }

        init(file: SourceFile, builder: CorpusBuilder, quick: Bool, columns: Columns? = nil, defersDocuments: Bool = false) {
            self.file = file
            self.builder = builder
            self.quick = quick
            self.defersDocuments = defersDocuments
            if let columns { start(columns) }
        }

        /// Goes on with the next block of the file (after the records read so far).
        mutating func continueIn(_ block: SourceFile) { file = block }

        private mutating func start(_ read: Columns) {
            columns = read
            guard quick else { return }
            quickRows = QuickRows(record: "statement", columns: read.names, numbersAreText: false, documentFieldsElsewhere: true)
            if read.describesDocuments {
                let documentColumns = [Column(name: "id")] + read.documentColumns.map { Column(name: read.names[$0].field) }
                quickDocuments = QuickRows(record: "document", columns: documentColumns, numbersAreText: false)
            }
        }

        /// Reads the records that start from `start` (the start of one) and before `end`, a few
        /// megabytes at a time, each stretch's pages of a mapped file handed back once read (as
        /// the JSON Lines reader does); returns where the record after the last one starts.
        @discardableResult
        mutating func read(from start: Int, until end: Int, delimiter: UInt8) throws(CSVRecords.Failure) -> Int {
            let bytes = file.bytes
            var at = start
            while at < end && failure == nil && !builder.stop.isRequested() {
                let from = at
                let next = try bytes.withUnsafeBufferPointer { buffer in
                    Result { () throws(CSVRecords.Failure) in
                        try CSVRecords.read(buffer, from: from, until: min(end, from + JSONLinesReader.releaseStep), delimiter: delimiter) { take($0) }
                    }
                }.get()
                bytes.release(at..<next)
                at = next
            }
            return at
        }

        mutating func take(_ record: CSVRecords.Record) {
            guard failure == nil, !builder.stop.isRequested() else { return }
            guard let columns else {
                do {
                    start(try Columns(record, file: file))
                } catch {
                    failure = error
                }
                return
            }
            guard record.count == columns.names.count else {
                builder.report(file: file, offset: record.offset,
                               message: "this row has \(record.count) fields, the header names \(columns.names.count)")
                return
            }
            guard let quickRows else { return takeInFull(record, columns: columns) }
            // A row's document cells are compared with those of the row that first described it, as
            // bytes; only cells that differ are read as values (`describe`), as the full way does.
            var newDocument: String?
            if columns.describesDocuments, columns.documentColumns.contains(where: { !record.isEmpty($0) }) {
                guard let doc = columns.docColumn, !record.isEmpty(doc) else { return takeInFull(record, columns: columns) }
                let name = record.text(doc)
                if let earlier = documents[name] {
                    guard Self.sameCells(earlier.cells, record, columns) else { return takeInFull(record, columns: columns) }
                } else {
                    newDocument = name
                }
            }
            guard quickRows.take(record, into: builder, at: { builder.location(file, record.offset) }) else {
                return takeInFull(record, columns: columns)
            }
            if let newDocument, let doc = columns.docColumn {
                keep(newDocument, at: record.fields[doc].offset, record)
            }
        }

        /// A row read the full way: every cell made a value, every problem reported.
        private mutating func takeInFull(_ record: CSVRecords.Record, columns: Columns) {
            // (The quick way leaves such a cell here: `RecordLine.Cell.other`.)
            if let bad = record.fields.indices.first(where: { !record.isValidUTF8($0) }) {
                builder.report(file: file, offset: record.fields[bad].offset, message: "this field is not valid UTF-8 text (a file saved as Windows-1252 or Latin-1 reads so: save it as UTF-8, \"CSV UTF-8\" in Excel)")
                return
            }
            var statement: [JSONMember] = []
            for (i, column) in columns.names.enumerated() where !column.isDocumentField && !record.isEmpty(i) {
                let field = record.fields[i]
                do {
                    let value = try column.value(record.text(i), at: field.offset)
                    statement.append(JSONMember(key: column.field, keyOffset: field.offset, value: value))
                } catch {
                    builder.report(file: file, offset: field.offset, message: error.message)
                    return
                }
            }
            if let described = columns.documentColumns.first(where: { !record.isEmpty($0) }),
               !describe(at: record.fields[described].offset, of: statement, in: record, columns: columns) { return }
            builder.addStatement(JSONNode(.object(statement), offset: record.offset), file: file)
        }

        /// Keeps the document the row's `doc.*` cells describe (the first of them at `offset`), the
        /// first time it is named; false (the problem reported) when the row names no document or
        /// differs from an earlier row about it.
        private mutating func describe(at offset: Int, of statement: [JSONMember], in record: CSVRecords.Record, columns: Columns) -> Bool {
            guard let id = statement.first(where: { $0.key == "doc" }), case .string(let name) = id.value.value else {
                builder.report(file: file, offset: offset,
                               message: "\(columns.names.first(where: \.isDocumentField)!.name) describes a document, but this row names none in \"doc\"")
                return false
            }
            guard let earlier = documents[name] else {
                keep(name, at: id.value.offset, record)
                return true
            }
            if let different = Self.differing(node(name, description(record, idOffset: id.value.offset)), node(name, earlier)) {
                builder.report(file: file, offset: different.value.offset,
                               message: "document '\(shown: name)': \"\(different.key)\" differs from line \(earlier.file.position(of: earlier.offset).line)")
                differingRows += 1
                return false
            }
            return true
        }

        /// Keeps the document `name` as the row describes it, and adds it unless `defersDocuments`;
        /// its id is placed at `idOffset` (the row's `doc` cell).
        private mutating func keep(_ name: String, at idOffset: Int, _ record: CSVRecords.Record) {
            documents[name] = description(record, idOffset: idOffset)
            if defersDocuments { described.append(name) } else { addDocument(name, to: builder) }
        }

        /// The document the row's `doc.*` cells describe.
        private func description(_ record: CSVRecords.Record, idOffset: Int) -> Description {
            let documentColumns = columns!.documentColumns
            return Description(file: file, offset: record.offset, idOffset: idOffset, cellOffsets: documentColumns.map { record.fields[$0].offset },
                               cells: documentColumns.map { i in record.isEmpty(i) ? nil : record.withBytes(i) { Array($0) } })
        }

        /// Adds document `name` to `builder` as its first description says: the quick way (its
        /// cells written as a JSON line for the C scanner of documents), or else the full way.
        func addDocument(_ name: String, to builder: CorpusBuilder) {
            let description = documents[name]!
            let cells = StoredCells(id: name, cells: description.cells)
            if let quickDocuments, quickDocuments.take(cells, into: builder, at: { builder.location(description.file, description.offset) }) { return }
            builder.addDocument(node(name, description), file: description.file)
        }

        /// The document record a description makes (every value placed at its cell).
        private func node(_ name: String, _ description: Description) -> JSONNode {
            var members = [JSONMember(key: "id", keyOffset: description.idOffset, value: JSONNode(.string(name), offset: description.idOffset))]
            for (k, i) in columns!.documentColumns.enumerated() {
                guard let cell = description.cells[k] else { continue }
                let column = columns!.names[i], offset = description.cellOffsets[k]
                // A document field's value is never a problem (only a statement's figures can be).
                guard let value = try? column.value(String(decoding: cell, as: UTF8.self), at: offset) else { continue }
                members.append(JSONMember(key: column.field, keyOffset: offset, value: value))
            }
            return JSONNode(.object(members), offset: description.offset)
        }

        /// A description's cells as a row of a table of documents: the id, then the `doc.*` cells.
        private struct StoredCells: RecordCells {
            let id: String
            let cells: [[UInt8]?]
            var count: Int { cells.count + 1 }

            func withCell<R>(_ i: Int, _ body: (RecordLine.Cell) -> R) -> R {
                if i == 0 {
                    var id = id
                    return id.withUTF8 { body(.text($0)) }
                }
                guard let cell = cells[i - 1] else { return body(.absent) }
                return cell.withUnsafeBufferPointer { body(.text($0)) }
            }
        }

        /// Whether the row's `doc.*` cells say what `earlier`'s said (a cell empty in either is no difference).
        private static func sameCells(_ earlier: [[UInt8]?], _ record: CSVRecords.Record, _ columns: Columns) -> Bool {
            zip(earlier, columns.documentColumns).allSatisfy { before, i in
                guard let before, !record.isEmpty(i) else { return true }
                return record.withBytes(i) { $0.elementsEqual(before) }
            }
        }

        /// A field of `node` whose value differs from `earlier`'s (a field only one of them has is not a difference).
        static func differing(_ node: JSONNode, _ earlier: JSONNode) -> JSONMember? {
            guard case .object(let members) = node.value, case .object(let before) = earlier.value else { return nil }
            return members.first { member in before.contains { $0.key == member.key && $0.value != member.value } }
        }
    }
}
