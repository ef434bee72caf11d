/// Reported speech in a sentence, beside its quotations: "X said (that) …", "…, X said in a
/// statement", "… according to X", and the clauses of two speakers in one sentence.
extension ArticleStatements {
    typealias Reported = (speaker: Attribution.Speaker, kind: String, cue: String, span: Range<Int>)

    /// Reported speech: X said (that) …, X warned …, or … according to X; what was said before
    /// its attribution ("…, the ministry said in a statement", "…, said the ministry"); and a
    /// sentence of two ("X said …, while Y claimed …").
    static func reported(_ words: [ArticleText.Word], text: ArticleText, sentence: Range<Int>, quotations: [ArticleText.Quotation],
                         usedCues: Set<Int>, named: Attribution.Named, sentenceSpeaker: Attribution.Speaker?, previous: Range<Int>? = nil) -> [Reported] {
        var reader = ReportedReader(words: words, text: text, sentence: sentence, quotations: quotations, usedCues: usedCues, named: named,
                                    sentenceSpeaker: sentenceSpeaker, previous: previous)
        if let accordingTo = reader.accordingTo() { return accordingTo }
        return reader.verbsOfSaying()
    }

    /// One sentence read for its reported speech: which of its words are quoted, where its clause
    /// ends, and the statements found so far, as each verb of saying is read in turn.
    private struct ReportedReader {
        let words: [ArticleText.Word]
        let text: ArticleText
        let sentence: Range<Int>
        let quotations: [ArticleText.Quotation]
        /// Where the cues of the sentence's quotations stand: their verbs are read already.
        let usedCues: Set<Int>
        let named: Attribution.Named
        /// Whose the sentence's quotations are: a participle's subject ("“…,” he said, adding that …").
        let sentenceSpeaker: Attribution.Speaker?
        /// The paragraph's sentence before, when it held no statement (what "said this" refers to).
        let previous: Range<Int>?
        /// Which words stand inside quotation marks.
        let isQuoted: [Bool]
        /// How many words outside quotation marks stand before each: whether `unquoted(before:)`
        /// reaches back to the sentence's start.
        let unquotedBefore: [Int]
        /// Where what was said ends: before the sentence's stop, or before "according to X".
        var end: Int
        var found: [Reported] = []
        /// The subject of the last verb of saying read, whether its clause was kept or not, and
        /// where the last statement's verb stands: "…, a figure Pakistan disputes, acknowledging 23 deaths".
        var latestSubject: (speaker: Attribution.Speaker, at: Int)?
        var lastCueAt = -1

