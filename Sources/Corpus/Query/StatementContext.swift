/// The sentences of its document in which a statement stands: what an analyst reads to check an
/// attribution ("said" or "claimed"? whose words?). Spans count code points, so a script slicing
/// the document's text by bytes (`string.sub`) gets it wrong once a letter is not ASCII.
extension Corpus {
    /// The text of statement `row`'s document around its span, widened to whole sentences (a
    /// sentence ends at ". ", "! ", "? " or a line break), at most `reach` characters either side,
    /// with "…" where it was cut. Without a span, where the statement's text first stands in the
    /// document's as written (a direct quote most often does), or else ignoring case; nil if it
    /// does not, or without a document text.
    public func context(ofRow row: Int, reach: Int = 300) -> String? {
        guard let text = document(ofRow: row)?.text else { return nil }
        let body = Array(text.unicodeScalars)
        guard let span = statements.span(row: row) ?? Self.place(of: statements.texts[row], in: body) else { return nil }
        guard span.start >= 0, span.start <= span.end, span.end <= body.count else { return nil }
        func endsSentence(_ i: Int) -> Bool {
            // A stop, then any closing quotes or brackets, then a space or the end.
            guard "\n\r".unicodeScalars.contains(body[i]) || ".!?".unicodeScalars.contains(body[i]) else { return false }
            if body[i] == "\n" || body[i] == "\r" { return true }
            var j = i + 1
            while j < body.count, "\"'”’»)]".unicodeScalars.contains(body[j]) { j += 1 }
            return j == body.count || body[j].properties.isWhitespace
        }
        var start = span.start
        let lowest = max(0, span.start - reach)
        while start > lowest, !endsSentence(start - 1) { start -= 1 }
        var end = span.end
        let highest = min(body.count, span.end + reach)
        while end < highest, !(end > span.start && endsSentence(end - 1)) { end += 1 }
        // Past the stop: the closing quotes that belong to the sentence.
        while end < body.count, end < highest, "\"'”’»)]".unicodeScalars.contains(body[end]) { end += 1 }
        var scalars = String.UnicodeScalarView(body[start..<end])
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        let cutBefore = start == lowest && start > 0 && !endsSentence(start - 1)
        let cutAfter = end == highest && end < body.count && !endsSentence(end - 1)
        return (cutBefore ? "…" : "") + String(scalars) + (cutAfter ? "…" : "")
    }

    /// The first place of `text` in `body`, in code points: as written, or else with both lowercased
    /// letter by letter (a letter whose lowercase is several, as İ's, kept as it is).
    static func place(of text: String, in body: [Unicode.Scalar]) -> (start: Int, end: Int)? {
        let wanted = Array(text.unicodeScalars)
        guard !wanted.isEmpty, wanted.count <= body.count else { return nil }
        func first(_ needle: [Unicode.Scalar], in hay: [Unicode.Scalar]) -> Int? {
            (0...(hay.count - needle.count)).first { i in hay[i] == needle[0] && hay[i..<i + needle.count].elementsEqual(needle) }
        }
        func lower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
            if scalar.isASCII { return scalar.value >= 65 && scalar.value <= 90 ? Unicode.Scalar(UInt8(scalar.value + 32)) : scalar }
            let lowered = scalar.properties.lowercaseMapping.unicodeScalars
            return lowered.count == 1 ? lowered.first! : scalar
        }
        guard let start = first(wanted, in: body) ?? first(wanted.map(lower), in: body.map(lower)) else { return nil }
        return (start, start + wanted.count)
    }
}
