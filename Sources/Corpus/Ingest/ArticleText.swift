/// An article's text cut the way attribution is read: by code points (the unit of the format's
/// spans), into sentences, the quotations in them and their words.
struct ArticleText {
    let scalars: [Unicode.Scalar]

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    subscript(range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }

    /// A word: letters and digits, with the apostrophes and hyphens inside it ("Pakistan’s",
    /// "cross-border"), and the full stop of an abbreviation or initial ("Mr.", "U.S.").
    struct Word {
        let range: Range<Int>
        let text: String
        /// Whether anything but spaces stands between it and the word before (a comma, a dash, a
        /// quotation mark), or it is the first: a name does not run across it.
        let afterPunctuation: Bool
        /// Whether a comma or semicolon stands between it and the word before: where an inserted
        /// phrase ("Asif, speaking in Islamabad, said") or a clause begins.
        let afterComma: Bool
        /// Capitalized, or a name after an Arabic article ("al-Burhan", "el-Sisi"), as news writes it.
        var isCapitalized: Bool {
            let scalars = text.unicodeScalars
            guard let first = scalars.first else { return false }
            if first.properties.isUppercase { return true }
            // (Read from the first few letters alone: this is asked of every word many times.)
            guard first == "a" || first == "e" else { return false }
            let head = Array(scalars.prefix(5))
            guard let hyphen = head.firstIndex(of: "-"), hyphen + 1 < head.count, head[hyphen + 1].properties.isUppercase else { return false }
            return Self.arabicArticles.contains(String(String.UnicodeScalarView(head[..<hyphen])))
        }
        private static let arabicArticles: Set<String> = ["al", "el", "ad", "as", "ash", "an", "ar", "az", "at"]
        var lowered: String { text.lowercased() }
    }

    /// A quotation: the marks' places, and what lies between them.
    struct Quotation {
        let open: Int
        let close: Int
        var inside: Range<Int> { open + 1..<close }
    }

