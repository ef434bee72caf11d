import Corpus
import Foundation

/// Rows and columns, the shape every output mode renders: a collection of statements, a counts
/// table, a list of records.
public struct Tabular: Sendable, Equatable {
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double)
        case empty

        public var plain: String {
            switch self {
            case .text(let s): s
            case .number(let n): n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
            case .empty: ""
            }
        }
    }

    public var headers: [String]
    public var rows: [[Cell]]

    public init(headers: [String], rows: [[Cell]]) {
        self.headers = headers
        self.rows = rows
    }

    /// An aligned text table; `limit` rows at most, with a note of the rest.
    public func text(limit: Int? = nil, clip: Int = 80) -> String {
        let shown = limit.map { Array(rows.prefix($0)) } ?? rows
        let numeric = Set(headers.indices.filter { i in !rows.isEmpty && rows.allSatisfy { if case .text = $0[i] { return false }; return true } })
        let more = rows.count - shown.count
        return TextTable(headers: headers, rows: shown.map { $0.map { $0.plain.clipped(clip) } }, rightAligned: numeric,
                         footer: more > 0 ? "… \(more) more rows (\(rows.count) in all)" : nil).render()
    }

    /// A GitHub-flavoured Markdown table; pipes and line breaks in cells are escaped.
    public func markdown() -> String {
        func escape(_ s: String) -> String {
            guard s.containsASCII(of: "\\|\r\n") else { return s }
            return s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
                .replacingOccurrences(of: "\r\n", with: "<br>").replacingOccurrences(of: "\n", with: "<br>")
        }
        var lines = ["| " + headers.map(escape).joined(separator: " | ") + " |",
                     "|" + headers.indices.map { i in rows.allSatisfy { if case .text = $0[i] { return false }; return true } && !rows.isEmpty ? " ---: |" : " --- |" }.joined()]
        lines += rows.map { "| " + $0.map { escape($0.plain) }.joined(separator: " | ") + " |" }
        return lines.joined(separator: "\n")
    }

    /// RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled; CRLF line ends.
    /// Written byte by byte into one buffer: a million statements went through 7 million strings
    /// and a walk over each field's characters.
    public func csv() -> String { String(decoding: csvBytes(), as: UTF8.self) }

    /// RFC 4180: fields with commas, quotes or line breaks quoted, quotes doubled, CR LF line ends.
    public func csvBytes() -> [UInt8] {
        var out: [UInt8] = []
        func field(_ value: String) {
            var value = value
            value.withUTF8 { bytes in
                if bytes.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) {
                    out.append(UInt8(ascii: "\""))
                    for byte in bytes {
                        if byte == UInt8(ascii: "\"") { out.append(byte) }
                        out.append(byte)
                    }
                    out.append(UInt8(ascii: "\""))
                } else {
                    out.append(contentsOf: bytes)
                }
            }
        }
        func line(_ cells: [String]) {
            for (i, cell) in cells.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                field(cell)
            }
            out.append(contentsOf: [0x0D, 0x0A])
        }
        line(headers)
        for row in rows { line(row.map(\.plain)) }
        return out
    }

    /// A JSON array of objects, one per row, keys in column order.
    public func json() -> String {
        let objects = rows.map { row in
            "{" + zip(headers, row).map { header, cell in
                let value: String
                switch cell {
                case .text(let s): value = Self.jsonString(s)
                case .number(let n): value = n.isFinite ? cell.plain : "null"
                case .empty: value = "null"
                }
                return Self.jsonString(header) + ": " + value
            }.joined(separator: ", ") + "}"
        }
        return objects.isEmpty ? "[]" : "[\n  " + objects.joined(separator: ",\n  ") + "\n]"
    }

    public static func jsonString(_ s: String) -> String { JSONValue.quoted(s) }
}
