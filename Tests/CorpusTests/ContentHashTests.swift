import Corpus
import Foundation
import Testing
import TestSupport

/// A report names its corpus by a hash of the statements' ids and texts: the same content, however
/// it was stored, gives the same hash, and any change to an id or a text another.
@Suite struct ContentHashTests {
    let lines = [
        #"{"type":"statement","id":"a","speaker":"Khawaja Asif","text":"Talks have ended.","date":"2025-11-07"}"#,
        #"{"type":"statement","id":"b","speaker":"Zabihullah Mujahid","text":"58 soldiers were killed."}"#,
    ]

    func hash(_ lines: [String]) throws -> String {
        try CorpusLoader.load(text: lines.joined(separator: "\n") + "\n", path: "c.jsonl").corpus.contentHash
    }

    @Test func itIsFNV1aOverTheIDsThenTheTexts() throws {
        var expected: UInt64 = 0xcbf29ce484222325
        for byte in "abTalks have ended.58 soldiers were killed.".utf8 {
            expected = (expected ^ UInt64(byte)) &* 0x100000001b3
        }
        #expect(try hash(lines) == String(expected, radix: 16))
    }

    @Test func theSameContentStoredOtherwiseHashesAlike() throws {
        let reordered = [#"{"text":"Talks have ended.","date":"2025-11-07","speaker":"Khawaja Asif","id":"a","type":"statement"}"#, lines[1]]
        #expect(try hash(reordered) == hash(lines))
        let corpus = try CorpusLoader.load(text: lines.joined(separator: "\n") + "\n", path: "c.jsonl").corpus
        let path = Fixtures.temporaryDirectory().appendingPathComponent("c.parley").path
        try Snapshot.write(corpus, source: nil, to: path)
        #expect(try Snapshot.read(path).contentHash == corpus.contentHash)
        #expect(corpus.contentHash == corpus.contentHash)
    }

    @Test func aChangedTextOrIDHashesOtherwise() throws {
        let original = try hash(lines)
        #expect(try hash([lines[0].replacingOccurrences(of: "ended", with: "resumed"), lines[1]]) != original)
        #expect(try hash([lines[0], lines[1].replacingOccurrences(of: "58", with: "23")]) != original)
        #expect(try hash([lines[0].replacingOccurrences(of: #""id":"a""#, with: #""id":"c""#), lines[1]]) != original)
        #expect(try hash([lines[1], lines[0]]) != original)
    }
}
