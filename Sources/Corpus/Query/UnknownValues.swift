/// For a `where` that found nothing: the values it asked for that no statement has, each with the
/// one most like it. "khawaja asif" for "Khawaja Asif", or "ceasfire" for "ceasefire", gave an
/// empty collection that looked like an answer.
extension Corpus {
    public func unknownValues(in conditions: [Condition]) -> [String] {
        var notes: [String] = []
        // Dates name the days they cover, and an empty month is an answer: they are left out.
        for case .anyOf(let field, let values) in conditions where field != .date {
            let known: [String], has: (String) -> Bool
            if let column = internedColumn(field) ?? (field == .document("source") ? documentSources : nil) {
                (known, has) = (column.values, { column.existingCode(for: $0) != nil })
            } else if let list = listColumn(field) {
                (known, has) = (list.values, { list.existingCode(for: $0) != nil })
            } else if case .speakerEntity(let name) = field {
                // What the speakers' entities hold ("Pakistan" for "pakistan").
                let held = Set(speakerEntities.filter { $0 >= 0 }.flatMap { entities[Int($0)].values(of: name) }.map(\.description))
                (known, has) = (held.sorted(), held.contains)
            } else if case .figure = field {
                // What the figures hold ("claimed" for "claim").
                let held = Set(Selection(corpus: self).distinct(field).map(\.description))
                (known, has) = (held.sorted(), held.contains)
            } else {
                continue
            }
            var missing = 0
            for case .string(let value) in values where !has(field == .speaker ? canonicalName(value) : value) {
                missing += 1
                // A list of thousands of names is a script's, not a typing slip: the first few are
                // named, the rest counted (each suggestion searches the whole column).
                guard missing <= Self.valuesNamed else { continue }
                // The same but for case first; else the nearest by edit distance (a large column is not searched).
                let lowered = value.lowercased()
                let like = known.first { $0.lowercased() == lowered }
                    ?? (known.count <= 50_000 ? Field.suggestion(for: value, among: known) : nil)
                notes.append("no statement has \(field) \"\(shown: value)\"" + (like.map { " (did you mean \"\(shown: $0)\"?)" } ?? ""))
            }
            if missing > Self.valuesNamed {
                notes.append("no statement has the \(MessageText.count(missing - Self.valuesNamed, "other value")) of \(field) given")
            }
        }
        // A value of another kind than the field holds: where{speaker = 5}, where{confidence = "high"}.
        for condition in conditions {
            let values: [FieldValue]
            switch condition {
            case .anyOf(_, let given): values = given
            case .range(_, let from, let to): values = [from, to].compactMap { $0 }
            }
            if let note = Self.kindMismatch(condition.field, values) { notes.append(note) }
        }
        // A range whose bounds are the wrong way round ({from = "2025-11-01", to = "2025-10-01"}).
        for case .range(let field, let from?, let to?) in conditions where Self.runsBackwards(field, from: from, to: to) {
            notes.append("the range of \(field) runs backwards, from \(shown: from.description) to \(shown: to.description)")
        }
        return notes
    }

    /// How many values no statement has are named for one field.
    static let valuesNamed = 10

    /// What a field of text or of numbers was given of the other kind, said as what to write instead.
    private static func kindMismatch(_ field: Field, _ values: [FieldValue]) -> String? {
        let holdsNumbers: Bool
        switch field {
        case .confidence, .figure(.value): holdsNumbers = true
        case .id, .speaker, .speakerText, .role, .affiliation, .kind, .text, .cue, .dateText, .channel, .place,
             .topics, .mentions, .status, .figure(.unit), .figure(.what), .figure(.stance), .figure(.by): holdsNumbers = false
        default: return nil   // dates take years as numbers; other fields hold what their records hold
        }
        for value in values {
            switch (value, holdsNumbers) {
            case (.string(let text), true):
                return "\(field) holds numbers, not text such as \"\(shown: text)\""
            case (.number, false), (.bool, false):
                return "\(field) holds text: write \"\(value)\", not \(value)"
            case (.bool, true):
                return "\(field) holds numbers, not \(value)"
            default: continue
            }
        }
        return nil
    }

    private static func runsBackwards(_ field: Field, from: FieldValue, to: FieldValue) -> Bool {
        if field.rangesByDays, let low = CorpusDate((from.digits ?? from).description), let high = CorpusDate((to.digits ?? to).description) {
            return low.firstDay > high.lastDay
        }
        return to < from
    }
}
