@testable import Corpus
import Foundation
import Testing
import TestSupport

/// Queries over a generated corpus, checked against answers computed from the generator's records.
@Suite struct QueryTests {
    static let generated = SyntheticCorpus(count: 2000, seed: 7)
    let corpus = try! CorpusLoader.load(text: QueryTests.generated.jsonLines, path: "g.jsonl").corpus
    var records: [SyntheticCorpus.Record] { Self.generated.records }
    var all: Selection { Selection(corpus: corpus) }

    func ids(_ selection: Selection) -> [String] { (0..<selection.count).map { corpus.statements.ids[selection.row(at: $0)] } }

    /// Counts by several keys are looked up through an index made on first use: every lookup must
    /// give what a scan of the rows gives, in the rows' order.
    @Test func countsLookupsAgreeWithAScanOfTheRows() throws {
        let counts = all.counts(by: [.speaker, .kind])
        #expect(counts.rows.count > 10)
        for row in counts.rows { #expect(counts.count(for: row.key) == row.count) }
        #expect(counts.count(for: [.string("Nobody"), .string("direct")]) == nil)
        for speaker in Set(counts.rows.map { $0.key[0] }) {
            let scanned = counts.rows.filter { $0.key[0] == speaker }.map { Counts.Row(key: Array($0.key.dropFirst()), count: $0.count) }
            #expect(counts.narrowed(to: speaker).map { Array($0.rows) } == scanned)
        }
        #expect(counts.narrowed(to: .string("Nobody")) == nil)
        #expect(all.counts(by: [.speaker]).narrowed(to: .string("Chen Wei")) == nil, "one key: nothing to narrow")
    }

    @Test func equalityAndAnyOf() throws {
        let speaker = try all.matching(all: [.anyOf(.speaker, [.string("Chen Wei")])])
        #expect(ids(speaker) == records.filter { $0.speaker == "Chen Wei" }.map(\.id))
        let kinds = try all.matching(all: [.anyOf(.kind, [.string("direct"), .string("mixed")])])
        #expect(kinds.count == records.filter { $0.kind == "direct" || $0.kind == "mixed" }.count)
        let nobody = try all.matching(all: [.anyOf(.speaker, [.string("Nobody")])])
        #expect(nobody.count == 0)
    }

    /// An extra field: interned when most rows have strings (looked up by code), sparse otherwise
    /// (each row tested); both give the rows whose value is one of those asked, numbers standing
    /// for their digits.
    @Test func extraFieldsMatchWhetherInternedOrSparse() throws {
        var lines: [String] = []
        for i in 0..<400 {
            let tone = ["calm", "firm", "angry"][i % 3]
            let score = i % 10 == 0 ? #","score":\#(i % 7)"# : ""
            lines.append(#"{"type":"statement","id":"s\#(i)","speaker":"A","text":"t","tone":"\#(tone)","code":"\#(i % 4)"\#(score)}"#)
        }
        let corpus = try CorpusLoader.load(text: lines.joined(separator: "\n"), path: "x.jsonl").corpus
        guard case .strings? = corpus.statements.extras["tone"], case .sparse? = corpus.statements.extras["score"] else {
            Issue.record("tone should be interned and score sparse")
            return
        }
        let all = Selection(corpus: corpus)
        func rows(_ condition: Condition) throws -> [Int] { let s = try all.matching(all: [condition]); return (0..<s.count).map(s.row(at:)) }
        #expect(try rows(.anyOf(.extra("tone"), [.string("firm"), .string("angry")])) == (0..<400).filter { $0 % 3 != 0 })
        #expect(try rows(.anyOf(.extra("code"), [.number(2)])) == (0..<400).filter { $0 % 4 == 2 }, "a number stands for its digits")
        #expect(try rows(.anyOf(.extra("tone"), [.string("none")])) == [])
        #expect(try rows(.anyOf(.extra("score"), [.number(3)])) == (0..<400).filter { $0 % 10 == 0 && $0 % 7 == 3 })
    }

    /// Ids are looked up by index: one id, several (in row order whatever the order asked), one
    /// that no statement has, and after another condition.
    @Test func idsAreFoundByIndex() throws {
        let wanted = [records[1500].id, records[3].id, "no such id", records[700].id]
        let found = try all.matching(all: [.anyOf(.id, wanted.map { .string($0) })])
        #expect(ids(found) == [records[3].id, records[700].id, records[1500].id])
        let kind = records[700].kind
        let both = try all.matching(all: [.anyOf(.kind, [.string(kind)]), .anyOf(.id, [.string(records[700].id), .string(records[3].id)])])
        #expect(ids(both) == [records[3], records[700]].filter { $0.kind == kind }.map(\.id))
        #expect(try all.matching(all: [.anyOf(.id, [.string("no such id")])]).count == 0)
        for record in records.prefix(50) { #expect(corpus.row(ofID: record.id).map { corpus.statements.ids[$0] } == record.id) }
    }

    @Test func largeSelectionsKeepEveryRowInOrder() throws {
        // Split between the cores, and far more rows kept than the filter's buffer holds at once.
        let generated = SyntheticCorpus(count: 60_000, seed: 3)
        let corpus = try CorpusLoader.load(text: generated.jsonLines, path: "g.jsonl").corpus
        let all = Selection(corpus: corpus)
        let kinds = try all.matching(all: [.anyOf(.kind, [.string("direct"), .string("mixed")])])
        let expected = generated.records.filter { $0.kind == "direct" || $0.kind == "mixed" }.map(\.id)
        #expect(expected.count > 5_000)
        #expect((0..<kinds.count).map { corpus.statements.ids[kinds.row(at: $0)] } == expected)
        let dawnDirect = try all.matching(all: [.anyOf(.document("source"), [.string("Dawn")]), .anyOf(.kind, [.string("direct")])])
        #expect((0..<dawnDirect.count).map { corpus.statements.ids[dawnDirect.row(at: $0)] }
                == generated.records.filter { $0.source == "Dawn" && $0.kind == "direct" }.map(\.id))
    }

    @Test func rowsHaveAnAddressEvenWhenStoredAsOneRepeatedValue() {
        #expect(all.withRowAddress { $0 == nil }, "the whole corpus has no list of rows")
        for rows: [Int32] in [[3, 3, 3], [7], [2, 9, 4]] {
            let selection = Selection(corpus: corpus, rows: rows)
            #expect(selection.withRowAddress { Array(UnsafeBufferPointer(start: $0, count: selection.count)) } == rows)
        }
        let repeated = Selection(corpus: corpus, rows: ColumnArray(repeating: 5, count: 4))   // one value, no memory
        #expect(repeated.rowAddress == nil)
        #expect(repeated.withRowAddress { Array(UnsafeBufferPointer(start: $0, count: 4)) } == [5, 5, 5, 5])
    }

    @Test func listFieldsMatchWhenTheyContainTheValue() throws {
        let border = try all.matching(all: [.anyOf(.topics, [.string("border")])])
        #expect(ids(border) == records.filter { $0.topics.contains("border") }.map(\.id))
    }

    @Test func documentFieldsAndCombinedConditions() throws {
        let dawnDirect = try all.matching(all: [.anyOf(.document("source"), [.string("Dawn")]), .anyOf(.kind, [.string("direct")])])
        #expect(ids(dawnDirect) == records.filter { $0.source == "Dawn" && $0.kind == "direct" }.map(\.id))
    }

    @Test func dateRangesOfAnyPrecision() throws {
        let year = try all.matching(all: [.range(.date, from: .string("2022"), to: .string("2022"))])
        #expect(year.count == records.filter { $0.date.hasPrefix("2022") }.count)
        let span = try all.matching(all: [.range(.date, from: .string("2021-03"), to: .string("2023-06-15"))])
        #expect(span.count == records.filter { $0.date >= "2021-03-01" && $0.date <= "2023-06-15" }.count)
        let open = try all.matching(all: [.range(.date, from: .string("2024-01-01"), to: nil)])
        #expect(open.count == records.filter { $0.date >= "2024-01-01" }.count)
        #expect(throws: QueryError.self) { try all.matching(all: [.range(.date, from: .string("last week"), to: nil)]) }
    }

    @Test func yearsMayBeWrittenAsNumbersAndADateMustBeADate() throws {
        // An analyst writes where{["date.year"] = 2022}: the number stands for its digits.
        let asNumber = try all.matching(all: [.anyOf(.datePart(.year), [.number(2022)])])
        #expect(asNumber.count == records.filter { $0.date.hasPrefix("2022") }.count)
        #expect(asNumber.count > 0)
        let years = try all.matching(all: [.range(.datePart(.year), from: .number(2021), to: .number(2022))])
        #expect(years.count == records.filter { $0.date >= "2021" && $0.date < "2023" }.count)
        let months = try all.matching(all: [.range(.datePart(.month), from: .string("2021-03"), to: nil)])
        #expect(months.count == records.filter { $0.date >= "2021-03" }.count)
        let error = #expect(throws: QueryError.self) { try all.matching(all: [.anyOf(.date, [.string("yesterday")])]) }
        #expect(error?.description.contains("'yesterday' is not a date") == true)
    }

    /// A date in `where` names the days it covers: a day takes in the times of that day, a month
    /// every date within it (and what is dated by the month only), a year likewise.
    @Test func aDateTakesInWhatLiesWithinIt() throws {
        let corpus = try CorpusLoader.load(text: """
            {"type":"document","id":"d1","published":"2025-11-08T09:00:00+05:00"}
            {"type":"statement","id":"a","doc":"d1","speaker":"A","text":"a","date":"2025-11-07"}
            {"type":"statement","id":"b","doc":"d1","speaker":"A","text":"b","date":"2025-11-07T23:30:00+05:00"}
            {"type":"statement","id":"c","doc":"d1","speaker":"A","text":"c","date":"2025-11"}
            {"type":"statement","id":"d","doc":"d1","speaker":"A","text":"d","date":"2025"}
            {"type":"statement","id":"e","doc":"d1","speaker":"A","text":"e","date":"2025-12-01"}
            """, path: "dates.jsonl").corpus
        let all = Selection(corpus: corpus)
        func ids(_ condition: Condition) throws -> [String] {
            let found = try all.matching(all: [condition])
            return (0..<found.count).map { corpus.statements.ids[found.row(at: $0)] }
        }
        #expect(try ids(.anyOf(.date, [.string("2025-11-07")])) == ["a", "b"])
        #expect(try ids(.anyOf(.date, [.string("2025-11")])) == ["a", "b", "c"])
        #expect(try ids(.anyOf(.date, [.number(2025)])) == ["a", "b", "c", "d", "e"])
        #expect(try ids(.anyOf(.date, [.string("2025-11-07"), .string("2025-12")])) == ["a", "b", "e"])
        #expect(try ids(.anyOf(.document("published"), [.string("2025-11-08")])).count == 5)
    }

    @Test func phraseSearchIgnoresCase() {
        let hits = all.containing(phrase: "ceasefire will")
        #expect(ids(hits) == records.filter { $0.text.lowercased().contains("ceasefire will") }.map(\.id))
        #expect(hits.count > 0)
    }

    @Test func countsByOneKeySortedLargestFirst() {
        let counts = all.counts(by: [.speaker])
        var expected: [String: Int] = [:]
        for r in records { expected[r.speaker, default: 0] += 1 }
        #expect(counts.rows.count == expected.count)
        for row in counts.rows { #expect(expected[row.key[0].description] == row.count) }
        #expect(counts.rows.map(\.count) == counts.rows.map(\.count).sorted(by: >))
        #expect(counts.total == records.count)
    }

    @Test func countsByListFieldAndSeveralKeys() {
        let topics = all.counts(by: [.topics])
        #expect(topics.total == records.reduce(0) { $0 + $1.topics.count })
        let pairs = all.counts(by: [.document("source"), .kind])
        var expected: [[String]: Int] = [:]
        for r in records { expected[[r.source, r.kind], default: 0] += 1 }
        for row in pairs.rows { #expect(expected[row.key.map(\.description)] == row.count) }
        let dawn = pairs.narrowed(to: .string("Dawn"))
        #expect(dawn?.total == records.filter { $0.source == "Dawn" }.count)
    }

    @Test func countsByYear() {
        let years = all.counts(by: [.datePart(.year)])
        for row in years.rows {
            #expect(row.count == records.filter { $0.date.hasPrefix(row.key[0].description) }.count)
        }
    }

    /// Every part of a date a query names, where and count_by alike, is what the generator's dates
    /// give for it: where goes through the dates' codes, count_by through its own path.
    @Test func partsOfDatesAreFoundAndCountedAsTheDatesSay() throws {
        for part in Field.DatePart.allCases {
            var expected: [String: Int] = [:]
            for r in records { if let value = CorpusDate(r.date)?.part(part) { expected[value, default: 0] += 1 } }
            let counts = all.counts(by: [.datePart(part)])
            #expect(Dictionary(uniqueKeysWithValues: counts.rows.map { ($0.key[0].description, $0.count) }) == expected, "\(part)")
            for (value, n) in expected.sorted(by: { $0.key < $1.key }).prefix(20) {
                #expect(try all.matching(all: [.anyOf(.datePart(part), [.string(value)])]).count == n, "\(part) \(value)")
            }
        }
        #expect(try all.matching(all: [.range(.datePart(.week), from: .string("2021-W10"), to: .string("2021-W19"))]).count
                == records.filter { CorpusDate($0.date)?.isoWeek.map { $0 >= "2021-W10" && $0 <= "2021-W19" } ?? false }.count)
        #expect(throws: QueryError.self) { try all.matching(all: [.range(.datePart(.weekday), from: .string("Monday"), to: nil)]) }
    }

    /// ISO 8601 weeks and weekdays, every day of thirty years, against Foundation's ISO calendar
    /// (weeks 53 and 1 across the turn of a year are where a hand-made rule goes wrong).
    @Test func weeksAndWeekdaysAreThoseOfTheISOCalendar() {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var day = calendar.date(from: DateComponents(year: 1999, month: 12, day: 20))!
        let end = calendar.date(from: DateComponents(year: 2031, month: 1, day: 10))!
        var checked = 0
        while day <= end {
            let c = calendar.dateComponents([.year, .month, .day, .yearForWeekOfYear, .weekOfYear, .weekday], from: day)
            let text = String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
            let date = CorpusDate(text)!
            let week = String(format: "%04d-W%02d", c.yearForWeekOfYear!, c.weekOfYear!)
            if date.isoWeek != week { Issue.record("\(text): \(date.isoWeek ?? "nil") against \(week)"); return }
            // Foundation numbers weekdays from Sunday (1).
            if date.part(.weekday) != CorpusDate.weekdayNames[(c.weekday! + 5) % 7] { Issue.record("\(text): \(date.part(.weekday) ?? "nil")"); return }
            checked += 1
            day = calendar.date(byAdding: .day, value: 1, to: day)!
        }
        #expect(checked > 11_000)
        #expect(CorpusDate("2025-11")?.part(.week) == nil && CorpusDate("2025")?.part(.weekday) == nil)
        #expect(CorpusDate("2025-11-07T14:30:00+05:00")?.part(.weekday) == "Friday")
    }

    /// The forms the format accepts, and their near misses, read from the text's bytes.
    @Test func dateFormsAreReadAsTheFormatSays() {
        let accepted: [(String, CorpusDate.Precision)] = [
            ("2025", .year), ("2025-11", .month), ("2025-11-07", .day), ("2024-02-29", .day), ("2025-11-07T14:30Z", .time),
            ("2025-11-07T14:30:00+05:00", .time), ("2025-11-07 14:30:00Z", .time), ("2025-11-07T14:30:00.123-03:30", .time),
            ("2025-11-07T23:59:60Z", .time), ("2025-11-07T14:30+05", .time)]
        for (text, precision) in accepted {
            let date = CorpusDate(text)
            #expect(date?.precision == precision && date?.text == text && date?.year == Int(text.prefix(4)), "\(text)")
        }
        #expect(CorpusDate("2025-11-07T14:30:00+05:00").map { [$0.year, $0.month, $0.day] } == [2025, 11, 7])
        for text in ["", "0000", "202", "20251", "2025-1", "2025-13", "2025-11-7", "2025-02-29", "2025-11-31", "2025-11-07T",
                     "2025-11-07T14:30", "2025-11-07T24:00Z", "2025-11-07T14:60Z", "2025-11-07T14:30:61Z", "2025-11-07T14:30:00.Z",
                     "2025-11-07T14:30+24:00", "2025-11-07X14:30Z", "2025-11-07T14:30Zx", "2025/11/07", "２０２５"] {
            #expect(CorpusDate(text) == nil, "\(text)")
        }
    }

    /// A crosstab's cells are the counts of their pairs (0 for none), rows by total, columns by
    /// value; one too large for the cells allowed is refused before it is laid out.
    @Test func aCrosstabHoldsTheCountsOfItsPairs() throws {
        let counts = all.counts(by: [.speaker, .document("source")])
        let table = try Crosstab(counts)
        #expect(table.columns == table.columns.sorted() && Set(table.columns) == Set(records.map { FieldValue.string($0.source) }))
        var previous = Int.max
        for (i, speaker) in table.rows.enumerated() {
            let cells = table.cells(row: i)
            for (j, source) in table.columns.enumerated() {
                #expect(cells[j] == records.filter { $0.speaker == speaker.description && $0.source == source.description }.count)
            }
            #expect(cells.reduce(0, +) <= previous)
            previous = cells.reduce(0, +)
        }
        #expect(table.columnTotals == table.columns.map { source in records.filter { $0.source == source.description }.count })
        #expect(throws: Crosstab.Problem.tooLarge(rows: table.rows.count, columns: table.columns.count)) { try Crosstab(counts, maxCells: 10) }
        #expect(throws: Crosstab.Problem.notTwoKeys(1)) { try Crosstab(all.counts(by: [.speaker])) }
        let byWeekday = try Crosstab(all.counts(by: [.kind, .datePart(.weekday)]))
        let week = CorpusDate.weekdayNames.filter { day in byWeekday.columns.contains(.string(day)) }
        #expect(byWeekday.columns.map(\.description) == week && week.count > 3, "the week's order: \(byWeekday.columns)")
        // By a date or a part of one first, the rows read in time order, as the columns do.
        for key in [Field.datePart(.year), .date, .datePart(.weekday)] {
            let rows = try Crosstab(all.counts(by: [key, .kind])).rows
            #expect(rows.count > 3 && rows == Crosstab.ascending(rows).map { rows[$0] }, "\(key): \(rows)")
        }
    }

    /// Counts sorted by a key read in that key's order (days of the week Monday first, equal ones
    /// as they were: largest first), or by the count either way; no row is lost or changed.
    @Test func countsSortByAKeyOrTheCount() {
        let counts = all.counts(by: [.datePart(.weekday), .kind])
        for descending in [false, true] {
            let sorted = counts.sorted(byKey: 0, descending: descending)
            let days = sorted.rows.map { CorpusDate.weekdayNames.firstIndex(of: $0.key[0].description)! }
            #expect(days == (descending ? days.sorted(by: >) : days.sorted()) && Set(days).count > 3)
            #expect(Set(sorted.rows.map { "\($0.key) \($0.count)" }) == Set(counts.rows.map { "\($0.key) \($0.count)" }))
            for (a, b) in zip(sorted.rows, sorted.rows.dropFirst()) where a.key[0] == b.key[0] { #expect(a.count >= b.count, "stable") }
            let byCount = counts.sorted(byKey: nil, descending: descending).rows.map(\.count)
            #expect(byCount == (descending ? byCount.sorted(by: >) : byCount.sorted()))
        }
        let speakers = all.counts(by: [.speaker]).sorted(byKey: 0, descending: false).rows.map { $0.key[0].description }
        #expect(speakers == speakers.sorted() && speakers.count == Set(records.map(\.speaker)).count)
    }

    /// Days of the week sort and list in the week's order, Monday first (not alphabetically).
    @Test func daysOfTheWeekSortInTheWeeksOrder() {
        let days = all.distinct(.datePart(.weekday)).map(\.description)
        #expect(days.count > 3 && days == CorpusDate.weekdayNames.filter(days.contains), "\(days)")
        for descending in [false, true] {
            let sorted = all.sorted(by: .datePart(.weekday), descending: descending)
            let order = (0..<sorted.count).compactMap { corpus.statements.date(row: sorted.row(at: $0))?.weekdayIndex }
            #expect(order.count == all.count && order == (descending ? order.sorted(by: >) : order.sorted()))
        }
    }

    @Test func tiesAreOrderedByKey() {
        let counts = Counts(keys: ["k"], tallies: [[.string("b")]: 2, [.string("a")]: 2, [.string("c")]: 3])
        #expect(counts.rows.map { $0.key[0].description } == ["c", "a", "b"])
    }

    @Test func sortingIsStableAndPutsMissingLast() throws {
        let sorted = all.sorted(by: .date)
        let dates = (0..<sorted.count).map { corpus.statements.dates[sorted.row(at: $0)]! }
        #expect(dates == dates.sorted())
        let descending = all.sorted(by: .date, descending: true)
        #expect(corpus.statements.dates[descending.row(at: 0)] == records.map(\.date).max())
        let partial = try CorpusLoader.load(text: """
            {"type":"statement","id":"a","speaker":"A","text":"x"}
            {"type":"statement","id":"b","speaker":"A","text":"x","date":"2020"}
            {"type":"statement","id":"c","speaker":"A","text":"x","date":"2019-05"}
            {"type":"statement","id":"d","speaker":"A","text":"x","date":"2020"}
            """, path: "p.jsonl").corpus
        let order = Selection(corpus: partial).sorted(by: .date)
        #expect((0..<4).map { partial.statements.ids[order.row(at: $0)] } == ["c", "b", "d", "a"])
    }

    @Test func distinctValuesAreSorted() {
        #expect(all.distinct(.speaker).map(\.description) == Set(records.map(\.speaker)).sorted())
    }

    @Test func unknownFieldsSuggestTheClosestName() {
        #expect(throws: QueryError.unknownField("speeker", suggestion: "speaker")) { try Field.parse("speeker", in: corpus) }
        #expect(throws: QueryError.unknownField("doc.sorce", suggestion: "doc.source")) { try Field.parse("doc.sorce", in: corpus) }
        let far = #expect(throws: QueryError.self) { try Field.parse("zzzzzz", in: corpus) }
        #expect(far?.description.hasPrefix("unknown field 'zzzzzz' (the fields are: id, speaker,") == true, "\(String(describing: far))")
        #expect(throws: QueryError.unknownField("month", suggestion: "date.month")) { try Field.parse("month", in: corpus) }
        #expect(throws: QueryError.unknownField("title", suggestion: "doc.title")) { try Field.parse("title", in: corpus) }
        #expect((try? Field.parse("doc", in: corpus)) == .document("id"))
        #expect(corpus.entities.isEmpty)
        let noEntities = #expect(throws: QueryError.self) { try Field.parse("speaker.country", in: corpus) }
        #expect(noEntities?.description.contains("this corpus has no entities") == true, "\(String(describing: noEntities))")
        // A long name (a script may pass any string) is shown by its start.
        let long = #expect(throws: QueryError.self) { try Field.parse(String(repeating: "é", count: 100_000), in: corpus) }
        #expect(long?.description.hasPrefix("unknown field '\(String(repeating: "é", count: 60))…' (") == true)
        #expect((long?.description.count ?? .max) < 400)
    }
}
