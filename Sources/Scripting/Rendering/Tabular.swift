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
            case .number(let n): n == n.rounded() && abs(n) < 9e18 ? String(Int64(n)) : String(n)   // whole numbers without ".0"
            case .empty: ""
            }
        }
    }

    public var headers: [String]
    public var rows: Rows

    public init(headers: [String], rows: [[Cell]]) {
        self.headers = headers
        self.rows = Rows(cells: rows)
    }

    /// `count` rows, each made by `row` when it is read: a collection of a million statements goes
    /// into a report or a file without being held as seven million cells first.
    public init(headers: [String], count: Int, row: @escaping @Sendable (Int) -> [Cell]) {
        self.headers = headers
        self.rows = Rows(count: count, make: row)
    }

    /// The rows: held, or made one at a time.
    public struct Rows: RandomAccessCollection, Sendable, Equatable {
        private let cells: [[Cell]]?
        private let make: (@Sendable (Int) -> [Cell])?
        public let endIndex: Int
        public var startIndex: Int { 0 }

        init(cells: [[Cell]]) {
            self.cells = cells
            make = nil
            endIndex = cells.count
        }

        init(count: Int, make: @escaping @Sendable (Int) -> [Cell]) {
            cells = nil
            self.make = make
            endIndex = count
        }

        public subscript(i: Int) -> [Cell] { cells?[i] ?? make!(i) }

        /// Roughly the bytes the rows hold: their cells, or, made when read, a collection's row
        /// number each.
        var estimatedBytes: Int {
            guard let cells else { return 4 * endIndex }
            return cells.reduce(0) { total, row in
                row.reduce(total + 16) { sum, cell in
                    if case .text(let text) = cell { return sum + 16 + text.utf8.count }
                    return sum + 16
                }
            }
        }

        public static func == (a: Rows, b: Rows) -> Bool { a.elementsEqual(b) }
    }

    /// Roughly the bytes the table holds (`Report.Part.estimatedBytes`).
    var estimatedBytes: Int { headers.reduce(rows.estimatedBytes) { $0 + 16 + $1.utf8.count } }

    /// An aligned text table; `limit` rows at most, with a note of the rest.
    /// `alignRight` adds columns aligned to the right (a keyword's context before it, which ends
    /// where the keyword starts).
    public func text(limit: Int? = nil, clip: Int = 80, alignRight: Set<Int> = []) -> String {
        let shown = Array(rows.prefix(limit ?? rows.count))
        // Alignment concerns the rows shown only: a preview of a million rows does not read them all.
        let numeric = Set(Self.numericColumns(shown, count: headers.count)).union(alignRight)
        let more = rows.count - shown.count
        return TextTable(headers: headers, rows: shown.map { $0.map { $0.plain.clipped(clip) } }, rightAligned: numeric,
                         footer: more > 0 ? "… \(more) more rows (\(rows.count) in all)" : nil).render()
    }

    /// A GitHub-flavoured Markdown table; pipes and line breaks in cells are escaped.
    public func markdown() -> String {
        var out = ""
        appendMarkdown(to: &out)
        return out
    }

    /// The columns (of `count`) that hold no text in any of `rows`, which there must be: read in
    /// one pass, since rows made when read (a collection's) are made again for each look.
    static func numericColumns(_ rows: some Collection<[Cell]>, count: Int) -> [Int] {
        guard !rows.isEmpty else { return [] }
        var numeric = [Bool](repeating: true, count: count)
        for row in rows {
            for (i, cell) in row.enumerated() where i < count { if case .text = cell { numeric[i] = false } }
            if !numeric.contains(true) { break }
        }
        return numeric.indices.filter { numeric[$0] }
    }

    /// The Markdown table handed to `emit` a megabyte at a time (as `writeCSV`).
    public func writeMarkdown(_ emit: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        var out = ""
        try appendMarkdown(to: &out) { try Self.hand(&$0, to: emit) }
        try Self.hand(&out, to: emit)
    }

    /// The JSON array handed to `emit` a megabyte at a time (as `writeCSV`).
    public func writeJSON(_ emit: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        var out = ""
        try appendJSON(to: &out) { try Self.hand(&$0, to: emit) }
        try Self.hand(&out, to: emit)
    }

    /// Hands `text`'s bytes to `emit` and empties it.
    private static func hand(_ text: inout String, to emit: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        try text.withUTF8 { try emit(UnsafeRawBufferPointer($0)) }
        text.removeAll(keepingCapacity: true)
    }

    /// The Markdown table appended to `out`, a row at a time (a million rows are not held twice);
    /// `flush` is given `out` whenever it passes a megabyte.
    public func appendMarkdown(to out: inout String) { appendMarkdown(to: &out, flush: { _ in }) }

    public func appendMarkdown(to out: inout String, flush: (inout String) throws -> Void) rethrows {
        func escape(_ s: String) -> String {
            guard s.containsASCII(of: "\\|\r\n") else { return s }
            return s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
                .replacingOccurrences(of: "\r\n", with: "<br>").replacingOccurrences(of: "\n", with: "<br>")
        }
        out += "| " + headers.map(escape).joined(separator: " | ") + " |\n"
        let numeric = Set(Self.numericColumns(rows, count: headers.count))
        out += "|" + headers.indices.map { numeric.contains($0) ? " ---: |" : " --- |" }.joined()
        for row in rows {
            out += "\n| " + row.map { escape($0.plain) }.joined(separator: " | ") + " |"
            if out.utf8.count >= 1 << 20 { try flush(&out) }
        }
    }

    /// RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled; CRLF line ends.
    /// Written byte by byte into one buffer: a million statements went through 7 million strings
    /// and a walk over each field's characters.
    public func csv() -> String {
        var bytes: [UInt8] = []
        writeCSV { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// RFC 4180: fields with commas, quotes or line breaks quoted, quotes doubled, CR LF line ends;
    /// handed to `emit` a megabyte at a time.
    public func writeCSV(_ emit: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 20 + 4096)
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
        for row in rows {
            line(row.map(\.plain))
            if out.count >= 1 << 20 {
                try out.withUnsafeBytes(emit)
                out.removeAll(keepingCapacity: true)
            }
        }
        try out.withUnsafeBytes(emit)
    }

    /// A JSON array of objects, one per row, keys in column order.
    public func json() -> String {
        var out = ""
        appendJSON(to: &out)
        return out
    }

    /// The JSON array appended to `out`, a row at a time; `flush` is given `out` whenever it passes
    /// a megabyte.
    public func appendJSON(to out: inout String) { appendJSON(to: &out, flush: { _ in }) }

    public func appendJSON(to out: inout String, flush: (inout String) throws -> Void) rethrows {
        guard !rows.isEmpty else { return out += "[]" }
        let keys = headers.map { Self.jsonString($0) + ": " }
        out += "["
        for (i, row) in rows.enumerated() {
            out += i == 0 ? "\n  {" : ",\n  {"
            for (k, cell) in row.enumerated() where k < keys.count {
                if k > 0 { out += ", " }
                out += keys[k]
                switch cell {
                case .text(let s): out += Self.jsonString(s)
                case .number(let n): out += n.isFinite ? cell.plain : "null"
                case .empty: out += "null"
                }
            }
            out += "}"
            if out.utf8.count >= 1 << 20 { try flush(&out) }
        }
        out += "\n]"
    }

    public static func jsonString(_ s: String) -> String { JSONValue.quoted(s) }
}
