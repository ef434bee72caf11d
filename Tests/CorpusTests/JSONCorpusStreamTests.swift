@testable import Corpus
import CorpusScan
import Foundation
import Testing
import TestSupport

/// A .json corpus is walked member by member, its records read as JSON Lines records are
/// (`JSONCorpusStream`), and read again as one tree (`JSONCorpusReader.readWhole`) when its
/// structure is not as expected. Whatever the walk takes in must be what the tree gives.
@Suite struct JSONCorpusStreamTests {
    /// Records of every kind the scanners take or hand on: escapes, figures, relations, spans,
    /// extra fields of strings and of objects, statements with and without "type", a bad date, a
    /// missing speaker, an unknown document, a repeated id; statements before the documents, an
    /// entity, and the whole pretty-printed.
    static let text: String = {
        func json(_ value: Any, pretty: Bool = true) -> String {
            String(decoding: try! JSONSerialization.data(withJSONObject: value, options: pretty ? [.sortedKeys, .prettyPrinted] : [.sortedKeys]), as: UTF8.self)
        }
        var statements: [[String: Any]] = []
        for i in 0..<300 {
            var s: [String: Any] = ["id": "s\(i)", "doc": "d\(i % 7)", "speaker": ["Khawaja Asif", "Zabihullah Mujahid", "Ishaq Dar"][i % 3],
                                    "text": i % 5 == 0 ? "He said \"no\", then: é\n\u{1F600}" : "The talks in Istanbul ended \(i)"]
            if i % 2 == 0 { s["type"] = "statement" }
            if i % 4 == 0 { s["date"] = "2025-11-0\(1 + i % 9)" }
            if i % 6 == 0 { s["topics"] = ["talks", "border"] }
            if i % 10 == 0 { s["figures"] = [["value": 58, "unit": "soldiers", "stance": "claimed", "by": "Khawaja Asif"]] }
            if i % 11 == 0 { s["tone"] = "firm" }
            if i % 13 == 0 { s["meta"] = ["score": 1, "tags": ["a"]] }
            if i % 17 == 0 { s["relations"] = [["type": "contradicts", "statement": "s\(i + 1)"]] }
            statements.append(s)
        }
        statements.append(["id": "bad-date", "doc": "d1", "speaker": "A", "text": "t", "date": "2025-13-45"])
        statements.append(["id": "no-speaker", "doc": "d1", "text": "t"])
        statements.append(["id": "lost", "doc": "nowhere", "speaker": "A", "text": "t"])
        statements.append(["id": "s3", "doc": "d1", "speaker": "A", "text": "a repeated id"])
        let documents: [[String: Any]] = (0..<7).map { d in
            var document: [String: Any] = ["id": "d\(d)", "source": d % 2 == 0 ? "Dawn" : "Tolo \"News\"", "published": "2025-11-0\(1 + d)"]
            if d == 3 { document["type"] = "document" }
            if d == 4 { document["authors"] = ["A. Writer"] }
            if d == 5 { document["desk"] = "region" }
            return document
        }
        let entities: [[String: Any]] = [["name": "Khawaja Asif", "aliases": ["Mr. Asif"]]]
        // Statements first: the walk reads members in the file's order.
        // One statement a line, as generated corpora are written, and every seventh pretty-printed.
        let list = "[\n" + statements.enumerated().map { "    " + json($0.element, pretty: $0.offset % 7 == 0) }.joined(separator: ",\n") + "\n  ]"
        return "{\n  \"parley\": 1,\n  \"name\": \"Streamed\",\n  \"statements\": " + list + ",\n  \"entities\": " + json(entities)
            + ",\n  \"documents\": " + json(documents) + ",\n  \"description\": \"a test\"\n}\n"
    }()

    /// Everything a script could read of a corpus, one line per fact.
    static func fingerprint(_ corpus: Corpus) -> [String] {
        var lines = ["\(corpus.name ?? "-") \(corpus.description ?? "-") \(corpus.count) \(corpus.documentCount)"]
        let fields: [Field] = [.id, .speaker, .speakerText, .role, .affiliation, .kind, .text, .cue, .date, .dateText, .channel,
                               .place, .topics, .mentions, .confidence, .status, .datePart(.year), .document("source"),
                               .document("desk"), .document("authors"), .extra("tone"), .extra("meta")]
        for row in 0..<corpus.count {
            lines.append(fields.map { "\(corpus.values(of: $0, row: row))" }.joined(separator: " | "))
            lines.append("\(corpus.statements.figures(row: row)) \(corpus.statements.relations[row] ?? [])")
        }
        return lines
    }

