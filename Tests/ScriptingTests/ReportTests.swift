import Corpus
import Foundation
import LuaBinding
import Scripting
import Testing
import TestSupport

/// Reports in each format, escaped for each, written atomically under the output directory.
@Suite struct ReportTests {
    let folder = Fixtures.temporaryDirectory().path

    func session(trusted: Bool = false) throws -> ScriptSession {
        var limits = ScriptSession.Limits()
        limits.outputDirectory = folder
        limits.trusted = trusted
        let session = try ScriptSession(limits: limits)
        let hostile = """
            {"type":"document","id":"d1","source":"Dawn | <b>&</b>","url":"https://example.org/a?b=1&c=2"}
            {"type":"statement","id":"s1","doc":"d1","speaker":"عبد الله","kind":"direct","text":"He said \\"no\\", then <script>alert(1)</script>, a|b","topics":["talks"]}
            {"type":"statement","id":"s2","doc":"d1","speaker":"Khawaja Asif","kind":"indirect","text":"line one\\nline two, with comma","topics":["talks"]}
            """
        try session.install(corpus: try CorpusLoader.load(text: hostile, path: "h.jsonl").corpus)
        return session
    }

    func read(_ name: String) throws -> String { try String(contentsOfFile: folder + "/" + name, encoding: .utf8) }

    @Test func htmlIsEscapedAndHasItsCharts() throws {
        let s = try session()
        try s.run("""
            local r = report.new{title = "A <title> & more"}
            r:table(statements:count_by("speaker"), "Speakers | all")
            r:chart(statements:count_by("doc.source", "kind"))
            r:chart(statements:count_by("speaker"), {kind = "bar", title = "Bars"})
            r:statements(statements)
            r:save("r.html")
            """, chunkName: "=t")
        let html = try read("r.html")
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<title>A &lt;title&gt; &amp; more</title>"))
        #expect(!html.contains("<script>"), "no script, and the statement's text is escaped")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("<td dir=\"auto\">عبد الله</td>"), "right-to-left names keep their text, with dir=auto")
        #expect(html.components(separatedBy: "<svg ").count - 1 == 2)
        #expect(html.contains("<rect "))
        #expect(html.contains("href=\"https://example.org/a?b=1&amp;c=2\""))
        #expect(!html.contains("http://") || html.contains("xmlns=\"http://www.w3.org/2000/svg\""), "no external resources")
        #expect(html.contains("Corpus: h.jsonl"))
    }

    @Test func markdownCSVAndJSON() throws {
        let s = try session()
        try s.run("""
            report.save(statements, "all.csv")
            report.save(statements:count_by("doc.source"), "sources.md")
            report.save(statements:where{kind = "direct"}, "direct.json")
            report.save(statements, "all.txt", {format = "csv"})
            """, chunkName: "=t")
        let csv = try read("all.csv")
        #expect(csv.contains("\"He said \"\"no\"\", then <script>alert(1)</script>, a|b\""), "RFC 4180 quoting")
        #expect(csv.contains("\"line one\nline two, with comma\""))
        #expect(try read("all.txt") == csv)
        let md = try read("sources.md")
        #expect(md.contains("| Dawn \\| <b>&</b> | 2 |"), "pipes in cells are escaped")
        let json = try read("direct.json")
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect((object?["parts"] as? [[String: Any]])?.count == 1)
        #expect(json.contains("where{kind = \\\"direct\\\"}"), "the filter is in the provenance")
    }

