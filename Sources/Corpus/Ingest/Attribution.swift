/// Who a sentence says spoke: the words of English news attribution (PARC's cue verbs, the titles
/// that come before a name) and how a subject is read from the words before its verb.
enum Attribution {
    /// Whether the words after a cue only say to whom, where or when it was said: nothing of a
    /// clause, and opening with a preposition, a word of when, or whom it was told to.
    static func isTail(_ words: ArraySlice<ArticleText.Word>, cue: String, upTo limit: Int = 8) -> Bool {
        guard let first = words.first else { return true }
        let told = isTelling(cue)
        // "…, a source close to the talks said and the United Nations confirmed": a second attribution.
        if first.lowered == "and", words.count >= 3, words.count <= limit, let last = words.last, cues.contains(last.lowered),
           !words.dropFirst().contains(where: { $0.afterPunctuation || clauseWords.contains($0.lowered) }) { return true }
        // "…, Reuters reported, quoting officials": whose words the outlet reports (not "reported,
        // citing officials, that …").
        if sourcing.contains(first.lowered), words.count <= limit { return !words.contains { $0.lowered == "that" } }
        guard words.count <= limit else { return false }
        // A clause's subject ("said on Sunday his country agreed to …"): "his" not after a preposition.
        if words.indices.dropFirst().contains(where: { possessiveDeterminers.contains(words[$0].lowered)
                                                       && !(prepositions.contains(words[$0 - 1].lowered) || ["with", "of", "by"].contains(words[$0 - 1].lowered)) }) {
            return false
        }
        // An article right after when ("said on Monday the talks went well", "said Monday the …")
        // opens what was said, as "his" does.
        if words.indices.dropFirst().contains(where: { articles.contains(words[$0].lowered) && !prepositions.contains(words[$0 - 1].lowered)
                                                       && (between.contains(words[$0 - 1].lowered) || isPartOfDate(words, $0 - 1)) }) {
            return false
        }
        // A clause's word in lower case: "May" in "said on May 4" is the month.
        return !words.contains { clauseWords.contains($0.lowered) && !$0.isCapitalized }
            && (prepositions.contains(first.lowered) || between.contains(first.lowered) || told && (first.isCapitalized || tailWords.contains(first.lowered)))
    }

    /// Whether a verb of saying is "tell" ("told", "tells", "telling"): whom it was told to follows it.
    /// ("informed the press that …", "assured reporters that …": the same.)
    static func isTelling(_ cue: String) -> Bool {
        cue.hasPrefix("tol") || ["tell", "tells", "telling", "informed", "informs", "informing", "assured", "assures", "reminded", "reminds"].contains(cue)
    }

    /// Whether a word may be part of whom something was told to ("told the Russian news agency
    /// RIA", "told reporters"): a name, an outlet's word, or a word of the tail.
    static func isRecipientWord(_ word: ArticleText.Word) -> Bool {
        word.isCapitalized || outletWords.contains(word.lowered) || tailWords.contains(word.lowered)
    }

    /// Whether the word at `k` is a verb of saying (or its participle, with `participles`): not
    /// when it is written with a capital inside a sentence, as in a name ("the United States
    /// said") or a heading's title case ("Ceasefire Holds, with a Warning: …").
    static func isCue(_ words: [ArticleText.Word], _ k: Int, participles allowed: Bool = false) -> Bool {
        let word = words[k]
        guard cues.contains(word.lowered) || allowed && participles.contains(word.lowered) || readingVerbs.contains(word.lowered) else { return false }
        // "the statement reads", "the letter read: …": a document's words; not "he read the statement", "read out by".
        if readingVerbs.contains(word.lowered) {
            return k > 0 && documents.contains(words[k - 1].lowered) && !word.afterPunctuation && !word.isCapitalized
                && (k + 1 == words.count || words[k + 1].afterPunctuation || words[k + 1].lowered == "that")
        }
        // A verb of two words: "pointed out", not "pointed a gun".
        if withOut.contains(word.lowered), !(k + 1 < words.count && words[k + 1].lowered == "out") { return false }
        // "…, Anadolu reports.", "Reuters reports that …": an outlet's verb after its name; not the
        // noun ("media reports said", "reports of shelling").
        if word.lowered == "reports", k == 0 || !words[k - 1].isCapitalized
            || k + 1 < words.count && !words[k + 1].afterPunctuation && words[k + 1].lowered != "that" { return false }
        // "A senior Israeli official, asked about Naim's comments, said": asked, not asking.
        if word.lowered == "asked", word.afterComma, k + 1 < words.count,
           ["about", "whether", "if", "why", "what", "how", "when", "on", "for", "by"].contains(words[k + 1].lowered) { return false }
        // "expressed deep concern", not "expressed the goods"; after a quotation, "he expressed
        // in a post on X" (where, and nothing expressed).
        if expressing.contains(word.lowered), expressedThing(words, after: k) == nil,
           !(k + 1 == words.count || words[k + 1].afterPunctuation || ["in", "on", "via"].contains(words[k + 1].lowered)) { return false }
        // "in statement posted on X", "a message posted on Telegram": how a document was put out, not
        // a verb of saying of its own; nor "Hamas posted a statement on Telegram": the document,
        // whose words come after.
        if issuingVerbs.contains(word.lowered), k > 0 && documents.contains(words[k - 1].lowered) && !word.afterPunctuation
            || words[(k + 1)...].prefix(3).prefix(while: { !$0.afterPunctuation }).contains(where: { documents.contains($0.lowered) }) { return false }
        // "the PM was asked about …", "he was told": the subject did not speak.
        // ("is saying", "was telling reporters" are the subject's own words.)
        if k > 0, !word.lowered.hasSuffix("ing"), ["was", "were", "is", "are", "been", "being"].contains(words[k - 1].lowered),
           !words[k].afterPunctuation { return false }
        // "concluded" says something only before "that" or at its clause's end ("“…,” Balayan
        // concluded"; not "concluded the deal").
        if word.lowered == "concluded", k + 1 < words.count, !words[k + 1].afterPunctuation, words[k + 1].lowered != "that" { return false }
        // "added" with a thing added ("gains have added impetus to …"), not words: a noun right after it.
        if word.lowered == "added" || word.lowered == "adds", k + 1 < words.count, !words[k + 1].afterPunctuation, !words[k + 1].isCapitalized {
            let next = words[k + 1].lowered
            if !(clauseWords.contains(next) || prepositions.contains(next) || between.contains(next) || joiners.contains(next)
                 || pronouns.contains(next) || participles.contains(next)) { return false }
        }
        return !(word.isCapitalized && k > 0)
    }

