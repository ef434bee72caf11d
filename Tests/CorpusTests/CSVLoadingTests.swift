@testable import Corpus
import Foundation
import Testing
import TestSupport

/// The CSV form: a spreadsheet of statements loads as the same records written in JSON Lines would,
/// and every problem is reported at its line and column.
@Suite struct CSVLoadingTests {
    /// Quoted fields with commas, doubled quotes and a line break; CR LF line ends; a byte order
    /// mark; lists joined with `;`; figures as `58 soldiers`; the document described by `doc.*`
    /// columns; a JSON cell; numbers in an extra column; empty cells as absent fields.
    static let csv = "\u{FEFF}id,doc,doc.source,doc.authors,speaker,role,kind,text,date,topics,figures,confidence,status,tone,meta\r\n"
        + "q1,d1,Dawn,Ann Lee; Bo Chan,Khawaja Asif,Defence Minister,direct,\"Right now, as we speak, negotiations are over.\",2025-11-07,talks; ceasefire,,0.9,reviewed,-0.5,\r\n"
        + "q2,d1,Dawn,Ann Lee; Bo Chan,Afghan Taliban,,claim,\"We killed \"\"58\"\" soldiers\",2025-11,border,\"58 soldiers; 1,200 people\",,,,\"{\"\"k\"\": [1, 2]}\"\r\n"
        + "\r\n"
        + "q3,d2,Geo,,Attaullah Tarar,Information Minister,indirect,\"Line one\nline two\",2025,,2.5,,,3,\r\n"

    static let jsonLines = """
        {"type":"document","id":"d1","source":"Dawn","authors":["Ann Lee","Bo Chan"]}
        {"type":"statement","id":"q1","doc":"d1","speaker":"Khawaja Asif","role":"Defence Minister","kind":"direct","text":"Right now, as we speak, negotiations are over.","date":"2025-11-07","topics":["talks","ceasefire"],"confidence":0.9,"status":"reviewed","tone":-0.5}
        {"type":"statement","id":"q2","doc":"d1","speaker":"Afghan Taliban","kind":"claim","text":"We killed \\"58\\" soldiers","date":"2025-11","topics":["border"],"figures":[{"value":58,"unit":"soldiers"},{"value":1200,"unit":"people"}],"meta":{"k":[1,2]}}
        {"type":"document","id":"d2","source":"Geo"}
        {"type":"statement","id":"q3","doc":"d2","speaker":"Attaullah Tarar","role":"Information Minister","kind":"indirect","text":"Line one\\nline two","date":"2025","figures":[{"value":2.5}],"tone":3}
        """

    @Test func aSpreadsheetLoadsAsTheSameRecordsInJSONLinesWould() throws {
        let fromCSV = try CorpusLoader.load(text: Self.csv, path: "quotes.csv").corpus
        let fromJSON = try CorpusLoader.load(text: Self.jsonLines, path: "quotes.jsonl").corpus
        #expect(fromCSV.count == 3 && fromCSV.documentCount == 2)
        #expect(JSONCorpusStreamTests.fingerprint(fromCSV) == JSONCorpusStreamTests.fingerprint(fromJSON))
    }

    @Test func tabsSeparateTheFieldsOfATSVFile() throws {
        let corpus = try CorpusLoader.load(text: "speaker\ttext\ttopics\nA\tone, two\tx;y\n", path: "q.tsv").corpus
        #expect(corpus.statements.texts[0] == "one, two")
        #expect(corpus.statements.topics[0] == ["x", "y"])
    }

    /// A .csv file whose header has no comma but semicolons (Excel where the comma is the decimal
    /// mark) or tabs is read with that delimiter; one with commas keeps them, whatever its cells hold.
    @Test func theDelimiterOfACSVFileIsFoundFromItsHeader() throws {
        let semicolons = try CorpusLoader.load(text: "\u{FEFF}speaker;text;\"a, b\";date\r\nAsif;\"one, two; three\";x;2025-11-07\r\n", path: "q.csv")
        #expect(semicolons.corpus.count == 1 && semicolons.corpus.statements.texts[0] == "one, two; three")
        #expect(semicolons.corpus.statements.extras["a, b"]?[0] == .string("x") && semicolons.corpus.statements.dates[0] == "2025-11-07")
        let tabs = try CorpusLoader.load(text: "speaker\ttext\nA\tx;y\n", path: "q.csv").corpus
        #expect(tabs.statements.texts[0] == "x;y")
        let commas = try CorpusLoader.load(text: "speaker,text,topics\nA,x;y,a;b\n", path: "q.csv").corpus
        #expect(commas.statements.texts[0] == "x;y" && commas.statements.topics[0] == ["a", "b"])
    }

