@testable import Corpus
import CorpusScan
import Testing
import TestSupport

/// The quick reader's UTF-8 check must agree with Swift's own validation on any bytes.
@Suite struct UTF8CheckTests {
    @Test func agreesWithSwiftOnRandomBytes() {
        var numbers = SeededNumbers(seed: 99)
        func next(_ bound: Int) -> Int { numbers.next(bound) }
        // Bytes drawn mostly from the interesting ranges: ASCII, continuations, lead bytes of every length.
        let pieces: [[UInt8]] = [[0x41], [0x80], [0xBF], [0xC0], [0xC2], [0xDF], [0xE0], [0xED], [0xEF], [0xF0], [0xF4], [0xF5], [0xFF],
                                 [0xA0], [0x9F], [0x8F], [0x90], Array("é".utf8), Array("€".utf8), Array("🙂".utf8)]
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<next(8) { bytes += pieces[next(pieces.count)] }
            let swift = String(validating: bytes, as: UTF8.self) != nil
            let ours = bytes.withUnsafeBufferPointer { UTF8Check.isValid($0) }
            #expect(ours == swift, "\(bytes)")
            let byBlocks = bytes.withUnsafeBufferPointer { ps_utf8_valid_by_blocks($0.baseAddress, $0.count) != 0 }
            #expect(byBlocks == swift, "\(bytes)")
        }
    }

    /// Sixteen bytes at a time, a sequence may be cut by a block's end or the string's: strings of
    /// every length up to 200, shifted by ASCII of every length, with bad bytes anywhere, as Swift says.
    @Test func agreesWithSwiftSixteenBytesAtATime() {
        var numbers = SeededNumbers(seed: 7)
        func next(_ bound: Int) -> Int { numbers.next(bound) }
        let good: [[UInt8]] = ["a", " ", "é", "ب", "پ", "€", "中", "🙂", "\u{10FFFF}", "\u{D7FF}", "\u{E000}", "\u{800}", "\u{80}", "\u{7FF}", "\u{FFFF}", "\u{10000}"].map { Array($0.utf8) }
        let bad: [[UInt8]] = [[0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC2], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80],
                              [0xED, 0xBF, 0xBF], [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
                              [0xFF], [0xFE], [0xE2, 0x82], [0xF0, 0x9F, 0x99], [0xE2, 0x41, 0x82], [0xC3, 0xA9, 0xA9]]
        var checked = (valid: 0, invalid: 0)
        for _ in 0..<30_000 {
            var bytes = [UInt8](repeating: 0x20, count: next(20))
            while bytes.count < 8 + next(200) { bytes += good[next(good.count)] }
            if next(2) == 0 { bytes.insert(contentsOf: bad[next(bad.count)], at: next(bytes.count + 1)) }
            if next(4) == 0 { bytes.removeLast(next(min(3, bytes.count) + 1)) }
            let swift = String(validating: bytes, as: UTF8.self) != nil
            let byBlocks = bytes.withUnsafeBufferPointer { ps_utf8_valid_by_blocks($0.baseAddress, $0.count) != 0 }
            let scalar = bytes.withUnsafeBufferPointer { ps_utf8_valid_scalar($0.baseAddress, $0.count) != 0 }
            #expect(byBlocks == swift && scalar == swift, "\(bytes)")
            if swift { checked.valid += 1 } else { checked.invalid += 1 }
        }
        #expect(checked.valid > 5_000 && checked.invalid > 5_000, "both kinds checked: \(checked)")
    }

    /// Every pair of a byte outside ASCII and any byte, followed by bytes at every edge of the
    /// continuations' ranges, between ASCII and across a block's end: sixteen bytes at a time as a
    /// character at a time (which agrees with Swift, above).
    @Test func everyShortSequenceAgreesCharacterByCharacter() {
        var disagreements: [[UInt8]] = []
        var bytes = [UInt8](repeating: 0x61, count: 40)
        for first in 0x80...0xFF {
            for second in 0...0xFF {
                for third in [0x41, 0x80, 0x9F, 0xA0, 0xBF, 0xC3] as [UInt8] {
                    for fourth in [0x41, 0x80, 0x8F, 0x90, 0xBF] as [UInt8] {
                        for shift in [0, 13, 14, 15] {
                            bytes.replaceSubrange(shift..<shift + 4, with: [UInt8(first), UInt8(second), third, fourth])
                            let (blocks, scalar) = bytes.withUnsafeBufferPointer {
                                (ps_utf8_valid_by_blocks($0.baseAddress, $0.count), ps_utf8_valid_scalar($0.baseAddress, $0.count))
                            }
                            if blocks != scalar && disagreements.count < 5 { disagreements.append(Array(bytes[shift..<shift + 4])) }
                            bytes.replaceSubrange(shift..<shift + 4, with: [0x61, 0x61, 0x61, 0x61])
                        }
                    }
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements)")
    }
}