    /// The feeling or view a verb of expressing names, within three words after it and before any
    /// punctuation ("expressed the hope", "voiced deep concern"): its index.
    static func expressedThing(_ words: [ArticleText.Word], after k: Int) -> Int? {
        words.indices.dropFirst(k + 1).prefix(3).prefix { !words[$0].afterPunctuation }.first { expressedThings.contains(words[$0].lowered) }
    }

    struct Speaker {
        var name: String
        var role: String?
        var confidence: Double
        /// Where the words naming the speaker begin in the text (code points): a clause of its
        /// own begins there ("…, while the Taliban claimed …").
        var from: Int? = nil
        /// "he" or "she" when the speaker was found by that pronoun: what it tells of them.
        var pronoun: String? = nil
    }

    /// A body named by a noun after its name ("Qatar’s foreign ministry"), which "the ministry"
    /// refers back to; "he" and "she" do not.
    static func isBody(_ name: String) -> Bool {
        let words = name.split(separator: " ").map { $0.lowercased() }
        guard let last = words.last else { return false }
        if bodies.contains(last) && !personNouns.contains(last) { return true }
        // ("Ministry of Information", "Office of the High Commissioner": the body's noun before
        // what it is of.)
        guard let of = words.firstIndex(where: { $0 == "of" || $0 == "for" }), of > 0 else { return false }
        return bodies.contains(words[of - 1]) && !personNouns.contains(words[of - 1])
    }
    /// Whether a speaker's name is one person's: not a body ("Qatar’s foreign ministry") nor a
    /// group ("Security sources"), whom "he" and "she" do not mean.
    static func isOnePerson(_ name: String) -> Bool {
        !isBody(name) && !groups.contains(name.split(separator: " ").last?.lowercased() ?? "") && !name.contains(" and ") && !isAcronym(name)
    }
    /// A person the article does not name, by what it says of them: the last word is no name, or
    /// a phrase of whom they are ("spokesperson of mediator Qatar" is no one whose name ends in Qatar).
    static func isDescribed(_ name: String) -> Bool {
        let words = name.split(separator: " ")
        return !(words.last?.first?.isUppercase ?? false) || words.contains { smallNameWords.contains(String($0)) }
    }

    /// Small words inside a name of several words ("International Organization for Migration",
    /// "Committee to Protect Journalists", "spokesperson of mediator Qatar").
    static let smallNameWords: Set<String> = ["for", "of", "to", "on", "the", "and"]

    /// Small words inside a title of a body or a place ("Spokesman for the Armenian Ministry of
    /// Foreign Affairs", "Director of the Center … in Qatar"): an institution's, and "in" and "at",
    /// which in an institution's name would swallow the place after it.
    static let titleSmallWords: Set<String> = ["for", "of", "to", "in", "at", "the", "and"]

    /// Whether the words open with "according to".
    static func opensAccordingTo(_ words: ArraySlice<ArticleText.Word>) -> Bool {
        words.count >= 2 && words[words.startIndex].lowered == "according" && words[words.startIndex + 1].lowered == "to"
    }

    /// The body named before whose name ends with `noun` ("the ministry": "Qatar’s foreign
    /// ministry"); a title ("the spokesman") is a person's, and not looked for.
    static func namedBody(_ noun: String, named: Named) -> String? {
        guard bodies.contains(noun), !personNouns.contains(noun) else { return nil }
        return named.first { isBody($0) && $0.lowercased().hasSuffix(" " + noun) }
    }

    /// The speaker the words before a cue name, where an inserted phrase may stand between them
    /// (`cueAfterComma`): "Zabihullah Mujahid, the Taliban’s spokesman, said" (the title in it is
    /// the role); "The Inter-Services Public Relations (ISPR), the military’s media wing, said"; "A
    /// senior official, who spoke on condition of anonymity, said"; but "The minister, Ishaq Dar,
    /// said" names the speaker in the insert.
    static func subjectBefore(_ words: [ArticleText.Word], cueAfterComma: Bool, named: Named) -> Speaker? {
        // "The head of diplomacy of the European Union, Josep Borrell, said": the name set off after its title.
        if cueAfterComma, let first = words.first, let person = titleThenName(words, endingWords: true) {
            return Speaker(name: person.name, role: person.role, confidence: 0.8, from: first.range.lowerBound)
        }
        let whole = subject(words, named: named)
        guard var insert = words.indices.last(where: { words[$0].afterComma }), insert > 0 else { return whole }
        if !cueAfterComma {
            // "Lavrov, who had said …, later told": a relative clause set off, then words of when.
            guard words[insert...].allSatisfy({ between.contains($0.lowered) }), let earlier = words.indices[..<insert].last(where: { words[$0].afterComma }),
                  earlier > 0, relatives.contains(words[earlier].lowered) else { return whole }
            insert = earlier
        }
        // "Sultan Barakat, director of the Center …, which had been facilitating the meeting, said": a
        // relative clause set off after the title is not where the subject ends.
        while relatives.contains(words[insert].lowered), let earlier = words.indices[..<insert].last(where: { words[$0].afterComma }), earlier > 0 {
            // ("In a post on X, Turkish Foreign Minister Hakan Fidan, who chaired the negotiation,
            // noted": a phrase of where or when opens the sentence; the name follows it.)
            if adverbialOpeners.contains(words[0].lowered), !words[1..<earlier].contains(where: \.afterComma),
               let person = subject(Array(words[earlier..<insert]), named: named), person.confidence >= 0.7 {
                return person
            }
            insert = earlier
        }
        guard var head = subject(Array(words[..<insert]), named: named) else { return whole }
        if head.confidence >= 0.7 {
            let titleEnd = words.indices[(insert + 1)...].first { words[$0].afterComma } ?? words.endIndex
            if head.role == nil { head.role = titlePhrase(words[insert..<titleEnd]) }
            return head
        }
        if let whole, whole.confidence >= 0.8 { return whole }
        return head
    }

    /// Words that open a relative clause set off by commas ("…, which had been facilitating the meeting,").
    static let relatives: Set<String> = ["which", "who", "whose", "whom", "where"]

