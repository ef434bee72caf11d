/// The quick way through a JSON Lines statement: the record is read straight into a
/// `StatementRecord`, without building a JSON tree or a field table. It handles the common case
/// (string fields without escapes, lists of strings, figures, relations, extra fields) and gives
/// up on anything else (an escape, a repeated key, a wrong type, a bad date), so that the full
/// reader, which reports every problem with its position, reads that line instead.
enum FastStatementReader {
    static func read(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> StatementRecord? {
        var i = range.lowerBound
        let end = range.upperBound
        @inline(__always) func skipSpace() { while i < end, b[i] == 0x20 || b[i] == 0x09 { i += 1 } }
        /// A string without escapes: the bytes between the quotes.
        func plainString() -> UnsafeBufferPointer<UInt8>? {
            guard i < end, b[i] == 0x22 else { return nil }
            let start = i + 1
            var j = start
            var high: UInt8 = 0
            while j < end {
                let c = b[j]
                if c == 0x22 { break }
                if c == 0x5C || c < 0x20 { return nil }
                high |= c
                j += 1
            }
            guard j < end else { return nil }
            i = j + 1
            let slice = UnsafeBufferPointer(rebasing: b[start..<j])
            if high >= 0x80, String(validating: slice, as: UTF8.self) == nil { return nil }
            return slice
        }
        func string() -> String? { plainString().map { String(decoding: $0, as: UTF8.self) } }
        func strings() -> [String]? {
            guard i < end, b[i] == 0x5B else { return nil }
            i += 1
            var list: [String] = []
            skipSpace()
            if i < end, b[i] == 0x5D { i += 1; return list }
            while true {
                skipSpace()
                guard let item = string() else { return nil }
                list.append(item)
                skipSpace()
                guard i < end else { return nil }
                if b[i] == 0x2C { i += 1; continue }
                if b[i] == 0x5D { i += 1; return list }
                return nil
            }
        }
        func anyValue() -> JSONNode? {
            guard let (node, after) = try? JSONParser.parseValue(b, at: i, end: end) else { return nil }
            i = after
            return node
        }

        var record = StatementRecord()
        var seen: [UInt64] = []
        seen.reserveCapacity(16)
        var sawType = false, sawSpeaker = false, sawText = false
        skipSpace()
        guard i < end, b[i] == 0x7B else { return nil }
        i += 1
        skipSpace()
        if i < end, b[i] == 0x7D { return nil }
        while true {
            skipSpace()
            let keyOffset = i
            guard let key = plainString() else { return nil }
            let keyHash = hash(key)
            guard !seen.contains(keyHash) else { return nil }
            seen.append(keyHash)
            skipSpace()
            guard i < end, b[i] == 0x3A else { return nil }
            i += 1
            skipSpace()
            guard i < end else { return nil }
            if b[i] == 0x6E { return nil }          // null: the full reader treats it as absent
            switch Self.knownKey(key) {
            case "type":
                guard let value = plainString(), value.elementsEqual("statement".utf8) else { return nil }
                sawType = true
            case "id": guard let v = string() else { return nil }; record.id = v
            case "doc": guard let v = string() else { return nil }; record.doc = v
            case "speaker": guard let v = string(), !v.isEmpty else { return nil }; record.speaker = v; sawSpeaker = true
            case "text": guard let v = string(), !v.isEmpty else { return nil }; record.text = v; sawText = true
            case "role": guard let v = string() else { return nil }; record.role = v
            case "affiliation": guard let v = string() else { return nil }; record.affiliation = v
            case "kind": guard let v = string() else { return nil }; record.kind = v
            case "cue": guard let v = string() else { return nil }; record.cue = v
            case "date_text": guard let v = string() else { return nil }; record.dateText = v
            case "channel": guard let v = string() else { return nil }; record.channel = v
            case "place": guard let v = string() else { return nil }; record.place = v
            case "status": guard let v = string() else { return nil }; record.status = v
            case "date": guard let v = string(), let date = CorpusDate(v) else { return nil }; record.date = date
            case "topics": guard let v = strings() else { return nil }; record.topics = v
            case "mentions": guard let v = strings() else { return nil }; record.mentions = v
            case "figures", "relations", "span", "confidence":
                return nil                          // rarer fields with checks of their own: the full reader
            default:
                guard !key.isEmpty, let node = anyValue() else { return nil }
                record.extras.append(JSONMember(key: String(decoding: key, as: UTF8.self), keyOffset: keyOffset, value: node))
            }
            skipSpace()
            guard i < end else { return nil }
            if b[i] == 0x2C { i += 1; continue }
            if b[i] == 0x7D { i += 1; break }
            return nil
        }
        skipSpace()
        guard i == end, sawType, sawSpeaker, sawText else { return nil }
        return record
    }

    static let keys: [[UInt8]] = ["type", "id", "doc", "speaker", "text", "role", "affiliation", "kind", "cue", "date_text",
                                  "channel", "place", "status", "date", "topics", "mentions", "figures", "relations", "span",
                                  "confidence"].map { Array($0.utf8) }

    /// The key if it is one of the format's, without making a String of it.
    private static func knownKey(_ key: UnsafeBufferPointer<UInt8>) -> String {
        for (i, known) in keys.enumerated() where known.count == key.count && known.elementsEqual(key) { return names[i] }
        return ""
    }
    static let names = keys.map { String(decoding: $0, as: UTF8.self) }

    /// FNV-1a of a key, to notice a repeated one.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100000001b3 }
        return h
    }
}
