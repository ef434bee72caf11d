/// A statement found in an article's text: a draft for an analyst to check and complete.
public struct DraftStatement: Sendable, Equatable {
    /// Who spoke, as the article names them; "unknown" when it does not.
    public var speaker: String
    public var role: String?
    /// direct, indirect, mixed or according_to.
    public var kind: String
    public var cue: String?
    public var text: String
    /// Where `text` stands in the article's text, in code points (the format's `span`).
    public var span: Range<Int>
    public var dateText: String?
    /// The day `dateText` names, counted back from the report's date.
    public var date: String?
    /// How sure the rules are of the speaker: 0.8 for a name next to its verb, less for a
    /// pronoun, a surname alone or a title; 0.2 for no one.
    public var confidence: Double
    /// The numbers the text states with what they count ("58 soldiers").
    public var figures: [Figure] = []
}

/// Finds the statements of an English news article by the rules of attribution news follows, as
/// rule-based quotation extractors do (Quotebank's first pass, PARC's cue verbs): quotations with
/// the name and verb before or after them (“…,” said X; X said: “…”), reported speech (X said that
/// …; X warned …), and "according to X". Pronouns (“…,” he added) are the person last named; a
/// surname alone is the full name met before. What it finds is a draft: status "draft", with a
/// confidence, for an analyst to review.
public enum ArticleStatements {
    public static func find(in body: String, published: CorpusDate? = nil) -> [DraftStatement] {
        find(in: ArticleText(body), published: published)
    }

    /// The statements of `text`; words of a `dateline` ("ISLAMABAD, Oct 19 (Reuters) —") are no
    /// statement's.
    static func find(in text: ArticleText, published: CorpusDate?, dateline: Range<Int>? = nil) -> [DraftStatement] {
        var reader = Reader(text: text, published: published, dateline: dateline)
        let paragraphs = text.paragraphs()
        for paragraph in paragraphs where !isLinkToAnother(text, paragraph) { reader.read(paragraph: paragraph, first: paragraph == paragraphs.first) }
        // In the order of the text: a sentence's quotations are read before its reported speech.
        return reader.found.enumerated().sorted { ($0.element.span.lowerBound, $0.offset) < ($1.element.span.lowerBound, $1.offset) }.map(\.element)
    }

    /// Reads an article's paragraphs in order, remembering what later sentences refer back to: the
    /// people and bodies named, and who was quoted last.
    private struct Reader {
        let text: ArticleText
        let published: CorpusDate?
        let dateline: Range<Int>?
        var found: [DraftStatement] = []
        var named = Attribution.Named()
        /// The speaker of a quotation left open at a paragraph's end: news opens each paragraph of
        /// a long quotation with a mark and closes only the last.
        var leftOpen: Attribution.Speaker?
        /// The speaker of the last paragraph's last statement: a paragraph that is a quotation alone
        /// goes on with it (news quotes a speaker over several paragraphs, or reports them and
        /// then quotes them, and names them once).
        var lastQuoted: Attribution.Speaker?
        /// Whom a paragraph that ends with a verb of saying and a colon introduces ("Khalil said:"):
        /// the quotation that opens the next paragraph is theirs. `introducing` is for the
        /// paragraph being read, from where it starts.
        var introduced: (speaker: Attribution.Speaker, cue: String)?
        var introducing: (speaker: Attribution.Speaker, cue: String, at: Int)?
        /// The statements (indices of `found`) of paragraphs that open a quotation, leave it open
        /// and name no one: news may name the speaker of a quotation of several paragraphs in its
        /// last ("“…¶“…,” he said"), and they are that speaker's.
        var unnamedOpen: [Int] = []

        /// A sentence as read: its words, the day it names, and its quotations, with one left open
        /// at the paragraph's end.
        struct Sentence {
            let range: Range<Int>
            let words: [ArticleText.Word]
            let when: (text: String, date: String?)?
            let quotations: [ArticleText.Quotation]
            /// Where a quotation opens that goes on into the next paragraph.
            let open: Int?
        }

