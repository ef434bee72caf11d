/// One condition of a `where`: a field equals one of some values (for a list field: contains one),
/// or lies in an inclusive range.
public enum Condition: Sendable, Equatable {
    case anyOf(Field, [FieldValue])
    /// Inclusive; dates compare by the days they may denote, so "2025-11" lies within
    /// 2025-11-01…2025-11-30 and a bound of any precision works.
    case range(Field, from: FieldValue?, to: FieldValue?)

    public var field: Field {
        switch self {
        case .anyOf(let field, _), .range(let field, _, _): field
        }
    }
}

extension Corpus {
    /// `condition` compiled for scanning: tables of accepted codes where the field is interned, or a
    /// date, or a document's field.
    func rowFilter(for condition: Condition) throws(QueryError) -> RowFilter {
        /// The table for codes `0..<count` that `accepts`, with slot 0 for "no value".
        func table(_ count: Int, _ accepts: (Int) -> Bool) -> [Bool] { [false] + (0..<count).map(accepts) }
        switch condition {
        case .anyOf(let field, let given):
            // A whole number also stands for its digits: `where{["date.year"] = 2025}` means "2025".
            let values = given + given.compactMap(\.digits)
            if field == .date || field == .document("published") {
                // A date names the days it covers: "2025-11-07" takes in 14:30 that day, "2025-11" the
                // whole month (its days, and statements dated only "2025-11").
                let wanted = try given.map { (value) throws(QueryError) -> CorpusDate in
                    guard case .string(let text) = value.digits ?? value, let date = CorpusDate(text) else {
                        throw .invalid("'\(shown: value)' is not a date: dates are written \"2025-11-07\", \"2025-11\" or \"2025\"")
                    }
                    return date
                }
                return dateFilter(field) { date in wanted.contains { date.firstDay >= $0.firstDay && date.lastDay <= $0.lastDay } }
            }
            let wanted = Set(values)
            if case .datePart(let part) = field {
                // Through the dates' codes: each distinct date is looked at once, not each statement's.
                return .codes(statements.dates.codes, accept: [false] + statements.dates.values.map { date in
                    date.part(part).map { wanted.contains(.string($0)) } ?? false
                })
            }
            func strings(_ canonical: Bool) -> [String] {
                values.compactMap { if case .string(let s) = $0 { return canonical ? canonicalName(s) : s }; return nil }
            }
            if field == .id {
                // Ids are unique: their rows, found by index, not by comparing every id.
                return .rows(Set(strings(false).compactMap { row(ofID: $0) }).map { Int32($0) }.sorted())
            }
            if let column = internedColumn(field) {
                let codes = Set(strings(field == .speaker).compactMap { column.existingCode(for: $0) })
                return .codes(column.codes, accept: table(column.values.count) { codes.contains(Int32($0)) })
            }
            if let list = listColumn(field) {
                let codes = Set(strings(field == .mentions).compactMap { list.existingCode(for: $0) })
                return .list(starts: list.starts, items: list.items, accept: table(list.values.count) { codes.contains(Int32($0)) })
            }
            if field == .document("source") {
                // Through the sources' codes: the documents are not made (125,000 of them took 0.14 s).
                let sources = documentSources
                let codes = Set(strings(false).compactMap { sources.existingCode(for: $0) })
                return .codes(statements.documents, accept: table(documentCount) { codes.contains(sources.codes[$0]) })
            }
            if field == .document("id") {
                // A document's statements, found through the rows grouped by document.
                let documents = Set(strings(false).compactMap(documentIndex(ofID:)))
                return .rows(documents.flatMap { rows(ofDocument: $0) }.sorted())
            }
            if case .document(let name) = field {
                let documents = self.documents
                return .codes(statements.documents, accept: table(documents.count) { documents[$0].values(of: name).contains(where: wanted.contains) })
            }
            if case .speakerEntity(let name) = field {
                // Through the speakers' codes: each speaker's entity is looked at once, not each statement's.
                let speakers = statements.speakers, byCode = speakerEntities
                return .codes(speakers.codes, accept: table(speakers.values.count) { code in
                    byCode[code] >= 0 && entities[Int(byCode[code])].values(of: name).contains(where: wanted.contains)
                })
            }
            return .test { [self] row in self.values(of: field, row: row).contains(where: wanted.contains) }
        case .range(let field, let from, let to):
            if case .datePart(let part) = field {
                switch part {
                case .year, .month, .day:
                    // A range of years or months is the range of the dates within them ({from = 2020}
                    // as well as {from = "2020"}).
                    return try rowFilter(for: .range(.date, from: from.map { $0.digits ?? $0 }, to: to.map { $0.digits ?? $0 }))
                case .week:
                    break   // "2025-W40" to "2025-W45": weeks written so compare as their text does
                case .weekday:
                    throw .invalid("days of the week have no range (Sunday to Monday?): list them, as in [\"date.weekday\"] = {\"Saturday\", \"Sunday\"}")
                }
            }
            if field == .date || (field == .document("published")) {
                let low = try from.map { (v) throws(QueryError) in try Self.dateBound(v, field: field).firstDay }
                let high = try to.map { (v) throws(QueryError) in try Self.dateBound(v, field: field).lastDay }
                return dateFilter(field) { date in (low.map { date.firstDay >= $0 } ?? true) && (high.map { date.lastDay <= $0 } ?? true) }
            }
            return .test { [self] row in
                values(of: field, row: row).contains { value in
                    (from.map { $0 <= value } ?? true) && (to.map { value <= $0 } ?? true)
                }
            }
        }
    }

    /// The rows whose date (`date`, or their document's `published`) `accepts`.
    private func dateFilter(_ field: Field, _ accepts: (CorpusDate) -> Bool) -> RowFilter {
        func table(_ values: [CorpusDate?]) -> [Bool] { [false] + values.map { $0.map(accepts) ?? false } }
        if field == .date { return .codes(statements.dates.codes, accept: table(statements.dates.values)) }
        return .codes(statements.documents, accept: table(documents.map(\.published)))
    }

    private static func dateBound(_ value: FieldValue, field: Field) throws(QueryError) -> CorpusDate {
        // A whole number is a year, as it is for equality (where{date = 2025}).
        guard case .string(let text) = value.digits ?? value, let date = CorpusDate(text) else {
            throw .invalid("the range of '\(field)' needs dates such as \"2025-11\" or \"2025-11-07\", not \(shown: value)")
        }
        return date
    }

    func internedColumn(_ field: Field) -> InternedColumn? {
        switch field {
        case .speaker: statements.speakers
        case .role: statements.roles
        case .affiliation: statements.affiliations
        case .kind: statements.kinds
        case .cue: statements.cues
        // Date-times are interned by day: their values are not those of a column of codes.
        case .date: statements.dates.hasTimes ? nil : statements.dates.days
        case .dateText: statements.dateTexts
        case .channel: statements.channels
        case .place: statements.places
        case .status: statements.statuses
        // An extra field of strings most statements have is interned like the format's own.
        case .extra(let name): if case .strings(let column)? = statements.extras[name] { column } else { nil }
        default: nil
        }
    }

    func listColumn(_ field: Field) -> ListColumn? {
        switch field {
        case .topics: statements.topics
        case .mentions: statements.mentions
        default: nil
        }
    }
}
