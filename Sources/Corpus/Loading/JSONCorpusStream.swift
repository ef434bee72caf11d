import CorpusScan
import Foundation

/// Reads the JSON form without a tree of the whole file: the top-level object is walked member by
/// member, and each element of "documents" and "statements" goes through the scanners of the
/// JSON Lines reader (then the full reader, which reports problems), with read pages handed back
/// as the walk goes. A tree of a million statements took 10 s and 2.3 GB; this reads them as the
/// JSON Lines reader reads its lines. A large list of statements, of records or of documents is
/// read in parts on all cores (`listInParts`), each into a builder of its own, merged in order.
///
/// Anything unexpected in the structure (not an object, a list that is not one or is given twice,
/// a version other than 1, invalid JSON between or inside elements) gives nil, and the file is read again whole by
/// `JSONCorpusReader`, which reports it as before. So the records go into a builder of their own,
/// taken in by the caller's only on success.
enum JSONCorpusStream {
    /// The walk's builder, or nil when the file is to be read whole. A list of `minimumPart` bytes
    /// or more per part is read in up to `parts` parts.
    static func read(_ file: SourceFile, stop: LoadStop = .never, parts: Int = ProcessInfo.processInfo.activeProcessorCount,
                     minimumPart: Int = JSONLinesReader.parallelThreshold / 2) -> CorpusBuilder? {
        readCountingParts(file, stop: stop, parts: parts, minimumPart: minimumPart).builder
    }

    /// `read`, and in how many parts its list of statements or records was read (1: in one piece).
    static func readCountingParts(_ file: SourceFile, stop: LoadStop = .never, parts: Int, minimumPart: Int) -> (builder: CorpusBuilder?, parts: Int) {
        let builder = CorpusBuilder(stop: stop)
        var partsRead = 1
        let read = file.bytes.withUnsafeBufferPointer { buffer -> Bool in
            var walk = Walk(buffer: buffer, file: file, builder: builder, parts: parts, minimumPart: minimumPart)
            walk.position = file.bytes.contentStart
            defer { partsRead = walk.partsRead }
            return walk.corpus()
        }
        return (read ? builder : nil, partsRead)
    }

    private struct Walk {
        let buffer: UnsafeBufferPointer<UInt8>
        let file: SourceFile
        let builder: CorpusBuilder
        let fileIndex: Int
        /// Where the scanners write what they find (freed with the last copy of the walk).
        let scanned: Scratch
        var scannedStatement: UnsafeMutablePointer<ps_statement> { scanned.statement }
        var scannedDocument: UnsafeMutablePointer<ps_document> { scanned.document }
        let parts: Int
        let minimumPart: Int
        var position = 0
        /// Where read pages were last handed back.
        var released = 0
        /// The statements, taken from the builder while its list is read.
        var columns = StatementColumns()
        /// In how many parts the list read in most was read.
        var partsRead = 1

        init(buffer: UnsafeBufferPointer<UInt8>, file: SourceFile, builder: CorpusBuilder, parts: Int, minimumPart: Int) {
            (self.buffer, self.file, self.builder, self.parts, self.minimumPart) = (buffer, file, builder, parts, minimumPart)
            fileIndex = builder.register(file)
            scanned = Scratch()
        }

        final class Scratch {
            let statement = UnsafeMutablePointer<ps_statement>.allocate(capacity: 1)
            let document = UnsafeMutablePointer<ps_document>.allocate(capacity: 1)
            deinit {
                statement.deallocate()
                document.deallocate()
            }
        }

        /// JSON's whitespace: space, tab, line feed, carriage return.
        static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

        mutating func skipWhitespace() {
            while position < buffer.count && Self.isWhitespace(buffer[position]) { position += 1 }
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
                        // Documents may carry their articles' texts: a long list is read in parts too.
                        guard listInParts(.documents) ?? list(.documents) else { return false }
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
            if let read = listInParts(kind) { return read }
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
            return elements(kind, until: nil) ?? false
        }