        mutating func read(paragraph: Range<Int>, first: Bool) {
            let trimmed = text.trimmed(paragraph)
            let opensQuotation = !trimmed.isEmpty && text.scalars[trimmed.lowerBound] == "“"
            var previousSpeaker = opensQuotation ? leftOpen : nil
            if previousSpeaker == nil, isQuotationAlone(text, trimmed) { previousSpeaker = lastQuoted }
            leftOpen = nil
            introducing = introduced.map { ($0.speaker, $0.cue, trimmed.lowerBound) }
            introduced = nil
            let foundBefore = found.count
            let headline = isHeadline(text, paragraph, first: first)
            let sentences = text.sentences(in: paragraph)
            // The paragraph's sentence before, when it held no statement ("… waiting for their
            // counterparts. Peskov said this in response to a question").
            var sayingNothing: Range<Int>?
            var endsOpen = false
            var lastWords: [ArticleText.Word] = []   // the last sentence's, for what it introduces
            for range in sentences {
                let statementsBefore = found.count
                let words = text.words(in: range)
                var quotations = text.quotations(in: range)
                let open = range == sentences.last ? unclosedQuotation(text, range, after: quotations.last?.close) : nil
                if let open { quotations.append(ArticleText.Quotation(open: open, close: range.upperBound)) }
                let sentence = Sentence(range: range, words: words, when: RelativeDate.find(in: text, words: words, published: published),
                                        quotations: quotations, open: open)
                read(sentence, headline: headline, previousSpeaker: &previousSpeaker, sayingNothing: sayingNothing)
                sayingNothing = found.count == statementsBefore && !headline ? range : nil
                endsOpen = open != nil
                lastWords = words
            }
            if found.count == foundBefore, !headline, let last = sentences.last { readSpeakerAfterDash(trimmed, lastSentence: last) }
            if !headline, let last = sentences.last { introduced = introduction(last, words: lastWords) }
            goOnUnnamedOpening(foundBefore..<found.count, paragraphStart: trimmed.lowerBound)
            nameUnnamedOpen(opensQuotation: opensQuotation, endsOpen: endsOpen, paragraphStart: trimmed.lowerBound, new: foundBefore..<found.count)
            let last = found.count > foundBefore ? found.last : nil
            // (Or reported: "However, the Prime Minister also emphasized that …" then “We want …”.)
            lastQuoted = last.flatMap { $0.speaker != "unknown" ? Attribution.Speaker(name: $0.speaker, role: nil, confidence: 0.4) : nil }
        }

        /// "Hochstein noted that …" ending a paragraph, then a paragraph that opens with a quotation
        /// no one is named for and goes on "He added that …": the quotation is the speaker's who goes
        /// on in it, when that is who spoke last before it.
        private mutating func goOnUnnamedOpening(_ new: Range<Int>, paragraphStart: Int) {
            guard let before = lastQuoted, let first = new.first, found[first].speaker == "unknown", found[first].kind == "direct",
                  found[first].span.lowerBound <= paragraphStart + 2, new.dropFirst().contains(where: { found[$0].speaker == before.name }) else { return }
            giveGoingOn(first, to: before.name, role: nil)
        }

        /// Gives statement `i`, no one's, to the speaker who goes on with it (confidence 0.4).
        private mutating func giveGoingOn(_ i: Int, to speaker: String, role: String?) {
            found[i].speaker = speaker
            found[i].role = role
            found[i].confidence = 0.4
            found[i].figures = FigureMentions.find(in: text, span: found[i].span, cue: found[i].cue, speaker: speaker)
        }

        /// "Khalil said:", "Ali Hassan Khalil, a close aide to Berri, commented to Reuters:", "…, he
        /// addressed the media, emphasizing:": a sentence that ends with a verb of saying (and
        /// whom, where or when) and a colon introduces what follows it; its speaker and verb.
        private func introduction(_ sentence: Range<Int>, words: [ArticleText.Word]) -> (speaker: Attribution.Speaker, cue: String)? {
            let trimmed = text.trimmed(sentence)
            guard !trimmed.isEmpty, text.scalars[trimmed.upperBound - 1] == ":" else { return nil }
            guard let k = words.indices.suffix(10).last(where: { Attribution.isCue(words, $0, participles: true) }),
                  Attribution.isTail(words[(k + 1)...], cue: words[k].lowered) else { return nil }
            let before = Array(words[..<k])
            if Attribution.participles.contains(words[k].lowered) {
                // A participle's subject: the sentence's, or the person a pronoun in its first words means.
                if let subject = Attribution.sentenceSubject(before, named: named, fromStart: true) { return (subject, words[k].lowered) }
                guard let pronoun = before.prefix(12).first(where: { ["he", "she"].contains($0.lowered) }),
                      let person = named.meant(by: pronoun.lowered) else { return nil }
                return (Attribution.Speaker(name: person, role: nil, confidence: 0.6, pronoun: pronoun.lowered), words[k].lowered)
            }
            return Attribution.subjectBefore(before, cueAfterComma: words[k].afterComma, named: named).map { ($0, words[k].lowered) }
        }