        init(words: [ArticleText.Word], text: ArticleText, sentence: Range<Int>, quotations: [ArticleText.Quotation],
             usedCues: Set<Int>, named: Attribution.Named, sentenceSpeaker: Attribution.Speaker?, previous: Range<Int>?) {
            (self.words, self.text, self.sentence, self.quotations) = (words, text, sentence, quotations)
            (self.usedCues, self.named, self.sentenceSpeaker, self.previous) = (usedCues, named, sentenceSpeaker, previous)
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
            self.isQuoted = isQuoted
            var unquotedBefore = [Int](repeating: 0, count: words.count + 1)
            for i in words.indices { unquotedBefore[i + 1] = unquotedBefore[i] + (isQuoted[i] ? 0 : 1) }
            self.unquotedBefore = unquotedBefore
            // The clause ends before the sentence's stop.
            var end = sentence.upperBound
            while end > sentence.lowerBound, ".!?".unicodeScalars.contains(text.scalars[end - 1]) || text.scalars[end - 1] == "”" && !quotations.contains(where: { $0.close == end - 1 }) { end -= 1 }
            self.end = end
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

        func kind(_ span: Range<Int>) -> String { quotations.contains { span.contains($0.open) } ? "mixed" : "indirect" }

        /// Whether a comma or a dash stands before the word at `i` ("has – according to the Palestinians – led").
        func isSetOff(_ i: Int) -> Bool {
            words[i].afterComma || i > 0 && text.scalars[words[i - 1].range.upperBound..<words[i].range.lowerBound].contains { $0 == "–" || $0 == "—" }
        }

        /// Whether the words from `i` to the clause's end are an attribution of their own and no more
        /// ("…, according to the spokesman, TASS reported."): what was said is before "according to".
        func endsWithAttribution(from i: Int) -> Bool {
            let clauseEnd = ArticleText.firstIndex(words, notBelow: end, by: { $0.range.lowerBound })
            guard let cue = (i..<min(i + 6, clauseEnd)).first(where: { Attribution.isCue(words, $0) }), cue > i else { return false }
            return Attribution.isTail(words[(cue + 1)..<clauseEnd], cue: words[cue].lowered)
        }

        /// "… according to X": the sentence's statement, if it is one; or, when X's words are
        /// reported before it ("Wasiq said …, according to Tolo News"), nil, with what was said
        /// ending before it.
        mutating func accordingTo() -> [Reported]? {
            guard let according = words.indices.first(where: { !isQuoted[$0] && Attribution.opensAccordingTo(words[$0...]) }),
                  let speaker = Attribution.object(Array(words[(according + 2)...].prefix(20)), named: named) else { return nil }
            // "Wasiq said …, according to Tolo News": the outlet reports whose words they are, and
            // what was said ends before it.
            let saidBefore = (0..<according).contains { k in
                !isQuoted[k] && Attribution.isCue(words, k) && Attribution.subjectBefore(unquoted(before: k), cueAfterComma: words[k].afterComma, named: named) != nil
            }
            if saidBefore {
                end = words[according].range.lowerBound
                return nil
            }
            // "Earlier, at around the time the delegation was meeting mediators according to a Hamas
            // source, Netanyahu said …", "According to Russian diplomatic sources, Presidential Aide
            // Vladimir Medinsky said …": "according to" is the opening clause's, or relays; the
            // sentence's speaker and verb follow it.
            if according == 0 || !isSetOff(according), let resumes = words.indices[(according + 2)...].prefix(12).first(where: { words[$0].afterComma }),
               let cue = words.indices[resumes...].prefix(12).first(where: { !isQuoted[$0] && Attribution.isCue(words, $0) }), cue > resumes,
               !words[(resumes + 1)..<cue].contains(where: \.afterPunctuation),
               Attribution.subject(Array(words[resumes..<cue]), named: named) != nil {
                return nil
            }
            // (Not the speaker's name set off after the title at the sentence's end: "…, according to
            // the spokesperson for the ministry, Nasser Kanaani.")
            let last = ArticleText.firstIndex(words, notBelow: end, by: { $0.range.lowerBound })
            if according > 0, isSetOff(according), let resumes = words.indices[(according + 2)...].prefix(12).first(where: isSetOff),
               resumes < last, !isQuoted[resumes], !endsWithAttribution(from: resumes),
               last - resumes > 4 || words[resumes..<last].map(\.text).joined(separator: " ") != speaker.name {
                // "She, according to Reuters, said …": the outlet reports whose words they are.
                if Attribution.isCue(words, resumes), resumes + 1 < words.count,
                   let subject = Attribution.subject(unquoted(before: according), named: named) {
                    let from = words[resumes + 1].lowered == "that" && resumes + 2 < words.count ? resumes + 2 : resumes + 1
                    let span = text.trimmed(words[from].range.lowerBound..<end)
                    return [(subject, kind(span), words[resumes].lowered, span)]
                }
                // "Afghan forces, according to the Taliban spokesman, targeted …" (or between dashes): said around it.
                return [(speaker, "according_to", "according to", sentence.lowerBound..<end)]
            }
            // What stands before "according to X", or else after it ("According to X, …").
            var span = text.trimmed(sentence.lowerBound..<words[according].range.lowerBound)
            // (After the speaker's name, which may be set off after a title: "According to the US
            // Special Envoy …, Keith Kellogg, Washington is …".)
            if text.words(in: span).count < 2,
               let rest = words[(according + 2)...].firstIndex(where: { $0.afterPunctuation && $0.range.lowerBound > (speaker.from ?? 0) }) {
                // "According to Mujahid, “…,” Tolo News reported": the outlet's attribution is no part of it.
                var stop = end
                if let tail = words[rest...].lastIndex(where: \.afterComma), tail > rest, endsWithAttribution(from: tail) {
                    stop = words[tail - 1].range.upperBound
                }
                span = words[rest].range.lowerBound..<stop
            }
            return [(speaker, "according_to", "according to", span)]
        }

        /// The index of the word beginning at `position` (or the first after it).
        func index(at position: Int) -> Int { ArticleText.firstIndex(words, notBelow: position) { $0.range.lowerBound } }

        /// Where the clause whose subject begins at `position` begins, if a comma opens it: before
        /// the words that join it to the one before ("…, while the Taliban claimed").
        func clauseStart(at position: Int?) -> Int? {
            guard let position else { return nil }
            var i = index(at: position)
            // Past whose the speaker is, too ("…, the country's Minister for Information … said"), and
            // what an outlet is ("…, Kabul based news outlet Hurriyat Radio reported"), and its article
            // ("Although Petro announced …, the guerrillas said …").
            while i > 0, i < words.count, !words[i].afterComma, Attribution.joiners.contains(words[i - 1].lowered) || Attribution.isPossessive(words[i - 1].text)
                    || Attribution.articles.contains(words[i - 1].lowered)
                    || Attribution.outletWords.contains(words[i - 1].lowered) || words[i - 1].isCapitalized && Attribution.outletWords.contains(words[i].lowered) { i -= 1 }
            return i < words.count && words[i].afterComma ? i : nil
        }

        mutating func shorten(_ last: Int, to bound: Int) {
            guard found[last].span.upperBound > bound else { return }
            found[last].span = found[last].span.lowerBound..<bound
            found[last].kind = kind(found[last].span)
        }

        /// Each verb of saying outside quotation marks, in turn, with what it says.
        mutating func verbsOfSaying() -> [Reported] {
            // Found once for the sentence, so that a sentence of a hundred thousand verbs is read in one pass.
            let clauses = Clauses(words, clauseEnd: index(at: end), usedCues: usedCues)
            for k in words.indices where !isQuoted[k] && !usedCues.contains(words[k].range.lowerBound) {
                if !read(verbAt: k, clauses) { break }
            }
            return found
        }

        /// Where the sentence's commas and its quotations' cues are, found once.
        struct Clauses {
            let clauseEnd: Int
            let firstComma: Int
            /// For each word, where the next comma is: the end of the phrase it begins.
            let nextComma: [Int]
            /// Where the cues of the sentence's quotations stand, in order.
            let usedInOrder: [Int]

            init(_ words: [ArticleText.Word], clauseEnd: Int, usedCues: Set<Int>) {
                self.clauseEnd = clauseEnd
                usedInOrder = usedCues.sorted()
                firstComma = words.firstIndex(where: \.afterComma) ?? words.count
                var nextComma = [Int](repeating: clauseEnd, count: words.count + 1)
                for i in stride(from: min(clauseEnd, words.count) - 1, through: 0, by: -1) {
                    nextComma[i] = words[i].afterComma ? i : nextComma[i + 1]
                }
                self.nextComma = nextComma
            }
        }

        /// Reads the word at `k` if it is a verb of saying; false when nothing after it can be read.
        private mutating func read(verbAt k: Int, _ clauses: Clauses) -> Bool {
            let word = words[k], clauseEnd = clauses.clauseEnd
            // "…, ARY News quoted Chaudhary as saying." / "ARY News quoted Chaudhary as saying that …"
            if let quoted = Attribution.quotedAs(words, k, named: named) {
                read(quotedAs: quoted, at: k, clauseEnd: clauseEnd)
                return true
            }
            guard Attribution.isCue(words, k, participles: true) else { return true }
            let participle = Attribution.participles.contains(word.lowered)
            // "as saying", "as telling": the words of a verb of quoting before ("reported him as telling").
            if participle, k > 0, words[k - 1].lowered == "as" { return true }
            let toEnd = words[min(k + 1, clauseEnd)..<clauseEnd]
            // The words after the verb up to the next comma: whom it was told to, where, when, or what was said.
            let rest = toEnd.prefix(max(0, clauses.nextComma[min(k + 1, clauseEnd)] - (k + 1)))
            if !participle, let said = saidBeforeItsSpeaker(verbAt: k, toEnd: toEnd, firstComma: clauses.firstComma) {
                found.append(said)
                return false
            }
            // "Confirming the ceasefire from Islamabad, Ishaq Dar said …": a participle that opens the
            // sentence with a thing, no clause of its own, says what the sentence is about; what was
            // said is after it.
            if participle, k == 0, clauses.nextComma[1] < clauseEnd,
               !words[1..<clauses.nextComma[1]].contains(where: { Attribution.clauseWords.contains($0.lowered) }) {
                return true
            }
            // "Saying that he enjoyed “a good feud”, Morgan also called …": a sentence opening with
            // the participle has its subject after the participle's clause, and what was said in it.
            if participle, k == 0, found.isEmpty, clauses.nextComma[1] < clauseEnd,
               let speaker = Attribution.initialSubject(Array(words[clauses.nextComma[1]...].prefix(8)), named: named) {
                var from = 1
                if from < words.count, words[from].lowered == "that" { from += 1 }
                let said = words[min(from, clauses.nextComma[1])].range.lowerBound..<words[clauses.nextComma[1]].range.lowerBound
                if text.words(in: said).count >= 2 {
                    found.append((speaker, kind(said), word.lowered, said))
                    lastCueAt = k
                }
                return true
            }
            guard let speaker = speaker(ofVerbAt: k, participle: participle, firstComma: clauses.firstComma) else { return true }
            var from = saidStart(afterVerbAt: k)
            // "Peskov said this in response to a question from TASS": what he said is the sentence
            // before (of the same paragraph, and no one's statement), or else nothing ("He said so.").
            if from < clauseEnd, ["this", "so"].contains(words[from].lowered),
               from + 1 == clauseEnd || Attribution.isTail(words[(from + 1)..<clauseEnd], cue: word.lowered) {
                guard let previous else { return true }
                var said = text.trimmed(previous)
                while said.count > 0, ".!?".unicodeScalars.contains(text.scalars[said.upperBound - 1]) { said = said.lowerBound..<(said.upperBound - 1) }
                let quoted = text.scalars[said].contains { "“\"".unicodeScalars.contains($0) }
                found.append((speaker, quoted ? "mixed" : "indirect", word.lowered, said))
                lastCueAt = k
                return true
            }
            // ("China expresses deep concern …, the spokesperson said.", "China maintains contact …,
            // Geng added.": a verb of stance inside what the attribution that ends the sentence
            // says is part of it, not a statement of its own.)
            let inside = found.allSatisfy { $0.span.upperBound <= word.range.lowerBound && Attribution.stanceVerbs.contains($0.cue ?? "") }
            if found.isEmpty || inside, !participle, let said = saidAround(verbAt: k, speaker: speaker, rest: rest, toEnd: toEnd, clauseEnd: clauseEnd),
               found.isEmpty || said.span.upperBound <= word.range.lowerBound {
                found.removeAll { said.span.contains($0.span.lowerBound) }
                found.append(said)
                lastCueAt = k
                return true
            }
            // "told reporters in Sialkot on Saturday": nothing said after it; nor "told reporters at the
            // port which got shelled …", a relative clause.
            if Attribution.isTail(toEnd, cue: word.lowered) { return true }
            if from < clauseEnd, Attribution.isTelling(word.lowered), Attribution.relatives.contains(words[from].lowered) { return true }
            // "As Peskov said in an interview with Rossiya 1, the delegation is ready …": what was said
            // is the clause after the comma, not where it was said.
            if words.first?.lowered == "as", k + 1 + rest.count < clauseEnd, words[k + 1 + rest.count].afterComma, Attribution.isTail(rest, cue: word.lowered, upTo: 12) {
                from = k + 1 + rest.count
            }
            guard from < words.count else { return false }
            var start = words[from].range.lowerBound
            // "X said, “…”": the quotation is direct speech, found as such; "X said “the last thing”
            // he wanted …": a few words quoted in what was said, which begins with their mark.
            if let quote = quotations.first(where: { $0.open < start && $0.open > word.range.upperBound }) {
                guard text.isFragment(quote) else { return false }
                start = quote.open
            }
            // "X said … and added: “…”": what was said ends where the quotation's own verb begins.
            let next = ArticleText.firstIndex(clauses.usedInOrder, notBelow: start + 1) { $0 }
            var stop = next < clauses.usedInOrder.count ? min(clauses.usedInOrder[next], end) : end
            // "Although Petro announced a ceasefire on December 31, the guerrillas denied it": said in
            // the opening clause, up to its comma.
            if let opener = words.first, Attribution.subordinators.contains(opener.lowered), k < clauses.firstComma, clauses.firstComma < words.count {
                stop = min(stop, words[clauses.firstComma].range.lowerBound)
            }
            if stop < end {
                var i = index(at: stop)
                // ("…, however the facilitators confirm that “…”": the quotation's speaker, after a
                // comma a few words before its verb, is no part of what was said.)
                let low = max(from + 1, i - 6)
                if low < i, let comma = (low..<i).last(where: { words[$0].afterComma }),
                   !words[comma..<i].contains(where: { Attribution.clauseWords.contains($0.lowered) }) { i = comma }
                while i > from, Attribution.joiners.contains(words[i - 1].lowered) { i -= 1 }
                stop = words[i].range.lowerBound
            }
            guard start < stop else { return false }
            found.append((speaker, kind(start..<stop), word.lowered, start..<stop))
            lastCueAt = k
            return true
        }

        /// "…, ARY News quoted Chaudhary as saying." / "ARY News quoted Chaudhary as saying that …"
        private mutating func read(quotedAs quoted: (speaker: Attribution.Speaker, next: Int), at k: Int, clauseEnd: Int) {
            let word = words[k]
            let rest = words[min(quoted.next, clauseEnd)..<clauseEnd]
            if found.isEmpty, let comma = words[max(0, k - 12)..<k].lastIndex(where: \.afterComma), Attribution.isTail(rest, cue: "said", upTo: 12) {
                let before = sentence.lowerBound..<words[comma].range.lowerBound
                if isWhatWasSaid(text, before) { found.append((quoted.speaker, kind(before), word.lowered, before)) }
            } else if var from = rest.indices.first, !isQuoted[from] {   // (a quotation after "as saying:" is read as quotations are)
                if words[from].lowered == "that", from + 1 < clauseEnd { from += 1 }
                let said = words[from].range.lowerBound..<end
                if let last = found.last, last.span.upperBound > said.lowerBound { return }
                found.append((quoted.speaker, kind(said), word.lowered, said))
            }
            lastCueAt = k
        }

        /// "…, said the ministry.": the words before the comma are what was said. (The speaker may
        /// be followed by what they did: "…, said X, commenting on …".)
        private func saidBeforeItsSpeaker(verbAt k: Int, toEnd: ArraySlice<ArticleText.Word>, firstComma: Int) -> Reported? {
            let word = words[k]
            // (At most thirteen words looked at: a sentence of a hundred thousand verbs is read in one pass.)
            // (Not past a comma and a participle or a clause of when: "…, stated X on Saturday, while emphasizing …".)
            let speakerWords = toEnd.prefix(13).prefix { !($0.afterComma && (Attribution.participles.contains($0.lowered) || isParticiple($0.lowered)
                                                                              || Attribution.whenClauses.contains($0.lowered))) }
            // (Commas before too when the speaker ends the sentence: "We discussed our proposal with
            // them (the Egyptians), and we will wait …, said the Hamas official.")
            let namesOnly = speakerWords.count == toEnd.count && speakerWords.allSatisfy {
                $0.isCapitalized || ["the", "a", "an", "of", "for"].contains($0.lowered) || Attribution.titles.contains($0.lowered)
                    || Attribution.bodies.contains($0.lowered) || Attribution.groups.contains($0.lowered) || Attribution.personNouns.contains($0.lowered)
            }
            guard found.isEmpty, word.afterComma, firstComma >= k || namesOnly, speakerWords.count <= 12,
                  !speakerWords.contains(where: { $0.lowered == "that" }), let speaker = Attribution.object(Array(speakerWords), named: named) else { return nil }
            let content = sentence.lowerBound..<word.range.lowerBound
            return isWhatWasSaid(text, content) ? (speaker, kind(content), word.lowered, content) : nil
        }

        /// Who speaks through the verb at `k`, ending the statement before where its own clause
        /// begins; nil when no one does, or when the verb is part of what was said.
        private mutating func speaker(ofVerbAt k: Int, participle: Bool, firstComma: Int) -> Attribution.Speaker? {
            let word = words[k]
            if participle, let last = found.last {
                // "…, Asif said, adding that …": the speaker goes on, and what was said before ends at the comma.
                guard word.afterComma, word.range.lowerBound > found[found.count - 1].span.lowerBound else { return nil }
                shorten(found.count - 1, to: word.range.lowerBound)
                // "Although Petro announced …, the guerrillas denied it …, arguing that …": the main
                // clause's subject, not the speaker of the clause that opens the sentence.
                if k > firstComma, let opener = words.first, Attribution.subordinators.contains(opener.lowered),
                   last.span.upperBound <= words[firstComma].range.lowerBound, let main = latestSubject, main.at > firstComma {
                    return main.speaker
                }
                // The subject of a verb that ends the clause before it ("…, a figure Pakistan disputes,
                // acknowledging"), not of one inside what was said ("said … that ISIS maintained safe
                // havens in Pakistan, adding that"): the speaker's words go on.
                return latestSubject.flatMap { $0.at > lastCueAt && k - $0.at <= 2 ? $0.speaker : nil } ?? last.speaker
            }
            // A participle's subject is the sentence's; in "“…,” he said, adding that …", the quotation's
            // speaker; after "with", its own ("…, with the French foreign minister, Laurent Fabius,
            // saying …", "…, with some negotiators telling …").
            var subject = participle ? withSubject(ofParticipleAt: k) ?? Attribution.sentenceSubject(unquoted(before: k), named: named, fromStart: unquotedBefore[k] <= 40) ?? sentenceSpeaker
                : Attribution.subjectBefore(unquoted(before: k), cueAfterComma: word.afterComma, named: named)
            // "X, in a statement, reacted to … and said that …": the sentence's subject.
            var joined = false
            if subject == nil, !participle, Attribution.isJoined(words, k) {
                // The subject of the verb of saying before it ("The government rejected the demand
                // and said …"), or else the sentence's.
                subject = latestSubject?.speaker
                    ?? Attribution.sentenceSubject(unquoted(before: k - 1), named: named, fromStart: unquotedBefore[k - 1] <= 40)
                joined = subject != nil
            }
            guard let speaker = subject else { return nil }
            if !participle { latestSubject = (speaker, k) }
            if joined, let last = found.last, last.span.contains(word.range.lowerBound), words[k - 1].range.lowerBound > last.span.lowerBound {
                // "The government rejected the demand outright and said its negotiators would …": a
                // second verb of the same subject; the first's words end before "and".
                shorten(found.count - 1, to: words[k - 1].range.lowerBound)
            } else if let last = found.last {
                // A name set off by commas inside what was said ("Hamas said that its chief, Ismail
                // Haniyeh, had informed …"): what was said goes on, no clause of the name's own.
                let nameAt = index(at: speaker.from ?? 0)
                if speaker.from != nil, nameAt < k, words[nameAt].afterComma, words[(nameAt + 1)...k].contains(where: \.afterComma),
                   last.span.upperBound > word.range.lowerBound { return nil }
                // A clause of its own ("…, while the Taliban claimed …"): the one before ends where it begins.
                guard let begins = clauseStart(at: speaker.from), words[begins].range.lowerBound > last.span.lowerBound else { return nil }
                shorten(found.count - 1, to: words[begins].range.lowerBound)
            }
            return speaker
        }

        /// The subject "with" gives the participle at `k`, a few words before it ("with some
        /// negotiators telling", "with the minister, Laurent Fabius, saying").
        private func withSubject(ofParticipleAt k: Int) -> Attribution.Speaker? {
            // (A "with" that opens its phrase: not "pointed to his meeting with … John Kerry after the
            // talks, saying …", where the meeting is the sentence's subject's.)
            guard let with = words.indices[max(0, k - 12)..<k].last(where: { words[$0].lowered == "with" }), with + 1 < k,
                  with == 0 || words[with].afterPunctuation,
                  !(with..<k).contains(where: { isQuoted[$0] }) else { return nil }
            return Attribution.subjectBefore(Array(words[(with + 1)..<k]), cueAfterComma: words[k].afterComma, named: named)
        }

        /// The first word of what the verb at `k` says: past its second word ("pointed out"), the
        /// words of when and where ("announced on Friday that"), and whom it was told to.
        private func saidStart(afterVerbAt k: Int) -> Int {
            let word = words[k]
            // "pointed out that …": the verb's second word is not what was said.
            var from = Attribution.withOut.contains(word.lowered) ? k + 2 : k + 1
            // "expressed the hope on Thursday that …": what was hoped is what was said; "expressed deep
            // concern at …" says the concern.
            if Attribution.expressing.contains(word.lowered), let thing = Attribution.expressedThing(words, after: k),
               let that = words[(thing + 1)...].prefix(8).firstIndex(where: { $0.lowered == "that" }),
               words[(thing + 1)..<that].allSatisfy({ Attribution.between.contains($0.lowered) || Attribution.prepositions.contains($0.lowered) || $0.isCapitalized && !$0.afterPunctuation }) {
                from = that
            }
            // "announced on Friday that …", "wrote on X that …", "said in a statement that …": the
            // words of when and where are not what was said.
            // ("posted on Truth Social on Saturday (Sunday in most of Asia) that …": a longer phrase,
            // of no clause's words.)
            // ("said a few days later that …": a time counted from another.)
            if let that = words[from...].prefix(16).firstIndex(where: { $0.lowered == "that" }),
               words[from..<that].allSatisfy({ Attribution.between.contains($0.lowered) })
                || that > from && ["later", "earlier", "ago"].contains(words[that - 1].lowered)
                    && words[from..<that].allSatisfy({ Attribution.between.contains($0.lowered) || Attribution.timeAfterWords.contains($0.lowered) })
                || that > from && Attribution.prepositions.contains(words[from].lowered) && !words[from..<that].contains(where: \.afterComma)
                    && (that - from < 8 || !words[from..<that].contains(where: { Attribution.clauseWords.contains($0.lowered) || Attribution.cues.contains($0.lowered) }))
                    && !isComplement(on: from, ofVerb: word, before: that) {
                from = that
            }
            // "said on Twitter the 13 detainees had arrived": where it was posted, with no "that" after it.
            if from + 2 < words.count, ["on", "via"].contains(words[from].lowered), words[from + 1].isCapitalized,
               Attribution.platforms.contains(words[from + 1].lowered), !words[from + 2].afterPunctuation {
                from += words[from + 1].lowered == "truth" && words[from + 2].lowered == "social" ? 3 : 2
            }
            // "notes, with a raised eyebrow, that …": a phrase set off by commas before "that".
            if from < words.count, words[from].afterComma,
               let that = words[(from + 1)...].prefix(8).firstIndex(where: { $0.lowered == "that" }), words[that].afterComma,
               !words[from..<that].contains(where: { Attribution.clauseWords.contains($0.lowered) || Attribution.cues.contains($0.lowered) }) {
                from = that
            }
            // "said in a tweet he hoped …": where it was said, then a clause of its own.
            if from + 2 < words.count, words[from].lowered == "in",
               let medium = words[(from + 1)...].prefix(3).firstIndex(where: { Self.media.contains($0.lowered) }),
               medium + 1 < words.count, !words[(from + 1)...(medium + 1)].contains(where: \.afterPunctuation),
               Attribution.clauseWords.contains(words[medium + 1].lowered) || words[medium + 1].lowered == "the" {
                from = medium + 1
            }
            // "told reporters that …", "told Geo News …": what it was told to is not what was said.
            if Attribution.isTelling(word.lowered) { from = afterWhomTold(from) }
            // "said on Sunday it would …": when it was said is not what was said.
            // ("said on Feb. 19 talk about …": the day, too.)
            while from + 1 < words.count, Attribution.between.contains(words[from].lowered) && words[from].lowered != "this" || Attribution.isPartOfDate(words, from)
                    || from > 0 && Int(words[from].text) != nil && RelativeDate.month(words[from - 1].lowered) != nil { from += 1 }
            // "reported on Monday, citing a senior Egyptian source, that …": whom a report cites is not what was said.
            if from < words.count, words[from].afterComma, Attribution.sourcing.contains(words[from].lowered),
               let resumes = words[(from + 1)...].prefix(12).firstIndex(where: \.afterComma), words[resumes].lowered == "that" {
                from = resumes
            }
            if from < words.count, words[from].lowered == "that" { from += 1 }
            return from
        }

        /// Whether the "on" at `from` says what the verb is about ("insisted on discussion of a
        /// transitional government that does not include …"), not when ("agreed on Saturday that").
        private func isComplement(on from: Int, ofVerb verb: ArticleText.Word, before that: Int) -> Bool {
            words[from].lowered == "on" && Attribution.onComplements.contains(verb.lowered) && from + 1 < that
                && !words[from + 1].isCapitalized && !Attribution.between.contains(words[from + 1].lowered) && !Attribution.isPartOfDate(words, from + 1)
        }

        /// Where something may be said ("in a tweet", "in an interview").
        static let media: Set<String> = Attribution.documents.union(["tweet", "interview", "speech", "address", "briefing", "broadcast"])

        /// Past whom (or what gathering) something was told to, from the word at `from` after "told".
        private func afterWhomTold(_ from: Int) -> Int {
            var from = from
            // "told a news conference in …": the gathering it was told to (not a news outlet).
            let gathering = from + 1 < words.count && ["a", "the"].contains(words[from].lowered)
                ? words[(from + 1)...].prefix(3).firstIndex(where: { gatherings.contains($0.lowered) })
                    .flatMap { g in words[(from + 1)...g].contains(where: \.afterPunctuation) ? nil : g }
                : nil
            // "told the Russian news agency RIA that …": whom it was told to, then what.
            if let that = words[from...].prefix(8).firstIndex(where: { $0.lowered == "that" }),
               words[from..<that].allSatisfy({ !$0.afterPunctuation || $0.range.lowerBound == words[from].range.lowerBound })
                && (that - from <= 4 || words[from..<that].allSatisfy(Attribution.isRecipientWord)) {
                return that
            }
            if gathering == nil, let outlet = words[from...].prefix(6).lastIndex(where: { Attribution.outletWords.contains($0.lowered) }),
               words[from...outlet].allSatisfy(Attribution.isRecipientWord),
               !words[from...outlet].dropFirst().contains(where: \.afterPunctuation) {
                // "told Interfax Ukraine news agency the talks had been …"
                return outlet + 1
            }
            from = (gathering ?? from) + 1
            // "told his cabinet Israel would not …", "told her aides the talks …": whose, then who.
            if gathering == nil, from < words.count, Attribution.possessiveDeterminers.contains(words[from - 1].lowered) {
                var nouns = 0
                while nouns < 3, from + 1 < words.count, !words[from].isCapitalized, !words[from].afterPunctuation,
                      !Attribution.clauseWords.contains(words[from].lowered), !Attribution.articles.contains(words[from].lowered) {
                    from += 1
                    nouns += 1
                }
            }
            // "told the Associated Press a deal was close": the name after "the" is whom.
            if gathering == nil, from < words.count, words[from - 1].lowered == "the" {
                while from + 1 < words.count, words[from].isCapitalized, !words[from].afterPunctuation { from += 1 }
            }
            // "told Al Jazeera …": an outlet's name after its article.
            if from < words.count, ["al", "el"].contains(words[from - 1].lowered), words[from].isCapitalized, !words[from].afterPunctuation { from += 1 }
            // "told Climate Home they were …": a name of two words, then a clause's pronoun.
            if from + 1 < words.count, words[from - 1].isCapitalized, words[from].isCapitalized, !words[from].afterPunctuation,
               ["he", "she", "they", "we", "it"].contains(words[from + 1].lowered), !words[from + 1].isCapitalized { from += 1 }
            // "told reporters in Islamabad if …", "… in the Turkish capital Ankara the …": where they
            // were told is not what was said either.
            while from + 1 < words.count, ["in", "at", "on"].contains(words[from].lowered), !words[from].afterPunctuation {
                var place = from + 1
                if words[place].lowered == "the", place + 1 < words.count { place += 1 }
                guard words[place].isCapitalized else { break }
                from = place
                // (A word before a place's noun is part of it: "at Tripoli's sea port".)
                while from + 1 < words.count, words[from].isCapitalized || placeNouns.contains(words[from].lowered)
                        || placeNouns.contains(words[from + 1].lowered) && !words[from + 1].afterPunctuation, !words[from].afterPunctuation
                        || from == place { from += 1 }
            }
            // "told reporters on a conference call that …", "… after a briefing to the UN Security Council that …"
            if from < words.count, Attribution.prepositions.contains(words[from].lowered),
               let that = words[from...].prefix(10).firstIndex(where: { $0.lowered == "that" }), !words[from..<that].contains(where: \.afterComma) {
                from = that
            }
            return from
        }

        /// What was said before or around the attribution of the verb at `k`, when it is the
        /// sentence's first: "The talks, Asif said on Tuesday, were over."; "…, Qatar’s foreign
        /// ministry said in a statement."
        private func saidAround(verbAt k: Int, speaker: Attribution.Speaker, rest: ArraySlice<ArticleText.Word>,
                                toEnd: ArraySlice<ArticleText.Word>, clauseEnd: Int) -> Reported? {
            guard var begins = clauseStart(at: speaker.from) else { return nil }
            // "…, Colombia’s Defense Minister, Ivan Velasquez, warned": the title set off before the
            // name is the speaker's, not what was said.
            if let role = speaker.role, let titleStart = (max(0, begins - 8)..<begins).last(where: { words[$0].afterComma }),
               words[titleStart..<begins].map(\.text).joined(separator: " ").hasSuffix(role) {
                begins = titleStart
            }
            let word = words[k]
            let before = sentence.lowerBound..<words[begins].range.lowerBound
            // "The talks, Asif said on Tuesday, were over.": what was said stands around its attribution.
            let resumes = k + 1 + rest.count
            // ("…, a top U.S. official said on Thursday, faulting both sides …": a participle's clause
            // after the attribution is what the speaker did, not what was said going on.)
            let participleFollows = resumes < clauseEnd && (Attribution.participles.contains(words[resumes].lowered) || isParticiple(words[resumes].lowered))
            if resumes < clauseEnd, words[resumes].afterComma, !isQuoted[resumes], Attribution.isTail(rest, cue: word.lowered),
               !participleFollows, !Attribution.isTail(words[resumes..<clauseEnd], cue: word.lowered),
               isWhatWasSaid(text, before, atLeast: 1) {
                let whole = sentence.lowerBound..<end
                return (speaker, kind(whole), word.lowered, whole)
            }
            // "…, Qatar’s foreign ministry said in a statement.": what was said comes first (and
            // "…, Asif said, adding that …" goes on).
            // (And "…, X said when commenting on …": a clause of when after it.)
            // ("…, negotiators said in a joint statement just hours before the ceremony was due": where,
            // then a clause of when.)
            let whenFollows = toEnd.first.map { Attribution.whenClauses.contains($0.lowered) && !$0.afterPunctuation } ?? false
                || toEnd.prefix(10).firstIndex(where: { Attribution.whenClauses.contains($0.lowered) && !$0.afterPunctuation })
                    .map { Attribution.isTail(toEnd[..<$0], cue: word.lowered) } == true
            if Attribution.isTail(toEnd, cue: word.lowered) || participleFollows && Attribution.isTail(rest, cue: word.lowered) || whenFollows,
               isWhatWasSaid(text, before) {
                return (speaker, kind(before), word.lowered, before)
            }
            return nil
        }
    }

