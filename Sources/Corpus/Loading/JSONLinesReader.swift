import CorpusScan
import Foundation

/// Reads the JSON Lines form: one record per line, each with a `type`.
enum JSONLinesReader {
    /// Below this size one thread reads the file; above it, one part per core, merged in order.
    static let parallelThreshold = 4 << 20

    /// Reads the file in as many parts as there are cores, each into its own builder, then merges
    /// the parts in file order (the result is the same as reading it in one piece). A thread that
    /// finishes early takes over half of what another has left (see `FileSegments`).
    /// Returns how many stretches were read (more than the parts when threads took over others' work).
    @discardableResult
    static func readInParallel(_ file: SourceFile, into builder: CorpusBuilder, parts: Int = ProcessInfo.processInfo.activeProcessorCount,
                               step: Int = releaseStep, minimumSplit: Int = FileSegments.minimumSplit) -> Int {
        guard parts > 1, file.bytes.count >= parallelThreshold else {
            read(file, range: file.bytes.contentStart..<file.bytes.count, into: builder)
            return 1
        }
        let segments = FileSegments(file, parts: parts, builder: builder, step: step, minimumSplit: minimumSplit)
        let size = file.bytes.count, first = file.bytes.contentStart
        DispatchQueue.concurrentPerform(iterations: parts) { i in
            var segment: FileSegments.Segment? = segments.initial(i)
            while let current = segment {
                // The first stretch's columns will hold the whole file once merged: it reserves room for it.
                read(current, share: current.start == first ? size : nil)
                segment = segments.steal()
            }
        }
        for other in segments.inOrder.dropFirst() { builder.absorb(other.builder) }
        return segments.count
    }

    /// Read pages are handed back every this many bytes (a block a reader claims at a time), so a
    /// large file does not stay resident.
    static let releaseStep = 4 << 20

    /// Reads the lines in `range` in one piece.
    static func read(_ file: SourceFile, range: Range<Int>, into builder: CorpusBuilder) {
        read(FileSegments.Segment(range, builder: builder, file: file, step: releaseStep), share: nil)
    }

    /// Reads a segment's lines, a block at a time as it claims them; `share` is how much of the
    /// file its columns will hold once the parts are merged.
    private static func read(_ segment: FileSegments.Segment, share: Int?) {
        let (file, builder) = (segment.file, segment.builder)
        let fileIndex = builder.register(file)
        var columns = builder.takeColumns()
        // Room for the texts (well under half of a statement line): reserved memory costs nothing until
        // written, and the first part then takes in the others without moving.
        // The rows too, as many as lines of 100 bytes: room reserved beyond what is used is never
        // touched, and the columns then grow in place instead of being copied as they double.
        let expected = share ?? segment.left
        columns.reserveCapacity(rows: share == nil ? 0 : expected / 100, textBytes: columns.statements.texts.bytes.count + expected / 2)
        let scratch = LineScratch()
        file.bytes.withUnsafeBufferPointer { buffer in
            var released = segment.start
            var start = segment.start
            while !builder.stop.isRequested(), let block = segment.claim(in: buffer) {
                file.bytes.release(released..<block.lowerBound)
                released = block.lowerBound
                readLines(buffer, block, file: file, fileIndex: fileIndex, into: builder, columns: &columns, scratch: scratch)
                start = block.upperBound
            }
            file.bytes.release(released..<min(start, buffer.count))
        }
        columns.finishReading()                  // here, on this part's thread
        builder.columns = columns
    }

    /// What the quick readers fill in, made once for a reading loop (a C scan's result holds 64 KB).
    final class LineScratch {
        var plain = PlainStatement()
        let scanned = UnsafeMutablePointer<ps_statement>.allocate(capacity: 1)
        let scannedDocument = UnsafeMutablePointer<ps_document>.allocate(capacity: 1)

        deinit {
            scanned.deallocate()
            scannedDocument.deallocate()
        }
    }

