/// Whom later sentences of an article may mean by a pronoun, a surname, a title or a body's noun.
extension Attribution {
    /// The people and bodies an article has named as speakers, the last first, with the title
    /// each was given: "he" and "the defence minister" refer back to them.
    struct Named: Sequence {
        private var names: [String] = []
        private var roles: [String: String] = [:]
        /// "he" or "she", for the people an article has said one of.
        private var pronouns: [String: String] = [:]

        /// The body, movement or country that last spoke ("Hamas insisted …"), or whoever last put
        /// out a statement ("Imran Khan issued a statement"), which "the statement" is likely to be
        /// from; a country is not among `names`, where "he" might take it.
        private(set) var lastBody: String?
        /// Names that "reported" something: outlets ("Saudi broadcaster Al Arabiya reported"), whom
        /// "he" and "she" do not mean.
        private var outlets: Set<String> = []

        var first: String? { names.first }
        func makeIterator() -> IndexingIterator<[String]> { names.makeIterator() }

        mutating func add(_ name: String, role: String?) {
            names.removeAll { $0 == name }
            names.insert(name, at: 0)
            if let role { roles[name] = role.lowercased() }
            // The people of an article, not of a million lines.
            if names.count > 50, let dropped = names.popLast() {
                roles[dropped] = nil
                pronouns[dropped] = nil
            }
        }

        /// Notes a speaker of a statement by the verb it was given: bodies, movements and
        /// countries for "the statement", outlets for "he".
        mutating func noteSpeaker(_ name: String, cue: String?) {
            if Attribution.isBody(name) || Attribution.placesAndMovements.contains(name.lowercased()) || Attribution.isAcronym(name) { lastBody = name }
            if cue == "reported" || cue == "reports" { outlets.insert(name) }
        }

        /// Notes who put out a statement, which a later "the statement said" is from.
        mutating func noteIssuer(_ name: String) { lastBody = name }

        /// Notes that the article said "he" or "she" (or "his", "her") of the person `name`.
        mutating func note(_ name: String, pronoun: String) {
            switch pronoun {
            case "he", "his", "him": pronouns[name] = "he"
            case "she", "her", "hers": pronouns[name] = "she"
            default: break
            }
        }

        /// Whom a pronoun means: "they" the person or body last named, "it" the body last named;
        /// "he" and "she" (and "him", "her") the person last named, rather not one the other was
        /// said of before, if another may be meant.
        func meant(by pronoun: String) -> String? {
            switch pronoun {
            case "they": return first
            // ("Inter-Services Public Relations (ISPR) said …. “…,” it added": a body by its letters too.)
            case "it": return names.first(where: { Attribution.isBody($0) || Attribution.isAcronym($0) })
            case "he", "him", "she", "her":
                let said = ["him": "he", "her": "she"][pronoun] ?? pronoun
                let people = names.lazy.filter { Attribution.isOnePerson($0) && !outlets.contains($0) }
                return people.first { pronouns[$0].map { $0 == said } ?? true } ?? people.first
            default: return nil
            }
        }

        /// The person last named with this title ("the defence minister": Defence Minister
        /// Khawaja Asif; "the minister": any minister); for a title of one word given no one, the
        /// person last named by name.
        func person(titled title: String) -> String? {
            let title = title.lowercased()
            let titleWords = title.split(separator: " ")
            func hasTitle(_ words: String) -> Bool {
                if words == title || words.hasSuffix(" " + title) { return true }
                // ("Minister for Information and Broadcasting" is a minister too; "the Iranian
                // minister" is Iranian Foreign Minister Mohammad Javad Zarif.)
                let roleWords = words.split(separator: " ")
                return titleWords.count == 1 ? roleWords.contains(titleWords[0])
                    : titleWords.last == roleWords.last && titleWords.allSatisfy(roleWords.contains)
            }
            let people = names.lazy.filter(Attribution.isOnePerson)
            // By the title given with the name, or the one a person not named is described by
            // ("the Taliban-run government’s spokesman").
            if let titled = people.first(where: { roles[$0].map(hasTitle) ?? (Attribution.isDescribed($0) && hasTitle($0.lowercased())) }) { return titled }
            // Else the person last named whose title is not known ("Khawaja Asif said …. The minister
            // said"), not one given another ("Opposition spokesman Louay Safi" is no minister).
            return title.contains(" ") ? nil : people.first { !Attribution.isDescribed($0) && roles[$0] == nil }
        }

        /// The person last named with exactly this title ("Taliban spokesman").
        func person(givenTitle title: String) -> String? {
            let title = title.lowercased()
            return names.first { roles[$0] == title && Attribution.isOnePerson($0) }
        }
    }
}

