@testable import Corpus
import Foundation
import Testing
import TestSupport

/// Records found bad only once every record is read (a repeated id, a relation or document that
/// does not exist) are left out of the columns with `--skip-bad`: the corpus is the one the file
/// gives without them, field by field, with the same values in the same order.
@Suite struct SkippingBadRecordsTests {
    /// Good records of every kind of field: entities (so that speakers are resolved), mentions,
    /// figures, spans, confidences, relations, statuses, an extra field most statements have and
    /// one few have (a list), dates of every precision, date-times (kept by day and time) among them.
    static func goodLines(seed: UInt64) -> [String] {
        var numbers = SeededNumbers(seed: seed)
        var lines = SyntheticCorpus(count: 400, seed: seed).jsonLines.split(separator: "\n").map(String.init)
        lines.insert(#"{"type":"entity","name":"Amina Rahimi","aliases":["A. Rahimi"]}"#, at: 0)
        for i in 0..<120 {
            let day = "2025-11-0\(1 + numbers.next(9))"
            let date = ["2025", "2025-11", day, "\(day)T1\(numbers.next(10)):3\(numbers.next(10))+05:00"][numbers.next(4)]
            var fields = [#""type":"statement""#, #""id":"x\#(i)""#, #""doc":"d\#(numbers.next(100))""#,
                          #""speaker":"\#(["A. Rahimi", "Bilal Khan", "Chen Wei"][numbers.next(3)])""#,
                          #""text":"line \#(i) of the talks""#, #""date":"\#(date)""#,
                          #""outlet_rank":"\#(["a", "b", "c"][numbers.next(3)])""#]
            if numbers.next(3) == 0 { fields.append(#""mentions":["Bilal Khan","Chen Wei"]"#) }
            if numbers.next(4) == 0 { fields.append(#""figures":[{"value":\#(numbers.next(90)),"unit":"soldiers","stance":"claimed"}]"#) }
            if numbers.next(4) == 0 { fields.append(#""confidence":0.\#(numbers.next(9))"#) }
            if numbers.next(5) == 0 { fields.append(#""status":"disputed""#) }
            if numbers.next(6) == 0 { fields.append(#""tags":["x",\#(numbers.next(9))]"#) }
            if i > 0, numbers.next(5) == 0 { fields.append(#""relations":[{"type":"contradicts","statement":"x\#(numbers.next(i))"}]"#) }
            lines.append("{" + fields.joined(separator: ",") + "}")
        }
        return lines
    }

    /// Records that only the checks across records find bad.
    static let badLines = [
        #"{"type":"statement","id":"s7","doc":"d1","speaker":"Chen Wei","text":"a repeated id","outlet_rank":"z"}"#,
        #"{"type":"statement","id":"y1","doc":"d999","speaker":"New Speaker","text":"no such document","topics":["only-here"]}"#,
        #"{"type":"statement","id":"y2","doc":"d2","speaker":"Bilal Khan","text":"a relation to nothing","relations":[{"type":"repeats","statement":"nowhere"}],"tags":[1]}"#,
        #"{"type":"statement","id":"x3","doc":"d3","speaker":"Bilal Khan","text":"another repeated id","date":"1999-01-01","mentions":["Only Mentioned"]}"#,
    ]

    /// Rows kept in place (a column that owns its memory) are those a copy keeps.
    @Test func rowsKeptInPlaceAreThoseCopied() {
        func make() -> (TextColumn, ColumnArray<Int32>) {
            var numbers = SeededNumbers(seed: 8)
            var texts = TextColumn(), values = ColumnArray<Int32>()
            for i in 0..<5000 {
                texts.append(String(repeating: "é", count: numbers.next(12)) + "\(i)")
                values.append(Int32(numbers.next(1000)))
            }
            return (texts, values)
        }
        var numbers = SeededNumbers(seed: 9)
        let rows = (0..<5000).filter { _ in numbers.next(3) > 0 } + [4999]
        var (texts, values) = make()
        #expect(texts.bytes.ownsItsValues() && texts.starts.ownsItsValues() && values.ownsItsValues())
        texts.keep(rows)
        values.keep(rows)
        var (sharedTexts, sharedValues) = make()
        let (original, originalValues) = (sharedTexts, sharedValues)
        sharedTexts.keep(rows)
        sharedValues.keep(rows)
        #expect(texts.count == rows.count && sharedTexts.count == rows.count)
        for (i, row) in rows.enumerated() {
            #expect(texts[i] == original[row] && sharedTexts[i] == original[row], "row \(row)")
            #expect(values[i] == originalValues[row] && sharedValues[i] == originalValues[row], "row \(row)")
        }
        #expect(texts.bytes.count == rows.reduce(0) { $0 + original[$1].utf8.count })
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func theCorpusIsTheOneWithoutTheBadRecords(seed: UInt64) throws {
        let good = Self.goodLines(seed: seed)
        var mixed = good
        var numbers = SeededNumbers(seed: seed + 50)
        // A repeated id is the later record's problem: those go after the good ones, the others anywhere.
        for line in Self.badLines {
            if line.contains("repeated id") { mixed.append(line) } else { mixed.insert(line, at: numbers.next(mixed.count)) }
        }
        let skipping = try CorpusLoader.load(text: mixed.joined(separator: "\n"), path: "mixed.jsonl", skipBad: true)
        #expect(skipping.skipped == Self.badLines.count)
        let skipped = skipping.corpus
        let expected = try CorpusLoader.load(text: good.joined(separator: "\n"), path: "good.jsonl").corpus
        SnapshotTests().expectSame(skipped, expected)
        // The same values, numbered in the same order: none only the bad records had.
        for path in Statements.internedColumns {
            #expect(skipped.statements[keyPath: path].values == expected.statements[keyPath: path].values, "\(path)")
        }
        #expect(skipped.statements.dates.days.values == expected.statements.dates.days.values)
        #expect(skipped.statements.dates.values == expected.statements.dates.values)
        #expect(skipped.statements.topics.values == expected.statements.topics.values)
        #expect(skipped.statements.mentions.values == expected.statements.mentions.values)
        #expect(!skipped.statements.speakers.values.contains("New Speaker"))
        #expect(skipped.statements.relations.count == expected.statements.relations.count)
        for name in ["outlet_rank", "tags"] {
            #expect(skipped.statements.extras[name]?.presentCount == expected.statements.extras[name]?.presentCount, "\(name)")
        }
    }
}
