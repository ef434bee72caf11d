extension Statements {
    /// Stores the canonical name of each speaker, and the source's spelling where it differs.
    mutating func resolveSpeakers(_ canonical: [String: String]) {
        guard !canonical.isEmpty else {
            speakerTexts = InternedColumn()
            for _ in 0..<count { speakerTexts.append(nil) }
            return
        }
        // By codes: each written name's canonical code and spelling's code, taken in the order the
        // names first appear (as appending row by row numbers them, which took 60 ms a million rows).
        let written = speakers
        speakers = InternedColumn()
        speakerTexts = InternedColumn()
        var nameCodes: [Int32] = [], spellingCodes: [Int32] = []
        for original in written.values {
            let name = canonical[original] ?? original
            nameCodes.append(speakers.code(for: name))
            spellingCodes.append(name == original ? InternedColumn.missing : speakerTexts.code(for: original))
        }
        speakers.codes.append(mapping: written.codes) { $0 < 0 ? $0 : nameCodes[Int($0)] }
        speakerTexts.codes.append(mapping: written.codes) { $0 < 0 ? $0 : spellingCodes[Int($0)] }
        var pool = InternedColumn()
        let mentionCodes = mentions.pool.values.map { pool.code(for: canonical[$0] ?? $0) }
        var items = ColumnArray<Int32>()
        items.append(mapping: mentions.items) { mentionCodes[Int($0)] }
        mentions = ListColumn(pool: pool, starts: mentions.starts, items: items)
    }
}
