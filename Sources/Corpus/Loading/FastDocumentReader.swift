/// The quick way through a JSON Lines document record written plainly (string fields, a list of
/// authors, a valid date, no other field); anything else goes to the full reader, as with
/// `FastStatementReader`.
enum FastDocumentReader {
    private static let names = ["type", "id", "title", "source", "url", "published", "authors", "language", "place", "text"]
    private static let keys = names.map(PackedKey.init)
    private static let lengths = names.map(\.utf8.count)

    static func read(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Document? {
        var s = PlainScanner(b, range)
        guard s.take(0x7B) else { return nil }
        var document = Document(id: "")
        var seen = 0
        var first = true
        var authors: [Range<Int>] = []
        while true {
            let keyRange: Range<Int>
            switch s.nextKey(first: first) {
            case .end:
                s.skipSpace()
                guard s.atEnd, seen & 0b11 == 0b11 else { return nil }
                document.authors = authors.map { s.string($0) }
                return document
            case .invalid: return nil
            case .key(let k): keyRange = k
            }
            first = false
            guard let packed = s.packedKey(keyRange),
                  let k = keys.indices.first(where: { lengths[$0] == keyRange.count && keys[$0] == packed }),
                  seen & 1 << k == 0 else { return nil }
            seen |= 1 << k
            if k == 6 {
                guard s.stringList(into: &authors) else { return nil }
                continue
            }
            guard let value = s.plainString() else { return nil }
            let text = s.string(value)
            switch k {
            case 0: guard text == "document" else { return nil }
            case 1: guard !text.isEmpty else { return nil }; document.id = text
            case 2: document.title = text
            case 3: document.source = text
            case 4: document.url = text
            case 5: guard let date = CorpusDate(text) else { return nil }; document.published = date
            case 7: document.language = text
            case 8: document.place = text
            default: document.text = text
            }
        }
    }
}
