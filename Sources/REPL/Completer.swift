import Scripting

/// Tab completion: Lua keywords and globals; fields and methods after `.` and `:`; inside a string
/// where a field is named (`where{speaker = "Kh`), the values of that field in the corpus; and the
/// file names after `.load`, `.run` and `.output`, as a shell completes them.
final class Completer {
    let session: ScriptSession
    static let dotCommands = [".help", ".corpus", ".schema", ".load", ".run", ".timer", ".mode", ".output", ".history", ".quit"]
    /// The dot-commands whose first argument is a file.
    static let fileCommands = [".load ", ".run ", ".output "]

    init(session: ScriptSession) { self.session = session }

    /// Candidates that replace `line[start..<end]` (byte offsets into the UTF-8 line).
    func candidates(line: [UInt8], start: Int, end: Int) -> [String] {
        guard start >= 0, end <= line.count, start <= end else { return [] }
        let word = String(decoding: line[start..<end], as: UTF8.self)
        let before = String(decoding: line[..<start], as: UTF8.self)
        if before.isEmpty && line.first == UInt8(ascii: ".") || before == "." {
            return Self.dotCommands.filter { $0.hasPrefix("." + word) }.map { String($0.dropFirst()) }
        }
        if let command = Self.fileCommands.first(where: { before.hasPrefix($0) }) {
            let typed = String(before.dropFirst(command.count)).drop { $0 == " " } + word
            return typed.contains(" ") ? [] : fileCandidates(typed: String(typed), word: word)
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

    /// The files and folders (ending in `/`) whose path starts with `typed`; candidates replace only
    /// its last `word` (libedit ends words at `/` and `.`). Hidden ones only when asked for, as in a shell.
    private func fileCandidates(typed: String, word: String) -> [String] {
        let folder = typed.lastIndex(of: "/").map { String(typed[...$0]) } ?? ""
        let name = String(typed.dropFirst(folder.count))
        let listed = folder.isEmpty ? "." : (folder as NSString).expandingTildeInPath
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: listed) else { return [] }
        let kept = typed.count - word.count
        return entries.filter { $0.hasPrefix(name) && (name.hasPrefix(".") || !$0.hasPrefix(".")) }.sorted().map { entry in
            var isFolder: ObjCBool = false
            let path = folder + entry
            let isFolderEntry = FileManager.default.fileExists(atPath: (listed as NSString).appendingPathComponent(entry), isDirectory: &isFolder) && isFolder.boolValue
            return String((path + (isFolderEntry ? "/" : "")).dropFirst(kept))
        }
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

    /// `["s", "doc"]` from text ending in `s.doc`, `["statements", "[3]"]` from `statements[3]`; nil
    /// if it does not end in a plain chain of names and whole-number indexes.
    private func namePath(endingAt text: String) -> [String]? {
        guard let range = text.range(of: #"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*|\[[0-9]+\])*$"#, options: .regularExpression) else { return nil }
        if range.lowerBound > text.startIndex {
            let previous = text[text.index(before: range.lowerBound)]
            if previous == "." || previous == ":" || previous == "]" || previous == ")" { return nil }
        }
        var path: [String] = []
        for part in text[range].split(separator: ".") {
            let pieces = part.split(separator: "[")
            path.append(String(pieces[0]))
            path += pieces.dropFirst().map { "[" + $0 }
        }
        return path
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
