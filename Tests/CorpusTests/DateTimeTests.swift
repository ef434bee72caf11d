import CorpusScan
@testable import Corpus
import Foundation
import Testing
import TestSupport

/// Date-times are kept as their day (interned with the other dates) and their time (packed by
/// row): what a script, an export or a snapshot reads is the date-time as written.
struct DateTimeTests {
    /// Times of every form `CorpusDate` accepts, and the date-time each makes on one day.
    static func times(_ numbers: inout SeededNumbers, count: Int) -> [String] {
        func two(_ bound: Int) -> String { let n = numbers.next(bound); return n < 10 ? "0\(n)" : "\(n)" }
        return (0..<count).map { _ in
            var time = "\(two(24)):\(two(60))"
            if numbers.next(4) > 0 {
                time += ":\(two(61))"
                if numbers.next(3) == 0 { time += "." + (0...numbers.next(6)).map { _ in String(numbers.next(10)) }.joined() }
            }
            switch numbers.next(4) {
            case 0: time += "Z"
            case 1: time += (numbers.next(2) == 0 ? "+" : "-") + two(24)
            default: time += (numbers.next(2) == 0 ? "+" : "-") + "\(two(24)):\(two(60))"
            }
            return time
        }
    }

    static func packed(_ time: String, space: Bool = false) -> Int64 {
        var time = time
        return time.withUTF8 { ps_pack_time($0.baseAddress!, $0.count, space ? 1 : 0) }
    }

    /// Every time packs and is written back as it was, after its `T` or space.
    @Test func timesPackAndComeBackAsWritten() {
        var numbers = SeededNumbers(seed: 7)
        for time in Self.times(&numbers, count: 20_000) + ["23:59:60.999999-23:59", "00:00-00:00", "12:00+05"] {
            for space in [false, true] {
                let packed = Self.packed(time, space: space)
                #expect(packed >= 0, "\(time)")
                #expect(DateColumn.text(of: packed) == (space ? " " : "T") + time)
            }
        }
    }

    /// The packer takes exactly the times `CorpusDate` takes (but for fractions of more than six
    /// digits, which leave the date interned whole): strings near a time, spoiled at random.
    @Test func timesPackWhereAndOnlyWhereTheDateIsValid() {
        var numbers = SeededNumbers(seed: 11)
        let alphabet = Array("0123456789:.+-Z T9")
        var packedSome = 0
        for var time in Self.times(&numbers, count: 30_000) {
            for _ in 0..<numbers.next(3) {
                var chars = Array(time)
                let at = numbers.next(chars.count + 1)
                switch numbers.next(3) {
                case 0 where at < chars.count: chars[at] = alphabet[numbers.next(alphabet.count)]
                case 1 where at < chars.count: chars.remove(at: at)
                default: chars.insert(alphabet[numbers.next(alphabet.count)], at: at)
                }
                time = String(chars)
            }
            let valid = CorpusDate("2025-11-07T" + time) != nil
            let packed = Self.packed(time)
            let longFraction = time.split(separator: ".").dropFirst().first.map { $0.prefix { $0.isNumber }.count > 6 } ?? false
            #expect(packed >= 0 ? valid : (!valid || longFraction), "\(time)")
            if packed >= 0 {
                packedSome += 1
                #expect(DateColumn.text(of: packed) == "T" + time)
            }
        }
        #expect(packedSome > 10_000)
    }

