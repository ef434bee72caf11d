@testable import Corpus
import Foundation
import Testing
import TestSupport

/// Fields the format does not define: a common one is interned over every statement, a rare one
/// costs memory only where it occurs, whatever the corpus's size.
@Suite struct ExtraColumnTests {
    /// 20,000 statements, each with "verb"; 198 other fields, each in one statement; and "score", a
    /// number in every tenth (200 extra fields, the most a corpus keeps).
    static let lines: [String] = (0..<20_000).map { i in
        let rare = i % 100 == 0 && i / 100 < 198 ? #","rare\#(i / 100)":"r\#(i)""# : ""
        let score = i % 10 == 0 ? #","score":\#(i)"# : ""
        return #"{"type":"statement","speaker":"A","text":"t","verb":"said"\#(rare)\#(score)}"#
    }

    @Test func rareFieldsAreKeptSparseAndCommonOnesInterned() throws {
        let corpus = try CorpusLoader.load(text: Self.lines.joined(separator: "\n"), path: "x.jsonl").corpus
        let extras = corpus.statements.extras
        #expect(extras.count == 200)
        guard case .strings = extras["verb"] else { Issue.record("a field every statement has is interned"); return }
        for k in [0, 1, 99, 197] {
            guard case .sparse(let sparse) = extras["rare\(k)"] else { Issue.record("rare\(k) must be sparse"); continue }
            #expect(sparse.rows.count == 1 && sparse.count == 20_000)
            #expect(extras["rare\(k)"]?[k * 100] == .string("r\(k * 100)"))
            #expect(extras["rare\(k)"]?[k * 100 + 1] == nil && extras["rare\(k)"]?[max(0, k * 100 - 1)] == (k == 0 ? .string("r0") : nil))
        }
        guard case .sparse(let score) = extras["score"] else { Issue.record("numbers are kept sparse"); return }
        #expect(score.rows.count == 2_000 && extras["score"]?[130] == .integer(130) && extras["score"]?[131] == nil)
        #expect(extras["score"]?.hasOnlyStrings == false && extras["verb"]?.presentCount == 20_000)
    }

    @Test func sparseFieldsSurviveParallelLoadingSnapshotsAndSkippedRecords() throws {
        // Large enough to be read in two parts: the rows of the second part are shifted on merging.
        let padding = String(repeating: "p", count: 300)
        var lines = Self.lines.map { $0.replacingOccurrences(of: #""text":"t""#, with: #""text":"\#(padding)""#) }
        lines[7] = #"{"type":"statement","speaker":"","text":"bad"}"#
        let text = lines.joined(separator: "\n")
        #expect(text.utf8.count > JSONLinesReader.parallelThreshold)
        let corpus = try CorpusLoader.load(text: text, path: "x.jsonl", skipBad: true).corpus
        #expect(corpus.count == 19_999)
        // Row 7 is gone: later rows move up by one.
        #expect(corpus.statements.extras["rare150"]?[15_000 - 1] == .string("r15000"))
        #expect(corpus.statements.extras["score"]?[19_990 - 1] == .integer(19_990))
        let path = Fixtures.temporaryDirectory().appendingPathComponent("x.parley").path
        try Snapshot.write(corpus, source: nil, to: path)
        let opened = try Snapshot.read(path)
        for name in ["verb", "rare0", "rare150", "score"] {
            for row in stride(from: 0, to: corpus.count, by: 7) {
                #expect(opened.statements.extras[name]?[row] == corpus.statements.extras[name]?[row])
            }
            #expect(opened.statements.extras[name]?.presentCount == corpus.statements.extras[name]?.presentCount)
        }
    }

    /// Random patterns of presence (from every row to none), strings or not, read in two parts and
    /// merged: every row reads back as set.
    @Test func anyPatternOfRowsReadsBackAsSet() {
        var state: UInt64 = 21
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for round in 0..<60 {
            let total = 1 + next(400), cut = next(total + 1), density = [1, 2, 4, 10, 1000][round % 5]
            var expected: [Int: JSONValue] = [:]
            var parts = [ExtraField(), ExtraField()]
            for row in 0..<total where next(density) == 0 || (density == 1000 && row < 3) {
                // Values other than strings are kept as their JSON text: every kind reads back the same.
                let others: [JSONValue] = [.integer(Int64(row)), .number(2.5), .number(-1e300), .bool(true), .null,
                                           .string("“quoted” \"é\"\n"),
                                           .array([JSONNode(.string("http://example.org/\(row)"), offset: 0), JSONNode(.integer(3), offset: 0)]),
                                           .object([JSONMember(key: "by", keyOffset: 0, value: JSONNode(.array([]), offset: 0))])]
                let value: JSONValue = round % 3 == 2 && next(20) == 0 ? others[next(others.count)] : .string("v\(row % 7)")
                expected[row] = value
                let part = row < cut ? 0 : 1
                let local = row - (part == 0 ? 0 : cut)
                if case .string(let text) = value, next(2) == 0 {
                    var text = text
                    text.withUTF8 { parts[part].set(utf8: $0, row: local) }
                } else {
                    parts[part].set(value, row: local)
                }
            }
            parts[0].append(contentsOf: parts[1], rowBase: cut)
            let column = parts[0].column(rows: total)
            #expect(column.count == total && column.presentCount == expected.count, "round \(round)")
            for row in 0..<total { #expect(column[row] == expected[row], "round \(round) row \(row)") }
        }
    }
}