    /// Words that are a title ("Afghanistan’s acting foreign minister", "the Taliban chief
    /// spokesman", "director of the South Asia Institute at the Wilson Center", "the chief U.N.
    /// mediator"): titles, names, nouns for people,
    /// bodies, possessives, articles and of/for/at, with a title among them; the title without
    /// the articles and possessives it opens with.
    static func titlePhrase(_ phrase: ArraySlice<ArticleText.Word>) -> String? {
        let joining: Set<String> = ["of", "for", "at", "in"]
        guard phrase.count <= 12, let first = phrase.first, !joining.contains(first.lowered), phrase.contains(where: { titles.contains($0.lowered) }),
              phrase.allSatisfy({ titles.contains($0.lowered) || bodies.contains($0.lowered) || personNouns.contains($0.lowered) || $0.isCapitalized || isPossessive($0.text)
                                  || articles.contains($0.lowered) || joining.contains($0.lowered) })
        else { return nil }
        let kept = phrase.drop { isPossessive($0.text) || articles.contains($0.lowered) || honorifics.contains($0.lowered) }
        return kept.isEmpty ? nil : kept.map(\.text).joined(separator: " ")
    }

    /// The speaker the words before a cue name (`words` ends just before the cue), given the people
    /// and bodies named so far (the last first); nil when they name no one.
    static func subject(_ words: [ArticleText.Word], named: Named) -> Speaker? {
        var end = words.count
        // Words of when, an age after a name ("Khawaja Asif, 75, told"), a date ("on Sunday (12 October)").
        while end > 0, between.contains(words[end - 1].lowered) || words[end - 1].afterComma && Int(words[end - 1].text) != nil
                || isPartOfDate(words, end - 1) { end -= 1 }
        // Where or when between a name and its verb ("Dr Muhammad Faisal during his weekly presser
        // said", "Asif in a television interview said").
        if end >= 3, let p = (max(1, end - 6)..<(end - 1)).first(where: { ["during", "at", "in"].contains(words[$0].lowered) }),
           words[p - 1].isCapitalized, p == 1 || words[p - 2].isCapitalized || words[p - 1].afterPunctuation,   // (a name, not "of Kiev at the talks")
           !words[p].afterPunctuation,
           articles.contains(words[p + 1].lowered) || possessiveDeterminers.contains(words[p + 1].lowered),
           words[(p + 1)..<end].allSatisfy({ !$0.isCapitalized && !$0.afterPunctuation }) { end = p }
        guard end > 0 else { return nil }
        let last = words[end - 1].lowered
        // "We urge …", "I warn …" outside quotation marks: the article's own voice, or a quotation
        // whose marks were lost; no one it names.
        if ["we", "i", "you"].contains(last) { return nil }
        if pronouns.contains(last) {
            // "they" may be a body; "he" and "she" are people (`Named.meant`).
            return named.meant(by: last).map { Speaker(name: $0, role: nil, confidence: 0.6, from: words[end - 1].range.lowerBound, pronoun: last == "they" ? nil : last) }
        }
        // "It said …": the body last named ("Afghan President Ashraf Ghani's office"); with none, read
        // on as a name, so that the statement stays for review.
        if last == "it", let body = named.meant(by: last) {
            return Speaker(name: body, role: nil, confidence: 0.5, from: words[end - 1].range.lowerBound)
        }
        if let found = restrictiveSubject(words, end: end, named: named) ?? bodyOfPortfolio(words, end: end) { return found }
        if let found = documentOwner(words, end: end, named: named) ?? documentBy(words, end: end, named: named) ?? lettersSubject(words, end: end, named: named) ?? titledByBody(words, end: end)
            ?? describedPerson(words, end: end, named: named) ?? group(words, end: end, named: named) ?? describedGroup(words, end: end)
            ?? institution(words, end: end)
            ?? outletBeforeNoun(words, end: end) ?? describedOutlet(words, end: end) {
            return found
        }
        // A body named by a noun after its name ("the Taliban administration said").
        let endsWithBody = bodies.contains(last) && !words[end - 1].isCapitalized
        let (start, portfolioEnd) = nameRun(words, end: end, endsWithBody: endsWithBody)
        if let joint = jointParties(words, end: end) { return joint }
        // "Ehsanullah Ehsan in a telephone call to AFP claimed": whom it was said to is not the
        // subject, the name before the phrase is.
        if start >= 2, start < end, ["to", "with", "by"].contains(words[start - 1].lowered), !words[start].afterPunctuation,
           let phrase = (max(1, start - 9)..<(start - 1)).last(where: { ["in", "on", "at", "during", "via", "through", "over"].contains(words[$0].lowered) }),
           isNameWord(words, phrase - 1), words[phrase..<(start - 1)].allSatisfy({ !$0.isCapitalized && !$0.afterPunctuation }) {
            return subject(Array(words[..<phrase]), named: named)
        }
        // "The Taliban government in Kabul said": the body, not the place it is in.
        var before = start - 1
        if before > 0, words[before].lowered == "the" { before -= 1 }
        // ("the government based in Tripoli said": the body, too.)
        let based = before > 1 && words[before].lowered == "in" && ["based", "headquartered"].contains(words[before - 1].lowered)
        if based { before -= 1 }
        if before > 0, start < end, based || ["in", "of", "from", "at"].contains(words[before].lowered), !words[start].afterPunctuation {
            let body = !words[start..<end].contains(where: { titles.contains($0.lowered) })   // a place, not "… of Foreign Affairs spokesperson X"
                && (bodies.contains(words[before - 1].lowered) || titles.contains(words[before - 1].lowered)
                    || !words[before - 1].isCapitalized && (groups.contains(words[before - 1].lowered) || personNouns.contains(words[before - 1].lowered)))
            // ("Prime Minister Fayez al-Sarraj of the GNA said": the person with a title, not the body.)
            let titledPerson = words[before].lowered == "of" && isNameWord(words, before - 1)
            // ("Dan Reifsnyder from the US told": a person's full name, and where they are from.)
            let personFrom = words[before].lowered == "from" && isNameWord(words, before - 1)
            if body || titledPerson || personFrom, let head = subject(Array(words[..<before]), named: named),
               body || head.role != nil || personFrom && head.name.contains(" ") && isOnePerson(head.name) && !isDescribed(head.name) { return head }
        }
        // "the army’s media wing said": a body described by a word between whose it is and its noun.
        if endsWithBody, start == end - 1, start >= 2, isPossessive(words[start - 2].text), !words[start - 1].isCapitalized,
           !words[start - 1].afterPunctuation, !words[start].afterPunctuation {
            return Speaker(name: words[(start - 2)..<end].map(\.text).joined(separator: " "), role: nil, confidence: 0.5,
                           from: words[start - 2].range.lowerBound)
        }
        // "the Thai prime minister’s office said": a body whose a title is, with the title.
        if endsWithBody, start == end - 1, start >= 1, isPossessive(words[start - 1].text), !words[start].afterPunctuation,
           titles.contains(possessor(words[start - 1]).lowered) {
            var j = start - 1
            while j > 0, start - j < 6, !words[j].afterPunctuation, titles.contains(words[j - 1].lowered) || isNameWord(words, j - 1) && !openers.contains(words[j - 1].lowered) {
                j -= 1
            }
            return Speaker(name: words[j..<end].map(\.text).joined(separator: " "), role: nil, confidence: 0.5, from: words[j].range.lowerBound)
        }
        var run = Array(words[start..<end])
        while let first = run.first, openers.contains(first.lowered) { run.removeFirst() }
        guard let from = run.first?.range.lowerBound else { return nil }
        // A body by a name of capitals ("the Foreign Office", "Pakistan’s Foreign Ministry", "the
        // Pakistan Army"), whose last word is not a name.
        if words[end - 1].isCapitalized, bodies.contains(last), !personNouns.contains(last) {
            return Speaker(name: run.map(\.text).joined(separator: " "), role: nil, confidence: 0.7, from: from)
        }
        // "a senior security official": someone the article does not name, by what it says of them.
        let indefinite = start > 0 && ["a", "an"].contains(words[start - 1].lowered)
        if endsWithBody || indefinite, let found = describedOrBody(words, run: run, end: end, endsWithBody: endsWithBody, indefinite: indefinite, named: named) {
            return found
        }
        // The name: the capitalized words after the last title word; the title: those before, without
        // a possessive ("Pakistan’s").
        let portfolioAt = portfolioEnd.flatMap { e in run.lastIndex { $0.range.lowerBound == words[e].range.lowerBound } }
        let lastTitle = [portfolioAt, run.lastIndex { titles.contains($0.lowered) }].compactMap { $0 }.max()
        var nameWords = run[(lastTitle.map { $0 + 1 } ?? 0)...].filter { $0.isCapitalized || nameParticles.contains($0.lowered) }
        // (Not whose the person is: "Vladimir Putin’s press secretary Dmitry Peskov" is the press secretary.)
        let titleRun = run[..<(lastTitle.map { $0 + 1 } ?? 0)]
        let titleWords = titleRun[((titleRun.lastIndex { isPossessive($0.text) }).map { $0 + 1 } ?? titleRun.startIndex)...]
            .filter { !honorifics.contains($0.lowered) }
        var role = titleWords.isEmpty ? nil : titleWords.map(\.text).joined(separator: " ")
        guard !nameWords.isEmpty else {
            return titleAlone(words, run: run, start: start, end: end, role: role, titleWords: titleWords, named: named)
        }
        // "Afghanistan’s acting foreign minister, Amir Khan Muttaqi": the title before the comma.
        if role == nil, start > 0, words[start].afterComma {
            var i = start
            while i > 0, start - i < 12 {
                i -= 1
                if words[i].afterPunctuation { break }
            }
            if words[i].afterPunctuation { role = titlePhrase(words[i..<start]) }
        }
        // "Ukraine’s Vladimir Zelensky": whose the person is, no part of the name.
        if nameWords.count >= 2, isPossessive(nameWords[0].text), !nameWords.dropFirst().contains(where: { isPossessive($0.text) }) {
            nameWords.removeFirst()
        }
        // "the UN Gilad Erdan", "US Envoy …": an acronym before a name of two words or more is whose the person is.
        if nameWords.count >= 3, isAcronym(nameWords[0].text) {
            role = ((role.map { [$0] } ?? []) + [nameWords[0].text]).joined(separator: " ")
            nameWords.removeFirst()
        }
        // "state TV reported": the broadcaster is the state's, and "state" is no title of it.
        if role?.lowercased() == "state", nameWords.count == 1, outletWords.contains(nameWords[0].lowered) {
            return Speaker(name: "state " + nameWords[0].text, role: nil, confidence: 0.7, from: from)
        }
        let name = nameWords.map(\.text).joined(separator: " ")
        if let full = fullName(of: nameWords, named: named) {
            return Speaker(name: full, role: role, confidence: 0.7, from: from)
        }
        return Speaker(name: name, role: role, confidence: 0.8, from: from)
    }

