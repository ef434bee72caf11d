import CorpusScan

/// Reads the plain parts of one JSON record in place: objects, strings, lists of strings.
/// Everything it cannot read plainly (a null, invalid UTF-8, a bad escape) makes it give up, and
/// the caller hands the record to the full reader, which reports problems with positions.
///
/// A string is a range of `b`, or, if it had escapes, a range of `decoded` (where it was written
/// out) offset by `b.count`: `string(_:)` and `withBytes(_:_:)` read either.
struct PlainScanner {
    let b: UnsafeBufferPointer<UInt8>
    var i: Int
    let end: Int
    var decoded: [UInt8] = []

    init(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        b = buffer
        i = range.lowerBound
        end = range.upperBound
    }

    var atEnd: Bool { i == end }

    @inline(__always) mutating func skipSpace() {
        while i < end, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
    }

    /// Skips spaces, then `byte` if it is next.
    @inline(__always) mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard i < end, b[i] == byte else { return false }
        i += 1
        return true
    }

    /// The next byte after spaces, not consumed.
    @inline(__always) mutating func peek() -> UInt8? {
        skipSpace()
        return i < end ? b[i] : nil
    }

    /// A string: the range of its bytes between the quotes (checked to be UTF-8), or, if it has
    /// escapes (and `escapes` allows them), of its written-out bytes in `decoded`. Sixteen bytes a step: the first quote, backslash or control byte of each step is found from
    /// the comparison's bits (the masks are read as two words: Swift's `any` on SIMD masks is not
    /// vectorised).
    mutating func plainString(escapes: Bool = true) -> Range<Int>? {
        guard peek() == 0x22 else { return nil }
        let start = i + 1
        var j = start
        var high = false
        if let base = b.baseAddress {
            let raw = UnsafeRawPointer(base)
            let quote = SIMD16<UInt8>(repeating: 0x22), backslash = SIMD16<UInt8>(repeating: 0x5C), space = SIMD16<UInt8>(repeating: 0x20)
            while j + 16 <= end {
                let v = raw.loadUnaligned(fromByteOffset: j, as: SIMD16<UInt8>.self)
                let bytes = unsafeBitCast(v, to: SIMD2<UInt64>.self)
                high = high || (bytes[0] | bytes[1]) & 0x8080_8080_8080_8080 != 0   // may look past the end: only makes a check
                let stop = unsafeBitCast((v .== quote) .| (v .== backslash) .| (v .< space), to: SIMD2<UInt64>.self)
                if stop[0] | stop[1] == 0 {
                    j += 16
                    continue
                }
                j += stop[0] != 0 ? stop[0].trailingZeroBitCount / 8 : 8 + stop[1].trailingZeroBitCount / 8
                if b[j] == 0x22 { return finishString(start, j, high: high) }
                return b[j] == 0x5C && escapes ? escapedString(start, from: j) : nil   // a control byte: the full reader
            }
        }
        while j < end {
            let c = b[j]
            if c == 0x22 { return finishString(start, j, high: high) }
            if c == 0x5C { return escapes ? escapedString(start, from: j) : nil }
            if c < 0x20 { return nil }
            high = high || c >= 0x80
            j += 1
        }
        return nil
    }

    @inline(__always) private mutating func finishString(_ start: Int, _ quote: Int, high: Bool) -> Range<Int>? {
        i = quote + 1
        if high, !UTF8Check.isValid(UnsafeBufferPointer(rebasing: b[start..<quote])) { return nil }
        return start..<quote
    }

    /// The rest of a string with escapes, from the backslash at `j`, written out into `decoded` by
    /// the parser's own decoder; nil for anything the full reader must report (a bad escape, a lone
    /// surrogate, a control byte, invalid UTF-8).
    private mutating func escapedString(_ start: Int, from j: Int) -> Range<Int>? {
        let first = decoded.count
        decoded.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<j]))
        guard case .success(let after) = JSONParser.decodeEscapedString(b, from: j, end: end, into: &decoded) else { return nil }
        i = after
        let valid = decoded.withUnsafeBufferPointer { UTF8Check.isValid(UnsafeBufferPointer(rebasing: $0[first...])) }
        return valid ? (b.count + first)..<(b.count + decoded.count) : nil
    }

    /// Calls `body` with the bytes of a string found by `plainString`.
    func withBytes<T>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        decoded.withUnsafeBufferPointer { body(foundBytes(range, in: b, decoded: $0)) }
    }

    /// A string found by `plainString`.
    func string(_ range: Range<Int>) -> String { withBytes(range) { String(decoding: $0, as: UTF8.self) } }

    /// A list of plain strings, appended to `list`.
    mutating func stringList(into list: inout [Range<Int>]) -> Bool {
        guard take(0x5B) else { return false }
        if take(0x5D) { return true }
        while true {
            guard let item = plainString() else { return false }
            list.append(item)
            if take(0x2C) { continue }
            return take(0x5D)
        }
    }

    /// Any JSON value, as a tree (for the rare values that are not plain strings).
    mutating func anyValue() -> JSONNode? {
        skipSpace()
        guard let (node, after) = try? JSONParser.parseValue(b, at: i, end: end) else { return nil }
        i = after
        return node
    }

    /// Where a member loop stands after `{`, or after a member's value.
    enum Step { case key(Range<Int>), end, invalid }

    /// The next key of an object (the scanner then stands at its value), or the object's end.
    mutating func nextKey(first: Bool) -> Step {
        if first {
            if take(0x7D) { return .end }
        } else {
            if take(0x7D) { return .end }
            guard take(0x2C) else { return .invalid }
        }
        guard let key = plainString(escapes: false), take(0x3A) else { return .invalid }
        skipSpace()
        guard i < end, b[i] != 0x6E else { return .invalid }   // null: the full reader treats it as absent
        return .key(key)
    }

    /// The bytes of a range of the line (a key: keys are never written out).
    func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: b[range]) }

    func equals(_ range: Range<Int>, _ other: Range<Int>) -> Bool {
        range.count == other.count && bytes(range).elementsEqual(bytes(other))
    }

    /// A key's first 16 bytes packed in two words, to match known keys with integer comparisons.
    func packedKey(_ range: Range<Int>) -> PackedKey? {
        let n = range.count
        guard n <= 16, range.upperBound <= b.count, let base = b.baseAddress else { return nil }
        if range.lowerBound + 16 <= b.count {
            // Two loads, the bytes past the key masked off.
            let raw = UnsafeRawPointer(base + range.lowerBound)
            let low = raw.loadUnaligned(as: UInt64.self), high = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            func keep(_ word: UInt64, _ count: Int) -> UInt64 { count >= 8 ? word : count <= 0 ? 0 : word & (1 << UInt64(8 * count) - 1) }
            return PackedKey(low: keep(low, n), high: keep(high, n - 8))
        }
        var words: (UInt64, UInt64) = (0, 0)
        for (k, index) in range.enumerated() {
            if k < 8 { words.0 |= UInt64(b[index]) << (8 * UInt64(k)) } else { words.1 |= UInt64(b[index]) << (8 * UInt64(k - 8)) }
        }
        return PackedKey(low: words.0, high: words.1)
    }
}

struct PackedKey: Equatable {
    var low: UInt64
    var high: UInt64

    init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    init(_ key: String) {
        var low: UInt64 = 0, high: UInt64 = 0
        for (n, byte) in key.utf8.enumerated() {
            if n < 8 { low |= UInt64(byte) << (8 * UInt64(n)) } else { high |= UInt64(byte) << (8 * UInt64(n - 8)) }
        }
        self.init(low: low, high: high)
    }
}

/// UTF-8 validity as RFC 3629 defines it: no overlong forms, no surrogates, nothing past U+10FFFF
/// (`ps_utf8_valid`, shared with the C scanner).
enum UTF8Check {
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        ps_utf8_valid(bytes.baseAddress, bytes.count) != 0
    }
}
