/// Statements in one collection and not another, in both, or in either: what `where` cannot say
/// (it has no "not"), as SQL's EXCEPT, INTERSECT and UNION say it. Results are in corpus order.
extension Selection {
    public func union(_ other: Selection) -> Selection { combined(with: other) { $0 || $1 } }
    public func subtracting(_ other: Selection) -> Selection { combined(with: other) { $0 && !$1 } }
    public func intersection(_ other: Selection) -> Selection { combined(with: other) { $0 && $1 } }

    /// The rows for which `keep(in self, in other)` holds, through a bit per statement of the corpus.
    private func combined(with other: Selection, _ keep: (Bool, Bool) -> Bool) -> Selection {
        precondition(other.corpus === corpus, "sets of statements of two corpora")
        let mine = members(), theirs = other.members()
        var rows: [Int32] = []
        for row in 0..<corpus.count where keep(mine[row], theirs[row]) { rows.append(Int32(row)) }
        return Selection(corpus: corpus, rows: rows)
    }

    /// Whether each statement of the corpus is in this selection.
    private func members() -> [Bool] {
        if isWholeCorpus { return [Bool](repeating: true, count: corpus.count) }
        var members = [Bool](repeating: false, count: corpus.count)
        forEachRow { members[$0] = true }
        return members
    }
}

extension Selection {
    /// `n` statements drawn at random without replacement (all of them when there are fewer), in
    /// corpus order, the same for the same `seed` on every run and machine (SplitMix64, not the
    /// system's generator): a sample to read through that a colleague can draw again.
    public func sample(_ n: Int, seed: UInt64) -> Selection {
        let count = self.count
        guard n < count else { return self }
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        // Floyd's algorithm: n draws, whatever the size of the selection.
        var chosen = Set<Int>(minimumCapacity: max(n, 0))
        for j in (count - max(n, 0))..<count {
            let t = Int(next() % UInt64(j + 1))
            chosen.insert(chosen.contains(t) ? j : t)
        }
        return Selection(corpus: corpus, rows: chosen.sorted().map { Int32(row(at: $0)) })
    }
}
