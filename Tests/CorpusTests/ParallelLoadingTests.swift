import Corpus
import Testing
import TestSupport

/// Large JSON Lines files are read in parts on all cores and merged: the result must be the one a
/// single reader gives.
@Suite struct ParallelLoadingTests {
    @Test func generatedIDsExtrasAndCodesSurviveTheMerge() throws {
        var lines = [#"{"type":"document","id":"d1","source":"Dawn"}"#]
        let count = 70_000
        for i in 0..<count {
            let extra = i % 3 == 0 ? #","tone":"calm""# : (i == count - 1 ? #","tone":{"score":1}"# : "")
            lines.append(#"{"type":"statement","doc":"d1","speaker":"Speaker \#(i % 97)","text":"Statement number \#(i) about the border","topics":["t\#(i % 5)"],"date":"2021-0\#(1 + i % 9)"\#(extra)}"#)
        }
        let text = lines.joined(separator: "\n") + "\n"
        #expect(text.utf8.count > 4 << 20, "large enough to be read in parallel")
        let corpus = try CorpusLoader.load(text: text, path: "big.jsonl").corpus
        let s = corpus.statements
        #expect(corpus.count == count)
        for i in stride(from: 0, to: count, by: 997) + [count / 2, count / 2 + 1, count - 1] {
            #expect(s.ids[i] == "d1#\(i + 1)", "generated ids continue across the parts")
            #expect(s.speakers[i] == "Speaker \(i % 97)")
            #expect(s.texts[i] == "Statement number \(i) about the border")
            #expect(s.topics[i] == ["t\(i % 5)"])
            #expect(s.dates[i] == "2021-0\(1 + i % 9)")
            #expect(s.date(row: i)?.month == 1 + i % 9)
            #expect(corpus.document(ofRow: i)?.source == "Dawn")
            let tone = s.extras["tone"]?[i]
            if i % 3 == 0 { #expect(tone == .string("calm")) } else if i == count - 1 { #expect(tone != nil) } else { #expect(tone == nil) }
        }
        #expect(Selection(corpus: corpus).counts(by: [.speaker]).total == count)
    }

    @Test func problemsInEveryPartAreAllReported() {
        var lines: [String] = []
        for i in 0..<60_000 {
            lines.append(i == 10 || i == 59_990 ? #"{"type":"statement","text":"no speaker"}"# :
                #"{"type":"statement","speaker":"A","text":"padding padding padding padding padding \#(i)"}"#)
        }
        do {
            _ = try CorpusLoader.load(text: lines.joined(separator: "\n"), path: "big.jsonl")
            Issue.record("must be refused")
        } catch {
            #expect(error.problems.map(\.line) == [11, 59_991])
        }
    }

    @Test func aLargeFileReadFromDiskMatchesTheSameTextInMemory() throws {
        // Read pages of a mapped file are handed back while loading; nothing may change.
        let generated = SyntheticCorpus(count: 40_000, seed: 9)
        #expect(generated.jsonLines.utf8.count > 4 << 20)
        let fromDisk = try CorpusLoader.load(path: generated.write()).corpus
        let inMemory = try CorpusLoader.load(text: generated.jsonLines, path: "g.jsonl").corpus
        #expect(fromDisk.count == inMemory.count)
        for row in 0..<fromDisk.count {
            #expect(fromDisk.statements.ids[row] == inMemory.statements.ids[row])
            #expect(fromDisk.statements.texts[row] == inMemory.statements.texts[row])
        }
        // A problem found at the end (a duplicate id) still gets its line from the released pages.
        let path = Fixtures.write(generated.jsonLines + #"{"type":"statement","id":"s5","speaker":"A","text":"again"}"# + "\n", named: "dup.jsonl")
        do {
            _ = try CorpusLoader.load(path: path)
            Issue.record("a duplicate id must be refused")
        } catch {
            let lines = generated.jsonLines.split(separator: "\n").count
            #expect(error.problems.first?.line == lines + 1)
            #expect(error.problems.first?.message.contains("used already by the statement at line") == true)
        }
    }

    @Test func documentsInEveryPartAreMergedWhole() throws {
        // Documents spread through the file (so each part has some), with every kind of field.
        var documents: [String] = [], statements: [String] = [], lines: [String] = []
        for d in 0..<12_000 {
            let optional = d % 3 == 0 ? #","title":"Report \#(d) on the border talks","authors":["A. Writer","B. Editor"],"language":"en""# : (d % 3 == 1 ? #","url":"https://x/\#(d)","note":{"n":\#(d)}"# : "")
            let document = #"{"type":"document","id":"d\#(d)","source":"Outlet \#(d % 13)","published":"2025-0\#(1 + d % 9)-1\#(d % 10)"\#(optional)}"#
            documents.append(document)
            lines.append(document)
            for k in 0..<3 {
                let statement = #"{"type":"statement","doc":"d\#(d)","speaker":"Speaker \#(k)","text":"Words number \#(k) of document \#(d), padded to make the file large enough"}"#
                statements.append(statement)
                lines.append(statement)
            }
        }
        let text = lines.joined(separator: "\n") + "\n"
        #expect(text.utf8.count > 4 << 20, "large enough to be read in parallel")
        let parallel = try CorpusLoader.load(text: text, path: "spread.jsonl").corpus
        let whole = "{\"parley\": 1, \"documents\": [\(documents.joined(separator: ","))], \"statements\": [\(statements.joined(separator: ","))]}"
        let single = try CorpusLoader.load(text: whole, path: "spread.json").corpus
        #expect(parallel.documentCount == 12_000 && parallel.count == 36_000)
        func describe(_ d: Document) -> String {
            "\(d.id)|\(d.title ?? "-")|\(d.source ?? "-")|\(d.url ?? "-")|\(d.published?.description ?? "-")|\(d.authors)|\(d.language ?? "-")|\(d.extra.map(\.key))"
        }
        #expect(parallel.documents.map(describe) == single.documents.map(describe))
        for row in stride(from: 0, to: parallel.count, by: 101) {
            #expect(parallel.document(ofRow: row)?.id == single.document(ofRow: row)?.id)
        }
        #expect(parallel.documentSources.values.sorted() == single.documentSources.values.sorted())
        #expect(parallel.documents.firstIndex { $0.id == "d11999" } == 11_999)
    }
}
