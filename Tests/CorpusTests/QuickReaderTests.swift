@testable import Corpus
import Testing
import TestSupport

/// JSON Lines records written plainly are read by quick readers that find fields in place; the
/// rest go through the full reader. Both must give the same corpus, field for field.
@Suite struct QuickReaderTests {
    /// Records the quick readers take, and records they must hand over (escapes, nulls, spans…).
    static let documents = [
        #"{"type":"document","id":"d1","source":"Dawn","title":"Talks end","published":"2025-11-08","authors":["A. Writer","B"],"language":"en","place":"Islamabad","url":"https://x/1","text":"Body text here."}"#,
        #"{"type": "document", "id": "d2", "source": "Tolo \"News\"", "published": "2025-11", "title": "\u062e\u0628\u0631 \u2014 news"}"#,
        #"{"type":"document","id":"d3","source":"Ариана","note":{"kept":true}}"#,
    ]
    static let statements = [
        #"{"type":"statement","id":"q1","doc":"d1","speaker":"Khawaja Asif","role":"Defence Minister","affiliation":"Pakistan","kind":"direct","cue":"said","text":"Talks are over.","date":"2025-11-07","date_text":"on Friday","channel":"Geo News","place":"Islamabad","topics":["talks","border"],"mentions":["Taliban"],"status":"reviewed","verb":"said"}"#,
        #"{ "type" : "statement" , "speaker" : "Zabihullah Mujahid" , "text" : "58 soldiers were killed." , "doc" : "d2" , "figures" : [ {"value": 58, "unit": "soldiers", "what": "killed", "stance": "claimed", "by": "Taliban"} , {"value": 2.5} ] }"#,
        #"{"type":"statement","speaker":"Mr. Asif","text":"Quoted \"words\" with an escape.","doc":"d1","verb":"warned"}"#,
        #"{"type":"statement","speaker":"Khawaja Asif","text":"A null role.","role":null,"doc":"d1"}"#,
        #"{"type":"statement","speaker":"Khawaja Asif","text":"With a span.","doc":"d1","span":[0,4],"confidence":0.5}"#,
        #"{"type":"statement","id":"q6","speaker":"Ишак Дар","text":"Текст по-русски — и emoji 🙂.","date":"2025","topics":[],"tone":{"score":1},"verb":"said"}"#,
        #"{"type":"statement","speaker":"Khawaja Asif","text":"Relations.","relations":[{"type":"same_as","statement":"q1"}],"doc":"d1"}"#,
        #"{"type":"statement","speaker":"Khawaja Asif","text":"A figure with more.","figures":[{"value":23,"unit":"soldiers","note":"x"}]}"#,
        #"{"type":"statement","speaker":"Khawaja Asif","text":"Date-time.","date":"2025-11-07T14:30:00+05:00","kind":"according_to"}"#,
        // Long texts: what ends or escapes them lies beyond the first sixteen bytes.
        #"{"type":"statement","speaker":"Khawaja Asif","text":"A long text that runs on and on before \"a quote\" comes."}"#,
        #"{"type":"statement","speaker":"Khawaja Asif","text":"A long text that runs on and on before the word café comes, then more text follows it."}"#,
        #"{"type":"statement","speaker":"Khawaja Asif","text":"Exactly sixteen!","cue":"0123456789abcdef0123456789abcdef"}"#,
        // Escapes of every kind, as Python's json.dumps writes them (non-ASCII as \u, quotes escaped).
        #"{"type":"statement","speaker":"Ishaq Dar","text":"\u201cWe will not\u201d \/ a\\b \n\tnew line \ud83d\ude42 caf\u00e9","topics":["sovereignty","caf\u00e9"],"tone":"\"firm\""}"#,
        #"{"type":"statement","speaker":"\u0160ehbaz","text":"A long text with an escape far along, past sixteen bytes: \"quoted\" here.","figures":[{"value":3,"unit":"d\u00edas"}]}"#,
    ]
    static let entities = [#"{"type":"entity","name":"Khawaja Asif","aliases":["Mr. Asif"]}"#]

    @Test func quickAndFullReadersGiveTheSameCorpus() throws {
        let lines = (Self.documents + Self.entities + Self.statements).joined(separator: "\n") + "\n"
        let quick = try CorpusLoader.load(text: lines, path: "c.jsonl").corpus
        let whole = "{\"parley\": 1, \"documents\": [\(Self.documents.joined(separator: ","))], \"entities\": [\(Self.entities.joined(separator: ","))], \"statements\": [\(Self.statements.joined(separator: ","))]}"
        let full = try CorpusLoader.load(text: whole, path: "c.json").corpus
        #expect(quick.count == Self.statements.count)
        #expect(Self.describe(quick) == Self.describe(full))
        #expect(quick.statements.extras["verb"]?[0] == .string("said"))
        #expect(quick.statements.speakers[2] == "Khawaja Asif" && quick.statements.speakerTexts[2] == "Mr. Asif")
        #expect(quick.statements.figures(row: 1).map(\.value) == [58, 2.5])
        #expect(quick.documents[1].source == "Tolo \"News\"")
    }

    @Test func randomEscapesReadAsTheFullReaderReadsThem() throws {
        var state: UInt64 = 5
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let pieces = [#"a"#, #" "#, #"é"#, #"\""#, #"\\"#, #"\/"#, #"\n"#, #"\t"#, #"\b"#, #"\f"#, #"\r"#, #"\u00e9"#, #"\u201C"#,
                      #"\ud83d\ude42"#, #"\u0000"#, #"0123456789abcdef"#, #"\u062E"#]
        func text() -> String { (0..<(1 + next(12))).map { _ in pieces[next(pieces.count)] }.joined() }
        let statements = (0..<400).map { _ in
            #"{"type":"statement","speaker":"\#(text())","text":"\#(text())","topics":["\#(text())"],"tone":"\#(text())"}"#
        }
        let quick = try CorpusLoader.load(text: statements.joined(separator: "\n"), path: "r.jsonl").corpus
        let full = try CorpusLoader.load(text: "{\"parley\": 1, \"statements\": [\(statements.joined(separator: ","))]}", path: "r.json").corpus
        #expect(Self.describe(quick) == Self.describe(full))
    }

    /// Extra fields with string values are kept in C for the lines the scanner reads (up to 16
    /// fields), in Swift for the others and for values of other kinds; a field may go from one to
    /// the other within a part. Twenty fields, each line with a random few of them in a random order,
    /// valued by strings (plain or escaped), numbers, lists, objects or null, some lines with an
    /// escaped key (read by Swift), in one part and in the parts of a parallel load.
    @Test(arguments: [3_000, 40_000])
    func extraFieldsKeptInCAndInSwiftGiveWhatTheFullReaderGives(lines count: Int) throws {
        var random = SeededNumbers(seed: UInt64(count))
        let values = [#""plain""#, #""other words""#, #""caf\u00e9 \"q\"""#, "12", "2.5", "true", "null", #"["a",1]"#, #"{"k":"v"}"#, #""""#]
        let statements = (0..<count).map { i in
            var members = [#""type":"statement""#, #""speaker":"S\#(i % 7)""#, #""text":"Line \#(i), long enough that forty thousand lines fill megabytes""#]
            for _ in 0..<random.next(6) {
                let key = "x\(random.next(20))"
                guard !members.contains(where: { $0.hasPrefix("\"\(key)\":") || $0.hasPrefix("\"x\\u00") }) else { continue }
                // A value that stays a string for most of the run, so that C keeps it a while.
                let value = i < count / 2 || random.next(4) > 0 ? values[random.next(3)] : values[random.next(values.count)]
                members.append(random.next(50) == 0 ? #""x\u00\#(30 + random.next(10))z":"\#(i)""# : "\"\(key)\":\(value)")
            }
            if members.count > 4 { members.swapAt(3 + random.next(members.count - 3), members.count - 1) }
            return "{" + members.joined(separator: ",") + "}"
        }
        let lines = statements.joined(separator: "\n") + "\n"
        #expect(count < 10_000 || lines.utf8.count > 4 << 20, "large enough to be read in parallel")
        let quick = try CorpusLoader.load(text: lines, path: "x.jsonl").corpus
        let listed = try CorpusLoader.load(text: "{\"parley\": 1, \"statements\": [\(statements.joined(separator: ","))]}", path: "x.json").corpus
        #expect(quick.count == count && quick.statements.extras.count > 16)
        // What each line holds, as the JSON parser reads it (an extra field set to null is kept so).
        var mismatches = 0
        for (row, line) in statements.enumerated() {
            let parsed = try Array(line.utf8).withUnsafeBufferPointer { try JSONParser.parse($0, range: 0..<$0.count) }
            guard case .object(let members) = parsed.value else { Issue.record("line \(row + 1) is not an object"); return }
            var expected: [String: String] = [:]
            for member in members where member.key.hasPrefix("x") { expected[member.key] = Self.render(member.value.value) }
            for corpus in [quick, listed] {
                let got = corpus.statements.extras.compactMapValues { $0[row].map(Self.render) }
                if got != expected {
                    mismatches += 1
                    if mismatches <= 3 { Issue.record("line \(row + 1) of the \(corpus.origins): \(got) instead of \(expected)") }
                }
            }
        }
        #expect(mismatches == 0)
    }

    @Test func everyKeyOfTheFormatIsKnownAndNoOther() {
        for key in FastStatementReader.Key.allCases {
            for (text, expected) in [(key.name, key), (key.name + "x", nil), (String(key.name.dropLast()), nil), ("x" + key.name, nil)] {
                let bytes = Array((text + "\":\"some value that follows\"}").utf8)
                let known = bytes.withUnsafeBufferPointer { FastStatementReader.knownKey(PlainScanner($0, 0..<$0.count), 0..<text.utf8.count) }
                #expect(known == expected || (expected == nil && known != nil && known?.name != key.name && known?.name == text), "\(text)")
            }
        }
    }

    @Test func badRecordsAmongPlainOnesAreReportedWhereTheyAre() {
        let lines = [
            #"{"type":"statement","speaker":"A","text":"fine"}"#,
            #"{"type":"statement","speaker":"A","text":"bad date","date":"2025-13-01"}"#,
            #"{"type":"statement","speaker":"","text":"empty speaker"}"#,
            #"{"type":"statement","speaker":"A","text":"twice","text":"again"}"#,
            #"{"type":"document","id":"","source":"X"}"#,
            #"{"type":"statement","speaker":"A","text":"a lone surrogate \ud83d here"}"#,
            #"{"type":"statement","speaker":"A","text":"an unknown escape \x here"}"#,
            #"{"type":"statement","speaker":"A","text":"a bad hex \u12G4 here"}"#,
        ].joined(separator: "\n")
        do {
            _ = try CorpusLoader.load(text: lines, path: "bad.jsonl")
            Issue.record("must be refused")
        } catch {
            #expect(error.problems.map(\.line) == [2, 3, 4, 5, 6, 7, 8])
            #expect(error.problems[4].message.contains("lone UTF-16 surrogate") && error.problems[4].column == 60)
        }
    }

    /// A JSON value as text, without the offsets its nodes carry.
    static func render(_ value: JSONValue?) -> String {
        switch value {
        case nil: "nil"
        case .array(let items)?: "[" + items.map { render($0.value) }.joined(separator: ",") + "]"
        case .object(let members)?: "{" + members.map { "\($0.key):\(render($0.value.value))" }.joined(separator: ",") + "}"
        case let other?: "\(other)"
        }
    }

    /// Every field of every statement and document, as text.
    static func describe(_ corpus: Corpus) -> [String] {
        let s = corpus.statements
        var rows: [String] = []
        for row in 0..<s.count {
            let figures = s.figures(row: row).map { "\($0.value) \($0.unit ?? "-") \($0.what ?? "-") \($0.stance ?? "-") \($0.by ?? "-") \($0.extra.map(\.key))" }
            let extras = s.extras.keys.sorted().map { "\($0)=\(render(s.extras[$0]![row]))" }
            let fields: [String?] = [s.ids[row], s.speakers[row], s.speakerTexts[row], s.roles[row], s.affiliations[row], s.kinds[row],
                                     s.texts[row], s.cues[row], s.dates[row], s.date(row: row)?.description, s.dateTexts[row], s.channels[row],
                                     s.places[row], s.statuses[row], corpus.document(ofRow: row)?.id]
            rows.append(fields.map { $0 ?? "nil" }.joined(separator: "|") + "|\(s.topics[row])|\(s.mentions[row])|\(figures)|"
                        + "\(String(describing: s.span(row: row)))|\(String(describing: s.confidence(row: row)))|\(s.relations[row] ?? [])|\(extras)")
        }
        for d in corpus.documents {
            rows.append([d.id, d.title, d.source, d.url, d.published?.description, d.language, d.place, d.text].map { $0 ?? "nil" }.joined(separator: "|")
                        + "|\(d.authors)|\(d.extra.map(\.key))")
        }
        return rows
    }
}