        /// The elements of a list from here (the start of one) to its end and past its `]`: true;
        /// false if an element is not valid JSON. With `end` (a part of the list), it stops where
        /// the element that starts at `end` would: true if one does, nil if none starts there.
        mutating func elements(_ kind: List, until end: Int?) -> Bool? {
            repeat {
                skipWhitespace()
                if let end, position >= end { return position == end ? true : nil }
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
            // A part that meets the list's end never met the element it was to stop at.
            return end == nil ? take(UInt8(ascii: "]")) : nil
        }

        /// Reads a large list (from its `[`) in parts, one per core, each by a walk of its own into a
        /// builder of its own, merged in order. A list is cut before an element that the scanners
        /// take, after `}`, `,`; a cut is trusted only if the part before it ends exactly there
        /// (a statement quoted in a list inside an extra field looks the same, and a cut may fall
        /// past the list's end, in a member after it). Nil, nothing read, when the list is small or
        /// a cut fails: it is then read in one piece.
        mutating func listInParts(_ kind: List) -> Bool? {
            let listStart = position
            guard parts > 1, take(UInt8(ascii: "[")) else {
                position = listStart
                return nil
            }
            skipWhitespace()
            let cuts = elementCuts(from: position)
            guard cuts.count > 1 else {
                position = listStart
                return nil
            }
            let base = UncheckedBox(self)
            let read = Parallel.each(cuts.count) { i in
                let this = base.value
                let file = i == 0 ? this.file : this.file.forAnotherPart()
                var walk = Walk(buffer: this.buffer, file: file, builder: CorpusBuilder(stop: this.builder.stop), parts: 1, minimumPart: this.minimumPart)
                walk.position = cuts[i]
                walk.released = cuts[i]
                walk.columns = walk.builder.takeColumns()
                // Room as the JSON Lines reader reserves it: the first part's for the whole list,
                // which it takes in without moving once merged; untouched room costs nothing.
                let share = (i == 0 ? this.buffer.count : i + 1 < cuts.count ? cuts[i + 1] : this.buffer.count) - cuts[i]
                if kind != .documents { walk.columns.reserveCapacity(rows: share / 100, textBytes: share / 2) }
                let read = walk.elements(kind, until: i + 1 < cuts.count ? cuts[i + 1] : nil)
                walk.columns.finishReading()           // here, on this part's thread
                walk.builder.columns = walk.columns
                walk.columns = StatementColumns()      // one reference, so that the merge changes them in place
                return UncheckedBox((walk, read))
            }.map(\.value)
            // In order: a part that ran past its end means the next cut was no element's start; a
            // part that failed from a trusted start met invalid JSON.
            for (_, result) in read {
                guard let result else {
                    position = listStart
                    return nil
                }
                if !result { return false }
            }
            for (walk, _) in read { builder.absorb(walk.builder) }
            partsRead = max(partsRead, read.count)
            position = read.last!.0.position
            released = read.last!.0.released
            return true
        }

        /// Where the parts of the list that starts here begin: here, then about every
        /// `1 / parts` of what is left, at an element's start found by its look; only here when
        /// the list is too small to cut.
        func elementCuts(from start: Int) -> [Int] {
            let size = buffer.count - start, count = min(parts, size / max(minimumPart, 1))
            guard count > 1, let base = buffer.baseAddress else { return [start] }
            var cuts = [start]
            for k in 1..<count {
                var at = max(start + size * k / count, cuts.last! + 1)
                let limit = min(buffer.count, at + (4 << 20))      // a part's worth of looking at most
                while at < limit, let brace = memchr(base + at, Int32(UInt8(ascii: "{")), limit - at) {
                    let candidate = UnsafeRawPointer(brace) - UnsafeRawPointer(base)
                    if startsElement(candidate) {
                        cuts.append(candidate)
                        break
                    }
                    at = candidate + 1
                }
            }
            return cuts
        }

        /// Whether an element of the list seems to start at `at`: a `{` after `}` and `,`, where
        /// the scanners read a statement or a document, followed by `,` or `]`.
        func startsElement(_ at: Int) -> Bool {
            func before(_ i: Int) -> Int? {
                var i = i - 1
                while i >= 0, Self.isWhitespace(buffer[i]) { i -= 1 }
                return i >= 0 ? i : nil
            }
            guard let comma = before(at), buffer[comma] == UInt8(ascii: ","), let close = before(comma), buffer[close] == UInt8(ascii: "}") else { return false }
            var consumed = 0
            let from = buffer.baseAddress! + at, available = buffer.count - at
            guard ps_scan_statement_element(from, available, scannedStatement, &consumed) != 0
                    || ps_scan_document_element(from, available, scannedDocument, &consumed, 0) != 0 else { return false }
            var after = at + consumed
            while after < buffer.count, Self.isWhitespace(buffer[after]) { after += 1 }
            return after < buffer.count && (buffer[after] == UInt8(ascii: ",") || buffer[after] == UInt8(ascii: "]"))
        }

        /// A document of a list of documents; or, `typed`, an element of a list of records that the
        /// scanner takes as a document (it says its type), false (nothing read) if it does not.
        mutating func documentElement(typed: Bool = false) -> Bool {
            let start = position
            var consumed = 0
            if ps_scan_document_element(buffer.baseAddress! + start, buffer.count - start, scannedDocument, &consumed, typed ? 1 : 0) != 0 {
                let document = ScannedDocument(fields: scannedDocument, lineStart: start, bufferCount: buffer.count)
                if builder.addDocument(document, buffer, at: RecordLocation(file: fileIndex, offset: start)) {
                    position = start + consumed
                    return true
                }
            }
            guard !typed else { return false }
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
            // In a list of records, a document goes through its scanner too, as in JSON Lines.
            if anyRecord && documentElement(typed: true) { return true }
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
