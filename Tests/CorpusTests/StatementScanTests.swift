@testable import Corpus
import CorpusScan
import Testing
import TestSupport

/// `ps_scan_statement` (C) reads the plainest statements; whatever it accepts must come out exactly
/// as the full reader reads it, and whatever it is unsure of must be left to the Swift readers.
@Suite struct StatementScanTests {
    /// Scans one line; nil if the scanner leaves it to the Swift readers.
    static func scan(_ line: String) -> (fields: [String: String], topics: [String], extras: [String: String], figures: Int)? {
        let bytes = Array(line.utf8)
        let out = UnsafeMutablePointer<ps_statement>.allocate(capacity: 1)
        defer { out.deallocate() }
        guard bytes.withUnsafeBufferPointer({ ps_scan_statement($0.baseAddress, $0.count, out) }) == 1 else { return nil }
        let s = ScannedStatement(fields: out, lineStart: 0, bufferCount: bytes.count)
        func text(_ r: Range<Int>) -> String {
            r.lowerBound < bytes.count ? String(decoding: bytes[r], as: UTF8.self)
                : String(decoding: s.decoded[(r.lowerBound - bytes.count)..<(r.upperBound - bytes.count)], as: UTF8.self)
        }
        var fields: [String: String] = [:]
        for key in FastStatementReader.Key.allCases.prefix(Int(PS_FIELD_COUNT)) {
            if let r = s[key] { fields[key.name] = text(r) }
        }
        var extras: [String: String] = [:]
        for i in 0..<s.stringExtraCount { extras[text(s.stringExtra(i).key)] = text(s.stringExtra(i).value) }
        let topics = withUnsafeBytes(of: out.pointee.topic_start) { starts in
            withUnsafeBytes(of: out.pointee.topic_length) { lengths in
                (0..<Int(out.pointee.topic_count)).map { i in
                    text(s.range(starts.load(fromByteOffset: 4 * i, as: Int32.self), lengths.load(fromByteOffset: 4 * i, as: Int32.self)))
                }
            }
        }
        return (fields, topics, extras, Int(out.pointee.figure_count))
    }

    @Test func escapesAreWrittenOut() throws {
        let found = try #require(Self.scan(#"{"type":"statement","speaker":"\u0160ehbaz","text":"\u201cNo\u201d \ud83d\ude42 a\\b\/\n","topics":["caf\u00e9"],"tone":"\"firm\""}"#))
        #expect(found.fields["speaker"] == "Šehbaz")
        #expect(found.fields["text"] == "\u{201C}No\u{201D} 🙂 a\\b/\n")
        #expect(found.topics == ["café"])
        #expect(found.extras == ["tone": "\"firm\""])
    }

