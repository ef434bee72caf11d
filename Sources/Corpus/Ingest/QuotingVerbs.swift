/// Verbs by which an outlet relays someone's words ("quoted … as saying", "was quoted by"): the
/// speaker is whom it quotes, not the outlet.
extension Attribution {
    /// The verbs by which an outlet relays someone's words.
    static let quotingVerbs: Set<String> = ["quoted", "quotes", "cited", "cites", "reported", "reports"]

    /// "ARY News quoted Chaudhary as saying", "the statement reported him as telling", "Fawad was
    /// quoted by state television": a verb of quoting at `k`, whose speaker is its object (or,
    /// passive, its subject), not the outlet that quotes; and where the words after the
    /// attribution's verbs begin.
    static func quotedAs(_ words: [ArticleText.Word], _ k: Int, named: Named) -> (speaker: Speaker, next: Int)? {
        let word = words[k]
        guard quotingVerbs.contains(word.lowered), !word.isCapitalized else { return nil }
        /// Past "as saying" at `i`, if it stands there.
        func pastAsSaying(_ i: Int) -> Int? {
            i + 1 < words.count && words[i].lowered == "as" && participles.contains(words[i + 1].lowered) ? i + 2 : nil
        }
        if k >= 2, ["was", "were", "is", "are"].contains(words[k - 1].lowered), ["quoted", "cited"].contains(word.lowered) {
            // The subject's few words before (not the whole sentence, copied for each such verb).
            guard let speaker = subject(Array(words[max(0, k - 41)..<(k - 1)]), named: named) else { return nil }
            // ("was quoted by Al Anbaa daily as saying …": past the outlet, too.)
            let byOutlet = k + 1 < words.count && words[k + 1].lowered == "by"
                ? words[(k + 2)...].prefix(7).firstIndex(where: { $0.lowered == "as" }).flatMap { asAt in
                    words[(k + 1)...asAt].contains(where: \.afterPunctuation) ? nil : pastAsSaying(asAt) }
                : nil
            return (speaker, pastAsSaying(k + 1) ?? byOutlet ?? k + 1)
        }
        guard let asAt = words[(k + 1)...].prefix(8).firstIndex(where: { $0.lowered == "as" }), asAt > k + 1, let next = pastAsSaying(asAt),
              !words[(k + 1)...asAt].contains(where: \.afterPunctuation) else { return nil }
        let object = words[(k + 1)..<asAt]
        if object.count == 1, ["him", "her"].contains(object.first!.lowered) {
            let pronoun = object.first!
            return named.meant(by: pronoun.lowered).map { (Speaker(name: $0, role: nil, confidence: 0.6, from: pronoun.range.lowerBound, pronoun: pronoun.lowered), next) }
        }
        // ("quoted unnamed U.S. administration officials on Saturday as saying": those described,
        // without when.)
        return (Attribution.object(Array(object), named: named) ?? describedOwner(object)).map { ($0, next) }
    }
}
