@testable import Corpus
import Foundation
import Testing
import TestSupport

/// A snapshot is written to its file as it is encoded, and its checksum read back in chunks: the
/// file must be what encoding in memory gives, byte for byte.
@Suite struct SnapshotWritingTests {
    @Test func aChecksumFedInPiecesIsTheChecksumAtOnce() {
        var numbers = SeededNumbers(seed: 3)
        func next(_ bound: Int) -> Int { numbers.next(bound) }
        for size in [0, 1, 31, 32, 33, 1000, 65_537] {
            let bytes = (0..<size).map { _ in UInt8(next(256)) }
            bytes.withUnsafeBytes { raw in
                var whole = ChecksumState()
                let atOnce = whole.finish(raw)
                // Random cuts at multiples of 32 bytes.
                var pieces = ChecksumState()
                var at = 0
                while size - at > 64 && next(3) > 0 {
                    let n = 32 * (1 + next((size - at) / 32 - 1))
                    pieces.feed(UnsafeRawBufferPointer(rebasing: raw[at..<at + n]))
                    at += n
                }
                #expect(pieces.finish(UnsafeRawBufferPointer(rebasing: raw[at...])) == atOnce, "\(size) bytes")
            }
        }
    }

    @Test func theFileIsTheEncodingInMemory() throws {
        // Large enough for columns written straight from their memory (4 MB and more).
        let corpus = try CorpusLoader.load(text: SyntheticCorpus(count: 100_000, seed: 4).jsonLines, path: "g.jsonl").corpus
        #expect(corpus.statements.texts.bytes.count >= 4 << 20)
        let path = Fixtures.temporaryDirectory().appendingPathComponent("w.parley").path
        try Snapshot.write(corpus, source: nil, to: path)
        let file = try Data(contentsOf: URL(fileURLWithPath: path))
        var inMemory = BinaryWriter()
        inMemory.bytes(Data(count: 48))
        Snapshot.encode(corpus, into: &inMemory)
        #expect(file.count == inMemory.data.count)
        let samePayload = file.dropFirst(48) == inMemory.data.dropFirst(48)   // a Bool: a failed expectation on megabytes would print them
        #expect(samePayload, "the payload")
        let sum = inMemory.data.dropFirst(48).withUnsafeBytes { Snapshot.checksum($0) }
        #expect(file.subdata(in: 40..<48).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) } == sum, "the checksum in the header")
        #expect(try Snapshot.read(path).count == corpus.count)
    }
}
