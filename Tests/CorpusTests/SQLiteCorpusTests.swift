@testable import Corpus
import Foundation
import Testing
import TestSupport

/// The SQLite form: a corpus written as a database (or as JSON Lines) reads back as the same
/// corpus; a database made by other tools loads as the same records in JSON Lines would; every
/// problem is placed by table, row and column.
@Suite struct SQLiteCorpusTests {
    /// Everything the fingerprint holds, plus what it leaves out: spans, documents' and entities' fields.
    static func facts(_ corpus: Corpus) -> [String] {
        var lines = JSONCorpusStreamTests.fingerprint(corpus)
        lines += (0..<corpus.count).map { "\(corpus.statements.span(row: $0).map { "\($0.start)-\($0.end)" } ?? "-") \(corpus.document(ofRow: $0)?.id ?? "-")" }
        lines += corpus.documents.map { "\($0.id) \($0.title ?? "-") \($0.url ?? "-") \($0.published?.text ?? "-") \($0.authors) \($0.place ?? "-") \($0.extra.map(\.key))" }
        lines += corpus.entities.map { "\($0.name) \($0.kind ?? "-") \($0.aliases) \($0.roles) \($0.affiliation ?? "-") \($0.country ?? "-") \($0.extra.map(\.key))" }
        return lines
    }

    static func roundTrip(_ corpus: Corpus, as ext: String) throws -> Corpus {
        let path = Fixtures.temporaryDirectory().appendingPathComponent("corpus.\(ext)").path
        try CorpusExport.write(corpus, to: path)
        return try CorpusLoader.load(path: path).corpus
    }

