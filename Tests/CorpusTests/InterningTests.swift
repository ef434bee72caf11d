@testable import Corpus
import CorpusScan
import Testing

/// `ps_lookup` compares a candidate's bytes only when the hashes agree; these tables are made by
/// hand so that they do, and so every length and every differing byte is compared.
@Suite struct InterningTests {
    @Test func valuesWithTheSameHashAreToldApartByEveryByte() {
        for length in 0...40 {
            let value = (0..<length).map { UInt8(truncatingIfNeeded: 97 + $0 * 7) }
            let hash: UInt32 = 0x1234_5678
            var slots = [UInt64](repeating: 0, count: 16)
            slots[Int(hash) & 15] = UInt64(hash) << 32 | 1            // code 0, with that hash
            let ends: [Int64] = [Int64(length)]
            func lookup(_ bytes: [UInt8]) -> Int32 {
                value.withUnsafeBufferPointer { pool in
                    bytes.withUnsafeBufferPointer { bytes in
                        ps_lookup(slots, slots.count, pool.baseAddress, ends, hash, bytes.baseAddress, bytes.count)
                    }
                }
            }
            #expect(lookup(value) == 0, "length \(length)")
            for k in 0..<length {
                var other = value
                other[k] ^= 0x20
                #expect(lookup(other) == -1, "length \(length), byte \(k)")
            }
            #expect(lookup(value + [1]) == -1 && (length == 0 || lookup(Array(value.dropLast())) == -1))
        }
    }

    @Test func theInternerFindsWhatItWasGiven() {
        var interner = ByteInterner()
        let values = (0..<5_000).map { "value \($0) " + String(repeating: "x", count: $0 % 37) }
        for (i, value) in values.enumerated() {
            var value = value
            let code = value.withUTF8 { bytes in interner.code(of: bytes) ?? interner.insert(bytes) }
            #expect(code == Int32(i))
        }
        for (i, value) in values.enumerated() {
            var value = value
            #expect(value.withUTF8 { interner.code(of: $0) } == Int32(i))
        }
        var absent = "value 5000 "
        #expect(absent.withUTF8 { interner.code(of: $0) } == nil)
    }
}
