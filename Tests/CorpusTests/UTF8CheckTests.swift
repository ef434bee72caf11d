@testable import Corpus
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
        }
    }
}
