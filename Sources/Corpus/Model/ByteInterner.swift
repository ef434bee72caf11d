import CorpusScan
import Foundation

/// Finds the code of a string from its UTF-8 bytes, without making a `String`: an open-addressing
/// table over a pool of the distinct values' bytes. Loading looks up a dozen values per statement,
/// and Swift's `Dictionary<String, …>` spends most of that time hashing and bridging strings.
struct ByteInterner: Sendable {
    /// The bytes of value `i` are `pool[ends[i - 1]..<ends[i]]` (from 0 for the first).
    private var pool: [UInt8] = []
    private var ends: [Int64] = []
    private var hashes: [UInt32] = []
    /// For each used slot, the value's hash in the high half and its code + 1 in the low half; 0 for
    /// an empty slot. The count is a power of two.
    private var slots: [UInt64] = []
    /// The run's hash seed, kept here: a global is checked for initialisation on every use.
    private let seed = ByteInterner.runSeed

    var count: Int { ends.count }

    init() {}

    /// A table laid out as this one is (`pr_interner`, built in C with the same seed), copied.
    init(pool: UnsafeBufferPointer<UInt8>, ends: UnsafeBufferPointer<Int64>, hashes: UnsafeBufferPointer<UInt32>, slots: UnsafeBufferPointer<UInt64>) {
        self.pool = Array(pool)
        self.ends = Array(ends)
        self.hashes = Array(hashes)
        self.slots = Array(slots)
    }

    /// The code of `bytes`, if interned.
    func code(of bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard !slots.isEmpty else { return nil }
        let hash = Self.hash(bytes, seed: seed)
        let code = slots.withUnsafeBufferPointer { slots in
            pool.withUnsafeBufferPointer { pool in
                ends.withUnsafeBufferPointer { ends in
                    ps_lookup(slots.baseAddress, slots.count, pool.baseAddress, ends.baseAddress, hash, bytes.baseAddress, bytes.count)
                }
            }
        }
        return code < 0 ? nil : code
    }

    /// Adds `bytes` (not interned yet) as the next code, and returns it.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let code = Int32(ends.count)
        pool.append(contentsOf: bytes)
        ends.append(Int64(pool.count))
        let hash = Self.hash(bytes, seed: seed)
        hashes.append(hash)
        if ends.count * 2 > slots.count {
            grow()
        } else {
            place(code, hash: hash)
        }
        return code
    }

    private mutating func place(_ code: Int32, hash: UInt32) {
        let mask = slots.count - 1
        var i = Int(hash) & mask
        slots.withUnsafeMutableBufferPointer { slots in
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = UInt64(hash) << 32 | UInt64(code + 1)
        }
    }

    private mutating func grow() {
        slots = [UInt64](repeating: 0, count: max(16, slots.count * 2))
        for code in 0..<ends.count { place(Int32(code), hash: hashes[code]) }
    }

    /// A seeded multiply-and-mix hash (`ps_hash`). The seed differs between runs, so a crafted
    /// corpus cannot count on collisions to make loading slow.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64 = runSeed) -> UInt32 {
        ps_hash(bytes.baseAddress, bytes.count, seed)
    }

    static let runSeed = UInt64.random(in: 0...UInt64.max)
}
