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
