/// The byte ranges of one plainly written statement, as `FastStatementReader` found them.
struct PlainStatement {
    /// The range of each string field's value, indexed by `Key` (`id` to `status`).
    private var strings = [Range<Int>?](repeating: nil, count: FastStatementReader.Key.stringFieldCount)
    var topics: [Range<Int>] = []
    var mentions: [Range<Int>] = []
    var figures: [Figure] = []
    var stringExtras: [(key: Range<Int>, value: Range<Int>)] = []
    var otherExtras: [(key: Range<Int>, value: JSONNode)] = []
    /// Strings that had escapes, written out (see `PlainScanner`): ranges at or past the line
    /// buffer's count point here.
    var decoded: [UInt8] = []

    mutating func reset() {
        for i in strings.indices { strings[i] = nil }
        topics.removeAll(keepingCapacity: true)
        mentions.removeAll(keepingCapacity: true)
        figures.removeAll(keepingCapacity: true)
        stringExtras.removeAll(keepingCapacity: true)
        otherExtras.removeAll(keepingCapacity: true)
        decoded.removeAll(keepingCapacity: true)
    }

    /// A string field's range (nil for the other keys, which are not kept here).
    subscript(key: FastStatementReader.Key) -> Range<Int>? {
        get { key.rawValue < strings.count ? strings[key.rawValue] : nil }
        set { if key.rawValue < strings.count { strings[key.rawValue] = newValue } }
    }
}

/// The quick way through a JSON Lines statement: its fields are found in place, as byte ranges,
/// without a JSON tree or a `String` per field. It handles the common case (strings, lists of
/// strings, simple figures, extra fields) and gives up on anything else (a null, a repeated key, a
/// wrong type, a bad escape, a span, relations), so that the full reader, which reports every
/// problem with its position, reads that line instead.
enum FastStatementReader {
    enum Key: Int, CaseIterable {
        // String fields first (`PlainStatement` keeps their ranges; the C scanner's PS_* order).
        case id, doc, speaker, text, role, affiliation, kind, cue, date, dateText, channel, place, status
        case type, topics, mentions, figures, relations, span, confidence

        static let stringFieldCount = Key.status.rawValue + 1

        var name: String {
            switch self {
            case .dateText: "date_text"
            default: "\(self)"
            }
        }
    }

    /// Fills `record` from the line at `range`; false if the line needs the full reader.
    static func read(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into record: inout PlainStatement) -> Bool {
        record.reset()
        var s = PlainScanner(b, range)
        swap(&s.decoded, &record.decoded)   // the record's buffer, empty, reused from line to line
        defer { swap(&s.decoded, &record.decoded) }
        guard s.take(0x7B) else { return false }
        var seen: UInt32 = 0
        var first = true
        while true {
            let keyRange: Range<Int>
            switch s.nextKey(first: first) {
            case .end: s.skipSpace(); return s.atEnd && seen & 1 << Key.type.rawValue != 0
                && seen & 1 << Key.speaker.rawValue != 0 && seen & 1 << Key.text.rawValue != 0
            case .invalid: return false
            case .key(let k): keyRange = k
            }
            first = false
            guard let key = knownKey(s, keyRange) else {
                // A few extra fields are checked for repeats here; a record with many goes to the full
                // reader, which uses a set (a linear check per key would be quadratic).
                guard !keyRange.isEmpty, record.stringExtras.count + record.otherExtras.count < 16,
                      !record.stringExtras.contains(where: { s.equals($0.key, keyRange) }),
                      !record.otherExtras.contains(where: { s.equals($0.key, keyRange) }) else { return false }
                if s.peek() == 0x22 {
                    guard let value = s.plainString() else { return false }
                    record.stringExtras.append((keyRange, value))
                } else {
                    guard let value = s.anyValue() else { return false }
                    record.otherExtras.append((keyRange, value))
                }
                continue
            }
            let bit: UInt32 = 1 << UInt32(key.rawValue)
            guard seen & bit == 0 else { return false }
            seen |= bit
            switch key {
            case .type:
                guard let value = s.plainString(), value.count == 9, s.packedKey(value) == Self.statementType else { return false }
            case .topics: guard s.stringList(into: &record.topics) else { return false }
            case .mentions: guard s.stringList(into: &record.mentions) else { return false }
            case .figures: guard readFigures(&s, into: &record.figures) else { return false }
            case .relations, .span, .confidence:
                return false                        // rarer fields with checks of their own: the full reader
            default:
                guard let value = s.plainString() else { return false }
                if (key == .speaker || key == .text) && value.isEmpty { return false }
                record[key] = value
            }
        }
    }

