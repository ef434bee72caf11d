/// How often each word occurs in the statements' texts, as quanteda's `textstat_frequency` counts
/// the features of a document-feature matrix: texts split into words (letters and digits, with an
/// apostrophe or a hyphen inside a word kept, "Pakistan's", "cross-border", and a point or comma
/// between digits, "2,000", "3.5"), lowercased, English
/// stop words left out unless asked for. Languages written without spaces between words (Chinese,
/// Japanese, Thai) are not split into words.
public struct WordCounting: Sendable {
    /// Whether to keep the English stop words ("the", "and"; "said" is not one of them).
    public var keepStopwords = false
    /// Words shorter than this many characters are left out.
    public var minimumLength = 1
    /// Other words to leave out (lowercased).
    public var dropped: Set<String> = []
    /// 1 counts words; 2 or 3, phrases of that many words in a row that each count ("written
    /// agreement", "afghan soil"), as quanteda's tokens_ngrams after the stop words are removed,
    /// but never across one: "the talks are over" has no phrase of two.
    public var phraseLength = 1

    public init() {}

    /// The words of a text, lowercased, in order (stop words and short words included).
    public static func words(in text: String) -> [String] {
        var words: [String] = []
        var tokenizer = Tokenizer()
        var text = text
        text.withUTF8 { bytes in tokenizer.forEachWord(in: bytes) { words.append(String(decoding: $0, as: UTF8.self)) } }
        return words
    }

    /// The English stop words (Snowball's list, as quanteda's `stopwords("en")` has it).
    public static let englishStopwords: Set<String> = [
        "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours", "yourself", "yourselves",
        "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself", "they", "them", "their",
        "theirs", "themselves", "what", "which", "who", "whom", "this", "that", "these", "those", "am", "is", "are", "was",
        "were", "be", "been", "being", "have", "has", "had", "having", "do", "does", "did", "doing", "would", "should",
        "could", "ought", "i'm", "you're", "he's", "she's", "it's", "we're", "they're", "i've", "you've", "we've",
        "they've", "i'd", "you'd", "he'd", "she'd", "we'd", "they'd", "i'll", "you'll", "he'll", "she'll", "we'll",
        "they'll", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "doesn't", "don't", "didn't",
        "won't", "wouldn't", "shan't", "shouldn't", "can't", "cannot", "couldn't", "mustn't", "let's", "that's", "who's",
        "what's", "here's", "there's", "when's", "where's", "why's", "how's", "a", "an", "the", "and", "but", "if", "or",
        "because", "as", "until", "while", "of", "at", "by", "for", "with", "about", "against", "between", "into",
        "through", "during", "before", "after", "above", "below", "to", "from", "up", "down", "in", "out", "on", "off",
        "over", "under", "again", "further", "then", "once", "here", "there", "when", "where", "why", "how", "all", "any",
        "both", "each", "few", "more", "most", "other", "some", "such", "no", "nor", "not", "only", "own", "same", "so",
        "than", "too", "very", "will",
    ]

    /// Whether `word` (lowercased) is counted.
    func counts(_ word: String) -> Bool {
        (keepStopwords || !Self.englishStopwords.contains(word.replacingOccurrences(of: "’", with: "'")))
            && word.count >= minimumLength && !dropped.contains(word)
    }
}

/// Splits UTF-8 text into lowercased words, handing each to a closure as bytes (valid until the
/// next word): a word is a range of the text, copied only when it must be lowercased; ASCII is
/// classified a byte at a time, other characters by their Unicode properties.
struct Tokenizer {
    private var lowered: [UInt8] = []

