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

    static func find(in text: ArticleText, published: CorpusDate?) -> [DraftStatement] {
        var found: [DraftStatement] = []
        var named: [String] = []     // people named as speakers, the last first
        func record(_ speaker: Attribution.Speaker?, kind: String, cue: String?, span: Range<Int>, when: (text: String, date: String?)?) {
            var span = text.trimmed(span)
            // A quotation's own comma ("Talks are over,") is the article's, not the speaker's.
            while span.count > 0, ",;:".unicodeScalars.contains(text.scalars[span.upperBound - 1]) { span = text.trimmed(span.lowerBound..<span.upperBound - 1) }
            guard text.words(in: span).count >= 2 else { return }
            let who = speaker ?? Attribution.Speaker(name: "unknown", role: nil, confidence: 0.2)
            if who.confidence >= 0.7, who.name.contains(" ") {
                named.removeAll { $0 == who.name }
                named.insert(who.name, at: 0)
                if named.count > 50 { named.removeLast() }   // the people of an article, not of a million lines
            }
            found.append(DraftStatement(speaker: who.name, role: who.role, kind: kind, cue: cue, text: text[span], span: span,
                                        dateText: when?.text, date: when?.date, confidence: who.confidence,
                                        figures: FigureMentions.find(in: text, span: span, cue: cue, speaker: who.name)))
        }
        for paragraph in text.paragraphs() {
            var previousSpeaker: Attribution.Speaker?
            let headline = isHeadline(text, paragraph)
            for sentence in text.sentences(in: paragraph) {
                let words = text.words(in: sentence)
                let when = RelativeDate.find(in: text, words: words, published: published)
                let quotations = text.quotations(in: sentence)
                let quotes = quotations.filter { text.words(in: $0.inside).count >= 3 }
                var usedCues = Set<Int>()     // where the cues of quotations stand
                var unattributed: [ArticleText.Quotation] = []
                for (i, quote) in quotes.enumerated() {
                    let afterEnd = i + 1 < quotes.count ? quotes[i + 1].open : sentence.upperBound
                    let beforeStart = i > 0 ? quotes[i - 1].close + 1 : sentence.lowerBound
                    // The few words each side an attribution is read from.
                    let after = Array(ArticleText.words(words, within: quote.close + 1, afterEnd).prefix(20))
                    let before = Array(ArticleText.words(words, within: beforeStart, quote.open).suffix(40))
                    var attribution = quotedAfter(after, text: text, close: quote.close, named: named)
                        ?? quotedBefore(before, text: text, open: quote.open, named: named)
                    if attribution == nil, let previous = previousSpeaker {
                        // A quotation that goes on from one attributed in the paragraph.
                        attribution = (Attribution.Speaker(name: previous.name, role: previous.role, confidence: 0.4), nil, nil)
                    }
                    guard let attribution else { unattributed.append(quote); continue }
                    if let cue = attribution.cueAt { usedCues.insert(cue) }
                    record(attribution.speaker, kind: "direct", cue: attribution.cue, span: quote.inside, when: when)
                    if let speaker = attribution.speaker { previousSpeaker = speaker }
                }
                // A headline's words are the outlet's, not a speaker's.
                let reported = headline ? nil : reported(words, text: text, sentence: sentence, quotations: quotations, usedCues: usedCues, named: named,
                                                         sentenceSpeaker: usedCues.isEmpty ? nil : previousSpeaker)
                if let reported {
                    record(reported.speaker, kind: reported.kind, cue: reported.cue, span: reported.span, when: when)
                    previousSpeaker = reported.speaker
                }
                // A quotation no one is named for, unless it is part of the reported speech (“… an
                // indefinite phase” in "X announced that the talks had “entered an indefinite phase”").
                // Nor a title in quotation marks (“Afghans Support Pakistan’s Stance”).
                for quote in unattributed where !(reported.map { $0.span.contains(quote.open) } ?? false) && !isTitle(text, quote.inside) {
                    record(nil, kind: "direct", cue: nil, span: quote.inside, when: when)
                }
            }
        }
        return found
    }

    typealias Found = (speaker: Attribution.Speaker?, cue: String?, cueAt: Int?)

    /// A title in capitals ("Khawaja Asif Declares Talks “Over” Amid Deadlock"): most of its words
    /// capitalized, and no stop at its end.
    static func isHeadline(_ text: ArticleText, _ paragraph: Range<Int>) -> Bool {
        var end = text.trimmed(paragraph).upperBound
        while end > paragraph.lowerBound, ArticleText.closers.contains(text.scalars[end - 1]) { end -= 1 }
        guard end > paragraph.lowerBound, !".!?:".unicodeScalars.contains(text.scalars[end - 1]) else { return false }
        return isTitle(text, paragraph)
    }

    /// Three words or more, most of them capitalized.
    private static func isTitle(_ text: ArticleText, _ range: Range<Int>) -> Bool {
        let words = text.words(in: range)
        return words.count >= 3 && words.count { $0.isCapitalized } * 10 >= words.count * 6
    }

    /// Whether only spaces and punctuation stand between `from` and `to`.
    private static func adjacent(_ text: ArticleText, _ from: Int, _ to: Int) -> Bool {
        from <= to && text.scalars[from..<to].allSatisfy { $0.properties.isWhitespace || ",.:;—–-".unicodeScalars.contains($0) }
    }

    /// “…,” said X / “…,” X said / “…,” he added.
    private static func quotedAfter(_ after: [ArticleText.Word], text: ArticleText, close: Int, named: [String]) -> Found? {
        guard let first = after.first, adjacent(text, close + 1, first.range.lowerBound) else { return nil }
        if Attribution.cues.contains(first.lowered) {
            guard let speaker = Attribution.object(Array(after.dropFirst()), named: named) else { return nil }
            return (speaker, first.lowered, first.range.lowerBound)
        }
        for k in after.indices.prefix(7) where Attribution.cues.contains(after[k].lowered) {
            // “…,” he said (to reporters): nothing more; "… he said that …" is speech of its own.
            // The words after the cue, up to the next punctuation.
            let rest = after[(k + 1)...].prefix { !$0.afterPunctuation }
            guard rest.count <= 6, !rest.contains(where: { $0.lowered == "that" }) else { return nil }
            guard let speaker = Attribution.subject(Array(after[..<k]), named: named) else { return nil }
            return (speaker, after[k].lowered, after[k].range.lowerBound)
        }
        return nil
    }

    /// X said: “…” / X told Geo News, “…”.
    private static func quotedBefore(_ before: [ArticleText.Word], text: ArticleText, open: Int, named: [String]) -> Found? {
        guard let last = before.last, adjacent(text, last.range.upperBound, open) else { return nil }
        // The cue, then at most a few words of whom it was told to ("told Geo News").
        for k in before.indices.reversed().prefix(5) where Attribution.cues.contains(before[k].lowered) || Attribution.participles.contains(before[k].lowered) {
            let object = before[(k + 1)...]
            guard object.allSatisfy({ $0.isCapitalized || $0.lowered == "reporters" || $0.lowered == "that" }) || object.isEmpty else { return nil }
            let subject = Attribution.participles.contains(before[k].lowered) ? Attribution.sentenceSubject(Array(before[..<k]), named: named)
                : Attribution.subject(Array(before[..<k]), named: named)
            guard let speaker = subject else { return nil }
            return (speaker, before[k].lowered, before[k].range.lowerBound)
        }
        return nil
    }

    /// Reported speech: X said (that) …, X warned …, or … according to X.
    private static func reported(_ words: [ArticleText.Word], text: ArticleText, sentence: Range<Int>, quotations: [ArticleText.Quotation],
                                 usedCues: Set<Int>, named: [String], sentenceSpeaker: Attribution.Speaker?)
        -> (speaker: Attribution.Speaker, kind: String, cue: String, span: Range<Int>)? {
        // Which words stand inside quotation marks, in one pass over both.
        var isQuoted = [Bool](repeating: false, count: words.count)
        var q = 0
        for (i, word) in words.enumerated() {
            while q < quotations.count, quotations[q].close < word.range.lowerBound { q += 1 }
            var j = q
            while j < quotations.count, quotations[j].open < word.range.lowerBound {
                if quotations[j].inside.contains(word.range.lowerBound) { isQuoted[i] = true; break }
                j += 1
            }
        }
        /// The last words before the `k`-th outside quotation marks: a subject is never inside them.
        func unquoted(before k: Int) -> [ArticleText.Word] {
            var kept: [ArticleText.Word] = []
            var i = k - 1
            while i >= 0, kept.count < 40 {
                if !isQuoted[i] { kept.append(words[i]) }
                i -= 1
            }
            return kept.reversed()
        }
        // The clause ends before the sentence's stop.
        var end = sentence.upperBound
        while end > sentence.lowerBound, ".!?".unicodeScalars.contains(text.scalars[end - 1]) || text.scalars[end - 1] == "”" && !quotations.contains(where: { $0.close == end - 1 }) { end -= 1 }
        func kind(_ span: Range<Int>) -> String { quotations.contains { span.contains($0.open) } ? "mixed" : "indirect" }
        if let according = words.indices.first(where: { words[$0].lowered == "according" && $0 + 1 < words.count && words[$0 + 1].lowered == "to" && !isQuoted[$0] }),
           let speaker = Attribution.object(Array(words[(according + 2)...].prefix(20)), named: named) {
            // What stands before "according to X", or else after it ("According to X, …").
            var span = text.trimmed(sentence.lowerBound..<words[according].range.lowerBound)
            if text.words(in: span).count < 2, let rest = words[(according + 2)...].first(where: { $0.afterPunctuation }) {
                span = rest.range.lowerBound..<end
            }
            return (speaker, "according_to", "according to", span)
        }
        for (k, word) in words.enumerated() where !isQuoted[k] && !usedCues.contains(word.range.lowerBound) {
            let participle = Attribution.participles.contains(word.lowered)
            guard participle || Attribution.cues.contains(word.lowered) else { continue }
            // A participle's subject is the sentence's; in "“…,” he said, adding that …", the quotation's speaker.
            let subject = participle ? Attribution.sentenceSubject(unquoted(before: k), named: named) ?? sentenceSpeaker
                : Attribution.subject(unquoted(before: k), named: named)
            guard let speaker = subject else { continue }
            var from = k + 1
            // "announced on Friday that …": the words of when are not what was said.
            if let that = words[from...].prefix(4).firstIndex(where: { $0.lowered == "that" }),
               words[from..<that].allSatisfy({ Attribution.between.contains($0.lowered) }) {
                from = that
            }
            // "told reporters that …", "told Geo News …": what it was told to is not what was said.
            if word.lowered.hasPrefix("tol") || word.lowered == "tells" {
                if let that = words[from...].prefix(5).firstIndex(where: { $0.lowered == "that" }) { from = that } else { from += 1 }
            }
            // "said on Sunday it would …": when it was said is not what was said.
            while from + 1 < words.count, Attribution.between.contains(words[from].lowered), words[from].lowered != "this" { from += 1 }
            if from < words.count, words[from].lowered == "that" { from += 1 }
            guard from < words.count else { return nil }
            let start = words[from].range.lowerBound
            // "X said, “…”": the quotation is direct speech, found as such.
            if quotations.contains(where: { $0.open < start && $0.open > word.range.upperBound }) { return nil }
            guard start < end else { return nil }
            let span = start..<end
            return (speaker, kind(span), word.lowered, span)
        }
        return nil
    }
}
