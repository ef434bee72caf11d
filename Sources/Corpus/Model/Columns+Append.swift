/// Appending one column to another, as parallel loading merges the parts it read: codes are
/// mapped through the receiving column's pool, offsets shifted.
extension InternedColumn {
    /// Appends `other`'s rows; returns the map from `other`'s codes to this column's.
    @discardableResult
    mutating func append(contentsOf other: InternedColumn) -> [Int32] {
        let remap = other.values.map { code(for: $0) }
        remap.withUnsafeBufferPointer { remap in
            codes.append(mapping: other.codes) { $0 < 0 ? $0 : remap[Int($0)] }
        }
        return remap
    }
}

extension ListColumn {
    mutating func append(contentsOf other: ListColumn) {
        let remap = other.pool.values.map { pool.code(for: $0) }
        let base = Int32(items.count)
        remap.withUnsafeBufferPointer { remap in items.append(mapping: other.items) { remap[Int($0)] } }
        starts.append(mapping: other.starts, from: 1) { base + $0 }
    }
}

extension TextColumn {
    mutating func append(contentsOf other: TextColumn) {
        let base = bytes.count
        bytes.append(contentsOf: other.bytes)
        starts.append(mapping: other.starts, from: 1) { base + $0 }
    }
}

extension Statements {
    /// Appends the rows of `other` read by another loader thread (before `finish` derives the
    /// columns it computes: documents, speaker texts, extras).
    mutating func append(contentsOf other: Statements) {
        let rowBase = count
        ids.append(contentsOf: other.ids)
        speakers.append(contentsOf: other.speakers)
        roles.append(contentsOf: other.roles)
        affiliations.append(contentsOf: other.affiliations)
        kinds.append(contentsOf: other.kinds)
        texts.append(contentsOf: other.texts)
        cues.append(contentsOf: other.cues)
        let dateRemap = dates.append(contentsOf: other.dates)
        for (i, code) in dateRemap.enumerated() where Int(code) == dateValues.count { dateValues.append(other.dateValues[i]) }
        dateTexts.append(contentsOf: other.dateTexts)
        channels.append(contentsOf: other.channels)
        places.append(contentsOf: other.places)
        topics.append(contentsOf: other.topics)
        mentions.append(contentsOf: other.mentions)
        let figureBase = Int32(figures.count)
        figures.append(contentsOf: other.figures)
        figureStarts.append(mapping: other.figureStarts, from: 1) { figureBase + $0 }
        spanStarts.append(contentsOf: other.spanStarts)
        spanEnds.append(contentsOf: other.spanEnds)
        confidences.append(contentsOf: other.confidences)
        statuses.append(contentsOf: other.statuses)
        for (row, relations) in other.relations { self.relations[rowBase + row] = relations }
    }
}
