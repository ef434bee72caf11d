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
        try table("corpus", ["parley INTEGER", "name TEXT", "description TEXT"], extras: [],
                  [[("parley", .integer(1))] + records.header], in: database)
        let documents = records.documents
        try table("documents", documentColumns, extras: documents.flatMap { $0.extra.map(\.key) },
                  documents.lazy.map(records.document), in: database)
        try table("entities", entityColumns, extras: corpus.entities.flatMap { $0.extra.map(\.key) },
                  corpus.entities.lazy.map(records.entity), in: database)
        try table("statements", statementColumns, extras: corpus.statements.extras.keys.sorted(),
                  records.statementRows.lazy.map(records.statement), in: database)
        try database.execute("COMMIT")
    }

    /// Creates a table with `columns` and a column for each of the extra fields `extras` (names may
    /// repeat), and inserts `rows`, each made once.
    private static func table(_ name: String, _ columns: [String], extras: [String], _ rows: some Collection<CorpusRecords.Fields>,
                              in database: SQLiteDatabase) throws {
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
        try database.insert("INSERT INTO \(name) VALUES (\(placeholders))") { insert throws(SQLiteError) in
            for row in rows {
                var values = [SQLiteValue](repeating: .null, count: names.count)
                for (key, value) in row { values[column[key] ?? index[key.lowercased()]!] = cell(value) }
                try insert(values)
            }
        }
    }

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
