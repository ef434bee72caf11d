/// The records of a CSV file as RFC 4180 writes them, as spreadsheets export them: fields separated
/// by a delimiter, records by line breaks (LF or CR LF); a field in double quotes may hold the
/// delimiter, line breaks and doubled quotes (`""` for `"`). Every field keeps the byte offset where
/// it starts, so that each problem found later is reported with its line and column. Parley reads
/// CSV itself for that reason: the CSV libraries at hand give neither.
struct CSVRecords {
    struct Field {
        var text: String
        /// Where the field starts (its opening quote, when quoted).
        var offset: Int
        /// False when the bytes were not UTF-8 (`text` then has replacement characters).
        var isValidUTF8 = true
    }

    struct Record: RecordCells {
        var fields: [Field]
        var offset: Int

        var count: Int { fields.count }

        /// An empty field is absent, as the format has it; one that is not UTF-8 is for the full reader.
        func withCell<R>(_ i: Int, _ body: (RecordLine.Cell) -> R) -> R {
            guard fields[i].isValidUTF8 else { return body(.other) }
            var text = fields[i].text
            return text.isEmpty ? body(.absent) : text.withUTF8 { body(.text($0)) }
        }
    }

    /// A problem that makes the rest of the file unreadable as CSV.
    struct Failure: Error {
        var offset: Int
        var message: String
    }

    /// Hands `each` every record in turn, blank lines left out; a UTF-8 byte order mark at the start
    /// is skipped. Stops at the first place that cannot be read.
    static func read(_ buffer: UnsafeBufferPointer<UInt8>, delimiter: UInt8, each: (Record) -> Void) throws(Failure) {
        var i = ByteSource.byteOrderMarkLength(buffer)
        while i < buffer.count {
            let start = i
            var fields: [Field] = []
            var ended = false
            while !ended {
                let (field, next) = try readField(buffer, from: i, delimiter: delimiter)
                fields.append(field)
                i = next
                if i >= buffer.count {
                    ended = true
                } else if buffer[i] == delimiter {
                    i += 1
                } else {                                       // a line break
                    i += buffer[i] == 0x0D && i + 1 < buffer.count && buffer[i + 1] == 0x0A ? 2 : 1
                    ended = true
                }
            }
            let blank = fields.count == 1 && fields[0].text.allSatisfy { $0 == " " || $0 == "\t" } && buffer[start] != 0x22
            if !blank { each(Record(fields: fields, offset: start)) }
        }
    }

    /// One field from `start`, and where it ends (at the delimiter, a line break or the end).
    private static func readField(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, delimiter: UInt8) throws(Failure) -> (Field, Int) {
        var i = start
        func isEnd(_ byte: UInt8) -> Bool { byte == delimiter || byte == 0x0A || byte == 0x0D }
        guard i < buffer.count, buffer[i] == 0x22 else {
            // A quote inside a field that does not start with one is kept as it is (as Python's csv
            // module and DuckDB read it): `5" screen`.
            while i < buffer.count && !isEnd(buffer[i]) { i += 1 }
            return (field(buffer, start..<i, at: start), i)
        }
        var bytes: [UInt8] = []
        i += 1
        while true {
            guard i < buffer.count else {
                throw Failure(offset: start, message: "this quoted field is never closed: a quote (\") is missing")
            }
            if buffer[i] == 0x22 {
                if i + 1 < buffer.count && buffer[i + 1] == 0x22 {
                    bytes.append(0x22)
                    i += 2
                    continue
                }
                i += 1
                break
            }
            bytes.append(buffer[i])
            i += 1
        }
        guard i >= buffer.count || isEnd(buffer[i]) else {
            throw Failure(offset: i, message: "a quoted field must end at its closing quote, before the next \(delimiter == 0x09 ? "tab" : "comma") or line")
        }
        return (bytes.withUnsafeBufferPointer { field($0, 0..<$0.count, at: start) }, i)
    }

    private static func field(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, at offset: Int) -> Field {
        let bytes = UnsafeBufferPointer(rebasing: buffer[range])
        return Field(text: String(decoding: bytes, as: UTF8.self), offset: offset, isValidUTF8: UTF8Check.isValid(bytes))
    }
}
