/// Whom later sentences of an article may mean by a pronoun, a surname, a title or a body's noun.
extension Attribution {
    /// The people and bodies an article has named as speakers, the last first, with the title
    /// each was given: "he" and "the defence minister" refer back to them.
    struct Named: Sequence {
        private var names: [String] = []
        private var roles: [String: String] = [:]

        var first: String? { names.first }
        func makeIterator() -> IndexingIterator<[String]> { names.makeIterator() }

        mutating func add(_ name: String, role: String?) {
            names.removeAll { $0 == name }
            names.insert(name, at: 0)
            if let role { roles[name] = role.lowercased() }
            // The people of an article, not of a million lines.
            if names.count > 50, let dropped = names.popLast() { roles[dropped] = nil }
        }

        /// The person last named with this title ("the defence minister": Defence Minister
        /// Khawaja Asif; "the minister": any minister); for a title of one word given no one, the
        /// person last named by name.
        func person(titled title: String) -> String? {
            let title = title.lowercased()
            func hasTitle(_ words: String) -> Bool { words == title || words.hasSuffix(" " + title) }
            let people = names.lazy.filter(Attribution.isOnePerson)
            // By the title given with the name, or the one a person not named is described by
            // ("the Taliban-run government’s spokesman").
            if let titled = people.first(where: { roles[$0].map(hasTitle) ?? (Attribution.isDescribed($0) && hasTitle($0.lowercased())) }) { return titled }
            return title.contains(" ") ? nil : people.first { !Attribution.isDescribed($0) }
        }
    }
}

extension Attribution {
    /// A person a sentence is about without quoting them ("António Guterres sought to set the
    /// record straight by re-reading his words"), whom a later "he said" may mean: a full name of
    /// two to four words opening the sentence, after any title, before a word in lower case; a
    /// person by a title or honorific before it, or by "his", "her", "he" or "she" after it. Not a
    /// body, a group or a place ("United Nations", "New York").
    static func mentionedPerson(_ words: [ArticleText.Word]) -> String? {
        var start = 0
        var titled = false
        while start < words.count, words[start].isCapitalized,
              titles.contains(words[start].lowered) || honorifics.contains(words[start].lowered) || isAcronym(words[start].text) {
            titled = true
            start += 1
        }
        var end = start
        while end < words.count, end - start < 5, words[end].isCapitalized, !isPossessive(words[end].text),
              end == start || !words[end].afterPunctuation { end += 1 }
        guard (2...4).contains(end - start), end < words.count, !words[end].isCapitalized, !words[end].afterPunctuation,
              !clauseStarts.contains(words[start].lowered) else { return nil }
        let name = words[start..<end]
        guard !name.contains(where: { bodies.contains($0.lowered) || groups.contains($0.lowered) || placesAndMovements.contains($0.lowered)
                                      || titles.contains($0.lowered) || isAcronym($0.text) }) else { return nil }
        let personal: Set<String> = ["his", "her", "he", "she"]
        guard titled || words[end...].contains(where: { personal.contains($0.lowered) }) else { return nil }
        return name.map(\.text).joined(separator: " ")
    }

    /// Capitalized words that open a sentence and are no name's ("On Tuesday", "The United Nations").
    private static let clauseStarts: Set<String> = ["the", "a", "an", "on", "in", "at", "for", "after", "before", "but", "and", "as",
                                                     "this", "that", "it", "if", "when", "while", "since", "during", "last", "next"]
}