    /// For Excel, a CSV file starts with UTF-8's byte order mark (else Excel garbles عبد الله); the rest
    /// is the same file, which Parley reads back as it was; the option is refused for other formats.
    @Test func csvForExcelStartsWithTheByteOrderMark() throws {
        let s = try session()
        try s.run("report.save(statements, 'plain.csv') report.save(statements, 'excel.csv', {excel = true})", chunkName: "=t")
        let plain = try Data(contentsOf: URL(fileURLWithPath: folder + "/plain.csv"))
        let excel = try Data(contentsOf: URL(fileURLWithPath: folder + "/excel.csv"))
        #expect(Array(excel.prefix(3)) == [0xEF, 0xBB, 0xBF] && excel.dropFirst(3) == plain && plain.first != 0xEF)
        let back = try CorpusLoader.load(path: folder + "/excel.csv").corpus
        #expect(back.count == 2 && back.statements.ids[0] == "s1" && back.statements.speakers[0] == "عبد الله")
        let wrongFormat = #expect(throws: LuaError.self) { try s.run("report.save(statements, 'x.md', {excel = true})", chunkName: "=t") }
        #expect(wrongFormat?.message.contains("option excel is for .csv files") == true, "\(wrongFormat?.message ?? "")")
        let notABoolean = #expect(throws: LuaError.self) { try s.run("report.save(statements, 'x.csv', {excel = 'yes'})", chunkName: "=t") }
        #expect(notABoolean?.message.contains("option excel must be true or false, got string") == true, "\(notABoolean?.message ?? "")")
    }

    /// A table of a collection makes each row when a renderer reads it: nothing is made up front,
    /// and a preview reads only the rows it shows (the saved files are those of `ReportGoldenTests`).
    @Test func aCollectionsTableMakesItsRowsWhenRead() throws {
        let made = Counter()
        let table = Tabular(headers: ["n"], count: 1_000_000) { i in
            made.add()
            return [.number(Double(i))]
        }
        #expect(made.value == 0 && table.rows.count == 1_000_000)
        let preview = table.text(limit: 3)
        #expect(preview.contains("… 999997 more rows"), "\(preview)")
        #expect(made.value < 20, "a preview made \(made.value) rows")
        #expect(Array(table.rows[999_998...]) == [[.number(999_998)], [.number(999_999)]])
    }

    final class Counter: @unchecked Sendable {
        private(set) var value = 0
        func add() { value += 1 }
    }

