/// Subjects that are not a run of names and titles before the verb: a date between them, whose
/// a statement is, letters that stand for a title, someone described, a group, an institution
/// whose name has small words in it.
extension Attribution {
    /// Whether `words[i]` is part of a date between a subject and its verb: a month after a day's
    /// number or a word of when ("on Sunday (12 October)"), or the number before such a month; a
    /// month alone is a name ("Theresa May said").
    static func isPartOfDate<Words: RandomAccessCollection<ArticleText.Word>>(_ words: Words, _ i: Int) -> Bool where Words.Index == Int {
        if RelativeDate.month(words[i].lowered) != nil { return i > words.startIndex && (Int(words[i - 1].text) != nil || between.contains(words[i - 1].lowered)) }
        return Int(words[i].text) != nil && i + 1 < words.endIndex && RelativeDate.month(words[i + 1].lowered) != nil
    }

    /// Whose a statement is ("The Taliban’s statement said", "An army statement said": theirs;
    /// "the statement added": the body's last named), when the words end with one.
    static func documentOwner(_ words: [ArticleText.Word], end: Int, named: Named) -> Speaker? {
        guard documents.contains(words[end - 1].lowered), end >= 2, !words[end - 1].afterPunctuation else { return nil }
        let before = words[end - 2]
        // "The statement said": the body, movement or country last named ("In a separate
        // statement, Hamas insisted …. The statement mentioned that …").
        if before.lowered == "the" {
            return named.lastBody.map { Speaker(name: $0, role: nil, confidence: 0.4, from: before.range.lowerBound) }
        }
        let ownerWords: [ArticleText.Word]
        if isPossessive(before.text) {
            ownerWords = Array(words[..<(end - 2)]) + [possessor(before)]
        } else if bodies.contains(before.lowered) || before.isCapitalized && !openers.contains(before.lowered) {
            // A word capitalized only for opening the sentence is no owner ("Unconfirmed reports said").
            if before.isCapitalized, end == 2 || before.afterPunctuation, !isKnownName(before, named: named), !bodies.contains(before.lowered) { return nil }
            ownerWords = Array(words[..<(end - 1)])
        } else {
            return nil
        }
        return subject(ownerWords, named: named).map { Speaker(name: $0.name, role: $0.role, confidence: min($0.confidence, 0.5), from: $0.from) }
    }

    /// Whose a document is that opens the clause before the verb ("A statement issued by the FO
    /// spokesperson in response to media queries said", "…, a statement released by the three
    /// countries said"): whom "by" names (not "In a statement by X, Y said", which opens with a
    /// preposition). The speaker is from the clause's first word, where what was said before ends.
    static func documentBy(_ words: [ArticleText.Word], end: Int, named: Named) -> Speaker? {
        let clause = words[..<end].lastIndex(where: \.afterPunctuation) ?? 0
        guard let document = words[clause..<end].prefix(4).firstIndex(where: { documents.contains($0.lowered) }),
              !words[clause..<document].contains(where: { prepositions.contains($0.lowered) || cues.contains($0.lowered) })
        else { return nil }
        let from = words[clause].range.lowerBound
        var by = document + 1
        if by < end, issuingVerbs.contains(words[by].lowered) {
            by += 1
            if by < end, words[by].lowered == "out" { by += 1 }
        }
        guard by + 1 < end, words[by].lowered == "by", !words[by + 1].afterPunctuation else { return nil }
        let owner = words[(by + 1)..<end]
        guard var found = describedOwner(owner) ?? object(Array(owner), named: named) else { return nil }
        found.from = from
        return found
    }

    /// Those a document is by, described by a noun ("… released by the three countries", "… by the
    /// Palestinian group on Thursday"), up to where or when; nil for a name.
    static func describedOwner(_ owner: ArraySlice<ArticleText.Word>) -> Speaker? {
        let described = owner.drop { articles.contains($0.lowered) }
            .prefix { !$0.afterPunctuation && !prepositions.contains($0.lowered) && !between.contains($0.lowered) }
        guard (1...4).contains(described.count), let last = described.last, !last.isCapitalized,
              !titles.contains(last.lowered) || bodies.contains(last.lowered) else { return nil }
        return Speaker(name: described.map(\.text).joined(separator: " "), role: nil, confidence: 0.5, from: described.first!.range.lowerBound)
    }