        /// "We are potentially preparing a meeting …. First, we need … - Umerov said." or "… - said
        /// Medinsky.": news agencies of Ukraine and Russia write a quotation without marks and its
        /// speaker after a dash at the paragraph's end. The paragraph, with no marks of its own and
        /// no statement found in it, is the speaker's words.
        private mutating func readSpeakerAfterDash(_ paragraph: Range<Int>, lastSentence: Range<Int>) {
            guard !text.scalars[paragraph].contains(where: { "“”\"«»".unicodeScalars.contains($0) }),
                  let dash = text.scalars[lastSentence].lastIndex(where: { "-–—".unicodeScalars.contains($0) }),
                  dash > paragraph.lowerBound, text.scalars[dash - 1] == " ", dash + 1 < lastSentence.upperBound, text.scalars[dash + 1] == " "
            else { return }
            let tail = text.words(in: (dash + 1)..<lastSentence.upperBound)
            // ("- said Medinsky": the speaker after the verb; "- Umerov said": before it, and nothing more
            // than where or when after.)
            guard (2...8).contains(tail.count), let cue = tail.indices.first(where: { Attribution.isCue(tail, $0) }),
                  cue == 0 || Attribution.isTail(tail[(cue + 1)...], cue: tail[cue].lowered) else { return }
            let speaker = cue == 0 ? Attribution.object(Array(tail.dropFirst()), named: named) : Attribution.subject(Array(tail[..<cue]), named: named)
            guard let speaker else { return }
            record(speaker, kind: "direct", cue: tail[cue].lowered, span: paragraph.lowerBound..<(dash - 1), when: nil)
        }

        /// Gives the paragraphs of a quotation left open and no one's (`unnamedOpen`) the speaker
        /// that the paragraph going on with it names for its first quotation; keeps this
        /// paragraph's statements there while the quotation goes on unnamed.
        private mutating func nameUnnamedOpen(opensQuotation: Bool, endsOpen: Bool, paragraphStart: Int, new: Range<Int>) {
            guard opensQuotation else { unnamedOpen = []; return }
            if let first = new.first, !unnamedOpen.isEmpty, found[first].kind == "direct", found[first].speaker != "unknown",
               found[first].span.lowerBound <= paragraphStart + 2 {
                let speaker = found[first]
                for i in unnamedOpen { giveGoingOn(i, to: speaker.speaker, role: speaker.role) }
                unnamedOpen = []
                return
            }
            if endsOpen, !new.isEmpty, new.allSatisfy({ found[$0].speaker == "unknown" && found[$0].kind == "direct" }) {
                unnamedOpen += new
            } else {
                unnamedOpen = []
            }
        }

        /// Reads a sentence: its quotations and who said them, its reported speech, the quotations
        /// no one is named for, and whom it mentions.
        private mutating func read(_ sentence: Sentence, headline: Bool, previousSpeaker: inout Attribution.Speaker?, sayingNothing: Range<Int>?) {
            let quotes = sentence.quotations.filter { text.words(in: $0.inside).count >= 3 }
            let attributed = attribute(quotes, in: sentence, previousSpeaker: &previousSpeaker)
            // A headline's words are the outlet's, not a speaker's.
            let reported = headline ? [] : reported(sentence.words, text: text, sentence: sentence.range, quotations: sentence.quotations,
                                                    usedCues: attributed.usedCues, named: named,
                                                    sentenceSpeaker: attributed.usedCues.isEmpty ? nil : previousSpeaker, previous: sayingNothing)
            for statement in reported {
                record(statement.speaker, kind: statement.kind, cue: statement.cue, span: statement.span, when: sentence.when)
                previousSpeaker = statement.speaker
            }
            // A quotation with no attribution of its own, unless it is part of the reported speech
            // (“… an indefinite phase” in "X announced that the talks had “entered an indefinite
            // phase”"). Nor, when no one goes on, a title in quotation marks (“Afghans Support
            // Pakistan’s Stance”).
            for (quote, speaker) in attributed.unattributed where !reported.contains(where: { $0.span.contains(quote.open) || $0.span.overlaps(quote.inside) })
                && !attributed.mixedSpans.contains(where: { $0.contains(quote.open) }) {
                if speaker == nil, isTitle(text.words(in: quote.inside)) { continue }
                // (Nor a headline's words in quotation marks that no one is named for: "Only Plan B
                // to talks is 'return to war'" is the outlet's, and the article quotes them again.)
                if speaker == nil, headline { continue }
                // A few words quoted in a sentence that goes on ("froze the assets of officials
                // “responsible for …” in a move to …") are the sentence's, not a statement.
                if text.isFragment(quote) { continue }
                record(speaker, kind: "direct", cue: nil, span: quote.inside, when: sentence.when)
                if let speaker { previousSpeaker = speaker }
            }
            // Someone the sentence is about, whom a later "he said" may mean (not the subject of
            // words quoted at its start: “The United Nations is working …,” he added).
            if !headline, let first = sentence.words.first, !sentence.quotations.contains(where: { $0.inside.contains(first.range.lowerBound) }),
               let person = Attribution.mentionedPerson(sentence.words, named: named) {
                named.add(person.name, role: person.role)
                if let pronoun = person.pronoun { named.note(person.name, pronoun: pronoun) }
            }
            // "Hamas issued a statement on Monday": whose "the statement" is in the sentences after.
            if !headline, let issuer = Attribution.statementIssuer(sentence.words, named: named) { named.noteIssuer(issuer) }
            // ("In a statement on X, the Ministry of Information said …", "But in a statement released
            // Saturday, Sudanese army spokesman … dismissed": whose it is, too.)
            let opening = sentence.words.prefix(7).drop { ["but", "and", "meanwhile", "however"].contains($0.lowered) }
            if !headline, opening.first?.lowered == "in", opening.prefix(5).contains(where: { Attribution.documents.contains($0.lowered) }),
               let speaker = reported.first?.speaker, !Attribution.isOnePerson(speaker.name) || speaker.confidence >= 0.7 {
                named.noteIssuer(speaker.name)
            }
        }

