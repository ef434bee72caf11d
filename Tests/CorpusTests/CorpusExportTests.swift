import Corpus
import Foundation
import Testing
import TestSupport

/// A corpus written as JSON Lines or SQLite reads back as it was; the statements, the bulk of the
/// file, are written in batches made on other threads (JSON Lines' lines on all cores while the batch
/// before is written, SQLite's cells while the batch before is inserted), which must keep them in order.
@Suite struct CorpusExportTests {
    @Test(arguments: ["jsonl", "sqlite"])
    func manyStatementsWrittenInBatchesReadBackInTheirOrder(form: String) throws {
        let synthetic = SyntheticCorpus(count: 70_000, seed: 11)   // three batches: the first two buffers each used twice
        let corpus = try CorpusLoader.load(text: synthetic.jsonLines, path: "s.jsonl").corpus
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }

        let all = folder.appendingPathComponent("all.\(form)").path
        try CorpusExport.write(corpus, to: all)
        let whole = try CorpusLoader.load(path: all).corpus
        #expect(whole.count == corpus.count)
        #expect((0..<corpus.count).allSatisfy { whole.statements.ids[$0] == corpus.statements.ids[$0] && whole.statements.texts[$0] == corpus.statements.texts[$0] })

        // A collection's statements go in the collection's order: here every third, last first.
        let rows = Array(stride(from: corpus.count - 1, through: 0, by: -3))
        let some = folder.appendingPathComponent("some.\(form)").path
        try CorpusExport.write(corpus, rows: rows, to: some)
        let part = try CorpusLoader.load(path: some).corpus
        #expect(part.count == rows.count)
        let mismatch = rows.enumerated().first { i, row in
            part.statements.ids[i] != corpus.statements.ids[row] || part.statements.speakers[i] != corpus.statements.speakers[row]
                || part.statements.dates[i] != corpus.statements.dates[row] || part.document(ofRow: i)?.id != corpus.document(ofRow: row)?.id
        }
        #expect(mismatch == nil, "statement \(mismatch?.offset ?? -1) of the collection")
    }
}
