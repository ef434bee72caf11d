import CorpusScan

/// Rows of a table (a database's `statements` or `documents`, a CSV file of statements) taken the
/// quick way: each written as its JSON line (`RecordLine`), read by the C scanner of JSON Lines and
/// appended as a scanned line is. A row it cannot take is left to the caller's full reader.
final class QuickRows {
    private var line: RecordLine
    private let isStatement: Bool
    private let scanned = UnsafeMutablePointer<ps_statement>.allocate(capacity: 1)
    private let scannedDocument = UnsafeMutablePointer<ps_document>.allocate(capacity: 1)
    /// How many rows were taken.
    private(set) var taken = 0

    /// For a table of `record`s (`statement` or `document`) with `columns`.
    init(record: String, columns: [CSVCorpusReader.Column], numbersAreText: Bool, documentFieldsElsewhere: Bool = false) {
        line = RecordLine(record: record, columns: columns, numbersAreText: numbersAreText, documentFieldsElsewhere: documentFieldsElsewhere)
        isStatement = record == "statement"
    }

    deinit {
        scanned.deallocate()
        scannedDocument.deallocate()
    }

    /// Appends the row whose cells (after the first `skipped`) are `row`'s to `builder`; false (and
    /// nothing appended) if the full reader must read it.
    func take(_ row: some RecordCells, skipping skipped: Int = 0, into builder: CorpusBuilder, at location: () -> RecordLocation) -> Bool {
        guard line.write(row, skipping: skipped) else { return false }
        let appended = line.bytes.withUnsafeBufferPointer { b in
            if isStatement {
                return ps_scan_statement(b.baseAddress!, b.count, scanned) != 0
                    && builder.columns.append(ScannedStatement(fields: scanned, lineStart: 0, bufferCount: b.count), b, at: location())
            }
            return ps_scan_document(b.baseAddress!, b.count, scannedDocument) != 0
                && builder.addDocument(ScannedDocument(fields: scannedDocument, lineStart: 0, bufferCount: b.count), b, at: location())
        }
        if appended { taken += 1 }
        return appended
    }
}
