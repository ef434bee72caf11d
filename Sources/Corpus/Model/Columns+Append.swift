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

extension TextColumn {
    /// `append(contentsOf:)` that empties `other` as it goes (see `ColumnArray.append(draining:)`).
    mutating func absorb(_ other: inout TextColumn) {
        let base = bytes.count
        starts.append(mapping: other.starts, from: 1) { base + $0 }
        other.starts = [0]
        bytes.append(draining: &other.bytes)
    }
}

extension Statements {
    /// Takes in the rows of `other`, read by another loader thread (before `finish` derives the
    /// columns it computes: documents, speaker texts, extras), all but the texts, which the caller
    /// merges on another core. Each of `other`'s columns is emptied once appended, so that the two
    /// copies of a column never coexist.
    mutating func absorbAllButTexts(_ other: inout Statements) {
        func move<C>(_ column: inout C, into target: inout C, empty: C, _ append: (inout C, C) -> Void) {
            append(&target, column)
            column = empty
        }
        let rowBase = ids.count
        move(&other.ids, into: &ids, empty: TextColumn()) { $0.append(contentsOf: $1) }
        for path in Statements.internedColumns {
            move(&other[keyPath: path], into: &self[keyPath: path], empty: InternedColumn()) { $0.append(contentsOf: $1) }
        }
        move(&other.dates, into: &dates, empty: DateColumn()) { $0.append(contentsOf: $1) }
        move(&other.topics, into: &topics, empty: ListColumn()) { $0.append(contentsOf: $1) }
        move(&other.mentions, into: &mentions, empty: ListColumn()) { $0.append(contentsOf: $1) }
        let figureBase = Int32(figures.count)
        figures.append(contentsOf: other.figures)
        figureStarts.append(mapping: other.figureStarts, from: 1) { figureBase + $0 }
        other.figures = []
        other.figureStarts = [0]
        for path in [\Statements.spanStarts, \.spanEnds] {
            move(&other[keyPath: path], into: &self[keyPath: path], empty: ColumnArray()) { $0.append(contentsOf: $1) }
        }
        move(&other.confidences, into: &confidences, empty: ColumnArray()) { $0.append(contentsOf: $1) }
        for (row, relations) in other.relations { self.relations[rowBase + row] = relations }
        other.relations = [:]
    }
}
