@testable import Corpus
import Foundation
import Testing
import TestSupport

/// The columns every statement fills are built in C while a file is read, and the fields few
/// statements have are kept by row; both are brought into the corpus's columns after each file.
@Suite struct RowColumnsTests {
    /// Statements of every sort, in an order that puts the sparse fields (figures, spans,
    /// confidences, relations, extra fields) on the first and last rows and on rows between.
    static let statements = [
        #"{"type":"statement","id":"r1","speaker":"A","text":"First, with a figure.","figures":[{"value":58,"unit":"soldiers"}],"date":"2025-11-07"}"#,
        #"{"type":"statement","speaker":"A","text":"Plain.","date":"2025-11-07","topics":["talks"]}"#,
        #"{"type":"statement","speaker":"B","text":"A span.","span":[0,1],"confidence":0.25,"kind":"indirect"}"#,
        #"{"type":"statement","speaker":"B","text":"An extra number.","tone":{"score":2},"date":"2025-11-08"}"#,
        #"{"type":"statement","speaker":"C","text":"Related.","relations":[{"type":"same_as","statement":"r1"}],"mentions":["A"]}"#,
        #"{"type":"statement","speaker":"A","text":"Last, with \"escapes\" and a figure.","figures":[{"value":23}],"verb":"said","span":[1,2]}"#,
    ]

    @Test func filesOfAFolderGiveWhatOneFileGives() throws {
        let folder = Fixtures.temporaryDirectory()
        let half = Self.statements.count / 2
        try Data((Self.statements[..<half].joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("a.jsonl"))
        try Data((Self.statements[half...].joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("b.jsonl"))
        let parts = try CorpusLoader.load(path: folder.path).corpus
        let whole = try CorpusLoader.load(text: Self.statements.joined(separator: "\n") + "\n", path: "c.jsonl").corpus
        #expect(QuickReaderTests.describe(parts) == QuickReaderTests.describe(whole))
        let s = whole.statements
        #expect(s.count == Self.statements.count)
        #expect((0..<s.count).map { s.figures(row: $0).map(\.value) } == [[58], [], [], [], [], [23]])
        #expect((0..<s.count).map { s.span(row: $0)?.start } == [nil, nil, 0, nil, nil, 1])
        #expect(s.confidence(row: 2) == 0.25 && s.confidence(row: 1) == nil)
        #expect(s.relations[4]?.first?.statement == "r1" && s.relations.count == 1)
        #expect((0..<s.count).map { s.kinds[$0] } == ["direct", "direct", "indirect", "direct", "direct", "direct"])
        #expect((0..<s.count).map { s.dates[$0] } == ["2025-11-07", "2025-11-07", nil, "2025-11-08", nil, nil])
        #expect(s.extras["verb"]?[5] == .string("said") && s.extras["verb"]?[0] == nil)
        #expect(s.texts[5] == "Last, with \"escapes\" and a figure.")
        #expect(s.ids[1] == "s1" && s.ids[5] == "s5", "generated ids count the rows without one")
    }

    /// A value longer than the columns' 32-bit lengths is refused, not appended cut short or with a
    /// crash (the full reader then reports it); the buffers here only claim their length, which is
    /// all that is looked at.
    @Test func aValueTooLongForTheColumnsIsRefused() {
        let text = Array("short".utf8)
        text.withUnsafeBufferPointer { short in
            let huge = UnsafeBufferPointer(start: short.baseAddress, count: RecordFields.longestValue + 1)
            let rows = RowColumns()
            let location = RecordLocation(file: 0, offset: 0)
            func field(_ text: UnsafeBufferPointer<UInt8>) -> (FastStatementReader.Key) -> UnsafeBufferPointer<UInt8>? {
                { key in key == .speaker || key == .text ? text : nil }
            }
            #expect(!rows.append(field: field(huge), topics: [], mentions: [], at: location))
            #expect(!rows.append(field: field(short), topics: [huge], mentions: [], at: location))
            #expect(!rows.append(field: field(short), topics: [], mentions: [short, huge], at: location))
            #expect(rows.append(field: field(short), topics: [short], mentions: [short], at: location))
            #expect(rows.count == 1)
        }
    }

    @Test func aDateFirstSeenInvalidIsReportedAndAValidOneIsKept() {
        let lines = [
            #"{"type":"statement","speaker":"A","text":"Good.","date":"2025-11-07"}"#,
            #"{"type":"statement","speaker":"A","text":"Bad.","date":"2025-13-45"}"#,
            #"{"type":"statement","speaker":"A","text":"Good again.","date":"2025-11-07"}"#,
        ]
        do {
            _ = try CorpusLoader.load(text: lines.joined(separator: "\n"), path: "c.jsonl")
            Issue.record("the bad date must be refused")
        } catch {
            #expect(error.problems.map(\.line) == [2])
        }
        let kept = try? CorpusLoader.load(text: lines.joined(separator: "\n"), path: "c.jsonl", skipBad: true).corpus
        #expect(kept?.count == 2)
        #expect(kept.map { c in (0..<c.count).map { c.statements.date(row: $0)?.description } } == ["2025-11-07", "2025-11-07"])
    }
}
