extension Selection {
    /// The statements whose text passes `test`, tested on all cores; nil as soon as `test` cannot
    /// say for some text (it returned nil: the caller knows why, and says so).
    public func filter(texts test: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> Bool?) -> Selection? {
        let texts = corpus.statements.texts
        let parts = Parallel.map(count: count, threshold: 1024) { range -> [Int32]? in
            var passed: [Int32] = []
            for i in range {
                let row = self.row(at: i)
                guard let passes = texts.withBytes(row: row, test) else { return nil }
                if passes { passed.append(Int32(row)) }
            }
            return passed
        }
        var kept = ColumnArray<Int32>()
        kept.reserveCapacity(parts.reduce(0) { $0 + ($1?.count ?? 0) })
        for part in parts {
            guard let part else { return nil }
            part.withUnsafeBufferPointer { kept.append(contentsOf: $0) }
        }
        return Selection(corpus: corpus, rows: kept)
    }
}
