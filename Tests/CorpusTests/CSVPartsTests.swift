@testable import Corpus
import CorpusScan
import Foundation
import Testing

/// A large CSV file is read in parts on all cores: the corpus, the rows taken the quick way and
/// the problems are those of reading it in one piece, whatever the cuts fall on.
@Suite struct CSVPartsTests {
    /// Rows with quoted texts that hold line breaks, commas and doubled quotes (so that cuts fall
    /// inside quotes), documents described again in later rows, figures, and a bad row every so often.
    static func spreadsheet(rows: Int, quoteInUnquotedField: Bool = false, quoteEndingAField: Bool = false, conflictAt: Int? = nil) -> String {
        var lines = ["id,doc,speaker,text,date,figures,doc.source,doc.published"]
        for i in 0..<rows {
            let doc = i / 40   // a document's rows run across the cuts
            var text = i % 3 == 0 ? "\"Line \(i),\nnext \"\"line\"\"\n\nand \(String(repeating: "more ", count: i % 7))\"" : "plain text \(i)"
            if quoteInUnquotedField && i % 5 == 1 { text = "a 5\" screen \(i)" }
            if quoteEndingAField && i % 5 == 3 { text = "\(i) at 5\"" }
            let date = i % 97 == 50 ? "2025-13-01" : "2025-11-\(String(format: "%02d", 1 + i % 28))"
            let source = conflictAt == i ? "Elsewhere" : "Outlet \(doc % 9)"
            var row = "s\(i),d\(doc),Speaker \(i % 13),\(text),\(date),\(i % 4 == 0 ? "\"\(i) soldiers; 1,200 people\"" : ""),\(source),2025-11-0\(1 + doc % 9)"
            if i % 151 == 75 { row += ",one too many" }
            lines.append(row)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    struct Read {
        var facts: [String]
        var problems: [String]
        var quickRows: Int
    }

    static func read(_ text: String, parts: Int, delimiter: UInt8 = UInt8(ascii: ",")) throws -> Read {
        let file = SourceFile(path: "big.csv", bytes: ByteSource(data: Data(text.utf8)))
        let builder = CorpusBuilder()
        let quickRows = try CSVCorpusReader.read(file, delimiter: delimiter, into: builder, parts: parts, minimumPart: 1)
        var problems: [String] = []
        let corpus: Corpus
        do {
            corpus = try builder.finish(skipBad: false)
        } catch {
            problems = error.problems.map(\.description)
            let again = CorpusBuilder()
            try CSVCorpusReader.read(SourceFile(path: "big.csv", bytes: ByteSource(data: Data(text.utf8))), delimiter: delimiter,
                                     into: again, parts: parts, minimumPart: 1)
            corpus = try again.finish(skipBad: true)
        }
        return Read(facts: SQLiteCorpusTests.facts(corpus), problems: problems, quickRows: quickRows)
    }

    static func readsInParts(_ text: String, parts: Int, delimiter: UInt8 = UInt8(ascii: ",")) throws -> Bool {
        let file = SourceFile(path: "big.csv", bytes: ByteSource(data: Data(text.utf8)))
        return try CSVParts.read(file, delimiter: delimiter, parts: parts, into: CorpusBuilder()) != nil
    }

    @Test(arguments: [2, 3, 7])
    func partsGiveWhatOnePieceGives(parts: Int) throws {
        let text = Self.spreadsheet(rows: 3_000)
        #expect(try Self.readsInParts(text, parts: parts))
        let whole = try Self.read(text, parts: 1), inParts = try Self.read(text, parts: parts)
        #expect(whole.facts.count > 3_000)
        #expect(inParts.facts == whole.facts)
        #expect(inParts.problems == whole.problems)
        #expect(inParts.quickRows == whole.quickRows)
        #expect(whole.problems.contains { $0.contains("2025-13-01") }, "\(whole.problems.prefix(3))")
        #expect(whole.problems.contains { $0.contains("this row has 9 fields, the header names 8") }, "\(whole.problems.prefix(3))")
    }

    /// Windows line ends (CR LF), a byte order mark, and tabs for commas (TSV) are cut as well.
    @Test func windowsLineEndsAndTabsAreCutAsWell() throws {
        let crlf = "\u{FEFF}" + Self.spreadsheet(rows: 2_000).replacingOccurrences(of: "\n", with: "\r\n")
        let tsv = Self.spreadsheet(rows: 2_000).replacingOccurrences(of: ",", with: "\t")
        for (text, delimiter) in [(crlf, UInt8(ascii: ",")), (tsv, UInt8(ascii: "\t"))] {
            #expect(try Self.readsInParts(text, parts: 3, delimiter: delimiter))
            let whole = try Self.read(text, parts: 1, delimiter: delimiter), inParts = try Self.read(text, parts: 3, delimiter: delimiter)
            #expect(inParts.facts == whole.facts)
            #expect(inParts.problems == whole.problems)
            #expect(inParts.quickRows == whole.quickRows && whole.quickRows > 1_000)
        }
    }

    /// A quote inside an unquoted field is not one of CSV's; a stray one at the end of a field
    /// misleads the count of quotes before a cut, and the check of each cut, or reading in one
    /// piece when a check fails, keeps the result that of one piece.
    @Test func quotesInsideUnquotedFieldsDoNotChangeWhatIsRead() throws {
        for (inside, ending) in [(true, false), (true, true)] {
            let text = Self.spreadsheet(rows: 3_000, quoteInUnquotedField: inside, quoteEndingAField: ending)
            let whole = try Self.read(text, parts: 1)
            #expect(whole.facts.count > 3_000)
            for parts in [2, 3, 5] {
                // A stray quote inside a field is not counted, so the cuts hold; one that ends a
                // field is, and a check may fail: the file is then read in one piece.
                if !ending { #expect(try Self.readsInParts(text, parts: parts)) }
                let inParts = try Self.read(text, parts: parts)
                #expect(inParts.facts == whole.facts)
                #expect(inParts.problems == whole.problems)
            }
        }
    }

    /// A document that a later part's rows describe differently from an earlier part's: one piece
    /// checks them against the first description, so the file is read so.
    @Test func aDocumentDescribedDifferentlyAcrossPartsIsReadInOnePiece() throws {
        // Row s2990, in the last part, says that d0 (described in the first) comes from elsewhere.
        let conflicting = Self.spreadsheet(rows: 3_000, conflictAt: 2_990).replacingOccurrences(of: "s2990,d74", with: "s2990,d0")
        #expect(try !Self.readsInParts(conflicting, parts: 2))
        let whole = try Self.read(conflicting, parts: 1), inParts = try Self.read(conflicting, parts: 2)
        #expect(inParts.facts == whole.facts)
        #expect(inParts.problems == whole.problems)
        #expect(whole.problems.contains { $0.contains("document 'd0': \"source\" differs from line 2") }, "\(whole.problems.prefix(4))")
    }

    /// Damaged spreadsheets (stray quotes, commas, line breaks, bytes changed or cut): read in
    /// parts, each gives what it gives in one piece, the same corpus and problems or the same error.
    @Test(arguments: 0..<60)
    func damagedFilesReadInPartsAsInOnePiece(seed: Int) {
        var random = LoaderFuzzTests.Random(state: UInt64(seed) &+ 7000)
        var bytes = LoaderFuzzTests.mutate(Array(Self.spreadsheet(rows: 300).utf8), &random)
        for _ in 0...random.next(6) where !bytes.isEmpty {
            bytes.insert([0x22, 0x2C, 0x0D, 0x0A, 0x3B][random.next(5)], at: random.next(bytes.count))
        }
        func outcome(parts: Int) -> [String] {
            let file = SourceFile(path: "big.csv", bytes: ByteSource(data: Data(bytes)))
            let builder = CorpusBuilder()
            do {
                try CSVCorpusReader.read(file, delimiter: UInt8(ascii: ","), into: builder, parts: parts, minimumPart: 1)
                return SQLiteCorpusTests.facts(try builder.finish(skipBad: true)) + builder.log.error.problems.map(\.description)
            } catch {
                return ["error", error.description]
            }
        }
        #expect(outcome(parts: 3) == outcome(parts: 1))
    }

    /// The quotes counted for the cuts (sixteen bytes a step in C) are those a byte-by-byte
    /// reading finds next to a delimiter, a line break, another quote or an end, over any stretch.
    @Test func quotesAreCountedAsByteByByte() {
        var random = LoaderFuzzTests.Random(state: 99)
        let alphabet = Array("a\",\n\r \t".utf8)
        for _ in 0..<300 {
            let bytes = (0..<(1 + random.next(300))).map { _ in alphabet[random.next(alphabet.count)] }
            let from = random.next(bytes.count), to = from + random.next(bytes.count - from + 1)
            for delimiter in [UInt8(ascii: ","), 0x09] {
                let special: (UInt8) -> Bool = { $0 == delimiter || $0 == 0x0A || $0 == 0x0D || $0 == 0x22 }
                let expected = (from..<to).filter { i in
                    bytes[i] == 0x22 && (i == 0 || special(bytes[i - 1]) || i + 1 == bytes.count || special(bytes[i + 1]))
                }.count
                #expect(bytes.withUnsafeBufferPointer { ps_count_csv_quotes($0.baseAddress!, from, to, $0.count, delimiter) } == expected)
            }
        }
    }

    /// Cuts fall at line starts outside quotes, even when the middle of the file is inside a quoted field.
    @Test func cutsFallBetweenRecords() {
        let text = "a,b\n1,\"" + String(repeating: "x\n", count: 500) + "\"\n2,y\n3,z\n"
        let bytes = Array(text.utf8)
        let cuts = bytes.withUnsafeBufferPointer { CSVParts.cutPoints($0, from: 4, parts: 2, delimiter: UInt8(ascii: ",")) }
        #expect(cuts == [4, bytes.count - 8, bytes.count])
    }
}
