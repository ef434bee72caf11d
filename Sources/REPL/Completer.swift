import Scripting

/// Tab completion: Lua keywords and globals; fields and methods after `.` and `:`; and, inside a
/// string where a field is named (`where{speaker = "Kh`), the values of that field in the corpus.
final class Completer {
    let session: ScriptSession
    static let dotCommands = [".help", ".corpus", ".schema", ".load", ".run", ".timer", ".mode", ".output", ".history", ".quit"]

    init(session: ScriptSession) { self.session = session }

    /// Candidates that replace `line[start..<end]` (byte offsets into the UTF-8 line).
    func candidates(line: [UInt8], start: Int, end: Int) -> [String] {
        guard start >= 0, end <= line.count, start <= end else { return [] }
        let word = String(decoding: line[start..<end], as: UTF8.self)
        let before = String(decoding: line[..<start], as: UTF8.self)
        if before.isEmpty && line.first == UInt8(ascii: ".") || before == "." {
            return Self.dotCommands.filter { $0.hasPrefix("." + word) }.map { String($0.dropFirst()) }
        }
        if let (quote, opening) = openQuote(before) {
            let typed = String(before[before.index(after: opening)...]) + word
            return stringCandidates(before: String(before[..<opening]), quote: quote, typed: typed, word: word)
        }
        if let last = before.last, last == "." || last == ":" {
            guard let path = namePath(endingAt: String(before.dropLast())) else { return [] }
            return session.memberNames(of: path, method: last == ":").filter { $0.hasPrefix(word) }
        }
        return (LuaSyntax.keywords.sorted() + session.globalNames()).filter { $0.hasPrefix(word) }
    }

    /// The quote character and where it stands, if `text` ends inside an unfinished string literal.
    private func openQuote(_ text: String) -> (Character, String.Index)? {
        var open: (Character, String.Index)?
        var escaped = false
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if let (q, _) = open {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == q { open = nil }
            } else if c == "\"" || c == "'" {
                open = (c, i)
            }
            i = text.index(after: i)
        }
        return open
    }

    /// Values of the field the string belongs to, closed with the quote. `typed` is the string so far;
    /// candidates replace only its last `word`.
    private func stringCandidates(before: String, quote: Character, typed: String, word: String) -> [String] {
        let head = before.trimmingTrailingWhitespace()
        var values: [String]?
        if head.hasSuffix("=") {
            let lhs = String(head.dropLast()).trimmingTrailingWhitespace()
            if let field = fieldName(before: lhs) { values = session.completionValues(forField: field) }
        } else if head.hasSuffix("(") || head.hasSuffix(",") {
            // count_by("…", "…"), distinct("…"), sort_by("…"): field names.
            let call = head.range(of: #"(count_by|distinct|sort_by)\s*\([^()]*$"#, options: .regularExpression)
            if call != nil { values = session.fieldNames() }
        }
        guard let values else { return [] }
        let lowered = typed.lowercased()
        let kept = typed.count - word.count
        return values.filter { $0.lowercased().hasPrefix(lowered) }.map { String($0.dropFirst(kept)) + String(quote) }
    }

    /// `speaker` from `…where{speaker` or `["doc.source"]` from `…{["doc.source"]`.
    private func fieldName(before text: String) -> String? {
        if let range = text.range(of: #"\[\s*["']([A-Za-z_][A-Za-z0-9_.]*)["']\s*\]$"#, options: .regularExpression) {
            return String(text[range]).trimmingCharacters(in: CharacterSet(charactersIn: "[]\"' "))
        }
        if let range = text.range(of: #"[A-Za-z_][A-Za-z0-9_]*$"#, options: .regularExpression) {
            return String(text[range])
        }
        return nil
    }

    /// `["s", "doc"]` from text ending in `s.doc`; nil if it does not end in a plain name chain.
    private func namePath(endingAt text: String) -> [String]? {
        guard let range = text.range(of: #"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$"#, options: .regularExpression) else { return nil }
        if range.lowerBound > text.startIndex {
            let previous = text[text.index(before: range.lowerBound)]
            if previous == "." || previous == ":" || previous == "]" || previous == ")" { return nil }
        }
        return text[range].split(separator: ".").map(String.init)
    }
}

import Foundation

extension String {
    func trimmingTrailingWhitespace() -> String {
        var s = self
        while let last = s.last, last.isWhitespace { s.removeLast() }
        return s
    }
}
