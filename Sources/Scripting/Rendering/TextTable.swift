import Foundation
import LuaBinding

/// A plain-text table with aligned columns, as the REPL and `print` show collections and counts.
public struct TextTable {
    public var headers: [String]
    public var rows: [[String]]
    /// Columns whose cells align to the right (numbers).
    public var rightAligned: Set<Int> = []
    /// A last line such as "… 21 more".
    public var footer: String?

    public init(headers: [String], rows: [[String]], rightAligned: Set<Int> = [], footer: String? = nil) {
        self.headers = headers
        self.rows = rows
        self.rightAligned = rightAligned
        self.footer = footer
    }

    public func render() -> String {
        let headers = headers.map(Self.cell), rows = rows.map { $0.map(Self.cell) }
        var widths = headers.map(\.terminalWidth)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.terminalWidth) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                cell.padded(columns: widths[i], right: rightAligned.contains(i))
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        var out = [line(headers), widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
        out += rows.map(line)
        if let footer { out.append(footer) }
        return out.joined(separator: "\n")
    }

    /// A cell on one line, whatever its text holds: line breaks and tabs as spaces, other control
    /// characters shown (`ControlCharacters`), so that neither the layout nor the terminal is moved.
    static func cell(_ text: String) -> String {
        guard ControlCharacters.mayHold(text, keeping: []) else { return text }
        let flat = String(decoding: text.utf8.map { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 ? 0x20 : $0 }, as: UTF8.self)
        return ControlCharacters.visible(flat, keeping: [])
    }
}

extension String {
    /// Whether any of the (ASCII) characters of `set` occurs, read as bytes: no walk over characters.
    func containsASCII(of set: StaticString) -> Bool {
        let wanted = UnsafeBufferPointer(start: set.utf8Start, count: set.utf8CodeUnitCount)
        return utf8.contains { wanted.contains($0) }
    }

    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }

    /// At most `limit` columns on a terminal, with "…" when cut; line breaks shown as spaces.
    public func clipped(_ limit: Int) -> String {
        (containsASCII(of: "\n") ? replacingOccurrences(of: "\n", with: " ") : self).fitted(columns: limit)
    }
}
