import Corpus
import Testing

/// Each check of the corpus format, with the position it reports.
@Suite struct ValidationTests {
    /// Loads JSON Lines text and returns the problems (failing the test if it loads).
    func problems(_ text: String, file: String = "c.jsonl") -> [CorpusProblem] {
        do {
            _ = try CorpusLoader.load(text: text, path: file)
            Issue.record("expected the corpus to be refused")
            return []
        } catch {
            return error.problems
        }
    }

    func only(_ text: String, file: String = "c.jsonl") -> CorpusProblem? {
        let found = problems(text, file: file)
        #expect(found.count == 1, "\(found)")
        return found.first
    }

    let doc = #"{"type":"document","id":"d1","source":"Dawn","text":"Talks are over."}"#

    /// A kind or status of its own ("claim", as the benchmark's generator writes) loads quietly; one
    /// that is a format word in other case or spacing loads with a warning, since it would be
    /// counted apart. Through the C scanner (many lines) and the full reader (an escaped key) alike.
    @Test func aMistypedKindOrStatusIsWarnedOf() throws {
        func line(_ kind: String, _ status: String? = nil, escaped: Bool = false) -> String {
            #"{"type":"statement","speaker":"A","text":"x","# + (escaped ? #""kind""# : #""kind""#) + #":"\#(kind)""#
                + (status.map { #","status":"\#($0)""# } ?? "") + "}"
        }
        let quiet = try CorpusLoader.load(text: [line("claim"), line("direct", "final"), line("according_to", "draft")].joined(separator: "\n"), path: "q.jsonl")
        #expect(quiet.warnings.isEmpty && quiet.corpus.count == 3)
        for escaped in [false, true] {
            let text = ((0..<3).map { _ in line("Direct", escaped: escaped) } + [line("according to", "Reviewed"), line("direct")]).joined(separator: "\n")
            let loaded = try CorpusLoader.load(text: text, path: "w.jsonl")
            #expect(loaded.corpus.count == 5)
            #expect(loaded.warnings == [
                #"w.jsonl: 3 statements have kind "Direct", counted apart from "direct"; the format writes "direct""#,
                #"w.jsonl: 1 statement has kind "according to", counted apart from "according_to"; the format writes "according_to""#,
                #"w.jsonl: 1 statement has status "Reviewed", counted apart from "reviewed"; the format writes "reviewed""#,
            ], "\(loaded.warnings)")
        }
    }