    /// What a speaker may tell something to, besides people ("told a news conference").
    static let gatherings: Set<String> = ["conference", "briefing", "meeting", "summit", "rally", "gathering", "session", "forum", "crowd", "audience"]
    /// Nouns in the name of where something was told ("in the Turkish capital Ankara").
    static let placeNouns: Set<String> = ["capital", "city", "town", "province", "region", "port", "village"]

    /// Whether a word is a verb's -ing form ("faulting", "citing"), not a word that ends so ("bring",
    /// "during", "nothing").
    private static func isParticiple(_ word: String) -> Bool {
        word.count > 5 && word.hasSuffix("ing") && !notParticiples.contains(word)
    }
    private static let notParticiples: Set<String> = ["during", "nothing", "something", "anything", "everything", "morning", "evening", "according"]

    /// Whether the words before an attribution are what was said: three words or more (or as
    /// many as asked), not an adverbial ("After the talks collapsed, Asif said in Kabul …").
    private static func isWhatWasSaid(_ text: ArticleText, _ content: Range<Int>, atLeast count: Int = 3) -> Bool {
        let words = text.words(in: content)
        guard words.count >= max(count, 1) else { return false }
        guard Attribution.adverbialOpeners.contains(words[0].lowered) else { return true }
        // "Since the breakdown of …, US officials have worked …, the regional format could be …, the
        // US official said": a clause of its own after the adverbial one is (not a relative clause,
        // "After the talks collapsed, where …").
        guard let last = words.indices.last(where: { words[$0].afterComma }) else { return false }
        let clause = words[last...]
        return clause.count >= 4 && !Attribution.adverbialOpeners.contains(clause[last].lowered) && !Attribution.relatives.contains(clause[last].lowered)
            && clause.contains { Attribution.clauseWords.contains($0.lowered) && !$0.isCapitalized }
    }
}
