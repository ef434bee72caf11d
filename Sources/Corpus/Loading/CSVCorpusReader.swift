/// Reads the CSV form (`.csv`, or `.tsv` with tabs): one statement per row, the header naming the
/// fields. Each row becomes the record a JSON file would hold, checked by the same code: an empty
/// cell is an absent field; `topics` and `mentions` are lists joined with `;`; `figures` reads
/// `58 soldiers; 23 deaths`; a cell written as JSON (`[3, 40]`, `{…}`) or as a JSON number in an
/// extra column is that value. Columns named `doc.source`, `doc.title`… describe the document the
/// row's `doc` names, so that a spreadsheet of quotes needs no second file.
enum CSVCorpusReader {
    /// The extensions read as CSV, and the delimiter of each.
    static let delimiters: [String: UInt8] = ["csv": UInt8(ascii: ","), "tsv": 0x09]

    /// The delimiter of a `.csv` file: a comma, unless its header has none and has semicolons (as
    /// Excel writes CSV where the comma is the decimal mark, in most of Europe) or tabs, as DuckDB's
    /// CSV sniffer would find. A header of field names holds neither otherwise.
    static func delimiter(of file: SourceFile, default given: UInt8) -> UInt8 {
        guard given == UInt8(ascii: ",") else { return given }
        return file.bytes.withUnsafeBufferPointer { buffer in
            var counts: [UInt8: Int] = [:]
            var quoted = false
            for byte in buffer[ByteSource.byteOrderMarkLength(buffer)..<min(buffer.count, 1 << 16)] {
                if byte == 0x22 { quoted.toggle() }
                if quoted { continue }
                if byte == 0x0A || byte == 0x0D { break }
                if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") || byte == 0x09 { counts[byte, default: 0] += 1 }
            }
            guard counts[UInt8(ascii: ",")] == nil else { return given }
            return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? given
        }
    }