    @Test func missingRequiredField() {
        let p = only(doc + "\n" + #"{"type":"statement","id":"x","doc":"d1","text":"hi"}"#)
        #expect(p?.line == 2 && p?.column == 1)
        #expect(p?.record == "statement 'x'")
        #expect(p?.message == "the required field \"speaker\" is missing", "no other field is likely to hold it")
        // A field likely to hold it, under another name or in other case, is named.
        let quote = only(#"{"type":"statement","speaker":"A","quote":"hi"}"#)
        #expect(quote?.message == "the required field \"text\" is missing (it has \"quote\": if that holds it, name it \"text\")")
        let upper = only(#"{"type":"statement","Speaker":"A","text":"hi"}"#)
        #expect(upper?.message == "the required field \"speaker\" is missing (it has \"Speaker\": if that holds it, name it \"speaker\")")
    }

    @Test func wrongTypeIsReportedAtTheField() {
        let p = only(#"{"type":"statement","speaker":"A","text":"hi","topics":"talks"}"#)
        #expect(p?.line == 1 && p?.column == 56)
        #expect(p?.message == "\"topics\" must be a list, not a string")
    }

    @Test func datesMustBeISO8601() {
        for bad in ["Friday", "2025-13", "2025-02-30", "25-11-07", "2025-11-7"] {
            let p = only(#"{"type":"statement","speaker":"A","text":"hi","date":"\#(bad)"}"#)
            #expect(p?.message.contains("not an ISO 8601 date") == true, "\(bad)")
        }
        // A date-time without its zone, and a year written as a number, get the fix spelled out.
        let local = only(#"{"type":"statement","speaker":"A","text":"hi","date":"2025-11-07T14:30"}"#)
        #expect(local?.message == "\"date\" is \"2025-11-07T14:30\", a date-time without its time zone: add it (2025-11-07T14:30Z for UTC, or an offset such as +05:00), or give the date alone (2025-11-07)")
        let year = only(#"{"type":"statement","speaker":"A","text":"hi","date":2025}"#)
        #expect(year?.message == "\"date\" must be a string, not a number (write it in quotes: \"2025\")")
        for good in ["2025", "2025-11", "2025-11-07", "2025-11-07T14:30:00+05:00", "2025-11-07T09:00Z", "2024-02-29"] {
            #expect(throws: Never.self) { try CorpusLoader.load(text: #"{"type":"statement","speaker":"A","text":"hi","date":"\#(good)"}"#, path: "c.jsonl") }
        }
    }

    /// A date as a spreadsheet or a person writes it is read, and the reading offered in the
    /// message (never applied: 07/11/2025 is 7 November in Pakistan, 11 July in the United States).
    @Test func aDateInAnotherFormSaysWhatItReadsAs() throws {
        let cases: [(String, String)] = [
            ("07/11/2025", "it is 2025-11-07 if the day comes first (as in Pakistan or Britain), 2025-07-11 if the month does (as in the United States): write it as YYYY-MM-DD"),
            ("13/11/2025", "write it 2025-11-13 (a spreadsheet may have rewritten it"),
            ("11/13/2025", "write it 2025-11-13"),
            ("07.11.2025", "it is 2025-11-07 if the day comes first"),
            ("5/5/2025", "write it 2025-05-05"),
            ("45968", "it looks like a spreadsheet's day number, which is 2025-11-07"),
            ("2025-11-7", "write it 2025-11-07"),
            ("2025/11/07", "write it 2025-11-07"),
            ("2025-02-30", "February 2025 has 28 days"),
            ("2024-02-30", "February 2024 has 29 days"),
            ("7 Nov 2025", "write it 2025-11-07"),
            ("November 7, 2025", "write it 2025-11-07"),
            ("Friday, 7 November 2025", "write it 2025-11-07"),
            ("Sept. 2025", "write it 2025-09"),
        ]
        for (written, reading) in cases {
            let p = only(#"{"type":"statement","speaker":"A","text":"hi","date":"\#(written)"}"#)
            #expect(p?.message.hasPrefix("\"date\" is \"\(written)\", which is not an ISO 8601 date: \(reading)") == true, "\(p?.message ?? "")")
        }
        // What reads as no date keeps the general message.
        for nothing in ["Friday", "soon", "31/02/2025", "7 Nov", "12345", "2025-13"] {
            let p = only(#"{"type":"statement","speaker":"A","text":"hi","date":"\#(nothing)"}"#)
            #expect(p?.message.hasSuffix("which is not an ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD, or a date-time with its offset such as 2025-11-07T14:30:00+05:00)") == true,
                    "\(p?.message ?? "")")
        }
        // A spreadsheet's file: the same, at the cell.
        let csv = problems("speaker,text,date\r\nA,hi,07/11/2025\r\n", file: "c.csv")
        #expect(csv.first?.description.contains("c.csv:2:") == true && csv.first?.message.contains("2025-07-11 if the month does") == true, "\(csv)")
    }

    /// A field that is one of the format's in other case or spacing is kept as a field of its own,
    /// which where{date = …} does not read: the load says so (it gave empty answers in silence).
    @Test func aFormatFieldInOtherCaseIsWarnedOf() throws {
        let text = [#"{"type":"document","id":"d","Source":"Dawn"}"#,
                    #"{"type":"statement","speaker":"A","text":"b","Date":"2025-11-07","doc":"d"}"#,
                    #"{"type":"statement","speaker":"A","text":"c","Date":"2025-11-08","date text":"on Friday","Verb":"said"}"#].joined(separator: "\n")
        let loaded = try CorpusLoader.load(text: text, path: "c.jsonl")
        #expect(loaded.corpus.count == 2)
        #expect(loaded.warnings == [
            #"c.jsonl: the field "Date" (2 statements) is kept apart from the format's "date", which scripts and recipes read: name it "date""#,
            #"c.jsonl: the field "date text" (1 statement) is kept apart from the format's "date_text", which scripts and recipes read: name it "date_text""#,
            #"c.jsonl: the field "Source" (1 document) is kept apart from the format's "source", which scripts and recipes read: name it "source""#,
        ], "\(loaded.warnings)")
    }

    /// A document's fields written on each statement ("source": "Dawn") are kept as the statements'
    /// own; the load says so, with how to read them and how to make them a document's.
    @Test func documentFieldsOnStatementsAreSaid() throws {
        let text = #"{"type":"statement","speaker":"A","text":"x","source":"Dawn","published":"2025-11-08"}"# + "\n"
            + #"{"type":"statement","speaker":"B","text":"y","source":"TOLOnews"}"#
        let loaded = try CorpusLoader.load(text: text, path: "i.jsonl")
        #expect(loaded.warnings == [#"i.jsonl: statements have fields of a document: "source" (2 statements), "published" (1 statement); they are kept as the statements' own (s.source, count_by("source")), while doc.source is the field of the document a statement's "doc" names: to have them as a document's, give each report as a record of type "document" and name its id in "doc""#], "\(loaded.warnings)")
        let plain = try CorpusLoader.load(text: #"{"type":"statement","speaker":"A","text":"x","place":"Kabul"}"#, path: "p.jsonl")
        #expect(plain.warnings.isEmpty, "place is a statement's own field too")
    }

    /// Statements coded inside their document are a field of it to the format: the load says so,
    /// in the JSON form and in JSON Lines, instead of leaving the corpus without them in silence.
    @Test func statementsInsideADocumentAreSaid() throws {
        let json = try CorpusLoader.load(text: #"{"parley": 1, "documents": [{"id": "d1", "statements": [{"speaker": "A", "text": "x"}]}], "statements": [{"speaker": "B", "text": "y"}]}"#, path: "n.json")
        #expect(json.corpus.count == 1)
        #expect(json.warnings == [#"n.json: document 'd1' holds a list of "statements", kept as a field of the document, not loaded as statements: give each statement as a record of its own, with "doc": "d1" (docs/corpus-format.md)"#])
        let lines = (1...3).map { #"{"type": "document", "id": "d\#($0)", "statements": [{"speaker": "A", "text": "x"}]}"# } + [#"{"type": "document", "id": "d4", "statements": []}"#]
        let jsonl = try CorpusLoader.load(text: lines.joined(separator: "\n"), path: "n.jsonl")
        #expect(jsonl.warnings.first?.hasPrefix(#"n.jsonl: 3 documents (the first 'd1') hold a list of "statements""#) == true, "\(jsonl.warnings)")
        let plain = try CorpusLoader.load(text: #"{"type": "document", "id": "d1", "statements": "three"}"# + "\n" + #"{"type": "statement", "speaker": "A", "text": "x"}"#, path: "p.jsonl")
        #expect(plain.warnings.isEmpty, "a field named statements that is not a list of them is the document's own")
    }

    @Test func duplicateIDs() {
        let p = only(#"{"type":"statement","id":"a","speaker":"A","text":"x"}"# + "\n" + #"{"type":"statement","id":"a","speaker":"B","text":"y"}"#)
        #expect(p?.line == 2)
        #expect(p?.message.contains("used already by the statement at line 1") == true)
    }

    /// A corpus of another version of the format is refused, its version shown as written.
    @Test func anotherVersionOfTheFormatIsRefused() {
        let p = only(#"{"parley": 2, "statements": [{"speaker": "A", "text": "x"}]}"#, file: "c.json")
        #expect(p?.message == "this is corpus format version 2; this Parley reads version 1", "\(String(describing: p))")
        #expect(p?.column == 12)
        let text = only(#"{"parley": "1.0", "statements": []}"#, file: "c.json")
        #expect(text?.message == "this is corpus format version \"1.0\"; this Parley reads version 1", "\(String(describing: text))")
    }

    @Test func unknownRecordType() {
        let p = only(#"{"type":"quote","speaker":"A"}"#)
        #expect(p?.column == 9)
        #expect(p?.message.contains("unknown record type \"quote\"") == true)
    }

    @Test func documentThatDoesNotExist() {
        let p = only(doc + "\n" + #"{"type":"statement","doc":"d9","speaker":"A","text":"x"}"#)
        #expect(p?.message == "\"doc\" is 'd9', but there is no document with that id")
    }

    /// Statements naming documents in a corpus that has none (a spreadsheet with a `doc` column,
    /// loaded alone) are one problem, said once at the first with its remedy, not one per row;
    /// every such statement is still refused (and skipped with --skip-bad).
    @Test func documentsNamedInACorpusWithoutAnyAreOneProblem() throws {
        let rows = (0..<500).map { #"{"type":"statement","doc":"d\#($0 / 4)","speaker":"A","text":"x"}"# }.joined(separator: "\n")
        let found = problems(rows)
        #expect(found.count == 1)
        #expect(found.first?.line == 1)
        #expect(found.first?.message.hasPrefix("\"doc\" is 'd0', but there is no document with that id: the corpus has no documents at all (500 statements name 125 documents that no file gives). Put the documents' file") == true, "\(found)")
        let one = only(#"{"type":"statement","doc":"d9","speaker":"A","text":"x"}"#)
        #expect(one?.message.contains("no document with that id: the corpus has no documents at all. Put") == true, "\(String(describing: one))")
        let skipped = try CorpusLoader.load(text: rows + "\n" + #"{"type":"statement","speaker":"B","text":"y"}"#, path: "c.jsonl", skipBad: true)
        #expect(skipped.corpus.count == 1 && skipped.skipped == 500)
    }

    @Test func spanOutsideItsDocument() {
        let p = only(doc + "\n" + #"{"type":"statement","doc":"d1","speaker":"A","text":"x","span":[0,99]}"#)
        #expect(p?.message.contains("outside its document 'd1'") == true)
        #expect(p?.message.contains("15 characters") == true)
    }

    @Test func spanInsideItsDocumentLoads() throws {
        let result = try CorpusLoader.load(text: doc + "\n" + #"{"type":"statement","doc":"d1","speaker":"A","text":"Talks are over.","span":[0,15]}"#, path: "c.jsonl")
        #expect(result.corpus.statements.span(row: 0)! == (0, 15))
        #expect(result.warnings.isEmpty, "\(result.warnings)")
    }

    /// A span that does not hold its statement's text loads, with a warning that says what it
    /// holds and, when the text stands verbatim in the document, where (offsets in code points).
    /// A paraphrase found nowhere verbatim is left alone, unless the statement is a direct quote.
    @Test func aSpanThatMissesItsTextIsSaid() throws {
        let document = #"{"type":"document","id":"d1","text":"Kremlin spokesman Dmitry Peskov said the deal was “terminated”. Erdoğan disagreed."}"#
        let lines = [document,
                     #"{"type":"statement","id":"off","doc":"d1","speaker":"Peskov","kind":"mixed","text":"the deal was “terminated”","span":[38,63]}"#,
                     #"{"type":"statement","id":"right","doc":"d1","speaker":"Peskov","kind":"mixed","text":"the deal was “terminated”","span":[37,62]}"#,
                     #"{"type":"statement","id":"paraphrase","doc":"d1","speaker":"Erdoğan","kind":"indirect","text":"he did not agree","span":[64,82]}"#,
                     #"{"type":"statement","id":"quote","doc":"d1","speaker":"Erdoğan","kind":"direct","text":"I disagree","span":[64,82]}"#]
        let result = try CorpusLoader.load(text: lines.joined(separator: "\n"), path: "s.jsonl")
        #expect(result.corpus.count == 4)
        #expect(result.warnings == [
            #"s.jsonl: statement 'off': its "span" [38, 63] holds "he deal was “terminated”.", not its text, which stands at [37, 62]"#,
            #"s.jsonl: statement 'quote': its "span" [64, 82] holds "Erdoğan disagreed.", not its text"#,
        ], "\(result.warnings)")
        // Many misses: five described, the rest counted.
        let many = [document] + (1...8).map { #"{"type":"statement","id":"m\#($0)","doc":"d1","speaker":"A","text":"x","span":[0,3]}"# }
        let counted = try CorpusLoader.load(text: many.joined(separator: "\n"), path: "m.jsonl")
        #expect(counted.warnings.count == 6)
        #expect(counted.warnings.last == "m.jsonl: 3 more statements whose \"span\" does not hold its text", "\(counted.warnings)")
    }

    @Test func figuresAndRelationsAreChecked() {
        var p = only(#"{"type":"statement","speaker":"A","text":"x","figures":[{"value":"many"}]}"#)
        #expect(p?.message.contains("\"value\" must be a number") == true)
        p = only(#"{"type":"statement","speaker":"A","text":"x","figures":[{"value":5,"stance":"guessed"}]}"#)
        #expect(p?.message.contains("must be one of acknowledged, claimed, denied, disputed") == true)
        p = only(#"{"type":"statement","id":"a","speaker":"A","text":"x","relations":[{"type":"contradicts","statement":"zz"}]}"#)
        #expect(p?.message.contains("no statement with that id") == true)
    }

    @Test func duplicateKeysInARecord() {
        let p = only(#"{"type":"statement","speaker":"A","speaker":"B","text":"x"}"#)
        #expect(p?.message.contains("appears twice") == true)
        #expect(p?.column == 35)
    }

    @Test func invalidJSONGivesItsPosition() {
        let p = only(doc + "\n" + #"{"type":"statement","speaker":"A","text":"x",}"#)
        #expect(p?.line == 2 && p?.column == 46)
        #expect(p?.message.hasPrefix("not valid JSON") == true)
    }

    /// A bad byte in a short text, and past the sixteen bytes the quick reader checks at a time in a
    /// long one (then followed by more text): (text, byte, where it goes).
    @Test(arguments: [("ab", 0xFF, 42), ("a long text of thirty-two bytes, and then more", 0xFF, 75),
                      ("a long text of thirty-two bytes, and then more", 0xC0, 75), ("a long text of thirty-two bytes, and then more", 0xED, 75)]
          as [(String, UInt8, Int)])
    func invalidUTF8IsAnError(text: String, byte: UInt8, at position: Int) {
        var bytes = Array(#"{"type":"statement","speaker":"A","text":"\#(text)"}"#.utf8)
        bytes.insert(byte, at: position)
        let path = TestFile.write(bytes: bytes, named: "bad-\(byte)-\(position).jsonl")
        do {
            _ = try CorpusLoader.load(path: path)
            Issue.record("invalid UTF-8 must not load")
        } catch {
            // With what a stray byte most likely means: a file saved in a Windows code page.
            #expect(error.problems.first?.message == "not valid JSON: invalid UTF-8 in a string (a file saved as Windows-1252 or Latin-1 reads so: save it as UTF-8)")
            #expect(error.problems.first?.column == position + 1)
        }
    }

    @Test func aRecordWithManyFieldsIsCheckedWithoutSlowingDown() throws {
        // Repeated keys are found with a set: a linear check per key would take minutes here. The
        // record is then refused for its number of extra fields (see the next test), at once.
        let fields = (0..<50_000).map { #""k\#($0)":"v""# }.joined(separator: ",")
        let many = problems(#"{"type":"statement","speaker":"A","text":"t",\#(fields)}"#)
        #expect(many.count == 1 && many.first?.message.contains(#"has the field "k200""#) == true)
        let repeated = problems(#"{"type":"statement","speaker":"A","text":"t",\#(fields),"k7":"again"}"#)
        #expect(repeated.map(\.message) == [#"the field "k7" appears twice"#])
    }

    @Test func aCorpusWithAFieldOfItsOwnInEveryStatementIsRefusedInTime() throws {
        // Each extra field is a column of its own: beyond two hundred, they are refused.
        let lines = (0..<203).map { i in
            i % 2 == 0 ? #"{"type":"statement","speaker":"A","text":"t","own\#(i)":"v"}"# : #"{"type":"statement","speaker":"A","text":"t","own\#(i)":{"n":1}}"#
        }
        let found = problems(lines.joined(separator: "\n"))
        #expect(found.map(\.line) == [201, 202, 203])
        #expect(found.first?.message.contains(#"has the field "own200""#) == true && found.first?.message.contains("at most 200") == true)
        let kept = try CorpusLoader.load(text: lines.joined(separator: "\n"), path: "c.jsonl", skipBad: true)
        #expect(kept.corpus.count == 200 && kept.skipped == 3 && kept.corpus.statements.extras.count == 200)
    }

    @Test func everyProblemIsListedInFileOrder() {
        let found = problems("""
            {"type":"statement","id":"a","doc":"nope","speaker":"A","text":"x"}
            {"type":"statement","speaker":3,"text":"x"}
            {"type":"entity"}
            """)
        #expect(found.map(\.line) == [1, 2, 3])
    }

    @Test func aliasClaimedByTwoEntities() {
        let p = only("""
            {"type":"entity","name":"Khawaja Asif","aliases":["Mr. Asif"]}
            {"type":"entity","name":"Ali Asif","aliases":["Mr. Asif"]}
            """)
        #expect(p?.message.contains("the alias 'Mr. Asif' also names 'Khawaja Asif'") == true)
    }

    @Test func jsonFormVersionAndShape() {
        var p = only(#"{"parley": 2, "statements": []}"#, file: "c.json")
        #expect(p?.message.contains("version 2") == true)
        p = only(#""statements""#, file: "c.json")
        #expect(p?.message == "a .json corpus must be one object with \"documents\" and \"statements\", or a list of records, not a string")
        p = only(#"[{"speaker": "A", "text": "x"}, [2]]"#, file: "c.json")
        #expect(p?.message == "each item of the list must be a record (a JSON object), not a list" && p?.column == 33)
        p = only("{\n  \"statements\": [\n    {\"speaker\": \"A\"}\n  ]\n}", file: "c.json")
        #expect(p?.line == 3 && p?.column == 5)
        #expect(p?.record == "statement", "placed by line and column: a count of statements before it would depend on the core that read it")
    }

    @Test func skippingBadRecordsSaysHowMany() throws {
        let text = doc + "\n" + """
            {"type":"statement","id":"ok","doc":"d1","speaker":"A","text":"fine"}
            {"type":"statement","id":"bad","doc":"d1","speaker":"A"}
            {"type":"statement","id":"orphan","doc":"d7","speaker":"A","text":"x"}
            not json
            """
        let result = try CorpusLoader.load(text: text, path: "c.jsonl", skipBad: true)
        #expect(result.corpus.count == 1)
        #expect(result.skipped == 3)
        #expect(result.corpus.statements.ids[0] == "ok")
    }

    @Test func theProblemListIsCappedButCounted() {
        let lines = (1...150).map { _ in #"{"type":"statement","text":"x"}"# }.joined(separator: "\n")
        do {
            _ = try CorpusLoader.load(text: lines, path: "c.jsonl")
        } catch {
            #expect(error.problems.count == 100)
            #expect(error.unreported == 50)
            #expect(error.description.contains("… and 50 more problems"))
        }
    }

    /// A hostile or broken file may hold values of any length: a message repeats each by its start.
    @Test func longValuesAreShownByTheirStart() {
        let long = String(repeating: "9", count: 100_000), start = String(repeating: "9", count: 60) + "…"
        let found = problems([
            doc,
            #"{"type":"statement","id":"\#(long)","doc":"d1","speaker":"A","text":"hi","date":"\#(long)"}"#,
            #"{"type":"statement","id":"s2","doc":"\#(long)","speaker":"A","text":"hi"}"#,
            #"{"type":"\#(long)"}"#,
        ].joined(separator: "\n"))
        guard found.count == 3 else { Issue.record("\(found.count) problems"); return }
        #expect(found.allSatisfy { $0.description.count < 400 }, "\(found.map(\.description.count))")
        #expect(found[0].record == "statement '\(start)'")
        #expect(found[0].message.hasPrefix("\"date\" is \"\(start)\", which is not"))
        #expect(found[1].message == "\"doc\" is '\(start)', but there is no document with that id")
        #expect(found[2].message.hasPrefix("unknown record type \"\(start)\": use"))
    }
}

import Foundation
import TestSupport

enum TestFile {
    static func write(bytes: [UInt8], named name: String) -> String {
        let url = Fixtures.temporaryDirectory().appendingPathComponent(name)
        try! Data(bytes).write(to: url)
        return url.path
    }
}
