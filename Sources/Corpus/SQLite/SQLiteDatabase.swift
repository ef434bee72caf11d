import CSQLite

/// What SQLite said when a call failed, in its own words.
struct SQLiteError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// A value of one cell as SQLite stores it.
enum SQLiteValue: Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    /// Text whose bytes are not UTF-8.
    case invalidText
    case blob(Int)   // its size: a corpus holds no binary data
}

/// The row a query stands on: valid until the query steps on.
struct SQLiteRow: RecordCells {
    fileprivate let statement: OpaquePointer
    let count: Int

    /// Cell `i` as stored: text with its bytes as SQLite keeps them (not checked to be UTF-8).
    func withCell<R>(_ i: Int, _ body: (RecordLine.Cell) -> R) -> R {
        switch sqlite3_column_type(statement, Int32(i)) {
        case SQLITE_NULL: body(.absent)
        case SQLITE_TEXT: body(.text(text(Int32(i))))
        default: body(.other)
        }
    }

    /// Cell `i`'s value if it is an integer.
    func integer(_ i: Int) -> Int64? {
        sqlite3_column_type(statement, Int32(i)) == SQLITE_INTEGER ? sqlite3_column_int64(statement, Int32(i)) : nil
    }

    /// The values of every cell.
    var values: [SQLiteValue] { (0..<count).map { value(Int32($0)) } }

    private func text(_ i: Int32) -> UnsafeBufferPointer<UInt8> {
        // The text first, then its length: asking for the text may convert it, which changes its length.
        let bytes = sqlite3_column_text(statement, i)
        return UnsafeBufferPointer(start: bytes, count: bytes == nil ? 0 : Int(sqlite3_column_bytes(statement, i)))
    }

    private func value(_ i: Int32) -> SQLiteValue {
        switch sqlite3_column_type(statement, i) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, i))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, i))
        case SQLITE_TEXT: return String(validating: text(i), as: UTF8.self).map { .text($0) } ?? .invalidText
        case SQLITE_BLOB: return .blob(Int(sqlite3_column_bytes(statement, i)))
        default: return .null
        }
    }
}

/// A connection to a database file: just what reading and writing corpora needs (statements
/// prepared, stepped and finalized in one call each, so no handle outlives its use).
final class SQLiteDatabase {
    private let handle: OpaquePointer

    /// Opens `path` read-only (refusing what is not a database), or creates it for writing.
    init(path: String, writable: Bool = false) throws(SQLiteError) {
        var db: OpaquePointer?
        let flags = writable ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY
        let status = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard status == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open it"
            sqlite3_close(db)
            throw SQLiteError(message: message)
        }
        handle = db
        // A database locked by another program is waited for a little, not failed at once.
        sqlite3_busy_timeout(db, 2000)
        // Functions named in a database's schema (generated columns, defaults) run only if harmless.
        sqlite3_exec(db, "PRAGMA trusted_schema = OFF", nil, nil, nil)
    }

    deinit { sqlite3_close(handle) }

    private var lastError: SQLiteError { SQLiteError(message: String(cString: sqlite3_errmsg(handle))) }

    /// Runs SQL that returns no rows (several statements separated by `;`).
    func execute(_ sql: String) throws(SQLiteError) {
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else { throw lastError }
    }

    /// Runs a query, handing each row's values to `row` with the result's column names, until it
    /// returns false.
    func query(_ sql: String, _ row: (_ names: [String], _ values: [SQLiteValue]) -> Bool) throws(SQLiteError) {
        try query(sql) { (names: [String], cells: SQLiteRow) in row(names, cells.values) }
    }

    /// `query`, with each row's cells read where SQLite keeps them (no `String` made per cell).
    func query(_ sql: String, _ row: (_ names: [String], _ cells: SQLiteRow) -> Bool) throws(SQLiteError) {
        let statement = try prepare(sql)
        defer { sqlite3_finalize(statement) }
        let count = Int(sqlite3_column_count(statement))
        let names = (0..<count).map { String(cString: sqlite3_column_name(statement, Int32($0))) }
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { return }
            guard status == SQLITE_ROW else { throw lastError }
            guard row(names, SQLiteRow(statement: statement, count: count)) else { return }
        }
    }

    /// Inserts rows through one prepared statement: `rows` calls `insert` with each row's values.
    func insert(_ sql: String, rows: ((_ insert: ([SQLiteValue]) throws(SQLiteError) -> Void) throws(SQLiteError) -> Void)) throws(SQLiteError) {
        let statement = try prepare(sql)
        defer { sqlite3_finalize(statement) }
        try rows { values throws(SQLiteError) in
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
            for (i, value) in values.enumerated() { bind(value, to: statement, at: Int32(i + 1)) }
            guard sqlite3_step(statement) == SQLITE_DONE else { throw lastError }
        }
    }

    /// The names of the tables, as written. Views are left out: a shared database's view could
    /// compute rows without end (a recursive query), where a table only holds what is stored.
    func tables() throws(SQLiteError) -> [String] {
        var names: [String] = []
        try query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") { _, values in
            if case .text(let name) = values[0] { names.append(name) }
            return true
        }
        return names
    }

    private func prepare(_ sql: String) throws(SQLiteError) -> OpaquePointer {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else { throw lastError }
        return statement
    }


    private func bind(_ value: SQLiteValue, to statement: OpaquePointer, at i: Int32) {
        switch value {
        case .null, .blob, .invalidText: sqlite3_bind_null(statement, i)
        case .integer(let n): sqlite3_bind_int64(statement, i, n)
        case .real(let d): sqlite3_bind_double(statement, i, d)
        // The length given, so that a text holding a NUL character is bound whole.
        case .text(let s): sqlite3_bind_text(statement, i, s, Int32(s.utf8.count), parley_sqlite_transient())
        }
    }

    /// `name` as an SQL identifier, quoted.
    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
