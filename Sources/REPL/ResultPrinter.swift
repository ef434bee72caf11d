import Scripting

/// Turns the values a chunk returned into text for the current mode, and cuts long output to the
/// terminal's height.
struct ResultPrinter {
    var mode: OutputMode = .table
    /// The terminal's width when results go to one: a table's lines are cut to it (with "…"), as
    /// DuckDB's shell fits its tables, rather than wrapped into a ragged block.
    var width: Int?
    /// The terminal's height when results go to one: a CSV, Markdown or JSON result is made of its
    /// first rows only (a million statements as CSV took 15 s to scroll past, for a screenful).
    var height: Int?

    /// The text for the results at `indices` of `session`'s stack.
    func render(_ session: ScriptSession, indices: [Int32]) -> String {
        let parts = indices.map { render(session, at: $0) }
        // By bytes: a Character walk of a result of a million rows took seconds.
        if parts.allSatisfy({ !$0.utf8.contains(0x0A) }) { return parts.joined(separator: "\t") }
        return parts.joined(separator: "\n")
    }

    private func render(_ session: ScriptSession, at index: Int32) -> String {
        switch mode {
        case .table:
            if let text = session.userdataDescription(at: index) { return fitted(text) }
            if let table = session.tabularPreview(at: index, rows: tableRows) { return fitted(table.text(limit: tableRows)) }
            return session.display(at: index, itemLimit: tableRows)
        case .markdown: return session.tabular(at: index).map { screenful($0) { $0.markdown() } } ?? session.display(at: index)
        case .csv: return session.tabular(at: index).map { screenful($0) { $0.csv().trimmingTrailingNewlines() } } ?? session.display(at: index)
        case .json: return session.tabular(at: index).map { screenful($0) { $0.json() } } ?? session.display(at: index)
        case .lua: return session.display(at: index, itemLimit: tableRows)
        }
    }

    /// The rows of a list of records shown in table mode, and the items of a list shown as Lua: 50,
    /// or fewer when the terminal is shorter, so that the line saying how many there are in all is
    /// on the screen, not cut off with them (`distinct` of 3,000 speakers said "10 more lines").
    var tableRows: Int {
        guard let height else { return 50 }
        return max(min(50, height - 5), 5)
    }

    /// Whether a table is written a piece at a time in this mode (to a file or a pipe).
    var writesAsMade: Bool { mode == .csv || mode == .markdown || mode == .json }

    /// `table` in this mode (one of `writesAsMade`), handed to `emit` a megabyte at a time.
    func write(_ table: Tabular, _ emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        switch mode {
        case .markdown: try table.writeMarkdown(emit)
        case .json: try table.writeJSON(emit)
        default: try table.writeCSV(emit)
        }
    }

    /// `table` rendered, or only as many of its rows as fill the terminal, with a note of the rest.
    private func screenful(_ table: Tabular, _ render: (Tabular) -> String) -> String {
        // Room for the lines around the rows (a header, Markdown's rule, JSON's brackets) and the note.
        guard let height, table.rows.count > max(height - 4, 1) else { return render(table) }
        let count = max(height - 4, 1)
        let shown = Tabular(headers: table.headers, count: count) { table.rows[$0] }
        return render(shown) + "\n… \(table.rows.count - count) more rows not shown (.output FILE keeps everything)"
    }

    /// `text` with each line at most `width` characters.
    func fitted(_ text: String) -> String {
        guard let width, width > 10 else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.fitted(columns: width) }
            .joined(separator: "\n")
    }

    /// What `fit` left out: whole lines, and whether the last line shown is cut short.
    struct Hidden: Equatable {
        var lines = 0
        var cutLine = false
        var note: String? {
            let more = lines == 1 ? "1 more line" : "\(lines) more lines"
            switch (lines, cutLine) {
            case (0, false): return nil
            case (0, true): return "… the rest of the line not shown (.output FILE keeps everything)"
            case (_, true): return "… the rest of the line and \(more) not shown (.output FILE keeps everything)"
            case (_, false): return "… \(more) not shown (.output FILE keeps everything)"
            }
        }
    }

    /// At most `rows` rows of the terminal, with what was hidden. A line wider than the terminal
    /// takes the rows it wraps into (`columns`): a document's text on one line is 500 rows.
    static func fit(_ text: String, rows: Int, columns: Int? = nil) -> (text: String, hidden: Hidden) {
        // By newlines of any kind: a CSV's lines end in CR LF, one Character to Swift, which
        // splitting on "\n" does not split (a CSV result was never cut to the screen).
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard rows > 3 else { return (text, Hidden()) }
        let room = rows - 2
        var used = 0
        for (i, line) in lines.enumerated() {
            let taken = columns.map { width in width > 0 ? max(1, (line.terminalWidth + width - 1) / width) : 1 } ?? 1
            if used + taken <= room { used += taken; continue }
            var shown = lines.prefix(i).joined(separator: "\n")
            var hidden = Hidden(lines: lines.count - i)
            if let width = columns, width > 0, room - used > 0 {
                // The part of the line that fills the rows left.
                shown += (i > 0 ? "\n" : "") + line.fitted(columns: (room - used) * width)
                hidden = Hidden(lines: lines.count - i - 1, cutLine: true)
            }
            return (shown, hidden)
        }
        return (text, Hidden())
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var s = self
        while s.last == "\n" || s.last == "\r\n" || s.last == "\r" { s.removeLast() }
        return s
    }
}
