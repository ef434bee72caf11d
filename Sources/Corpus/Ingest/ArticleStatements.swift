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
        var found: [DraftStatement] = []
        var named = Attribution.Named()
        func record(_ speaker: Attribution.Speaker?, kind: String, cue: String?, span: Range<Int>, when: (text: String, date: String?)?) {
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
            if who.confidence >= 0.5, who.name.contains(" ") {
                named.add(who.name, role: who.role)
            }
            found.append(DraftStatement(speaker: who.name, role: who.role, kind: kind, cue: cue, text: text[span], span: span,
                                        dateText: when?.text, date: when?.date, confidence: who.confidence,
                                        figures: FigureMentions.find(in: text, span: span, cue: cue, speaker: who.name)))
        }
        // The speaker of a quotation left open at a paragraph's end: news opens each paragraph of a
        // long quotation with a mark and closes only the last.
        var leftOpen: Attribution.Speaker?
        let paragraphs = text.paragraphs()
        for paragraph in paragraphs {
            let trimmed = text.trimmed(paragraph)
            var previousSpeaker = trimmed.isEmpty || text.scalars[trimmed.lowerBound] != "“" ? nil : leftOpen
            leftOpen = nil
            let headline = isHeadline(text, paragraph, first: paragraph == paragraphs.first)
            let sentences = text.sentences(in: paragraph)
            for sentence in sentences {
                let words = text.words(in: sentence)
                let when = RelativeDate.find(in: text, words: words, published: published)
                var quotations = text.quotations(in: sentence)
                let open = sentence == sentences.last ? unclosedQuotation(text, sentence, after: quotations.last?.close) : nil
                if let open { quotations.append(ArticleText.Quotation(open: open, close: sentence.upperBound)) }
                let quotes = quotations.filter { text.words(in: $0.inside).count >= 3 }
                var usedCues = Set<Int>()     // where the cues of quotations stand
                // Quotations with no attribution of their own: the speaker of the paragraph's
                // quotation before, if any, goes on.
                var unattributed: [(quote: ArticleText.Quotation, speaker: Attribution.Speaker?)] = []
                for (i, quote) in quotes.enumerated() {
                    let afterEnd = i + 1 < quotes.count ? quotes[i + 1].open : sentence.upperBound
                    let beforeStart = i > 0 ? quotes[i - 1].close + 1 : sentence.lowerBound
                    // The few words each side an attribution is read from.
                    let after = Array(ArticleText.words(words, within: quote.close + 1, afterEnd).prefix(20))
                    let before = Array(ArticleText.words(words, within: beforeStart, quote.open).suffix(40))
                    // Whether the words before reach back to the sentence's start (its subject may be there).
                    let fromStart = i == 0 && before.first?.range.lowerBound == words.first?.range.lowerBound
                    guard let attribution = quotedAfter(after, text: text, close: quote.close, named: named)
                            ?? quotedBefore(before, text: text, open: quote.open, named: named, fromStart: fromStart) else {
                        let goesOn = previousSpeaker.map { Attribution.Speaker(name: $0.name, role: $0.role, confidence: 0.4) }
                        unattributed.append((quote, goesOn))
                        if quote.open == open { leftOpen = goesOn }
                        continue
                    }
                    if let cue = attribution.cueAt { usedCues.insert(cue) }
                    record(attribution.speaker, kind: "direct", cue: attribution.cue, span: quote.inside, when: when)
                    if let speaker = attribution.speaker { previousSpeaker = speaker }
                    if quote.open == open { leftOpen = attribution.speaker }
                }
                // A headline's words are the outlet's, not a speaker's.
                let reported = headline ? [] : reported(words, text: text, sentence: sentence, quotations: quotations, usedCues: usedCues, named: named,
                                                        sentenceSpeaker: usedCues.isEmpty ? nil : previousSpeaker)
                for statement in reported {
                    record(statement.speaker, kind: statement.kind, cue: statement.cue, span: statement.span, when: when)
                    previousSpeaker = statement.speaker
                }
                // A quotation with no attribution of its own, unless it is part of the reported speech
                // (“… an indefinite phase” in "X announced that the talks had “entered an indefinite
                // phase”"). Nor, when no one goes on, a title in quotation marks (“Afghans Support
                // Pakistan’s Stance”).
                for (quote, speaker) in unattributed where !reported.contains(where: { $0.span.contains(quote.open) }) {
                    if speaker == nil, isTitle(text.words(in: quote.inside)) { continue }
                    record(speaker, kind: "direct", cue: nil, span: quote.inside, when: when)
                    if let speaker { previousSpeaker = speaker }
                }
            }
        }
        // In the order of the text: a sentence's quotations are read before its reported speech.
        return found.enumerated().sorted { ($0.element.span.lowerBound, $0.offset) < ($1.element.span.lowerBound, $1.offset) }.map(\.element)
    }

    typealias Found = (speaker: Attribution.Speaker?, cue: String?, cueAt: Int?)

    /// A title in capitals ("Khawaja Asif Declares Talks “Over” Amid Deadlock"): most of its words
    /// capitalized, and no stop at its end. The article's first paragraph may be one in sentence
    /// case ("Border clashes: FO says Pakistan will defend itself"), of twenty words at most.
    static func isHeadline(_ text: ArticleText, _ paragraph: Range<Int>, first: Bool = false) -> Bool {
        var end = text.trimmed(paragraph).upperBound
        while end > paragraph.lowerBound, ArticleText.closers.contains(text.scalars[end - 1]) { end -= 1 }
        guard end > paragraph.lowerBound, !".!?:".unicodeScalars.contains(text.scalars[end - 1]) else { return false }
        let words = text.words(in: paragraph)
        return isTitle(words) || first && (3...20).contains(words.count)
    }

    /// Three words or more, most of them capitalized.
    private static func isTitle(_ words: [ArticleText.Word]) -> Bool {
        words.count >= 3 && words.count { $0.isCapitalized } * 10 >= words.count * 6
    }

    /// The words after "according to" that name whom: past "a statement by", "figures from".
    private static func whom(afterAccordingTo words: ArraySlice<ArticleText.Word>) -> ArraySlice<ArticleText.Word> {
        let head = words.prefix(4)
        guard let by = head.firstIndex(where: { ["by", "from", "of"].contains($0.lowered) }), by > words.startIndex,
              Attribution.documents.contains(words[by - 1].lowered) else { return words }
        return words[(by + 1)...]
    }

    /// Whether the words before an attribution are what was said: three words or more (or as
    /// many as asked), not an adverbial ("After the talks collapsed, Asif said in Kabul …").
    private static func isWhatWasSaid(_ text: ArticleText, _ content: Range<Int>, atLeast count: Int = 3) -> Bool {
        let words = text.words(in: content)
        return words.count >= max(count, 1) && !Attribution.adverbialOpeners.contains(words[0].lowered)
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

    /// “…,” said X / “…,” X said / “…,” he added.
    private static func quotedAfter(_ after: [ArticleText.Word], text: ArticleText, close: Int, named: Attribution.Named) -> Found? {
        guard let first = after.first, adjacent(text, close + 1, first.range.lowerBound) else { return nil }
        // “…” — Zabihullah Mujahid: a name after a dash, and nothing more.
        if text.scalars[close + 1..<first.range.lowerBound].contains(where: { $0 == "—" || $0 == "–" }), after.count <= 6,
           after.dropFirst().allSatisfy({ !$0.afterPunctuation }), after.allSatisfy({ $0.isCapitalized || Attribution.titles.contains($0.lowered) }),
           let speaker = Attribution.subject(after, named: named) {
            return (speaker, nil, nil)
        }
        if Attribution.isCue(after, 0) {
            guard let speaker = Attribution.object(Array(after.dropFirst()), named: named) else { return nil }
            return (speaker, first.lowered, first.range.lowerBound)
        }
        for k in after.indices.prefix(7) where Attribution.isCue(after, k) {
            // “…,” he said (to reporters): nothing more; "… he said that …" is speech of its own.
            // The words after the cue, up to the next punctuation or a clause of when ("he told
            // Reuters as he arrived at the United Nations").
            let rest = after[(k + 1)...].prefix { !$0.afterPunctuation && !Attribution.whenClauses.contains($0.lowered) }
            guard rest.count <= 6 && !rest.contains(where: { $0.lowered == "that" }) || Attribution.isTail(rest, cue: after[k].lowered, upTo: 12)
            else { return nil }
            guard let speaker = Attribution.subject(Array(after[..<k]), named: named) else { return nil }
            return (speaker, after[k].lowered, after[k].range.lowerBound)
        }
        return nil
    }

    /// X said: “…” / X told Geo News, “…”.
    private static func quotedBefore(_ before: [ArticleText.Word], text: ArticleText, open: Int, named: Attribution.Named, fromStart: Bool) -> Found? {
        guard let last = before.last, adjacent(text, last.range.upperBound, open) else { return nil }
        // The cue, then at most a few words of whom it was told to, or where ("told Geo News", "said
        // in a post on X").
        for k in before.indices.reversed().prefix(9) where Attribution.isCue(before, k, participles: true) {
            let object = before[(k + 1)...]
            guard object.allSatisfy({ $0.isCapitalized || $0.lowered == "reporters" || $0.lowered == "that" }) || Attribution.isTail(object, cue: before[k].lowered)
            else { return nil }
            var subject = Attribution.participles.contains(before[k].lowered) ? Attribution.sentenceSubject(Array(before[..<k]), named: named, fromStart: fromStart)
                : Attribution.subjectBefore(Array(before[..<k]), cueAfterComma: before[k].afterComma, named: named)
            // "X said … and added: “…”": the subject of the verb it is joined to.
            if subject == nil, k > 0, before[k - 1].lowered == "and" {
                subject = before[..<(k - 1)].indices.reversed().lazy.filter { Attribution.isCue(before, $0) }
                    .compactMap { Attribution.subjectBefore(Array(before[..<$0]), cueAfterComma: before[$0].afterComma, named: named) }.first
            }
            guard let speaker = subject else { return nil }
            return (speaker, before[k].lowered, before[k].range.lowerBound)
        }
        return nil
    }

    typealias Reported = (speaker: Attribution.Speaker, kind: String, cue: String, span: Range<Int>)

    /// Reported speech: X said (that) …, X warned …, or … according to X; what was said before
    /// its attribution ("…, the ministry said in a statement", "…, said the ministry"); and a
    /// sentence of two ("X said …, while Y claimed …").
    private static func reported(_ words: [ArticleText.Word], text: ArticleText, sentence: Range<Int>, quotations: [ArticleText.Quotation],
                                 usedCues: Set<Int>, named: Attribution.Named, sentenceSpeaker: Attribution.Speaker?) -> [Reported] {
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
        // How many words outside quotation marks stand before each: whether `unquoted(before:)`
        // reaches back to the sentence's start.
        var unquotedBefore = [Int](repeating: 0, count: words.count + 1)
        for i in words.indices { unquotedBefore[i + 1] = unquotedBefore[i] + (isQuoted[i] ? 0 : 1) }
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
           let speaker = Attribution.object(Array(whom(afterAccordingTo: words[(according + 2)...]).prefix(20)), named: named) {
            // "Wasiq said …, according to Tolo News": the outlet reports whose words they are, and
            // what was said ends before it.
            let saidBefore = (0..<according).contains { k in
                !isQuoted[k] && Attribution.isCue(words, k) && Attribution.subjectBefore(unquoted(before: k), cueAfterComma: words[k].afterComma, named: named) != nil
            }
            if saidBefore {
                end = words[according].range.lowerBound
            } else {
                // What stands before "according to X", or else after it ("According to X, …").
                var span = text.trimmed(sentence.lowerBound..<words[according].range.lowerBound)
                if text.words(in: span).count < 2, let rest = words[(according + 2)...].first(where: { $0.afterPunctuation }) {
                    span = rest.range.lowerBound..<end
                }
                return [(speaker, "according_to", "according to", span)]
            }
        }
        /// The index of the word beginning at `position` (or the first after it).
        func index(at position: Int) -> Int { ArticleText.firstIndex(words, notBelow: position) { $0.range.lowerBound } }
        /// Where the clause whose subject begins at `position` begins, if a comma opens it: before
        /// the words that join it to the one before ("…, while the Taliban claimed").
        func clauseStart(at position: Int?) -> Int? {
            guard let position else { return nil }
            var i = index(at: position)
            while i > 0, i < words.count, !words[i].afterComma, Attribution.joiners.contains(words[i - 1].lowered) { i -= 1 }
            return i < words.count && words[i].afterComma ? i : nil
        }
        var found: [Reported] = []
        // Found once for the sentence, so that a sentence of a hundred thousand verbs is read in one pass.
        let clauseEnd = index(at: end)
        let firstComma = words.firstIndex(where: \.afterComma) ?? words.count
        // For each word, where the next comma is: the end of the phrase it begins.
        var nextComma = [Int](repeating: clauseEnd, count: words.count + 1)
        for i in stride(from: min(clauseEnd, words.count) - 1, through: 0, by: -1) {
            nextComma[i] = words[i].afterComma ? i : nextComma[i + 1]
        }
        func shorten(_ last: Int, to bound: Int) {
            guard found[last].span.upperBound > bound else { return }
            found[last].span = found[last].span.lowerBound..<bound
            found[last].kind = kind(found[last].span)
        }
        // The subject of the last verb of saying read, whether its clause was kept or not, and where
        // the last statement's verb stands: "…, a figure Pakistan disputes, acknowledging 23 deaths".
        var latestSubject: (speaker: Attribution.Speaker, at: Int)?
        let usedInOrder = usedCues.sorted()
        var lastCueAt = -1
        for (k, word) in words.enumerated() where !isQuoted[k] && !usedCues.contains(word.range.lowerBound) {
            guard Attribution.isCue(words, k, participles: true) else { continue }
            let participle = Attribution.participles.contains(word.lowered)
            let toEnd = words[min(k + 1, clauseEnd)..<clauseEnd]
            // The words after the verb up to the next comma: whom it was told to, where, when, or what was said.
            let rest = toEnd.prefix(max(0, nextComma[min(k + 1, clauseEnd)] - (k + 1)))
            // "…, said the ministry.": the words before the comma are what was said.
            if found.isEmpty, !participle, word.afterComma, firstComma >= k, toEnd.count <= 12,
               !toEnd.contains(where: { $0.lowered == "that" }), let speaker = Attribution.object(Array(toEnd), named: named) {
                let content = sentence.lowerBound..<word.range.lowerBound
                if isWhatWasSaid(text, content) { return [(speaker, kind(content), word.lowered, content)] }
            }
            // "Saying that he enjoyed “a good feud”, Morgan also called …": a sentence opening with
            // the participle has its subject after the participle's clause, and what was said in it.
            if participle, k == 0, found.isEmpty, nextComma[1] < clauseEnd,
               let speaker = Attribution.initialSubject(Array(words[nextComma[1]...].prefix(8)), named: named) {
                var from = 1
                if from < words.count, words[from].lowered == "that" { from += 1 }
                let said = words[min(from, nextComma[1])].range.lowerBound..<words[nextComma[1]].range.lowerBound
                if text.words(in: said).count >= 2 {
                    found.append((speaker, kind(said), word.lowered, said))
                    lastCueAt = k
                }
                continue
            }
            let speaker: Attribution.Speaker
            if participle, let last = found.last {
                // "…, Asif said, adding that …": the speaker goes on, and what was said before ends at the comma.
                guard word.afterComma, word.range.lowerBound > found[found.count - 1].span.lowerBound else { continue }
                shorten(found.count - 1, to: word.range.lowerBound)
                speaker = latestSubject.flatMap { $0.at > lastCueAt ? $0.speaker : nil } ?? last.speaker
            } else {
                // A participle's subject is the sentence's; in "“…,” he said, adding that …", the quotation's speaker.
                var subject = participle ? Attribution.sentenceSubject(unquoted(before: k), named: named, fromStart: unquotedBefore[k] <= 40) ?? sentenceSpeaker
                    : Attribution.subjectBefore(unquoted(before: k), cueAfterComma: word.afterComma, named: named)
                // "X, in a statement, reacted to … and said that …": the sentence's subject.
                if subject == nil, !participle, k > 0, ["and", "but"].contains(words[k - 1].lowered) {
                    subject = Attribution.sentenceSubject(unquoted(before: k - 1), named: named, fromStart: unquotedBefore[k - 1] <= 40)
                }
                guard let subject else { continue }
                speaker = subject
                if !participle { latestSubject = (subject, k) }
                if let last = found.last {
                    // A clause of its own ("…, while the Taliban claimed …"): the one before ends where it begins.
                    guard let begins = clauseStart(at: speaker.from), words[begins].range.lowerBound > last.span.lowerBound else { continue }
                    shorten(found.count - 1, to: words[begins].range.lowerBound)
                }
            }
            var from = k + 1
            // "announced on Friday that …", "wrote on X that …", "said in a statement that …": the
            // words of when and where are not what was said.
            if let that = words[from...].prefix(8).firstIndex(where: { $0.lowered == "that" }),
               words[from..<that].allSatisfy({ Attribution.between.contains($0.lowered) })
                || that > from && Attribution.prepositions.contains(words[from].lowered) && !words[from..<that].contains(where: \.afterComma) {
                from = that
            }
            // "told reporters that …", "told Geo News …": what it was told to is not what was said.
            if word.lowered.hasPrefix("tol") || word.lowered == "tells" {
                if let that = words[from...].prefix(5).firstIndex(where: { $0.lowered == "that" }) { from = that } else { from += 1 }
            }
            // "said on Sunday it would …": when it was said is not what was said.
            while from + 1 < words.count, Attribution.between.contains(words[from].lowered), words[from].lowered != "this" { from += 1 }
            if from < words.count, words[from].lowered == "that" { from += 1 }
            if found.isEmpty, !participle, let begins = clauseStart(at: speaker.from) {
                let before = sentence.lowerBound..<words[begins].range.lowerBound
                // "The talks, Asif said on Tuesday, were over.": what was said stands around its attribution.
                let resumes = k + 1 + rest.count
                if resumes < clauseEnd, words[resumes].afterComma, !isQuoted[resumes], Attribution.isTail(rest, cue: word.lowered),
                   !Attribution.participles.contains(words[resumes].lowered), isWhatWasSaid(text, before, atLeast: 1) {
                    let whole = sentence.lowerBound..<end
                    found.append((speaker, kind(whole), word.lowered, whole))
                    lastCueAt = k
                    continue
                }
                // "…, Qatar’s foreign ministry said in a statement.": what was said comes first (and
                // "…, Asif said, adding that …" goes on).
                let participleFollows = resumes < clauseEnd && Attribution.participles.contains(words[resumes].lowered)
                if Attribution.isTail(toEnd, cue: word.lowered) || participleFollows && Attribution.isTail(rest, cue: word.lowered), isWhatWasSaid(text, before) {
                    found.append((speaker, kind(before), word.lowered, before))
                    lastCueAt = k
                    continue
                }
            }
            // "told reporters in Sialkot on Saturday": nothing said after it.
            if Attribution.isTail(toEnd, cue: word.lowered) { continue }
            guard from < words.count else { break }
            let start = words[from].range.lowerBound
            // "X said, “…”": the quotation is direct speech, found as such.
            if quotations.contains(where: { $0.open < start && $0.open > word.range.upperBound }) { break }
            // "X said … and added: “…”": what was said ends where the quotation's own verb begins.
            let next = ArticleText.firstIndex(usedInOrder, notBelow: start + 1) { $0 }
            var stop = next < usedInOrder.count ? min(usedInOrder[next], end) : end
            if stop < end {
                var i = index(at: stop)
                while i > from, Attribution.joiners.contains(words[i - 1].lowered) { i -= 1 }
                stop = words[i].range.lowerBound
            }
            guard start < stop else { break }
            found.append((speaker, kind(start..<stop), word.lowered, start..<stop))
            lastCueAt = k
        }
        return found
    }
}
