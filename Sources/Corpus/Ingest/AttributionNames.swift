/// How news writes the names of speakers: the words of one name, possessives, letters that stand
/// for a body, and whether a name of one word may be a person's.
extension Attribution {
    /// Whether `words[i]` is part of a name: capitalized, or a particle between capitalized words
    /// of one run.
    static func isNameWord<C: RandomAccessCollection>(_ words: C, _ i: C.Index) -> Bool where C.Element == ArticleText.Word {
        if words[i].isCapitalized { return true }
        guard nameParticles.contains(words[i].lowered), i > words.startIndex, words.index(after: i) < words.endIndex else { return false }
        let next = words[words.index(after: i)]
        return words[words.index(before: i)].isCapitalized && next.isCapitalized && !words[i].afterPunctuation && !next.afterPunctuation
    }

    /// The name set off by the comma before `words[comma]` ("…, Keith Kellogg,", "…, NNA."): its
    /// name words, up to punctuation or the words' end; nil unless there are `count` of them.
    static func nameSetOff(_ words: ArraySlice<ArticleText.Word>, at comma: Int, count: ClosedRange<Int>) -> ArraySlice<ArticleText.Word>? {
        guard comma < words.endIndex, words[comma].afterComma else { return nil }
        var end = comma
        while end < words.endIndex, end == comma || !words[end].afterPunctuation, isNameWord(words, end) { end += 1 }
        guard count.contains(end - comma), end == words.endIndex || words[end].afterPunctuation else { return nil }
        return words[comma..<end]
    }

    /// Whether a name of one word may be a person's: capitalized, not letters of a body, not a
    /// country, capital or movement ("Guterres", not "Pakistan", "NATO").
    static func mayBeSurname(_ name: String) -> Bool {
        !name.contains(" ") && name.first?.isUppercase == true && !isAcronym(name) && !placesAndMovements.contains(name.lowercased())
    }

    /// The first letters of a name's capitalized words ("Prime Minister’s Spokesman": "PMS",
    /// "Inter-Services Public Relations": "ISPR"), as its letters are written.
    static func initials(of name: String) -> String {
        String(name.split(whereSeparator: { $0 == " " || $0 == "-" }).compactMap { $0.first }.filter(\.isUppercase))
    }

    /// A word of capitals alone ("UN", "NATO", "ISPR"): a body's letters, never a person's name.
    static func isAcronym(_ word: String) -> Bool {
        word.count >= 2 && word.unicodeScalars.allSatisfy { $0.properties.isUppercase || $0 == "." }
    }

    /// ("Pakistan’s", "Hamas'": a plural's or a name's in s, with its apostrophe alone.)
    static func isPossessive(_ word: String) -> Bool { word.hasSuffix("’s") || word.hasSuffix("'s") || word.hasSuffix("s’") || word.hasSuffix("s'") }

    /// A possessive word as the name it is of ("Taliban’s": "Taliban"), in the same place.
    static func possessor(_ word: ArticleText.Word) -> ArticleText.Word {
        let mark = word.text.hasSuffix("s’") || word.text.hasSuffix("s'") ? 1 : 2
        let name = String(word.text.dropLast(mark))
        return ArticleText.Word(range: word.range.lowerBound..<word.range.upperBound - mark, text: name,
                                afterPunctuation: word.afterPunctuation, afterComma: word.afterComma)
    }

    /// Whether a word capitalized at a sentence's start is known as a name: named before, a place
    /// or a movement, or letters ("Peace talks …", "Unconfirmed reports …" are capitalized for
    /// opening their sentence alone).
    static func isKnownName(_ word: ArticleText.Word, named: Named) -> Bool {
        named.contains(word.text) || placesAndMovements.contains(word.lowered) || isAcronym(word.text)
    }
}
