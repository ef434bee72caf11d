import Foundation

/// The row of each statement id, found by hashing the ids' bytes in place (a `[String: Int]` of a
/// million ids would make a million strings). Also lists the rows whose id an earlier row has.
///
/// Built on every core: the ids are hashed in parallel, then each part of the hash space (picked by
/// the hash's top bits) has a table of its own, filled by its own thread in row order.
struct IDIndex {
    private let ids: TextColumn
    /// Each row's id hash: bytes are compared only when the hashes agree.
    private let hashes: [UInt32]
    /// Per part, slots holding a row + 1 (0 when empty). Each count is a power of two.
    private var tables: [[UInt32]]
    private let partShift: UInt32
    /// (row, first row with the same id), in row order.
    private(set) var duplicates: [(row: Int, first: Int)] = []

    init(_ ids: TextColumn) {
        self.ids = ids
        let count = ids.count
        let partBits = count >= Parallel.threshold && Parallel.parts > 1 ? 1 : 0
        partShift = UInt32(32 - partBits)
        let parts = 1 << partBits
        let seed = ByteInterner.runSeed
        var hashes = [UInt32](repeating: 0, count: count)
        hashes.withUnsafeMutableBufferPointer { out in
            let work = UncheckedBox((out, ids))
            _ = Parallel.map(count: count) { range in
                let (out, ids) = work.value
                ids.bytes.withUnsafeBufferPointer { bytes in
                    for row in range {
                        out[row] = ByteInterner.hash(UnsafeBufferPointer(rebasing: bytes[ids.starts[row]..<ids.starts[row + 1]]), seed: seed)
                    }
                }
            }
        }
        let shift = partShift
        let built = hashes.withUnsafeBufferPointer { hashes in
            let work = UncheckedBox((hashes, ids))
            return Parallel.map(count: parts, threshold: 2) { partRange in
                let (hashes, ids) = work.value
                return partRange.map { Self.table(part: $0, shift: shift, hashes: hashes, ids: ids) }
            }.flatMap { $0 }
        }
        tables = built.map(\.slots)
        duplicates = built.flatMap(\.duplicates).sorted { $0.row < $1.row }
        self.hashes = hashes
    }

    /// The table of one part of the hash space, and the repeated ids it found.
    private static func table(part: Int, shift: UInt32, hashes: UnsafeBufferPointer<UInt32>, ids: TextColumn)
        -> (slots: [UInt32], duplicates: [(row: Int, first: Int)]) {
        let inPart = { (hash: UInt32) in shift == 32 || Int(hash >> shift) == part }
        var size = 16
        let members = hashes.count { inPart($0) }
        while size < members * 2 { size *= 2 }
        var slots = [UInt32](repeating: 0, count: size)
        var duplicates: [(row: Int, first: Int)] = []
        let mask = size - 1
        ids.bytes.withUnsafeBufferPointer { bytes in
            slots.withUnsafeMutableBufferPointer { slots in
                for row in 0..<hashes.count where inPart(hashes[row]) {
                    let hash = hashes[row]
                    let id = ids.starts[row]..<ids.starts[row + 1]
                    var i = Int(hash) & mask
                    while true {
                        let slot = slots[i]
                        if slot == 0 { slots[i] = UInt32(row + 1); break }
                        let other = Int(slot) - 1
                        if hashes[other] == hash {
                            if equal(bytes, ids.starts[other]..<ids.starts[other + 1], UnsafeBufferPointer(rebasing: bytes[id])) {
                                duplicates.append((row, other))
                                break
                            }
                        }
                        i = (i + 1) & mask
                    }
                }
            }
        }
        return (slots, duplicates)
    }

    /// Whether every id is greater than the one before it, by its bytes. Then no two are the same,
    /// and no index is needed to tell (ids made in sequence, "s00000001", "s00000002"…, are so):
    /// one comparison of neighbours per row, on every core, and no memory.
    static func strictlyIncreasing(_ ids: TextColumn) -> Bool {
        let count = ids.count
        guard count > 1 else { return true }
        let work = UncheckedBox(ids)
        return Parallel.map(count: count - 1) { range in
            let ids = work.value
            return ids.bytes.withUnsafeBufferPointer { bytes in
                ids.starts.withUnsafeBufferPointer { starts in
                    range.allSatisfy { i in    // ids i and i + 1
                        let a = starts[i]..<starts[i + 1], b = starts[i + 1]..<starts[i + 2]
                        let common = min(a.count, b.count)
                        let order = common == 0 ? 0 : memcmp(bytes.baseAddress! + a.lowerBound, bytes.baseAddress! + b.lowerBound, common)
                        return order < 0 || (order == 0 && a.count < b.count)
                    }
                }
            }
        }.allSatisfy { $0 }
    }

    /// The first row whose id is `id`.
    func row(of id: String) -> Int? {
        var id = id
        return id.withUTF8 { id in
            ids.bytes.withUnsafeBufferPointer { bytes in
                let hash = ByteInterner.hash(id)
                let slots = tables[partShift == 32 ? 0 : Int(hash >> partShift)]
                let mask = slots.count - 1
                var i = Int(hash) & mask
                while true {
                    let slot = slots[i]
                    if slot == 0 { return nil }
                    let row = Int(slot) - 1
                    if hashes[row] == hash {
                        if Self.equal(bytes, ids.starts[row]..<ids.starts[row + 1], id) { return row }
                    }
                    i = (i + 1) & mask
                }
            }
        }
    }

    private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ other: UnsafeBufferPointer<UInt8>) -> Bool {
        guard range.count == other.count else { return false }
        if other.isEmpty { return true }
        return memcmp(bytes.baseAddress! + range.lowerBound, other.baseAddress!, other.count) == 0
    }
}