    /// Texts of escapes, raw letters outside ASCII and plain runs of every length (across the
    /// sixteen-byte steps that find the runs), some with a bad byte, escape or control byte: a
    /// text the scanner takes is the one the JSON parser reads; one made only of good pieces is
    /// taken; one the parser refuses is not.
    @Test func escapedTextsReadAsTheParserReadsThem() throws {
        var numbers = SeededNumbers(seed: 21)
        let good: [[UInt8]] = [#"\n"#, #"\""#, #"\\"#, #"\/"#, #"\t"#, #"\u00e9"#, #"\u201C"#, #"\u0628"#, #"\uD83D\uDE42"#,
                               #"\u0041"#, "é", "ب", "—", "🙂", "a", "word ", "0123456789abcdef"].map { Array($0.utf8) }
        let bad: [[UInt8]] = [[0xFF], [0xC3], [0x80], [0x01], Array(#"\x"#.utf8), Array(#"\uD83D"#.utf8), Array(#"\uDE42"#.utf8), Array(#"\u12G4"#.utf8)]
        var taken = 0
        for round in 0..<4_000 {
            var text: [UInt8] = []
            for _ in 0..<(1 + numbers.next(12)) {
                text += good[numbers.next(good.count)]
                if numbers.next(3) == 0 { text += [UInt8](repeating: 0x61, count: numbers.next(40)) }
            }
            let spoiled = round % 3 == 0
            if spoiled { text.insert(contentsOf: bad[numbers.next(bad.count)], at: numbers.next(text.count + 1)) }
            let line = Array(#"{"type":"statement","speaker":"A","text":""#.utf8) + text + Array(#""}"#.utf8)
            let literal = [UInt8(ascii: "\"")] + text + [UInt8(ascii: "\"")]
            // Raw bytes that are not UTF-8 the full reader refuses before parsing.
            let parsed: String? = String(validating: text, as: UTF8.self) == nil ? nil : literal.withUnsafeBufferPointer { bytes in
                guard let node = try? JSONParser.parse(bytes), case .string(let value) = node.value else { return nil }
                return value
            }
            let scanned = Self.scan(String(decoding: line, as: UTF8.self)).flatMap { $0.fields["text"] }
            let scannedFromBytes: Bool = line.withUnsafeBufferPointer { bytes in
                let out = UnsafeMutablePointer<ps_statement>.allocate(capacity: 1)
                defer { out.deallocate() }
                return ps_scan_statement(bytes.baseAddress, bytes.count, out) == 1
            }
            if scannedFromBytes {
                taken += 1
                #expect(parsed != nil && scanned == parsed, "\(text)")
            } else {
                #expect(spoiled, "a text of good pieces is taken: \(String(decoding: text, as: UTF8.self))")
            }
        }
        #expect(taken > 2_000)
    }

    @Test func theSwiftKeysAndTheCFieldsAreInTheSameOrder() {
        // `ScannedStatement` reads PS_* fields by `Key.rawValue`.
        #expect(FastStatementReader.Key.stringFieldCount == Int(PS_FIELD_COUNT))
        #expect(Int(PR_FIELD_COUNT) == Int(PS_FIELD_COUNT), "the row columns take the scanned fields by index")
        #expect(FastStatementReader.Key.id.rawValue == Int(PS_ID) && FastStatementReader.Key.text.rawValue == Int(PS_TEXT))
        #expect(FastStatementReader.Key.dateText.rawValue == Int(PS_DATE_TEXT) && FastStatementReader.Key.status.rawValue == Int(PS_STATUS))
    }

    @Test func aPlainStatementIsFoundFieldByField() throws {
        let line = #"{"type": "statement", "id": "s1", "doc": "d1", "speaker": "Ishaq Dar", "role": "Foreign Minister", "kind": "indirect", "verb": "said", "text": "Talks — over.", "date": "2025-11-07", "topics": ["talks", "border"], "figures": [{"value": 58, "unit": "soldiers", "stance": "claimed"}]}"#
        let found = try #require(Self.scan(line))
        #expect(found.fields == ["id": "s1", "doc": "d1", "speaker": "Ishaq Dar", "role": "Foreign Minister", "kind": "indirect",
                                 "text": "Talks — over.", "date": "2025-11-07"])
        #expect(found.topics == ["talks", "border"])
        #expect(found.extras == ["verb": "said"])
        #expect(found.figures == 1)
    }

    @Test(arguments: [
        #"{"type":"statement","speaker":"A","text":"a lone \ud83d surrogate"}"#,
        #"{"type":"statement","speaker":"A","text":"a bad \x escape"}"#,
        #"{"type":"statement","speaker":"A","text":"a short \u12 escape"}"#,
        #"{"type":"statement","speaker":"A","te\u0078t":"an escaped key"}"#,
        #"{"type":"statement","speaker":null,"text":"t"}"#,
        #"{"type":"statement","speaker":"A","text":null}"#,
        #"{"type":null,"speaker":"A","text":"t"}"#,
        #"{"type":"statement","speaker":"A","text":"t","role":null,"role":"x"}"#,
        #"{"type":"statement","speaker":"A","text":"t","role":nul}"#,
        #"{"type":"statement","speaker":"A","text":"t","role":nullx}"#,
        #"{"type":"statement","speaker":"A","text":"t","topics":["a", null, "cue": "x"}"#,
        #"{"type":"statement","speaker":"A","text":"t","topics":["a", null]}"#,
        #"{"type":"statement","speaker":"A","text":"t","figures":[{"value":1}, null, "cue": "x"}"#,
        #"{"type":"statement","speaker":"A","text":"t","span":[2,1]}"#,
        #"{"type":"statement","speaker":"A","text":"t","span":[-1,3]}"#,
        #"{"type":"statement","speaker":"A","text":"t","span":[1.0,2]}"#,
        #"{"type":"statement","speaker":"A","text":"t","span":[1,2,3]}"#,
        #"{"type":"statement","speaker":"A","text":"t","span":[01,2]}"#,
        #"{"type":"statement","speaker":"A","text":"t","span":[0,2147483648]}"#,
        #"{"type":"statement","speaker":"A","text":"t","span":"0-4"}"#,
        #"{"type":"statement","speaker":"A","text":"t","confidence":1.5}"#,
        #"{"type":"statement","speaker":"A","text":"t","confidence":-0.1}"#,
        #"{"type":"statement","speaker":"A","text":"t","confidence":1e-1}"#,
        #"{"type":"statement","speaker":"A","text":"t","confidence":"high"}"#,
        #"{"type":"statement","speaker":"A","text":"t","relations":[{"type":"same_as","statement":"q1"}]}"#,
        #"{"type":"statement","speaker":"A","text":"t","speaker":"B"}"#,
        #"{"type":"statement","speaker":"A","text":"t","verb":"x","verb":"y"}"#,
        #"{"type":"statement","speaker":"A","text":"t","tone":01}"#,
        #"{"type":"statement","speaker":"A","text":"t","tone":[1}"#,
        #"{"type":"statement","speaker":"A","text":"t","tone":{"a":"b}"#,
        #"{"type":"statement","speaker":"A","text":"t","tone":[1]x}"#,
        #"{"type":"statement","speaker":"A","text":"t","tone":\#(String(repeating: "[", count: 65) + String(repeating: "]", count: 65))}"#,
        #"{"type":"statement","speaker":"A","text":"t","tone":1e999}"#,
        #"{"type":"statement","speaker":"A","text":"t","tone":1.}"#,
        #"{"type":"statement","speaker":"A","text":"t","tone":-}"#,
        #"{"type":"statement","speaker":"A","text":"t","tone":truex}"#,
        #"{"type":"statement","speaker":"A","text":"t","tone":True}"#,
        #"{"type":"statement","speaker":"A","text":"t","tone":1,"tone":"x"}"#,
        #"{"type":"statement","speaker":"A","text":"t","tone":\#(String(repeating: "9", count: 41))}"#,
        #"{"type":"statement","speaker":"","text":"t"}"#,
        #"{"type":"statement","text":"t"}"#,
        #"{"type":"document","id":"d1"}"#,
        #"{"type":"statement","speaker":"A","text":"t"} trailing"#,
        #"{"type":"statement","speaker":"A","text":"unterminated"#,
        #"{"type":"statement","speaker":"A","text":"t",}"#,
        #"{"type":"statement","speaker":"A","text":"t","figures":[{"value":1e3}]}"#,
        #"{"type":"statement","speaker":"A","text":"t","figures":[{"value":1234567890123456789}]}"#,
        #"{"type":"statement","speaker":"A","text":"t","figures":[{"value":01}]}"#,
        #"{"type":"statement","speaker":"A","text":"t","figures":[{"value":1,"stance":"maybe"}]}"#,
        #"{"type":"statement","speaker":"A","text":"t","figures":[{"unit":"days"}]}"#,
        #"{"type":"statement","speaker":"A","text":"t","topics":[\#((0..<33).map { "\"t\($0)\"" }.joined(separator: ","))]}"#,
        "{\"type\":\"statement\",\"speaker\":\"A\",\"text\":\"a raw \t tab\"}",
        "{}",
        "",
    ])
    func whatItIsUnsureOfIsLeftToTheSwiftReaders(_ line: String) {
        #expect(Self.scan(line) == nil)
    }

    /// A field of the format set to null is absent, as the full reader has it: a null in every
    /// field a statement or document may leave out, in any place, reads as the whole-tree reader
    /// reads it, and nulls where a field is required give its messages. Spans and confidences too.
    @Test func nullsReadAsTheFullReaderReadsThem() throws {
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var shuffler = Generator(next)
        let optional = ["id", "doc", "role", "affiliation", "kind", "cue", "date", "date_text", "channel", "place", "status",
                        "topics", "mentions", "figures", "span", "confidence", "relations"]
        let numbers = ["0", "-3", "2.5", "-0.25", "123456789012345678", "12345678901234567890", "1e3", "1E-2", "0.1", "-0", "3.0",
                       "1e+99", "9007199254740993", "0.30000000000000004", "null"]
        var documents: [String] = [], statements: [String] = []
        for n in 0..<200 {
            var members = [#""type": "document""#, #""id": "d\#(n)""#]
            for key in ["title", "source", "url", "published", "authors", "language", "place", "text"] where next(2) == 0 {
                members.append(next(2) == 0 ? #""\#(key)": null"# : key == "authors" ? #""authors": ["A"]"# : key == "published" ? #""published": "2025""# : key == "text" ? #""text": "The body of the report, long enough for every span.""# : #""\#(key)": "v""#)
            }
            // Fields the format does not define, as news metadata has them.
            if next(2) == 0 { members.append(#""section": "w\#(next(3))""#) }
            if next(2) == 0 { members.append(#""word_count": \#(numbers[next(numbers.count)])"#) }
            if next(4) == 0 { members.append(#""paywalled": \#(["true", "false"][next(2)])"#) }
            documents.append("{" + members.shuffled(using: &shuffler).joined(separator: ", ") + "}")
        }
        for n in 0..<400 {
            var members = [#""type": "statement""#, #""speaker": "S\#(next(5))""#, #""text": "t\#(n)""#]
            for key in optional {
                switch next(6) {
                case 0, 1: members.append(#""\#(key)":\#(["", " "][next(2)])null"#)
                case 2 where key == "topics": members.append(#""topics": ["talks"]"#)
                case 2 where key == "doc": members.append(#""doc": "d\#(next(200))""#)
                case 2 where key == "date": members.append(#""date": "2025-11""#)
                case 2 where key == "span": members.append(#""span": [\#(n % 7),\#([" ", ""][next(2)])\#(n % 7 + next(9))]"#)
                case 2 where key == "confidence": members.append(#""confidence": \#(["0", "1", "0.25", "0.1", "1.0", "0.333333333333333314829616256247"][next(6)])"#)
                default: break
                }
            }
            if next(4) == 0 { members.append(#""verb": "said""#) }
            // Extra fields with numbers of every form and booleans, which the C scanner takes too.
            if next(2) == 0 { members.append(#""score": \#(numbers[next(numbers.count)])"#) }
            if next(4) == 0 { members.append(#""tags": ["a", "b \"c\"", 1, null]"#) }
            if next(5) == 0 { members.append(#""meta": {"k": [1, {"x": "y]"}], "e": {}}"#) }
            if next(3) == 0 { members.append(#""flag":\#([" ", ""][next(2)])\#(["true", "false"][next(2)])"#) }
            statements.append("{" + members.shuffled(using: &shuffler).joined(separator: ", ") + "}")
        }
        let text = (documents + statements).joined(separator: "\n")
        let quick = try CorpusLoader.load(text: text, path: "n.jsonl").corpus
        let wholeBuilder = CorpusBuilder()
        try JSONCorpusReader.readWhole(SourceFile(path: "n.json", text: "{\"parley\": 1, \"documents\": [\(documents.joined(separator: ","))], \"statements\": [\(statements.joined(separator: ","))]}"), into: wholeBuilder)
        let whole = try wholeBuilder.finish(skipBad: false)
        #expect(quick.count == 400 && whole.count == 400)
        #expect(QuickReaderTests.describe(quick) == QuickReaderTests.describe(whole))
        #expect(quick.documents.map(\.title) == whole.documents.map(\.title) && quick.documents.map(\.authors) == whole.documents.map(\.authors))
        #expect(quick.documents.map { $0.extra.map { "\($0.key)=\($0.value.value)" } } == whole.documents.map { $0.extra.map { "\($0.key)=\($0.value.value)" } })
        #expect(quick.documents.count { !$0.extra.isEmpty } > 100)
        let spans = (0..<400).map { quick.statements.span(row: $0).map { [$0.start, $0.end] } }
        #expect(spans == (0..<400).map { whole.statements.span(row: $0).map { [$0.start, $0.end] } })
        #expect((0..<400).map { quick.statements.confidence(row: $0) } == (0..<400).map { whole.statements.confidence(row: $0) })
        #expect(spans.count { $0 != nil } > 20 && (0..<400).count { quick.statements.confidence(row: $0) != nil } > 20)
        for name in ["score", "flag", "verb", "tags", "meta"] {
            #expect((0..<400).map { quick.statements.extras[name]?[$0] } == (0..<400).map { whole.statements.extras[name]?[$0] }, "\(name)")
        }
        #expect((0..<400).contains { quick.statements.extras["score"]?[$0] == .integer(123456789012345678) })
        // Most lines went through the C scanner (doubled keys and extra fields past its limits aside).
        let scanned = statements.count { Self.scan($0) != nil }
        #expect(scanned > 300, "\(scanned)")
        // Where a field is required, a null is the full reader's problem, with its message.
        let bad = #"{"type":"statement","speaker":null,"text":"t"}"# + "\n" + #"{"type":"document","id":null}"#
        #expect(throws: CorpusLoadError.self) { try CorpusLoader.load(text: bad, path: "b.jsonl") }
        do { _ = try CorpusLoader.load(text: bad, path: "b.jsonl") } catch {
            #expect(error.problems.map(\.description).contains { $0.contains("b.jsonl:1:") && $0.contains("\"speaker\"") }, "\(error)")
            #expect(error.problems.map(\.description).contains { $0.contains("b.jsonl:2:") && $0.contains("\"id\"") }, "\(error)")
        }
    }

    /// A list or object in an extra field is found by the scanner by its brackets and parsed in
    /// Swift; one that is not valid JSON sends the line to the full reader, which reports it where it is.
    @Test func anExtraFieldThatIsNotValidJSONIsReportedAsBefore() throws {
        let lines = [#"{"type":"statement","speaker":"A","text":"t","meta":[1,,2]}"#,
                     #"{"type":"document","id":"d1","meta":{"k" 1}}"#,
                     #"{"type":"statement","speaker":"B","text":"u","meta":{"k":[1,"]"]}}"#]
        #expect(Self.scan(lines[0]) != nil)
        let error = #expect(throws: CorpusLoadError.self) { try CorpusLoader.load(text: lines.joined(separator: "\n"), path: "b.jsonl") }
        let messages = error?.problems.map(\.description) ?? []
        #expect(messages.count == 2, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("b.jsonl:1:") && $0.contains("not valid JSON") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("b.jsonl:2:") && $0.contains("not valid JSON") }, "\(messages)")
        let good = try CorpusLoader.load(text: lines[2], path: "g.jsonl").corpus
        #expect(good.statements.extras["meta"]?[0] == .object([JSONMember(key: "k", keyOffset: 45, value: JSONNode(.array([
            JSONNode(.integer(1), offset: 51), JSONNode(.string("]"), offset: 53)]), offset: 50))]) || good.statements.extras["meta"]?[0]?.jsonText == #"{"k":[1,"]"]}"#)
    }

    @Test func invalidUTF8IsLeftToTheSwiftReaders() {
        let out = UnsafeMutablePointer<ps_statement>.allocate(capacity: 1)
        defer { out.deallocate() }
        let invalid = Array(#"{"type":"statement","speaker":"A","text":"caf"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        #expect(ps_scan_statement(invalid, invalid.count, out) == 0)
        let escaped = Array(#"{"type":"statement","speaker":"A","text":"\u00e9 caf"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        #expect(ps_scan_statement(escaped, escaped.count, out) == 0)
        let valid = Array(#"{"type":"statement","speaker":"A","text":"café"}"#.utf8)
        #expect(ps_scan_statement(valid, valid.count, out) == 1)
    }

    /// The scan that also finds the end of the line: it takes the newline (after spaces, tabs or a
    /// carriage return) or the end of the bytes, and nothing else.
    @Test func theLineScanFindsTheEndOfTheLine() {
        let out = UnsafeMutablePointer<ps_statement>.allocate(capacity: 1)
        defer { out.deallocate() }
        let record = #"{"type":"statement","speaker":"A","text":"b"}"#
        func consumed(_ text: String) -> Int? {
            var n = 0
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { ps_scan_statement_line($0.baseAddress, $0.count, out, &n) } == 1 ? n : nil
        }
        let length = record.utf8.count
        #expect(consumed(record) == length)
        #expect(consumed(record + "\n" + record) == length + 1)
        #expect(consumed(record + " \t\r\n{}") == length + 4)
        #expect(consumed(record + " ") == length + 1)
        #expect(consumed(record + "x\n") == nil)
        #expect(consumed(record + "\r \n") == nil)
        #expect(consumed(record + "\r") == length + 1)
        // A line break inside a value is a raw control byte: never read as the end of the record.
        #expect(consumed(#"{"type":"statement","speaker":"A","text":"b"# + "\n" + #""}"#) == nil)
        #expect(consumed(#"{"type":"statement","speaker":"A",# + "\n" + #""text":"b"}"#) == nil)
        // Nor inside an extra field's list, object or string in it (the record is one line).
        #expect(consumed(#"{"type":"statement","speaker":"A","text":"b","meta":[1,"# + "\n" + #"2]}"#) == nil)
        #expect(consumed(#"{"type":"statement","speaker":"A","text":"b","meta":["a\"# + "\n" + #""]}"#) == nil)
        #expect(consumed(#"{"type":"statement","speaker":"A","text":"b","meta":{"k":[1, "]"]}}"#) != nil)
    }

    /// Random plain records (fields in any order and spacing, non-ASCII text, numbers of every
    /// form, lists and extra fields past the C limits): the loaded corpus is the full reader's.
    @Test func randomPlainRecordsReadAsTheFullReaderReadsThem() throws {
        var state: UInt64 = 11
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let words = ["talks", "Ishaq Dar", "Кабул", "کابل", "café 🙂", "0123456789abcdef0123", "a", "Zabihullah Mujahid",
                     #"\"quoted\""#, #"caf\u00e9"#, #"\u201cwe\u201d \ud83d\ude42"#, #"a\\b\/c\n\t"#]
        let numbers = ["58", "-3", "0", "2.5", "-0.25", "123456789012345678", "1234567890123456789", "1e3", "0.1", "99.999"]
        let stances = ["claimed", "acknowledged", "disputed", "denied"]
        func word() -> String { (0...next(3)).map { _ in words[next(words.count)] }.joined(separator: " ") }
        func space() -> String { ["", " ", "  ", "\t"][next(4)] }
        func list(_ max: Int) -> String { "[" + (0..<next(max)).map { _ in "\"\(word())\"" }.joined(separator: ",\(space())") + "]" }
        var figureShuffler = Generator(next)
        func figures() -> String {
            "[" + (0..<(1 + next(9))).map { _ in
                var members = ["\"value\":\(space())\(numbers[next(numbers.count)])"]
                if next(2) == 0 { members.append("\"unit\": \"\(word())\"") }
                if next(2) == 0 { members.append("\"stance\": \"\(stances[next(stances.count)])\"") }
                if next(3) == 0 { members.append("\"by\": \"\(word())\"") }
                return "{" + members.shuffled(using: &figureShuffler).joined(separator: ", ") + "}"
            }.joined(separator: ", ") + "]"
        }
        var shuffler = Generator(next)
        let dates = ["2025-11-07", "2025", "2024-02", "2025-11-07T14:30:00+05:00"]
        var lines: [String] = []
        for n in 0..<600 {
            var members = ["\"type\": \"statement\"", "\"speaker\": \"\(word())\"", "\"text\": \"\(word())\"", "\"id\": \"s\(n)\""]
            for key in ["role", "affiliation", "kind", "cue", "date_text", "channel", "place", "status"] where next(3) == 0 {
                members.append("\"\(key)\":\(space())\"\(key == "kind" ? "direct" : word())\"")
            }
            if next(2) == 0 { members.append("\"date\": \"\(dates[next(dates.count)])\"") }
            if next(2) == 0 { members.append("\"topics\": \(list(40))") }
            if next(3) == 0 { members.append("\"mentions\": \(list(5))") }
            if next(3) == 0 { members.append("\"figures\": \(figures())") }
            for e in 0..<(next(4) == 0 ? next(20) : next(2)) { members.append("\"extra\(e)\": \"\(word())\"") }
            if next(3) == 0 { members.append("\"urls\":\(space())\(Self.randomList(next, space: space, word: word))") }
            lines.append("{\(space())" + members.shuffled(using: &shuffler).joined(separator: "\(space()),\(space())") + "\(space())}")
        }
        let quick = try CorpusLoader.load(text: lines.joined(separator: "\n"), path: "r.jsonl").corpus
        let full = try CorpusLoader.load(text: "{\"parley\": 1, \"statements\": [\(lines.joined(separator: ","))]}", path: "r.json").corpus
        #expect(quick.count == 600)
        #expect(QuickReaderTests.describe(quick) == QuickReaderTests.describe(full))
        // Most of them went through the C scanner (the rest, past its limits, did not).
        let scanned = lines.count { Self.scan($0) != nil }
        #expect(scanned > 300 && scanned < 600)
    }

    /// A JSON list of strings, numbers, literals, lists and now and then an object, spaced at random.
    static func randomList(_ next: (Int) -> Int, space: () -> String, word: () -> String, depth: Int = 0) -> String {
        let numbers = ["58", "-3", "0", "-0", "2.5", "1e3", "123456789012345678", "1234567890123456789"]
        let items = (0..<next(5)).map { _ -> String in
            switch next(depth < 3 ? 7 : 5) {
            case 0, 1: return "\"\(word())\""
            case 2: return numbers[next(numbers.count)]
            case 3: return ["true", "false", "null"][next(3)]
            case 4: return next(6) == 0 ? "{\"k\": [1, 2]}" : "\"\(word())\""
            default: return randomList(next, space: space, word: word, depth: depth + 1)
            }
        }
        return "[" + space() + items.joined(separator: space() + "," + space()) + space() + "]"
    }

    /// `ps_canonical_list` writes a list as the parser and `JSONValue.appendJSON` would, or leaves it to them.
    @Test func plainListsAreCopiedAsTheParserWritesThem() {
        var state: UInt64 = 23
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let words = ["talks", "Кабул", "café 🙂", #""quoted""#, #"a\b"#, "http://x.example/a?b=c"]
        var copied = 0
        for _ in 0..<2_000 {
            let list = Self.randomList(next, space: { ["", " ", "  ", "\t"][next(4)] }, word: { words[next(words.count)] })
            let bytes = Array(list.utf8)
            let out = [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, n in
                n = bytes.withUnsafeBufferPointer { ps_canonical_list($0.baseAddress!, $0.count, buffer.baseAddress!) }
            }
            guard !out.isEmpty else { continue }
            copied += 1
            var written: [UInt8] = []
            let parsed = bytes.withUnsafeBufferPointer { try? JSONParser.parse($0, range: 0..<$0.count) }
            parsed?.value.appendJSON(to: &written)
            #expect(parsed != nil && out == written, "\(list)")
        }
        #expect(copied > 400, "most plain lists are copied: \(copied)")
        for refused in ["[1.5]", "[-0]", "[\"a\\nb\"]", "[{}]", "[1,]", "[,1]", "[1 2]", "[\"a\"] x", "[truex]", "[[1]", "{\"a\": 1}", "[007]", "[\"\u{01}\"]"] {
            let bytes = Array(refused.utf8)
            var out = [UInt8](repeating: 0, count: bytes.count)
            #expect(ps_canonical_list(bytes, bytes.count, &out) == 0, "\(refused)")
        }
    }

    /// Quotebank's lines (`QuotebankRecord`) through the C scanner read as the full reader reads
    /// them: the same lines with a key written with an escape, which only the full reader takes,
    /// are the reference. Speakers "None" and named, dates with a time and without, quotations with
    /// escapes, and records that only look like Quotebank's (a text or a type of their own, an id too,
    /// an empty quotation).
    @Test func quotebankLinesReadAsTheFullReaderReadsThem() throws {
        var state: UInt64 = 17
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let words = ["we", "will respond", "Кабул", "café 🙂", #"\"quoted\""#, #"caf\u00e9"#, #"a\\b"#]
        let dates = ["2020-01-28 08:04:05", "2020-01-28", "2020-01-28T08:04:05Z", "2020-02-29 23:59:59", "2020-01-28  8:04:05"]
        var shuffler = Generator(next)
        var plain: [String] = [], escaped: [String] = []
        for n in 0..<400 {
            let quotation = (0...next(4)).map { _ in words[next(words.count)] }.joined(separator: " ")
            var members = ["\"quoteID\": \"2020-01-28-\(n)\"", "\"quotation\": \"\(next(40) == 0 ? "" : quotation)\"",
                           "\"speaker\": \"\(next(3) == 0 ? "None" : words[next(words.count)])\"", "\"phase\": \"E\"",
                           "\"qids\": [\"Q\(next(99))\"]", "\"numOccurrences\": \(next(9))", "\"probas\": [[\"None\", \"0.7\"]]"]
            if next(5) > 0 { members.append("\"date\": \"\(dates[next(dates.count)])\"") }
            switch next(20) {
            case 0: members.append("\"text\": \"its own\"")
            case 1: members.append("\"type\": \"statement\"")
            case 2: members.append("\"id\": \"s\(n)\"")
            default: break
            }
            members.shuffle(using: &shuffler)
            plain.append("{" + (members + ["\"extra\": 1"]).joined(separator: ", ") + "}")
            escaped.append("{" + (members + [#""ext\u0072a": 1"#]).joined(separator: ", ") + "}")
        }
        let quick = try CorpusLoader.load(text: plain.joined(separator: "\n"), path: "q.jsonl", skipBad: true)
        let full = try CorpusLoader.load(text: escaped.joined(separator: "\n"), path: "q.jsonl", skipBad: true)
        #expect(quick.corpus.count > 250 && quick.skipped == full.skipped, "\(quick.corpus.count) read, \(quick.skipped) skipped")
        #expect(QuickReaderTests.describe(quick.corpus) == QuickReaderTests.describe(full.corpus))
        // Most went through the C scanner; none of the reference did.
        #expect(plain.count { Self.scan($0) != nil } > 200)
        #expect(escaped.allSatisfy { Self.scan($0) == nil })
    }

    /// Random documents the same way: plain ones through `ps_scan_document`, the rest (other fields,
    /// bad dates) through the Swift readers, with the full reader's result.
    @Test func randomDocumentsReadAsTheFullReaderReadsThem() throws {
        var state: UInt64 = 3
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let words = ["Dawn", "Tolo News", "Ариана", #"caf\u00e9 \"quoted\""#, "https://x/1", "en", ""]
        let dates = ["2025-11-08", "2025-11", "2025"]
        var lines: [String] = []
        for n in 0..<300 {
            var members = [#""type": "document""#, #""id": "d\#(n)""#]
            for key in ["title", "source", "url", "language", "place", "text"] where next(2) == 0 {
                members.append(#""\#(key)": "\#(words[next(words.count)])""#)
            }
            if next(2) == 0 { members.append(#""published": "\#(dates[next(dates.count)])""#) }
            if next(3) == 0 { members.append(#""authors": [\#((0..<next(3)).map { _ in "\"\(words[next(words.count)])\"" }.joined(separator: ", "))]"#) }
            // Past the scanner's limit of extra fields: the Swift readers.
            if next(5) == 0 { members += (0...16).map { #""e\#($0)": "x""# } }
            lines.append("{" + members.joined(separator: ", ") + "}")
            lines.append(#"{"type": "statement", "speaker": "A", "text": "t", "doc": "d\#(n)"}"#)
        }
        let quick = try CorpusLoader.load(text: lines.joined(separator: "\n"), path: "r.jsonl").corpus
        let documents = lines.filter { $0.contains(#""document""#) }, statements = lines.filter { $0.contains(#""statement""#) }
        let full = try CorpusLoader.load(text: "{\"parley\": 1, \"documents\": [\(documents.joined(separator: ","))], \"statements\": [\(statements.joined(separator: ","))]}", path: "r.json").corpus
        #expect(quick.documentCount == 300)
        #expect(QuickReaderTests.describe(quick) == QuickReaderTests.describe(full))
        let out = UnsafeMutablePointer<ps_document>.allocate(capacity: 1)
        defer { out.deallocate() }
        let scanned = documents.count { line in Array(line.utf8).withUnsafeBufferPointer { ps_scan_document($0.baseAddress, $0.count, out) } == 1 }
        #expect(scanned > 150 && scanned < 300)
    }

    @Test(arguments: [
        #"{"type":"document","id":""}"#,
        #"{"type":"document","title":"no id"}"#,
        #"{"type":"document","id":"d1","note":["a"}"#,
        #"{"type":"document","id":"d1","note":1,"note":2}"#,
        #"{"type":"document","id":"d1","":"empty key"}"#,
        #"{"type":"document","id":"d1","authors":["a", null, "title": "x"}"#,
        #"{"type":"document","id":"d1","id":"d2"}"#,
        #"{"type":"statement","id":"d1"}"#,
        #"{"type":"document","id":"d1","authors":"not a list"}"#,
        #"{"type":"document","id":null}"#,
        #"{"type":null,"id":"d1"}"#,
    ])
    func documentsItIsUnsureOfAreLeftToTheSwiftReaders(_ line: String) {
        let out = UnsafeMutablePointer<ps_document>.allocate(capacity: 1)
        defer { out.deallocate() }
        #expect(Array(line.utf8).withUnsafeBufferPointer { ps_scan_document($0.baseAddress, $0.count, out) } == 0)
    }
}

/// A random number generator drawing from the test's own sequence (reproducible shuffles).
private struct Generator: RandomNumberGenerator {
    let draw: (Int) -> Int
    init(_ draw: @escaping (Int) -> Int) { self.draw = draw }
    mutating func next() -> UInt64 { UInt64(draw(1 << 30)) << 34 ^ UInt64(draw(1 << 30)) }
}
