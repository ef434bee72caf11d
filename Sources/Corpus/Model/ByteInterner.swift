import Foundation

/// Finds the code of a string from its UTF-8 bytes, without making a `String`: an open-addressing
/// table over a pool of the distinct values' bytes. Loading looks up a dozen values per statement,
/// and Swift's `Dictionary<String, …>` spends most of that time hashing and bridging strings.
struct ByteInterner: Sendable {
    /// The bytes of value `i` are `pool[ends[i - 1]..<ends[i]]` (from 0 for the first).
    private var pool: [UInt8] = []
    private var ends: [Int] = []
    private var hashes: [UInt32] = []
    /// For each used slot, the value's hash in the high half and its code + 1 in the low half; 0 for
    /// an empty slot. The count is a power of two.
    private var slots: [UInt64] = []
    /// The run's hash seed, kept here: a global is checked for initialisation on every use.
    private let seed = ByteInterner.runSeed

    var count: Int { ends.count }

    /// The code of `bytes`, if interned.
    func code(of bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard !slots.isEmpty else { return nil }
        let hash = Self.hash(bytes, seed: seed)
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var i = Int(hash) & mask
            while true {
                let slot = slots[i]
                if slot == 0 { return nil }
                if UInt32(truncatingIfNeeded: slot >> 32) == hash {
                    let code = Int(UInt32(truncatingIfNeeded: slot)) - 1
                    if equals(code, bytes) { return Int32(code) }
                }
                i = (i + 1) & mask
            }
        }
    }

    /// Adds `bytes` (not interned yet) as the next code, and returns it.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let code = Int32(ends.count)
        pool.append(contentsOf: bytes)
        ends.append(pool.count)
        let hash = Self.hash(bytes, seed: seed)
        hashes.append(hash)
        if ends.count * 2 > slots.count {
            grow()
        } else {
            place(code, hash: hash)
        }
        return code
    }

    private func equals(_ code: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = code == 0 ? 0 : Int(ends[code - 1])
        let end = Int(ends[code])
        guard end - start == bytes.count else { return false }
        if bytes.isEmpty { return true }
        return pool.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0 }
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

    /// A seeded multiply-and-mix hash, eight bytes at a time. The seed differs between runs, so a
    /// crafted corpus cannot count on collisions to make loading slow.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64 = runSeed) -> UInt32 {
        var h = seed ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return UInt32(truncatingIfNeeded: h >> 32) }
        let raw = UnsafeRawPointer(base)
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
            i += 8
        }
        if i < n {
            // The last bytes without a byte loop: overlapping loads that stay inside the buffer.
            let tail: UInt64
            if n >= 8 {
                tail = raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            } else if n >= 4 {
                tail = UInt64(raw.loadUnaligned(as: UInt32.self)) | UInt64(raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)) << 32
            } else {
                tail = UInt64(base[0]) | UInt64(base[n / 2]) << 8 | UInt64(base[n - 1]) << 16
            }
            h = (h ^ tail) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
        }
        h = h &* 0x94D0_49BB_1331_11EB
        return UInt32(truncatingIfNeeded: h >> 32)
    }

    static let runSeed = UInt64.random(in: 0...UInt64.max)
}
