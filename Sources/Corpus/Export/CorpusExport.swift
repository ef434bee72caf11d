import Foundation

/// Writes a corpus in one of the forms Parley reads, chosen by the file's extension: JSON Lines
/// (`.jsonl`, `.ndjson`) or SQLite (`.sqlite`, `.sqlite3`, `.db`). The file is written under a
/// temporary name and renamed into place, so an existing file is replaced only by a complete one.
public enum CorpusExport {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static let extensions = ["jsonl", "ndjson", "sqlite", "sqlite3", "db"]

    /// Writes `corpus`, or the statements of `rows` only (a collection), with the documents they
    /// cite and all the entities.
    public static func write(_ corpus: Corpus, rows: [Int]? = nil, to path: String) throws(Failure) {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        guard extensions.contains(ext) else {
            let given = ext.isEmpty ? "a file without an extension" : "'.\(ext)'"
            throw Failure(description: "\(path): cannot write a corpus as \(given): use .jsonl or .ndjson (JSON Lines), or .sqlite or .db (SQLite)")
        }
        do {
            if SQLiteCorpusReader.extensions.contains(ext) {
                try AtomicFile.replace(path, make: { temporary in try SQLiteCorpusWriter.write(CorpusRecords(corpus, rows: rows), to: temporary) })
            } else {
                try AtomicFile.replace(path, write: { fd in try writeJSONLines(CorpusRecords(corpus, rows: rows), to: fd) })
            }
        } catch {
            throw Failure(description: "\(path): cannot write it: \(SystemError.reason(error))")
        }
    }

    /// Writes `corpus` as JSON Lines to the open file `fd` as the lines are made (standard output,
    /// for a pipe).
    public static func writeJSONLines(_ corpus: Corpus, to fd: Int32) throws(Failure) {
        do {
            try writeJSONLines(CorpusRecords(corpus), to: fd)
        } catch {
            throw Failure(description: "cannot write it: \(SystemError.reason(error))")
        }
    }

    /// One record a line: the header, the documents, the entities, then the statements.
    static func writeJSONLines(_ records: CorpusRecords, to fd: Int32) throws {
        let out = FileOutput(BinaryWriter(file: fd))
        var text: [UInt8] = []
        func line(_ type: String, _ fields: CorpusRecords.Fields) {
            text.removeAll(keepingCapacity: true)
            appendLine(type, fields, to: &text)
            out.writer.bytes(text)
        }
        let corpus = records.corpus
        if !records.header.isEmpty { line("corpus", records.header) }
        for document in records.documents { line("document", records.document(document)) }
        for entity in corpus.entities { line("entity", records.entity(entity)) }
        // The statements, most of the file, in batches whose lines are made on all cores, each into
        // a buffer of its own kept from batch to batch (fresh memory for each batch cost a tenth).
        // A batch is written while the next is made: the system's copy into the file's pages took
        // a quarter of the time (1.0 s of 3.8 s at a million statements), every core waiting on it.
        let rows = records.statementRows
        let buffers = [LineBuffers(count: Parallel.parts), LineBuffers(count: Parallel.parts)]
        var made: (buffers: LineBuffers, parts: Int)?   // the batch made and not yet written
        for (number, batchStart) in stride(from: 0, to: rows.count, by: statementBatch).enumerated() {
            let batch = rows[batchStart..<min(batchStart + statementBatch, rows.count)]
            let making = buffers[number % 2]
            let parts = batch.count < 4096 ? 1 : making.count
            let writing = made
            // One more task than parts: it writes the batch before this one.
            DispatchQueue.concurrentPerform(iterations: parts + 1) { part in
                guard part < parts else {
                    if let writing { out.write(writing.buffers, parts: writing.parts) }
                    return
                }
                let from = batch.startIndex + batch.count * part / parts, to = batch.startIndex + batch.count * (part + 1) / parts
                making.fill(part) { lines in
                    for row in batch[from..<to] { appendLine("statement", records.statement(row), to: &lines) }
                }
            }
            made = (making, parts)
        }
        if let made { out.write(made.buffers, parts: made.parts) }
        out.writer.flush()
        if let failure = out.writer.failure { throw failure }
    }

    /// The file being written, used by one task at a time: the main thread, or while a batch is
    /// made, the one task that writes the batch before it.
    private final class FileOutput: @unchecked Sendable {
        var writer: BinaryWriter
        init(_ writer: BinaryWriter) { self.writer = writer }

        func write(_ buffers: LineBuffers, parts: Int) {
            for part in 0..<parts { writer.bytes(buffers[part]) }
        }
    }

    /// A buffer of bytes for each core, each used by one thread at a time.
    private final class LineBuffers: @unchecked Sendable {
        private let buffers: UnsafeMutablePointer<[UInt8]>
        let count: Int

        init(count: Int) {
            self.count = count
            buffers = .allocate(capacity: count)
            buffers.initialize(repeating: [], count: count)
        }

        deinit {
            buffers.deinitialize(count: count)
            buffers.deallocate()
        }

        /// Calls `body` with buffer `i` emptied, to fill it.
        func fill(_ i: Int, _ body: (inout [UInt8]) -> Void) {
            buffers[i].removeAll(keepingCapacity: true)
            body(&buffers[i])
        }

        subscript(i: Int) -> [UInt8] { buffers[i] }
    }

    /// Statements a batch: each core's part of one is held in memory until written (a few megabytes).
    private static let statementBatch = 32_768

    private static func appendLine(_ type: String, _ fields: CorpusRecords.Fields, to text: inout [UInt8]) {
        text.append(contentsOf: "{\"type\":\"\(type)\"".utf8)
        for (key, value) in fields {
            text.append(UInt8(ascii: ","))
            JSONValue.appendQuoted(key, to: &text)
            text.append(UInt8(ascii: ":"))
            value.appendJSON(to: &text)
        }
        text.append(contentsOf: "}\n".utf8)
    }
}
