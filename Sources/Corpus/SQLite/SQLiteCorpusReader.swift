import Foundation

/// Reads the SQLite form (`.sqlite`, `.sqlite3`, `.db`): tables `statements`, `documents`,
/// `entities` and, optionally, `corpus` (a row with `name` and `description`), a column per field.
/// Each row becomes the record a JSON file would hold, checked by the same code. A cell is read as a
/// CSV cell is: NULL is an absent field; lists are JSON text (`["talks", "border"]`, as Parley
/// writes them) or items joined with `;`; figures, spans, relations and roles are JSON text; other
/// columns become extra fields, their text a JSON list or object when written as one (a number is
/// stored as a number: text that reads as one stays text). Problems are placed by table, row id and column.
enum SQLiteCorpusReader {
    static let extensions: Set<String> = ["sqlite", "sqlite3", "db"]

    /// The tables read, in the order read (documents before the statements that name them), and the
    /// record each row is.
    static let tables: [(name: String, record: String)] = [
        ("corpus", "corpus"), ("documents", "document"), ("entities", "entity"), ("statements", "statement"),
    ]

    /// Reads the database at `path`. Statements and documents go the quick way (`RecordLine`)
    /// unless `quick` is false (tests compare the two); returns how many rows went that way.
    @discardableResult
    static func read(path: String, into builder: CorpusBuilder, quick: Bool = true) throws(CorpusLoadError) -> Int {
        let database: SQLiteDatabase
        let present: [String]
        do {
            database = try SQLiteDatabase(path: path)
            present = try database.tables()
        } catch {
            throw CorpusLoadError(file: path, message: "cannot read it as a SQLite database: \(error.message)")
        }
        let places = Places()
        let file = SourceFile(path: path, bytes: ByteSource(data: Data()), places: places.place)
        let found = tables.enumerated().compactMap { index, table in
            present.first { $0.lowercased() == table.name }.map { (index: index, written: $0, record: table.record) }
        }
        guard found.contains(where: { $0.record != "corpus" }) else {
            throw CorpusLoadError(file: path, message: "the database has no table named statements, documents or entities (docs/corpus-format.md describes the SQLite form)")
        }
        var quickRows = 0
        for table in found {
            do {
                if quick, table.record == "statement", let parts = try rowIDParts(of: table.written, in: database) {
                    quickRows += try readInParts(table.written, index: table.index, parts: parts, path: path, file: file, places: places, into: builder)
                    continue
                }
                quickRows += try read(table.written, index: table.index, record: table.record, from: database, file: file, places: places,
                                      quick: quick, into: builder)
            } catch {
                throw CorpusLoadError(file: path, message: "cannot read the table \(table.written): \(error.message)")
            }
        }
        return quickRows
    }

    /// Below this many statements one thread reads the table.
    static let parallelThreshold = 100_000

    /// The row ids of each part of a large table of statements, one part per core, or nil to read it
    /// in one (a small table, one core, a table WITHOUT ROWID).
    private static func rowIDParts(of table: String, in database: SQLiteDatabase) throws(SQLiteError) -> [ClosedRange<Int64>]? {
        let parts = Parallel.parts
        guard parts > 1 else { return nil }
        var bounds: (low: Int64, high: Int64, count: Int64)?
        do {
            try database.query("SELECT min(rowid), max(rowid), count(*) FROM \(SQLiteDatabase.quoted(table))") { (_: [String], values: [SQLiteValue]) in
                if case .integer(let low) = values[0], case .integer(let high) = values[1], case .integer(let count) = values[2] {
                    bounds = (low, high, count)
                }
                return false
            }
        } catch {
            return nil                      // no row ids: read in one
        }
        // Row ids far apart (a database may set any) are read in one rather than cut with an overflow.
        guard let bounds, bounds.count >= parallelThreshold else { return nil }
        let (width, overflow) = bounds.high.subtractingReportingOverflow(bounds.low)
        guard !overflow, width >= Int64(parts), width < Int64.max / Int64(parts + 1) else { return nil }
        // Cut by row id: ids as SQLite gives them are dense, so the parts hold about as many rows.
        let span = width + 1
        return (0..<parts).map { i in
            (bounds.low + span * Int64(i) / Int64(parts))...(bounds.low + span * Int64(i + 1) / Int64(parts) - 1)
        }
    }

    /// Reads a large table of statements in parts, each on its own core through its own connection
    /// into its own builder, and merges the parts in row id order, as `JSONLinesReader` merges a
    /// file's parts: the result is the one a single reader gives.
    private static func readInParts(_ table: String, index: Int, parts: [ClosedRange<Int64>], path: String, file: SourceFile,
                                    places: Places, into builder: CorpusBuilder) throws(SQLiteError) -> Int {
        // Each part its own builder and source file, touched by its thread only.
        let work = UncheckedBox(parts.indices.map { i in
            i == 0 ? (builder, file) : (CorpusBuilder(stop: builder.stop), SourceFile(path: path, bytes: ByteSource(data: Data()), places: places.place))
        })
        let results = Parallel.each(parts.count) { i in
            let (partBuilder, partFile) = work.value[i]
            return Result { () throws(SQLiteError) in
                let database = try SQLiteDatabase(path: path)
                return try read(table, index: index, record: "statement", from: database, file: partFile, places: places, quick: true,
                                into: partBuilder, rowIDs: parts[i])
            }
        }
        var quickRows = 0
        for result in results { quickRows += try result.get() }
        for (other, _) in work.value.dropFirst() { builder.absorb(other) }
        return quickRows
    }

