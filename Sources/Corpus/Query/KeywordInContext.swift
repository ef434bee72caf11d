import Foundation

/// Keywords in context, as quanteda's `kwic` shows them: each place a phrase stands as whole words
/// in a statement's text ("over" in "talks are over", not in "government"), with the words before
/// and after it. Case is ignored, as `matching` ignores it, and the phrase is shown as written.
public struct KeywordInContext: Sendable, Equatable {
    public let row: Int
    public let before: String
    public let match: String
    public let after: String

    /// Every occurrence of `phrase` in the texts of `selection`'s rows, in their order, with up to
    /// `window` characters each side (cut to a whole word where one fits, "…" where cut); at most
    /// `limit` of them, and whether there were more.
    public static func find(_ phrase: String, in selection: Selection, window: Int, limit: Int) -> (found: [KeywordInContext], more: Bool) {
        var found: [KeywordInContext] = []
        let texts = selection.corpus.statements.texts
        let rows = selection.containing(phrase: phrase)
        for i in 0..<rows.count {
            let row = rows.row(at: i)
            let text = texts[row]
            var from = text.startIndex
            while let range = wordRange(of: phrase, in: text, from: from) {
                if found.count == limit { return (found, true) }
                found.append(KeywordInContext(row: row, before: context(before: range.lowerBound, in: text, window: window),
                                              match: String(text[range]), after: context(after: range.upperBound, in: text, window: window)))
                from = range.upperBound
            }
        }
        return (found, false)
    }

    /// The first place at or after `from` where `phrase` stands as whole words in `text`, case ignored.
    static func wordRange(of phrase: String, in text: String, from: String.Index) -> Range<String.Index>? {
        var from = from
        while let range = text.range(of: phrase, options: [.caseInsensitive], range: from..<text.endIndex) {
            if isWord(range, in: text) { return range }
            from = text.index(after: range.lowerBound)
        }
        return nil
    }

    /// Whether `range` stands as whole words: no letter or digit just before or just after it.
    static func isWord(_ range: Range<String.Index>, in text: String) -> Bool {
        func joins(_ c: Character) -> Bool { c.isLetter || c.isNumber }
        if range.lowerBound > text.startIndex, joins(text[text.index(before: range.lowerBound)]), joins(text[range.lowerBound]) { return false }
        if range.upperBound < text.endIndex, joins(text[range.upperBound]), joins(text[text.index(before: range.upperBound)]) { return false }
        return true
    }

    /// Up to `window` characters before `end`, starting at a word where one starts within them
    /// (the space before the keyword left out: the view's columns part them).
    static func context(before end: String.Index, in text: String, window: Int) -> String {
        let start = text.index(end, offsetBy: -window, limitedBy: text.startIndex) ?? text.startIndex
        var piece = text[start..<end]
        while piece.last?.isWhitespace == true { piece = piece.dropLast() }
        guard start > text.startIndex else { return String(piece) }
        if let space = piece.firstIndex(where: \.isWhitespace), piece[space...].dropFirst().contains(where: { !$0.isWhitespace }) {
            piece = piece[piece.index(after: space)...]
        }
        return "…" + piece
    }

    /// Up to `window` characters from `start`, ending at a word's end where one ends within them
    /// (the space after the keyword left out).
    static func context(after start: String.Index, in text: String, window: Int) -> String {
        let end = text.index(start, offsetBy: window, limitedBy: text.endIndex) ?? text.endIndex
        var piece = text[start..<end]
        while piece.first?.isWhitespace == true { piece = piece.dropFirst() }
        guard end < text.endIndex else { return String(piece) }
        if !text[end].isWhitespace, let space = piece.lastIndex(where: \.isWhitespace), piece[..<space].contains(where: { !$0.isWhitespace }) {
            piece = piece[..<space]
        }
        return piece + "…"
    }
}

extension Selection {
    /// The statements whose text has `phrase` as whole words, case ignored ("over" in "talks are
    /// over", not in "government"), as `kwic` finds it: those that contain it at all first (on all
    /// cores), then each checked for a place where it stands as words.
    public func containing(words phrase: String) -> Selection {
        let texts = corpus.statements.texts
        let candidates = containing(phrase: phrase)
        let rows = Parallel.map(count: candidates.count, threshold: 10_000) { part in
            part.map { candidates.row(at: $0) }.filter { row in
                let text = texts[row]
                return KeywordInContext.wordRange(of: phrase, in: text, from: text.startIndex) != nil
            }.map(Int32.init)
        }
        return Selection(corpus: corpus, rows: rows.flatMap { $0 })
    }
}
