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
        #expect(WordCounting.words(in: "2,000 soldiers, 3.5 km. In 2025, talks.Over 1,2,a covid-19") ==
                ["2,000", "soldiers", "3.5", "km", "in", "2025", "talks", "over", "1,2", "a", "covid-19"])
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
        #expect(table(try all.wordCounts()) == plain && plain.count > 5)
        var counting = WordCounting()
        counting.keepStopwords = true
        #expect(table(try all.wordCounts(counting: counting)) == expected(generated.records) { _ in true })
        counting = WordCounting()
        counting.minimumLength = 6
        counting.dropped = ["written"]
        #expect(table(try all.wordCounts(counting: counting)) == expected(generated.records) { $0.count >= 6 && $0 != "written" })
        // Phrases of two and three words in a row, none across a stop word.
        for n in [2, 3] {
            var phrases: [String: Int] = [:]
            for record in generated.records {
                let words = record.text.split(separator: " ").map { $0.lowercased() }
                for start in 0..<max(words.count - n + 1, 0) {
                    let phrase = words[start..<start + n]
                    if !phrase.contains("the") && !phrase.contains("will") { phrases[phrase.joined(separator: " "), default: 0] += 1 }
                }
            }
            counting = WordCounting()
            counting.phraseLength = n
            #expect(table(try all.wordCounts(counting: counting)) == phrases && phrases.count > 5, "n = \(n)")
        }
        var bySpeaker: [String: Int] = [:]
        for speaker in SyntheticCorpus.speakers {
            for (word, n) in expected(generated.records.filter { $0.speaker == speaker }, keep: { $0 != "the" && $0 != "will" }) {
                bySpeaker[word + "|" + speaker] = n
            }
        }
        let counts = try all.wordCounts(by: .speaker)
        #expect(counts.keys == ["word", "speaker"] && table(counts) == bySpeaker)
        // A list field counts a statement's words under each of its values.
        let byTopic = table(try all.wordCounts(by: .topics))
        let ceasefire = expected(generated.records.filter { $0.topics.contains("ceasefire") }) { $0 != "the" && $0 != "will" }
        #expect(ceasefire.allSatisfy { byTopic[$0.key + "|ceasefire"] == $0.value })
        // Past a number of rows, the count stops with how many, on one core or all.
        #expect(throws: Selection.TooManyRows.self) { try all.wordCounts(by: .id, maxRows: 1_000) }
        #expect(throws: Selection.TooManyRows.self) { try all.wordCounts(maxRows: 5) }
        #expect(try all.wordCounts(maxRows: plain.count).rows.count == plain.count)
    }

    /// Phrases are numbered as one integer each while their words' codes fit in 21 bits: no two
    /// phrases share one, and a phrase with a larger code is left to the dictionary.
    @Test func phrasesPackIntoDistinctIntegers() {
        func phrase(_ codes: [Int32], n: Int) -> Phrase {
            var p = Phrase()
            for code in codes { p.push(code, keeping: n) }
            return p
        }
        let packed = [phrase([1, 2], n: 2), phrase([2, 1], n: 2), phrase([0, 1, 2], n: 3), phrase([1, 2, 0], n: 3),
                      phrase([9, 1, 2], n: 3), phrase([0, 0], n: 2), phrase([(1 << 21) - 2, 5], n: 2)].map(\.packed)
        #expect(packed.allSatisfy { $0 != nil } && Set(packed).count == packed.count)
        #expect(phrase([1 << 21, 5], n: 2).packed == nil && phrase([3, (1 << 21) - 1], n: 2).packed == nil)
        #expect(phrase([7, 1, 2], n: 2).packed == phrase([1, 2], n: 2).packed)   // the last two words of three
    }

    /// By a field without codes: an extra field of numbers keeps its values as numbers (and their
    /// order), one of strings its strings; rows are largest first, ties by key, as count_by orders them.
    @Test func countsByFieldsWithoutCodesKeepTheirValues() throws {
        let lines = [
            #"{"type":"statement","id":"a","speaker":"A","text":"talks ceasefire talks","tone":2}"#,
            #"{"type":"statement","id":"b","speaker":"B","text":"talks resume","tone":-1}"#,
            #"{"type":"statement","id":"c","speaker":"C","text":"ceasefire","tone":2,"desk":"x"}"#,
            #"{"type":"statement","id":"d","speaker":"D","text":"resume ceasefire","desk":"y"}"#,
        ]
        let corpus = try CorpusLoader.load(text: lines.joined(separator: "\n"), path: "t.jsonl").corpus
        let all = Selection(corpus: corpus)
        let byTone = try all.wordCounts(by: .extra("tone"))
        #expect(byTone.rows.map { $0.key.map(\.description).joined(separator: " ") + " \($0.count)" }
                == ["ceasefire 2 2", "talks 2 2", "resume -1 1", "talks -1 1"])
        #expect(byTone.rows.map(\.count) == [2, 2, 1, 1])
        #expect(byTone.count(for: [.string("talks"), .number(2)]) == 2 && byTone.count(for: [.string("ceasefire"), .number(2)]) == 2)
        #expect(byTone.count(for: [.string("talks"), .number(-1)]) == 1 && byTone.count(for: [.string("resume"), .number(-1)]) == 1)
        let byID = try all.wordCounts(by: .id)
        #expect(byID.rows.map { $0.key.map(\.description).joined(separator: " ") + " \($0.count)" }
                == ["talks a 2", "ceasefire a 1", "ceasefire c 1", "ceasefire d 1", "resume b 1", "resume d 1", "talks b 1"])
        let byDesk = try all.wordCounts(by: .extra("desk"))
        #expect(byDesk.rows.map { $0.key.map(\.description).joined(separator: " ") + " \($0.count)" } == ["ceasefire x 1", "ceasefire y 1", "resume y 1"])
    }

    /// Chi-squared with Yates's correction and its p-value, against SciPy 1.17.1's
    /// `chi2_contingency(table, correction=True)` (R's `chisq.test(correct = TRUE)` gives the same).
    @Test func keynessIsChiSquaredAsRAndSciPyComputeIt() {
        let reference: [([Int], Double, Double)] = [
            ([3, 7, 7, 2], 2.632438271604939, 0.1047008150396406),
            ([2, 0, 40, 60], 0.9635357142857147, 0.32629766188813025),
            ([1, 0, 3, 5], 0.0140625, 0.905603823126242),
            ([120, 40, 9000, 12000], 65.59211948272015, 5.546008329260318e-16),
        ]
        for (cells, chi2, p) in reference {
            let found = Keyness.signedChiSquared(a: cells[0], b: cells[1], c: cells[2], d: cells[3])
            #expect(abs(abs(found) - chi2) < 1e-9 && abs(Keyness.pValue(found) - p) < 1e-9 * max(p, 1e-300) + 1e-15, "\(cells): \(found)")
            // Negative where the target's count is below its expected count (a·d < b·c).
            #expect((found < 0) == (cells[0] * cells[3] < cells[1] * cells[2]), "\(cells)")
        }
        #expect(Keyness.signedChiSquared(a: 0, b: 0, c: 5, d: 5) == 0, "a word neither uses")
    }

    /// Each word's counts in the target and the reference are those of their texts, and the words
    /// come most characteristic of the target first.
    @Test func keynessComparesTwoSetsOfStatements() throws {
        let generated = SyntheticCorpus(count: 600, seed: 4)
        let corpus = try CorpusLoader.load(text: generated.jsonLines, path: "g.jsonl").corpus
        let all = Selection(corpus: corpus)
        let target = try all.matching(all: [.anyOf(.speaker, [.string("Amina Rahimi")])])
        let reference = try all.matching(all: [.anyOf(.speaker, [.string("Bilal Khan")])])
        var counting = WordCounting()
        counting.keepStopwords = true
        let found = try Keyness.of(target, against: reference, counting: counting)
        func counts(_ speaker: String) -> [String: Int] {
            var counts: [String: Int] = [:]
            for record in generated.records where record.speaker == speaker {
                for word in record.text.split(separator: " ") { counts[word.lowercased(), default: 0] += 1 }
            }
            return counts
        }
        let (mine, theirs) = (counts("Amina Rahimi"), counts("Bilal Khan"))
        #expect(Set(found.map(\.word)) == Set(mine.keys).union(theirs.keys) && found.count > 5)
        for word in found {
            #expect(word.target == mine[word.word, default: 0] && word.reference == theirs[word.word, default: 0], "\(word)")
        }
        #expect(zip(found, found.dropFirst()).allSatisfy { $0.chi2 >= $1.chi2 })
    }
}