    /// The person named before whom a surname stands for ("Asif said"), of one word or two ("Qara
    /// Ali said", after Ahmed Qara Ali), compared without case ("Al-Hayya said" at a sentence's
    /// start, after Khalil al-Hayya; "De Mistura said", after Staffan de Mistura). One word may be
    /// a first name too ("Zabihullah said"), but not a country's or a movement's ("Qatar said" is
    /// the country's, not "the spokesperson of mediator Qatar" named before); two words are one
    /// person's only.
    private static func fullName(of nameWords: [ArticleText.Word], named: Named) -> String? {
        let name = nameWords.map(\.text).joined(separator: " "), suffix = " " + name.lowercased()
        switch nameWords.count {
        case 1 where !placesAndMovements.contains(nameWords[0].lowered):
            return named.first { $0.lowercased().hasSuffix(suffix) || $0.hasPrefix(name + " ") && !isDescribed($0) }
        case 2:
            return named.first { $0.lowercased().hasSuffix(suffix) && !isDescribed($0) && isOnePerson($0) }
        default:
            return nil
        }
    }

    /// The run of capitalized words and titles before the verb ("Pakistan’s Defence Minister
    /// Khawaja Asif"): where it starts, and where a title's portfolio ends in it ("Minister for
    /// Information and Broadcasting"): the name is after it.
    private static func nameRun(_ words: [ArticleText.Word], end: Int, endsWithBody: Bool) -> (start: Int, portfolioEnd: Int?) {
        var start = end
        var portfolioEnd: Int?
        while start > 0 {
            // The run does not cross punctuation ("…Geo News, Khawaja Asif said"), nor a day
            // before the name ("Early on Tuesday Majed al-Ansari, a spokesman …, said").
            if start < end && words[start].afterPunctuation || RelativeDate.weekdays.contains(words[start - 1].lowered) { break }
            if isNameWord(words, start - 1) || titles.contains(words[start - 1].lowered) || (start == end && endsWithBody)
                || start < end && bodies.contains(words[start - 1].lowered) && titles.contains(words[start].lowered) && !personNouns.contains(words[start - 1].lowered) {
                // ("foreign ministry spokesperson Nasser Kanaani": a body's title is a title.)
                start -= 1
            } else if start < end, start >= 2, ["of", "for", "and"].contains(words[start - 1].lowered), portfolios.contains(words[start].lowered),
                      titles.contains(words[start - 2].lowered) || portfolios.contains(words[start - 2].lowered)
                        || words[start - 2].isCapitalized && bodies.contains(words[start - 2].lowered),   // "Ministry of Foreign Affairs spokesperson"
                      !words[start - 1].afterPunctuation {
                // A title's "of", "for" or "and", between a title and its portfolio.
                if portfolioEnd == nil {
                    var last = start
                    while last + 1 < end, portfolios.contains(words[last + 1].lowered), !words[last + 1].afterPunctuation { last += 1 }
                    portfolioEnd = last
                }
                start -= 2
            } else {
                break
            }
        }
        return (start, portfolioEnd)
    }

