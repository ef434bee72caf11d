/// Case-insensitive search for a phrase in UTF-8 text. ASCII phrases are matched byte by byte with
/// ASCII case folding (no allocation per text); other phrases fall back to Unicode lowercasing.
struct PhraseSearch: Sendable {
    private let needle: [UInt8]
    private let lowered: String
    private let isASCII: Bool

    init(_ phrase: String) {
        lowered = phrase.lowercased()
        needle = Array(lowered.utf8)
        isASCII = needle.allSatisfy { $0 < 0x80 }
    }

    func occurs(in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !needle.isEmpty else { return true }
        guard isASCII else { return String(decoding: text, as: UTF8.self).lowercased().contains(lowered) }
        let n = needle.count
        guard text.count >= n else { return false }
        let first = needle[0]
        var i = 0
        let last = text.count - n
        while i <= last {
            if Self.fold(text[i]) == first {
                var j = 1
                while j < n && Self.fold(text[i + j]) == needle[j] { j += 1 }
                if j == n { return true }
            }
            i += 1
        }
        return false
    }

    @inline(__always) static func fold(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
