import Corpus
import Foundation
import Testing
import TestSupport

/// What a loaded corpus holds: aliases resolved, extra fields kept, folders, both file forms.
@Suite struct LoadingTests {
    @Test func aliasesResolveToTheCanonicalName() throws {
        let corpus = try CorpusLoader.load(text: """
            {"type":"entity","name":"Khawaja Asif","aliases":["Khawaja Muhammad Asif","Mr. Asif"]}
            {"type":"statement","speaker":"Mr. Asif","text":"a","mentions":["Khawaja Muhammad Asif"]}
            {"type":"statement","speaker":"Khawaja Asif","text":"b"}
            {"type":"statement","speaker":"Someone","text":"c"}
            """, path: "c.jsonl").corpus
        let s = corpus.statements
        #expect(s.speakers[0] == "Khawaja Asif" && s.speakerTexts[0] == "Mr. Asif")
        #expect(s.speakers[1] == "Khawaja Asif" && s.speakerTexts[1] == nil)
        #expect(s.speakers[2] == "Someone")
        #expect(s.mentions[0] == ["Khawaja Asif"])
    }

    @Test func extraFieldsAreKept() throws {
        let corpus = try CorpusLoader.load(text: """
            {"type":"document","id":"d1","paywall":true}
            {"type":"statement","doc":"d1","speaker":"A","text":"a","verb":"said","score":{"tone":-0.5}}
            {"type":"statement","doc":"d1","speaker":"B","text":"b","verb":"warned"}
            """, path: "c.jsonl").corpus
        let s = corpus.statements
        #expect(s.extras["verb"]?[0] == .string("said"))
        #expect(s.extras["verb"]?[1] == .string("warned"))
        guard case .object(let members)? = s.extras["score"]?[0] else { Issue.record("score kept as an object"); return }
        #expect(members.first?.key == "tone" && members.first?.value.value == .number(-0.5))
        #expect(s.extras["score"]?[1] == nil)
        #expect(corpus.documents[0].extra.first?.key == "paywall")
    }

    @Test func linesTheQuickReaderLeavesToTheFullOneLoadTheSame() throws {
        let corpus = try CorpusLoader.load(text: """
            {"type":"statement","id":"a","speaker":"A","text":"He said \\"over\\"\\n","role":null}
            {"type":"statement","id":"b","speaker":"B","text":"x","figures":[{"value":58,"unit":"soldiers"}],"confidence":0.5}
            { "speaker" : "C" , "type" : "statement" , "text" : "spaced" , "topics" : [ ] }
            {"type":"statement","id":"d","speaker":"D","text":"é ü 😀","note":{"deep":[1,{"x":null}]}}
            """, path: "q.jsonl").corpus
        let s = corpus.statements
        #expect(s.texts[0] == "He said \"over\"\n" && s.roles[0] == nil)
        #expect(s.figures(row: 1).first?.value == 58 && s.confidence(row: 1) == 0.5)
        #expect(s.texts[2] == "spaced" && s.topics[2] == [] && s.ids[2] == "s1")
        #expect(s.texts[3] == "é ü 😀")
        guard case .object(let members)? = s.extras["note"]?[3] else { Issue.record("note kept"); return }
        #expect(members.first?.key == "deep")
    }

    @Test func idsAreGeneratedWhenAbsent() throws {
        let corpus = try CorpusLoader.load(text: """
            {"type":"document","id":"d1"}
            {"type":"statement","doc":"d1","speaker":"A","text":"a"}
            {"type":"statement","doc":"d1","speaker":"A","text":"b"}
            {"type":"statement","speaker":"A","text":"c"}
            """, path: "c.jsonl").corpus
        #expect((0..<3).map { corpus.statements.ids[$0] } == ["d1#1", "d1#2", "s1"])
        #expect(corpus.statements.kinds[0] == "direct", "kind defaults to direct")
    }