    /// Reads the file's rows into `builder`. Rows go the quick way (`RecordLine`) unless `quick`
    /// is false (tests compare the two); returns how many went that way.
    @discardableResult
    static func read(_ file: SourceFile, delimiter: UInt8, into builder: CorpusBuilder, quick: Bool = true) throws(CorpusLoadError) -> Int {
        var rows = Rows(file: file, builder: builder, quick: quick)
        let read = file.bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(CSVRecords.Failure) in try CSVRecords.read(buffer, delimiter: delimiter) { rows.take($0) } }
        }
        do {
            try read.get()
        } catch {
            throw fatal(file, error.offset, "not valid CSV: \(error.message)")
        }
        if let failure = rows.failure { throw failure }
        return rows.quickRows?.taken ?? 0
    }

    /// The rows of one file as they are read: the header first, then a statement each.
    private struct Rows {
        let file: SourceFile
        let builder: CorpusBuilder
        var columns: Columns?
        /// The documents described by `doc.*` columns so far, and the line of the row that did.
        var documents: [String: (node: JSONNode, line: Int)] = [:]
        /// A header that cannot be read: the rows after it are not.
        var failure: CorpusLoadError?
        /// Rows are first written as JSON lines for the C scanner (`RecordLine`).
        var quickRows: QuickRows?

        let quick: Bool

        init(file: SourceFile, builder: CorpusBuilder, quick: Bool) {
            self.file = file
            self.builder = builder
            self.quick = quick
        }

        mutating func take(_ record: CSVRecords.Record) {
            guard failure == nil, !builder.stop.isRequested() else { return }
            guard let columns else {
                do {
                    let read = try Columns(record, file: file)
                    columns = read
                    if quick { quickRows = QuickRows(record: "statement", columns: read.names, numbersAreText: false) }
                } catch {
                    failure = error
                }
                return
            }
            guard record.fields.count == columns.names.count else {
                builder.report(file: file, offset: record.offset,
                               message: "this row has \(record.fields.count) fields, the header names \(columns.names.count)")
                return
            }
            if let bad = record.fields.first(where: { !$0.isValidUTF8 }) {
                builder.report(file: file, offset: bad.offset, message: "this field is not valid UTF-8 text (a file saved as Windows-1252 or Latin-1 reads so: save it as UTF-8, \"CSV UTF-8\" in Excel)")
                return
            }
            if quickRows?.take(record, into: builder, at: { builder.location(file, record.offset) }) == true { return }
            var statement: [JSONMember] = []
            var document: [JSONMember] = []
            for (column, field) in zip(columns.names, record.fields) where !field.text.isEmpty {
                let value: JSONNode
                do {
                    value = try column.value(field.text, at: field.offset)
                } catch {
                    builder.report(file: file, offset: field.offset, message: error.message)
                    return
                }
                let member = JSONMember(key: column.field, keyOffset: field.offset, value: value)
                if column.isDocumentField { document.append(member) } else { statement.append(member) }
            }
            if !document.isEmpty, !describe(document, of: statement, in: record, columns: columns) { return }
            builder.addStatement(JSONNode(.object(statement), offset: record.offset), file: file)
        }

        /// Adds the document the row's `doc.*` cells describe, the first time it is named; false (the
        /// problem reported) when the row names no document or differs from an earlier row about it.
        private mutating func describe(_ document: [JSONMember], of statement: [JSONMember], in record: CSVRecords.Record,
                                       columns: Columns) -> Bool {
            guard let id = statement.first(where: { $0.key == "doc" }), case .string(let name) = id.value.value else {
                builder.report(file: file, offset: document[0].value.offset,
                               message: "\(columns.names.first(where: \.isDocumentField)!.name) describes a document, but this row names none in \"doc\"")
                return false
            }
            let node = JSONNode(.object([JSONMember(key: "id", keyOffset: id.value.offset, value: id.value)] + document), offset: record.offset)
            guard let earlier = documents[name] else {
                documents[name] = (node, file.position(of: record.offset).line)
                builder.addDocument(node, file: file)
                return true
            }
            if let different = CSVCorpusReader.differing(node, earlier.node) {
                builder.report(file: file, offset: different.value.offset, message: "document '\(shown: name)': \"\(different.key)\" differs from line \(earlier.line)")
                return false
            }
            return true
        }
    }

    private static func fatal(_ file: SourceFile, _ offset: Int, _ message: String) -> CorpusLoadError {
        CorpusLoadError(unreadable: file.problem(at: offset, message: message))
    }

    /// A field of `node` whose value differs from `earlier`'s (a field only one of them has is not a difference).
    private static func differing(_ node: JSONNode, _ earlier: JSONNode) -> JSONMember? {
        guard case .object(let members) = node.value, case .object(let before) = earlier.value else { return nil }
        return members.first { member in before.contains { $0.key == member.key && $0.value != member.value } }
    }

    /// The header: what each column holds.
    struct Columns {
        var names: [Column]

        init(_ header: CSVRecords.Record, file: SourceFile) throws(CorpusLoadError) {
            var seen: Set<String> = []
            names = []
            for field in header.fields {
                let name = Column.formatName(Column.trimmed(Substring(field.text)))
                if name.isEmpty { throw CSVCorpusReader.fatal(file, field.offset, "a column of the header has no name") }
                if !seen.insert(name).inserted { throw CSVCorpusReader.fatal(file, field.offset, "the header names the column \"\(shown: name)\" twice") }
                names.append(Column(name: name))
            }
            try Self.checkRequired(names.map(\.name), header: header, file: file)
        }

        /// A header without a column every statement needs (or with `doc.*` columns and no `doc` to
        /// say which document) is said once, with what it has, instead of once per row.
        private static func checkRequired(_ names: [String], header: CSVRecords.Record, file: SourceFile) throws(CorpusLoadError) {
            let listed = names.map { "\"\($0)\"" }.joined(separator: ", ")
            if let (required, likely) = FieldNameHint.missingStatementColumn(among: names) {
                throw CSVCorpusReader.fatal(file, header.offset, "the header has no \"\(required)\" column, which every statement needs (its columns: \(listed))"
                    + (likely.map { "; if \"\($0)\" holds it, name that column \"\(required)\"" } ?? ""))
            }
            if let described = names.first(where: { $0.hasPrefix("doc.") }), !names.contains("doc") {
                throw CSVCorpusReader.fatal(file, header.offset, "the column \"\(described)\" describes each row's document, but no \"doc\" column says which document it is: add one, with an id for each report (the same on every row from one report)")
            }
        }
    }

    struct Column {
        let name: String
        /// The field it sets: `source` for the column `doc.source`.
        let field: String
        let isDocumentField: Bool

        init(name: String) {
            self.name = name
            isDocumentField = name.hasPrefix("doc.") && name.count > 4
            field = isDocumentField ? String(name.dropFirst(4)) : name
        }

        /// A header naming a field of the format as a spreadsheet user writes it ("Speaker",
        /// "Date Text", "Doc.Source") names that field; other columns keep their names.
        static func formatName(_ name: String) -> String {
            let lowered = FieldNameHint.folded(name)
            if formatFields.contains(lowered) { return lowered }
            if lowered.hasPrefix("doc."), formatFields.contains(String(lowered.dropFirst(4))) { return lowered }
            return name
        }

        private static let formatFields = stringFields.union(listFields).union(["figures", "span", "confidence", "relations"])

        static let stringFields: Set<String> = ["id", "doc", "speaker", "role", "affiliation", "kind", "text", "cue", "date",
                                                        "date_text", "channel", "place", "status", "title", "source", "url",
                                                        "published", "language", "name", "country", "description"]
        static let listFields: Set<String> = ["topics", "mentions", "authors", "aliases", "roles"]

        /// The value a cell's text stands for in this column (a CSV field, a SQLite text), placed at
        /// `at`. In a database, which stores numbers as numbers, text that reads as one stays text.
        func value(_ text: String, at: Int, numbersAsText: Bool = false) throws(CSVProblem) -> JSONNode {
            if Self.stringFields.contains(field) {
                return JSONNode(.string(text), offset: at)
            }
            if Self.listFields.contains(field) {
                // A list written as JSON (`["talks", "border"]`) is that list; otherwise items joined with `;`.
                if text.hasPrefix("["), let written = Self.written(text, at: at) { return written }
                return JSONNode(.array(Self.items(text).map { JSONNode(.string($0), offset: at) }), offset: at)
            }
            if !isDocumentField && field == "figures", !text.hasPrefix("[") {
                return JSONNode(.array(try Self.items(text).map { item throws(CSVProblem) in try Self.figure(item, at: at) }), offset: at)
            }
            if numbersAsText && !text.hasPrefix("[") && !text.hasPrefix("{") { return JSONNode(.string(text), offset: at) }
            return Self.written(text, at: at) ?? JSONNode(.string(text), offset: at)
        }

        static func items(_ text: String) -> [String] {
            text.split(separator: ";").map(trimmed).filter { !$0.isEmpty }
        }

        /// Without the spaces and tabs around it (Foundation's trimming goes through NSString: slow
        /// for a cell of every row).
        static func trimmed(_ text: Substring) -> String {
            let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
            guard let first = text.firstIndex(where: { !blank($0) }), let last = text.lastIndex(where: { !blank($0) }) else { return "" }
            return String(text[first...last])
        }

        /// `58 soldiers` as {"value": 58, "unit": "soldiers"}.
        static func figure(_ item: String, at offset: Int) throws(CSVProblem) -> JSONNode {
            let number = item.prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "," }
            guard let value = Double(number.replacingOccurrences(of: ",", with: "")), value.isFinite else {
                throw CSVProblem(message: "'\(shown: item)' is not a figure: write a number, then its unit, as in \"58 soldiers; 23 deaths\"")
            }
            var members = [JSONMember(key: "value", keyOffset: offset, value: JSONNode(.number(value), offset: offset))]
            let unit = trimmed(item.dropFirst(number.count))
            if !unit.isEmpty { members.append(JSONMember(key: "unit", keyOffset: offset, value: JSONNode(.string(unit), offset: offset))) }
            return JSONNode(.object(members), offset: offset)
        }

        /// A cell written as a JSON list, object or number, as that value (every part placed at the cell).
        static func written(_ text: String, at offset: Int) -> JSONNode? {
            guard let first = text.utf8.first, first == UInt8(ascii: "[") || first == UInt8(ascii: "{") || first == UInt8(ascii: "-")
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return nil }
            let bytes = Array(text.utf8)
            guard let node = bytes.withUnsafeBufferPointer({ try? JSONParser.parse($0) }) else { return nil }
            return placed(node, at: offset)
        }

        private static func placed(_ node: JSONNode, at offset: Int) -> JSONNode {
            switch node.value {
            case .array(let items): return JSONNode(.array(items.map { placed($0, at: offset) }), offset: offset)
            case .object(let members):
                return JSONNode(.object(members.map { JSONMember(key: $0.key, keyOffset: offset, value: placed($0.value, at: offset)) }), offset: offset)
            default: return JSONNode(node.value, offset: offset)
            }
        }
    }

    struct CSVProblem: Error {
        var message: String
    }
}