        /// The sentence's quotations read with the words each side: each one attributed is
        /// recorded; those with no attribution of their own are returned with the speaker who goes
        /// on, if any, to be recorded unless the reported speech holds them.
        private mutating func attribute(_ quotes: [ArticleText.Quotation], in sentence: Sentence, previousSpeaker: inout Attribution.Speaker?)
            -> (usedCues: Set<Int>, unattributed: [(quote: ArticleText.Quotation, speaker: Attribution.Speaker?)], mixedSpans: [Range<Int>]) {
            let words = sentence.words
            var usedCues = Set<Int>()     // where the cues of quotations stand
            var unattributed: [(quote: ArticleText.Quotation, speaker: Attribution.Speaker?)] = []
            var mixedSpans: [Range<Int>] = []     // clauses that end with their quotation
            for (i, quote) in quotes.enumerated() {
                let afterEnd = i + 1 < quotes.count ? quotes[i + 1].open : sentence.range.upperBound
                let beforeStart = i > 0 ? quotes[i - 1].close + 1 : sentence.range.lowerBound
                // The few words each side an attribution is read from.
                let after = Array(ArticleText.words(words, within: quote.close + 1, afterEnd).prefix(20))
                let before = Array(ArticleText.words(words, within: beforeStart, quote.open).suffix(40))
                // Whether the words before reach back to the sentence's start (its subject may be there).
                let fromStart = i == 0 && before.first?.range.lowerBound == words.first?.range.lowerBound
                // The sentence's words before the quotation outside the few quotations before it:
                // a participle's subject may stand before an earlier quotation ("X described … as
                // “…”, warning that “…”").
                let earlier = quotes[max(0, i - 8)..<i]
                let sentenceBefore = {
                    ArticleText.words(words, within: max(sentence.range.lowerBound, quote.open - 600), quote.open)
                        .filter { word in !earlier.contains { $0.inside.contains(word.range.lowerBound) } }
                }
                // A few words quoted inside a clause that goes on are part of its reported speech,
                // and so are words quoted at its end ("X said that aid “now amounts to a teaspoon,”
                // Anadolu reports": the outlet's verb is the sentence's, not the quotation's own).
                let continuesSpeech = endsReportedSpeech(before, text: text, open: quote.open)
                var attributedAfter = continuesSpeech ? nil : quotedAfter(after, text: text, close: quote.close, named: named)
                let goesOn = previousSpeaker.map { Attribution.Speaker(name: $0.name, role: $0.role, confidence: 0.4) }
                // “…,” the statement added, with no one named who put it out: a speaker named before
                // the quotation comes first ("Asif warned: “…,” the report said"); else it is the
                // statement of whoever went on speaking ("Imran Khan said …. “…,” the statement added").
                var unowned: Found? = nil
                if let found = attributedAfter, found.speaker == nil, let cueAt = found.cueAt, isUnownedDocument(after.prefix { $0.range.lowerBound < cueAt }[...]) {
                    (unowned, attributedAfter) = ((goesOn, found.cue, cueAt), nil)
                }
                let attributedBefore = attributedAfter != nil || text.isFragment(quote) ? nil
                    : quotedBefore(before, text: text, open: quote.open, named: named, fromStart: fromStart,
                                   sentenceBefore: sentenceBefore, sentenceStart: words.first?.range.lowerBound)
                if attributedBefore == nil, let unowned { attributedAfter = unowned }
                guard let attribution = attributedAfter ?? attributedBefore else {
                    // "Khalil said:" ending the paragraph before, and this quotation opening this one.
                    if let intro = introducing, i == 0, text.trimmed(intro.at..<quote.open).isEmpty {
                        record(intro.speaker, kind: "direct", cue: intro.cue, span: quote.inside, when: sentence.when)
                        previousSpeaker = intro.speaker
                        introducing = nil
                        continue
                    }
                    unattributed.append((quote, goesOn))
                    if quote.open == sentence.open { leftOpen = goesOn }
                    continue
                }
                if let cue = attribution.cueAt { usedCues.insert(cue) }
                if attributedAfter != nil, usedCues.count == 1, leadsInto(quote, sentenceBefore(), quotations: sentence.quotations, text: text) {
                    // "The two sides have “begun to discuss …”, the statement said": the clause
                    // the quotation ends is said too.
                    let span = sentence.range.lowerBound..<(quote.close + 1)
                    record(attribution.speaker, kind: "mixed", cue: attribution.cue, span: span, when: sentence.when)
                    mixedSpans.append(span)
                } else {
                    record(attribution.speaker, kind: "direct", cue: attribution.cue, span: quote.inside, when: sentence.when)
                }
                if let speaker = attribution.speaker { previousSpeaker = speaker }
                if quote.open == sentence.open { leftOpen = attribution.speaker }
            }
            return (usedCues, unattributed, mixedSpans)
        }