extension Attribution {
    /// A person a sentence is about without quoting them ("António Guterres sought to set the
    /// record straight by re-reading his words"; "Senior State Department official Alice Wells
    /// earlier this week visited Islamabad"), whom a later "he said" may mean: the subject the
    /// sentence opens with, read as a speaker's is, when it is one person's full name of two to four
    /// words, given a title or followed by "his", "her", "he" or "she". Not a body, a group or a
    /// place ("The United Nations sought to end its role"). With the title given, which a later "the
    /// Prime Minister" means.
    static func mentionedPerson(_ sentence: [ArticleText.Word], named: Named) -> (name: String, role: String?, pronoun: String?)? {
        if let person = titleThenName(sentence) { return person }
        // ("Before the press conference, Mujahid had already confirmed …": the subject after a
        // phrase that opens the sentence.)
        var words = sentence
        if let first = sentence.first, adverbialOpeners.contains(first.lowered) || prepositions.contains(first.lowered),
           let comma = sentence.prefix(12).indices.dropFirst().first(where: { sentence[$0].afterComma }) {
            words = Array(sentence[comma...])
        }
        // A person named before, by the one word of the name they were last given ("Mujahid").
        if let only = words.first, words.count > 1, only.isCapitalized, !words[1].isCapitalized, !words[1].afterPunctuation,
           !openers.contains(only.lowered), named.contains(only.text), isOnePerson(only.text), !isAcronym(only.text),
           !placesAndMovements.contains(only.lowered) {
            return (only.text, nil, nil)
        }
        // Where the subject ends: the first word in lower case that is no title nor part of a name.
        // ("Secretary of State Antony Blinken": "of" between capitals is part of a title.)
        guard let end = words.prefix(14).indices.dropFirst().first(where: { i in
                  !words[i].isCapitalized && !titles.contains(words[i].lowered) && !nameParticles.contains(words[i].lowered)
                  && !(["of", "for", "and"].contains(words[i].lowered) && i + 1 < words.count && words[i + 1].isCapitalized) }),
              words[end - 1].isCapitalized, !words[end].afterPunctuation,
              let person = subject(Array(words[..<end]), named: named), person.confidence >= 0.7 else { return nil }
        let name = person.name.split(separator: " ")
        // (A place may be a first name after a title: "Israeli Foreign Minister Israel Katz".)
        guard (2...4).contains(name.count), isOnePerson(person.name), !isDescribed(person.name),
              !name.contains(where: { bodies.contains($0.lowercased()) || groups.contains($0.lowercased()) || titles.contains($0.lowercased()) || isAcronym(String($0)) }),
              !name.enumerated().contains(where: { i, word in placesAndMovements.contains(word.lowercased()) && (person.role == nil || i == name.count - 1) })
        else { return nil }
        let pronoun = words[end...].first(where: { personalWords.contains($0.lowered) })?.lowered
        guard person.role != nil || pronoun != nil else { return nil }
        return (person.name, person.role, pronoun)
    }

    /// "The political chief of Hamas, Ismail Haniyeh, countered …": a title, then the name set off
    /// by commas (two to four capitalized words), then the sentence's verb in lower case; or, with
    /// `endingWords`, the name ends the words (the subject before a verb of saying).
    static func titleThenName(_ words: [ArticleText.Word], endingWords: Bool = false) -> (name: String, role: String?, pronoun: String?)? {
        // (A title may name a body at length: "The chief mediator for the Inter-governmental
        // Authority on Development (IGAD), Seyoum Mesfin, said".)
        guard let comma = words.prefix(14).indices.dropFirst().first(where: { words[$0].afterComma }),
              let after = words.indices.dropFirst(comma + 1).prefix(4).first(where: { words[$0].afterPunctuation })
                ?? (endingWords && words.count - comma <= 4 ? words.count : nil),
              (2...4).contains(after - comma), after == words.count || words[after].afterComma && !words[after].isCapitalized,
              words[comma..<after].allSatisfy({ $0.isCapitalized && !isPossessive($0.text) }),
              words[..<comma].contains(where: { titles.contains($0.lowered) || headTitles.contains($0.lowered) }),
              !words[..<comma].contains(where: { clauseWords.contains($0.lowered) || cues.contains($0.lowered) }) else { return nil }
        // (The title without whose it is, as a speaker's is kept: "Afghanistan’s acting foreign minister".)
        let titleStart = words[..<comma].lastIndex(where: { isPossessive($0.text) }).map { $0 + 1 } ?? 0
        // (Without the body's letters in brackets after its name.)
        let titleEnd = comma - 1 > titleStart && words[comma - 1].afterPunctuation && isAcronym(words[comma - 1].text) ? comma - 1 : comma
        let role = words[titleStart..<titleEnd].drop { articles.contains($0.lowered) }.map(\.text).joined(separator: " ")
        guard !role.isEmpty else { return nil }
        let name = words[comma..<after].map(\.text).joined(separator: " ")
        guard isOnePerson(name), !words[comma..<after].contains(where: { titles.contains($0.lowered) || bodies.contains($0.lowered) || isAcronym($0.text)
                                                                           || placesAndMovements.contains($0.lowered) }) else { return nil }
        return (name, role, nil)
    }

    /// Words after a name that say it is one person's.
    private static let personalWords: Set<String> = ["his", "her", "he", "she"]
}
