import Corpus
import Foundation
import Testing
import TestSupport

/// Snapshots give back the corpus they saved, and are never trusted when damaged or stale.
@Suite struct SnapshotTests {
    func roundTrip(_ corpus: Corpus) throws -> Corpus {
        let path = Fixtures.temporaryDirectory().appendingPathComponent("c.parley").path
        try Snapshot.write(corpus, source: nil, to: path)
        return try Snapshot.read(path)
    }

    func expectSame(_ a: Corpus, _ b: Corpus) {
        #expect(a.count == b.count && a.name == b.name && a.description == b.description)
        let fields: [Field] = [.id, .speaker, .speakerText, .role, .affiliation, .kind, .text, .cue, .date, .dateText, .channel,
                               .place, .topics, .mentions, .confidence, .status, .document("source"), .datePart(.month)]
        for row in 0..<a.count {
            for field in fields { #expect(a.values(of: field, row: row) == b.values(of: field, row: row), "row \(row) \(field)") }
            #expect(a.statements.figures(row: row).elementsEqual(b.statements.figures(row: row)))
            #expect(a.statements.relations[row] == b.statements.relations[row])
            #expect(a.statements.span(row: row).map { [$0.start, $0.end] } == b.statements.span(row: row).map { [$0.start, $0.end] })
        }
        for name in a.statements.extras.keys {
            for row in 0..<a.count { #expect(a.statements.extras[name]?[row] == b.statements.extras[name]?[row]) }
        }
        #expect(a.documents.map(\.id) == b.documents.map(\.id))
        #expect(a.documents.map { $0.extra.map(\.key) } == b.documents.map { $0.extra.map(\.key) })
        #expect(a.documents.map { $0.extra.map(\.value.value) } == b.documents.map { $0.extra.map(\.value.value) })
        #expect(a.entities.map(\.name) == b.entities.map(\.name))
        #expect(a.entities.map(\.aliases) == b.entities.map(\.aliases))
        #expect(a.canonicalNames == b.canonicalNames)
    }

    @Test func theExampleCorpusComesBackWhole() throws {
        let corpus = try CorpusLoader.load(path: Fixtures.exampleCorpus).corpus
        expectSame(corpus, try roundTrip(corpus))
    }

    @Test func aGeneratedCorpusWithExtrasComesBackWhole() throws {
        let text = SyntheticCorpus(count: 500, seed: 5).jsonLines + #"{"type":"statement","id":"extra-1","speaker":"X","text":"t","score":{"a":[1,2.5,"x"]},"span":[0,1],"confidence":0.5}"# + "\n"
        let corpus = try CorpusLoader.load(text: text, path: "g.jsonl").corpus
        expectSame(corpus, try roundTrip(corpus))
    }

    @Test func aSnapshotThatCannotBeWrittenSaysWhereAndWhy() throws {
        let corpus = try CorpusLoader.load(path: Fixtures.exampleCorpus).corpus
        let path = Fixtures.temporaryDirectory().appendingPathComponent("no-such-folder/c.parley").path
        do {
            try Snapshot.write(corpus, source: nil, to: path)
            Issue.record("must fail")
        } catch let error as Snapshot.WriteError {
            #expect(error.description.hasPrefix("\(path): cannot write the snapshot: "))
            #expect(error.description.hasSuffix("there is no folder \((path as NSString).deletingLastPathComponent)"))
        }
        #expect(!FileManager.default.fileExists(atPath: AtomicFile.temporaryPath(for: path)))
    }

    @Test func damagedOrForeignFilesAreRefused() throws {
        let corpus = try CorpusLoader.load(path: Fixtures.exampleCorpus).corpus
        let path = Fixtures.temporaryDirectory().appendingPathComponent("c.parley").path
        try Snapshot.write(corpus, source: nil, to: path)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[bytes.count / 2] ^= 0x40
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(throws: Snapshot.Failure.damaged(path)) { try Snapshot.read(path) }
        try bytes.prefix(bytes.count / 3).write(to: URL(fileURLWithPath: path))
        #expect(throws: Snapshot.Failure.damaged(path)) { try Snapshot.read(path) }
        try Data("{\"parley\": 1}".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: Snapshot.Failure.notASnapshot(path)) { try Snapshot.read(path) }
        let error = #expect(throws: CorpusLoadError.self) { try CorpusLoader.load(path: path) }
        // The path once, then what is wrong with the file and what to do.
        #expect(error?.description == "\(path): not a Parley snapshot; make it again with `parley snapshot SOURCE`")
    }

    @Test func aStaleSnapshotIsRebuiltNotTrusted() throws {
        let folder = Fixtures.temporaryDirectory()
        let source = folder.appendingPathComponent("c.jsonl").path
        try Data(#"{"type":"statement","speaker":"A","text":"first"}"#.utf8).write(to: URL(fileURLWithPath: source))
        var result = try CorpusLoader.load(path: source, keepSnapshot: true)
        #expect(result.notes.contains { $0.hasPrefix("wrote the snapshot") })
        result = try CorpusLoader.load(path: source, keepSnapshot: true)
        #expect(result.notes.contains { $0.hasPrefix("opened the snapshot") })
        #expect(result.corpus.statements.texts[0] == "first")
        Thread.sleep(forTimeInterval: 0.01)
        try Data((#"{"type":"statement","speaker":"A","text":"second"}"# + "\n").utf8).write(to: URL(fileURLWithPath: source))
        result = try CorpusLoader.load(path: source, keepSnapshot: true)
        #expect(result.notes.contains { $0.contains("older than the corpus") && $0.contains("rebuilt") })
        #expect(result.corpus.statements.texts[0] == "second")
    }

    @Test func theCommandLineWritesAndOpensSnapshots() throws {
        let folder = Fixtures.temporaryDirectory().path
        let source = folder + "/talks.json"
        try FileManager.default.copyItem(atPath: Fixtures.exampleCorpus, toPath: source)
        var out = try Subprocess.run(["snapshot", source])
        #expect(out.status == 0)
        #expect(out.stdout.hasPrefix("wrote \(folder)/talks.parley: 31 statements, 2 documents"))
        out = try Subprocess.run(["-e", "print(#statements, corpus.name)", "--corpus", folder + "/talks.parley"])
        #expect(out.stdout == "31\tPakistan–Afghanistan talks, November 2025\n")
        out = try Subprocess.run(["-e", "print(#statements)", "--corpus", source, "--snapshot"])
        #expect(out.stdout == "31\n" && out.stderr.isEmpty)
    }
}
