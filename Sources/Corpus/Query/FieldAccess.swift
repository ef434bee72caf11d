/// Reading a field's values for one statement, the slow general path that serves counts, sorts and
/// predicates the fast paths do not cover. List fields give several values; a missing field none.
extension Corpus {
    public func values(of field: Field, row: Int) -> [FieldValue] {
        let s = statements
        func one(_ value: String?) -> [FieldValue] { value.map { [.string($0)] } ?? [] }
        switch field {
        case .id: return [.string(s.ids[row])]
        case .speaker: return one(s.speakers[row])
        case .speakerText: return one(s.speakerTexts[row] ?? s.speakers[row])
        case .role: return one(s.roles[row])
        case .affiliation: return one(s.affiliations[row])
        case .kind: return one(s.kinds[row])
        case .text: return [.string(s.texts[row])]
        case .cue: return one(s.cues[row])
        case .date: return one(s.dates[row])
        case .dateText: return one(s.dateTexts[row])
        case .channel: return one(s.channels[row])
        case .place: return one(s.places[row])
        case .status: return one(s.statuses[row])
        case .topics: return s.topics[row].map { .string($0) }
        case .mentions: return s.mentions[row].map { .string($0) }
        case .confidence: return s.confidence(row: row).map { [.number($0)] } ?? []
        case .datePart(let part): return one(s.date(row: row).flatMap { $0.part(part) })
        case .figure(let part): return s.figures(row: row).compactMap { $0.value(of: part) }
        case .document(let name): return document(ofRow: row).map { $0.values(of: name) } ?? []
        case .speakerEntity(let name): return speakerEntity(ofRow: row).map { entities[$0].values(of: name) } ?? []
        case .extra(let name): return s.extras[name]?[row].map(Self.fieldValues) ?? []
        }
    }

    static func fieldValues(_ json: JSONValue) -> [FieldValue] {
        if case .array(let items) = json { return items.compactMap { FieldValue($0.value) } }
        return FieldValue(json).map { [$0] } ?? []
    }
}

extension Document {
    public func values(of name: String) -> [FieldValue] {
        func one(_ value: String?) -> [FieldValue] { value.map { [.string($0)] } ?? [] }
        switch name {
        case "id": return [.string(id)]
        case "title": return one(title)
        case "source": return one(source)
        case "url": return one(url)
        case "published": return one(published?.text)
        case "authors": return authors.map { .string($0) }
        case "language": return one(language)
        case "place": return one(place)
        case "text": return one(text)
        default: return extra.first { $0.key == name }.map { Corpus.fieldValues($0.value.value) } ?? []
        }
    }
}

extension Figure {
    public func value(of part: Field.FigurePart) -> FieldValue? {
        switch part {
        case .value: .number(value)
        case .unit: unit.map { .string($0) }
        case .what: what.map { .string($0) }
        case .stance: stance.map { .string($0) }
        case .by: by.map { .string($0) }
        }
    }
}

extension CorpusDate {
    /// "2025", "2025-11", "2025-11-07", "2025-W45" or "Friday", when the date is precise enough.
    public func part(_ part: Field.DatePart) -> String? {
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        switch part {
        case .year: return String(year)
        case .month: return month > 0 ? "\(year)-\(pad(month))" : nil
        case .day: return day > 0 ? "\(year)-\(pad(month))-\(pad(day))" : nil
        case .week: return isoWeek
        case .weekday: return weekdayIndex.map { Self.weekdayNames[$0] }
        }
    }
}