    /// Someone the article does not name, described ("a senior security official"), or a body by
    /// its noun ("the ministry said"), from the run of words before the verb.
    private static func describedOrBody(_ words: [ArticleText.Word], run: [ArticleText.Word], end: Int, endsWithBody: Bool, indefinite: Bool,
                                        named: Named) -> Speaker? {
        let last = words[end - 1].lowered, from = run[0].range.lowerBound
        // A body keeps whose it is ("Qatar’s foreign ministry"); a person described does not.
        let described = run.filter { endsWithBody || !isPossessive($0.text) }.map(\.text).joined(separator: " ")
        if !described.isEmpty, indefinite || run.count > 1 {
            // "The Taliban spokesman said" after "Taliban spokesman Zabihullah Mujahid": the person
            // given that very title (not any spokesman: the Pakistani one is not the Taliban's).
            if !indefinite, let person = named.person(givenTitle: described) { return Speaker(name: person, role: nil, confidence: 0.5, from: from) }
            return Speaker(name: described, role: nil, confidence: 0.5, from: from)
        }
        // "the ministry said": the body of that noun named before; with none, the body by its noun
        // ("The military said", as a title given no one is kept).
        if let body = namedBody(last, named: named) {
            return Speaker(name: body, role: nil, confidence: 0.5, from: from)
        }
        if endsWithBody, !personNouns.contains(last), !groups.contains(last) {
            // "the presidential palace said": the word that says which body is kept.
            if end >= 3, words[end - 3].lowered == "the", !words[end - 2].isCapitalized, !words[end - 2].afterPunctuation, !words[end - 1].afterPunctuation,
               !clauseWords.contains(words[end - 2].lowered), !cues.contains(words[end - 2].lowered), !between.contains(words[end - 2].lowered) {
                return Speaker(name: words[end - 2].text + " " + words[end - 1].text, role: nil, confidence: 0.5, from: words[end - 2].range.lowerBound)
            }
            return Speaker(name: last, role: nil, confidence: 0.5, from: from)
        }
        return nil
    }

    /// A title and no name ("The minister said", "The Taliban-run government’s spokesman said"):
    /// the person given it before, or the title itself.
    private static func titleAlone(_ words: [ArticleText.Word], run: [ArticleText.Word], start: Int, end: Int, role: String?,
                                   titleWords: [ArticleText.Word], named: Named) -> Speaker? {
        let from = run[0].range.lowerBound
        // "The Taliban-run government’s spokesman said": a title whose it is says, not the person last named.
        if start > 0, isPossessive(words[start - 1].text), !words[start].afterPunctuation {
            var j = start - 1
            while j > 0, !words[j].afterPunctuation, words[j - 1].isCapitalized || isPossessive(words[j - 1].text), !openers.contains(words[j - 1].lowered) { j -= 1 }
            let described = words[j..<end].map(\.text).joined(separator: " ")
            return Speaker(name: described, role: nil, confidence: 0.5, from: words[j].range.lowerBound)
        }
        // "the Prime Minister’s Spokesman said": a title whose it is says, inside the run.
        if run.dropFirst().dropLast().contains(where: { isPossessive($0.text) }) {
            return Speaker(name: run.map(\.text).joined(separator: " "), role: nil, confidence: 0.5, from: from)
        }
        // "Yemen’s foreign minister accused …": the title with whose it is (any minister named
        // before may be another country's), unless the person given that very title was named.
        if run.count > 1, isPossessive(run[0].text), let role, !isBody(role) {
            return Speaker(name: named.person(givenTitle: role) ?? run.map(\.text).joined(separator: " "), role: nil, confidence: 0.5, from: from)
        }
        // "The minister said": the person last named, if any; a body ("The Taliban") by its name.
        if let role, titleWords.allSatisfy({ titles.contains($0.lowered) }), !isBody(role), let person = named.person(titled: role) {
            return Speaker(name: person, role: nil, confidence: 0.4, from: from)
        }
        // "The Pakistani foreign minister said" after "Pakistani Foreign Minister Ishaq Dar": the
        // person given that very title, or one it is part of ("the Iranian minister" after
        // "Iranian Foreign Minister Mohammad Javad Zarif").
        if let role, !isBody(role), let person = named.person(givenTitle: role) ?? (role.contains(" ") ? named.person(titled: role) : nil) {
            return Speaker(name: person, role: nil, confidence: 0.5, from: from)
        }
        return role.map { Speaker(name: $0, role: nil, confidence: 0.5, from: from) }
    }