    /// Who puts a document out in a sentence ("Hamas issued a statement on Monday", "The ministry
    /// released a joint communique"): the subject before the verb, whom a later "the statement
    /// said" means (not "a statement issued by X", which `documentBy` reads); or whose document
    /// opens the sentence ("A joint US-Saudi statement welcomed …").
    static func statementIssuer(_ words: [ArticleText.Word], named: Named) -> String? {
        if let document = words.prefix(5).indices.dropFirst().first(where: { documents.contains(words[$0].lowered) }),
           !words[1...document].contains(where: \.afterPunctuation),
           let owner = documentOwner(Array(words[...document]), end: document + 1, named: named), owner.confidence >= 0.5 {
            return owner.name
        }
        guard let verb = words.prefix(12).indices.dropFirst().first(where: { issuingVerbs.contains(words[$0].lowered) && !words[$0].afterPunctuation }),
              !documents.contains(words[verb - 1].lowered),
              words[(verb + 1)...].prefix(4).contains(where: { documents.contains($0.lowered) }),
              let speaker = subject(Array(words[..<verb]), named: named), speaker.confidence >= 0.5 else { return nil }
        return speaker.name
    }

    /// A speaker given by letters: "the Prime Minister’s Spokesman (PMS) said" (the title before
    /// the letters in brackets, which "the PMS" means later), "the PMS said". A body goes by its
    /// letters, as news names it ("The Inter-Services Public Relations (ISPR) said": ISPR).
    static func lettersSubject(_ words: [ArticleText.Word], end: Int, named: Named) -> Speaker? {
        let letters = words[end - 1]
        guard isAcronym(letters.text) else { return nil }
        if end >= 2, letters.afterPunctuation, let full = subject(Array(words[..<(end - 1)]), named: named),
           full.name.split(separator: " ").contains(where: { isPossessive(String($0)) }),
           initials(of: full.name) == letters.text.replacingOccurrences(of: ".", with: "") {
            return full
        }
        return named.first(where: { initials(of: $0) == letters.text }).map { Speaker(name: $0, role: nil, confidence: 0.5, from: letters.range.lowerBound) }
    }

