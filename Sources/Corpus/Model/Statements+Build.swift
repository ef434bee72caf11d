extension Statements {
    /// Stores the canonical name of each speaker, and the source's spelling where it differs.
    mutating func resolveSpeakers(_ canonical: [String: String]) {
        guard !canonical.isEmpty else {
            speakerTexts = InternedColumn()
            for _ in 0..<count { speakerTexts.append(nil) }
            return
        }
        let written = speakers
        speakers = InternedColumn()
        speakerTexts = InternedColumn()
        speakers.reserveCapacity(written.count)
        let pool = written.values.map { canonical[$0] ?? $0 }
        for code in written.codes {
            let original = written.values[Int(code)]
            let name = pool[Int(code)]
            speakers.append(name)
            speakerTexts.append(name == original ? nil : original)
        }
        var resolved = ListColumn()
        for row in 0..<mentions.count { resolved.append(mentions[row].map { canonical[$0] ?? $0 }) }
        mentions = resolved
    }

    /// The rows where `keep` is true, in order (used when bad records are skipped).
    func keeping(_ keep: [Bool]) -> Statements {
        var out = Statements()
        out.dateValues = []
        for row in 0..<count where keep[row] {
            out.ids.append(ids[row])
            out.documents.append(documents[row])
            out.speakers.append(speakers[row])
            out.speakerTexts.append(speakerTexts[row])
            out.roles.append(roles[row])
            out.affiliations.append(affiliations[row])
            out.kinds.append(kinds[row])
            out.texts.append(texts[row])
            out.cues.append(cues[row])
            out.dates.append(dates[row])
            if let date = date(row: row), out.dateValues.count < out.dates.values.count { out.dateValues.append(date) }
            out.dateTexts.append(dateTexts[row])
            out.channels.append(channels[row])
            out.places.append(places[row])
            out.topics.append(topics[row])
            out.mentions.append(mentions[row])
            out.figures.append(contentsOf: figures(row: row))
            out.figureStarts.append(Int32(out.figures.count))
            out.spanStarts.append(spanStarts[row])
            out.spanEnds.append(spanEnds[row])
            out.confidences.append(confidences[row])
            out.statuses.append(statuses[row])
            if let relations = relations[row] { out.relations[out.count - 1] = relations }
        }
        var kept: [Int] = []
        for row in 0..<count where keep[row] { kept.append(row) }
        out.extras = extras.mapValues { column in
            ExtraColumn.make(count: kept.count, values: Dictionary(uniqueKeysWithValues: kept.enumerated().compactMap { new, old in
                column[old].map { (new, $0) }
            }))
        }
        return out
    }
}
