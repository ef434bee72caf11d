/// Whether each statement's `span` holds its text in its document's text. A span is given in code
/// points by a quote extractor or by hand, and drifts easily (a character counted twice, an
/// offset in bytes): a span that misses its statement's text is said with where the text does
/// stand, when it stands verbatim in the document. A statement whose text is a paraphrase
/// (indirect speech) found nowhere verbatim is left alone: its span may mark the sentence reported.
struct SpanCheck {
    /// The document's text as code points, made once per document.
    private var documentTexts: [Int: [Unicode.Scalar]] = [:]
    private(set) var misses: [String] = []
    private(set) var missCount = 0
    /// How many misses are described; the rest are counted.
    static let described = 5
    /// Comparisons left (a document's code points times a text's) to search for texts that a span
    /// misses: a hostile corpus (a document of megabytes, every span off) must not make the load
    /// search for ever. Past it, a paraphrase is no longer told from a shifted span, and only
    /// direct quotes are counted.
    private var searchBudget = 500_000_000

    /// Document `document`'s text as code points (nil when it has none), made from `make` the first
    /// time: the span's bounds are checked against its length, and its contents by `check`.
    mutating func text(of document: Int, _ make: () -> String?) -> [Unicode.Scalar]? {
        if let known = documentTexts[document] { return known }
        guard let body = make() else { return nil }
        let scalars = Array(body.unicodeScalars)
        documentTexts[document] = scalars
        return scalars
    }

    /// Checks statement `id` (its `text`, its `kind`) against its document's text `body`.
    mutating func check(id: String, text: String, kind: String?, span: (start: Int, end: Int), in body: [Unicode.Scalar]) {
        guard span.start >= 0, span.end <= body.count, span.start <= span.end else { return }
        let wanted = Array(text.unicodeScalars)
        if body[span.start..<span.end].elementsEqual(wanted) { return }
        var found: Int?
        if searchBudget > 0 {
            searchBudget -= body.count * max(wanted.count, 1)
            found = Self.firstIndex(of: wanted, in: body)
        }
        guard found != nil || kind == nil || kind == "direct" else { return }
        missCount += 1
        guard misses.count < Self.described else { return }
        let held = String(String.UnicodeScalarView(body[span.start..<span.end]))
        var message = "statement '\(shown: id)': its \"span\" [\(span.start), \(span.end)] holds \"\(shown: held)\", not its text"
        if let found { message += ", which stands at [\(found), \(found + wanted.count)]" }
        misses.append(message)
    }

    /// The warnings to give: each miss described, up to `described`, then how many more.
    var warnings: [String] {
        misses + (missCount > misses.count ? ["\(MessageText.count(missCount - misses.count, "more statement")) whose \"span\" does not hold its text"] : [])
    }

    /// Where `needle` first stands in `haystack`, if anywhere.
    private static func firstIndex(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count, let first = needle.first else { return nil }
        var i = 0
        while i <= haystack.count - needle.count {
            if haystack[i] == first && haystack[i..<i + needle.count].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