        /// Keeps a statement, and the speaker for later sentences to refer back to.
        private mutating func record(_ speaker: Attribution.Speaker?, kind: String, cue: String?, span: Range<Int>, when: (text: String, date: String?)?) {
            var span = text.trimmed(span)
            if let dateline, span.lowerBound < dateline.upperBound, span.upperBound > dateline.upperBound {
                span = text.trimmed(dateline.upperBound..<span.upperBound)
            }
            // A quotation's own comma ("Talks are over,") is the article's, not the speaker's.
            while span.count > 0, ",;:".unicodeScalars.contains(text.scalars[span.upperBound - 1]) { span = text.trimmed(span.lowerBound..<span.upperBound - 1) }
            guard text.words(in: span).count >= 2 else { return }
            let who = speaker ?? Attribution.Speaker(name: "unknown", role: nil, confidence: 0.2)
            // People by their full names or described ("the Taliban-run government’s spokesman"),
            // and bodies ("Qatar’s foreign ministry"), which later sentences refer back to ("he
            // added", "the ministry said").
            // One word is a person's name when a title comes with it ("President Obama"), or when it
            // stands beside its verb and is no country's or movement's ("Guterres said"); or it is
            // the title of someone not named ("The spokesperson said …. “…,” he added").
            if who.confidence >= 0.5, who.name.contains(" ") || who.role != nil && who.name.first?.isUppercase == true
                || who.confidence >= 0.7 && Attribution.mayBeSurname(who.name) || Attribution.isBody(who.name) || Attribution.isAcronym(who.name)
                || (Attribution.personNouns.contains(who.name) || Attribution.titles.contains(who.name)) && Attribution.isOnePerson(who.name) {
                named.add(who.name, role: who.role)
            }
            if let pronoun = who.pronoun { named.note(who.name, pronoun: pronoun) }
            if who.confidence >= 0.5 { named.noteSpeaker(who.name, cue: cue) }
            found.append(DraftStatement(speaker: who.name, role: who.role, kind: kind, cue: cue, text: text[span], span: span,
                                        dateText: when?.text, date: when?.date, confidence: who.confidence,
                                        figures: FigureMentions.find(in: text, span: span, cue: cue, speaker: who.name)))
        }
    }

    typealias Found = (speaker: Attribution.Speaker?, cue: String?, cueAt: Int?)

    /// A title in capitals ("Khawaja Asif Declares Talks “Over” Amid Deadlock"): most of its words
    /// capitalized, and no stop at its end. The article's first paragraph may be one in sentence
    /// case ("Border clashes: FO says Pakistan will defend itself"), of twenty words at most.
    static func isHeadline(_ text: ArticleText, _ paragraph: Range<Int>, first: Bool = false) -> Bool {
        // No headline is longer than a few lines: a long paragraph is not read word by word for it.
        guard paragraph.count <= 400 else { return false }
        var end = text.trimmed(paragraph).upperBound
        while end > paragraph.lowerBound, ArticleText.closers.contains(text.scalars[end - 1]) { end -= 1 }
        guard end > paragraph.lowerBound, !".!?:".unicodeScalars.contains(text.scalars[end - 1]) else { return false }
        let words = text.words(in: paragraph)
        return isTitle(words) || first && (3...20).contains(words.count)
    }