    private static func read(_ table: String, index: Int, record: String, from database: SQLiteDatabase, file: SourceFile,
                             places: Places, quick: Bool, into builder: CorpusBuilder, rowIDs: ClosedRange<Int64>? = nil) throws(SQLiteError) -> Int {
        let quoted = SQLiteDatabase.quoted(table)
        // The row id places problems; a table without one (WITHOUT ROWID) is numbered from 1.
        var hasRowID = true
        var columns: [CSVCorpusReader.Column] = []
        var number = 0
        // Statements and documents are first written as JSON lines for the C scanners.
        var quickRows: QuickRows?
        var missing: String?
        func take(_ names: [String], _ cells: SQLiteRow) -> Bool {
            if builder.stop.isRequested() { return false }
            number += 1
            let first = hasRowID ? 1 : 0
            if columns.isEmpty {
                columns = names.dropFirst(first).map { CSVCorpusReader.Column(name: $0) }
                // A table of statements without a column every statement needs is said once, not per row.
                if record == "statement", let (required, likely) = FieldNameHint.missingStatementColumn(among: columns.map(\.name)) {
                    missing = "it has no column \"\(required)\", which every statement needs (its columns: \(columns.map { "\"\($0.name)\"" }.joined(separator: ", ")))"
                        + (likely.map { "; if \"\($0)\" holds it, name that column \"\(required)\"" } ?? "")
                    return false
                }
                places.add(table: index, name: table, columns: columns.map(\.name))
                if quick && (record == "statement" || record == "document") {
                    quickRows = QuickRows(record: record, columns: columns, numbersAreText: true)
                }
            }
            var row = number
            if hasRowID, let id = cells.integer(0), Places.placeable(id) { row = Int(id) }
            let at = { (column: Int) in Places.offset(table: index, row: row, column: column) }
            if quickRows?.take(cells, skipping: first, into: builder, at: { builder.location(file, at(0)) }) == true { return true }
            let values = cells.values
            var members: [JSONMember] = []
            for (i, (column, value)) in zip(columns, values.dropFirst(first)).enumerated() {
                let node: JSONNode
                switch value {
                case .null: continue
                case .integer(let n): node = JSONNode(.integer(n), offset: at(i + 1))
                case .real(let d) where d.isFinite: node = JSONNode(.number(d), offset: at(i + 1))
                case .real(let d):
                    builder.report(file: file, offset: at(i + 1), message: "this cell holds \(d), which is not a number a corpus field can hold")
                    return true
                case .text(let text):
                    do {
                        node = try column.value(text, at: at(i + 1), numbersAsText: true)
                    } catch {
                        builder.report(file: file, offset: at(i + 1), message: error.message)
                        return true
                    }
                case .invalidText:
                    builder.report(file: file, offset: at(i + 1), message: "this text is not valid UTF-8")
                    return true
                case .blob(let size):
                    builder.report(file: file, offset: at(i + 1), message: "this cell holds binary data (a BLOB of \(size) bytes); a corpus field holds text or numbers")
                    return true
                }
                members.append(JSONMember(key: column.name, keyOffset: node.offset, value: node))
            }
            let node = JSONNode(.object(members), offset: at(0))
            switch record {
            case "corpus": builder.addHeader(node, file: file)
            case "document": builder.addDocument(node, file: file)
            case "entity": builder.addEntity(node, file: file)
            default: builder.addStatement(node, file: file)
            }
            return true
        }
        do {
            let part = rowIDs.map { " WHERE rowid BETWEEN \($0.lowerBound) AND \($0.upperBound)" } ?? ""
            try database.query("SELECT rowid, * FROM \(quoted)\(part) ORDER BY rowid", take)
        } catch {
            guard number == 0 else { throw error }
            hasRowID = false
            try database.query("SELECT * FROM \(quoted)", take)
        }
        if let missing { throw SQLiteError(message: missing) }
        return quickRows?.taken ?? 0
    }

    /// Encodes a table's row and column in an offset (as a file's byte offset places a JSON value)
    /// and names it back: "statements row 12, column speaker".
    final class Places: @unchecked Sendable {
        private static let columnBits = 12, rowBits = 30
        /// By the table's index in `tables`: its name as written and its columns.
        private var tables: [Int: (name: String, columns: [String])] = [:]

        static func offset(table: Int, row: Int, column: Int) -> Int {
            table << (rowBits + columnBits) | row << columnBits | min(column, 1 << columnBits - 1)
        }

        /// Whether a row id can be placed (others are placed by their number in the table).
        static func placeable(_ row: Int64) -> Bool { row >= 0 && row < 1 << rowBits }

        /// The threads reading a table's parts each say its columns.
        private let lock = NSLock()

        func add(table index: Int, name: String, columns: [String]) { lock.withLock { tables[index] = (name, columns) } }

        func place(_ offset: Int) -> RecordPlace {
            let index = offset >> (Self.rowBits + Self.columnBits)
            let row = offset >> Self.columnBits & (1 << Self.rowBits - 1)
            let column = offset & (1 << Self.columnBits - 1)
            let (name, columns) = lock.withLock { tables[index] } ?? ("table", [])
            var text = "\(name) row \(row)"
            if column > 0 { text += ", column " + (columns.indices.contains(column - 1) ? columns[column - 1] : "\(column)") }
            return RecordPlace(line: index << Self.rowBits | row, column: column, text: text)
        }
    }
}