    @Test func csvQuotesEveryFieldThatNeedsIt() {
        let table = Tabular(headers: ["text", "n"], rows: [
            [.text("a Windows line\r\nbreak"), .number(2)], [.text("“curly”, comma"), .number(0.5)],
            [.text("plain é"), .empty], [.text("say \"no\""), .text("cr\ronly")],
        ])
        #expect(table.csv() == "text,n\r\n\"a Windows line\r\nbreak\",2\r\n\"“curly”, comma\",0.5\r\nplain é,\r\n\"say \"\"no\"\"\",\"cr\ronly\"\r\n")
        // Whole numbers are written without ".0", however large a count gets; others as Swift
        // writes them shortest.
        #expect([1e15, 8.9e18, -3, 1.0 / 3, 2e19].map { Tabular.Cell.number($0).plain }
                == ["1000000000000000", "8900000000000000000", "-3", "0.3333333333333333", "2e+19"])
    }

    /// A large CSV file is handed out a megabyte at a time as it is made, and the pieces join
    /// into the whole file; a saved one matches it byte for byte.
    @Test func aLargeCSVIsWrittenInPieces() throws {
        let rows = (0..<40_000).map { i -> [Tabular.Cell] in [.text("speaker \(i), \"quoted\""), .number(Double(i))] }
        let expected = "text,n\r\n" + (0..<40_000).map { "\"speaker \($0), \"\"quoted\"\"\",\($0)\r\n" }.joined()
        var pieces: [Int] = []
        var joined: [UInt8] = []
        Tabular(headers: ["text", "n"], rows: rows).writeCSV { pieces.append($0.count); joined.append(contentsOf: $0) }
        #expect(pieces.count >= 2 && pieces.dropLast().allSatisfy { $0 >= 1 << 20 && $0 < (1 << 20) + 4096 }, "\(pieces)")
        #expect(String(decoding: joined, as: UTF8.self) == expected)
        let s = try session()
        try s.run("local rows = {} for i = 0, 39999 do rows[#rows + 1] = {text = 'speaker ' .. i .. ', \"quoted\"', n = i} end report.save(rows, 'big.csv', {columns = {'text', 'n'}})", chunkName: "=t")
        #expect(try read("big.csv") == expected)
    }

    @Test func provenanceNamesCorpusScriptFiltersVersionAndTime() throws {
        let s = try session()
        try s.setArguments(script: "analysis.lua", ["x"])
        try s.run(#"report.save(statements:where{speaker = "Khawaja Asif"}:count_by("kind"), "p.md")"#, chunkName: "=t")
        let md = try read("p.md")
        #expect(md.contains("content hash"))
        #expect(md.contains("Made by: script analysis.lua x"))
        #expect(md.contains(#"Filters: where\{speaker = "Khawaja Asif"\} → count\_by("kind")"#))
        #expect(md.contains("Parley \(ParleyInfo.version)"))
    }

    /// With no corpus loaded, a report says so, without the hash of nothing (the same for every such
    /// report, it read as a corpus's).
    @Test func aReportWithoutACorpusHasNoHash() throws {
        var limits = ScriptSession.Limits()
        limits.outputDirectory = folder
        let s = try ScriptSession(limits: limits)
        try s.run(#"report.save(report.new{title = "Notes"}:text("nothing loaded"), "none.md")"#, chunkName: "=t")
        let md = try read("none.md")
        #expect(md.contains("Corpus: (no corpus)</small>"), "\(md)")
        #expect(!md.contains("content hash"))
    }

    /// Each part's filters are its own chain: two tables of different data read as two chains,
    /// not as one chain of all their steps (and a step they share is not dropped from the second).
    @Test func eachPartsFiltersAreAChainOfTheirOwn() throws {
        let s = try session()
        try s.run(#"""
            local r = report.new{title = "two"}
            r:table(statements:where{speaker = "Khawaja Asif"}:count_by("kind"))
            r:table(statements:where{kind = "direct"}:count_by("kind"))
            r:table(statements:where{speaker = "Khawaja Asif"}:count_by("kind"))
            r:save("two.md")
            """#, chunkName: "=t")
        let md = try read("two.md")
        #expect(md.contains(#"Filters: where\{speaker = "Khawaja Asif"\} → count\_by("kind"); where\{kind = "direct"\} → count\_by("kind")<"#), "\(md)")
    }

    /// A collection united with itself again and again named the other's steps in each union, so
    /// its description doubled at each: 28 unions took 19 s, 100 never ended. Steps are bounded now,
    /// each in length and all in number (the first and the latest kept).
    @Test func filtersMadeInALoopStayBounded() throws {
        let s = try session()
        try s.run(#"""
            local c = statements
            for i = 1, 100 do c = c:union(c) end
            local w = statements
            for i = 1, 500 do w = w:where{kind = "direct"} end
            local r = report.new{title = "loops"}
            r:table(c:count_by("kind"))
            r:table(w:matching(string.rep("talks ", 100000)):count_by("kind"))
            r:save("loops.md")
            """#, chunkName: "=t")
        let md = try read("loops.md")
        let filters = try #require(md.components(separatedBy: "Filters: ").last)
        #expect(filters.count < 40 * 2 * 240, "\(filters.count) characters")
        #expect(filters.contains("union(statements) → union(union(statements)) → union(union(statements) → union(union(statements)))"))
        #expect(filters.contains(#"where\{kind = "direct"\} → … → where\{kind = "direct"\}"#))
        let matching = try #require(filters.components(separatedBy: " → ").first { $0.hasPrefix(#"matching("talks talks"#) })
        #expect(matching.count <= 240 && matching.hasSuffix("…"), "\(matching)")
    }

    @Test func pathsOutsideTheOutputDirectoryAreRefused() throws {
        let s = try session()
        for path in ["../escape.md", "/tmp/escape-\(UUID().uuidString).md", "sub/../../escape.md"] {
            let error = #expect(throws: LuaError.self) { try s.run("report.save(statements, '\(path)')", chunkName: "=t") }
            #expect(error?.message.contains("outside the output directory") == true, "\(path)")
        }
        try s.run("report.save(statements, 'sub/dir/ok.md')", chunkName: "=t")
        #expect(FileManager.default.fileExists(atPath: folder + "/sub/dir/ok.md"))
        let trusted = try session(trusted: true)
        let outside = Fixtures.temporaryDirectory().path + "/trusted.md"
        try trusted.run("report.save(statements, '\(outside)')", chunkName: "=t")
        #expect(FileManager.default.fileExists(atPath: outside))
    }

    /// A link in the output directory to a folder outside it does not carry a report out, not even
    /// into folders the write would make under it; a link that leads nowhere is refused too; a
    /// link to a folder inside is followed.
    @Test func linksOutOfTheOutputDirectoryAreRefused() throws {
        let s = try session()
        let outside = Fixtures.temporaryDirectory().path
        try FileManager.default.createSymbolicLink(atPath: folder + "/out", withDestinationPath: outside)
        try FileManager.default.createSymbolicLink(atPath: folder + "/nowhere", withDestinationPath: outside + "/missing")
        try FileManager.default.createDirectory(atPath: folder + "/inner", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder + "/in", withDestinationPath: folder + "/inner")
        for path in ["out/x.md", "out/new/x.md", "out/a/b/x.md", "nowhere/x.md", "nowhere/new/x.md"] {
            let error = #expect(throws: LuaError.self) { try s.run("report.save(statements, '\(path)')", chunkName: "=t") }
            #expect(error?.message.contains("outside the output directory") == true, "\(path)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
        // Called through pcall, the refusal names the script's line, not the sandbox's own pcall.
        let refusal = try s.evaluate("local ok, message = pcall(report.save, statements, 'out/x.md')\nreturn message", chunkName: "=t").first
        #expect(refusal?.hasPrefix("t:1: save: 'out/x.md' is outside the output directory") == true, "\(refusal ?? "nil")")
        try s.run("report.save(statements, 'in/new/ok.md')", chunkName: "=t")
        #expect(FileManager.default.fileExists(atPath: folder + "/inner/new/ok.md"))
    }

    /// A script that is not trusted writes reports, not files a shell, git or make would run: no
    /// hidden file or folder (`.bashrc`, `.git/hooks/…`) and no name without a report's extension;
    /// a trusted one may.
    @Test func hiddenFilesAndOtherNamesAreRefused() throws {
        let s = try session()
        let refused = [(".bashrc", "a hidden file"), (".git/hooks/pre-commit.md", "in a hidden folder (.git)"),
                       ("notes/.profile.txt", "a hidden file"), ("Makefile", "not named as a report"), ("run.sh", "not named as a report")]
        for (path, reason) in refused {
            let error = #expect(throws: LuaError.self) { try s.run("report.save(statements, '\(path)', {format = 'text'})", chunkName: "=t") }
            #expect(error?.message.hasPrefix("t:1: save: '\(path)' is \(reason)") == true, "\(error?.message ?? "nil")")
            #expect(error?.message.contains("--trust") == true)
            #expect(!FileManager.default.fileExists(atPath: folder + "/" + path))
        }
        try s.run("report.save(statements, 'notes/all.TXT'); report.save(statements, 'subset.jsonl')", chunkName: "=t")
        #expect(FileManager.default.fileExists(atPath: folder + "/notes/all.TXT") && FileManager.default.fileExists(atPath: folder + "/subset.jsonl"))
        try session(trusted: true).run("report.save(statements, '.hidden/notes', {format = 'text'})", chunkName: "=t")
        #expect(try read(".hidden/notes").contains("Khawaja Asif"))
    }

    /// Saving a selection over the corpus it was loaded from, by its name or another path to the
    /// same file, is refused even when trusted, and the corpus is left as it was; a link named
    /// like it is replaced, not the file it points to.
    @Test func theCorpusBeingReadIsNotWrittenOver() throws {
        let corpusPath = folder + "/talks.jsonl"
        let text = #"{"type":"statement","id":"s1","speaker":"Khawaja Asif","kind":"direct","text":"The talks are over."}"# + "\n"
        try text.write(toFile: corpusPath, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        #expect(link(corpusPath, folder + "/sub/same.jsonl") == 0)
        try FileManager.default.createSymbolicLink(atPath: folder + "/pointer.jsonl", withDestinationPath: corpusPath)
        for trusted in [false, true] {
            let s = try session(trusted: trusted)
            try s.install(corpus: try CorpusLoader.load(path: corpusPath).corpus)
            for path in ["talks.jsonl", corpusPath, "sub/../talks.jsonl", "sub/same.jsonl"] {
                let error = #expect(throws: LuaError.self) { try s.run("report.save(statements:where{speaker = 'nobody'}, '\(path)')", chunkName: "=t") }
                #expect(error?.message.hasPrefix("t:1: save: '\(path)' is the corpus this script reads (\(corpusPath))") == true, "\(error?.message ?? "nil")")
                #expect(try String(contentsOfFile: corpusPath, encoding: .utf8) == text)
            }
        }
        try session().run("report.save(statements, 'pointer.jsonl')", chunkName: "=t")
        #expect(try String(contentsOfFile: corpusPath, encoding: .utf8) == text)
        #expect(try read("pointer.jsonl").contains("عبد الله"))
    }

    /// A path the system refuses is explained in the system's words, the path shortened if long,
    /// not as Foundation's error dump.
    @Test func anUnwritablePathIsExplainedPlainly() throws {
        let s = try session()
        #expect(FileManager.default.createFile(atPath: folder + "/afile", contents: Data()))
        let cases = [(String(repeating: "d/", count: 3000) + "x.md", "File name too long"), ("afile/x.md", "File exists")]
        for (path, reason) in cases {
            let error = #expect(throws: LuaError.self) { try s.run("report.save(statements, '\(path)')", chunkName: "=t") }
            #expect(error?.message.contains("cannot write ") == true && error?.message.contains(reason) == true, "\(error?.message.prefix(300) ?? "")")
            #expect(error?.message.contains("NSCocoaErrorDomain") == false && (error?.message.count ?? 0) < 500)
        }
    }

    @Test func aFailedSaveLeavesTheOldFileWhole() throws {
        let s = try session()
        try s.run("report.save(statements, 'keep.md')", chunkName: "=t")
        let before = try read("keep.md")
        // Two tables cannot make one CSV: the save fails before anything is written.
        #expect(throws: LuaError.self) { try s.run("local r = report.new{} r:table(statements) r:table(statements) r:save('keep.md', {format = 'csv'})", chunkName: "=t") }
        #expect(try read("keep.md") == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    /// A Lua table has no order, and its traversal order changes from run to run (Lua seeds its
    /// string hashes): a list of records must still come out the same each time.
    @Test func aListOfRecordsHasItsColumnsInAnOrderOfItsOwn() throws {
        let script = """
            local rows = {{speaker = "Asif", share = 0.5, n = 3, verified = true}, {speaker = "Mujahid", n = 2, note = "x"}}
            report.save(rows, "all.csv")
            report.save(rows, "chosen.csv", {columns = {"speaker", "n"}})
            report.new{}:table(rows, {caption = "Who", columns = {"n", "speaker"}}):save("chosen.md")
            report.save({}, "empty.csv", {columns = {"speaker", "n"}})
            """
        var first: [String] = []
        for run in 0..<4 {
            try session().run(script, chunkName: "=t")
            let files = try ["all.csv", "chosen.csv", "chosen.md", "empty.csv"].map(read)
            #expect(files[0] == "n,note,share,speaker,verified\r\n3,,0.5,Asif,true\r\n2,x,,Mujahid,\r\n", "\(files[0])")
            #expect(files[1].hasPrefix("speaker,n") && files[1].contains("Asif,3") && !files[1].contains("0.5"))
            #expect(files[2].contains("*Who*") && files[2].contains("| n | speaker |"))
            #expect(files[3].trimmingCharacters(in: .newlines) == "speaker,n")
            if run == 0 { first = files.map { $0.replacingOccurrences(of: #"\d{4}-\d\d-\d\dT[\d:]+Z"#, with: "T", options: .regularExpression) } }
            #expect(files.map { $0.replacingOccurrences(of: #"\d{4}-\d\d-\d\dT[\d:]+Z"#, with: "T", options: .regularExpression) } == first)
        }
    }

    /// Records made from statements as an analyst writes them: a list field, the statement itself
    /// and its document go in as the corpus's CSV form writes them (lists joined with "; ", ids).
    @Test func recordsTakeListsStatementsAndDocuments() throws {
        try session().run("""
            local rows = {}
            for _, s in ipairs(statements) do
              rows[#rows + 1] = {statement = s, doc = s.doc, topics = s.topics, figures = {58, 23}, none = {}}
            end
            report.save(rows, "made.csv", {columns = {"statement", "doc", "topics", "figures", "none"}})
            """, chunkName: "=t")
        #expect(try read("made.csv") == "statement,doc,topics,figures,none\r\ns1,d1,talks,58; 23,\r\ns2,d1,talks,58; 23,\r\n")
        // A list of lists, or a list that holds itself, is no cell (and is not walked for ever).
        for code in ["report.save({{x = {{1}}}}, 'x.csv')", "local t = {} t[1] = t report.save({{x = t}}, 'x.csv')"] {
            let error = #expect(throws: LuaError.self) { try session().run(code, chunkName: "=t") }
            #expect(error?.message.contains("item 1 has 'x' = a table; a cell holds a string, a number, a boolean, a list of them, a statement or a document") == true)
        }
    }

    /// A list Parley makes with an order of its own (kwic's) saves in that order, not by name.
    @Test func kwicSavesInItsOwnColumnOrder() throws {
        try session().run("report.save(statements:kwic('said'), 'kwic.csv')", chunkName: "=t")
        #expect(try read("kwic.csv") == "id,speaker,before,match,after\r\ns1,عبد الله,He,said,\"\"\"no\"\", then…\"\r\n")
    }

    /// A collection saved with {columns = …} has those fields, in that order (the option was
    /// ignored for collections, and the seven default columns written without a word).
    @Test func aCollectionSavesTheColumnsItIsGiven() throws {
        let s = try session()
        try s.run("report.save(statements, 'chosen.csv', {columns = {'id', 'doc.source', 'topics', 'date.year', 'speaker'}})", chunkName: "=t")
        #expect(try read("chosen.csv") == "id,doc.source,topics,date.year,speaker\r\ns1,Dawn | <b>&</b>,talks,,عبد الله\r\ns2,Dawn | <b>&</b>,talks,,Khawaja Asif\r\n")
        let error = #expect(throws: LuaError.self) { try s.run("report.save(statements, 'x.csv', {columns = {'id', 'speakr'}})", chunkName: "=t") }
        #expect(error?.message.contains("option columns: unknown field 'speakr' (did you mean 'speaker'?)") == true, "\(error?.message ?? "")")
        try s.run("report.new{title = 't'}:table(statements, {columns = {'kind'}}):save('t.md')", chunkName: "=t")
        let markdown = try read("t.md")
        #expect(markdown.contains("| kind |\n| --- |\n| direct |\n| indirect |"), "\(markdown)")
    }

    /// A collection saved as .jsonl or .sqlite is a corpus of its own: its statements as they are,
    /// the documents they cite, the entities; a relation to a statement left out is left out too
    /// (the file would not load with it), and what reads it back is the collection.
    @Test func aCollectionSavesAsACorpusOfItsOwn() throws {
        var limits = ScriptSession.Limits()
        limits.outputDirectory = folder
        let s = try ScriptSession(limits: limits)
        let example = try CorpusLoader.load(path: Fixtures.exampleCorpus).corpus
        try s.install(corpus: example)
        for (name, condition) in [("asif.jsonl", "speaker = 'Khawaja Asif'"), ("news.sqlite", "['doc.source'] = 'News report'")] {
            try s.run("report.save(statements:where{\(condition)}, '\(name)')", chunkName: "=t")
            let expected = try s.evaluate("local ids = {} for _, x in ipairs(statements:where{\(condition)}) do ids[#ids + 1] = x.id .. '\\t' .. x.text end return table.concat(ids, '\\n')")
            let saved = try CorpusLoader.load(path: folder + "/" + name).corpus
            let reread = try ScriptSession(limits: limits)
            try reread.install(corpus: saved)
            let got = try reread.evaluate("local ids = {} for _, x in ipairs(statements) do ids[#ids + 1] = x.id .. '\\t' .. x.text end return table.concat(ids, '\\n')")
            #expect(saved.entities.count == example.entities.count, "\(name)")
            #expect(Set(saved.documents.map(\.id)) == Set((0..<saved.count).compactMap { saved.document(ofRow: $0)?.id }), "only the documents cited: \(name)")
            #expect(got == expected && !(got.first ?? "").isEmpty, "\(name)")
        }
        let news = try CorpusLoader.load(path: folder + "/news.sqlite").corpus
        let ids = Set((0..<news.count).map { news.statements.ids[$0] })
        #expect(news.statements.relations.values.allSatisfy { $0.allSatisfy { ids.contains($0.statement) } })
        let refused = #expect(throws: LuaError.self) { try s.run("report.save(statements, '../outside.jsonl')", chunkName: "=t") }
        #expect(refused?.message.contains("outside") == true, "\(refused?.message ?? "")")
    }

    @Test func badArgumentsAreExplained() throws {
        let s = try session()
        let cases: [(String, String)] = [
            ("report.save(statements, 'x.pdf')", "cannot tell the format of 'x.pdf'"),
            ("report.save(print, 'x.md')", "bad argument #1 to 'save'"),
            ("report.new{}:chart(statements)", "counts expected"),
            ("report.new{}:chart(statements:count_by('kind'), {kind = 'pie'})", "kind must be bar, timeline or stacked"),
            ("report.new{}:chart(statements:count_by('kind'), {kind = 'stacked'})", "needs counts by two keys"),
            ("report.save(statements, 'x.md', {format = 'docx'})", "format must be one of"),
            ("report.save({{a = 1}, 5}, 'x.csv')", "item 2 is a number, not a record"),
            ("report.save({{a = {b = 2}}}, 'x.csv')", "item 1 has 'a' = a table; a cell holds a string, a number, a boolean, a list of them"),
            ("report.save({{'x', 'y'}}, 'x.csv')", "item 1 has a field named by a number"),
            ("report.save({}, 'x.csv')", "an empty table: no records"),
            ("report.save({{n = 1}}, 'x.csv', {columns = {'n', 'shar'}})", "option columns names 'shar', which no record has (they have n)"),
            ("report.save({{n = 1}}, 'x.csv', {columns = 'n'})", "option columns must be a list of field names"),
            ("report.save({{n = 1}}, 'x.csv', {title = 3})", "option title must be a string, got number"),
            ("report.new{}:table({{n = 1}}, {caption = 'c', columns = {}})", "option columns is empty"),
        ]
        for (code, message) in cases {
            let error = #expect(throws: LuaError.self) { try s.run(code, chunkName: "=t") }
            #expect(error?.message.contains(message) == true, "\(code): \(error?.message ?? "")")
        }
    }
}
