import Foundation

/// Which texts of a column are the same, found by hashing their bytes in place (a `[String: Int]`
/// of a million texts would make a million strings), for every row or for some rows in a given
/// order ("positions": position `i` is row `rows[i]`).
///
/// Built on every core: the texts are hashed in parallel, then each part of the hash space (picked
/// by the hash's top bits) has a table of its own, filled by its own thread in position order, so
/// the first position of each text is the one its table keeps.
struct EqualTexts {
    private let column: TextColumn
    private let rows: ColumnArray<Int32>?
    /// Each position's hash: bytes are compared only when the hashes agree.
    private let hashes: [UInt32]
    /// Per part, slots holding a position + 1 (0 when empty). Each count is a power of two.
    private let tables: [[UInt32]]
    private let partShift: UInt32

    /// The table of `column`'s texts at `rows` (every row when nil), and for each position the
    /// first position with the same text (itself for a text's first).
    static func grouping(_ column: TextColumn, rows: ColumnArray<Int32>? = nil) -> (EqualTexts, firsts: [Int32]) {
        let count = rows?.count ?? column.count
        let partBits = count >= Parallel.threshold && Parallel.parts > 1 ? 1 : 0
        let shift = UInt32(32 - partBits)
        let seed = ByteInterner.runSeed
        var hashes = [UInt32](repeating: 0, count: count)
        var firsts = [Int32](repeating: 0, count: count)
        hashes.withUnsafeMutableBufferPointer { out in
            let work = UncheckedBox((out, Texts(column: column, rows: rows)))
            _ = Parallel.map(count: count) { range in
                let (out, texts) = work.value
                texts.withBytes { text in
                    for position in range { out[position] = ByteInterner.hash(text(position), seed: seed) }
                }
            }
        }
        let tables = hashes.withUnsafeBufferPointer { hashes in
            firsts.withUnsafeMutableBufferPointer { firsts in
                let work = UncheckedBox((hashes, firsts, Texts(column: column, rows: rows)))
                return Parallel.map(count: 1 << partBits, threshold: 2) { parts in
                    let (hashes, firsts, texts) = work.value
                    return parts.map { table(part: $0, shift: shift, hashes: hashes, texts: texts, firsts: firsts) }
                }.flatMap { $0 }
            }
        }
        return (EqualTexts(column: column, rows: rows, hashes: hashes, tables: tables, partShift: shift), firsts)
    }

    /// The first position whose text is `text`.
    func position(of text: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = ByteInterner.hash(text)
        let slots = tables[partShift == 32 ? 0 : Int(hash >> partShift)]
        let mask = slots.count - 1
        return Texts(column: column, rows: rows).withBytes { textAt in
            var i = Int(hash) & mask
            while true {
                let slot = slots[i]
                if slot == 0 { return nil }
                let position = Int(slot) - 1
                if hashes[position] == hash && Self.equal(textAt(position), text) { return position }
                i = (i + 1) & mask
            }
        }
    }

    /// The table of one part of the hash space; writes `firsts` for the positions in that part.
    private static func table(part: Int, shift: UInt32, hashes: UnsafeBufferPointer<UInt32>, texts: Texts,
                              firsts: UnsafeMutableBufferPointer<Int32>) -> [UInt32] {
        let inPart = { (hash: UInt32) in shift == 32 || Int(hash >> shift) == part }
        var size = 16
        let members = hashes.count { inPart($0) }
        while size < members * 2 { size *= 2 }
        var slots = [UInt32](repeating: 0, count: size)
        let mask = size - 1
        texts.withBytes { text in
            slots.withUnsafeMutableBufferPointer { slots in
                for position in 0..<hashes.count where inPart(hashes[position]) {
                    let hash = hashes[position]
                    var i = Int(hash) & mask
                    while true {
                        let slot = slots[i]
                        if slot == 0 {
                            slots[i] = UInt32(position + 1)
                            firsts[position] = Int32(position)
                            break
                        }
                        let other = Int(slot) - 1
                        if hashes[other] == hash && equal(text(other), text(position)) {
                            firsts[position] = Int32(other)
                            break
                        }
                        i = (i + 1) & mask
                    }
                }
            }
        }
        return slots
    }

    private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        return a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0
    }

    /// The texts by position, read in place.
    private struct Texts {
        let column: TextColumn
        let rows: ColumnArray<Int32>?

        func withBytes<T>(_ body: ((Int) -> UnsafeBufferPointer<UInt8>) -> T) -> T {
            column.bytes.withUnsafeBufferPointer { bytes in
                column.starts.withUnsafeBufferPointer { starts in
                    body { position in
                        let row = rows.map { Int($0[position]) } ?? position
                        return UnsafeBufferPointer(rebasing: bytes[starts[row]..<starts[row + 1]])
                    }
                }
            }
        }
    }
}