    /// The speaker named after a cue ("says Defence Minister Khawaja Asif"): the title and name
    /// words that follow it.
    static func object(_ words: [ArticleText.Word], named: Named) -> Speaker? {
        // "according to Egypt’s state-linked Al Qahera News TV": the outlet, after whose it is and
        // what kind (it was "Egypt’s").
        if words.count >= 3, isPossessive(words[0].text), let name = words.indices.dropFirst().first(where: { words[$0].isCapitalized }), name > 1,
           words[1...name].allSatisfy({ !$0.afterPunctuation }), words[1..<name].allSatisfy({ outletWords.contains($0.lowered) }) {
            return object(Array(words[name...]), named: named)
        }
        // "according to Afghanistan’s ministry of defence": a body by its portfolio, the whole of it.
        let phraseEnd = words.indices.dropFirst().first(where: { words[$0].afterPunctuation }) ?? words.count
        if let body = bodyOfPortfolio(words, end: phraseEnd), let start = words.firstIndex(where: { $0.range.lowerBound == body.from }), start <= 1 {
            return body
        }
        // "according to her": the person last named.
        if let first = words.first, ["him", "her", "them"].contains(first.lowered), words.count == 1 || words[1].afterPunctuation {
            return named.meant(by: first.lowered == "them" ? "they" : first.lowered).map { Speaker(name: $0, role: nil, confidence: 0.6, from: first.range.lowerBound) }
        }
        // "said a statement by the Tigrayan authorities", "according to figures from the ministry",
        // "says a joint statement released by the two sides": whose the document is.
        if let by = words.prefix(5).firstIndex(where: { ["by", "from", "of"].contains($0.lowered) }), by > 0,
           documents.contains(words[by - 1].lowered) || by > 1 && issuingVerbs.contains(words[by - 1].lowered) && documents.contains(words[by - 2].lowered) {
            let owner = words[(by + 1)...]
            return object(Array(owner), named: named) ?? describedOwner(owner)
        }
        // "according to Lebanon’s official news agency, NNA": an outlet described, then named.
        if let comma = words.prefix(8).indices.dropFirst().first(where: { words[$0].afterComma }), outletWords.contains(words[comma - 1].lowered),
           !manyOutlets.contains(words[comma - 1].lowered), let name = nameSetOff(words[...], at: comma, count: 1...3) {
            return Speaker(name: name.map(\.text).joined(separator: " "), role: nil, confidence: 0.7, from: words[comma].range.lowerBound)
        }
        // "said spokeswoman for the Armenian Foreign Ministry Anna Naghdalyan, commenting …"
        if let person = titledByBody(words, end: words.indices.dropFirst().first(where: { words[$0].afterPunctuation }) ?? words.count) { return person }
        // "according to the statement", "said the army's statement": whose the statement is.
        if let document = words.prefix(4).indices.first(where: { documents.contains(words[$0].lowered) }), document > 0,
           !words[1...document].contains(where: \.afterPunctuation),
           let owner = documentOwner(Array(words[...document]), end: document + 1, named: named) {
            return owner
        }
        // "said the guerrillas’ lead negotiator", "according to the negotiator": someone described by
        // a noun of a person, as a subject is read, when the phrase ends there or at a word of when
        // (not "the spokesperson for the Iranian Foreign Ministry", read below).
        if let first = words.first, articles.contains(first.lowered) {
            let phrase = Array(words.prefix(6).prefix { $0.range == first.range || !$0.afterPunctuation && !prepositions.contains($0.lowered) && !between.contains($0.lowered) })
            let next = phrase.count < words.count ? words[phrase.count] : nil
            if phrase.count >= 2, personNouns.contains(phrase.last!.lowered), next.map({ $0.afterPunctuation || between.contains($0.lowered) }) ?? true,
               let person = subject(phrase, named: named) { return person }
        }
        var words = words[...]
        // "according to a senior official": "a" or "the" before the words tells someone unnamed.
        let article = words.first.map { articles.contains($0.lowered) } ?? false
        if article { words = words.dropFirst() }
        var end = words.startIndex
        while end < words.endIndex, isNameWord(words, end) || titles.contains(words[end].lowered) || bodies.contains(words[end].lowered) {
            end += 1
            if end < words.endIndex, words[end].afterPunctuation { break }
        }
        guard end > words.startIndex else { return nil }
        let run = Array(words[..<end])
        // "according to the International Organization for Migration": an institution whose name has
        // small words in it (the run stopped at "for").
        if end < words.endIndex, smallNameWords.contains(words[end].lowered), !words[end].afterPunctuation {
            let phrase = Array(words.prefix(12).prefix { $0.range == run[0].range || !$0.afterPunctuation && ($0.isCapitalized || smallNameWords.contains($0.lowered)) })
            if let lastCapital = phrase.lastIndex(where: \.isCapitalized), lastCapital >= end - words.startIndex,
               let found = institution(phrase, end: lastCapital + 1), found.from == run[0].range.lowerBound {
                return found
            }
        }
        // "said the ministry": the body of that noun named before.
        if article, run.count == 1, let body = namedBody(run[0].lowered, named: named) {
            return Speaker(name: body, role: nil, confidence: 0.5, from: run[0].range.lowerBound)
        }
        // "according to the US Special Envoy for Ukraine and Russia, Keith Kellogg,", "said the
        // spokesperson of the EU, Peter Stano": a title, then the name set off after it (the title was
        // taken for the speaker, and the name for what was said; read before whom a title is for).
        if article, run.contains(where: { titles.contains($0.lowered) }),
           let comma = words[end...].prefix(8).firstIndex(where: \.afterPunctuation),
           words[end..<comma].allSatisfy({ $0.isCapitalized || titleSmallWords.contains($0.lowered) }),
           let name = nameSetOff(words, at: comma, count: 2...4).map({ $0.map(\.text).joined(separator: " ") }), isOnePerson(name) {
            return Speaker(name: name, role: words[words.startIndex..<comma].map(\.text).joined(separator: " "), confidence: 0.7,
                           from: words[comma].range.lowerBound)
        }
        // "according to the spokesperson for the Iranian Foreign Ministry": whom the title is for.
        if article, run.allSatisfy({ !$0.isCapitalized }), end < words.endIndex, ["for", "of"].contains(words[end].lowered), !words[end].afterPunctuation {
            var last = end + 1
            if last < words.endIndex, words[last].lowered == "the" { last += 1 }
            let body = words[last...].prefix { $0.isCapitalized && !($0.afterPunctuation && $0.range.lowerBound != words[last].range.lowerBound) }
            if !body.isEmpty {
                // ("a spokesman for the Yemeni rebel group": the body's noun after its name.)
                var bodyEnd = body.endIndex
                if let noun = words[bodyEnd...].prefix(2).prefix(while: { !$0.afterPunctuation && !$0.isCapitalized }).lastIndex(where: { bodies.contains($0.lowered) }) {
                    bodyEnd = noun + 1
                }
                let phrase = words[words.startIndex..<bodyEnd].map(\.text).joined(separator: " ")
                return Speaker(name: phrase, role: nil, confidence: 0.5, from: run[0].range.lowerBound)
            }
        }
        let described = run.filter { !isPossessive($0.text) }.map(\.text).joined(separator: " ")
        // "according to the defense minister": the person named before with that title.
        if article, run.allSatisfy({ titles.contains($0.lowered) }), !isBody(described), let person = named.person(titled: described) {
            return Speaker(name: person, role: nil, confidence: 0.4, from: run[0].range.lowerBound)
        }
        if article, !described.isEmpty, run.allSatisfy({ !$0.isCapitalized || titles.contains($0.lowered) }) || bodies.contains(run.last!.lowered) {
            return Speaker(name: described, role: nil, confidence: 0.5)
        }
        // "said officials from both countries": a group described by what follows its noun.
        if let noun = run.last, groups.contains(noun.lowered), end < words.endIndex, groupDescribing.contains(words[end].lowered) {
            let phrase = Array(words[words.startIndex...].prefix(10).prefix { $0.range.lowerBound == words[words.startIndex].range.lowerBound || !$0.afterPunctuation })
            if let group = describedGroup(phrase, end: phrase.count) { return group }
        }
        guard var speaker = subject(run, named: named) else { return nil }
        // "said Michael Kugelman, director of the South Asia Institute": the title after the name.
        if speaker.role == nil, end < words.endIndex, words[end].afterComma {
            let phrase = words[end...].prefix { $0.range.lowerBound == words[end].range.lowerBound || !$0.afterPunctuation }
            speaker.role = titlePhrase(phrase)
        }
        return speaker
    }

