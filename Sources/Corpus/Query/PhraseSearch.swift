/// Case-insensitive search for a phrase in UTF-8 text, on the bytes (no allocation per text): ASCII
/// letters with ASCII case folding; a letter that only itself and one capital lowercase to, whose
/// last UTF-8 byte differs from the capital's by one bit (é and É, ğ and Ğ, я and Я, α and Α),
/// with that bit folded; a letter nothing else lowercases to (Arabic, Hebrew, Chinese, Devanagari,
/// curly quotes) as it is. That is the answer lowercasing both would give. A phrase with any other
/// letter falls back to Unicode lowercasing, except in texts all ASCII, which cannot hold it.
/// `PhraseSearch(exactly:)` matches bytes as they are, case included.
///
/// Over many texts at once the search runs on the texts' shared buffer, sixteen bytes a step: it
/// looks for places where the phrase's first and last bytes both match, and checks only those (the
/// approach of Wojciech Muła's "SIMD-friendly algorithms for substring searching").
struct PhraseSearch: Sendable {
    private let needle: [UInt8]
    /// For each byte of the phrase, the bit that folds case (`byte | fold`): 0x20 for an ASCII
    /// letter, the bit on the last byte of a letter folded with its capital, 0 for the other bytes.
    private let folds: [UInt8]
    /// Whether the bytes are compared (with `folds`), not Unicode-lowercased strings.
    private let byBytes: Bool

    init(_ phrase: String) {
        let lowered = phrase.lowercased()
        needle = Array(lowered.utf8)
        var folds: [UInt8] = []
        for scalar in lowered.unicodeScalars {
            guard let fold = CaseFolding.fold(scalar) else { break }
            folds += repeatElement(0, count: UTF8.width(scalar) - 1)
            folds.append(fold)
        }
        byBytes = folds.count == needle.count
        self.folds = byBytes ? folds : [UInt8](repeating: 0, count: needle.count)
    }

    /// A search for exactly these bytes.
    init(exactly bytes: [UInt8]) {
        needle = bytes
        byBytes = true
        folds = [UInt8](repeating: 0, count: bytes.count)
    }

    func occurs(in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !needle.isEmpty else { return true }
        guard byBytes else {
            // A phrase outside ASCII is not in a text all ASCII, lowercased or not.
            guard !Self.isASCII(text) else { return false }
            // The lowercased text's bytes, searched as they are (as every other phrase is searched).
            var lowercased = String(decoding: text, as: UTF8.self).lowercased()
            return lowercased.withUTF8 { bytes in bytes.baseAddress.map { firstMatch($0, from: 0, to: bytes.count) != nil } ?? false }
        }
        guard let base = text.baseAddress else { return false }
        return firstMatch(base, from: 0, to: text.count) != nil
    }

    /// Appends to `kept` the rows of `range` whose text (`bytes[starts[row]..<starts[row + 1]]`) contains
    /// the phrase, searching the buffer as one piece.
    func rows(_ range: Range<Int>, bytes: UnsafeBufferPointer<UInt8>, starts: UnsafeBufferPointer<Int>, into kept: inout [Int32]) {
        guard !range.isEmpty else { return }
        guard byBytes, !needle.isEmpty, let base = bytes.baseAddress else {
            for row in range where occurs(in: UnsafeBufferPointer(rebasing: bytes[starts[row]..<starts[row + 1]])) {
                kept.append(Int32(row))
            }
            return
        }
        var row = range.lowerBound
        var position = starts[row]
        let end = starts[range.upperBound]
        while let found = firstMatch(base, from: position, to: end) {
            while starts[row + 1] <= found { row += 1 }
            if found + needle.count <= starts[row + 1] {
                kept.append(Int32(row))
                row += 1
                if row == range.upperBound { return }
                position = starts[row]
            } else {
                position = found + 1   // the match runs into the next text: not a match
            }
        }
    }

    /// The first offset in `from..<to` where the phrase starts and ends before `to`.
    private func firstMatch(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int? {
        let n = needle.count
        guard to - from >= n else { return nil }
        let last = to - n   // the last possible start
        var i = from
        let firstByte = SIMD16<UInt8>(repeating: needle[0]), firstFold = SIMD16<UInt8>(repeating: folds[0])
        let lastByte = SIMD16<UInt8>(repeating: needle[n - 1]), lastFold = SIMD16<UInt8>(repeating: folds[n - 1])
        let raw = UnsafeRawPointer(base)
        while i + 16 <= last + 1 {
            let heads = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self) | firstFold
            let tails = raw.loadUnaligned(fromByteOffset: i + n - 1, as: SIMD16<UInt8>.self) | lastFold
            let candidates = (heads .== firstByte) .& (tails .== lastByte)
            let words = unsafeBitCast(candidates, to: SIMD2<UInt64>.self)   // `any` is not vectorised
            if words[0] | words[1] != 0 {
                for lane in 0..<16 where candidates[lane] && matches(base, at: i + lane) { return i + lane }
            }
            i += 16
        }
        while i <= last {
            if matches(base, at: i) { return i }
            i += 1
        }
        return nil
    }

    /// Whether every byte of `text` is ASCII, sixteen at a time.
    static func isASCII(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var i = 0, high = SIMD16<UInt8>()
        while i + 16 <= text.count {
            high |= raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
            i += 16
        }
        while i < text.count {
            if text[i] >= 0x80 { return false }
            i += 1
        }
        return (high & SIMD16(repeating: 0x80)) == SIMD16()
    }

    @inline(__always) private func matches(_ base: UnsafePointer<UInt8>, at start: Int) -> Bool {
        for j in 0..<needle.count where base[start + j] | folds[j] != needle[j] { return false }
        return true
    }
}

/// Which letters the bytes of a lowercased phrase can match case-insensitively, and how.
enum CaseFolding {
    /// The bit that, set on the last UTF-8 byte of `scalar` (a letter of a lowercased phrase), folds
    /// the only other scalar that lowercases to it onto it; 0 when nothing else lowercases to it; nil
    /// when bytes cannot tell (a letter more than one scalar lowercases to, or one whose capital
    /// differs in more than one bit: those need Unicode lowercasing).
    static func fold(_ scalar: Unicode.Scalar) -> UInt8? {
        // ASCII letters as the ASCII search has always folded them (the Kelvin sign aside).
        if scalar.isASCII { return scalar >= "a" && scalar <= "z" ? 0x20 : 0 }
        guard let sources = lowercasedFrom[scalar] else { return scalar.properties.changesWhenLowercased ? nil : 0 }
        for bit: UInt32 in [0x20, 0x01] where scalar.value & bit != 0 && sources == [Unicode.Scalar(scalar.value - bit)] {
            return UInt8(bit)
        }
        return nil
    }

    /// For every scalar that lowercasing another gives, those others (the Kelvin sign gives "k", "İ"
    /// gives "i" and a combining dot; "Σ" gives the final sigma in context). Found once, in about
    /// 20 ms, the first time a phrase outside ASCII is searched.
    static let lowercasedFrom: [Unicode.Scalar: [Unicode.Scalar]] = {
        var from: [Unicode.Scalar: [Unicode.Scalar]] = ["\u{3C2}": ["\u{3A3}"]]
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), scalar.properties.changesWhenLowercased else { continue }
            for given in Set(scalar.properties.lowercaseMapping.unicodeScalars) { from[given, default: []].append(scalar) }
        }
        return from
    }()
}