    /// The key if it is one of the format's: by length, then its bytes packed in two words against
    /// the packed names (`PackedKey("speaker")`; `QuickReaderTests` checks every name).
    static func knownKey(_ s: PlainScanner, _ range: Range<Int>) -> Key? {
        guard let packed = s.packedKey(range) else { return nil }
        let low = packed.low
        switch range.count {
        case 2: return low == 0x6469 ? .id : nil
        case 3: return low == 0x636f64 ? .doc : low == 0x657563 ? .cue : nil
        case 4:
            switch low {
            case 0x74786574: return .text
            case 0x656c6f72: return .role
            case 0x646e696b: return .kind
            case 0x65746164: return .date
            case 0x65707974: return .type
            case 0x6e617073: return .span
            default: return nil
            }
        case 5: return low == 0x6563616c70 ? .place : nil
        case 6: return low == 0x737574617473 ? .status : low == 0x736369706f74 ? .topics : nil
        case 7: return low == 0x72656b61657073 ? .speaker : low == 0x6c656e6e616863 ? .channel : low == 0x73657275676966 ? .figures : nil
        case 8: return low == 0x736e6f69746e656d ? .mentions : nil
        case 9:
            if low == 0x7865745f65746164 && packed.high == 0x74 { return .dateText }
            return low == 0x6e6f6974616c6572 && packed.high == 0x73 ? .relations : nil
        case 10: return low == 0x6e656469666e6f63 && packed.high == 0x6563 ? .confidence : nil
        case 11: return low == 0x7461696c69666661 && packed.high == 0x6e6f69 ? .affiliation : nil
        default: return nil
        }
    }

    private static let statementType = PackedKey("statement")
    private static let figureKeyNames = ["value", "unit", "what", "stance", "by"]
    private static let figureKeys = figureKeyNames.map(PackedKey.init)

    /// `[{"value": 58, "unit": "soldiers", …}, …]` with plain strings and no other fields.
    private static func readFigures(_ s: inout PlainScanner, into figures: inout [Figure]) -> Bool {
        guard s.take(0x5B) else { return false }
        if s.take(0x5D) { return true }
        while true {
            guard s.take(0x7B) else { return false }
            var figure = Figure(value: .nan)
            var seen = 0
            var first = true
            loop: while true {
                let keyRange: Range<Int>
                switch s.nextKey(first: first) {
                case .end: break loop
                case .invalid: return false
                case .key(let k): keyRange = k
                }
                first = false
                guard let packed = s.packedKey(keyRange), let k = figureKeys.firstIndex(of: packed),
                      keyRange.count == figureKeyNames[k].utf8.count, seen & 1 << k == 0 else { return false }
                seen |= 1 << k
                if k == 0 {
                    guard let node = s.anyValue(), let value = node.value.doubleValue else { return false }
                    figure.value = value
                    continue
                }
                guard let range = s.plainString() else { return false }
                let text = s.string(range)
                switch k {
                case 1: figure.unit = text
                case 2: figure.what = text
                case 3: guard Figure.stances.contains(text) else { return false }; figure.stance = text
                default: figure.by = text
                }
            }
            guard seen & 1 != 0 else { return false }
            figures.append(figure)
            if s.take(0x2C) { continue }
            return s.take(0x5D)
        }
    }
}
