import CorpusScan

/// The fields of a plainly written statement as one of the quick readers found them: string values
/// as byte ranges (`StatementColumns.append` takes either reader's result through this).
protocol PlainFields {
    /// The range of a string field's value (`Key`s from `id` to `status`), nil if absent.
    subscript(key: FastStatementReader.Key) -> Range<Int>? { get }
    var stringExtraCount: Int { get }
    /// The key and value of the i-th extra field with a string value.
    func stringExtra(_ i: Int) -> (key: Range<Int>, value: Range<Int>)
    func appendFigures(to figures: inout [Figure], _ bytes: (Range<Int>) -> UnsafeBufferPointer<UInt8>)
    /// The span and the confidence (only the C scanner takes those; the Swift reader leaves such
    /// lines to the full one).
    var span: (start: Int, end: Int)? { get }
    var confidence: Double? { get }
}

extension PlainStatement: PlainFields {
    var span: (start: Int, end: Int)? { nil }
    var confidence: Double? { nil }
    var stringExtraCount: Int { stringExtras.count }
    func stringExtra(_ i: Int) -> (key: Range<Int>, value: Range<Int>) { stringExtras[i] }
    func appendFigures(to figures: inout [Figure], _ bytes: (Range<Int>) -> UnsafeBufferPointer<UInt8>) {
        figures.append(contentsOf: self.figures)
    }
}

/// The bytes of a range a quick reader found: in the file's buffer `b`, or, at or past `b.count`,
/// in `decoded`, where strings with escapes were written out.
@inline(__always)
func foundBytes(_ range: Range<Int>, in b: UnsafeBufferPointer<UInt8>, decoded: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    range.lowerBound < b.count ? UnsafeBufferPointer(rebasing: b[range])
        : UnsafeBufferPointer(rebasing: decoded[(range.lowerBound - b.count)..<(range.upperBound - b.count)])
}

/// A record found by one of CorpusScan's C scanners in the line starting at `lineStart`, read in place
/// from the C result: ranges of the file's buffer, or, for strings that had escapes, at or past
/// `bufferCount` (the buffer's size): those lie in `decoded`, as with `PlainStatement`.
protocol ScannedRecord {
    var lineStart: Int { get }
    var bufferCount: Int { get }
}

extension ScannedRecord {
    /// A range as the scan gives it (from the line's start, or -1 - its offset in `decoded`).
    @inline(__always) func range(_ start: Int32, _ length: Int32) -> Range<Int> {
        let from = start >= 0 ? lineStart + Int(start) : bufferCount + Int(-1 - start)
        return from..<from + Int(length)
    }
}

/// What `ps_scan_statement` found.
struct ScannedStatement: PlainFields, ScannedRecord {
    let fields: UnsafePointer<ps_statement>
    let lineStart: Int
    let bufferCount: Int

