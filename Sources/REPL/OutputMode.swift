/// How results print, as DuckDB's and sqlite3's `.mode`.
public enum OutputMode: String, CaseIterable, Sendable {
    case table, markdown, csv, json, lua
}