    static func load(_ text: String, whole: Bool) throws(CorpusLoadError) -> Corpus {
        let file = SourceFile(path: "s.json", text: text)
        let builder = CorpusBuilder()
        if whole {
            try JSONCorpusReader.readWhole(file, into: builder)
        } else {
            guard let streamed = JSONCorpusStream.read(file) else { throw CorpusLoadError(problems: []) }
            builder.absorb(streamed)
        }
        return try builder.finish(skipBad: true)
    }

    @Test func theWalkReadsWhatTheTreeReads() throws {
        let streamed = try Self.load(Self.text, whole: false), whole = try Self.load(Self.text, whole: true)
        #expect(streamed.count == 300, "the good statements; the four bad ones skipped")
        #expect(Self.fingerprint(streamed) == Self.fingerprint(whole))
    }

    /// The same records as one list (pandas' `orient="records"`): statements with and without a
    /// type, documents and an entity typed, the corpus's name in a "corpus" record. The walk reads
    /// what the tree reads, problems included.
    @Test func aListOfRecordsIsWalkedAsTheTreeReadsIt() throws {
        let object = try JSONSerialization.jsonObject(with: Data(Self.text.utf8)) as! [String: Any]
        var records: [Any] = [["type": "corpus", "name": "Streamed", "description": "a test"]]
        records += (object["statements"] as! [[String: Any]]).map { $0 as Any }
        records += (object["documents"] as! [[String: Any]]).map { var d = $0; d["type"] = "document"; return d as Any }
        records += (object["entities"] as! [[String: Any]]).map { var e = $0; e["type"] = "entity"; return e as Any }
        let text = String(decoding: try JSONSerialization.data(withJSONObject: records, options: [.sortedKeys]), as: UTF8.self)
        #expect(JSONCorpusStream.read(SourceFile(path: "l.json", text: text)) != nil, "walked, not left to the tree")
        let streamed = try Self.load(text, whole: false), whole = try Self.load(text, whole: true)
        #expect(streamed.count == 300 && streamed.name == "Streamed")
        #expect(Self.fingerprint(streamed) == Self.fingerprint(whole))
        #expect(streamed.canonicalName("Mr. Asif") == "Khawaja Asif", "the entity was taken")
    }

