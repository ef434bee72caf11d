import Corpus

/// How statements, selections and counts read when printed.
enum Describe {
    static let previewRows = 10
    static let countRows = 20

    static func statement(_ corpus: Corpus, row: Int) -> String {
        let s = corpus.statements
        let who = [s.roles[row], s.affiliations[row]].compactMap { $0 }.joined(separator: ", ")
        var head = (s.speakers[row] ?? "unknown") + (who.isEmpty ? "" : " (\(who))")
        head += " " + (s.cues[row] ?? "said")
        var context: [String] = []
        if let date = s.dates[row] { context.append(date) }
        if let source = corpus.document(ofRow: row)?.source { context.append(source) }
        context.append(s.ids[row])
        let text = s.texts[row]
        let quoted = s.kinds[row] == "direct" ? "“\(text)”" : text
        return "\(head) [\(context.joined(separator: ", "))]\n  \(quoted)"
    }

    /// `note` is said after the count (why a `where` found nothing).
    static func selection(_ selection: Selection, note: String? = nil) -> String {
        let corpus = selection.corpus
        let shown = min(selection.count, previewRows)
        let rows: [[String]] = (0..<shown).map { i in
            let row = selection.row(at: i)
            let s = corpus.statements
            return [String(i + 1), s.ids[row], s.dates[row] ?? "", (s.speakers[row] ?? "").clipped(24), s.kinds[row] ?? "", s.texts[row].clipped(60)]
        }
        let more = selection.count - shown
        let footer = more > 0 ? "… \(more) more (\(selection.count) statements)"
            : "(\(MessageText.count(selection.count, "statement"))" + (note.map { ": " + $0 } ?? "") + ")"
        return TextTable(headers: ["#", "id", "date", "speaker", "kind", "text"], rows: rows, rightAligned: [0], footer: footer).render()
    }

    static func counts(_ counts: Counts) -> String {
        let shown = counts.rows.prefix(countRows)
        // Keys clipped as a statement's text is: counts by text would otherwise fill the terminal.
        let rows = shown.map { $0.key.map { $0.description.clipped(60) } + [String($0.count)] }
        let more = counts.rows.count - shown.count
        // Nothing counted is said, not shown as a bare header: doc.source of statements without a
        // document, a field no statement has.
        let nothing = counts.keys.count == 1 ? "(no statement here has a value for \(counts.keys[0]))"
            : "(no statement here has a value for each of \(counts.keys.joined(separator: ", ")))"
        // "total" alone was read as the number of rows: the rows are counted, and the sum of n named.
        let footer = more > 0 ? "… \(more) more rows (\(counts.rows.count) in all; n adds up to \(counts.total))" : counts.rows.isEmpty ? nothing : nil
        return TextTable(headers: counts.keys + ["n"], rows: rows, rightAligned: [counts.keys.count], footer: footer).render()
    }
}