    /// Someone the article does not name, by the words that describe them after "a" ("A senior
    /// U.S. administration official said", "A spokesman for the group claimed"), not the person
    /// last named, as "the official" is; a noun alone after "a" is that noun ("An official said":
    /// an official); after "the", a noun that is no title is the one described so before ("the
    /// diplomat", after "a Saudi diplomat"), or else that noun ("the source"), and a title of a
    /// body or place is the whole phrase ("the spokesman of the Qatari foreign ministry").
    static func describedPerson(_ words: [ArticleText.Word], end: Int, named: Named) -> Speaker? {
        let last = end - 1
        let lastWord = words[last].lowered
        // After "the", the one described so before, or else the noun; with whose the person is in
        // capitals between, the whole phrase ("the African Union mediator said"). (A title, "the
        // spokesman", is read as titles are.)
        if personNouns.contains(lastWord), !titles.contains(lastWord), !words[last].isCapitalized, !words[last].afterPunctuation {
            // "the group’s chief negotiator", "the guerrillas’ lead negotiator": whose, then the noun.
            if last >= 2, let p = (max(1, last - 3)..<last).last(where: { isPossessive(words[$0].text) }), words[p - 1].lowered == "the",
               words[(p + 1)..<last].allSatisfy({ !$0.isCapitalized }), !words[(p + 1)...last].contains(where: \.afterPunctuation) {
                return Speaker(name: words[p...last].map(\.text).joined(separator: " "), role: nil, confidence: 0.5, from: words[p - 1].range.lowerBound)
            }
            // "the guerrilla negotiator", "the rebel commander": a word or two in lower case that say
            // what kind, after whose the person is at most ("the Iranian top diplomat").
            if last >= 2, let the = (max(0, last - 3)..<(last - 1)).last(where: { words[$0].lowered == "the" }),
               words[(the + 1)..<last].allSatisfy({ (!$0.isCapitalized || $0.range == words[the + 1].range && the + 2 < last)
                                                    && !$0.afterPunctuation && !clauseWords.contains($0.lowered) && !isPossessive($0.text) }),
               !words[last].afterPunctuation {
                return Speaker(name: words[(the + 1)...last].map(\.text).joined(separator: " "), role: nil, confidence: 0.5, from: words[the].range.lowerBound)
            }
            var a = last
            while a > 0, last - a < 4, words[a - 1].isCapitalized, !openers.contains(words[a - 1].lowered), !words[a].afterPunctuation { a -= 1 }
            if a > 0, words[a - 1].lowered == "the", !words[a].afterPunctuation {
                let before = a < last ? nil : named.first(where: { isDescribed($0) && ($0 == lastWord || $0.hasSuffix(" " + lastWord)) })
                return Speaker(name: before ?? words[a...last].map(\.text).joined(separator: " "), role: nil, confidence: 0.5, from: words[a - 1].range.lowerBound)
            }
        }
        // ("A source familiar with the talks said", "an official briefed on the talks said": what
        // follows the noun describes them too.)
        let noun = personNouns.contains(words[last].lowered) && !words[last].isCapitalized ? last
            : (max(0, end - 8)..<max(0, end - 2)).last {
                (personNouns.contains(words[$0].lowered) || headTitles.contains(words[$0].lowered)) && describing.contains(words[$0 + 1].lowered)
            }
        guard let noun, !words[(noun + 1)..<end].contains(where: \.afterPunctuation) else { return nil }
        // Back over the words that describe the noun, to "a" or "an".
        var a = noun
        while a > 0, noun - a < 6, !words[a].afterPunctuation, !articles.contains(words[a - 1].lowered),
              !clauseWords.contains(words[a - 1].lowered), !cues.contains(words[a - 1].lowered) { a -= 1 }
        // "Kiev’s representative at the talks in Minsk said": whose the person is opens the description.
        // (Not a title to a place before a name: "Israel's ambassador to the UN Gilad Arad".)
        if a < noun, isPossessive(words[a].text), words[a].isCapitalized, noun + 1 < end, words[noun + 1].lowered != "to" {
            return Speaker(name: words[a..<end].map(\.text).joined(separator: " "), role: nil, confidence: 0.5, from: words[a].range.lowerBound)
        }
        guard a > 0, !words[a].afterPunctuation else { return nil }
        // "the spokesman of the Qatari foreign ministry said", "the Foreign Ministry spokesperson of
        // mediator Qatar said", "the United Nations special envoy to Yemen said": after "the", a title
        // of a body or a place, when no name ends it ("the President of Afghanistan Ashraf Ghani said"
        // names him).
        if words[a - 1].lowered == "the", noun + 2 < end, ["of", "for", "to"].contains(words[noun + 1].lowered), end - noun <= 7 {
            let final = words[end - 1]
            // ("the representative of Kiev at the talks said": whose, then where.)
            let ofPlaceThenWhere = words[noun + 2].isCapitalized && words[(noun + 3)..<end].first.map { ["at", "in"].contains($0.lowered) } == true
            guard !final.isCapitalized && bodies.contains(final.lowered) || placesAndMovements.contains(final.lowered) || isAcronym(final.text)
                    || ofPlaceThenWhere
            else { return nil }
        } else if !["a", "an"].contains(words[a - 1].lowered) {
            return nil
        }
        return Speaker(name: words[a..<end].map(\.text).joined(separator: " "), role: nil, confidence: 0.5, from: words[a].range.lowerBound)
    }

    /// An outlet named before the noun that says it is one ("Egypt’s Qahera TV network reported"):
    /// the name, without whose it is (it found no one).
    static func outletBeforeNoun(_ words: [ArticleText.Word], end: Int) -> Speaker? {
        guard end >= 2, outletWords.contains(words[end - 1].lowered), !manyOutlets.contains(words[end - 1].lowered), !words[end - 1].isCapitalized,
              !words[end - 1].afterPunctuation else { return nil }
        var start = end - 1
        while start > 0, start > end - 6, words[start - 1].isCapitalized, !isPossessive(words[start - 1].text), !openers.contains(words[start - 1].lowered),
              !words[start].afterPunctuation { start -= 1 }
        guard start < end - 1 else { return nil }
        return Speaker(name: words[start..<(end - 1)].map(\.text).joined(separator: " "), role: nil, confidence: 0.7, from: words[start].range.lowerBound)
    }

