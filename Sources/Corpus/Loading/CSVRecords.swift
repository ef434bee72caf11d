import CorpusScan
import Foundation

/// The records of a CSV file as RFC 4180 writes them, as spreadsheets export them: fields separated
/// by a delimiter, records by line breaks (LF or CR LF); a field in double quotes may hold the
/// delimiter, line breaks and doubled quotes (`""` for `"`). Every field keeps the byte offset where
/// it starts, so that each problem found later is reported with its line and column. Parley reads
/// CSV itself for that reason: the CSV libraries at hand give neither.
///
/// A field is a range of the file's bytes, not a copy: a million rows of ten fields made twenty
/// million strings and arrays when each field was one.
struct CSVRecords {
    struct Field {
        /// Where the field starts (its opening quote, when quoted).
        var offset: Int
        /// Its value's bytes in the buffer (inside the quotes, when quoted).
        var content: Range<Int>
        /// Whether `content` holds doubled quotes (`""`), each standing for one.
        var hasDoubledQuotes = false
    }

    /// One record, valid while the call that hands it over runs (its fields lie in the buffer).
    struct Record: RecordCells {
        let buffer: UnsafeBufferPointer<UInt8>
        var fields: [Field] = []
        var offset = 0

        var count: Int { fields.count }

        /// Calls `body` with the value of field `i` (doubled quotes made single).
        func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            let raw = UnsafeBufferPointer(rebasing: buffer[fields[i].content])
            guard fields[i].hasDoubledQuotes else { return body(raw) }
            var value: [UInt8] = []
            value.reserveCapacity(raw.count)
            var j = 0
            while j < raw.count {
                value.append(raw[j])
                j += raw[j] == 0x22 ? 2 : 1
            }
            return value.withUnsafeBufferPointer(body)
        }

        /// Field `i`'s value as text (bytes that are not UTF-8 read as replacement characters).
        func text(_ i: Int) -> String { withBytes(i) { String(decoding: $0, as: UTF8.self) } }

        func isEmpty(_ i: Int) -> Bool { fields[i].content.isEmpty }

        func isValidUTF8(_ i: Int) -> Bool { UTF8Check.isValid(UnsafeBufferPointer(rebasing: buffer[fields[i].content])) }

        /// An empty field is absent, as the format has it; one that is not UTF-8 is for the full reader.
        func withCell<R>(_ i: Int, _ body: (RecordLine.Cell) -> R) -> R {
            if isEmpty(i) { return body(.absent) }
            guard isValidUTF8(i) else { return body(.other) }
            return withBytes(i) { body(.text($0)) }
        }
    }

    /// A problem that makes the rest of the file unreadable as CSV.
    struct Failure: Error {
        var offset: Int
        var message: String
        /// A quoted field with no closing quote before the end of the buffer: in a block of a
        /// stream, the field may go on in the next block.
        var unclosed = false
        /// Where the record it is in starts.
        var record = 0
    }

    /// Hands `each` every record that starts from `start` (the start of a record, after a byte
    /// order mark) and before `end` (a record may go on past it), blank lines left out; returns
    /// where the record after the last one starts. Stops at the first place that cannot be read.
    static func read(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, until end: Int, delimiter: UInt8,
                     each: (Record) -> Void) throws(Failure) -> Int {
        var i = start
        var record = Record(buffer: buffer)
        while i < end {
            record.offset = i
            record.fields.removeAll(keepingCapacity: true)
            var ended = false
            while !ended {
                let (field, next): (Field, Int)
                do {
                    (field, next) = try readField(buffer, from: i, delimiter: delimiter)
                } catch {
                    var failure = error
                    failure.record = record.offset
                    throw failure
                }
                record.fields.append(field)
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
            if !isBlank(record) { each(record) }
        }
        return i
    }

    /// A line of nothing but spaces and tabs.
    private static func isBlank(_ record: Record) -> Bool {
        guard record.fields.count == 1, record.buffer[record.offset] != 0x22 else { return false }
        return record.buffer[record.fields[0].content].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// One field from `start`, and where it ends (at the delimiter, a line break or the end).
    private static func readField(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, delimiter: UInt8) throws(Failure) -> (Field, Int) {
        var i = start
        func isEnd(_ byte: UInt8) -> Bool { byte == delimiter || byte == 0x0A || byte == 0x0D }
        guard i < buffer.count, buffer[i] == 0x22 else {
            // A quote inside a field that does not start with one is kept as it is (as Python's csv
            // module and DuckDB read it): `5" screen`.
            i += ps_csv_field_end(buffer.baseAddress! + i, buffer.count - i, delimiter)
            return (Field(offset: start, content: start..<i), i)
        }
        var doubled = false
        i += 1
        while true {
            guard let quote = memchr(buffer.baseAddress! + i, 0x22, buffer.count - i) else {
                throw Failure(offset: start, message: "this quoted field is never closed: a quote (\") is missing", unclosed: true)
            }
            i = UnsafeRawPointer(quote) - UnsafeRawPointer(buffer.baseAddress!)
            if i + 1 < buffer.count && buffer[i + 1] == 0x22 {
                doubled = true
                i += 2
                continue
            }
            break
        }
        let field = Field(offset: start, content: start + 1..<i, hasDoubledQuotes: doubled)
        i += 1
        guard i >= buffer.count || isEnd(buffer[i]) else {
            throw Failure(offset: i, message: "a quoted field must end at its closing quote, before the next \(delimiter == 0x09 ? "tab" : "comma") or line")
        }
        return (field, i)
    }
}
