@testable import Corpus
import Testing
import TestSupport

/// Keywords in context: whole words only, case ignored and kept, contexts cut at words.
@Suite struct KeywordInContextTests {
    let corpus = try! CorpusLoader.load(path: Fixtures.exampleCorpus).corpus

    @Test func placesAreWholeWordsShownAsWritten() {
        let all = Selection(corpus: corpus)
        let (talks, more) = KeywordInContext.find("talks", in: all, window: 30, limit: 100)
        #expect(!more)
        #expect(talks.count == 6)
        #expect(Set(talks.map(\.match)) == ["talks", "Talks"])
        // Every place is one that `matching` finds, and no statement without the phrase has one.
        let rows = Set(talks.map(\.row))
        let matching = all.containing(phrase: "talks")
        #expect(rows == Set((0..<matching.count).map { matching.row(at: $0) }))
        // "over" inside "government" is no place; "over" alone is.
        let (over, _) = KeywordInContext.find("over", in: all, window: 30, limit: 100)
        #expect(!over.isEmpty && over.allSatisfy { !$0.before.hasSuffix("g") && !$0.after.hasPrefix("n") })
        #expect(KeywordInContext.isWord("a over b".range(of: "over")!, in: "a over b"))
        #expect(!KeywordInContext.isWord("government".range(of: "over")!, in: "government"))
        #expect(KeywordInContext.isWord("(over)".range(of: "over")!, in: "(over)"))
    }

    /// matching{words = …}: the statements kwic finds a place in, no others; on a generated corpus
    /// large enough to be checked on both cores, the same as a check of every text one by one.
    @Test func statementsWithTheWordsAreThoseKwicFinds() throws {
        let all = Selection(corpus: corpus)
        for phrase in ["over", "talks are over", "OVER", "govern", "58"] {
            let (places, _) = KeywordInContext.find(phrase, in: all, window: 10, limit: 10_000)
            let words = all.containing(words: phrase)
            #expect(Set((0..<words.count).map { words.row(at: $0) }) == Set(places.map(\.row)), "\(phrase)")
        }
        #expect(all.containing(words: "over").count < all.containing(phrase: "over").count, "government holds over, not as a word")
        let generated = try CorpusLoader.load(text: SyntheticCorpus(count: 30_000, seed: 5).jsonLines, path: "g.jsonl").corpus
        let texts = generated.statements.texts
        let found = Selection(corpus: generated).containing(words: "border")
        let expected = (0..<generated.count).filter { row in
            texts[row].lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).contains("border")
        }
        #expect((0..<found.count).map { found.row(at: $0) } == expected)
    }

    @Test func contextsAreCutAtWordsAndMarked() {
        let text = "The fragile ceasefire still holds, but Pakistan would respond"
        let range = text.range(of: "still")!
        #expect(KeywordInContext.context(before: range.lowerBound, in: text, window: 14) == "…ceasefire")
        #expect(KeywordInContext.context(after: range.upperBound, in: text, window: 12) == "holds, but…")
        #expect(KeywordInContext.context(before: range.lowerBound, in: text, window: 100) == "The fragile ceasefire")
        #expect(KeywordInContext.context(after: range.upperBound, in: text, window: 100) == "holds, but Pakistan would respond")
        // A window inside one long word keeps the piece rather than nothing.
        let long = "x supercalifragilistic y"
        #expect(KeywordInContext.context(before: long.range(of: " y")!.lowerBound, in: long, window: 5) == "…istic")
    }

    @Test func theLimitIsSaid() {
        let (first, more) = KeywordInContext.find("the", in: Selection(corpus: corpus), window: 10, limit: 3)
        #expect(first.count == 3 && more)
    }
}