    /// A line that links to another story ("Read more: Pakistan says talks with Taliban “over”",
    /// "Also read: …", "Related: …"), as pages copied with their text hold them: its words are
    /// another article's headline, and nobody's statement here.
    static func isLinkToAnother(_ text: ArticleText, _ paragraph: Range<Int>) -> Bool {
        let start = text.trimmed(paragraph).lowerBound
        let head = text[start..<min(paragraph.upperBound, start + 16)].lowercased()
        return linkLabels.contains { head.hasPrefix($0) }
    }

    static let linkLabels = ["read more:", "read also:", "also read:", "read:", "related:", "see also:", "recommended:", "watch:", "listen:",
                             "also see:", "more:", "read more -", "related stories:", "related story:"]

    /// Three words or more, most of them capitalized.
    private static func isTitle(_ words: [ArticleText.Word]) -> Bool {
        words.count >= 3 && words.count { $0.isCapitalized } * 10 >= words.count * 6
    }

    /// Where a “ opens that nothing closes before the sentence's end (after the last quotation's
    /// close), if one does: a quotation going on into the next paragraph.
    private static func unclosedQuotation(_ text: ArticleText, _ sentence: Range<Int>, after close: Int?) -> Int? {
        let from = close.map { $0 + 1 } ?? sentence.lowerBound
        guard from < sentence.upperBound, let open = text.scalars[from..<sentence.upperBound].lastIndex(of: "“"),
              !text.scalars[open..<sentence.upperBound].contains("”") else { return nil }
        return open
    }

    /// Whether only spaces and punctuation stand between `from` and `to`.
    private static func adjacent(_ text: ArticleText, _ from: Int, _ to: Int) -> Bool {
        from <= to && text.scalars[from..<to].allSatisfy { $0.properties.isWhitespace || ",.:;—–-".unicodeScalars.contains($0) }
    }

    /// Whether a paragraph is one quotation and nothing more: it opens with a quotation mark and
    /// ends with one (after a stop at most), with no other mark between.
    private static func isQuotationAlone(_ text: ArticleText, _ paragraph: Range<Int>) -> Bool {
        guard paragraph.count > 2, "“\"".unicodeScalars.contains(text.scalars[paragraph.lowerBound]) else { return false }
        var close = paragraph.upperBound - 1
        if ".!?".unicodeScalars.contains(text.scalars[close]) { close -= 1 }
        guard close > paragraph.lowerBound, "”\"".unicodeScalars.contains(text.scalars[close]) else { return false }
        return !text.scalars[(paragraph.lowerBound + 1)..<close].contains { "“”\"".unicodeScalars.contains($0) }
    }

    /// Whether a quotation goes on the reported speech of a verb before it in its clause ("said
    /// that aid “…”", "emphasizing “…”": no punctuation between the verb and the quotation mark),
    /// or of "According to X," that opens the sentence.
    private static func endsReportedSpeech(_ before: [ArticleText.Word], text: ArticleText, open: Int) -> Bool {
        // "According to Mujahid, “…,” Tolo News reported": the quotation is Mujahid's.
        if before.count >= 3, Attribution.opensAccordingTo(before[...]) { return true }
        guard let last = before.last, let cue = before.indices.last(where: { Attribution.isCue(before, $0, participles: true) }),
              !before[(cue + 1)...].contains(where: \.afterPunctuation) else { return false }
        return text.scalars[last.range.upperBound..<open].allSatisfy { $0.properties.isWhitespace }
    }

    /// Whether the quotation ends a clause that opens the sentence and is not itself an attribution:
    /// two words or more before it outside quotation marks, the last a space before the mark ("The
    /// two sides have “…”"; not "Asked about the talks, “…”" nor "He warned: “…”"), none a verb of saying.
    private static func leadsInto(_ quote: ArticleText.Quotation, _ sentenceBefore: [ArticleText.Word], quotations: [ArticleText.Quotation],
                                  text: ArticleText) -> Bool {
        let sentenceBefore = sentenceBefore.filter { word in !quotations.contains { $0.inside.contains(word.range.lowerBound) } }
        guard sentenceBefore.count >= 2, let last = sentenceBefore.last, last.range.upperBound < quote.open,
              text.scalars[last.range.upperBound..<quote.open].allSatisfy({ $0.properties.isWhitespace }) else { return false }
        return !sentenceBefore.indices.contains { Attribution.isCue(sentenceBefore, $0, participles: true) }
    }

