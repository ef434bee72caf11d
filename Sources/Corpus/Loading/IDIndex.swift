import Foundation

/// The row of each statement id, found by hashing the ids' bytes in place (a `[String: Int]` of a
/// million ids would make a million strings). Also lists the rows whose id an earlier row has.
struct IDIndex {
    private let ids: TextColumn
    /// Row + 1 of the first row with each id; 0 for an empty slot. The count is a power of two.
    private var slots: [Int32]
    /// (row, first row with the same id), in row order.
    private(set) var duplicates: [(row: Int, first: Int)] = []

    init(_ ids: TextColumn) {
        self.ids = ids
        var size = 16
        while size < ids.count * 2 { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
        let mask = size - 1
        let seed = ByteInterner.runSeed
        ids.bytes.withUnsafeBufferPointer { bytes in
            slots.withUnsafeMutableBufferPointer { slots in
                for row in 0..<ids.count {
                    let id = UnsafeBufferPointer(rebasing: bytes[ids.starts[row]..<ids.starts[row + 1]])
                    var i = Int(ByteInterner.hash(id, seed: seed)) & mask
                    while true {
                        let slot = slots[i]
                        if slot == 0 { slots[i] = Int32(row + 1); break }
                        let other = Int(slot - 1)
                        if Self.equal(bytes, ids.starts[other]..<ids.starts[other + 1], id) {
                            duplicates.append((row, other))
                            break
                        }
                        i = (i + 1) & mask
                    }
                }
            }
        }
    }

    /// The first row whose id is `id`.
    func row(of id: String) -> Int? {
        var id = id
        return id.withUTF8 { id in
            ids.bytes.withUnsafeBufferPointer { bytes in
                let mask = slots.count - 1
                var i = Int(ByteInterner.hash(id)) & mask
                while true {
                    let slot = slots[i]
                    if slot == 0 { return nil }
                    let row = Int(slot - 1)
                    if Self.equal(bytes, ids.starts[row]..<ids.starts[row + 1], id) { return row }
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