    /// A header names the format's fields as a spreadsheet user writes them: capitals, spaces,
    /// around them or for the underscore; other columns keep their names as extra fields.
    @Test func headersNameFieldsWhateverTheirCase() throws {
        let corpus = try CorpusLoader.load(text: "Speaker, Text ,Date Text,Doc,Doc.Source,Topics,Tone\nAsif,talks are over,on Friday,d1,Dawn,talks;border,firm\n", path: "q.csv").corpus
        #expect(corpus.statements.speakers[0] == "Asif" && corpus.statements.texts[0] == "talks are over")
        #expect(corpus.statements.dateTexts[0] == "on Friday" && corpus.statements.topics[0] == ["talks", "border"])
        #expect(corpus.document(ofRow: 0)?.source == "Dawn")
        #expect(corpus.statements.extras["Tone"]?[0] == .string("firm") && corpus.statements.extras["tone"] == nil)
        let twice = #expect(throws: CorpusLoadError.self) { try CorpusLoader.load(text: "Speaker,speaker,text\nA,B,t\n", path: "q.csv") }
        #expect(twice?.description.contains("the header names the column \"speaker\" twice") == true)
    }

    /// UTF-16 files with a byte order mark (Excel's "Unicode Text", Windows PowerShell's `>`) load
    /// as their UTF-8 form would; without a mark they are an error that says what to do, and a
    /// Windows-1252 cell is named as such.
    @Test func utf16FilesLoadAndOtherEncodingsAreNamed() throws {
        let text = "speaker\ttext\nÉlodie\tŁódź – ½ \u{1F600}\n"
        let utf8 = try CorpusLoader.load(text: text, path: "q.tsv").corpus
        for (bom, littleEndian) in [([UInt8](arrayLiteral: 0xFF, 0xFE), true), ([0xFE, 0xFF], false)] {
            let bytes = bom + text.utf16.flatMap { littleEndian ? [UInt8($0 & 0xFF), UInt8($0 >> 8)] : [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
            let path = Fixtures.temporaryDirectory().appendingPathComponent("q.tsv").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let corpus = try CorpusLoader.load(path: path).corpus
            #expect(corpus.statements.speakers[0] == utf8.statements.speakers[0] && corpus.statements.texts[0] == utf8.statements.texts[0])
        }
        let bare = Fixtures.temporaryDirectory().appendingPathComponent("q.jsonl").path
        try Data(#"{"type":"statement","speaker":"A","text":"x"}"#.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: URL(fileURLWithPath: bare))
        let error = #expect(throws: CorpusLoadError.self) { try CorpusLoader.load(path: bare) }
        #expect(error?.description.contains("looks like UTF-16 text without a byte order mark") == true)
        let latin1 = Fixtures.temporaryDirectory().appendingPathComponent("q.csv").path
        try Data([UInt8]("speaker,text\nJos".utf8) + [0xE9] + [UInt8](",x\n".utf8)).write(to: URL(fileURLWithPath: latin1))
        let named = #expect(throws: CorpusLoadError.self) { try CorpusLoader.load(path: latin1) }
        #expect(named?.description.contains("q.csv:2:1: this field is not valid UTF-8 text (a file saved as Windows-1252") == true, "\(named?.description ?? "")")
    }

    /// The statements of a CSV file refer to the documents of a JSON file beside it.
    @Test func aFolderMixesCSVStatementsWithJSONDocuments() throws {
        let folder = Fixtures.temporaryDirectory().appendingPathComponent("mixed")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(#"{"type":"document","id":"d1","source":"Dawn"}"#.utf8).write(to: folder.appendingPathComponent("documents.jsonl"))
        try Data("doc,speaker,text\nd1,A,hello\n".utf8).write(to: folder.appendingPathComponent("statements.csv"))
        let corpus = try CorpusLoader.load(path: folder.path).corpus
        #expect(corpus.count == 1)
        #expect(corpus.document(ofRow: 0)?.source == "Dawn")
    }

    @Test func badRowsAreReportedAtTheirPlaceAndSkippedOnRequest() throws {
        let text = """
            speaker,text,date,figures,doc,doc.source
            A,fine,2025-11-07,,d1,Dawn
            B,bad date,2025-13-01,,d1,Dawn
            C,too,many,fields,d1,Dawn,extra
            D,,2020,,d1,Dawn
            E,bad figure,2020,many soldiers,d1,Dawn
            F,other source,2020,,d1,Geo
            G,no document,2020,,,Dawn
            H,fine too,2020,3 posts,d1,Dawn
            """
        let error = #expect(throws: CorpusLoadError.self) { try CorpusLoader.load(text: text, path: "q.csv") }
        let places = error?.problems.map { "\($0.line):\($0.column)" }
        #expect(places == ["3:12", "4:1", "5:1", "6:19", "7:25", "8:22"], "\(error?.problems.map(\.description) ?? [])")
        let messages = error?.problems.map(\.message) ?? []
        #expect(messages[1] == "this row has 7 fields, the header names 6")
        #expect(messages[2].contains("the required field \"text\" is missing"))
        #expect(messages[3].hasPrefix("'many soldiers' is not a figure"))
        #expect(messages[4] == "document 'd1': \"source\" differs from line 2")
        #expect(messages[5].contains("describes a document, but this row names none"))
        #expect(error?.description.contains("pass --skip-bad") == true)
        let loaded = try CorpusLoader.load(text: text, path: "q.csv", skipBad: true)
        #expect(loaded.corpus.count == 2)
        #expect((0..<2).map { loaded.corpus.statements.speakers[$0] } == ["A", "H"])
    }

    /// A file that cannot be read as CSV at all stops the load at the broken place; skipping bad
    /// records would not help, so the message does not suggest it.
    @Test func aBrokenFileIsReportedAtItsPlaceWithoutSuggestingToSkip() {
        for (text, place, message) in [
            ("speaker,text\nA,\"never closed\n", "2:3", "this quoted field is never closed"),
            ("speaker,text\nA,\"closed\" then more\n", "2:11", "a quoted field must end at its closing quote"),
            ("speaker,text,speaker\n", "1:14", "the header names the column \"speaker\" twice"),
            ("speaker,,text\n", "1:9", "a column of the header has no name"),
            // A header without a column every statement needs is said once, not on every row.
            ("Who,Quote,When\nA,b,2025\nC,d,2025\n", "1:1", "the header has no \"speaker\" column, which every statement needs (its columns: \"Who\", \"Quote\", \"When\"); if \"Who\" holds it, name that column \"speaker\""),
            ("speaker,Quotation\nA,b\n", "1:1", "the header has no \"text\" column, which every statement needs (its columns: \"speaker\", \"Quotation\"); if \"Quotation\" holds it, name that column \"text\""),
            ("speaker,text,doc.source\nA,b,Dawn\n", "1:1", "the column \"doc.source\" describes each row's document, but no \"doc\" column says which document it is"),
        ] {
            let error = #expect(throws: CorpusLoadError.self) { try CorpusLoader.load(text: text, path: "q.csv", skipBad: true) }
            let problem = error?.problems.first
            #expect(problem.map { "\($0.line):\($0.column)" } == place, "\(text)")
            #expect(problem?.message.contains(message) == true, "\(problem?.message ?? "")")
            #expect(error?.description.contains("--skip-bad") == false)
        }
    }

    @Test func aQuoteInsideAnUnquotedFieldIsKeptAsItIs() throws {
        let corpus = try CorpusLoader.load(text: "speaker,text\nA,a 5\" screen\n", path: "q.csv").corpus
        #expect(corpus.statements.texts[0] == "a 5\" screen")
    }

    /// A CSV file's corpus without its bad rows, how many rows went the quick way, and its problems.
    static func load(_ bytes: [UInt8], path: String, quick: Bool) throws -> (corpus: Corpus, quickRows: Int, problems: [String]) {
        let file = { SourceFile(path: path, bytes: ByteSource(data: Data(bytes))) }
        let strict = CorpusBuilder()
        var problems: [String] = []
        try CSVCorpusReader.read(file(), delimiter: UInt8(ascii: ","), into: strict, quick: quick)
        do { _ = try strict.finish(skipBad: false) } catch { problems = error.problems.map(\.description) }
        let builder = CorpusBuilder()
        let quickRows = try CSVCorpusReader.read(file(), delimiter: UInt8(ascii: ","), into: builder, quick: quick)
        return (try builder.finish(skipBad: true), quickRows, problems)
    }

    /// Rows are written as JSON lines for the C scanner: the rows that go that way must make what
    /// the full reader makes of them, and the others (a number in an extra column, JSON that is not
    /// one list, text that is not UTF-8, a bad date, figures that are not plain numbers, a document
    /// described differently) must still reach it.
    @Test func rowsReadTheQuickWayAreWhatTheFullReaderMakesOfThem() throws {
        let rows = [
            "id,doc,speaker,kind,text,date,topics,figures,verb,tone,meta,doc.source",
            "q1,,Khawaja Asif,direct,\"Quote \"\"this\"\", a \\ backslash, a line\nbreak\",2025-11-07, talks ;  ; ceasefire\t,,said,,,",
            "q2,,Zabihullah Mujahid,,Éditions naïves 🕊,2025-11,\"[\"\"border\"\", \"\"trade\"\"]\",\"[{\"\"value\"\": 58, \"\"unit\"\": \"\"soldiers\"\"}]\",claimed,,,",
            "q3,,A,,list with more after it,,\"[\"\"a\"\"], \"\"cue\"\": \"\"X\"\"\",,,,,",
            "q4,,B,,not JSON,,[not json,58 soldiers; 1200 people,,-1,\"[1, 2]\",",
            "q5,,C,,not ASCII,,café;  naïve,,,,\"{\"\"k\"\": 1}\",",
            "q6,,,,no speaker,,,,,,,",
            "q7,,E,,a bad date,2025-13-01,,,,,,",
            "q8,d1,F,,a document column,,,,,,,Dawn",
            "q9,,G,indirect,a number,2025-11-09,talks,,said,7,,",
            "q10,,H,indirect,plain,2025-11-09,talks,,said,,,",
            // Figures as a spreadsheet writes them: the quick way takes plain numbers only.
            "q12,,J,,figures,,,\"58 soldiers; 1,200 people ; -3.5 percent;  7\",,,,",
            "q13,,K,,a sign,,,+5 posts,,,,",
            "q14,,L,,leading zeros,,,0058 days,,,,",
            "q15,,M,,not a figure,,,1.2.3 posts,,,,",
            "q16,,N,,negative zero,,,-0 days,,,,",
            "q17,,O,,commas,,,\"12,34 people;\",,,,",
            "q18,,P,,a point,,,5. days,,,,",
            "q19,,Q,,too long,,,99999999999999999999 people,,,,",
            "q20,,R,,a quote,,,\"3 \"\"big\"\" units\",,,,",
            // A document described again: the same (quick), differently (reported), a new one, none named.
            "q21,d1,S,,same document,,,,,,,Dawn",
            "q22,d1,T,,other source,,,,,,,Geo",
            "q23,d2,U,,new document,,,,,,,Dawn",
            "q24,,V,,no document named,,,,,,,Dawn",
        ]
        var bytes = Array((rows.joined(separator: "\n") + "\n").utf8)
        bytes += Array("q11,,I,,".utf8) + [0x41, 0xFF] + Array(",,,,,,,\n".utf8)
        let quick = try Self.load(bytes, path: "mixed.csv", quick: true), full = try Self.load(bytes, path: "mixed.csv", quick: false)
        #expect(full.quickRows == 0)
        #expect(quick.quickRows == 9)          // q1, q2, q8, q10, q12, q17, q20, q21 and q23
        #expect(SQLiteCorpusTests.facts(quick.corpus) == SQLiteCorpusTests.facts(full.corpus))
        #expect(quick.corpus.statements.extras.keys.sorted() == full.corpus.statements.extras.keys.sorted())
        for name in full.corpus.statements.extras.keys {
            #expect((0..<full.corpus.count).map { quick.corpus.statements.extras[name]?[$0] } == (0..<full.corpus.count).map { full.corpus.statements.extras[name]?[$0] }, "\(name)")
        }
        #expect(quick.problems == full.problems)
        #expect(full.problems.count >= 3, "\(full.problems)")
        let ids = (0..<quick.corpus.count).map { quick.corpus.statements.ids[$0] }
        #expect(ids.firstIndex(of: "q1").map { quick.corpus.statements.topics[$0] } == ["talks", "ceasefire"])
        #expect(ids.firstIndex(of: "q3").map { quick.corpus.statements.cues[$0] } == .some(nil))
        #expect(ids.firstIndex(of: "q9").map { quick.corpus.statements.extras["tone"]?[$0] } == .some(.integer(7)))
        let q12 = ids.firstIndex(of: "q12").map { quick.corpus.statements.figures(row: $0).map { "\($0.value) \($0.unit ?? "-")" } }
        #expect(q12 == ["58.0 soldiers", "1200.0 people", "-3.5 percent", "7.0 -"])
        #expect(full.problems.contains { $0.contains("mixed.csv:16:24:") && $0.contains("'1.2.3 posts' is not a figure") }, "\(full.problems)")
        #expect(full.problems.contains { $0.contains("mixed.csv:23:30:") && $0.contains("document 'd1': \"source\" differs from line 10") }, "\(full.problems)")
        #expect(ids.firstIndex(of: "q23").flatMap { quick.corpus.document(ofRow: $0)?.source } == "Dawn")
        #expect(quick.corpus.documents.map(\.id) == ["d1", "d2"])
    }

    /// The documents that `doc.*` cells describe are written as JSON lines for the C scanner of
    /// documents too: each must be what the full reader makes of the cells (lists, extra fields,
    /// quotes), and a bad date must still reach the full reader, which places it at its cell.
    @Test func documentsReadTheQuickWayAreWhatTheFullReaderMakesOfThem() throws {
        let rows = [
            "id,doc,speaker,text,doc.title,doc.published,doc.authors,doc.section,doc.figures,doc.url",
            "q1,d1,A,one,\"A \"\"quoted\"\" title, with a comma\",2025-11-07,Ann Lee; Bo Ng,World,58 soldiers,",
            "q2,d1,A,again,,,,,,",
            "q3,d2,B,two,Naïve 🕊,2025-11,\"[\"\"Ann\"\", \"\"Cy\"\"]\",12,,https://x.example/2",
            "q4,d3,C,three,Bad date,2025-13-01,,,,",
            "q5,d4,D,four,,,,\"{\"\"desk\"\": 1}\",,",
            "q6,d5,E,five,Late,2025-11-09T10:00:00Z,,-3,,",
        ]
        let bytes = Array((rows.joined(separator: "\n") + "\n").utf8)
        let quick = try Self.load(bytes, path: "docs.csv", quick: true), full = try Self.load(bytes, path: "docs.csv", quick: false)
        #expect(SQLiteCorpusTests.facts(quick.corpus) == SQLiteCorpusTests.facts(full.corpus))
        #expect(quick.corpus.documents.map { $0.extra.map { "\($0.key)=\($0.value.value)" } } == full.corpus.documents.map { $0.extra.map { "\($0.key)=\($0.value.value)" } })
        #expect(quick.problems == full.problems)
        #expect(full.problems.contains { $0.hasPrefix("docs.csv:5:") && $0.contains("2025-13-01") }, "\(full.problems)")
        #expect(quick.corpus.documents.first?.title == "A \"quoted\" title, with a comma")
        #expect(quick.corpus.documents.first?.authors == ["Ann Lee", "Bo Ng"])
        #expect(quick.corpus.documents.map(\.id) == ["d1", "d2", "d4", "d5"])
    }
}
