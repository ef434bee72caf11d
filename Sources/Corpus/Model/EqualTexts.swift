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
    /// Every part's table, one after another: slots holding a position + 1 (0 when empty).
    private let slots: [UInt32]
    /// Each part's table: its slots in `slots`, a power of two of them.
    private let parts: [Range<Int>]
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
        var parts: [Range<Int>] = []
        var slots: [UInt32] = []
        withTexts(column, rows) { texts in
            hashes.withUnsafeMutableBufferPointer { out in
                let work = UncheckedBox((out, texts))
                _ = Parallel.map(count: count) { range in
                    let (out, texts) = work.value
                    for position in range { out[position] = ByteInterner.hash(texts[position], seed: seed) }
                }
            }
            // Each part's table is sized for its members; all of them share one array.
            let upper = partBits == 0 ? 0 : hashes.count { $0 >> shift == 1 }
            for members in partBits == 0 ? [count] : [count - upper, upper] {
                var size = 16
                while size < members * 2 { size *= 2 }
                parts.append(slots.count..<(slots.count + size))
                slots += repeatElement(0, count: size)
            }
            hashes.withUnsafeBufferPointer { hashes in
                firsts.withUnsafeMutableBufferPointer { firsts in
                    slots.withUnsafeMutableBufferPointer { slots in
                        let work = UncheckedBox((hashes, firsts, slots, texts, parts))
                        _ = Parallel.each(parts.count) { part in
                            let (hashes, firsts, slots, texts, parts) = work.value
                            fill(UnsafeMutableBufferPointer(rebasing: slots[parts[part]]), part: part, shift: shift,
                                 hashes: hashes, texts: texts, firsts: firsts)
                        }
                    }
                }
            }
        }
        return (EqualTexts(column: column, rows: rows, hashes: hashes, slots: slots, parts: parts, partShift: shift), firsts)
    }

    /// Runs `body` with a lookup of texts' first positions, for many texts: the tables' memory is held once for all of them,
    /// not retained and released for each (which, with threads looking up at once, made them
    /// contend for the same counts).
    func withLookup<T>(_ body: (Lookup) -> T) -> T {
        Self.withTexts(column, rows) { texts in
            hashes.withUnsafeBufferPointer { hashes in
                slots.withUnsafeBufferPointer { slots in
                    parts.withUnsafeBufferPointer { parts in
                        body(Lookup(texts: texts, hashes: hashes, slots: slots, parts: parts, partShift: partShift))
                    }
                }
            }
        }
    }

    /// The first positions of texts, valid inside `withLookup` only.
    struct Lookup {
        fileprivate let texts: TextsInPlace
        fileprivate let hashes: UnsafeBufferPointer<UInt32>
        fileprivate let slots: UnsafeBufferPointer<UInt32>
        fileprivate let parts: UnsafeBufferPointer<Range<Int>>
        fileprivate let partShift: UInt32

        func position(of text: UnsafeBufferPointer<UInt8>) -> Int? {
            let hash = ByteInterner.hash(text)
            let slots = UnsafeBufferPointer(rebasing: slots[parts[partShift == 32 ? 0 : Int(hash >> partShift)]])
            let mask = slots.count - 1
            var i = Int(hash) & mask
            while true {
                let slot = slots[i]
                if slot == 0 { return nil }
                let position = Int(slot) - 1
                if hashes[position] == hash && EqualTexts.equal(texts[position], text) { return position }
                i = (i + 1) & mask
            }
        }
    }

    /// Fills the table of one part of the hash space; writes `firsts` for the positions in that part.
    private static func fill(_ slots: UnsafeMutableBufferPointer<UInt32>, part: Int, shift: UInt32,
                             hashes: UnsafeBufferPointer<UInt32>, texts: TextsInPlace, firsts: UnsafeMutableBufferPointer<Int32>) {
        let mask = slots.count - 1
        for position in 0..<hashes.count where shift == 32 || Int(hashes[position] >> shift) == part {
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
                if hashes[other] == hash && equal(texts[other], texts[position]) {
                    firsts[position] = Int32(other)
                    break
                }
                i = (i + 1) & mask
            }
        }
    }

    fileprivate static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        return a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0
    }

    /// Runs `body` with the texts by position, read in place.
    private static func withTexts<T>(_ column: TextColumn, _ rows: ColumnArray<Int32>?, _ body: (TextsInPlace) -> T) -> T {
        column.bytes.withUnsafeBufferPointer { bytes in
            column.starts.withUnsafeBufferPointer { starts in
                guard let rows else { return body(TextsInPlace(bytes: bytes, starts: starts, rows: nil)) }
                return rows.withUnsafeBufferPointer { body(TextsInPlace(bytes: bytes, starts: starts, rows: $0)) }
            }
        }
    }
}

/// A column's texts by position (`rows[position]`, or the row itself), valid inside
/// `EqualTexts.withTexts` only.
private struct TextsInPlace {
    let bytes: UnsafeBufferPointer<UInt8>
    let starts: UnsafeBufferPointer<Int>
    let rows: UnsafeBufferPointer<Int32>?

    subscript(position: Int) -> UnsafeBufferPointer<UInt8> {
        let row = rows.map { Int($0[position]) } ?? position
        return UnsafeBufferPointer(rebasing: bytes[starts[row]..<starts[row + 1]])
    }
}
