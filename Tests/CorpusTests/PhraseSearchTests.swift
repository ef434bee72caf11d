import Corpus
import Testing
import TestSupport

/// `matching` searches all texts as one buffer, sixteen bytes a step; it must find exactly what a
/// plain lowercased `contains` finds in each text, including near the ends of texts and across them.
@Suite struct PhraseSearchTests {
    /// Texts of a few letters, so that phrases occur often, at every offset, and across the boundary
    /// between one text and the next.
    static func corpus(count: Int, seed: UInt64) throws -> (Corpus, [String]) {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let letters = Array("abAB -é")
        var texts: [String] = []
        var lines: [String] = []
        for i in 0..<count {
            let text = String((0..<(1 + next(40))).map { _ in letters[next(letters.count)] })
            texts.append(text)
            lines.append(#"{"type":"statement","speaker":"S","text":"\#(text)","id":"r\#(i)"}"#)
        }
        return (try CorpusLoader.load(text: lines.joined(separator: "\n"), path: "p.jsonl").corpus, texts)
    }

    @Test(arguments: ["a", "ab", "bA", "aba", "b-a", "abab", "ababababababababa", "a é", "é"])
    func findsWhatContainsFinds(phrase: String) throws {
        let (corpus, texts) = try Self.corpus(count: 3_000, seed: 7)
        let found = Selection(corpus: corpus).containing(phrase: phrase)
        let expected = texts.indices.filter { texts[$0].lowercased().contains(phrase.lowercased()) }
        #expect((0..<found.count).map { found.row(at: $0) } == expected)
        // The same search over a selection, row by row.
        let odd = Selection(corpus: corpus).filter { $0 % 2 == 1 }.containing(phrase: phrase)
        #expect((0..<odd.count).map { odd.row(at: $0) } == expected.filter { $0 % 2 == 1 })
    }

    /// Letters of many scripts and cases, some that more than one letter lowercases to (å and the
    /// ångström sign, σ and ς, ß and ẞ), some whose capital differs in one bit of its last byte (é É,
    /// ğ Ğ, я Я), some without case (Arabic, curly quotes): phrases cut from the texts and cased at
    /// random are found where the lowercased text holds the lowercased phrase's bytes, whether the
    /// search reads bytes or lowercases each text. (ASCII letters fold with their ASCII capitals
    /// only, as the ASCII search always has: the Kelvin sign and İ, which lowercase to k and i, are
    /// left out of the texts.)
    @Test func phrasesInEveryScriptAreFoundWhereTheLowercasedTextHoldsThem() throws {
        var numbers = SeededNumbers(seed: 31)
        func next(_ bound: Int) -> Int { numbers.next(bound) }
        let letters = Array("aAkKéÉåÅ\u{212B}ğĞiIıσΣςяЯёЁßẞÿŸبپ“ -")
        var texts: [String] = []
        for _ in 0..<2_000 { texts.append(String((0..<(1 + next(30))).map { _ in letters[next(letters.count)] })) }
        let lines = texts.enumerated().map { #"{"type":"statement","speaker":"S","text":"\#($1)","id":"r\#($0)"}"# }
        let corpus = try CorpusLoader.load(text: lines.joined(separator: "\n"), path: "p.jsonl").corpus
        let lowered = texts.map { Array($0.lowercased().utf8) }
        var phrases = ["é", "É", "ğ", "яЁ", "بپ", "“a", "k", "ſ", "σ", "ς", "i", "ß", "ÿ"]
        for _ in 0..<60 {
            let text = Array(texts[next(texts.count)])
            let from = next(text.count), length = 1 + next(min(4, text.count - from))
            phrases.append(text[from..<from + length].map { next(2) == 0 ? $0.uppercased() : $0.lowercased() }.joined())
        }
        for phrase in phrases {
            let needle = Array(phrase.lowercased().utf8)
            let expected = lowered.indices.filter { lowered[$0].firstRange(of: needle) != nil }
            let found = Selection(corpus: corpus).containing(phrase: phrase)
            #expect((0..<found.count).map { found.row(at: $0) } == expected, "\(phrase)")
        }
    }

    /// The exact search (`matching{pattern}`'s first pass) finds the bytes as written, case included.
    @Test(arguments: ["a", "aB", "Ab", "b-A", "a é", "é", "ABAB"])
    func findsExactlyWhatContainsFinds(bytes: String) throws {
        let (corpus, texts) = try Self.corpus(count: 3_000, seed: 5)
        let found = Selection(corpus: corpus).containing(bytes: Array(bytes.utf8))
        let expected = texts.indices.filter { Array(texts[$0].utf8).firstRange(of: Array(bytes.utf8)) != nil }
        #expect((0..<found.count).map { found.row(at: $0) } == expected)
    }

    @Test func largeCorpusSearchedOnAllCoresAgrees() throws {
        let (corpus, texts) = try Self.corpus(count: 120_000, seed: 11)
        let found = Selection(corpus: corpus).containing(phrase: "Bab")
        #expect(found.count == texts.count(where: { $0.lowercased().contains("bab") }))
    }
}