    /// “…,” said X / “…,” X said / “…,” he added.
    private static func quotedAfter(_ after: [ArticleText.Word], text: ArticleText, close: Int, named: Attribution.Named) -> Found? {
        // ("“…,” according to the spokesman, TASS reported": whose words they are is said by "according
        // to", read with the reported speech.)
        guard let first = after.first, adjacent(text, close + 1, first.range.lowerBound), !Attribution.opensAccordingTo(after[...]) else { return nil }
        // “…” — Zabihullah Mujahid: a name after a dash, and nothing more.
        if text.scalars[close + 1..<first.range.lowerBound].contains(where: { $0 == "—" || $0 == "–" }), after.count <= 6,
           after.dropFirst().allSatisfy({ !$0.afterPunctuation }), after.allSatisfy({ $0.isCapitalized || Attribution.titles.contains($0.lowered) }),
           let speaker = Attribution.subject(after, named: named) {
            return (speaker, nil, nil)
        }
        // “…,” Fawad was quoted by state television / the statement reported him as telling X.
        for k in after.indices.prefix(7) {
            if let quoted = Attribution.quotedAs(after, k, named: named) { return (quoted.speaker, after[k].lowered, after[k].range.lowerBound) }
        }
        if Attribution.isCue(after, 0) {
            guard let speaker = Attribution.object(Array(after.dropFirst()), named: named) else { return nil }
            return (speaker, first.lowered, first.range.lowerBound)
        }
        // (Up to sixteen words when a phrase set off ends before the verb, "“…,” the Hamas official,
        // who asked not to be named, told Reuters", or a long title, "“…,” Spokesman for the Armenian
        // Ministry of Foreign Affairs Tigran Balayan said"; "“…” to press him for a deal, Naim said"
        // is what was said going on, read with the reported speech.)
        for k in after.indices.prefix(16) where Attribution.isCue(after, k)
            && (k < 7 || after[k].afterComma || after[..<k].allSatisfy { $0.isCapitalized || Attribution.titleSmallWords.contains($0.lowered) }
                || after.prefix(3).contains { Attribution.documents.contains($0.lowered) }) {   // ("a statement released by the three countries said")
            // ("who asked not to be named": a relative clause's verb, not the attribution's.)
            if k > 0, Attribution.relatives.contains(after[k - 1].lowered) { continue }
            // “…,” he said (to reporters): nothing more; "… he said that …" is speech of its own.
            // The words after the cue, up to the next punctuation or a clause of when ("he told
            // Reuters as he arrived at the United Nations").
            // (Or a relative clause: "he told reporters at Tripoli's sea port which got shelled …".)
            // (Or a participle of saying without its comma: "Araghchi said adding that …".)
            let rest = after[(k + 1)...].prefix { !$0.afterPunctuation && !Attribution.whenClauses.contains($0.lowered) && !Attribution.relatives.contains($0.lowered)
                                                  && !Attribution.participles.contains($0.lowered) }
            // (Where may be long: "added on the sidelines of the 28th Extraordinary Summit of the IGAD
            // Head of State and Government in Addis Ababa".)
            guard rest.count <= 6 && !rest.contains(where: { $0.lowered == "that" }) || Attribution.isTail(rest, cue: after[k].lowered, upTo: 24)
            else { return nil }
            // ("“…,” Edgar Vasquez, a State Department spokesman, said": the name, with the title set off.)
            guard let speaker = Attribution.subjectBefore(Array(after[..<k]), cueAfterComma: after[k].afterComma, named: named) else {
                // “…,” he said, with no person named before: said by someone, not by whoever spoke last (a country).
                if k == 1, Attribution.pronouns.contains(after[0].lowered) || after[0].lowered == "it" { return (nil, after[k].lowered, after[k].range.lowerBound) }
                // “…,” the statement said, with no one named who issued one: said, by whom the reviewer tells.
                if isUnownedDocument(after[..<k]) { return (nil, after[k].lowered, after[k].range.lowerBound) }
                return nil
            }
            return (speaker, after[k].lowered, after[k].range.lowerBound)
        }
        return nil
    }

    /// "the statement", "the document": a document whose owner `Attribution.documentOwner` did not find.
    private static func isUnownedDocument(_ words: ArraySlice<ArticleText.Word>) -> Bool {
        words.count == 2 && words.first!.lowered == "the" && Attribution.documents.contains(words.last!.lowered)
    }