    /// The subject of a sentence whose verb of saying is a participle: the first run of capitalized
    /// words before it that is a person named before (by surname too), or else one with a title.
    static func sentenceSubject(_ words: [ArticleText.Word], named: Named, fromStart: Bool = false) -> Speaker? {
        // "The Iranian top diplomat also pointed to his meeting with … John Kerry …, saying …": the
        // sentence's own subject, described, not a person named after it.
        if words.count > 3, articles.contains(words[0].lowered),
           let noun = words.prefix(6).indices.dropFirst().first(where: { titles.contains(words[$0].lowered) || personNouns.contains(words[$0].lowered) }),
           noun + 1 < words.count, !words[1...(noun + 1)].contains(where: \.afterPunctuation), !words[noun + 1].isCapitalized,
           !["of", "for", "to", "at", "in"].contains(words[noun + 1].lowered),
           let found = subject(Array(words[...noun]), named: named) {
            return Speaker(name: found.name, role: found.role, confidence: 0.5, from: found.from)
        }
        var withTitle: Speaker?, group: Speaker?
        // (Not inside a name: "Staffan de Mistura".)
        for j in words.indices.dropFirst() where !words[j].isCapitalized && words[j - 1].isCapitalized && !isNameWord(words, j) {
            // A group named by whose it is ("Taliban fighters reportedly attacked …, claiming …").
            if group == nil, groups.contains(words[j].lowered), let found = subject(Array(words[...j]), named: named) {
                group = Speaker(name: found.name, role: nil, confidence: 0.5, from: found.from)
            }
            // A body by whose it is ("Afghan President Ashraf Ghani's office reacted …, blaming …"), not the person.
            if isPossessive(words[j - 1].text), bodies.contains(words[j].lowered), !personNouns.contains(words[j].lowered),
               let found = subject(Array(words[...j]), named: named) {
                return Speaker(name: found.name, role: nil, confidence: 0.5, from: found.from)
            }
            // (Not one of several: "Putin, Hollande and Merkel held a call, urging …" is all three's.)
            if words[j].lowered == "and" { continue }
            guard let found = subject(Array(words[..<j]), named: named) else { continue }
            if let from = found.from, let first = words.firstIndex(where: { $0.range.lowerBound == from }), first > 0, words[first - 1].lowered == "and" { continue }
            if named.contains(found.name) { return Speaker(name: found.name, role: found.role, confidence: 0.5) }
            // A person by a title or a form of address ("Minister Tarar", "Mr. Asif").
            let addressed = words[..<j].suffix(3).contains { honorifics.contains($0.lowered) }
            if withTitle == nil, found.role != nil || addressed { withTitle = Speaker(name: found.name, role: found.role, confidence: 0.5) }
        }
        guard fromStart else { return withTitle ?? group }
        // ("Speaking on the process, Pablo Beltrán, the head of the delegation, said …, stating, “…”":
        // the name after a phrase that opens the sentence.)
        let afterOpening = words.first.map { adverbialOpeners.contains($0.lowered) } == true
            ? words.prefix(12).indices.dropFirst().first(where: { words[$0].afterComma }) : nil
        return withTitle ?? group ?? initialSubject(words, named: named) ?? afterOpening.flatMap { initialSubject(Array(words[$0...]), named: named) }
    }

    /// The name a sentence opens with, after a conjunction at most ("But Johnson refused …,
    /// stating: “…”"): its subject. Not a place after a preposition ("In Kabul, …").
    static func initialSubject(_ words: [ArticleText.Word], named: Named) -> Speaker? {
        var i = 0
        while i < words.count, ["but", "and", "yet", "however", "still", "so", "then"].contains(words[i].lowered) { i += 1 }
        guard i < words.count, words[i].isCapitalized, !openers.contains(words[i].lowered) else { return nil }
        var last = i
        while last + 1 < words.count, !words[last + 1].afterPunctuation,
              isNameWord(words, last + 1) || titles.contains(words[last + 1].lowered) || isPossessive(words[last].text) && bodies.contains(words[last + 1].lowered) {
            last += 1
        }
        // Parties that speak as one ("Colombia and the National Liberation Army released a joint
        // statement, saying …", "Saudi Arabia, the United States and IGAD …"): all of them.
        if let and = words[(last + 1)...].prefix(12).firstIndex(where: { $0.lowered == "and" }) {
            var end = and + 1
            if end < words.count, articles.contains(words[end].lowered) { end += 1 }
            while end < words.count, end - and <= 6, end == and + 1 || !words[end].afterPunctuation,
                  words[end].isCapitalized || ["of", "for"].contains(words[end].lowered) { end += 1 }
            if let joint = jointParties(words, end: end), joint.from == words[i].range.lowerBound {
                return Speaker(name: joint.name, role: nil, confidence: 0.5, from: joint.from)
            }
        }
        // (Not the first of several: "Putin, French President Francois Hollande and German Chancellor
        // Angela Merkel held a call, urging …" is all three's.)
        if last + 1 < words.count, words[last + 1].afterComma,
           let and = words[(last + 1)...].prefix(8).firstIndex(where: { $0.lowered == "and" }), and + 1 < words.count, words[and + 1].isCapitalized,
           words[(last + 1)..<and].allSatisfy({ $0.isCapitalized || titles.contains($0.lowered) }) { return nil }
        guard let found = subject(Array(words[...last]), named: named), found.confidence >= 0.7 || !isOnePerson(found.name) else { return nil }
        // A word of one capital that opens the sentence is a name only if it is known as one: "Peace
        // talks … collapsed …, with envoys angrily accusing …" is no one's, nor "Peace"'s.
        // (A group or body by its noun, "Experts were saying", is one.)
        if last == i, found.name == words[i].text, isOnePerson(found.name), !isKnownName(words[i], named: named) { return nil }
        return Speaker(name: found.name, role: found.role, confidence: 0.5, from: found.from)
    }

