@testable import Corpus
import Foundation
import Testing
import TestSupport

/// The files of a folder are read on all cores, each into a builder of its own, and taken in in
/// order: the corpus, its name and its problems must be those of reading the files one by one.
@Suite struct FolderLoadingTests {
    /// Twelve files of both forms, of different sizes, with headers, records that refer to other
    /// files' records, and (when `bad`) problems in several of them.
    static func folder(bad: Bool) throws -> [String] {
        let folder = Fixtures.temporaryDirectory()
        var paths: [String] = []
        for f in 0..<12 {
            var lines: [String] = []
            if f % 4 == 1 { lines.append(#"{"type":"corpus","name":"Part \#(f)","description":"from file \#(f)"}"#) }
            lines.append(#"{"type":"document","id":"d\#(f)","source":"Source \#(f % 3)"}"#)
            for i in 0..<(f == 5 ? 3_000 : 40 + f * 7) {
                let doc = "d\((f + i) % (f + 1))"   // some refer to documents of earlier files
                lines.append(#"{"type":"statement","id":"f\#(f)s\#(i)","doc":"\#(doc)","speaker":"Speaker \#(i % 5)","text":"File \#(f), statement \#(i)","date":"2025-11-0\#(1 + i % 9)"}"#)
            }
            if bad && f % 3 == 2 { lines.append(#"{"type":"statement","doc":"d\#(f)","text":"no speaker in file \#(f)"}"#) }
            if bad && f == 7 { lines.append(#"{"type":"statement","id":"f2s1","doc":"d7","speaker":"A","text":"an id of file 2"}"#) }
            let path: String
            if f % 5 == 3 {
                // The JSON form: one object.
                let records = lines.map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
                let object: [String: Any] = ["parley": 1, "documents": records.filter { $0["type"] as? String == "document" },
                                             "statements": records.filter { $0["type"] as? String == "statement" }]
                path = folder.appendingPathComponent(String(format: "%02d.json", f)).path
                try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(to: URL(fileURLWithPath: path))
            } else {
                path = folder.appendingPathComponent(String(format: "%02d.jsonl", f)).path
                try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
            }
            paths.append(path)
        }
        return paths
    }

    @Test func aFolderReadOnAllCoresIsTheFolderReadInOrder() throws {
        let paths = try Self.folder(bad: false)
        let together = try CorpusLoader.read(paths).finish(skipBad: false)
        let inTurn = try CorpusLoader.read(paths, concurrently: false).finish(skipBad: false)
        #expect(together.count == inTurn.count && together.count > 3_000)
        #expect(together.name == "Part 9", "the last header names the corpus, as read in turn")
        #expect(together.name == inTurn.name && together.description == inTurn.description)
        #expect(JSONCorpusStreamTests.fingerprint(together) == JSONCorpusStreamTests.fingerprint(inTurn))
    }

    /// Files are delivered in whatever order their threads finish (tests running side by side
    /// may leave one thread to a folder): the merge must take them in file order all the same.
    @Test func partsDeliveredOutOfOrderAreTakenInInOrder() throws {
        func part(_ n: Int) -> CorpusBuilder {
            let builder = CorpusBuilder()
            JSONLinesReader.read(SourceFile(path: "p\(n).jsonl", text: #"{"type":"statement","id":"s\#(n)","speaker":"A","text":"t"}"#),
                                     range: 0..<(#"{"type":"statement","id":"s\#(n)","speaker":"A","text":"t"}"#.utf8.count), into: builder)
            return builder
        }
        let merge = CorpusLoader.InOrderMerge(count: 4)
        for n in [3, 1, 0, 2] { merge.deliver(n, .success(part(n))) }
        let corpus = try merge.result().finish(skipBad: false)
        #expect((0..<corpus.count).map { corpus.statements.ids[$0] } == ["s0", "s1", "s2", "s3"])

        let failing = CorpusLoader.InOrderMerge(count: 3)
        failing.deliver(2, .failure(CorpusLoadError(file: "p2.jsonl", message: "third")))
        failing.deliver(1, .failure(CorpusLoadError(file: "p1.jsonl", message: "second")))
        failing.deliver(0, .success(part(0)))
        let error = #expect(throws: CorpusLoadError.self) { try failing.result() }
        #expect(error?.problems.first?.message == "second", "the first file's problem in file order")
    }

    @Test func theirProblemsAreTheSameInTheSameOrder() throws {
        let paths = try Self.folder(bad: true)
        var reported: [[CorpusProblem]] = []
        for concurrently in [true, false] {
            do {
                _ = try CorpusLoader.read(paths, concurrently: concurrently).finish(skipBad: false)
                Issue.record("must be refused")
            } catch {
                reported.append(error.problems)
            }
        }
        #expect(reported.first?.count == 5, "four statements without a speaker and a repeated id: \(reported.first ?? [])")
        #expect(reported.first?.map(\.description) == reported.last?.map(\.description))
        // A file that cannot be read fails the load, whichever core read it.
        let unreadable = paths + [paths[0] + ".missing.jsonl"]
        #expect(throws: CorpusLoadError.self) { try CorpusLoader.read(unreadable) }
    }
}