    /// A group described by what follows its noun ("members of Yemen’s two warring sides told",
    /// "officials from both countries said", "negotiators for both sides said", "two people
    /// involved in the talks said", "sources familiar with the matter said"): "of", "from", "at",
    /// "for" or a describing word after the noun, which opens the phrase (after punctuation, "the"
    /// or the sentence's start, with how many before it); the phrase up to the verb.
    static func describedGroup(_ words: [ArticleText.Word], end: Int) -> Speaker? {
        guard let noun = (max(0, end - 9)..<max(0, end - 2)).last(where: { groups.contains(words[$0].lowered) && groupDescribing.contains(words[$0 + 1].lowered) }),
              !words[(noun + 1)..<end].contains(where: { $0.afterPunctuation || clauseWords.contains($0.lowered) || cues.contains($0.lowered) })
        else { return nil }
        var first = noun
        while first > 0, !words[first].afterPunctuation, groupQualifiers.contains(words[first - 1].lowered) || groupCounts.contains(words[first - 1].lowered)
                || words[first - 1].isCapitalized && !openers.contains(words[first - 1].lowered) { first -= 1 }
        guard first == 0 || words[first].afterPunctuation || words[first - 1].lowered == "the" else { return nil }
        return Speaker(name: words[first..<end].map(\.text).joined(separator: " "), role: nil, confidence: 0.5, from: words[first].range.lowerBound)
    }

    /// What may follow a group's noun and describe it ("officials from …", "people familiar with …"):
    /// what describes a person, and whence ("from"), but not a title's "to" ("envoy to Yemen").
    static let groupDescribing: Set<String> = describing.subtracting(["to"]).union(["from"])
    /// How many of a group speak ("two people involved in the talks").
    static let groupCounts: Set<String> = ["two", "three", "four", "five", "several", "some", "many", "both"]

    /// Words in lower case that say which group ("government delegates", "senior security officials").
    static let groupQualifiers: Set<String> = ["government", "security", "military", "intelligence", "police", "opposition", "rebel",
                                               "senior", "top", "local", "western", "foreign", "army", "defence", "defense", "health",
                                               "tribal", "border", "administration"]

    /// An outlet described, not named: its noun in lower case after the words that say which
    /// ("Iranian state media reported", "Russian news agencies reported", "the state news agency
    /// said"), those words and the noun, back to an article, punctuation or whose it is ("Iran’s
    /// state media"). A noun alone is no one ("media reported").
    static func describedOutlet(_ words: [ArticleText.Word], end: Int) -> Speaker? {
        guard end >= 2, outletNouns.contains(words[end - 1].lowered), !words[end - 1].isCapitalized else { return nil }
        var start = end - 1
        while start > 0, start > end - 6, !words[start].afterPunctuation, !openers.contains(words[start - 1].lowered) {
            let before = words[start - 1]
            guard before.isCapitalized || outletWords.contains(before.lowered) || outletDescriptions.contains(before.lowered) else { break }
            start -= 1
            if isPossessive(before.text) { break }
        }
        guard start < end - 1 else { return nil }
        return Speaker(name: words[start..<end].map(\.text).joined(separator: " "), role: nil, confidence: 0.6, from: words[start].range.lowerBound)
    }

    /// A group that speaks, with whose they are ("Afghan officials", "Afghan and Pakistani
    /// officials"); "the sources" are the group
    /// of that noun named before ("Security sources").
    static func group(_ words: [ArticleText.Word], end: Int, named: Named) -> Speaker? {
        let last = words[end - 1].lowered
        guard groups.contains(last) else { return nil }
        var first = end - 1
        while first > 0, !words[first].afterPunctuation {
            if words[first - 1].isCapitalized && !openers.contains(words[first - 1].lowered) || groupQualifiers.contains(words[first - 1].lowered) {
                first -= 1
            } else if first >= 2, first < end - 1, words[first - 1].lowered == "and", !words[first - 1].afterPunctuation,
                      words[first - 2].isCapitalized, !openers.contains(words[first - 2].lowered) {
                first -= 2   // whose they are, two ("Afghan and Pakistani officials", "the US and Saudi governments")
            } else {
                break
            }
        }
        if first == end - 1, first > 0, words[first - 1].lowered == "the", let group = named.first(where: { $0.lowercased().hasSuffix(" " + last) }) {
            return Speaker(name: group, role: nil, confidence: 0.5, from: words[first].range.lowerBound)
        }
        let name = (words[first..<end - 1].map(\.text) + [last]).joined(separator: " ")
        return Speaker(name: name, role: nil, confidence: 0.5, from: words[first].range.lowerBound)
    }

