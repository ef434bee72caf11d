@testable import Corpus
import Foundation
import Testing

/// Loader threads that finish early take over half of what another has left: every line must still
/// be read once, by one thread, and the parts merged in file order.
@Suite struct FileSegmentsTests {
    /// Lines of varying length, the text of a small file.
    static func lines(_ count: Int) -> String {
        (0..<count).map { i in String(repeating: "x", count: 1 + (i * 37) % 300) }.joined(separator: "\n") + "\n"
    }

    @Test func everyByteIsClaimedOnceAndAtLineStarts() {
        let file = SourceFile(path: "f.jsonl", text: Self.lines(20_000))
        let segments = FileSegments(file, parts: 2, builder: CorpusBuilder(), step: 2048, minimumSplit: 4096)
        let claimed = Claimed()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            var segment: FileSegments.Segment? = segments.initial(i)
            while let current = segment {
                while let block = current.file.bytes.withUnsafeBufferPointer({ current.claim(in: $0) }) {
                    claimed.add(block)
                    if i == 0 { usleep(200) }              // the first thread is slow: the other takes its work
                }
                segment = segments.steal()
            }
        }
        let blocks = claimed.blocks.sorted { $0.lowerBound < $1.lowerBound }
        #expect(segments.count > 2, "the fast thread took over part of the slow one's stretch")
        let starts = segments.inOrder.map(\.start)
        #expect(zip(starts, starts.dropFirst()).allSatisfy { $0 < $1 } && starts.first == 0, "merged in file order")
        #expect(blocks.first?.lowerBound == 0 && blocks.last?.upperBound == file.bytes.count)
        #expect(zip(blocks, blocks.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound }, "no gap, no overlap")
        file.bytes.withUnsafeBufferPointer { buffer in
            #expect(blocks.dropFirst().allSatisfy { buffer[$0.lowerBound - 1] == 0x0A }, "every block starts a line")
        }
    }

    @Test func aCorpusReadWithStolenStretchesIsTheCorpusReadInOnePiece() throws {
        // The first half is slow to read (a key with an escape goes to the full reader); small
        // stretches may be taken.
        let padding = String(repeating: "p", count: 200)
        var lines = [#"{"type":"document","id":"d1","source":"Dawn","text":"\#(String(repeating: "t", count: 400))"}"#]
        for i in 0..<24_000 {
            let slow = i < 12_000 ? #","no\u0074e":"x""# : ""
            let id = i % 5 == 0 ? "" : #","id":"s\#(i)""#
            lines.append(#"{"type":"statement","doc":"d1","speaker":"S\#(i % 13)","text":"\#(padding) \#(i)","topics":["t\#(i % 3)"]\#(slow)\#(id)}"#)
        }
        let text = lines.joined(separator: "\n") + "\n"
        #expect(text.utf8.count > JSONLinesReader.parallelThreshold)
        let whole = CorpusBuilder()
        JSONLinesReader.readInParallel(SourceFile(path: "c.jsonl", text: text), into: whole, parts: 1)
        let expected = QuickReaderTests.describe(try whole.finish(skipBad: false))
        // Which stretches are taken depends on the threads' timing (under AddressSanitizer on a busy
        // machine both halves may end together): a few tries, of which one at least must steal, and
        // every one must give the corpus read in one piece.
        var most = 0
        for _ in 0..<5 {
            let parallel = CorpusBuilder()
            let stretches = JSONLinesReader.readInParallel(SourceFile(path: "c.jsonl", text: text), into: parallel, parts: 2, step: 16 << 10,
                                                           minimumSplit: 64 << 10)
            let corpus = try parallel.finish(skipBad: false)
            most = max(most, stretches)
            #expect(corpus.count == 24_000)
            #expect(QuickReaderTests.describe(corpus) == expected)
        }
        #expect(most > 2)
    }
}

/// Blocks recorded by several threads.
private final class Claimed: @unchecked Sendable {
    private var list: [Range<Int>] = []
    private let lock = NSLock()
    func add(_ block: Range<Int>) {
        lock.lock()
        list.append(block)
        lock.unlock()
    }
    var blocks: [Range<Int>] {
        lock.lock()
        defer { lock.unlock() }
        return list
    }
}