    mutating func forEachWord(in text: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var start = -1               // where the current word starts; -1: none
        var end = 0                  // where it ends so far (a joiner after it is not in it yet)
        var upper = false, ascii = true, joinerPending = false, numberJoinerPending = false, lastWasDigit = false
        var i = 0
        let n = text.count
        // Read once per text, not per byte: each read of a static checks that it is made, a call
        // that kept the loop from being optimised (counting the words of a million texts took
        // 0.47 to 0.49 s, now 0.36 to 0.37 s).
        let asciiKinds = Self.asciiKinds
        while i < n {
            let byte = text[i]
            var width = 1
            let kind: CharacterKind
            if byte < 0x80 {
                kind = asciiKinds[Int(byte)]
            } else {
                // A scalar of 2 to 4 bytes (the texts are valid UTF-8).
                width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                var value = UInt32(byte) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
                var k = 1
                while k < width && i + k < n {
                    value = value << 6 | UInt32(text[i + k] & 0x3F)
                    k += 1
                }
                kind = value < 0x10000 ? Self.basicPlaneKinds[Int(value)] : Unicode.Scalar(value).map(Self.kind) ?? .separator
            }
            switch kind {
            case .lower, .upper, .digit:
                // A point or comma joins digits only ("2,000", "3.5"); before a letter it ends the word.
                if numberJoinerPending && kind != .digit {
                    emit(UnsafeBufferPointer(rebasing: text[start..<end]), upper: upper, ascii: ascii, body)
                    start = -1
                }
                if start < 0 {
                    start = i
                    upper = false
                    ascii = true
                }
                end = i + width
                upper = upper || kind == .upper
                ascii = ascii && width == 1
                joinerPending = false
                numberJoinerPending = false
                lastWasDigit = kind == .digit
            case .joiner where start >= 0 && !joinerPending:
                joinerPending = true
                lastWasDigit = false
            case .numberJoiner where start >= 0 && !joinerPending && lastWasDigit:
                joinerPending = true
                numberJoinerPending = true
                lastWasDigit = false
            default:
                if start >= 0 { emit(UnsafeBufferPointer(rebasing: text[start..<end]), upper: upper, ascii: ascii, body) }
                start = -1
                joinerPending = false
                numberJoinerPending = false
                lastWasDigit = false
            }
            i += width
        }
        if start >= 0 { emit(UnsafeBufferPointer(rebasing: text[start..<end]), upper: upper, ascii: ascii, body) }
    }

    private mutating func emit(_ word: UnsafeBufferPointer<UInt8>, upper: Bool, ascii: Bool, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard upper else { return body(word) }
        lowered.removeAll(keepingCapacity: true)
        if ascii {
            for byte in word { lowered.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
        } else {
            lowered.append(contentsOf: String(decoding: word, as: UTF8.self).lowercased().utf8)
        }
        lowered.withUnsafeBufferPointer(body)
    }

    enum CharacterKind { case lower, upper, digit, joiner, numberJoiner, separator }

    /// Letters (`upper` when lowercasing changes them) and digits, the apostrophes and hyphen that
    /// join the two parts of a word, the point and comma that join digits, and the rest.
    private static let asciiKinds: [CharacterKind] = (0..<128).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): .lower
        case UInt8(ascii: "0")...UInt8(ascii: "9"): .digit
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): .upper
        case UInt8(ascii: "'"), UInt8(ascii: "-"): .joiner
        case UInt8(ascii: "."), UInt8(ascii: ","): .numberJoiner
        default: .separator
        }
    }

    /// The kinds of the scalars of the Basic Multilingual Plane (every script in use), looked up
    /// once, when words are first counted outside ASCII: asking Unicode's properties for each
    /// character of an Arabic text took eight times as long as counting the words of an English one.
    private static let basicPlaneKinds: [CharacterKind] = (0..<0x10000).map { Unicode.Scalar(UInt32($0)).map(kind) ?? .separator }

    private static func kind(_ scalar: Unicode.Scalar) -> CharacterKind {
        if scalar == "’" { return .joiner }
        let properties = scalar.properties
        guard properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
                || properties.generalCategory == .spacingMark else { return .separator }
        return properties.changesWhenLowercased ? .upper : .lower
    }
}

