@testable import Corpus
import Foundation
import Testing
import TestSupport

/// A compressed CSV file is read a block at a time as it is decompressed: the corpus, the rows
/// taken the quick way and the problems (placed by line) are those of the decompressed file read in
/// one piece, wherever the blocks end, inside quoted cells that hold line breaks too.
@Suite struct CompressedCSVTests {
    /// What loading gives: a failing load's problems, then the corpus it gives without them.
    static func outcome(_ read: () throws -> CorpusBuilder) throws -> CSVPartsTests.Read {
        var problems: [String] = []
        let corpus: Corpus
        let builder = try read()
        do {
            corpus = try builder.finish(skipBad: false)
        } catch {
            problems = error.problems.map(\.description)
            corpus = try read().finish(skipBad: true)
        }
        return CSVPartsTests.Read(facts: SQLiteCorpusTests.facts(corpus), problems: problems, quickRows: 0)
    }

    static func streamed(_ path: String, blockSize: Int, delimiter: UInt8 = UInt8(ascii: ",")) throws -> CSVPartsTests.Read {
        try outcome {
            let builder = CorpusBuilder()
            let blocks = LineBlocks(try Decompressor(path: path), blockSize: blockSize)
            let first = try #require(try blocks.next())
            try CompressedCSVReader.read(blocks, first: first, delimiter: delimiter, into: builder)
            return builder
        }
    }

    static func whole(_ text: String, path: String, delimiter: UInt8 = UInt8(ascii: ",")) throws -> CSVPartsTests.Read {
        try outcome {
            let builder = CorpusBuilder()
            try CSVCorpusReader.read(SourceFile(path: path, bytes: ByteSource(data: Data(text.utf8))), delimiter: delimiter, into: builder, parts: 1)
            return builder
        }
    }

    /// `text` gzipped and bzipped into a fresh folder, as `name`.gz and `name`.bz2.
    static func compressed(_ text: String, name: String) throws -> [String] {
        let folder = Fixtures.temporaryDirectory()
        let gz = folder.appendingPathComponent(name + ".gz").path, bz2 = folder.appendingPathComponent(name + ".bz2").path
        try Compression.gzip(Array(text.utf8), to: gz)
        try Compression.bzip2(Array(text.utf8), to: bz2)
        return [gz, bz2]
    }

    @Test(arguments: [64, 1_000, 50_000])
    func blocksGiveWhatTheWholeFileGives(blockSize: Int) throws {
        // A byte order mark and Windows line ends; a document described otherwise far from its first row.
        let text = "\u{FEFF}" + CSVPartsTests.spreadsheet(rows: 1_200, conflictAt: 1_000).replacingOccurrences(of: "\n", with: "\r\n")
        for path in try Self.compressed(text, name: "quotes.csv") {
            let whole = try Self.whole(text, path: path), streamed = try Self.streamed(path, blockSize: blockSize)
            #expect(whole.facts.count > 1_200)
            #expect(streamed.facts == whole.facts, "\(path) in blocks of \(blockSize)")
            #expect(streamed.problems == whole.problems, "\(path) in blocks of \(blockSize)")
            #expect(whole.problems.contains { $0.contains("differs from line") }, "\(whole.problems.suffix(3))")
            #expect(whole.problems.contains { $0.contains("2025-13-01") })
        }
    }

    @Test func tabsAndStrayQuotesAreReadAsInOnePiece() throws {
        let tsv = CSVPartsTests.spreadsheet(rows: 600, quoteInUnquotedField: true, quoteEndingAField: true)
            .replacingOccurrences(of: ",", with: "\t")
        for path in try Self.compressed(tsv, name: "quotes.tsv") {
            let whole = try Self.whole(tsv, path: path, delimiter: 0x09)
            #expect(whole.facts.count > 600)
            #expect(try Self.streamed(path, blockSize: 200, delimiter: 0x09).facts == whole.facts)
        }
    }

    /// A quote never closed, near the end or near the start (the rest of the file is then one
    /// record, carried from block to block), is reported where it opens, as in one piece; so is a
    /// header that a quote runs on from.
    @Test func aQuoteNeverClosedIsReportedWhereItOpens() throws {
        let rows = CSVPartsTests.spreadsheet(rows: 300)
        let plainRows = (0..<300).map { "s\($0),d1,A,plain \($0)\n" }.joined()
        for text in [rows + "s-last,d1,A,\"never closed,2025-11-01,,,\n", "id,doc,speaker,\"text\n" + plainRows,
                     "id,doc,speaker,text\ns0,d1,A,\"never closed\n" + plainRows] {
            for path in try Self.compressed(text, name: "quotes.csv") {
                let wholeError = #expect(throws: CorpusLoadError.self) { try Self.whole(text, path: path) }
                let streamedError = #expect(throws: CorpusLoadError.self) { try Self.streamed(path, blockSize: 100) }
                #expect(streamedError?.description == wholeError?.description)
                #expect(wholeError?.description.contains("never closed") == true, "\(wholeError?.description ?? "")")
            }
        }
    }

    /// Damaged spreadsheets (stray quotes, commas, line breaks, bytes changed or cut), gzipped and
    /// read in small blocks: each gives what it gives in one piece, the same corpus and problems or
    /// the same error.
    @Test(arguments: 0..<40)
    func damagedFilesReadInBlocksAsInOnePiece(seed: Int) throws {
        var random = LoaderFuzzTests.Random(state: UInt64(seed) &+ 9100)
        var bytes = LoaderFuzzTests.mutate(Array(CSVPartsTests.spreadsheet(rows: 200).utf8), &random)
        for _ in 0...random.next(6) where !bytes.isEmpty {
            bytes.insert([0x22, 0x2C, 0x0D, 0x0A, 0x3B][random.next(5)], at: random.next(bytes.count))
        }
        let gz = Fixtures.temporaryDirectory().appendingPathComponent("quotes.csv.gz").path
        try Compression.gzip(bytes, to: gz)
        func outcome(_ read: (CorpusBuilder) throws -> Void) -> [String] {
            let builder = CorpusBuilder()
            do {
                try read(builder)
                return SQLiteCorpusTests.facts(try builder.finish(skipBad: true)) + builder.log.error.problems.map(\.description)
            } catch {
                return ["error", "\(error)"]
            }
        }
        let whole = outcome { builder in
            try CSVCorpusReader.read(SourceFile(path: gz, bytes: ByteSource(data: Data(bytes))), delimiter: UInt8(ascii: ","), into: builder, parts: 1)
        }
        let streamed = outcome { builder in
            let blocks = LineBlocks(try Decompressor(path: gz), blockSize: 300)
            guard let first = try blocks.next() else { return }
            try CompressedCSVReader.read(blocks, first: first, delimiter: UInt8(ascii: ","), into: builder)
        }
        #expect(streamed == whole)
    }

    /// Loaded by name, a `.csv.gz` gives what its `.csv` gives.
    @Test func theLoaderReadsACompressedCSVAsItsCSV() throws {
        let text = CSVPartsTests.spreadsheet(rows: 500)
        let folder = Fixtures.temporaryDirectory()
        let plain = folder.appendingPathComponent("quotes.csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: plain))
        try Compression.gzip(Array(text.utf8), to: plain + ".gz")
        let expected = try CorpusLoader.load(path: plain, skipBad: true).corpus
        #expect(SQLiteCorpusTests.facts(try CorpusLoader.load(path: plain + ".gz", skipBad: true).corpus) == SQLiteCorpusTests.facts(expected))
    }
}
