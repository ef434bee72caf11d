import Foundation

/// Writes a corpus as a SQLite database that `SQLiteCorpusReader` reads back: tables `corpus`,
/// `documents`, `entities` and `statements`, a column per field (each extra field too). Lists and
/// records (topics, figures, span, relations, roles) are JSON text, which SQLite's JSON functions
/// read (`SELECT value, count(*) FROM statements, json_each(topics) GROUP BY value`); a boolean is
/// 1 or 0, as SQLite keeps booleans.
enum SQLiteCorpusWriter {
    /// The format's fields of each table, in order, with their SQL types; extra fields follow.
    static let documentColumns = ["id TEXT PRIMARY KEY", "title TEXT", "source TEXT", "url TEXT", "published TEXT", "authors TEXT",
                                  "language TEXT", "place TEXT", "text TEXT"]
    static let entityColumns = ["name TEXT PRIMARY KEY", "kind TEXT", "aliases TEXT", "roles TEXT", "affiliation TEXT", "country TEXT"]
    static let statementColumns = ["id TEXT PRIMARY KEY", "doc TEXT REFERENCES documents(id)", "speaker TEXT", "role TEXT", "affiliation TEXT",
                                   "kind TEXT", "text TEXT", "cue TEXT", "date TEXT", "date_text TEXT", "channel TEXT", "place TEXT",
                                   "topics TEXT", "mentions TEXT", "figures TEXT", "span TEXT", "confidence REAL", "status TEXT", "relations TEXT"]

    static func write(_ records: CorpusRecords, to path: String) throws {
        let database = try SQLiteDatabase(path: path, writable: true)
        // A new file that is renamed into place once complete: no journal is needed to protect it.
        try database.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN")
        let corpus = records.corpus
        let header = [("parley", JSONValue.integer(1))] + records.header
        try table("corpus", ["parley INTEGER", "name TEXT", "description TEXT"], extras: [], count: 1, row: { _ in header }, in: database)
        let documents = records.documents
        try table("documents", documentColumns, extras: documents.flatMap { $0.extra.map(\.key) },
                  count: documents.count, row: { records.document(documents[$0]) }, in: database)
        let entities = corpus.entities
        try table("entities", entityColumns, extras: entities.flatMap { $0.extra.map(\.key) },
                  count: entities.count, row: { records.entity(entities[$0]) }, in: database)
        let rows = records.statementRows
        try table("statements", statementColumns, extras: corpus.statements.extras.keys.sorted(),
                  count: rows.count, row: { records.statement(rows[$0]) }, in: database)
        try database.execute("COMMIT")
    }

    /// Creates a table with `columns` and a column for each of the extra fields `extras` (names may
    /// repeat), and inserts `count` rows, `row(i)` the i-th.
    private static func table(_ name: String, _ columns: [String], extras: [String], count: Int,
                              row: @escaping @Sendable (Int) -> CorpusRecords.Fields, in database: SQLiteDatabase) throws {
        var names = columns.map { String($0.prefix { $0 != " " }) }
        var index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1.lowercased(), $0) })
        var definitions = columns
        for key in extras {
            if let known = index[key.lowercased()] {
                guard names[known] == key else {
                    throw SQLiteError(message: "the fields \"\(names[known])\" and \"\(key)\" differ only in case, which SQLite's column names do not tell apart (write .jsonl instead)")
                }
                continue
            }
            index[key.lowercased()] = names.count
            names.append(key)
            definitions.append(SQLiteDatabase.quoted(key))
        }
        try database.execute("CREATE TABLE \(name) (\(definitions.joined(separator: ", ")))")
        let placeholders = Array(repeating: "?", count: names.count).joined(separator: ", ")
        // By the names as the records write them (the check above makes that one column each):
        // no lowercasing of every field of a million rows.
        let column = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let width = names.count, lowercased = index
        @Sendable func cells(_ i: Int) -> [SQLiteValue] {
            var values = [SQLiteValue](repeating: .null, count: width)
            for (key, value) in row(i) { values[column[key] ?? lowercased[key.lowercased()]!] = cell(value) }
            return values
        }
        // The cells of a batch are made on another thread while SQLite inserts the batch before.
        let pipe = BlockPipe<[[SQLiteValue]], Never>(capacity: 2)
        let maker = Thread {
            for start in stride(from: 0, to: count, by: batchRows) where !pipe.isCancelled {
                pipe.put((start..<min(start + batchRows, count)).map(cells))
            }
            pipe.finish(nil)
        }
        maker.stackSize = 1 << 20
        maker.start()
        defer { pipe.cancel() }         // an insert that fails lets the maker go
        try database.insert("INSERT INTO \(name) VALUES (\(placeholders))") { insert throws(SQLiteError) in
            while let batch = pipe.take() {
                for values in batch { try insert(values) }
            }
        }
    }

    /// Rows a batch: the cells of two batches wait in memory at most.
    private static let batchRows = 16_384

    /// A field's value as a cell: text and numbers as they are, anything else as JSON text.
    static func cell(_ value: JSONValue) -> SQLiteValue {
        switch value {
        case .null: .null
        case .bool(let b): .integer(b ? 1 : 0)
        case .integer(let n): .integer(n)
        case .number(let d): .real(d)
        case .string(let s): .text(s)
        case .array, .object: .text(value.jsonText)
        }
    }
}