extension Selection {
    /// How often each word occurs in the texts (`counting` says which words count), keyed
    /// "word"; with `field`, by the word and that field's value (a statement without a value for
    /// it is left out, one with several values counts under each), so that a crosstab has a row
    /// per word and a column per value. On all cores for large selections.
    /// More than `maxRows` rows (words, or pairs of a word and a value) throws, as soon as a part
    /// of the count has that many: words by every text of a million statements would be tens of
    /// millions of rows, more memory than the machine has.
    public func wordCounts(by field: Field? = nil, counting: WordCounting = WordCounting(), maxRows: Int = .max) throws(TooManyRows) -> Counts {
        // The field's values as codes, read from its columns, when it has them (as count_by reads them).
        let key = field.flatMap { corpus.keyCodes($0) }
        let parts = Parallel.map(count: count, threshold: 20_000) { range in
            wordTallies(rows: range, by: field, key: key, counting: counting, maxRows: maxRows)
        }
        // The parts' terms and groups numbered anew, their counts added up by those numbers.
        var terms = InternedColumn()
        var groupCode: [FieldValue: Int] = [:], groups: [FieldValue] = []
        var totals: [Int] = [], pairs = CountTable()
        for part in parts {
            guard let part else { throw TooManyRows(limit: maxRows) }
            let termMap = part.terms.map { Int(terms.code(for: $0)) }
            if field == nil {
                if terms.values.count > totals.count { totals += repeatElement(0, count: terms.values.count - totals.count) }
                for (term, n) in part.totals.enumerated() where n > 0 { totals[termMap[term]] += n }
            } else {
                let groupMap = part.groups.map { value in
                    if let code = groupCode[value] { return code }
                    groupCode[value] = groups.count
                    groups.append(value)
                    return groups.count - 1
                }
                part.pairs.forEach { pair, n in
                    let group = pair >> 32
                    pairs.add((key == nil ? groupMap[group] : group) << 32 | termMap[pair & 0xFFFF_FFFF], n)
                }
            }
            if (field == nil ? totals.lazy.filter { $0 > 0 }.count : pairs.count) > maxRows { throw TooManyRows(limit: maxRows) }
        }
        let keys = ["word"] + (field.map { [$0.description] } ?? [])
        guard field != nil else {
            return Counts(keys: keys, radices: [max(terms.values.count, 1)], values: [KeyValues(terms.values)]) { body in
                for (term, n) in totals.enumerated() where n > 0 { body(term, n) }
            }
        }
        // Values that are all strings (every field with codes, most others) are coded too; others
        // (numbers of an extra field) are keyed by their values.
        let groupStrings = key.map { $0.values } ?? (groups.allSatisfy(\.isString) ? KeyValues(groups.map(\.description)) : nil)
        guard let groupStrings else {
            var byKey: [[FieldValue]: Int] = [:]
            pairs.forEach { pair, n in byKey[[.string(terms.values[pair & 0xFFFF_FFFF]), groups[pair >> 32]]] = n }
            return Counts(keys: keys, tallies: byKey)
        }
        let radix = max(groupStrings.count, 1)
        return Counts(keys: keys, radices: [max(terms.values.count, 1), radix], values: [KeyValues(terms.values), groupStrings]) { body in
            pairs.forEach { pair, n in body((pair & 0xFFFF_FFFF) * radix + pair >> 32, n) }
        }
    }

    public struct TooManyRows: Error {
        public let limit: Int
    }

    /// What one part of the selection's rows holds: its terms (words or phrases) by number, and
    /// their counts by term, or by the pair of a group (a value of the field, numbered in
    /// `groups` or, when the field has codes, by its code) and a term: group << 32 | term.
    private struct WordTally {
        var terms: [String] = []
        var totals: [Int] = []
        var pairs = CountTable()
        var groups: [FieldValue] = []
    }

