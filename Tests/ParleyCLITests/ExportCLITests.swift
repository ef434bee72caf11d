import Foundation
import Testing
import TestSupport

/// `parley export`: a corpus written as SQLite and back as JSON Lines, through the command line.
@Suite struct ExportCLITests {
    @Test func aCorpusGoesToSQLiteAndBack() throws {
        let folder = Fixtures.temporaryDirectory()
        let database = folder.appendingPathComponent("talks.sqlite").path, lines = folder.appendingPathComponent("talks.jsonl").path
        let out = try Subprocess.run(["export", Fixtures.exampleCorpus, database])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout == "wrote \(database): 31 statements, 2 documents, 12 entities\n")
        #expect(try Subprocess.run(["export", database, lines]).status == 0)
        let script = "print(#statements, corpus.name, statements:count_by('speaker'):top(1))"
        let original = try Subprocess.run(["-e", script, "--corpus", Fixtures.exampleCorpus])
        for copy in [database, lines] {
            let read = try Subprocess.run(["-e", script, "--corpus", copy])
            #expect(read.status == 0 && read.stdout == original.stdout, "\(read.stderr)")
        }
    }

    /// An output of - is JSON Lines on standard output (for a pipe to jq or another program), the
    /// summary on standard error; what comes out loads as the corpus that went in.
    @Test func aCorpusGoesToStandardOutputAsJSONLines() throws {
        let out = try Subprocess.run(["export", Fixtures.exampleCorpus, "-"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stderr == "parley: wrote 31 statements, 2 documents, 12 entities\n")
        let lines = out.stdout.split(separator: "\n")
        #expect(lines.count == 1 + 2 + 12 + 31 && lines.allSatisfy { $0.hasPrefix("{\"type\":\"") })
        let copy = Fixtures.write(out.stdout, named: "piped.jsonl")
        let script = "print(#statements, corpus.name, statements:count_by('speaker'):top(1))"
        let original = try Subprocess.run(["-e", script, "--corpus", Fixtures.exampleCorpus])
        let read = try Subprocess.run(["-e", script, "--corpus", copy])
        #expect(read.status == 0 && read.stdout == original.stdout, "\(read.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "-"), "no file named -")
    }

    /// The corpus may be given with --corpus, as every other command takes it, before or after the
    /// command's name; given both ways, or with a path missing, the command says which.
    @Test func theCorpusMayBeGivenWithTheCorpusOption() throws {
        let folder = Fixtures.temporaryDirectory()
        let database = folder.appendingPathComponent("talks.sqlite").path, lines = folder.appendingPathComponent("talks.jsonl").path
        let before = try Subprocess.run(["--corpus", Fixtures.exampleCorpus, "export", database])
        #expect(before.status == 0 && before.stdout == "wrote \(database): 31 statements, 2 documents, 12 entities\n", "\(before.stderr)")
        let after = try Subprocess.run(["export", "--corpus", database, lines])
        #expect(after.status == 0 && after.stdout.hasPrefix("wrote \(lines): 31 statements"), "\(after.stderr)")
        let snapshot = folder.appendingPathComponent("talks.parley").path
        let snapped = try Subprocess.run(["--corpus", lines, "snapshot", "--output", snapshot])
        #expect(snapped.status == 0 && FileManager.default.fileExists(atPath: snapshot), "\(snapped.stderr)")

        let noOutput = try Subprocess.run(["export", Fixtures.exampleCorpus])
        #expect(noOutput.status == 2 && noOutput.stderr.contains("where to? Give the file to write after the corpus"), "\(noOutput.stderr)")
        #expect(noOutput.stderr.contains("Usage: parley export"), "the command's own usage: \(noOutput.stderr)")
        let twice = try Subprocess.run(["--corpus", Fixtures.exampleCorpus, "export", lines, database])
        #expect(twice.status == 2 && twice.stderr.contains("the corpus is given with --corpus: give only the file to write"), "\(twice.stderr)")
        let none = try Subprocess.run(["snapshot"])
        #expect(none.status == 2 && none.stderr.contains("which corpus?"), "\(none.stderr)")
        let both = try Subprocess.run(["--corpus", Fixtures.exampleCorpus, "snapshot", lines])
        #expect(both.status == 2 && both.stderr.contains("the corpus is given twice"), "\(both.stderr)")
    }

    @Test func whatCannotBeReadOrWrittenExitsWithTwo() throws {
        let folder = Fixtures.temporaryDirectory()
        let sheet = try Subprocess.run(["export", Fixtures.exampleCorpus, folder.appendingPathComponent("talks.xlsx").path])
        #expect(sheet.status == 2)
        #expect(sheet.stderr.contains("cannot write a corpus as '.xlsx': use .jsonl or .ndjson (JSON Lines), or .sqlite or .db (SQLite)"), "\(sheet.stderr)")
        let nowhere = try Subprocess.run(["export", Fixtures.exampleCorpus, "/nonexistent-folder/talks.sqlite"])
        #expect(nowhere.status == 2)
        #expect(nowhere.stderr == "parley: /nonexistent-folder/talks.sqlite: cannot write it: there is no folder /nonexistent-folder\n", "\(nowhere.stderr)")
        let intoFolder = try Subprocess.run(["export", Fixtures.exampleCorpus, folder.path + "/"])
        #expect(intoFolder.stderr.contains("cannot write a corpus as a file without an extension"), "\(intoFolder.stderr)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("old.db"), withIntermediateDirectories: true)
        let overFolder = try Subprocess.run(["export", Fixtures.exampleCorpus, folder.appendingPathComponent("old.db").path])
        #expect(overFolder.status == 2 && overFolder.stderr.hasSuffix("old.db: cannot write it: it is a folder; name a file in it\n"), "\(overFolder.stderr)")
        let underFile = try Subprocess.run(["export", Fixtures.exampleCorpus, Fixtures.exampleCorpus + "/talks.jsonl"])
        #expect(underFile.status == 2 && underFile.stderr.contains("cannot write it: \(Fixtures.exampleCorpus) is not a folder"), "\(underFile.stderr)")
        let bad = Fixtures.write(#"{"type":"statement","text":"no speaker"}"#, named: "bad.jsonl")
        let refused = try Subprocess.run(["export", bad, folder.appendingPathComponent("bad.sqlite").path])
        #expect(refused.status == 2 && refused.stderr.contains("bad.jsonl:1:1"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("bad.sqlite").path))
    }
}
