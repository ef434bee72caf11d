@testable import Corpus
import Foundation
import Testing

/// `count_by` and `sort_by` read codes (interned fields, date parts, document fields, extra fields
/// of strings, topics and mentions, and codes made for ids and texts) instead of each statement's values; whatever they answer must
/// be what the general path answers, on the whole corpus and on selections, large enough to be
/// split between the cores.
@Suite struct CodedKeysTests {
    /// Statements with missing values, repeated list items, partial dates, an extra field of
    /// strings on most statements, a rare one, a numeric one, and document fields of each kind.
    static let corpus: Corpus = {
        var state: UInt64 = 5
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        func json(_ object: [String: Any]) -> String {
            String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }
        var lines: [String] = []
        let documents = 300
        for d in 0..<documents {
            var document: [String: Any] = ["type": "document", "id": "d\(d)", "title": "Title \(d % 7)"]
            if d % 5 != 0 { document["source"] = ["Dawn", "Tolo", "Reuters", "Ámbito"][next(4)] }
            if d % 3 == 0 { document["pages"] = next(4) }                    // a number: the general path
            if d % 4 != 0 { document["desk"] = ["world", "region"][next(2)] }
            lines.append(json(document))
        }
        let words = ["border", "talks", "trade", "ceasefire", "Border", "refugees"]
        // Texts: repeated and unique, sharing prefixes longer than 16 bytes, one the prefix of another,
        // one byte long, not ASCII, and one ("Cafe" + a combining accent) whose byte order differs from
        // Swift's order of strings (é sorts after "Caff" in normal form C, before it as bytes).
        let texts = ["The talks in Istanbul have ended", "The talks in Istanbul have ended without a result", "t",
                     "Ámbito said so", "Zarb-e-Azb", "Cafe\u{301} au lait", "Caff talks", "“Quoted” words", "talks"]
        for s in 0..<51_000 {   // above `Parallel.threshold`, so that the whole corpus is split between the cores
            var statement: [String: Any] = ["type": "statement", "id": "s\(s)", "doc": "d\(next(documents))", "speaker": "Speaker \(next(40))",
                                            "text": texts[next(texts.count)] + (next(3) == 0 ? " \(next(20_000))" : "")]
            switch next(4) {
            case 0: break
            case 1: statement["date"] = "20\(20 + next(5))"
            case 2: statement["date"] = String(format: "20%02d-%02d", 20 + next(5), 1 + next(12))
            default: statement["date"] = String(format: "20%02d-%02d-%02d", 20 + next(5), 1 + next(12), 1 + next(28))
            }
            if next(3) > 0 { statement["role"] = ["minister", "spokesman", "envoy"][next(3)] }
            statement["topics"] = (0..<next(4)).map { _ in words[next(words.count)] }      // repeats too
            if next(2) == 0 { statement["mentions"] = (0..<next(3)).map { _ in "M\(next(5))" } }
            if next(5) > 0 { statement["verb"] = ["said", "warned", "denied"][next(3)] }   // most: interned
            if next(50) == 0 { statement["tone"] = "firm" }                                  // rare: sparse
            if next(4) == 0 { statement["score"] = next(3) }                                 // numbers: sparse
            if s % 1000 == 0 { statement["status"] = "disputed" }
            lines.append(json(statement))
        }
        return try! CorpusLoader.load(text: lines.joined(separator: "\n"), path: "k.jsonl").corpus
    }()

    static let fieldLists: [[Field]] = [
        [.speaker], [.role], [.date], [.datePart(.year)], [.datePart(.month)], [.datePart(.day)], [.status], [.channel],
        [.topics], [.mentions], [.extra("verb")], [.extra("tone")], [.extra("score")],
        [.document("source")], [.document("title")], [.document("desk")], [.document("pages")], [.document("absent")],
        [.document("source"), .datePart(.year)], [.speaker, .role, .datePart(.month)], [.topics, .document("source")],
        [.mentions, .topics], [.topics, .topics], [.role, .extra("verb"), .mentions],
        [.id], [.text], [.text, .speaker], [.topics, .text],
        // More combinations than rows: counted in a `CountTable`, not an array.
        [.id, .speaker], [.document("source"), .text], [.speaker, .date, .role],
    ]