    /// Whether a quotation is a few words inside a clause that goes on after it ("Kuleba said “the
    /// last thing” he wanted was …"): it ends with no stop or comma of its own, and the next word,
    /// after a space alone, is in lower case. Such words are part of reported speech.
    func isFragment(_ quote: Quotation) -> Bool {
        guard quote.close > quote.open + 1, Self.isLetter(scalars[quote.close - 1]) else { return false }
        var i = quote.close + 1
        guard i < scalars.count, scalars[i] == " " else { return false }
        while i < scalars.count, scalars[i] == " " { i += 1 }
        return i < scalars.count && scalars[i].properties.isLowercase
    }

    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        // ASCII, most of an English article, without asking Unicode's tables.
        if c.isASCII { return ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) }
        return c.properties.isAlphabetic || c.properties.numericType != nil || c.properties.generalCategory == .nonspacingMark
    }
    static let apostrophes: Set<Unicode.Scalar> = ["'", "’"]
    static let closers: Set<Unicode.Scalar> = ["\"", "”", "’", "»", ")", "]"]
    /// Words whose full stop does not end a sentence.
    static let abbreviations: Set<String> = ["mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sen", "rep", "gov", "prof",
                                             "jr", "sr", "no", "maj", "capt", "sgt", "u.s", "u.n", "u.k", "e.g", "i.e", "vs", "mt"]

    /// The words of `range`.
    func words(in range: Range<Int>) -> [Word] {
        var words: [Word] = []
        var i = range.lowerBound
        while i < range.upperBound {
            guard Self.isLetter(scalars[i]) else { i += 1; continue }
            let start = i
            while i < range.upperBound {
                if Self.isLetter(scalars[i]) { i += 1; continue }
                // An apostrophe, hyphen or full stop between letters stays in the word.
                if i + 1 < range.upperBound, Self.isLetter(scalars[i + 1]),
                   Self.apostrophes.contains(scalars[i]) || scalars[i] == "-" || (scalars[i] == "." && i - start <= 2) {
                    i += 2
                    continue
                }
                break
            }
            // An abbreviation keeps its full stop ("Mr."), so that it is not taken for a sentence's end.
            var end = i
            let word = self[start..<end]
            if end < range.upperBound, scalars[end] == ".", Self.abbreviations.contains(word.lowercased()) || (word.count == 1 && word.first!.isUppercase) {
                end += 1
            }
            // A plural's possessive keeps its apostrophe ("Hamas' statement", "the officials’ words"):
            // one after "s", before a space and a word.
            if end + 2 < range.upperBound, end - start >= 2, Self.apostrophes.contains(scalars[end]), scalars[end - 1] == "s" || scalars[end - 1] == "S",
               scalars[end + 1] == " ", Self.isLetter(scalars[end + 2]) {
                end += 1
            }
            let gapStart = words.last?.range.upperBound ?? start
            let gap = scalars[gapStart..<start]
            let afterPunctuation = words.isEmpty || gap.contains { !$0.properties.isWhitespace }
            let afterComma = gap.contains { $0 == "," || $0 == ";" }
            words.append(Word(range: start..<end, text: self[start..<end], afterPunctuation: afterPunctuation, afterComma: afterComma))
            i = end
        }
        return words
    }

    /// The paragraphs' ranges: text between line breaks, without the blank ones.
    func paragraphs() -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for i in 0...scalars.count where i == scalars.count || scalars[i] == "\n" || scalars[i] == "\r" {
            if scalars[start..<i].contains(where: { !$0.properties.isWhitespace }) { result.append(start..<i) }
            start = i + 1
        }
        return result
    }

    /// The sentences of a paragraph: each ends at ".", "!" or "?" (and the closing marks after it)
    /// before a space, outside quotation marks, unless the word before is an abbreviation.
    func sentences(in paragraph: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = paragraph.lowerBound
        var insideCurly = false, insideStraight = false, insideSingle = false, insideGuillemets = false
        var i = paragraph.lowerBound
        while i < paragraph.upperBound {
            let c = scalars[i]
            var closes = false
            switch c {
            case "“": insideCurly = true
            case "”":
                // (A ” may close a quotation opened with ", as some sites mix them: `said, "I want … religiously.”`.)
                if !insideCurly { insideStraight = false }
                insideCurly = false; closes = true
            case "\"":
                if insideCurly, !insideStraight, closesQuotation(at: i, before: paragraph.upperBound) { insideCurly = false; closes = true; break }
                insideStraight.toggle(); closes = !insideStraight
            case "‘": if opensSingle(at: i, from: paragraph.lowerBound) { insideSingle = true }
            case "’": if insideSingle, closesQuotation(at: i, before: paragraph.upperBound) { insideSingle = false; closes = true }
            case "'":
                if insideSingle {
                    if closesQuotation(at: i, before: paragraph.upperBound) { insideSingle = false; closes = true }
                } else if opensSingle(at: i, from: paragraph.lowerBound) { insideSingle = true }
            case "«": insideGuillemets = true
            case "»": insideGuillemets = false; closes = true
            default: break
            }
            // A quotation that ends its sentence (“… are over.” He warned …), unless one that ends
            // with its own "!" or "?" is followed by its speaker and verb (“… this matter!” Trump posted).
            if closes, i > start, ".!?".unicodeScalars.contains(scalars[i - 1]),
               i + 2 < paragraph.upperBound, scalars[i + 1].properties.isWhitespace, scalars[i + 2].properties.isUppercase,
               scalars[i - 1] == "." || !speakerAndVerbFollow(i + 2, before: paragraph.upperBound) {
                result.append(start..<i + 1)
                start = i + 1
                i += 1
                continue
            }
            if ".!?".unicodeScalars.contains(c), !insideCurly, !insideStraight, !insideSingle, !insideGuillemets {
                // A quotation opened with no space after the stop (`proliferates."The talks …`).
                if i + 2 < paragraph.upperBound, scalars[i + 1] == "“" || scalars[i + 1] == "\"", scalars[i + 2].properties.isUppercase,
                   !(c == "." && endsAbbreviation(at: i, from: start)) {
                    result.append(start..<i + 1)
                    start = i + 1
                    i += 1
                    continue
                }
                var end = i + 1
                while end < paragraph.upperBound, Self.closers.contains(scalars[end]) { end += 1 }
                let atSpace = end == paragraph.upperBound || scalars[end].properties.isWhitespace
                let abbreviated = c == "." && endsAbbreviation(at: i, from: start)
                if atSpace && !abbreviated {
                    result.append(start..<end)
                    start = end
                    i = end
                    continue
                }
            }
            i += 1
        }
        if scalars[start..<paragraph.upperBound].contains(where: { !$0.properties.isWhitespace }) { result.append(start..<paragraph.upperBound) }
        return result.map(trimmed)
    }

    /// Whether the full stop at `stop` ends an abbreviation or an initial ("Mr.", "U.S.", "F."):
    /// the word before it is read back a few letters only, so that a line of dots costs no more
    /// than a line of words.
    private func endsAbbreviation(at stop: Int, from start: Int) -> Bool {
        var first = stop
        while first > max(start, stop - 8), Self.isLetter(scalars[first - 1]) || (scalars[first - 1] == "." && first - 1 > start) { first -= 1 }
        guard first < stop, first == start || !Self.isLetter(scalars[first - 1]) else { return false }
        let word = self[first..<stop]
        // A month's ("on Feb. 19"), when a day's number follows.
        if word.count <= 4, RelativeDate.month(word.lowercased()) != nil {
            return stop + 2 < scalars.count && scalars[stop + 1] == " " && ("0"..."9").contains(scalars[stop + 2])
        }
        return Self.abbreviations.contains(word.lowercased()) || (word.count == 1 && word.first!.isUppercase)
    }

    /// The first index of `sorted` (in ascending order of `key`) whose key is `bound` or more,
    /// found by halving.
    static func firstIndex<C: RandomAccessCollection>(_ sorted: C, notBelow bound: Int, by key: (C.Element) -> Int) -> C.Index {
        var low = sorted.startIndex, high = sorted.endIndex
        while low < high {
            let mid = sorted.index(low, offsetBy: sorted.distance(from: low, to: high) / 2)
            if key(sorted[mid]) < bound { low = sorted.index(after: mid) } else { high = mid }
        }
        return low
    }

    /// The words of `words` (in order) that lie within `from..<to`, found by halving.
    static func words(_ words: [Word], within from: Int, _ to: Int) -> ArraySlice<Word> {
        let low = firstIndex(words, notBelow: from) { $0.range.lowerBound }
        let end = firstIndex(words[low...], notBelow: to + 1) { $0.range.upperBound }
        return words[low..<end]
    }

    /// The quotations of `range`: “…” pairs, and "…" pairs of straight marks.
    /// Single marks (‘…’, as British papers quote) and guillemets («…») too; a ’ that is an
    /// apostrophe ("Pakistan’s", "officials’ ") closes nothing that was not opened.
    func quotations(in range: Range<Int>) -> [Quotation] {
        var result: [Quotation] = []
        var curly: Int?, straight: Int?, single: Int?, straightSingle: Int?, guillemet: Int?
        for i in range {
            switch scalars[i] {
            case "“": curly = i
            case "”":
                if let open = curly {
                    result.append(Quotation(open: open, close: i))
                    curly = nil
                } else if let open = straight {
                    result.append(Quotation(open: open, close: i))    // "…” as some sites mix the marks
                    straight = nil
                } else if opensSingle(at: i, from: range.lowerBound) {
                    curly = i       // ”…” as some sites write both marks: a ” before a word opens
                }
            case "\"":
                if let open = straight {
                    result.append(Quotation(open: open, close: i))
                    straight = nil
                } else if let open = curly, closesQuotation(at: i, before: range.upperBound) {
                    result.append(Quotation(open: open, close: i))    // “…"
                    curly = nil
                } else {
                    straight = i
                }
            case "‘": if opensSingle(at: i, from: range.lowerBound) { single = i }
            case "’": if let open = single, closesQuotation(at: i, before: range.upperBound) { result.append(Quotation(open: open, close: i)); single = nil }
            case "'":
                // Straight single marks, as some sites quote ('…,' Rubio said); within a word or
                // after one ("don't", "the talks' outcome") an apostrophe.
                if let open = straightSingle {
                    if closesQuotation(at: i, before: range.upperBound) { result.append(Quotation(open: open, close: i)); straightSingle = nil }
                } else if opensSingle(at: i, from: range.lowerBound) {
                    straightSingle = i
                }
            case "«": guillemet = i
            case "»": if let open = guillemet { result.append(Quotation(open: open, close: i)); guillemet = nil }
            default: break
            }
        }
        return result.sorted { $0.open < $1.open }
    }

    /// Whether the words from `i` are a speaker and a verb of saying: capitalized words or titles
    /// (a few), then the verb ("Trump posted", "Foreign Minister Ishaq Dar asked"), read a few
    /// words at most.
    private func speakerAndVerbFollow(_ i: Int, before end: Int) -> Bool {
        let following = words(in: i..<min(end, i + 80)).prefix(7)
        guard let verb = following.firstIndex(where: { !$0.isCapitalized && !Attribution.titles.contains($0.lowered) }), verb > following.startIndex,
              !following[following.startIndex...verb].dropFirst().contains(where: \.afterPunctuation) else { return false }
        return Attribution.cues.contains(following[verb].lowered)
    }

    /// A ‘ after a space, a bracket or a dash, before a letter, opens a quotation.
    func opensSingle(at i: Int, from start: Int) -> Bool {
        (i == start || scalars[i - 1].properties.isWhitespace || "(“\"—–-:".unicodeScalars.contains(scalars[i - 1]))
            && i + 1 < scalars.count && !scalars[i + 1].properties.isWhitespace
    }

    /// A ’ after something and before no letter closes one ("…over,’ he said"; not "Pakistan’s");
    /// so does a " after a quotation opened with “ (`“… over," he said`).
    func closesQuotation(at i: Int, before end: Int) -> Bool {
        i > 0 && !scalars[i - 1].properties.isWhitespace && (i + 1 >= end || !Self.isLetter(scalars[i + 1]))
    }

    /// `range` without the spaces at its ends.
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var low = range.lowerBound, high = range.upperBound
        while low < high, scalars[low].properties.isWhitespace { low += 1 }
        while high > low, scalars[high - 1].properties.isWhitespace { high -= 1 }
        return low..<high
    }
}
