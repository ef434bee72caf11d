import Scripting

/// Turns the values a chunk returned into text for the current mode, and cuts long output to the
/// terminal's height.
struct ResultPrinter {
    var mode: OutputMode = .table
    /// The terminal's width when results go to one: a table's lines are cut to it (with "…"), as
    /// DuckDB's shell fits its tables, rather than wrapped into a ragged block.
    var width: Int?

    /// The text for the results at `indices` of `session`'s stack.
    func render(_ session: ScriptSession, indices: [Int32]) -> String {
        let parts = indices.map { render(session, at: $0) }
        if parts.allSatisfy({ !$0.contains("\n") }) { return parts.joined(separator: "\t") }
        return parts.joined(separator: "\n")
    }

    private func render(_ session: ScriptSession, at index: Int32) -> String {
        switch mode {
        case .table:
            if let text = session.userdataDescription(at: index) { return fitted(text) }
            if let table = session.tabularPreview(at: index, rows: 50) { return fitted(table.text(limit: 50)) }
            return session.display(at: index)
        case .markdown: return session.tabular(at: index)?.markdown() ?? session.display(at: index)
        case .csv: return session.tabular(at: index)?.csv().trimmingTrailingNewlines() ?? session.display(at: index)
        case .json: return session.tabular(at: index)?.json() ?? session.display(at: index)
        case .lua: return session.display(at: index)
        }
    }

    /// `text` with each line at most `width` characters.
    func fitted(_ text: String) -> String {
        guard let width, width > 10 else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.fitted(columns: width) }
            .joined(separator: "\n")
    }

    /// At most `rows` lines, with a note of how many were hidden.
    static func fit(_ text: String, rows: Int) -> (text: String, hidden: Int) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard rows > 3, lines.count > rows else { return (text, 0) }
        let kept = rows - 2
        return (lines.prefix(kept).joined(separator: "\n"), lines.count - kept)
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var s = self
        while s.last == "\n" || s.last == "\r\n" || s.last == "\r" { s.removeLast() }
        return s
    }
}
