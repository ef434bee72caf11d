import CorpusScan

/// Reads the JSON form without a tree of the whole file: the top-level object is walked member by
/// member, and each element of "documents" and "statements" goes through the scanners of the
/// JSON Lines reader (then the full reader, which reports problems), with read pages handed back
/// as the walk goes. A tree of a million statements took 10 s and 2.3 GB; this reads them as the
/// JSON Lines reader reads its lines, on one core.
///
/// Anything unexpected in the structure (not an object, a list that is not one or is given twice,
/// a version other than 1, invalid JSON between or inside elements) gives nil, and the file is read again whole by
/// `JSONCorpusReader`, which reports it as before. So the records go into a builder of their own,
/// taken in by the caller's only on success.
enum JSONCorpusStream {
    static func read(_ file: SourceFile, stop: LoadStop = .never) -> CorpusBuilder? {
        let builder = CorpusBuilder(stop: stop)
        let fileIndex = builder.register(file)
        let statement = UnsafeMutablePointer<ps_statement>.allocate(capacity: 1)
        let document = UnsafeMutablePointer<ps_document>.allocate(capacity: 1)
        defer {
            statement.deallocate()
            document.deallocate()
        }
        let read = file.bytes.withUnsafeBufferPointer { buffer -> Bool in
            var walk = Walk(buffer: buffer, file: file, builder: builder, fileIndex: fileIndex, scannedStatement: statement, scannedDocument: document)
            walk.position = file.bytes.contentStart
            return walk.corpus()
        }
        return read ? builder : nil
    }

    private struct Walk {
        let buffer: UnsafeBufferPointer<UInt8>
        let file: SourceFile
        let builder: CorpusBuilder
        let fileIndex: Int
        /// Where the scanners write what they find.
        let scannedStatement: UnsafeMutablePointer<ps_statement>
        let scannedDocument: UnsafeMutablePointer<ps_document>
        var position = 0
        /// Where read pages were last handed back.
        var released = 0
        /// The statements, taken from the builder while its list is read.
        var columns = StatementColumns()

        mutating func skipWhitespace() {
            while position < buffer.count {
                switch buffer[position] {
                case 0x20, 0x09, 0x0A, 0x0D: position += 1
                default: return
                }
            }
        }

        /// Skips whitespace and `byte` if it is next.
        mutating func take(_ byte: UInt8) -> Bool {
            skipWhitespace()
            guard position < buffer.count, buffer[position] == byte else { return false }
            position += 1
            return true
        }

        /// The value that starts here (after whitespace), parsed in full; nil if it is not valid JSON.
        mutating func value() -> JSONNode? {
            skipWhitespace()
            guard let (node, end) = try? JSONParser.parseValue(buffer, at: position, end: buffer.count) else { return nil }
            position = end
            return node
        }

        mutating func corpus() -> Bool {
            skipWhitespace()
            if position < buffer.count && buffer[position] == UInt8(ascii: "[") { return recordList() }
            guard take(UInt8(ascii: "{")) else { return false }
            let rootOffset = position - 1
            var header: [JSONMember] = []
            var lists: Set<String> = []
            if !take(UInt8(ascii: "}")) {
                repeat {
                    skipWhitespace()
                    guard let keyNode = value(), case .string(let key) = keyNode.value, take(UInt8(ascii: ":")) else { return false }
                    // A list given twice: the whole reader reports it.
                    if ["documents", "statements", "entities"].contains(key), !lists.insert(key).inserted { return false }
                    switch key {
                    case "documents":
                        guard list(.documents) else { return false }
                    case "statements":
                        guard listIntoColumns(.statements) else { return false }
                    case "entities":
                        guard list(.entities) else { return false }
                    default:
                        guard let node = value() else { return false }
                        if key == "parley", node.value != .integer(1) { return false }   // the whole reader says which version
                        header.append(JSONMember(key: key, keyOffset: keyNode.offset, value: node))
                    }
                } while take(UInt8(ascii: ","))
                guard take(UInt8(ascii: "}")) else { return false }
            }
            skipWhitespace()
            guard position == buffer.count else { return false }
            builder.addHeader(JSONNode(.object(header), offset: rootOffset), file: file)
            file.bytes.release(released..<buffer.count)
            return true
        }

        /// A list of records (pandas' `orient="records"`): statements through the scanner, the
        /// others (and those it leaves) as `JSONLinesReader.take` takes a line.
        mutating func recordList() -> Bool {
            guard listIntoColumns(.records) else { return false }
            skipWhitespace()
            guard position == buffer.count else { return false }
            file.bytes.release(released..<buffer.count)
            return true
        }

        /// A list whose statements go into the builder's columns, taken out for the loop.
        mutating func listIntoColumns(_ kind: List) -> Bool {
            columns = builder.takeColumns()
            // Room as the JSON Lines reader reserves it: untouched room costs nothing.
            columns.reserveCapacity(rows: (buffer.count - position) / 100, textBytes: columns.statements.texts.bytes.count + (buffer.count - position) / 2)
            let read = list(kind)
            columns.finishReading()
            builder.columns = columns
            columns = StatementColumns()
            return read
        }

        enum List { case documents, entities, statements, records }

        /// A list of records of one kind, each taken into the builder; false if the value is not a
        /// list or an element is not valid JSON.
        mutating func list(_ kind: List) -> Bool {
            guard take(UInt8(ascii: "[")) else { return false }
            if take(UInt8(ascii: "]")) { return true }
            repeat {
                skipWhitespace()
                let read: Bool
                switch kind {
                case .documents: read = documentElement()
                case .statements: read = statementElement()
                case .records: read = statementElement(anyRecord: true)
                case .entities:
                    guard let node = value() else { return false }
                    builder.addEntity(node, file: file)
                    read = true
                }
                guard read else { return false }
                if position - released >= JSONLinesReader.releaseStep {
                    file.bytes.release(released..<position)
                    released = position
                    if builder.stop.isRequested() { return false }
                }
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "]"))
        }

        mutating func documentElement() -> Bool {
            let start = position
            var consumed = 0
            if ps_scan_document_element(buffer.baseAddress! + start, buffer.count - start, scannedDocument, &consumed) != 0 {
                let document = ScannedDocument(fields: scannedDocument, lineStart: start, bufferCount: buffer.count)
                if builder.addDocument(document, buffer, at: RecordLocation(file: fileIndex, offset: start)) {
                    position = start + consumed
                    return true
                }
            }
            guard let node = value() else { return false }
            builder.addDocument(node, file: file)
            return true
        }

        /// A statement of the list; with `anyRecord`, an element of a list of records, which the
        /// scanner leaves when it is not a statement.
        mutating func statementElement(anyRecord: Bool = false) -> Bool {
            let start = position
            var consumed = 0
            if ps_scan_statement_element(buffer.baseAddress! + start, buffer.count - start, scannedStatement, &consumed) != 0,
               columns.append(ScannedStatement(fields: scannedStatement, lineStart: start, bufferCount: buffer.count), buffer,
                              at: RecordLocation(file: fileIndex, offset: start)) {
                position = start + consumed
                return true
            }
            guard let node = value() else { return false }
            if anyRecord {
                JSONLinesReader.take(node, as: "each item of the list", file: file, into: builder, columns: &columns)
            } else if let record = builder.statementRecord(node, file: file) {
                builder.take(record, node: node, file: file, into: &columns)
            }
            return true
        }
    }
}