    static var selections: [Selection] {
        let all = Selection(corpus: corpus)
        let some = all.filter { $0 % 3 != 1 }
        let reversed = Selection(corpus: corpus, rows: (0..<Int32(corpus.count)).reversed().filter { $0 % 7 == 0 })
        return [all, some, reversed, all.first(10)]
    }

    @Test(arguments: fieldLists) func countsAreTheGeneralPathsCounts(_ fields: [Field]) {
        for selection in Self.selections {
            let coded = selection.counts(by: fields), general = selection.countsByValues(fields)
            #expect(coded.keys == general.keys)
            #expect(coded.rows == general.rows, "\(fields) over \(selection.count) rows")
            // Coded rows are made when read: the first n, and the total, without the others.
            for n in [0, 1, 3, general.rows.count + 5] {
                #expect(Array(coded.top(n).rows) == Array(general.rows.prefix(n)), "\(fields) top \(n)")
            }
            #expect(coded.total == general.total)
        }
    }

    @Test func aCountTableCountsAsADictionary() {
        var table = CountTable(), expected: [Int: Int] = [:]
        var state: UInt64 = 11
        for i in 0..<200_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            // Consecutive keys, repeated ones, and keys near the top of the range.
            let key = i % 3 == 0 ? i : i % 3 == 1 ? Int(state >> 45) : Int.max - 1 - Int(state >> 60)
            let n = 1 + i % 4
            table.add(key, n)
            expected[key, default: 0] += n
        }
        var found: [Int: Int] = [:]
        table.forEach { key, n in found[key] = (found[key] ?? 0) + n }
        #expect(found == expected)
    }

    @Test(arguments: fieldLists.filter { $0.count == 1 }) func sortsAreTheGeneralPathsSorts(_ fields: [Field]) {
        for selection in Self.selections {
            for descending in [false, true] {
                let sorted = selection.sorted(by: fields[0], descending: descending)
                let general = selection.sortedByValues(fields[0], descending: descending)
                #expect((0..<sorted.count).map(sorted.row(at:)) == (0..<general.count).map(general.row(at:)), "\(fields[0]) \(descending)")
            }
        }
    }

    @Test(arguments: fieldLists.filter { $0.count == 1 }) func distinctValuesAndPresenceAreTheGeneralPaths(_ fields: [Field]) {
        for selection in Self.selections {
            var seen = Set<FieldValue>(), present = 0
            selection.forEachRow { row in
                let values = Self.corpus.values(of: fields[0], row: row)
                seen.formUnion(values)
                if !values.isEmpty { present += 1 }
            }
            #expect(selection.distinct(fields[0]) == seen.sorted(), "\(fields[0])")
            #expect(selection.presentCount(fields[0]) == present, "\(fields[0])")
        }
    }

    @Test func theCodedPathsAreTaken() {
        let all = Selection(corpus: Self.corpus)
        #expect(all.codedCounts(by: [.speaker, .topics, .document("source"), .extra("verb")]) != nil)
        #expect(all.codedSort(by: .datePart(.month), descending: true) != nil)
        #expect(all.codedDistinct(.mentions) != nil)
        #expect(all.codedCounts(by: [.text, .speaker]) != nil)
        #expect(all.codedSort(by: .id, descending: false) != nil)
        #expect(all.first(10).codedDistinct(.text) != nil)
        // Numbers and sparse fields keep their types through the general path.
        #expect(all.codedCounts(by: [.extra("score")]) == nil)
        #expect(all.codedCounts(by: [.document("pages")]) == nil)
        #expect(all.codedSort(by: .topics, descending: false) == nil)
    }
}