    /// "The ministry of defence said", "according to Afghanistan’s ministry of foreign affairs": a
    /// body named in lower case by its portfolio (it was "defence", or the body last named).
    static func bodyOfPortfolio(_ words: [ArticleText.Word], end: Int) -> Speaker? {
        var p = end
        while p > 0, end - p < 4, !words[p - 1].afterPunctuation, portfolios.contains(words[p - 1].lowered) || words[p - 1].lowered == "and" && p < end { p -= 1 }
        guard p < end, p >= 2, portfolios.contains(words[p].lowered), ["of", "for"].contains(words[p - 1].lowered), !words[p - 1].afterPunctuation,
              bodies.contains(words[p - 2].lowered), !personNouns.contains(words[p - 2].lowered),
              !words[p - 2].isCapitalized else { return nil }   // (a name in capitals is read as names are: "US Department of State")
        var start = p - 2
        if start > 0, isPossessive(words[start - 1].text), !words[start].afterPunctuation { start -= 1 }
        let from = start > 0 && words[start - 1].lowered == "the" && !words[start].afterPunctuation ? start - 1 : start
        return Speaker(name: words[start..<end].map(\.text).joined(separator: " "), role: nil, confidence: 0.7, from: words[from].range.lowerBound)
    }

    /// "The rebel delegation that negotiates with the government said", "…, the rebel delegation
    /// that has been formally negotiating peace with the government since Monday, said": a relative
    /// clause not set off by a comma ends the subject at the noun it follows (it was the last noun
    /// of the clause, "government", or no one).
    static func restrictiveSubject(_ words: [ArticleText.Word], end: Int, named: Named) -> Speaker? {
        let clause = words[..<end].lastIndex(where: \.afterPunctuation) ?? 0
        guard let r = words[clause..<end].prefix(8).dropFirst().firstIndex(where: { ["that", "who", "which"].contains($0.lowered) }),
              end - r >= 2, end - r <= 24, !words[r - 1].isCapitalized || r - 1 == clause,   // ("Sources that spoke to Reuters said")
              bodies.contains(words[r - 1].lowered) || groups.contains(words[r - 1].lowered) || personNouns.contains(words[r - 1].lowered),
              let found = subject(Array(words[clause..<r]), named: named) else { return nil }
        return Speaker(name: found.name, role: found.role, confidence: min(found.confidence, 0.5), from: found.from)
    }

    /// "India and Pakistan on Saturday announced …", "The United States and Saudi Arabia
    /// announced", "Saudi Arabia, the United States and IGAD announced", "Colombia and the National
    /// Liberation Army released": two to four parties (countries, movements, bodies named in
    /// capitals, acronyms) speak as one when they open the clause (`words` ends before the verb).
    /// Each party is at most five words; a list that a comma would lengthen by a word that opens
    /// no clause ("In Doha, Qatar and Turkey announced") keeps the parties after the comma.
    static func jointParties(_ words: [ArticleText.Word], end: Int) -> Speaker? {
        /// The party ending before `i` (capitalized words, "of" or "for" inside), and where it
        /// starts with its "the".
        func party(endingAt i: Int) -> (name: ArraySlice<ArticleText.Word>, start: Int)? {
            var first = i
            while first > 0, i - first < 5, first == i || !words[first].afterPunctuation {
                let word = words[first - 1]
                // (Not a word capitalized for opening the sentence: "In Doha, Qatar and Egypt …".)
                if word.isCapitalized && !openers.contains(word.lowered) && !prepositions.contains(word.lowered) {
                    first -= 1
                } else if first < i, first >= 2, ["of", "for"].contains(word.lowered), words[first - 2].isCapitalized {
                    first -= 1
                } else {
                    break
                }
            }
            guard first < i, words[first].isCapitalized else { return nil }
            let name = words[first..<i]
            let last = name.last!
            guard name.contains(where: { placesAndMovements.contains($0.lowered) }) || name.count == 1 && isAcronym(last.text)
                    || bodies.contains(last.lowered) || partyEnds.contains(last.lowered) else { return nil }
            let withArticle = first > 0 && articles.contains(words[first - 1].lowered) && !words[first].afterPunctuation ? first - 1 : first
            return (name, withArticle)
        }
        /// Whether a list starting at `start` opens its clause.
        func opensClause(_ start: Int) -> Bool {
            start == 0 || words[start].afterPunctuation
                || ["but", "yet", "meanwhile", "however", "both", "while", "whereas"].contains(words[start - 1].lowered)
                || documents.contains(words[start - 1].lowered)   // ("In a joint statement Congo and Rwanda reaffirmed …")
        }
        guard let last = party(endingAt: end), last.start >= 2, !words[last.start].afterPunctuation,
              words[last.start - 1].lowered == "and", let first = party(endingAt: last.start - 1) else { return nil }
        var parties = [first.name, last.name]
        var start = first.start
        guard opensClause(start) else { return nil }
        // More parties before, each set off by a comma, while the longer list still opens the clause.
        while parties.count < 4, start > 0, words[start].afterComma, let more = party(endingAt: start), opensClause(more.start) {
            parties.insert(more.name, at: 0)
            start = more.start
        }
        let names = parties.map { $0.map(\.text).joined(separator: " ") }
        return Speaker(name: names.dropLast().joined(separator: ", ") + " and " + names.last!, role: nil, confidence: 0.7,
                       from: parties[0].first!.range.lowerBound)
    }

    /// The last words of parties' names that are none of `bodies`: "the United States", "the
    /// United Kingdom", "the United Nations", "the United Arab Emirates", "Saudi Arabia".
    static let partyEnds: Set<String> = ["states", "kingdom", "nations", "arabia", "league", "alliance"]

    /// Whether the verb at `k` is joined to one before by "and" or "but" ("… reacted to the claim
    /// and said"): its subject is the sentence's.
    static func isJoined(_ words: [ArticleText.Word], _ k: Int) -> Bool { k > 0 && ["and", "but"].contains(words[k - 1].lowered) }
}