    /// The words of the selection's rows at `range` (positions in the selection), counted; nil
    /// if the phrases or pairs passed `maxRows` on the way (the caller checks the words' count).
    private func wordTallies(rows range: Range<Int>, by field: Field?, key: Corpus.KeyCodes?, counting: WordCounting, maxRows: Int) -> WordTally? {
        let texts = corpus.statements.texts
        var vocabulary = InternedColumn()
        var counted: [Bool] = []                 // by word code: whether the word counts
        // What is counted: words, or phrases of `phraseLength` words (their codes, numbered as they come).
        // A phrase of words coded below 2^21 is one integer, numbered in a `CountTable` (Swift's
        // Dictionary over `Phrase` took a third of a count of word pairs); others in a dictionary.
        var packedCode = CountTable(), phraseCode: [Phrase: Int] = [:], phrases: [Phrase] = []
        var window = Phrase()
        var tally = WordTally()
        // A row's groups: codes of the field's values, read from its columns when it has them
        // (`KeyReader`), else numbered here as its values come.
        let reader = key.map(KeyReader.init)
        var groupCode: [FieldValue: Int32] = [:]
        var groupCodes: [Int32] = []
        var tokenizer = Tokenizer()
        let n = counting.phraseLength
        var overflowed = false
        withExtendedLifetime(key) { texts.bytes.withUnsafeBufferPointer { bytes in
            texts.starts.withUnsafeBufferPointer { starts in
                for i in range {
                    if (i & 1023) == 0 && max(phrases.count, tally.pairs.count) > maxRows {
                        overflowed = true
                        return
                    }
                    let row = self.row(at: i)
                    if let field {
                        groupCodes.removeAll(keepingCapacity: true)
                        switch reader {
                        case .codes(let codes)?:
                            let code = codes.code(row)
                            if code >= 0 { groupCodes.append(code) }
                        case .list(let list)?:
                            list.forEachDistinct(row) { groupCodes.append($0) }
                        case nil:
                            for value in Set(corpus.values(of: field, row: row)) {
                                if let code = groupCode[value] { groupCodes.append(code); continue }
                                groupCode[value] = Int32(tally.groups.count)
                                groupCodes.append(Int32(tally.groups.count))
                                tally.groups.append(value)
                            }
                        }
                        if groupCodes.isEmpty { continue }
                    }
                    let text = UnsafeBufferPointer(rebasing: bytes[starts[row]..<starts[row + 1]])
                    window = Phrase()
                    tokenizer.forEachWord(in: text) { word in
                        let code = Int(vocabulary.code(forUTF8: word))
                        if code == counted.count { counted.append(counting.counts(String(decoding: word, as: UTF8.self))) }
                        guard counted[code] else {
                            window = Phrase()
                            return
                        }
                        var term = code
                        if n > 1 {
                            window.push(Int32(code), keeping: n)
                            guard window.count == n else { return }
                            if let packed = window.packed {
                                term = packedCode.number(packed, orAdding: phrases.count)
                            } else if let known = phraseCode[window] {
                                term = known
                            } else {
                                term = phrases.count
                                phraseCode[window] = term
                            }
                            if term == phrases.count { phrases.append(window) }
                        }
                        if field == nil {
                            if term >= tally.totals.count { tally.totals += repeatElement(0, count: term - tally.totals.count + 1) }
                            tally.totals[term] += 1
                        } else {
                            for group in groupCodes { tally.pairs.add(Int(group) << 32 | term, 1) }
                        }
                    }
                }
            }
        } }
        if overflowed { return nil }
        let words = vocabulary.values
        tally.terms = n == 1 ? words : phrases.map { phrase in
            [phrase.codes.0, phrase.codes.1, phrase.codes.2].prefix(n).map { words[Int($0)] }.joined(separator: " ")
        }
        return tally
    }
}

/// The codes of up to three words in a row, the latest last.
struct Phrase: Hashable {
    var codes: (Int32, Int32, Int32) = (-1, -1, -1)
    var count = 0

    mutating func push(_ code: Int32, keeping n: Int) {
        if count == n {
            codes = n == 2 ? (codes.1, code, -1) : (codes.1, codes.2, code)
        } else {
            switch count {
            case 0: codes.0 = code
            case 1: codes.1 = code
            default: codes.2 = code
            }
            count += 1
        }
    }

    /// The codes in one integer, 21 bits each (nil if a code does not fit).
    var packed: Int? {
        let limit: Int32 = (1 << 21) - 1
        guard codes.0 < limit, codes.1 < limit, codes.2 < limit else { return nil }
        return Int(codes.0 + 1) << 42 | Int(codes.1 + 1) << 21 | Int(codes.2 + 1)
    }

    static func == (a: Phrase, b: Phrase) -> Bool { a.codes == b.codes && a.count == b.count }
    func hash(into hasher: inout Hasher) {
        hasher.combine(codes.0)
        hasher.combine(codes.1)
        hasher.combine(codes.2)
    }
}
