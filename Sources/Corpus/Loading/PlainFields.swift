import CorpusScan

/// The fields of a plainly written statement as one of the quick readers found them: string values
/// as byte ranges (`StatementColumns.append` takes either reader's result through this).
protocol PlainFields {
    associatedtype Ranges: Collection<Range<Int>>
    /// The range of a string field's value (`Key`s from `id` to `status`), nil if absent.
    subscript(key: FastStatementReader.Key) -> Range<Int>? { get }
    var topicRanges: Ranges { get }
    var mentionRanges: Ranges { get }
    var stringExtraCount: Int { get }
    /// The key and value of the i-th extra field with a string value.
    func stringExtra(_ i: Int) -> (key: Range<Int>, value: Range<Int>)
    /// Extra fields with other values (only the Swift reader finds those).
    var otherExtras: [(key: Range<Int>, value: JSONNode)] { get }
    func appendFigures(to figures: inout [Figure], _ bytes: (Range<Int>) -> UnsafeBufferPointer<UInt8>)
}

extension PlainStatement: PlainFields {
    var topicRanges: [Range<Int>] { topics }
    var mentionRanges: [Range<Int>] { mentions }
    var stringExtraCount: Int { stringExtras.count }
    func stringExtra(_ i: Int) -> (key: Range<Int>, value: Range<Int>) { stringExtras[i] }
    func appendFigures(to figures: inout [Figure], _ bytes: (Range<Int>) -> UnsafeBufferPointer<UInt8>) {
        figures.append(contentsOf: self.figures)
    }
}

/// What `ps_scan_statement` (in C) found in the line starting at `lineStart`: ranges of the file's
/// buffer, read in place from the C result.
struct ScannedStatement: PlainFields {
    let fields: UnsafePointer<ps_statement>
    let lineStart: Int

    /// Item ranges of a list the scan found (topics or mentions).
    struct ListRanges: RandomAccessCollection {
        let fields: UnsafePointer<ps_statement>
        let lineStart: Int
        let isTopics: Bool
        var startIndex: Int { 0 }
        var endIndex: Int { Int(isTopics ? fields.pointee.topic_count : fields.pointee.mention_count) }
        subscript(i: Int) -> Range<Int> {
            let i32 = Int32(i)
            let start = lineStart + Int(isTopics ? ps_topic_start(fields, i32) : ps_mention_start(fields, i32))
            return start..<start + Int(isTopics ? ps_topic_length(fields, i32) : ps_mention_length(fields, i32))
        }
    }

    subscript(key: FastStatementReader.Key) -> Range<Int>? {
        let length = ps_field_length(fields, Int32(key.rawValue))
        guard length >= 0 else { return nil }
        let start = lineStart + Int(ps_field_start(fields, Int32(key.rawValue)))
        return start..<start + Int(length)
    }

    var topicRanges: ListRanges { ListRanges(fields: fields, lineStart: lineStart, isTopics: true) }
    var mentionRanges: ListRanges { ListRanges(fields: fields, lineStart: lineStart, isTopics: false) }
    var stringExtraCount: Int { Int(fields.pointee.extra_count) }

    func stringExtra(_ i: Int) -> (key: Range<Int>, value: Range<Int>) {
        let i32 = Int32(i)
        let key = lineStart + Int(ps_extra_key_start(fields, i32)), value = lineStart + Int(ps_extra_start(fields, i32))
        return (key..<key + Int(ps_extra_key_length(fields, i32)), value..<value + Int(ps_extra_length(fields, i32)))
    }

    var otherExtras: [(key: Range<Int>, value: JSONNode)] { [] }

    func appendFigures(to figures: inout [Figure], _ bytes: (Range<Int>) -> UnsafeBufferPointer<UInt8>) {
        for i in 0..<fields.pointee.figure_count {
            let figure = ps_figure_at(fields, i)!
            func text(_ field: Int32) -> String? {
                let length = ps_figure_field_length(figure, field)
                guard length >= 0 else { return nil }
                let start = lineStart + Int(ps_figure_field_start(figure, field))
                return String(decoding: bytes(start..<start + Int(length)), as: UTF8.self)
            }
            figures.append(Figure(value: figure.pointee.value, unit: text(Int32(PS_FIGURE_UNIT)), what: text(Int32(PS_FIGURE_WHAT)),
                                  stance: text(Int32(PS_FIGURE_STANCE)), by: text(Int32(PS_FIGURE_BY))))
        }
    }
}
