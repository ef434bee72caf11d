@testable import Corpus
import Testing

/// A statement's context: the sentences of its document its span stands in, by code points.
@Suite struct StatementContextTests {
    static let body = "ISLAMABAD: Talks collapsed on Friday. Defence Minister Khawaja Asif said “negotiations are over” on Geo News. "
        + "Erdoğan’s envoy said Türkiye would keep trying! Nobody else spoke.\nA new paragraph starts here."

    func corpus(_ statements: [(text: String, span: (Int, Int)?)], body: String = body) throws -> Corpus {
        var lines = [#"{"type":"document","id":"d1","text":\#(JSONValue.string(body).jsonText)}"#]
        for (i, s) in statements.enumerated() {
            var line = #"{"type":"statement","id":"s\#(i)","doc":"d1","speaker":"A","kind":"indirect","text":\#(JSONValue.string(s.text).jsonText)"#
            if let span = s.span { line += #","span":[\#(span.0),\#(span.1)]"# }
            lines.append(line + "}")
        }
        return try CorpusLoader.load(text: lines.joined(separator: "\n"), path: "c.jsonl").corpus
    }

    /// The span of `text` in `body`, in code points.
    func span(of text: String, in body: String = body) -> (Int, Int) {
        let scalars = Array(body.unicodeScalars), wanted = Array(text.unicodeScalars)
        let start = (0...(scalars.count - wanted.count)).first { scalars[$0..<$0 + wanted.count].elementsEqual(wanted) }!
        return (start, start + wanted.count)
    }

    @Test func theSentencesAroundTheSpanByCodePoints() throws {
        let texts = ["negotiations are over", "Türkiye would keep trying", "A new paragraph starts here.", "ISLAMABAD: Talks", "Nobody else spoke."]
        let c = try corpus(texts.map { ($0, span(of: $0)) } + [("no span", nil)])
        #expect(c.context(ofRow: 0) == "Defence Minister Khawaja Asif said “negotiations are over” on Geo News.")
        #expect(c.context(ofRow: 1) == "Erdoğan’s envoy said Türkiye would keep trying!", "after non-ASCII letters the span still counts code points")
        #expect(c.context(ofRow: 2) == "A new paragraph starts here.", "a line break ends a sentence")
        #expect(c.context(ofRow: 3) == "ISLAMABAD: Talks collapsed on Friday.")
        #expect(c.context(ofRow: 4) == "Nobody else spoke.", "a span that is a sentence is that sentence")
        #expect(c.context(ofRow: 5) == nil)
    }

    /// Without a span, the statement's text is looked for in the document's: as written, then
    /// ignoring case; a paraphrase that is not there has no context.
    @Test func withoutASpanTheTextIsFoundWhereItStands() throws {
        let c = try corpus([("negotiations are over", nil), ("TÜRKIYE would keep trying", nil), ("the talks had failed", nil),
                            ("Nobody else spoke.", (0, 9))])
        #expect(c.context(ofRow: 0) == "Defence Minister Khawaja Asif said “negotiations are over” on Geo News.")
        #expect(c.context(ofRow: 1) == "Erdoğan’s envoy said Türkiye would keep trying!", "found ignoring case, by code points after non-ASCII letters")
        #expect(c.context(ofRow: 2) == nil, "a paraphrase not in the text")
        #expect(c.context(ofRow: 3) == "ISLAMABAD: Talks collapsed on Friday.", "a span given is the span used")
        #expect(Corpus.place(of: "İstanbul", in: Array("in istanbul and İstanbul".unicodeScalars))! == (16, 24), "İ, whose lowercase is two letters, as written")
        #expect(Corpus.place(of: "", in: Array("x".unicodeScalars)) == nil)
        #expect(Corpus.place(of: "longer than", in: Array("short".unicodeScalars)) == nil)
    }

    @Test func aLongSentenceIsCutWithAMark() throws {
        let long = String(repeating: "word ", count: 200) + "the quoted words " + String(repeating: "more ", count: 200) + "end."
        let c = try corpus([("the quoted words", span(of: "the quoted words", in: long))], body: long)
        let context = try #require(c.context(ofRow: 0, reach: 50))
        #expect(context.hasPrefix("…") && context.hasSuffix("…"), "\(context)")
        #expect(context.contains("the quoted words"))
        #expect(context.unicodeScalars.count <= 16 + 100 + 2)
    }
}
