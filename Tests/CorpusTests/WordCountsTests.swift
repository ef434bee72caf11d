@testable import Corpus
import Foundation
import Testing
import TestSupport

/// Word frequencies (`c:words()`): words as an analyst reads them, counted as the generator's
/// texts say, alone and by a field, on one core or all.
@Suite struct WordCountsTests {
    @Test func wordsAreSplitAsAReaderReadsThem() {
        #expect(WordCounting.words(in: "Pakistan's cross-border talks—“over”, 58 soldiers; soldiers' lives -- end") ==
                ["pakistan's", "cross-border", "talks", "over", "58", "soldiers", "soldiers", "lives", "end"])
        #expect(WordCounting.words(in: "Pakistan’s ÉTAT L'État naïve Straße") == ["pakistan’s", "état", "l'état", "naïve", "straße"])
        #expect(WordCounting.words(in: "مذاکرات ختم ہو گئے ہیں، اور") == ["مذاکرات", "ختم", "ہو", "گئے", "ہیں", "اور"])
        #expect(WordCounting.words(in: "") == [] && WordCounting.words(in: " -- ' ’ ") == [])
    }

    /// Against counts made from the generator's records (its texts are words and spaces), over a
    /// corpus large enough to be counted on all cores.
    @Test(arguments: [300, 25_000])
    func countsAreTheTextsWords(statements: Int) throws {
        let generated = SyntheticCorpus(count: statements, seed: 9)
        let corpus = try CorpusLoader.load(text: generated.jsonLines, path: "g.jsonl").corpus
        let all = Selection(corpus: corpus)
        func expected(_ records: [SyntheticCorpus.Record], keep: (String) -> Bool) -> [String: Int] {
            var counts: [String: Int] = [:]
            for record in records {
                for word in record.text.split(separator: " ") where keep(word.lowercased()) { counts[word.lowercased(), default: 0] += 1 }
            }
            return counts
        }
        func table(_ counts: Counts) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: counts.rows.map { ($0.key.map(\.description).joined(separator: "|"), $0.count) })
        }
        let plain = expected(generated.records) { $0 != "the" && $0 != "will" }
        #expect(table(all.wordCounts()) == plain && plain.count > 5)
        var counting = WordCounting()
        counting.keepStopwords = true
        #expect(table(all.wordCounts(counting: counting)) == expected(generated.records) { _ in true })
        counting = WordCounting()
        counting.minimumLength = 6
        counting.dropped = ["written"]
        #expect(table(all.wordCounts(counting: counting)) == expected(generated.records) { $0.count >= 6 && $0 != "written" })
        var bySpeaker: [String: Int] = [:]
        for speaker in SyntheticCorpus.speakers {
            for (word, n) in expected(generated.records.filter { $0.speaker == speaker }, keep: { $0 != "the" && $0 != "will" }) {
                bySpeaker[word + "|" + speaker] = n
            }
        }
        let counts = all.wordCounts(by: .speaker)
        #expect(counts.keys == ["word", "speaker"] && table(counts) == bySpeaker)
        // A list field counts a statement's words under each of its values.
        let byTopic = table(all.wordCounts(by: .topics))
        let ceasefire = expected(generated.records.filter { $0.topics.contains("ceasefire") }) { $0 != "the" && $0 != "will" }
        #expect(ceasefire.allSatisfy { byTopic[$0.key + "|ceasefire"] == $0.value })
    }
}