    @Test func recordsMayComeInAnyOrder() throws {
        let corpus = try CorpusLoader.load(text: """
            {"type":"statement","doc":"d1","speaker":"Mr. A","text":"a"}
            {"type":"entity","name":"A","aliases":["Mr. A"]}
            {"type":"document","id":"d1","source":"Dawn"}
            {"type":"corpus","name":"Ordered"}
            """, path: "c.jsonl").corpus
        #expect(corpus.name == "Ordered")
        #expect(corpus.document(ofRow: 0)?.source == "Dawn")
        #expect(corpus.statements.speakers[0] == "A")
    }

    @Test func aFolderLoadsAsOneCorpus() throws {
        let folder = Fixtures.temporaryDirectory()
        try Data(#"{"type":"document","id":"d1","source":"Dawn"}"#.utf8).write(to: folder.appendingPathComponent("a.jsonl"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("more"), withIntermediateDirectories: true)
        try Data(#"{"documents":[],"statements":[{"doc":"d1","speaker":"A","text":"x"}]}"#.utf8)
            .write(to: folder.appendingPathComponent("more/b.json"))
        try Data("ignored".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        // Hidden folders and files are skipped, as `ls` skips them.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("not a corpus".utf8).write(to: folder.appendingPathComponent(".git/config.json"))
        try Data("not a corpus".utf8).write(to: folder.appendingPathComponent(".draft.jsonl"))
        let corpus = try CorpusLoader.load(path: folder.path).corpus
        #expect(corpus.count == 1)
        #expect(corpus.document(ofRow: 0)?.id == "d1")
        #expect(corpus.origins.count == 2)
    }

    /// A named pipe or a device is refused at once, not waited on (opening a pipe blocks until a
    /// writer comes); in a folder, one with a corpus's name is passed over.
    @Test func aPipeOrADeviceIsRefusedWithoutWaiting() throws {
        let folder = Fixtures.temporaryDirectory()
        let pipe = folder.appendingPathComponent("stream.jsonl").path
        #expect(mkfifo(pipe, 0o600) == 0)
        for path in [pipe, "/dev/zero", folder.appendingPathComponent("stream.sqlite").path] {
            if path.hasSuffix(".sqlite") { #expect(mkfifo(path, 0o600) == 0) }
            let error = #expect(throws: CorpusLoadError.self) { try CorpusLoader.load(path: path) }
            #expect(error?.description.contains("this is a pipe or a device, not a file") == true, "\(path)")
        }
        try Data(#"{"type":"statement","speaker":"A","text":"x"}"#.utf8).write(to: folder.appendingPathComponent("a.jsonl"))
        #expect(try CorpusLoader.load(path: folder.path).corpus.count == 1)
    }

    /// Corpora as datasets are shipped: .gz and .bz2 load as the form their inner name says, alone
    /// or in a folder; damaged data and a name that says nothing are reported; the forms Parley
    /// does not read say how to decompress them.
    @Test func compressedCorporaLoadAsTheFormInside() throws {
        let generated = SyntheticCorpus(count: 300, seed: 3)
        let plain = try CorpusLoader.load(text: generated.jsonLines, path: "g.jsonl").corpus
        let folder = Fixtures.temporaryDirectory()
        let gz = folder.appendingPathComponent("g.jsonl.gz").path, bz2 = folder.appendingPathComponent("g.ndjson.bz2").path
        try Compression.gzip(Array(generated.jsonLines.utf8), to: gz)
        try Compression.bzip2(Array(generated.jsonLines.utf8), to: bz2)
        for path in [gz, bz2] {
            #expect(JSONCorpusStreamTests.fingerprint(try CorpusLoader.load(path: path).corpus) == JSONCorpusStreamTests.fingerprint(plain), "\(path)")
        }
        let mixed = Fixtures.temporaryDirectory()
        try FileManager.default.copyItem(atPath: gz, toPath: mixed.appendingPathComponent("a.jsonl.gz").path)
        try Compression.gzip(Array("id;speaker;text\nq1;Asif;talks are over\n".utf8), to: mixed.appendingPathComponent("b.csv.gz").path)
        #expect(try CorpusLoader.load(path: mixed.path).corpus.count == plain.count + 1, "a folder takes compressed files too")

        let damaged = folder.appendingPathComponent("cut.jsonl.gz").path
        let whole = try Data(contentsOf: URL(fileURLWithPath: gz))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: damaged))
        let outside = Fixtures.temporaryDirectory()
        let unnamed = outside.appendingPathComponent("data.gz").path
        try Compression.gzip([0x78], to: unnamed)
        for (path, message) in [(damaged, "the compressed data is damaged"),
                                (unnamed, "a compressed file whose name does not say what it holds: name it like corpus.jsonl.gz"),
                                (Fixtures.write("x", named: "quotes.json.xz"), "a compressed file: decompress it first (unxz -k quotes.json.xz), then load quotes.json"),
                                (Fixtures.write("x", named: "corpus.zip"), "(unzip corpus.zip), then load what it holds")] {
            let error = #expect(throws: CorpusLoadError.self) { try CorpusLoader.load(path: path) }
            #expect(error?.description.contains(message) == true, "\(error?.description ?? "")")
        }
    }

    @Test func anEmptyFolderOrMissingPathIsAClearError() {
        let folder = Fixtures.temporaryDirectory()
        #expect(throws: CorpusLoadError.self) { try CorpusLoader.load(path: folder.path) }
        do {
            _ = try CorpusLoader.load(path: "/no/such/corpus.json")
        } catch {
            #expect(error.description.contains("/no/such/corpus.json: no such file or folder"))
            #expect(!error.description.contains("--skip-bad"), "skipping bad records cannot help with a missing file")
        }
        do {
            _ = try CorpusLoader.load(text: #"{"type":"statement","text":"no speaker"}"#, path: "bad.jsonl")
        } catch {
            #expect(error.description.contains("pass --skip-bad to load the good records"))
        }
    }

    /// A file of no corpus form is told what it seems to hold: an article's text (a document's, not
    /// a corpus), JSON or SQLite under another name, or else the forms there are.
    @Test func aFileOfNoCorpusFormIsToldWhatItHolds() throws {
        func message(_ name: String, _ bytes: [UInt8]) -> String {
            let path = Fixtures.temporaryDirectory().appendingPathComponent(name).path
            #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
            do { _ = try CorpusLoader.load(path: path); return "(loaded)" } catch { return error.description }
        }
        let article = "Efforts to ease tensions have collapsed. “Talks are over,” says Defence Minister Khawaja Asif.\n"
        #expect(message("article.txt", Array(article.utf8)).hasSuffix(
            "article.txt: unknown corpus form '.txt': it reads as text, not as a corpus: a corpus lists statements (who said what, when, reported where), "
            + "and an article's text is a document's \"text\" field (see docs/corpus-format.md); use .json, .jsonl, .ndjson, .csv, .tsv, .sqlite or .db"))
        // A long article cut at the 4 KB mark inside a letter is still text.
        #expect(message("long.md", Array(("x" + String(repeating: "é", count: 3000)).utf8)).contains("it reads as text"))
        #expect(message("lines.txt", Array(#"{"type":"statement","speaker":"A","text":"t"}"#.utf8)).hasSuffix(
            "lines.txt: unknown corpus form '.txt': it looks like JSON: name it .jsonl (a record per line) or .json (one document)"))
        #expect(message("corpus", Array("  [1]".utf8)).hasSuffix("corpus: a file without an extension: it looks like JSON: name it .jsonl (a record per line) or .json (one document)"))
        #expect(message("db.bin", Array("SQLite format 3\0".utf8) + [UInt8](repeating: 0, count: 100)).hasSuffix("it is an SQLite database: name it .sqlite or .db"))
        #expect(message("ls.dat", [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0]).hasSuffix(
            "ls.dat: unknown corpus form '.dat': it is a program: a corpus is JSON Lines, JSON, CSV or SQLite (see docs/corpus-format.md): is it the file you meant?"))
        #expect(message("empty.txt", []).hasSuffix("empty.txt: unknown corpus form '.txt': use .json, .jsonl, .ndjson, .csv, .tsv, .sqlite or .db"))
    }

    /// A file named for a corpus form is read as what its first bytes say it holds: gzip or bzip2
    /// data (a download saved without its .gz) and an SQLite database load as they are; an archive,
    /// a program or other binary data is one message naming it, not a "not valid JSON" per line; a
    /// text file with a stray NUL byte keeps that line's own message.
    @Test func aFileIsReadAsWhatItHoldsWhateverItsName() throws {
        let folder = Fixtures.temporaryDirectory().path
        let lines = #"{"type":"statement","id":"s1","speaker":"Khawaja Asif","text":"The talks are over."}"# + "\n"
        try Compression.gzip(Array(lines.utf8), to: folder + "/download.jsonl")
        try Compression.bzip2(Array("id,speaker,text\ns1,Zabihullah Mujahid,No comment.\n".utf8), to: folder + "/sheet.csv")
        #expect(try CorpusLoader.load(path: folder + "/download.jsonl").corpus.statements.speakers[0] == "Khawaja Asif")
        #expect(try CorpusLoader.load(path: folder + "/sheet.csv").corpus.statements.speakers[0] == "Zabihullah Mujahid")
        let example = try CorpusLoader.load(path: Fixtures.exampleCorpus).corpus
        try CorpusExport.write(example, rows: Array(0..<example.count), to: folder + "/talks.sqlite")
        try FileManager.default.copyItem(atPath: folder + "/talks.sqlite", toPath: folder + "/talks.json")
        #expect(try CorpusLoader.load(path: folder + "/talks.json").corpus.count == example.count)
        func message(_ name: String, _ bytes: [UInt8]) -> String {
            #expect(FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(bytes)))
            do { _ = try CorpusLoader.load(path: folder + "/" + name); return "(loaded)" } catch { return error.description }
        }
        #expect(message("export.jsonl", Array("PK\u{3}\u{4}".utf8) + [UInt8](repeating: 7, count: 200)).hasSuffix(
            "/export.jsonl: this is a ZIP archive, not .jsonl text: unzip it first (unzip export.jsonl), then load what it holds (a spreadsheet saved as .xlsx is a ZIP archive too: save it as CSV)"))
        let program = [0x7F, 0x45, 0x4C, 0x46] + (0..<4000).map { UInt8(truncatingIfNeeded: $0 % 3 == 0 ? 0 : $0) } + Array("\n{}\n".utf8)
        #expect(message("ls.jsonl", program).hasSuffix(
            "/ls.jsonl: this is a program, not .jsonl text: a corpus is JSON Lines, JSON, CSV or SQLite (see docs/corpus-format.md): is it the file you meant?"))
        #expect(message("noise.csv", (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 37) }).contains("/noise.csv: this is binary data, not .csv text"))
        #expect(message("nul.jsonl", Array(#"{"type":"statement","speaker":"A\#u{0}B","text":"t"}"#.utf8)).contains(
            "/nul.jsonl:1:33: not valid JSON: a control character (0x0) inside a string must be escaped"))
    }

    @Test func theExampleCorpusLoadsWithBothDatesOfTheAnnouncement() throws {
        let corpus = try CorpusLoader.load(path: Fixtures.exampleCorpus).corpus
        #expect(corpus.count > 25)
        let s = corpus.statements
        let announcement = (0..<corpus.count).filter { s.speakers[$0] == "Khawaja Asif" && s.texts[$0].contains("over") }
        let dated = Set(announcement.compactMap { s.dates[$0] })
        #expect(dated.contains("2025-11-07") && dated.contains("2025-11-08"))
        let values = Set(s.figures.map(\.value))
        #expect(values.contains(58) && values.contains(23))
    }

    @Test func jsonAndJsonLinesGiveTheSameCorpus() throws {
        let generated = SyntheticCorpus(count: 40)
        let lines = try CorpusLoader.load(text: generated.jsonLines, path: "g.jsonl").corpus
        let documents = generated.jsonLines.split(separator: "\n").filter { $0.contains(#""type":"document""#) }.joined(separator: ",")
        let statements = generated.jsonLines.split(separator: "\n").filter { $0.contains(#""type":"statement""#) }.joined(separator: ",")
        let json = try CorpusLoader.load(text: #"{"parley":1,"documents":[\#(documents)],"statements":[\#(statements)]}"#, path: "g.json").corpus
        #expect(lines.count == json.count)
        for row in 0..<lines.count {
            #expect(lines.statements.ids[row] == json.statements.ids[row])
            #expect(lines.statements.texts[row] == json.statements.texts[row])
            #expect(lines.statements.topics[row] == json.statements.topics[row])
            for field: Field in [.speaker, .kind, .date, .document("source"), .datePart(.year)] {
                #expect(lines.values(of: field, row: row) == json.values(of: field, row: row), "the quick and the full reader agree")
            }
            #expect(lines.statements.figures(row: row).elementsEqual(json.statements.figures(row: row)))
        }
    }

    /// Records a line each in a file named .json (as many tools name them) load as JSON Lines; a
    /// JSON corpus written on one line, or broken, is still read (and reported) as JSON.
    @Test func jsonLinesNamedJSONLoadAsJSONLines() throws {
        let generated = SyntheticCorpus(count: 40)
        let lines = try CorpusLoader.load(text: generated.jsonLines, path: "g.jsonl").corpus
        let misnamed = try CorpusLoader.load(text: generated.jsonLines, path: "g.json").corpus
        #expect(misnamed.count == lines.count && misnamed.statements.texts[39] == lines.statements.texts[39])
        let oneLine = try CorpusLoader.load(text: #"{"parley": 1, "type": "statement", "statements": [{"speaker": "A", "text": "x"}, {"speaker": "B", "text": "y"}]}"#, path: "m.json").corpus
        #expect(oneLine.count == 2, "a whole corpus on its line is a JSON corpus, whatever its members")
        let broken = #expect(throws: CorpusLoadError.self) {
            try CorpusLoader.load(text: #"{"type": "statement", "speaker": "A", "text": "x"#  + "\n" + #"{"type": "statement"}"#, path: "b.json")
        }
        #expect(broken?.description.contains("b.json:1:") == true, "\(broken?.description ?? "")")
    }

    /// The other way round: one JSON document under a JSON Lines name (written with an indent, or a
    /// list of records on one line, or a corpus object on one line) loads as JSON, where every line
    /// of it was an error; lines that are records, or broken ones, are still JSON Lines.
    @Test func aJSONDocumentNamedJSONLinesLoadsAsJSON() throws {
        let example = try String(contentsOfFile: Fixtures.exampleCorpus, encoding: .utf8)
        let original = try CorpusLoader.load(text: example, path: "e.json").corpus
        let object = try JSONSerialization.jsonObject(with: Data(example.utf8))
        let indented = String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted]), as: UTF8.self)
        #expect(indented.hasPrefix("{\n"))
        let misnamed = try CorpusLoader.load(text: indented, path: "e.jsonl").corpus
        #expect(misnamed.count == original.count && misnamed.entities.count == original.entities.count)
        #expect((0..<original.count).allSatisfy { misnamed.statements.texts[$0] == original.statements.texts[$0] })
        let list = try CorpusLoader.load(text: #"[{"speaker": "A", "text": "x"}, {"speaker": "B", "text": "y"}]"#, path: "l.ndjson").corpus
        #expect(list.count == 2)
        let oneLine = try CorpusLoader.load(text: #"{"parley": 1, "statements": [{"speaker": "A", "text": "x"}]}"#, path: "o.jsonl").corpus
        #expect(oneLine.count == 1)
        // Written without line breaks and longer than the first megabyte looked at: named by its first member.
        let many = (0..<30_000).map { #"{"speaker": "S\#($0)", "text": "statement number \#($0) of a long corpus"}"# }.joined(separator: ",")
        #expect(many.utf8.count > 1 << 20)
        let longObject = try CorpusLoader.load(text: #"{"parley": 1, "statements": [\#(many)]}"#, path: "long.jsonl").corpus
        #expect(longObject.count == 30_000)
        let longList = try CorpusLoader.load(text: "[" + many + "]", path: "long-list.jsonl").corpus
        #expect(longList.count == 30_000 && longList.statements.texts[29_999] == "statement number 29999 of a long corpus")
        let broken = #expect(throws: CorpusLoadError.self) {
            try CorpusLoader.load(text: #"{"type": "statement", "speaker": "A", "text": "x"#  + "\n" + #"{"type": "statement", "speaker": "B", "text": "y"}"#, path: "b.jsonl")
        }
        #expect(broken?.problems.count == 1 && broken?.problems.first?.line == 1, "a broken record is a broken line: \(broken?.description ?? "")")
    }

    /// Tables of statements as data tools write them: a list of records (pandas' `to_json(orient=
    /// "records")`, jsonlite, jq), and lines without a "type" (`lines=True`), in .json or .jsonl.
    /// A record without a type is a statement when it has a speaker or a text; the quick reader and
    /// the full one agree on them.
    @Test func recordsWithoutATypeAreStatements() throws {
        let generated = SyntheticCorpus(count: 60)
        let typed = try CorpusLoader.load(text: generated.jsonLines, path: "g.jsonl").corpus
        let untyped = generated.jsonLines.replacingOccurrences(of: #""type":"statement","#, with: "")
        #expect(!untyped.contains(#""type":"statement""#))
        for path in ["g.jsonl", "g.json"] {
            let corpus = try CorpusLoader.load(text: untyped, path: path).corpus
            #expect(JSONCorpusStreamTests.fingerprint(corpus) == JSONCorpusStreamTests.fingerprint(typed), "\(path)")
        }
        let list = try CorpusLoader.load(text: #"[{"speaker": "A", "text": "x", "doc": "d1"}, {"type": "document", "id": "d1", "source": "Dawn"}, {"text": "y", "speaker": "B", "kind": "indirect"}]"#, path: "t.json").corpus
        #expect(list.count == 2 && list.statements.speakers[1] == "B" && list.statements.kinds[1] == "indirect")
        #expect(list.document(ofRow: 0)?.source == "Dawn")
        let bad = #expect(throws: CorpusLoadError.self) {
            try CorpusLoader.load(text: #"[{"speaker": "A", "text": "x"}, 5, {"source": "Dawn"}, {"type": "quote"}]"#, path: "t.json")
        }
        let messages = bad?.problems.map(\.message) ?? []
        #expect(messages == ["each item of the list must be a record (a JSON object), not a number",
                             "the record has no \"type\" (corpus, document, entity or statement)",
                             "unknown record type \"quote\": use corpus, document, entity or statement"], "\(messages)")
        for untypedDocument in [#"{"source": "Dawn"}"#, #"{"id": "d1", "title": "Talks", "text": "The body"}"#] {
            let line = #expect(throws: CorpusLoadError.self) { try CorpusLoader.load(text: untypedDocument, path: "t.jsonl") }
            #expect(line?.problems.first?.message == "the record has no \"type\" (corpus, document, entity or statement)")
        }
    }

    /// Quotebank's lines, as it ships them (`quotes-2020.json.bz2`, a quotation a line): quoteID
    /// is the id, quotation the text, "None" the unknown speaker, the date keeps its day; the other
    /// fields stay as extra fields; a bad date is reported at its place.
    @Test func quotebankLinesLoadAsStatements() throws {
        let lines = [
            #"{"quoteID": "2020-01-28-000082", "quotation": "we are still seeing violence", "speaker": "Antonio Guterres", "qids": ["Q311440"], "date": "2020-01-28 08:04:05", "numOccurrences": 1, "probas": [["Antonio Guterres", "0.8"]], "urls": ["http://example.org/a"], "phase": "E"}"#,
            #"{"quoteID": "2020-01-16-000088", "quotation": "We will respond", "speaker": "None", "qids": [], "date": "2020-01-16 12:00:00", "numOccurrences": 3, "probas": [["None", "0.7"]], "urls": [], "phase": "E"}"#,
        ]
        let path = Fixtures.temporaryDirectory().appendingPathComponent("quotes-2020.json.bz2").path
        try Compression.bzip2(Array(lines.joined(separator: "\n").utf8), to: path)
        let corpus = try CorpusLoader.load(path: path).corpus
        #expect(corpus.count == 2 && corpus.statements.ids[0] == "2020-01-28-000082" && corpus.statements.texts[1] == "We will respond")
        #expect(corpus.statements.speakers[0] == "Antonio Guterres" && corpus.statements.speakers[1] == "unknown")
        #expect(corpus.statements.dates[0] == "2020-01-28" && corpus.statements.dates[1] == "2020-01-16")
        #expect(corpus.statements.extras["numOccurrences"]?[1] == .integer(3) && corpus.statements.extras["qids"]?[0] == .array([JSONNode(.string("Q311440"), offset: 0)]))
        let bad = lines[0].replacingOccurrences(of: "2020-01-28 08:04:05", with: "2020-13-28 08:04:05")
        let error = #expect(throws: CorpusLoadError.self) { try CorpusLoader.load(text: bad, path: "q.jsonl") }
        #expect(error?.problems.first.map { $0.message.contains("\"date\" is \"2020-13-28\"") && $0.column == 139 } == true, "\(error?.description ?? "")")
    }

    /// A UTF-8 byte order mark, which Windows tools write at the start of a text file, is not part
    /// of the first record: in a small and a large (read in parts) JSON Lines file, and a JSON file.
    @Test func aByteOrderMarkBeforeTheFirstRecordIsSkipped() throws {
        let mark = "\u{FEFF}"
        let small = try CorpusLoader.load(text: mark + #"{"type":"statement","speaker":"A","text":"x"}"# + "\r\n", path: "b.jsonl").corpus
        #expect(small.count == 1 && small.statements.speakers[0] == "A")
        let large = SyntheticCorpus(count: 30_000, seed: 5).jsonLines
        #expect(large.utf8.count > 4 << 20, "read in parts")
        let marked = try CorpusLoader.load(path: Fixtures.write(mark + large, named: "large.jsonl")).corpus
        let plain = try CorpusLoader.load(path: Fixtures.write(large, named: "large.jsonl")).corpus
        #expect(marked.count == plain.count && marked.statements.texts[0] == plain.statements.texts[0])
        let json = try CorpusLoader.load(text: mark + #"{"parley": 1, "statements": [{"speaker": "A", "text": "x"}]}"#, path: "b.json").corpus
        #expect(json.count == 1)
    }

    /// A stopped load (Ctrl-C in the REPL) throws `interrupted` whatever the form, and keeps nothing.
    @Test func aStoppedLoadIsInterruptedInEveryForm() throws {
        let folder = Fixtures.temporaryDirectory()
        let lines = SyntheticCorpus(count: 30_000, seed: 9).jsonLines
        let jsonl = folder.appendingPathComponent("big.jsonl").path
        try Data(lines.utf8).write(to: URL(fileURLWithPath: jsonl))
        let corpus = try CorpusLoader.load(path: jsonl).corpus
        let sqlite = folder.appendingPathComponent("big.sqlite").path, json = folder.appendingPathComponent("big.json").path
        try CorpusExport.write(corpus, to: sqlite)
        try Data(#"{"parley": 1, "statements": [{"speaker": "A", "text": "x"}]}"#.utf8).write(to: URL(fileURLWithPath: json))
        let csv = Fixtures.write("speaker,text\nA,x\nB,y\n", named: "q.csv")
        for path in [jsonl, sqlite, json, csv, folder.path] {
            do {
                _ = try CorpusLoader.load(path: path, stop: LoadStop { true })
                Issue.record("\(path) loaded although stopped")
            } catch {
                #expect(error.wasInterrupted && error.description.contains("loading was interrupted"), "\(path): \(error)")
            }
        }
    }
}
