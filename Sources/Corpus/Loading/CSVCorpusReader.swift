import Foundation

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
    /// is false (tests compare the two); returns how many went that way. A large file is read in
    /// parts on all cores (`CSVParts`), each of `minimumPart` bytes or more, when it can be cut at
    /// the start of records.
    @discardableResult
    static func read(_ file: SourceFile, delimiter: UInt8, into builder: CorpusBuilder, quick: Bool = true,
                     parts: Int = ProcessInfo.processInfo.activeProcessorCount,
                     minimumPart: Int = JSONLinesReader.parallelThreshold / 2) throws(CorpusLoadError) -> Int {
        let parts = min(parts, file.bytes.count / max(minimumPart, 1))
        if quick, parts > 1, let taken = try CSVParts.read(file, delimiter: delimiter, parts: parts, into: builder) {
            return taken
        }
        var rows = Rows(file: file, builder: builder, quick: quick)
        do {
            try rows.read(from: file.bytes.contentStart, until: file.bytes.count, delimiter: delimiter)
        } catch {
            throw fatal(file, error.offset, "not valid CSV: \(error.message)")
        }
        if let failure = rows.failure { throw failure }
        return rows.quickRows?.taken ?? 0
    }

    /// The header's columns and where the rows after it start; nil if the file has no record.
    static func header(_ file: SourceFile, delimiter: UInt8) throws(CorpusLoadError) -> (columns: Columns, end: Int)? {
        var header: (columns: Columns, end: Int)?
        var problem: CorpusLoadError?
        let read = file.bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(CSVRecords.Failure) in
                var start = ByteSource.byteOrderMarkLength(buffer)
                while header == nil, problem == nil, start < buffer.count {
                    var columns: Columns?
                    // One record (blank lines are passed over).
                    start = try CSVRecords.read(buffer, from: start, until: start + 1, delimiter: delimiter) { record in
                        do throws(CorpusLoadError) { columns = try Columns(record, file: file) } catch { problem = error }
                    }
                    if let columns { header = (columns, start) }
                }
            }
        }
        do {
            try read.get()
        } catch {
            throw fatal(file, error.offset, "not valid CSV: \(error.message)")
        }
        if let problem { throw problem }
        return header
    }

    static func fatal(_ file: SourceFile, _ offset: Int, _ message: String) -> CorpusLoadError {
        CorpusLoadError(unreadable: file.problem(at: offset, message: message))
    }

    /// The header: what each column holds.
    struct Columns {
        let names: [Column]
        /// The `doc.*` columns, which describe each row's document, and the `doc` column naming it.
        let documentColumns: [Int]
        let docColumn: Int?
        var describesDocuments: Bool { !documentColumns.isEmpty }

        init(_ header: CSVRecords.Record, file: SourceFile) throws(CorpusLoadError) {
            var seen: Set<String> = []
            var names: [Column] = []
            for (i, field) in header.fields.enumerated() {
                let name = Column.formatName(Column.trimmed(Substring(header.text(i))))
                if name.isEmpty { throw CSVCorpusReader.fatal(file, field.offset, "a column of the header has no name") }
                if !seen.insert(name).inserted { throw CSVCorpusReader.fatal(file, field.offset, "the header names the column \"\(shown: name)\" twice") }
                names.append(Column(name: name))
            }
            try Self.checkRequired(names.map(\.name), header: header, file: file)
            self.names = names
            documentColumns = names.indices.filter { names[$0].isDocumentField }
            docColumn = names.firstIndex { $0.name == "doc" }
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
