@testable import Corpus
import Foundation
import Testing
import TestSupport

/// Compressed JSON Lines are read a block of lines at a time as they are decompressed: the corpus
/// and every problem (placed by line, also those found once all is read) must be those of the
/// decompressed file, whatever the block size.
@Suite struct CompressedLinesTests {
    /// A generated corpus with problems near the start, across blocks and at the end, a line longer
    /// than a block, a duplicate id found only once every record is read, and non-ASCII text.
    static func lines() -> String {
        var lines = SyntheticCorpus(count: 600, seed: 11).jsonLines.split(separator: "\n").map(String.init)
        lines.insert(#"{"type":"statement","speaker":"Ayesha","text":"\#(String(repeating: "très long ", count: 2_000))"}"#, at: 40)
        lines.insert(#"{"type":"statement","doc":"d1","text":"no speaker"}"#, at: 5)
        lines.insert(#"{"type":"statement","speaker":"B", "text": "cut"#, at: 300)
        lines.insert(#"{"type":"statement","id":"dup","speaker":"C","text":"first"}"#, at: 400)
        lines.append(#"{"type":"statement","id":"dup","speaker":"C","text":"second"}"#)
        lines.append(#"{"type":"statement","speaker":"Ümit","text":"the last line, without a line break","date":"2025-13-01"}"#)
        return lines.joined(separator: "\n")
    }

    /// Loads `path` (compressed) a block at a time, blocks of `blockSize` bytes.
    static func streamed(_ path: String, blockSize: Int, skipBad: Bool) throws -> Corpus {
        let builder = CorpusBuilder()
        let blocks = LineBlocks(try Decompressor(path: path), blockSize: blockSize)
        let first = try #require(try blocks.next())
        try CompressedLinesReader.read(blocks, first: first, into: builder)
        return try builder.finish(skipBad: skipBad)
    }

    @Test(arguments: [512, 4_096, 100_000])
    func blocksGiveTheCorpusAndProblemsOfTheWholeFile(blockSize: Int) throws {
        let text = Self.lines()
        let folder = Fixtures.temporaryDirectory()
        let plain = folder.appendingPathComponent("c.jsonl").path, gz = plain + ".gz", bz2 = plain + ".bz2"
        try Data(text.utf8).write(to: URL(fileURLWithPath: plain))
        try Compression.gzip(Array(text.utf8), to: gz)
        try Compression.bzip2(Array(text.utf8), to: bz2)
        let expected = try CorpusLoader.load(path: plain, skipBad: true).corpus
        let problems = #expect(throws: CorpusLoadError.self) { try CorpusLoader.load(path: plain) }
        #expect(problems?.description.contains(":6:") == true && problems?.description.contains("the id 'dup' is used already") == true)
        for path in [gz, bz2] {
            let corpus = try Self.streamed(path, blockSize: blockSize, skipBad: true)
            #expect(JSONCorpusStreamTests.fingerprint(corpus) == JSONCorpusStreamTests.fingerprint(expected), "\(path) in blocks of \(blockSize)")
            let error = #expect(throws: CorpusLoadError.self) { try Self.streamed(path, blockSize: blockSize, skipBad: false) }
            #expect(error?.description.replacingOccurrences(of: path, with: plain) == problems?.description, "\(path) in blocks of \(blockSize)")
        }
    }

    /// Damage past the first block stops the load with what the damage is, as damage at the start does.
    @Test func damageAfterTheFirstBlockIsReported() throws {
        let text = SyntheticCorpus(count: 2_000, seed: 5).jsonLines
        let folder = Fixtures.temporaryDirectory()
        let gz = folder.appendingPathComponent("c.jsonl.gz").path
        try Compression.gzip(Array(text.utf8), to: gz)
        let whole = try Data(contentsOf: URL(fileURLWithPath: gz))
        try whole.prefix(whole.count * 3 / 4).write(to: URL(fileURLWithPath: gz))
        let error = #expect(throws: CorpusLoadError.self) { try Self.streamed(gz, blockSize: 4_096, skipBad: false) }
        #expect(error?.description.contains("the compressed data is damaged (decompressed") == true, "\(error?.description ?? "")")
    }

    /// A load stopped (Ctrl-C) while blocks are still coming ends at once, and the decompressing
    /// thread, waiting to hand over a block, is let go: nothing hangs.
    @Test func aStoppedLoadEndsWithItsProducer() throws {
        let folder = Fixtures.temporaryDirectory()
        let gz = folder.appendingPathComponent("c.jsonl.gz").path
        try Compression.gzip(Array(SyntheticCorpus(count: 5_000, seed: 8).jsonLines.utf8), to: gz)
        let checks = Counter()
        let builder = CorpusBuilder(stop: LoadStop { checks.next() > 3 })
        let blocks = LineBlocks(try Decompressor(path: gz), blockSize: 2_048)
        let first = try #require(try blocks.next())
        try CompressedLinesReader.read(blocks, first: first, into: builder)
        #expect(builder.stop.isRequested())
        // The rows read before the stop are kept (the loader then reports the interruption).
        #expect(builder.takeColumns().count < 5_000)
    }

    final class Counter: @unchecked Sendable {
        private var n = 0
        private let lock = NSLock()
        func next() -> Int { lock.withLock { n += 1; return n } }
    }

    /// A .bz2 file of several streams (pbzip2 and lbzip2 write one per part, `cat` joins files) is
    /// read to its last stream, as `bzip2 -d` reads it, and bytes after the last are ignored; the
    /// first stream was all that was read before, silently.
    @Test func everyStreamOfABzip2FileIsRead() throws {
        let folder = Fixtures.temporaryDirectory()
        let lines = (0..<3_000).map { #"{"type":"statement","speaker":"S\#($0 % 13)","text":"Statement \#($0)"}"# }
        var joined: [UInt8] = []
        for (i, part) in [lines[..<1_000], lines[1_000..<1_001], lines[1_001...]].enumerated() {
            let path = folder.appendingPathComponent("part\(i).bz2").path
            try Compression.bzip2(Array((part.joined(separator: "\n") + "\n").utf8), to: path)
            joined += try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        }
        for (name, tail) in [("joined.jsonl.bz2", ""), ("trailing.jsonl.bz2", "not bzip2 at all")] {
            let path = folder.appendingPathComponent(name).path
            try Data(joined + Array(tail.utf8)).write(to: URL(fileURLWithPath: path))
            let corpus = try CorpusLoader.load(path: path).corpus
            #expect(corpus.count == lines.count, "\(name)")
            #expect(corpus.statements.texts[lines.count - 1] == "Statement \(lines.count - 1)")
        }
        // Damage inside a later stream is still damage.
        let damaged = folder.appendingPathComponent("damaged.jsonl.bz2").path
        var bytes = joined
        bytes[bytes.count - 40] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: damaged))
        #expect { try CorpusLoader.load(path: damaged) } throws: { "\($0)".contains("damaged") }
    }

    /// Through the loader: Quotebank's form (JSON Lines named .json.bz2) and a .jsonl.gz that holds
    /// one JSON document (read whole) both load as their content says.
    @Test func theLoaderReadsCompressedFilesAsTheirContentSays() throws {
        let folder = Fixtures.temporaryDirectory()
        let quotebank = folder.appendingPathComponent("quotes-2020.json.bz2").path
        let records = (0..<50).map { #"{"quoteID":"2020-01-\#($0)","quotation":"quote \#($0)","speaker":"None","date":"2020-01-28 08:04:05"}"# }
        try Compression.bzip2(Array(records.joined(separator: "\n").utf8), to: quotebank)
        let corpus = try CorpusLoader.load(path: quotebank).corpus
        #expect(corpus.count == 50 && corpus.statements.speakers[0] == "unknown")
        let document = folder.appendingPathComponent("one.jsonl.gz").path
        try Compression.gzip(Array(#"{"parley": 1, "statements": [{"speaker": "A", "text": "x"}]}"#.utf8), to: document)
        #expect(try CorpusLoader.load(path: document).corpus.count == 1)
    }
}
