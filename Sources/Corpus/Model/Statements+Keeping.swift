import Foundation

/// Keeping some rows of the columns (the statements left once bad records are skipped), column by
/// column: codes are renumbered, not the strings interned again row by row (which took 1.2 s and
/// a second copy of every column for 15 duplicate ids among a million statements).
extension Statements {
    /// Keeps the rows where `keep` is true, in order. Each column is replaced as soon as its kept
    /// rows are copied, so that at most one column is held twice.
    mutating func keep(_ keep: [Bool]) {
        var rows: [Int] = []
        rows.reserveCapacity(count)
        for row in 0..<count where keep[row] { rows.append(row) }
        // Each old row's new index (-1: left out), for what is kept by row rather than in rows.
        var newRow = [Int32](repeating: -1, count: count)
        for (i, row) in rows.enumerated() { newRow[row] = Int32(i) }

        ids.keep(rows)
        texts.keep(rows)
        documents.keep(rows)
        for path in Statements.internedColumns {
            self[keyPath: path] = self[keyPath: path].keeping(rows).column
        }
        dates.keep(rows)
        topics = topics.keeping(rows)
        mentions = mentions.keeping(rows)
        var keptFigures: [Figure] = []
        var keptStarts: ColumnArray<Int32> = [0]
        keptStarts.reserveCapacity(rows.count + 1)
        for row in rows {
            keptFigures += figures(row: row)
            keptStarts.append(Int32(keptFigures.count))
        }
        (figures, figureStarts) = (keptFigures, keptStarts)
        spanStarts.keep(rows)
        spanEnds.keep(rows)
        confidences.keep(rows)
        var keptRelations: [Int: [Relation]] = [:]
        for (row, list) in relations where newRow[row] >= 0 { keptRelations[Int(newRow[row])] = list }
        relations = keptRelations
        extras = extras.mapValues { $0.keeping(rows, newRow: newRow) }
    }
}

extension ColumnArray {
    /// Keeps the elements at `rows` (ascending), in order: moved down in place when the column owns
    /// its values (an element only ever moves to a lower index), copied otherwise.
    mutating func keep(_ rows: [Int]) {
        guard ownsItsValues() else {
            var kept = ColumnArray()
            kept.reserveCapacity(rows.count)
            withUnsafeBufferPointer { values in
                for row in rows { kept.append(values[row]) }
            }
            self = kept
            return
        }
        rearrange { values in
            for (i, row) in rows.enumerated() { values[i] = values[row] }
            return rows.count
        }
    }
}

extension TextColumn {
    /// Keeps the rows at `rows` (ascending), in order: moved down in place when the column owns its
    /// memory (the texts of a million statements are not copied a second time), copied otherwise.
    mutating func keep(_ rows: [Int]) {
        guard bytes.ownsItsValues(), starts.ownsItsValues() else {
            var kept = TextColumn()
            kept.reserveCapacity(rows: rows.count, bytes: rows.reduce(0) { $0 + starts[$1 + 1] - starts[$1] })
            bytes.withUnsafeBufferPointer { bytes in
                for row in rows { kept.append(utf8: UnsafeBufferPointer(rebasing: bytes[starts[row]..<starts[row + 1]])) }
            }
            self = kept
            return
        }
        // The bytes first, read through the old starts; then the starts, each new one written
        // where no later row's old one is still to be read (row i's is read at index rows[i] ≥ i).
        starts.withUnsafeBufferPointer { starts in
            bytes.rearrange { bytes in
                var end = 0
                for row in rows {
                    let length = starts[row + 1] - starts[row]
                    if end != starts[row] { memmove(bytes + end, bytes + starts[row], length) }
                    end += length
                }
                return end
            }
        }
        starts.rearrange { starts in
            for (i, row) in rows.enumerated() {
                let length = starts[row + 1] - starts[row]
                starts[i + 1] = starts[i] + length
            }
            return rows.count + 1
        }
    }
}

extension InternedColumn {
    /// The rows at `rows` (ascending), in order, with only the values they use, numbered in order
    /// of first appearance (as when the rows are appended one by one); and the old code of each
    /// new one.
    func keeping(_ rows: [Int]) -> (column: InternedColumn, oldCodes: [Int32]) {
        var renumbered = [Int32](repeating: -1, count: values.count)
        var oldCodes: [Int32] = []
        var kept = ColumnArray<Int32>()
        kept.reserveCapacity(rows.count)
        codes.withUnsafeBufferPointer { codes in
            for row in rows {
                kept.append(renumber(codes[row], &renumbered, &oldCodes))
            }
        }
        var column = InternedColumn()
        for code in oldCodes { _ = column.code(for: values[Int(code)]) }
        column.codes = kept
        return (column, oldCodes)
    }
}

extension ListColumn {
    /// The rows at `rows` (ascending), in order, with only the items they use.
    func keeping(_ rows: [Int]) -> ListColumn {
        var renumbered = [Int32](repeating: -1, count: pool.values.count)
        var oldCodes: [Int32] = []
        var keptItems = ColumnArray<Int32>(), keptStarts: ColumnArray<Int32> = [0]
        keptStarts.reserveCapacity(rows.count + 1)
        items.withUnsafeBufferPointer { items in
            starts.withUnsafeBufferPointer { starts in
                for row in rows {
                    for i in Int(starts[row])..<Int(starts[row + 1]) { keptItems.append(renumber(items[i], &renumbered, &oldCodes)) }
                    keptStarts.append(Int32(keptItems.count))
                }
            }
        }
        var keptPool = InternedColumn()
        for code in oldCodes { _ = keptPool.code(for: pool.values[Int(code)]) }
        return ListColumn(pool: keptPool, starts: keptStarts, items: keptItems)
    }
}

extension ExtraColumn {
    /// The rows at `rows` (ascending), in order; `newRow` gives each old row's new index (-1: left out).
    func keeping(_ rows: [Int], newRow: [Int32]) -> ExtraColumn {
        switch self {
        case .strings(let column):
            return .strings(column.keeping(rows).column)
        case .sparse(let sparse):
            var keptRows = ColumnArray<Int32>(), keptTexts = TextColumn()
            for i in 0..<sparse.rows.count where newRow[Int(sparse.rows[i])] >= 0 {
                keptRows.append(newRow[Int(sparse.rows[i])])
                sparse.texts.withBytes(row: i) { keptTexts.append(utf8: $0) }
            }
            return .sparse(SparseValues(count: rows.count, rows: keptRows, texts: keptTexts))
        }
    }
}

/// `code`'s new number among the values kept so far, given one on first sight (a missing value
/// stays missing).
@inline(__always)
private func renumber(_ code: Int32, _ renumbered: inout [Int32], _ oldCodes: inout [Int32]) -> Int32 {
    guard code >= 0 else { return code }
    if renumbered[Int(code)] < 0 {
        renumbered[Int(code)] = Int32(oldCodes.count)
        oldCodes.append(code)
    }
    return renumbered[Int(code)]
}