    /// A list of statements, of records or of documents read in parts gives what it gives in one piece,
    /// problems included; a cut that falls on something only like an element's start (a statement
    /// quoted inside an extra field) makes it read in one piece; a damaged element is left to the
    /// tree either way.
    @Test(arguments: [2, 3, 7])
    func listsReadInPartsGiveWhatOnePieceGives(parts: Int) throws {
        let object = try JSONSerialization.jsonObject(with: Data(Self.text.utf8)) as! [String: Any]
        var records = (object["statements"] as! [[String: Any]]).map { $0 as Any }
        records += (object["documents"] as! [[String: Any]]).map { var d = $0; d["type"] = "document"; return d as Any }
        let list = String(decoding: try JSONSerialization.data(withJSONObject: records, options: [.sortedKeys]), as: UTF8.self)
        // Every statement quotes forty others inside an extra field: each looks like the start of an
        // element, and almost every byte is inside one, so the cuts fall there.
        let quoted = (0..<40).map { "{\"type\": \"statement\", \"speaker\": \"X\", \"text\": \"quoted \($0)\"}" }.joined(separator: ", ")
        let quoting = list.replacingOccurrences(of: #""speaker":"#, with: #""quoted":["# + quoted + #"],"speaker":"#)
        #expect(quoting != list)
        func outcome(_ text: String, parts: Int) -> (facts: [String], problems: [String], parts: Int) {
            let (streamed, partsRead) = JSONCorpusStream.readCountingParts(SourceFile(path: "p.json", text: text), parts: parts, minimumPart: 1)
            guard let streamed else { return (["left to the tree"], [], partsRead) }
            let problems = streamed.log.error.problems.map(\.description)
            let builder = CorpusBuilder()
            builder.absorb(streamed)
            let corpus = try? builder.finish(skipBad: true)
            let documents = corpus?.documents.map { "\($0.id) \($0.source ?? "-") \($0.published?.text ?? "-") \($0.text?.count ?? 0)" } ?? []
            return ((corpus.map(Self.fingerprint) ?? []) + documents, problems, partsRead)
        }
        // Documents with their articles' texts, one with a bad date, before a few statements.
        let articles: [[String: Any]] = (0..<300).map { d in
            ["id": "a\(d)", "source": "Outlet \(d % 5)", "published": d == 150 ? "2025-13-01" : "2025-11-0\(1 + d % 9)",
             "text": String(repeating: "The talks ended, and then they did not. ", count: 1 + d % 4)]
        }
        let reports = String(decoding: try JSONSerialization.data(withJSONObject: [
            "parley": 1, "documents": articles,
            "statements": [["id": "r1", "doc": "a1", "speaker": "A", "text": "One."], ["id": "r2", "doc": "a299", "speaker": "B", "text": "Two."]],
        ] as [String: Any], options: [.sortedKeys]), as: UTF8.self)
        for (text, inParts) in [(Self.text, true), (list, true), (quoting, false), (reports, true)] {
            let whole = outcome(text, parts: 1), split = outcome(text, parts: parts)
            #expect(whole.parts == 1 && whole.facts.count > 300)
            #expect(split.parts == (inParts ? parts : 1), "\(text.prefix(40))")
            #expect(split.facts == whole.facts)
            #expect(split.problems == whole.problems)
        }
        // An element damaged near the end of the list: the walk gives up, in parts as in one piece.
        let damaged = list.replacingOccurrences(of: #""text":"The talks in Istanbul ended 298""#, with: #""text":"The talks in Istanbul ended 298"#)
        #expect(damaged != list)
        #expect(outcome(damaged, parts: parts).facts == ["left to the tree"] && outcome(damaged, parts: 1).facts == ["left to the tree"])
    }

    /// Damaged lists read in parts give what they give in one piece: the same records and
    /// problems, or both left to the tree. Even seeds damage the bytes (changed, cut, inserted:
    /// elements split, quotes and brackets off), which mostly leaves the list to the tree; odd
    /// seeds damage records (a field of the wrong type, a bad date, a missing text, junk in an
    /// extra field), which the walk reports, in parts.
    @Test(arguments: 0..<40)
    func damagedListsReadInPartsAsInOnePiece(seed: Int) throws {
        var random = LoaderFuzzTests.Random(state: UInt64(seed) &+ 4200)
        let object = try JSONSerialization.jsonObject(with: Data(Self.text.utf8)) as! [String: Any]
        var records = object["statements"] as! [[String: Any]]
        if seed % 2 == 1 {
            for _ in 0..<8 {
                let i = random.next(records.count)
                switch random.next(5) {
                case 0: records[i]["speaker"] = 5
                case 1: records[i]["date"] = "2025-02-30"
                case 2: records[i]["text"] = nil
                case 3: records[i]["meta"] = ["deep": [[["x": [1, [2, [3]]]]]]]
                default: records[i]["topics"] = "not a list"
                }
            }
        }
        var bytes = Array(try JSONSerialization.data(withJSONObject: records, options: [.sortedKeys]))
        if seed % 2 == 0 {
            bytes = LoaderFuzzTests.mutate(bytes, &random)
            for _ in 0...random.next(6) where !bytes.isEmpty {
                bytes.insert([0x22, 0x2C, 0x7B, 0x7D, 0x5B, 0x5D, 0x0A][random.next(7)], at: random.next(bytes.count))
            }
        }
        func outcome(parts: Int) -> [String] {
            guard let streamed = JSONCorpusStream.read(SourceFile(path: "f.json", bytes: ByteSource(data: Data(bytes))), parts: parts, minimumPart: 1) else {
                return ["left to the tree"]
            }
            let problems = streamed.log.error.problems.map(\.description)
            let builder = CorpusBuilder()
            builder.absorb(streamed)
            return ((try? builder.finish(skipBad: true)).map(Self.fingerprint) ?? ["unfinished"]) + problems
        }
        #expect(outcome(parts: 3) == outcome(parts: 1))
    }

    @Test func problemsAreTheTreesWithTheirPlaces() {
        var problems: [[CorpusProblem]] = []
        for whole in [false, true] {
            let file = SourceFile(path: "s.json", text: Self.text)
            let builder = CorpusBuilder()
            if whole { try? JSONCorpusReader.readWhole(file, into: builder) } else if let streamed = JSONCorpusStream.read(file) { builder.absorb(streamed) }
            do {
                _ = try builder.finish(skipBad: false)
                Issue.record("must be refused")
            } catch {
                problems.append(error.problems.sorted { ($0.line, $0.column, $0.message) < ($1.line, $1.column, $1.message) })
            }
        }
        #expect(problems.count == 2)
        #expect(problems.first?.count == 4, "bad date, no speaker, unknown document, repeated id: \(problems.first ?? [])")
        #expect(problems.first == problems.last)
    }

    @Test func theScannerTakesElementsWithoutTypeAndAcrossLines() {
        func scans(_ element: String) -> Int? {
            let bytes = Array(element.utf8)
            let out = UnsafeMutablePointer<ps_statement>.allocate(capacity: 1)
            defer { out.deallocate() }
            var consumed = 0
            return ps_scan_statement_element(bytes, bytes.count, out, &consumed) != 0 ? consumed : nil
        }
        let compact = #"{"speaker": "A", "text": "t"}"#
        #expect(scans(compact + ",\n{") == compact.utf8.count, "it ends right after the closing brace")
        #expect(scans("{\n  \"speaker\": \"A\",\r\n  \"text\": \"t\"\n}") != nil)
        #expect(scans(#"{"type": "statement", "speaker": "A", "text": "t"}"#) != nil)
        #expect(scans(#"{"type": "document", "speaker": "A", "text": "t"}"#) == nil)
        #expect(scans(#"{"speaker": "A"}"#) == nil, "a statement needs a text")
        // A JSON Lines record still ends at its line break.
        let line = Array((#"{"type": "statement", "speaker": "A","# + "\n" + #""text": "t"}"#).utf8)
        let out = UnsafeMutablePointer<ps_statement>.allocate(capacity: 1)
        defer { out.deallocate() }
        var consumed = 0
        #expect(ps_scan_statement_line(line, line.count, out, &consumed) == 0)
    }

    @Test func aStructureItDoesNotExpectIsLeftToTheTree() throws {
        let cases = [
            #"{"parley": 1, "statements": [{"speaker": "A", "text": "t"} {"speaker": "B", "text": "u"}]}"#,   // no comma
            #"{"parley": 2, "statements": []}"#,
            #"{"statements": {"speaker": "A"}}"#,
            #"{"statements": [{"speaker": "A", "text": "t"}]} trailing"#,
            #"{"statements": [{"speaker": "A", "text": "t"},]}"#,
        ]
        for text in cases {
            #expect(JSONCorpusStream.read(SourceFile(path: "x.json", text: text)) == nil, "\(text)")
            // And the loader reports it with its place, as before.
            do {
                _ = try CorpusLoader.load(text: text, path: "x.json")
                Issue.record("\(text) must be refused")
            } catch {
                #expect(error.problems.first.map { $0.line >= 1 && $0.column >= 1 } == true)
            }
        }
        // A list given twice is the whole reader's to report.
        let twice = #"{"statements": [{"speaker": "A", "text": "t"}], "statements": [{"speaker": "B", "text": "u"}]}"#
        #expect(JSONCorpusStream.read(SourceFile(path: "t.json", text: twice)) == nil)
        let error = #expect(throws: CorpusLoadError.self) { try CorpusLoader.load(text: twice, path: "t.json") }
        #expect(error?.problems.first?.description == #"t.json:1:49: the field "statements" appears twice"#)
        // Empty lists and an object with nothing but the version are fine.
        #expect(try CorpusLoader.load(text: #"{"parley": 1, "documents": [], "statements": [ ]}"#, path: "e.json").corpus.count == 0)
    }
}
