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

    /// One record a line: the header, the documents, the entities, then the statements.
    static func writeJSONLines(_ records: CorpusRecords, to fd: Int32) throws {
        var out = BinaryWriter(file: fd)
        var text: [UInt8] = []
        func line(_ type: String, _ fields: CorpusRecords.Fields) {
            text.removeAll(keepingCapacity: true)
            text.append(contentsOf: "{\"type\":\"\(type)\"".utf8)
            for (key, value) in fields {
                text.append(UInt8(ascii: ","))
                JSONValue.appendQuoted(key, to: &text)
                text.append(UInt8(ascii: ":"))
                value.appendJSON(to: &text)
            }
            text.append(contentsOf: "}\n".utf8)
            out.bytes(text)
        }
        let corpus = records.corpus
        if !records.header.isEmpty { line("corpus", records.header) }
        for document in records.documents { line("document", records.document(document)) }
        for entity in corpus.entities { line("entity", records.entity(entity)) }
        for row in records.statementRows { line("statement", records.statement(row)) }
        out.flush()
        if let failure = out.failure { throw failure }
    }
}