    /// A large table of statements is read in parts by row id, one per core, each through its own
    /// connection, and merged in order: the corpus is the one written, and problems in every part
    /// are placed by their row.
    @Test func aLargeTableReadInPartsGivesTheCorpusWrittenAndPlacesItsProblems() throws {
        let corpus = try CorpusLoader.load(text: SyntheticCorpus(count: SQLiteCorpusReader.parallelThreshold + 20_000, seed: 5).jsonLines,
                                           path: "s.jsonl").corpus
        let path = Fixtures.temporaryDirectory().appendingPathComponent("large.sqlite").path
        try CorpusExport.write(corpus, to: path)
        let back = try CorpusLoader.load(path: path).corpus
        #expect(back.count == corpus.count)
        let (read, written) = (Self.facts(back), Self.facts(corpus))
        #expect(read.count == written.count)
        #expect(zip(read, written).first { $0 != $1 } == nil, "the first fact that differs")
        // Two bad dates, one in each half of the rows.
        let database = try SQLiteDatabase(path: path, writable: true)
        try database.execute("UPDATE statements SET date = 'Friday' WHERE rowid IN (7, \(corpus.count - 7))")
        #expect { try CorpusLoader.load(path: path) } throws: { error in
            let problems = (error as? CorpusLoadError)?.problems ?? []
            return problems.count == 2 && problems[0].description.contains("statements row 7, column date")
                && problems[1].description.contains("statements row \(corpus.count - 7), column date")
        }
    }

    @Test(arguments: ["sqlite", "jsonl"])
    func aCorpusWrittenOutReadsBackTheSame(ext: String) throws {
        let example = try CorpusLoader.load(path: Fixtures.exampleCorpus).corpus
        let streamed = try CorpusLoader.load(text: JSONCorpusStreamTests.text, path: "s.json", skipBad: true).corpus
        // Extra fields of every JSON type; text that reads as a number stays text.
        let extras = try CorpusLoader.load(text: """
            {"type":"statement","speaker":"A","text":"t","edition":"12","score":-0.5,"count":3,"meta":{"k":[1,null]},"tags":["x"],"raw":"[draft"}
            {"type":"statement","speaker":"B","text":"a NUL \\u0000 inside","edition":"07","score":2}
            """, path: "e.jsonl").corpus
        for corpus in [example, streamed, extras] {
            let back = try Self.roundTrip(corpus, as: ext)
            #expect(back.count == corpus.count && back.name == corpus.name && back.description == corpus.description)
            #expect(Self.facts(back) == Self.facts(corpus))
            for name in corpus.statements.extras.keys {
                #expect((0..<corpus.count).map { back.statements.extras[name]?[$0] } == (0..<corpus.count).map { corpus.statements.extras[name]?[$0] }, "\(name)")
            }
        }
        // Aliases are resolved again on the way back in: the speaker as written is kept.
        let back = try Self.roundTrip(example, as: ext)
        let row = (0..<example.count).first { example.statements.speakerTexts[$0] == "Mr. Asif" }
        #expect(row != nil && back.statements.speakers[row!] == "Khawaja Asif" && back.statements.speakerTexts[row!] == "Mr. Asif")
    }

    /// A database made by hand, as an analyst's other tools would make it: lists joined with `;`
    /// or written as JSON, figures as `58 soldiers`, numbers and an extra column, NULL for absent.
    @Test func aDatabaseMadeElsewhereLoadsAsJSONLinesWould() throws {
        let path = Fixtures.temporaryDirectory().appendingPathComponent("quotes.db").path
        let database = try SQLiteDatabase(path: path, writable: true)
        try database.execute("""
            CREATE TABLE Documents(id TEXT, source TEXT, authors TEXT);
            INSERT INTO Documents VALUES ('d1', 'Dawn', 'Ann Lee; Bo Chan');
            CREATE TABLE statements(id TEXT, doc TEXT, speaker TEXT, kind TEXT, text TEXT, date TEXT, topics TEXT, figures TEXT,
                                    confidence REAL, tone INTEGER, meta TEXT);
            INSERT INTO statements VALUES ('q1', 'd1', 'Khawaja Asif', 'direct', 'Talks are over', '2025-11-07', 'talks; ceasefire', NULL, 0.9, -1, NULL);
            INSERT INTO statements VALUES ('q2', 'd1', 'Afghan Taliban', NULL, 'We killed 58', '2025-11', '["border"]',
                                           '58 soldiers; 1,200 people', NULL, NULL, '{"k": [1, 2]}');
            """)
        let jsonLines = """
            {"type":"document","id":"d1","source":"Dawn","authors":["Ann Lee","Bo Chan"]}
            {"type":"statement","id":"q1","doc":"d1","speaker":"Khawaja Asif","kind":"direct","text":"Talks are over","date":"2025-11-07","topics":["talks","ceasefire"],"confidence":0.9,"tone":-1}
            {"type":"statement","id":"q2","doc":"d1","speaker":"Afghan Taliban","text":"We killed 58","date":"2025-11","topics":["border"],"figures":[{"value":58,"unit":"soldiers"},{"value":1200,"unit":"people"}],"meta":{"k":[1,2]}}
            """
        let fromSQLite = try CorpusLoader.load(path: path).corpus
        let fromJSON = try CorpusLoader.load(text: jsonLines, path: "q.jsonl").corpus
        #expect(fromSQLite.count == 2)
        #expect(Self.facts(fromSQLite) == Self.facts(fromJSON))
    }

    @Test func problemsArePlacedByTableRowAndColumn() throws {
        let path = Fixtures.temporaryDirectory().appendingPathComponent("bad.sqlite").path
        let database = try SQLiteDatabase(path: path, writable: true)
        try database.execute("""
            CREATE TABLE statements(id TEXT, speaker TEXT, text TEXT, date TEXT, figures TEXT, note BLOB);
            INSERT INTO statements VALUES ('a', 'A', 'fine', '2025-11-07', NULL, NULL);
            INSERT INTO statements VALUES ('b', 'B', 'bad date', '2025-13-01', NULL, NULL);
            INSERT INTO statements VALUES ('a', 'C', 'same id', NULL, NULL, NULL);
            INSERT INTO statements VALUES ('d', 'D', 'bad figure', NULL, 'many soldiers', NULL);
            INSERT INTO statements VALUES ('e', 'E', 'binary', NULL, NULL, X'00FF');
            INSERT INTO statements VALUES ('f', NULL, 'no speaker', NULL, NULL, NULL);
            INSERT INTO statements VALUES ('g', 'G', 'fine too', NULL, NULL, NULL);
            INSERT INTO statements VALUES ('h', 'H', 'infinite', NULL, NULL, 9e999);
            """)
        do {
            _ = try CorpusLoader.load(path: path)
            Issue.record("a database with bad rows loaded")
        } catch {
            let messages = error.problems.map(\.description)
            #expect(messages.count == 6, "\(messages)")
            #expect(messages.contains { $0.hasPrefix("\(path): statements row 2, column date: statement 'b': \"date\" is \"2025-13-01\"") }, "\(messages)")
            #expect(messages.contains { $0.contains("statements row 3") && $0.contains("used already by the statement at statements row 1") }, "\(messages)")
            #expect(messages.contains { $0.hasPrefix("\(path): statements row 4, column figures: 'many soldiers' is not a figure") }, "\(messages)")
            #expect(messages.contains { $0.hasPrefix("\(path): statements row 5, column note: this cell holds binary data") }, "\(messages)")
            #expect(messages.contains { $0.hasPrefix("\(path): statements row 6: statement 'f'") && $0.contains("speaker") }, "\(messages)")
            #expect(messages.contains { $0.hasPrefix("\(path): statements row 8, column note: this cell holds inf, which is not a number") }, "\(messages)")
            #expect(error.description.contains("pass --skip-bad"))
        }
        let skipping = try CorpusLoader.load(path: path, skipBad: true)
        #expect(skipping.corpus.statements.texts[0] == "fine" && skipping.corpus.statements.texts[1] == "fine too")
        #expect(skipping.corpus.count == 2 && skipping.skipped == 6)
    }

    @Test func whatIsNotACorpusDatabaseIsSaidSo() throws {
        let folder = Fixtures.temporaryDirectory()
        let garbage = folder.appendingPathComponent("notes.db").path
        try Data("not a database at all, but long enough to be read as one".utf8).write(to: URL(fileURLWithPath: garbage))
        #expect(throws: CorpusLoadError.self) { try CorpusLoader.load(path: garbage) }
        #expect((try? CorpusLoader.load(path: garbage)) == nil)
        do { _ = try CorpusLoader.load(path: garbage) } catch {
            #expect(error.description.contains("cannot read it as a SQLite database: file is not a database"), "\(error)")
        }
        // A view is not read: one named statements could compute rows without end.
        let other = folder.appendingPathComponent("other.sqlite").path
        try SQLiteDatabase(path: other, writable: true).execute("""
            CREATE TABLE people(name TEXT);
            CREATE VIEW statements AS WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT 'A' AS speaker, x AS text FROM n;
            """)
        do {
            _ = try CorpusLoader.load(path: other)
            Issue.record("a database without corpus tables loaded")
        } catch {
            #expect(error.description.contains("has no table named statements, documents or entities"), "\(error)")
        }
        // A table of statements without a column every statement needs: said once, not once per row.
        let columns = folder.appendingPathComponent("columns.sqlite").path
        try SQLiteDatabase(path: columns, writable: true).execute("""
            CREATE TABLE statements(who TEXT, text TEXT);
            INSERT INTO statements VALUES ('A', 'one'), ('B', 'two');
            """)
        do {
            _ = try CorpusLoader.load(path: columns, skipBad: true)
            Issue.record("a table of statements without speakers loaded")
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.description.contains("cannot read the table statements: it has no column \"speaker\", which every statement needs (its columns: \"who\", \"text\")"), "\(error)")
            #expect(error.description.contains("; if \"who\" holds it, name that column \"speaker\""), "the likely column, as a CSV header is told: \(error)")
        }
    }

    /// A damaged database (bytes changed anywhere, or cut short) loads or is refused with a
    /// message; it never crashes or hangs.
    @Test func aDamagedDatabaseIsRefusedNotACrash() throws {
        let folder = Fixtures.temporaryDirectory()
        let path = folder.appendingPathComponent("good.sqlite").path
        try CorpusExport.write(try CorpusLoader.load(path: Fixtures.exampleCorpus).corpus, to: path)
        let good = try Data(contentsOf: URL(fileURLWithPath: path))
        var numbers = SeededNumbers(seed: 11)
        var refused = 0
        for i in 0..<60 {
            var bytes = [UInt8](good)
            if i % 10 == 9 {
                bytes = Array(bytes.prefix(numbers.next(bytes.count)))
            } else {
                for _ in 0..<(1 + numbers.next(20)) { bytes[numbers.next(bytes.count)] = UInt8(numbers.next(256)) }
            }
            let damaged = folder.appendingPathComponent("damaged\(i).sqlite")
            try Data(bytes).write(to: damaged)
            do {
                _ = try CorpusLoader.load(path: damaged.path, skipBad: true)
            } catch {
                refused += 1
                #expect(!error.description.isEmpty && error.problems.allSatisfy { $0.file == damaged.path })
            }
        }
        #expect(refused > 0, "some damage is found")
    }

    /// The file is replaced only by a complete one: a corpus SQLite cannot hold (two fields
    /// differing only in case) leaves the earlier file as it was, and no temporary file behind.
    @Test func aFailedExportLeavesTheEarlierFileWhole() throws {
        let folder = Fixtures.temporaryDirectory()
        let path = folder.appendingPathComponent("out.sqlite").path
        let first = try CorpusLoader.load(path: Fixtures.exampleCorpus).corpus
        try CorpusExport.write(first, to: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let clash = try CorpusLoader.load(text: #"{"type":"statement","speaker":"A","text":"t","Tone":1,"tone":2}"#, path: "c.jsonl").corpus
        #expect(throws: CorpusExport.Failure.self) { try CorpusExport.write(clash, to: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.sqlite"])
        #expect(throws: CorpusExport.Failure.self) { try CorpusExport.write(first, to: folder.appendingPathComponent("out.xlsx").path) }
    }

    /// Statements and documents are written as JSON lines for the C scanners: the rows that go that
    /// way must make what the full reader makes of them, and the rows it cannot take (numbers,
    /// JSON that is not one list, empty speakers, text that is not UTF-8, bad dates) must still
    /// reach the full reader and its messages.
    @Test func rowsReadTheQuickWayAreWhatTheFullReaderMakesOfThem() throws {
        let path = Fixtures.temporaryDirectory().appendingPathComponent("mixed.sqlite").path
        try SQLiteDatabase(path: path, writable: true).execute("""
            CREATE TABLE documents(id TEXT, source TEXT, authors TEXT, published TEXT, note TEXT);
            INSERT INTO documents VALUES ('d1', 'Dawn', 'Ann Lee; Bo Chan', '2025-11-08', NULL);
            INSERT INTO documents VALUES ('d2', 'Tolo "News"', '["C D"]', NULL, NULL);
            INSERT INTO documents VALUES ('d3', 'Ariana', NULL, NULL, 'a field documents do not have');
            CREATE TABLE statements(id, doc TEXT, speaker TEXT, kind TEXT, text TEXT, date TEXT, topics TEXT, figures TEXT,
                                    verb TEXT, meta TEXT, "odd""name" TEXT, "doc.source" TEXT, type TEXT);
            INSERT INTO statements VALUES ('q1', 'd1', 'Khawaja Asif', 'direct', 'Quote "this", a \\ backslash,' || char(10) || 'a tab' || char(9) || 'and ' || char(1),
                                           '2025-11-07', ' talks ;  ; ceasefire' || char(9), NULL, 'said', NULL, NULL, NULL, NULL);
            INSERT INTO statements VALUES ('q2', 'd1', 'Zabihullah Mujahid', NULL, 'Éditions naïves 🕊', '2025-11', '["border", "trade"]',
                                           '[{"value": 58, "unit": "soldiers"}]', 'claimed', NULL, NULL, NULL, NULL);
            INSERT INTO statements VALUES ('q3', 'd2', 'A', NULL, 'list with more after it', NULL, '["a"], "cue": "X"', NULL, '12', NULL, NULL, NULL, NULL);
            INSERT INTO statements VALUES ('q4', 'd2', 'B', NULL, 'not JSON', NULL, '[not json', '58 soldiers; 1,200 people', NULL, '[1, 2]', NULL, NULL, NULL);
            INSERT INTO statements VALUES ('q5', 'd2', 'C', NULL, 'not ASCII', NULL, 'café;  naïve', NULL, NULL, '{"k": [1, 2]}', 'odd', NULL, NULL);
            INSERT INTO statements VALUES (6, 'd3', 'D', NULL, 'a number for an id', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
            INSERT INTO statements VALUES ('q7', 'd3', '', NULL, 'an empty speaker', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
            INSERT INTO statements VALUES ('q8', 'd3', 'E', NULL, CAST(X'41FF42' AS TEXT), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
            INSERT INTO statements VALUES ('q9', 'd3', 'F', NULL, 'a bad date', '2025-13-01', NULL, NULL, NULL, NULL, NULL, NULL, NULL);
            INSERT INTO statements VALUES ('q10', 'd3', 'G', NULL, 'a document field', NULL, NULL, NULL, NULL, NULL, NULL, 'Dawn', NULL);
            INSERT INTO statements VALUES ('q11', 'd3', 'H', NULL, 'typed', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'statement');
            INSERT INTO statements VALUES ('q12', 'd9', 'I', 'indirect', 'a plain row after the others', '2025-11-09', 'talks', NULL, 'said', NULL, NULL, NULL, NULL);
            """)
        func load(quick: Bool) throws -> (corpus: Corpus, quickRows: Int, problems: [String]) {
            let strict = CorpusBuilder()
            var problems: [String] = []
            try SQLiteCorpusReader.read(path: path, into: strict, quick: quick)
            do { _ = try strict.finish(skipBad: false) } catch { problems = error.problems.map(\.description) }
            let builder = CorpusBuilder()
            let quickRows = try SQLiteCorpusReader.read(path: path, into: builder, quick: quick)
            return (try builder.finish(skipBad: true), quickRows, problems)
        }
        let quick = try load(quick: true), full = try load(quick: false)
        #expect(full.quickRows == 0)
        // d1, d2, d3 (its extra field too), q1, q2 and q12. Not q3 (a list with more after it), q4
        // (JSON that is not a list), q5 (not ASCII), 6 (a number), q7 (empty), q8 (not UTF-8), q9 (a
        // bad date), q10 (a document field), q11 (a type column).
        #expect(quick.quickRows == 6)
        #expect(quick.corpus.documents.map { $0.extra.map { "\($0.key)=\($0.value.value)" } } == full.corpus.documents.map { $0.extra.map { "\($0.key)=\($0.value.value)" } })
        #expect(Self.facts(quick.corpus) == Self.facts(full.corpus))
        #expect(quick.corpus.statements.extras.keys.sorted() == full.corpus.statements.extras.keys.sorted())
        for name in full.corpus.statements.extras.keys {
            #expect((0..<full.corpus.count).map { quick.corpus.statements.extras[name]?[$0] } == (0..<full.corpus.count).map { full.corpus.statements.extras[name]?[$0] }, "\(name)")
        }
        #expect(quick.problems == full.problems)
        #expect(full.problems.count >= 4, "\(full.problems)")
        // The list followed by more text is one item, not a cue: nothing in a cell can add a field.
        let q3 = (0..<quick.corpus.count).first { quick.corpus.statements.ids[$0] == "q3" }
        #expect(q3.map { quick.corpus.statements.cues[$0] } == .some(nil))
        #expect(q3.map { quick.corpus.statements.topics[$0] } == [#"["a"], "cue": "X""#])
        #expect((0..<quick.corpus.count).first { quick.corpus.statements.ids[$0] == "q1" }.map { quick.corpus.statements.texts[$0] }
                == "Quote \"this\", a \\ backslash,\na tab\tand \u{01}")
    }
}
