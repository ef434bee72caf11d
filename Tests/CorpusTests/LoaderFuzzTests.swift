import Corpus
import Foundation
import Testing
import TestSupport

/// Damaged corpus files: every one either loads or is refused with positioned problems; none crashes.
@Suite struct LoaderFuzzTests {
    static let jsonLines = SyntheticCorpus(count: 60, seed: 3).jsonLines
    static let json = try! String(contentsOfFile: Fixtures.exampleCorpus, encoding: .utf8)

    /// A deterministic generator, so a failure can be replayed.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(max(bound, 1)))
        }
    }

    static func mutate(_ bytes: [UInt8], _ random: inout Random) -> [UInt8] {
        var bytes = bytes
        for _ in 0...random.next(4) {
            guard !bytes.isEmpty else { break }
            let at = random.next(bytes.count)
            switch random.next(9) {
            case 0: bytes = Array(bytes[..<at])                                      // truncated
            case 1: bytes[at] = UInt8(random.next(256))                               // a byte flipped
            case 2: bytes.insert(contentsOf: [0xFF, 0xFE, 0xC3], at: at)              // invalid UTF-8
            case 3: bytes.insert(contentsOf: Array(String(repeating: "[", count: 5000).utf8), at: at)   // deep nesting
            case 4: bytes.insert(contentsOf: Array("1e999999".utf8), at: at)          // a huge number
            case 5: bytes.insert(contentsOf: Array(#","speaker":"dup""#.utf8), at: at) // a duplicate key
            case 6: bytes.remove(at: at)
            case 7: bytes.insert(contentsOf: Array(#"{"type":"statement"}"#.utf8) + [0x0A], at: at)
            default: bytes.insert(0x0A, at: at)
            }
        }
        return bytes
    }

    func check(_ bytes: [UInt8], extension ext: String) {
        let path = Fixtures.temporaryDirectory().appendingPathComponent("fuzz.\(ext)").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        do {
            _ = try CorpusLoader.load(path: path)
        } catch {
            #expect(!error.problems.isEmpty)
            for problem in error.problems {
                #expect(problem.line >= 1 && problem.column >= 1, "\(problem)")
                #expect(problem.file == path)
            }
        }
        _ = try? CorpusLoader.load(path: path, skipBad: true)
    }

    @Test(arguments: 0..<150)
    func damagedJSONLines(seed: Int) {
        var random = Random(state: UInt64(seed) &+ 1)
        check(Self.mutate(Array(Self.jsonLines.utf8), &random), extension: "jsonl")
    }

    /// Lines as Python, pandas and quote extractors write them: nulls for missing values, spans,
    /// confidences, extra fields with numbers and booleans, documents with fields of their own
    /// (all of which the C scanners read in place).
    static let realWorldLines = (0..<12).map { n in
        #"{"type": "document", "id": "d\#(n)", "source": "Dawn", "url": null, "section": "world", "word_count": \#(800 + n), "paywalled": false, "published": "2025-11-0\#(n % 9 + 1)"}"#
            + "\n" + #"{"type": "statement", "id": "s\#(n)", "doc": "d\#(n)", "speaker": "Khawaja Asif", "role": null, "kind": "direct", "text": "Talks are over, \u201cfor now\u201d.", "date": "2025-11-07", "cue": null, "topics": ["talks"], "mentions": null, "figures": [{"value": 58, "unit": "soldiers"}], "span": [0, \#(n)], "confidence": 0.\#(n)5, "score": -1.5e-3, "verified": true, "relations": null}"#
    }.joined(separator: "\n")

    @Test(arguments: 0..<150)
    func damagedRealWorldLines(seed: Int) {
        var random = Random(state: UInt64(seed) &+ 3000)
        var bytes = Self.mutate(Array(Self.realWorldLines.utf8), &random)
        for _ in 0...random.next(3) where !bytes.isEmpty {
            let pieces = ["null", "true", "-", "0", "e", "9", "\"", "]", ","]
            bytes.insert(contentsOf: Array(pieces[random.next(pieces.count)].utf8), at: random.next(bytes.count))
        }
        check(bytes, extension: "jsonl")
    }

    @Test func realWorldLinesLoad() throws {
        let corpus = try CorpusLoader.load(text: Self.realWorldLines, path: "w.jsonl").corpus
        #expect(corpus.count == 12 && corpus.documentCount == 12)
        #expect(corpus.statements.span(row: 3).map { [$0.start, $0.end] } == [0, 3] && corpus.statements.confidence(row: 3) == 0.35)
        #expect(corpus.statements.extras["verified"]?[0] == .bool(true) && corpus.statements.extras["score"]?[0] == .number(-0.0015))
        #expect(corpus.documents[2].extra.map(\.key) == ["section", "word_count", "paywalled"])
    }

    @Test(arguments: 0..<150)
    func damagedJSON(seed: Int) {
        var random = Random(state: UInt64(seed) &+ 1000)
        check(Self.mutate(Array(Self.json.utf8), &random), extension: "json")
    }

    /// A spreadsheet's own damage too: quotes, commas and line breaks where they do not belong.
    @Test(arguments: 0..<150)
    func damagedCSV(seed: Int) {
        var random = Random(state: UInt64(seed) &+ 2000)
        var bytes = Self.mutate(Array(CSVLoadingTests.csv.utf8), &random)
        for _ in 0...random.next(3) where !bytes.isEmpty {
            bytes.insert([0x22, 0x2C, 0x0D, 0x0A, 0x3B][random.next(5)], at: random.next(bytes.count))
        }
        check(bytes, extension: "csv")
    }

    @Test func aHugeStringAndAHugeLine() throws {
        let text = String(repeating: "very long ", count: 2_000_000)
        let result = try CorpusLoader.load(text: #"{"type":"statement","speaker":"A","text":"\#(text)"}"#, path: "big.jsonl")
        #expect(result.corpus.statements.texts[0].utf8.count == text.utf8.count)
    }

    @Test func emptyAndBlankFiles() {
        #expect(throws: CorpusLoadError.self) { try CorpusLoader.load(text: "", path: "e.json") }
        #expect((try? CorpusLoader.load(text: "\n\n  \n", path: "e.jsonl"))?.corpus.count == 0)
    }
}
