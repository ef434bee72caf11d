import Foundation
import Corpus
@testable import REPL
import Scripting
import Testing
import TestSupport

/// What Tab offers, without a terminal.
@Suite struct CompleterTests {
    let completer: Completer = {
        let session = try! ScriptSession()
        try! session.install(corpus: try! CorpusLoader.load(path: Fixtures.exampleCorpus).corpus)
        return Completer(session: session)
    }()

    /// Candidates for `line` with the cursor at its end; the word starts after the last break character.
    func complete(_ line: String) -> [String] {
        let bytes = Array(line.utf8)
        let breaks = Set(" \t\n\"'`@$><=;|&{(,[.:+-*/%^~#".utf8)
        var start = bytes.count
        while start > 0 && !breaks.contains(bytes[start - 1]) { start -= 1 }
        return completer.candidates(line: bytes, start: start, end: bytes.count)
    }

    @Test func fieldValuesInsideStrings() {
        #expect(complete(#"statements:where{speaker = "Kh"#) == [#"Khawaja Asif""#])
        #expect(complete(#"statements:where{speaker = 'att"#) == ["Attaullah Tarar'"])
        #expect(complete(#"statements:where{["doc.source"] = "N"#) == [#"News report""#])
        #expect(complete(#"statements:where{topics = "cease"#) == [#"ceasefire""#])
        #expect(complete(#"statements:where{kind = {"direct", "in"#).isEmpty, "inside a list the field is not next to the string")
        #expect(complete(#"statements:count_by("doc.s"#) == [#"source""#], "libedit breaks words at '.': only the part after it is replaced")
        #expect(complete(#"statements:where{speaker = "Khawaja A"#) == [#"Asif""#])
        #expect(complete(#"print("Kh"#).isEmpty)
    }

    /// Dates complete as `where` reads them, by day: date-times are not each a candidate.
    @Test func datesCompleteByDay() throws {
        let session = try ScriptSession()
        try session.install(corpus: try CorpusLoader.load(text: """
            {"type":"statement","speaker":"A","text":"a","date":"2025-11-07T14:30:00+05:00"}
            {"type":"statement","speaker":"A","text":"b","date":"2025-11-07T09:00:00Z"}
            {"type":"statement","speaker":"A","text":"c","date":"2025-11-08"}
            {"type":"statement","speaker":"A","text":"d","date":"2025-10"}
            """, path: "dt.jsonl").corpus)
        let bytes = Array(#"statements:where{date = "2025-1"#.utf8)
        #expect(Completer(session: session).candidates(line: bytes, start: bytes.count - 1, end: bytes.count)
                == [#"10""#, #"11-07""#, #"11-08""#])
    }

    @Test func membersAfterDotAndColon() {
        #expect(complete("statements:cou") == ["count", "count_by"])
        #expect(complete("statements:count_by('kind'):t").isEmpty, "the value of a call is not computed")
        #expect(complete("corpus.na") == ["name"])
        #expect(complete("string.up") == ["upper"])
        #expect(complete("help") == ["help"])
        #expect(complete("wh").contains("while"))
        // An index by a whole number: a collection's statement, a table's item (no code is run).
        #expect(complete("statements[1].sp") == ["speaker", "speaker_text", "span"])
        #expect(complete("statements[2].doc.pub") == ["published"])
        #expect(complete("statements[999].sp").isEmpty, "no such statement")
        #expect(complete("statements[1]:").isEmpty, "a statement has no methods")
    }

    @Test func dotCommandNames() {
        #expect(complete(".sch") == ["schema"])
        #expect(complete(".") .count == Completer.dotCommands.count)
    }

    /// After `.load`, `.run` and `.output`, Tab completes file names as a shell does: a folder ends
    /// in `/`, hidden files only when asked for; only the part after the last `/` or `.` is replaced.
    @Test func fileNamesAfterTheFileCommands() throws {
        let folder = Fixtures.temporaryDirectory().path
        for name in ["corpus.jsonl", "corpus.sqlite", "count.lua", ".hidden.lua"] {
            #expect(FileManager.default.createFile(atPath: folder + "/" + name, contents: Data()))
        }
        try FileManager.default.createDirectory(atPath: folder + "/cases", withIntermediateDirectories: false)
        #expect(complete(".load \(folder)/co") == ["corpus.jsonl", "corpus.sqlite", "count.lua"])
        #expect(complete(".load \(folder)/corpus.s") == ["sqlite"])
        #expect(complete(".run \(folder)/ca") == ["cases/"])
        #expect(complete(".output \(folder)/.h") == ["hidden.lua"])
        #expect(complete(".run \(folder)/count.lua --by mo").isEmpty, "only the first argument is a file")
        #expect(complete(".load \(folder)/nothing").isEmpty)
        #expect(complete(".mode mark").isEmpty)
    }
}
