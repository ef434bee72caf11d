@testable import Corpus
import Foundation
import Testing
import TestSupport

/// A snapshot is read in place, so a file whose checksum was made to match after its contents were
/// changed must still never make Parley read outside a column: every index is checked on opening.
@Suite struct SnapshotForgeryTests {
    @Test func columnsAreReadInPlace() throws {
        let corpus = try CorpusLoader.load(path: Fixtures.exampleCorpus).corpus
        let path = Fixtures.temporaryDirectory().appendingPathComponent("c.parley").path
        try Snapshot.write(corpus, source: nil, to: path)
        let opened = try Snapshot.read(path)
        #expect(opened.statements.texts.bytes.isMapped && opened.statements.speakers.codes.isMapped)
        #expect(opened.documentCount == corpus.documents.count)
        #expect(opened.documents.map(\.title) == corpus.documents.map(\.title), "documents are read when first used")
    }

    @Test func changedWordsWithAMatchingChecksumAreRefusedOrHarmless() throws {
        let corpus = try CorpusLoader.load(text: """
            {"type":"document","id":"d1","source":"Dawn","published":"2025-11-08"}
            {"type":"statement","doc":"d1","speaker":"A","text":"first text","topics":["x","y"],"date":"2025-11-07","figures":[{"value":5,"unit":"posts"}]}
            {"type":"statement","speaker":"B","text":"second","mentions":["A"],"kind":"indirect","tone":"calm"}
            {"type":"statement","speaker":"B","text":"third","date":"2025-11-07T10:15:00.25+05:00"}
            """, path: "f.jsonl").corpus
        #expect(corpus.statements.dates.hasTimes, "a column of times to forge too")
        let path = Fixtures.temporaryDirectory().appendingPathComponent("f.parley").path
        try Snapshot.write(corpus, source: nil, to: path)
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        var refused = 0
        let words: [[UInt8]] = [[0x00, 0x00, 0xFF, 0x7F], [0xFE, 0xFF, 0xFF, 0xFF]]   // a large index, and -2
        for offset in stride(from: 48, to: original.count - 4, by: 4) {
          for word in words {
            var forged = original
            forged.replaceSubrange(offset..<offset + 4, with: word)
            let sum = forged.withUnsafeBytes { Snapshot.checksum(UnsafeRawBufferPointer(rebasing: $0[48...])) }
            withUnsafeBytes(of: Int64(Int(bitPattern: UInt(sum)))) { forged.replaceSubrange(40..<48, with: $0) }
            try forged.write(to: URL(fileURLWithPath: path))
            guard let opened = try? Snapshot.read(path) else { refused += 1; continue }
            // What opens must be usable throughout.
            let all = Selection(corpus: opened)
            for field in [Field.speaker, .kind, .topics, .mentions, .date, .datePart(.weekday), .document("source"), .text, .id] {
                _ = all.counts(by: [field])
                for row in 0..<opened.count { _ = opened.values(of: field, row: row) }
            }
            _ = all.containing(phrase: "text")
          }
        }
        #expect(refused > 0)
    }
}
