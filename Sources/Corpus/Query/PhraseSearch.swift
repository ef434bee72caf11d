/// Case-insensitive search for a phrase in UTF-8 text. ASCII phrases are matched on the bytes with
/// ASCII case folding (no allocation per text); other phrases fall back to Unicode lowercasing.
/// `PhraseSearch(exactly:)` matches bytes as they are, case included.
///
/// Over many texts at once the search runs on the texts' shared buffer, sixteen bytes a step: it
/// looks for places where the phrase's first and last bytes both match, and checks only those (the
/// approach of Wojciech Muła's "SIMD-friendly algorithms for substring searching").
struct PhraseSearch: Sendable {
    private let needle: [UInt8]
    /// 0x20 for the phrase's letters (so `byte | 0x20` folds case), 0 for its other bytes.
    private let folds: [UInt8]
    private let lowered: String
    /// Whether the bytes are compared (with `folds`), not Unicode-lowercased strings.
    private let byBytes: Bool

    init(_ phrase: String) {
        lowered = phrase.lowercased()
        needle = Array(lowered.utf8)
        byBytes = needle.allSatisfy { $0 < 0x80 }
        folds = needle.map { $0 >= 0x61 && $0 <= 0x7A ? 0x20 : 0 }
    }

    /// A search for exactly these bytes.
    init(exactly bytes: [UInt8]) {
        lowered = ""
        needle = bytes
        byBytes = true
        folds = [UInt8](repeating: 0, count: bytes.count)
    }

    func occurs(in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !needle.isEmpty else { return true }
        guard byBytes else { return String(decoding: text, as: UTF8.self).lowercased().contains(lowered) }
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

    @inline(__always) private func matches(_ base: UnsafePointer<UInt8>, at start: Int) -> Bool {
        for j in 0..<needle.count where base[start + j] | folds[j] != needle[j] { return false }
        return true
    }
}