    /// A file of date-times (every form, a few too long to pack), dates and rows without one: each
    /// row reads as written, its days are interned once, and it is parsed as a date-time.
    @Test(arguments: [nil, 0, 4] as [Int?])
    func dateTimesLoadAsWritten(fifthWithTimes: Int?) throws {
        let large = fifthWithTimes != nil
        var numbers = SeededNumbers(seed: UInt64(fifthWithTimes ?? 9))
        // Large: past the size read on all cores, date-times only in the first or the last fifth,
        // so that a part without times is merged with one that has them.
        let count = large ? 50_000 : 3_000
        let times = Self.times(&numbers, count: count)
        let dates: [String?] = (0..<count).map { i in
            let day = "2025-\(10 + numbers.next(3))-\(10 + numbers.next(19))"
            if let fifthWithTimes, i * 5 / count != fifthWithTimes { return numbers.next(9) == 0 ? nil : day }
            switch numbers.next(12) {
            case 0: return nil
            case 1: return day
            case 2: return "2024"
            case 3: return day + "T10:00:00.1234567Z"
            case 4: return day + " " + times[i]
            default: return day + "T" + times[i]
            }
        }
        let filler = String(repeating: "talks went on ", count: large ? 6 : 1)
        let lines = dates.enumerated().map { i, date in
            #"{"type":"statement","id":"s\#(i)","speaker":"A","text":"\#(filler)\#(i)""# + (date.map { #","date":"\#($0)""# } ?? "") + "}"
        }
        let text = lines.joined(separator: "\n")
        if large { #expect(text.utf8.count > JSONLinesReader.parallelThreshold) }
        let corpus = try CorpusLoader.load(text: text, path: "dt.jsonl").corpus
        let s = corpus.statements
        #expect(s.dates.hasTimes)
        for (row, date) in dates.enumerated() {
            #expect(s.dates[row] == date, "row \(row)")
            #expect(corpus.values(of: .date, row: row) == (date.map { [.string($0)] } ?? []))
            let parsed = s.date(row: row)
            #expect(parsed == date.flatMap(CorpusDate.init), "row \(row)")
            #expect(parsed?.text == date)
        }
        // Days, the year and the dates with long fractions: not one value per date-time.
        let wholes = Set(dates.compactMap { $0 }.filter { $0.hasSuffix("4567Z") }).count
        #expect(s.dates.days.values.count <= 3 * 19 + 1 + wholes)
        #expect(s.dates.days.values.allSatisfy { $0.count == 10 || $0 == "2024" || $0.hasSuffix("4567Z") })
    }

    func corpus() throws -> Corpus {
        try CorpusLoader.load(text: """
            {"type":"statement","id":"a","speaker":"A","text":"t","date":"2025-11-07T14:30:00+05:00"}
            {"type":"statement","id":"b","speaker":"A","text":"t","date":"2025-11-07T09:00:00Z"}
            {"type":"statement","id":"c","speaker":"A","text":"t","date":"2025-11-07"}
            {"type":"statement","id":"d","speaker":"A","text":"t","date":"2025-11-08 08:15+05"}
            {"type":"statement","id":"e","speaker":"A","text":"t","date":"2025-11-07T09:00:00Z"}
            {"type":"statement","id":"f","speaker":"A","text":"t"}
            """, path: "dt.jsonl").corpus
    }

    /// Queries read a date-time by its day; counting and listing by date give the date-times.
    @Test func queriesReadDateTimesByDayAndCountThemAsWritten() throws {
        let all = Selection(corpus: try corpus())
        func ids(_ selection: Selection) -> [String] { (0..<selection.count).map { all.corpus.statements.ids[selection.row(at: $0)] } }
        #expect(try ids(all.matching(all: [.anyOf(.date, [.string("2025-11-07")])])) == ["a", "b", "c", "e"])
        #expect(try ids(all.matching(all: [.range(.date, from: .string("2025-11-08"), to: nil)])) == ["d"])
        #expect(try ids(all.matching(all: [.anyOf(.datePart(.weekday), [.string("Saturday")])])) == ["d"])
        let counts = all.counts(by: [.date])
        #expect(counts.rows.map { [$0.key[0].description, String($0.count)] } == [
            ["2025-11-07T09:00:00Z", "2"], ["2025-11-07", "1"], ["2025-11-07T14:30:00+05:00", "1"], ["2025-11-08 08:15+05", "1"],
        ])
        #expect(all.distinct(.date).map(\.description) == ["2025-11-07", "2025-11-07T09:00:00Z", "2025-11-07T14:30:00+05:00", "2025-11-08 08:15+05"])
        #expect(all.counts(by: [.datePart(.day)]).rows.map(\.count) == [4, 1])
    }

    /// A snapshot and an export give the date-times back as written.
    @Test func dateTimesComeBackFromASnapshotAndAnExport() throws {
        let corpus = try corpus()
        let again = try SnapshotTests().roundTrip(corpus)
        SnapshotTests().expectSame(corpus, again)
        #expect(again.statements.dates.hasTimes && again.statements.dates.days.values.count == 2)
        let path = Fixtures.temporaryDirectory().appendingPathComponent("out.jsonl").path
        try CorpusExport.write(corpus, to: path)
        let exported = try CorpusLoader.load(path: path).corpus
        #expect((0..<6).map { exported.statements.dates[$0] } == (0..<6).map { corpus.statements.dates[$0] })
    }
}