    /// A person given a title of a body or a place, then their name ("Spokesman for the Armenian
    /// Ministry of Foreign Affairs Tigran Balayan", "Head of Sudan’s delegation Mohamed Bashir
    /// Abu-Namo", "UN Special Envoy for Syria Staffan de Mistura", "Director of the Center for
    /// Conflict and Humanitarian Studies in Qatar Sultan Barakat"): the name after the body's noun
    /// or the place, the role up to it and back to the title's first word ("UN Special Envoy").
    /// (The whole phrase was taken for an institution's name, or "Ministry Aykhan Hajizada" and
    /// "Syria Staffan de Mistura" for the person's, or the role was lost.)
    static func titledByBody(_ words: [ArticleText.Word], end: Int) -> Speaker? {
        // The name: two to four capitalized words (with a particle: "de") that are no title, body,
        // portfolio or place.
        func mayBeName(_ i: Int) -> Bool {
            let w = words[i].lowered
            return isNameWord(words, i) && !isPossessive(words[i].text) && !titles.contains(w) && !bodies.contains(w) && !portfolios.contains(w)
                && !placesAndMovements.contains(w) && !institutions.contains(w)
        }
        var n = end
        while n > 0, end - n < 4, mayBeName(n - 1), n == end || !words[n].afterPunctuation { n -= 1 }
        guard end - n >= 2, n >= 3, words[n].isCapitalized, !words[n].afterPunctuation else { return nil }
        // The body's noun ("delegation", "Ministry", "Affairs") or the place ("Syria").
        let last = words[n - 1]
        guard bodies.contains(last.lowered) || last.isCapitalized && (portfolios.contains(last.lowered) || institutions.contains(last.lowered)
                                                                      || placesAndMovements.contains(last.lowered)) else { return nil }
        // Back over the body's name to "of", "for", "to", "in" or "at" after a title.
        var i = n - 1
        while i > 0, n - i < 12, !words[i].afterPunctuation, words[i - 1].isCapitalized || titleSmallWords.contains(words[i - 1].lowered) {
            if ["of", "for", "to", "in", "at"].contains(words[i - 1].lowered), i >= 2, titles.contains(words[i - 2].lowered), !words[i - 1].afterPunctuation {
                var from = i - 2
                while from > 0, !words[from].afterPunctuation, words[from - 1].isCapitalized, !openers.contains(words[from - 1].lowered),
                      !isPossessive(words[from - 1].text) { from -= 1 }
                return Speaker(name: words[n..<end].map(\.text).joined(separator: " "), role: words[from..<n].map(\.text).joined(separator: " "),
                               confidence: 0.8, from: words[from].range.lowerBound)
            }
            i -= 1
        }
        return nil
    }

    /// An institution whose name has small words in it ("The International Organization for
    /// Migration says", "the Office for the Coordination of Humanitarian Affairs", "the Committee to
    /// Protect Journalists"): capitals and "for", "of", "to", "on", "the", "and" back to a noun of
    /// institutions before one of those small words, not across punctuation.
    static func institution(_ words: [ArticleText.Word], end: Int) -> Speaker? {
        guard end >= 3, words[end - 1].isCapitalized else { return nil }
        var start = end - 1
        var sawSmall = false, named = false
        while start > 0, !words[start].afterPunctuation {
            let before = words[start - 1]
            if before.isCapitalized {
                if sawSmall, institutions.contains(before.lowered) { named = true }
            } else if !smallNameWords.contains(before.lowered) {
                break
            } else {
                sawSmall = true
            }
            start -= 1
        }
        while start < end, !words[start].isCapitalized || openers.contains(words[start].lowered) { start += 1 }
        guard named, start < end - 1 else { return nil }
        return Speaker(name: words[start..<end].map(\.text).joined(separator: " "), role: nil, confidence: 0.7, from: words[start].range.lowerBound)
    }

    /// Words after a noun for a person that go on describing them ("a spokesman for the group",
    /// "a source familiar with the talks").
    static let describing: Set<String> = ["for", "of", "familiar", "briefed", "close", "involved", "with", "at", "to"]

    /// Titles that are someone's place at the head of a body, which "of" or "for" may follow as
    /// a described person's nouns do ("the head of the Afghan delegation", "a representative of
    /// the Taliban").
    static let headTitles: Set<String> = ["head", "chief", "leader", "representative", "envoy", "ambassador", "director",
                                          "chairman", "chairwoman", "coordinator"]

    /// Nouns that name an institution, before the small words of its name.
    static let institutions: Set<String> = [
        "organization", "organisation", "office", "committee", "commission", "commissioner", "council", "agency", "fund",
        "programme", "program", "institute", "union", "league", "court", "department", "bureau", "association", "federation",
        "front", "movement", "centre", "center", "coalition", "alliance", "board", "authority", "ministry", "tribunal", "mission",
        "observatory", "foundation", "forum", "network", "society", "conference", "assembly", "parliament", "secretariat",
    ]
}