    /// The strings written out by the scan.
    var decoded: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: ps_decoded(fields), count: Int(ps_decoded_length(fields))) }

    @inline(__always) subscript(key: FastStatementReader.Key) -> Range<Int>? {
        let length = ps_field_length(fields, Int32(key.rawValue))
        guard length >= 0 else { return nil }
        return range(ps_field_start(fields, Int32(key.rawValue)), length)
    }

    /// Whether it has fields `SparseFields` keeps (figures, a span, a confidence).
    var hasSparseFields: Bool { ps_has_sparse_fields(fields) != 0 }

    var span: (start: Int, end: Int)? {
        ps_span_start(fields) >= 0 ? (Int(ps_span_start(fields)), Int(ps_span_end(fields))) : nil
    }

    var confidence: Double? { ps_confidence(fields).isNaN ? nil : ps_confidence(fields) }
    var stringExtraCount: Int { Int(ps_extra_count(fields)) }

    func stringExtra(_ i: Int) -> (key: Range<Int>, value: Range<Int>) {
        let i32 = Int32(i)
        return (range(ps_extra_key_start(fields, i32), ps_extra_key_length(fields, i32)),
                range(ps_extra_start(fields, i32), ps_extra_length(fields, i32)))
    }

    /// The extra fields whose values are not strings (numbers, booleans, null, lists, objects), whose
    /// extent the scanner found: a plain list (of strings, whole numbers, lists: Quotebank's urls and
    /// probas) as the JSON text Parley keeps, copied without its spaces; anything else parsed as the
    /// full reader parses it. Nil if one is not valid JSON (the Swift readers then read the line,
    /// and report it). `bytes` reads a range of the line.
    func otherExtras(_ bytes: (Range<Int>) -> UnsafeBufferPointer<UInt8>) -> [(key: Range<Int>, value: OtherValue)]? {
        var others: [(key: Range<Int>, value: OtherValue)] = []
        for i in 0..<ps_other_count(fields) {
            let key = range(ps_other_key_start(fields, i), ps_other_key_length(fields, i))
            let text = bytes(range(ps_other_start(fields, i), ps_other_length(fields, i)))
            if text.first == UInt8(ascii: "[") {
                let copied = [UInt8](unsafeUninitializedCapacity: text.count) { out, n in
                    n = ps_canonical_list(text.baseAddress!, text.count, out.baseAddress!)
                }
                if !copied.isEmpty {
                    others.append((key, .listText(copied)))
                    continue
                }
            }
            guard let node = try? JSONParser.parse(text, range: 0..<text.count) else { return nil }
            others.append((key, .parsed(node.value)))
        }
        return others
    }

    func appendFigures(to figures: inout [Figure], _ bytes: (Range<Int>) -> UnsafeBufferPointer<UInt8>) {
        for i in 0..<ps_figure_count(fields) {
            let figure = ps_figure_at(fields, i)!
            func text(_ field: Int32) -> String? {
                let length = ps_figure_field_length(figure, field)
                guard length >= 0 else { return nil }
                return String(decoding: bytes(range(ps_figure_field_start(figure, field), length)), as: UTF8.self)
            }
            figures.append(Figure(value: figure.pointee.value, unit: text(Int32(PS_FIGURE_UNIT)), what: text(Int32(PS_FIGURE_WHAT)),
                                  stance: text(Int32(PS_FIGURE_STANCE)), by: text(Int32(PS_FIGURE_BY))))
        }
    }
}

/// What `ps_scan_document` found.
struct ScannedDocument: ScannedRecord {
    let fields: UnsafePointer<ps_document>
    let lineStart: Int
    let bufferCount: Int

    var decoded: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: pd_decoded(fields), count: Int(pd_decoded_length(fields))) }

    /// The range of a field (`PD_ID`…), nil if absent.
    subscript(field: Int32) -> Range<Int>? {
        let length = pd_field_length(fields, field)
        return length < 0 ? nil : range(pd_field_start(fields, field), length)
    }

    var authorRanges: [Range<Int>] {
        (0..<pd_author_count(fields)).map { range(pd_author_start(fields, $0), pd_author_length(fields, $0)) }
    }

    var hasExtras: Bool { pd_extra_count(fields) > 0 }

    /// The fields the format does not define, in the order written, as the full reader makes them
    /// (values other than strings parsed by the JSON parser); nil if one is not valid JSON (the line
    /// then goes to the Swift readers, which report it). They are placed at the record's start:
    /// where a value lies is only used to report problems, and these have none.
    func extras(in b: UnsafeBufferPointer<UInt8>) -> [JSONMember]? {
        var members: [JSONMember] = []
        for i in 0..<pd_extra_count(fields) {
            let key = String(decoding: bytes(range(pd_extra_key_start(fields, i), pd_extra_key_length(fields, i)), in: b), as: UTF8.self)
            let text = bytes(range(pd_extra_start(fields, i), pd_extra_length(fields, i)), in: b)
            let value: JSONValue
            if pd_extra_is_string(fields, i) != 0 {
                value = .string(String(decoding: text, as: UTF8.self))
            } else {
                guard let node = try? JSONParser.parse(text, range: 0..<text.count) else { return nil }
                value = node.value
            }
            members.append(JSONMember(key: key, keyOffset: lineStart, value: JSONNode(value, offset: lineStart)))
        }
        return members
    }

    /// The bytes of a range, from the line's buffer `b` or from `decoded`.
    func bytes(_ range: Range<Int>, in b: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        foundBytes(range, in: b, decoded: decoded)
    }
}