    /// X said: “…” / X told Geo News, “…” / X described it as “…”.
    private static func quotedBefore(_ before: [ArticleText.Word], text: ArticleText, open: Int, named: Attribution.Named, fromStart: Bool,
                                     sentenceBefore: () -> [ArticleText.Word], sentenceStart: Int?) -> Found? {
        guard let last = before.last else { return nil }
        // "Quote from Medinsky: “…”": a page's label for a quotation (Ukrainska Pravda's).
        if fromStart, before.count >= 3, before[0].lowered == "quote", ["from", "by"].contains(before[1].lowered), adjacent(text, last.range.upperBound, open),
           let speaker = Attribution.subject(Array(before.dropFirst(2)), named: named) {
            return (speaker, nil, nil)
        }
        /// The sentence's subject before the word at `i`, found before an earlier quotation too.
        func sentenceSubject(before i: Int) -> Attribution.Speaker? {
            if let found = Attribution.sentenceSubject(Array(before[..<i]), named: named, fromStart: fromStart) { return found }
            let earlier = sentenceBefore().filter { $0.range.lowerBound < before[i].range.lowerBound }
            return Attribution.sentenceSubject(earlier, named: named, fromStart: earlier.first?.range.lowerBound == sentenceStart)
        }
        /// The subject of the verb at `k`: a participle's is the sentence's.
        func subject(ofVerbAt k: Int) -> Attribution.Speaker? {
            guard Attribution.participles.contains(before[k].lowered) || before[k].lowered.hasSuffix("ing") else {
                return Attribution.subjectBefore(Array(before[..<k]), cueAfterComma: before[k].afterComma, named: named)
            }
            return sentenceSubject(before: k)
        }
        // "described the situation as the “…”", "calling the strikes “…”": the words are the subject's.
        if text.scalars[last.range.upperBound..<open].allSatisfy({ $0.properties.isWhitespace }) {
            for k in before.indices.reversed().prefix(9) where Attribution.characterizing.contains(before[k].lowered) && !before[k].isCapitalized {
                guard !before[(k + 1)...].contains(where: \.afterPunctuation) else { break }
                guard let speaker = subject(ofVerbAt: k) else { return nil }
                return (speaker, before[k].lowered, before[k].range.lowerBound)
            }
        }
        guard adjacent(text, last.range.upperBound, open) else { return nil }
        // The cue, then at most a few words of whom it was told to, or where ("told Geo News", "said
        // in a post on X").
        // ("Dr Faisal continued, “…”": a verb that goes on, right before the quotation.)
        for k in before.indices.reversed().prefix(9) where Attribution.isCue(before, k, participles: true)
                || k == before.count - 1 && ["continued", "continues"].contains(before[k].lowered) {
            var object = before[(k + 1)...]
            // "said, as quoted by Tolo News, “…”": the outlet that quotes is no part of it.
            if object.count >= 3, object.first?.lowered == "as", ["quoted", "reported", "cited"].contains(object.dropFirst().first?.lowered ?? "") {
                object = object.dropFirst(2).drop { $0.lowered == "by" }.drop { $0.isCapitalized || $0.lowered == "the" }
            }
            // "stated in a press release that “…”": where, then "that".
            let whereThat = object.last?.lowered == "that" && object.count > 1 && Attribution.isTail(object.dropLast(), cue: before[k].lowered)
            // ("replied succinctly: “…”": how it was said.)
            let isManner = { (word: ArticleText.Word) in !word.isCapitalized && word.lowered.count > 4 && word.lowered.hasSuffix("ly") }
            guard object.allSatisfy({ $0.isCapitalized || $0.lowered == "reporters" || $0.lowered == "that" || isManner($0) })
                    || Attribution.isTail(object, cue: before[k].lowered)
                    || whereThat
            else { return nil }
            // "ISNA quoted an unnamed Iranian diplomat as saying: “…”": whom the outlet quotes.
            if k >= 2, before[k - 1].lowered == "as",
               let quoting = before.indices[max(0, k - 10)..<(k - 1)].last(where: { Attribution.quotingVerbs.contains(before[$0].lowered) }),
               let quoted = Attribution.quotedAs(before, quoting, named: named), quoted.next == k + 1 {
                return (quoted.speaker, before[k].lowered, before[k].range.lowerBound)
            }
            var subject = subject(ofVerbAt: k)
            // "X said … and added: “…”": the sentence's subject, which may stand before an earlier
            // quotation ("X issued a statement welcoming it as a “…” and urged “…”").
            if subject == nil, k > 0, Attribution.isJoined(before, k) { subject = sentenceSubject(before: k - 1) }
            guard let speaker = subject else { return nil }
            return (speaker, before[k].lowered, before[k].range.lowerBound)
        }
        return nil
    }
}
