@testable import Corpus
import Foundation
import Testing
import TestSupport

/// Queries on the parts of figures (`figures.by`, `figures.stance`…), checked against a model of
/// the records drawn at random: a part alone is a list field; parts named together are read from
/// one figure at a time.
@Suite struct FigureKeysTests {
    struct Drawn { var value: Int; var unit: String?; var stance: String?; var by: String? }

    /// 600 statements of zero to three figures, each part left out now and then.
    static let drawn: (records: [(speaker: String, figures: [Drawn])], jsonLines: String) = {
        var numbers = SeededNumbers(seed: 58)
        func maybe(_ choices: [String]) -> String? { numbers.next(5) == 0 ? nil : choices[numbers.next(choices.count)] }
        var records: [(String, [Drawn])] = [], lines: [String] = []
        for i in 0..<600 {
            let speaker = ["A", "B", "C"][numbers.next(3)]
            let figures = (0..<numbers.next(4)).map { _ in
                Drawn(value: numbers.next(60), unit: maybe(["soldiers", "deaths"]),
                      stance: maybe(["claimed", "acknowledged", "disputed", "denied"]), by: maybe(["Taliban", "Pakistan", "UN"]))
            }
            records.append((speaker, figures))
            let json = figures.map { f in
                "{" + ([#""value":\#(f.value)"#] + [("unit", f.unit), ("stance", f.stance), ("by", f.by)].compactMap { name, value in
                    value.map { #""\#(name)":"\#($0)""# }
                }).joined(separator: ",") + "}"
            }
            lines.append(#"{"type":"statement","id":"s\#(i)","speaker":"\#(speaker)","text":"t","figures":[\#(json.joined(separator: ","))]}"#)
        }
        return (records, lines.joined(separator: "\n"))
    }()
    let corpus = try! CorpusLoader.load(text: FigureKeysTests.drawn.jsonLines, path: "f.jsonl").corpus
    var records: [(speaker: String, figures: [Drawn])] { Self.drawn.records }
    var all: Selection { Selection(corpus: corpus) }

    func rows(_ conditions: [Condition]) throws -> [Int] {
        let selection = try all.matching(all: conditions)
        return (0..<selection.count).map(selection.row(at:))
    }

    @Test func aPartAloneIsAListField() throws {
        #expect(try Field.parse("figures.stance", in: corpus) == .figure(.stance))
        let counts = all.counts(by: [.figure(.by)])
        for party in ["Taliban", "Pakistan", "UN"] {
            #expect(counts.count(for: [.string(party)]) == records.count { $0.figures.contains { $0.by == party } })
        }
        #expect(try rows([.anyOf(.figure(.unit), [.string("deaths")])]) == records.indices.filter { records[$0].figures.contains { $0.unit == "deaths" } })
        #expect(try rows([.range(.figure(.value), from: .number(50), to: nil)]) == records.indices.filter { records[$0].figures.contains { $0.value >= 50 } })
        #expect(all.distinct(.figure(.value)) == Set(records.flatMap { $0.figures.map(\.value) }).sorted().map { .number(Double($0)) })
    }

    /// {by = Taliban, stance = acknowledged} is one figure the Taliban acknowledged, not a
    /// statement with a figure of the Taliban's and another acknowledged.
    @Test func conditionsOnSeveralPartsAreMetByOneFigure() throws {
        let found = try rows([.anyOf(.figure(.by), [.string("Taliban")]), .anyOf(.figure(.stance), [.string("acknowledged")]),
                              .range(.figure(.value), from: .number(10), to: .number(40))])
        let expected = records.indices.filter { i in
            records[i].figures.contains { $0.by == "Taliban" && $0.stance == "acknowledged" && (10...40).contains($0.value) }
        }
        #expect(found == expected)
        let loosely = records.indices.filter { i in
            records[i].figures.contains { $0.by == "Taliban" } && records[i].figures.contains { $0.stance == "acknowledged" }
        }
        #expect(loosely.count > expected.count, "the draw must hold statements where the two parts come from different figures")
        // With a condition on another field, both apply.
        let bySpeaker = try rows([.anyOf(.speaker, [.string("A")]), .anyOf(.figure(.by), [.string("UN")]), .anyOf(.figure(.stance), [.string("denied")])])
        #expect(bySpeaker == records.indices.filter { i in records[i].speaker == "A" && records[i].figures.contains { $0.by == "UN" && $0.stance == "denied" } })
    }

    @Test func countsBySeveralPartsPairThemFigureByFigure() {
        let counts = all.counts(by: [.speaker, .figure(.by), .figure(.stance)])
        var expected: [[FieldValue]: Int] = [:]
        for record in records {
            let pairs = Set(record.figures.compactMap { f in f.by.flatMap { by in f.stance.map { [by, $0] } } })
            for pair in pairs { expected[[.string(record.speaker)] + pair.map { .string($0) }, default: 0] += 1 }
        }
        #expect(counts.rows.count == expected.count)
        for row in counts.rows { #expect(expected[row.key] == row.count, "\(row.key)") }
        #expect(counts.keys == ["speaker", "figures.by", "figures.stance"])
    }

    @Test func namesOfPartsAreCheckedAndExplained() {
        #expect(throws: QueryError.unknownField("figures.units", suggestion: "figures.unit")) { try Field.parse("figures.units", in: corpus) }
        let far = #expect(throws: QueryError.self) { try Field.parse("figures.number", in: corpus) }
        #expect(far?.description == "unknown field 'figures.number' (the fields are: figures.value, figures.unit, figures.what, figures.stance, figures.by)")
        let whole = #expect(throws: QueryError.self) { try Field.parse("figures", in: corpus) }
        #expect(whole?.description.contains(#"count_by("figures.stance")"#) == true, "\(String(describing: whole))")
        let notes = corpus.unknownValues(in: [.anyOf(.figure(.stance), [.string("claim")])])
        #expect(notes == [#"no statement has figures.stance "claim" (did you mean "claimed"?)"#])
    }
}