    /// Reads the lines in `block` of `buffer` (whole lines) into `columns` and `builder`; `file`
    /// is the builder's file `fileIndex`.
    static func readLines(_ buffer: UnsafeBufferPointer<UInt8>, _ block: Range<Int>, file: SourceFile, fileIndex: Int,
                          into builder: CorpusBuilder, columns: inout StatementColumns, scratch: LineScratch) {
        let (scanned, scannedDocument) = (scratch.scanned, scratch.scannedDocument)
        var start = block.lowerBound
        while start < block.upperBound {
            let location = RecordLocation(file: fileIndex, offset: start)
            // The C scanners first; then the Swift quick readers; then the full reader, which reports.
            // The statement scanner finds the end of the line itself; the others need it found first.
            var consumed = 0
            let isPlainStatement = ps_scan_statement_line(buffer.baseAddress! + start, block.upperBound - start, scanned, &consumed) != 0
            if isPlainStatement, columns.append(ScannedStatement(fields: scanned, lineStart: start, bufferCount: buffer.count), buffer, at: location) {
                start += consumed
                continue
            }
            let end = memchr(buffer.baseAddress! + start, 0x0A, block.upperBound - start)
                .map { UnsafeRawPointer($0) - UnsafeRawPointer(buffer.baseAddress!) } ?? block.upperBound
            var line = start..<end
            if end > start && buffer[end - 1] == 0x0D { line = start..<end - 1 }
            start = end + 1
            let bytes = buffer.baseAddress! + line.lowerBound
            if line.count > RecordFields.longestValue {
                // Not parsed into a tree of its size: it could not be kept anyway.
                builder.report(file: file, offset: line.lowerBound, message: "this line holds \(line.count >> 20) MiB, more than the 2 GiB a record may take")
                continue
            }
            if isPlainStatement {
                // Its date is not a valid date: the full reader reports it.
            } else if ps_scan_document(bytes, line.count, scannedDocument) != 0 {
                let document = ScannedDocument(fields: scannedDocument, lineStart: line.lowerBound, bufferCount: buffer.count)
                if builder.addDocument(document, buffer, at: location) { continue }
            } else if FastStatementReader.read(buffer, line, into: &scratch.plain), columns.append(scratch.plain, buffer, at: location) {
                continue
            }
            if let document = FastDocumentReader.read(buffer, line) {
                builder.addDocument(document, at: location)
                continue
            }
            readLine(buffer, line, file: file, into: builder, columns: &columns)
        }
    }

    /// A line the quick readers could not take: read in full, every problem reported.
    private static func readLine(_ buffer: UnsafeBufferPointer<UInt8>, _ lineRange: Range<Int>, file: SourceFile,
                                 into builder: CorpusBuilder, columns: inout StatementColumns) {
        if lineRange.allSatisfy({ buffer[$0] == 0x20 || buffer[$0] == 0x09 }) { return }
        let node: JSONNode
        do {
            node = try JSONParser.parse(buffer, range: lineRange)
        } catch {
            builder.report(file: file, offset: error.offset, message: "not valid JSON: \(error.message)")
            return
        }
        take(node, as: "each line", file: file, into: builder, columns: &columns)
    }

    /// Takes a record read in full (a line, or an element of a list of records) into `builder`
    /// as what its type says, or reports why it cannot; `what` names it in the message.
    static func take(_ node: JSONNode, as what: String, file: SourceFile, into builder: CorpusBuilder, columns: inout StatementColumns) {
        guard case .object(let members) = node.value else {
            builder.report(file: file, offset: node.offset, message: "\(what) must be a record (a JSON object), not \(node.value.typeDescription)")
            return
        }
        switch recordType(of: node, members, file: file, builder: builder) {
        case .statement:
            if let record = builder.statementRecord(node, file: file) {
                builder.take(record, node: node, file: file, into: &columns)
            }
        case .document: builder.addDocument(node, file: file)
        case .entity: builder.addEntity(node, file: file)
        case .corpus: builder.addHeader(node, file: file)
        case nil: break
        }
    }

    enum RecordType: String { case statement, document, entity, corpus }

    /// Whether a record without a type is a statement: it has a speaker, or a text and none of a
    /// document's own fields (a document has a text too).
    static func looksLikeStatement(_ members: [JSONMember]) -> Bool {
        members.contains { $0.key == "speaker" }
            || (members.contains { $0.key == "text" } && !members.contains { ["title", "source", "url", "published"].contains($0.key) })
    }

    /// The kind of record `node` is; nil, the problem reported, if its `"type"` names none. A
    /// record without a type may be a statement (`looksLikeStatement`), as the lines pandas'
    /// `to_json(orient="records", lines=True)` writes from a table of statements.
    static func recordType(of node: JSONNode, _ members: [JSONMember], file: SourceFile, builder: CorpusBuilder) -> RecordType? {
        guard let typeMember = members.first(where: { $0.key == "type" }) else {
            if looksLikeStatement(members) { return .statement }
            builder.report(file: file, offset: node.offset, message: "the record has no \"type\" (corpus, document, entity or statement)")
            return nil
        }
        guard case .string(let name) = typeMember.value.value else {
            builder.report(file: file, offset: typeMember.value.offset, message: "\"type\" must be a string, not \(typeMember.value.value.typeDescription)")
            return nil
        }
        guard let type = RecordType(rawValue: name) else {
            builder.report(file: file, offset: typeMember.value.offset, message: "unknown record type \"\(shown: name)\": use corpus, document, entity or statement")
            return nil
        }
        return type
    }
}

/// Hands values that are used by one thread each to `concurrentPerform` (each builder and source
/// file is touched by its own iteration only).
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
