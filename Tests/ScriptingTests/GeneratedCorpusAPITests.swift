import Corpus
import Foundation
import LuaBinding
import Scripting
import Testing
import TestSupport

/// The Lua API over a generated corpus: answers must equal those computed from the generator's records.
@Suite struct GeneratedCorpusAPITests {
    static let generated = SyntheticCorpus(count: 3000, seed: 11)
    let session: ScriptSession = {
        let session = try! ScriptSession()
        try! session.install(corpus: try! CorpusLoader.load(text: GeneratedCorpusAPITests.generated.jsonLines, path: "g.jsonl").corpus)
        return session
    }()
    var records: [SyntheticCorpus.Record] { Self.generated.records }

    func one(_ code: String) throws -> String { try session.evaluate("return " + code).first ?? "" }

    /// `matching{pattern = p}` (searched on all cores without Lua) keeps what `string.find` keeps
    /// in a predicate, in order: 3,000 texts, split between threads.
    @Test func patternsFindWhatStringFindFinds() throws {
        let patterns = ["%u%u+", "^[Tt]he", "talks$", "(%a+) %1", "%f[%a]cease", "a.-e.-o", "[^%s%l]", "%bTs", "()peace", "will hold", "x*$", "%d"]
        for pattern in patterns {
            let code = "local p = '\(pattern)' local a = statements:matching{pattern = p} local b = statements:filter(function(s) return s.text:find(p) end) "
                + "if #a ~= #b then return #a .. ' ~= ' .. #b end for i = 1, #a do if a[i].id ~= b[i].id then return 'at ' .. i end end return #a"
            let answer = try session.evaluate(code).first ?? ""
            #expect(Int(answer) != nil, "\(pattern): \(answer)")
        }
        #expect(try one("#statements:matching{pattern = '%u%u+'}") == String(records.filter { $0.text.contains("CEASEFIRE") }.count))
    }

    /// A search that would backtrack for long stops at the time limit with the limit's message (it
    /// ran past it before, until the watchdog ended the process); one the sandbox refuses says so
    /// as matching's error, at the script's line.
    @Test func aLongPatternSearchStopsAtTheTimeLimit() throws {
        var limits = ScriptSession.Limits()
        limits.time = 0.5
        let limited = try ScriptSession(limits: limits)
        let long = (0..<2000).map { "{\"type\": \"statement\", \"id\": \"s\($0)\", \"speaker\": \"X\", \"text\": \"\(String(repeating: "e ", count: 45))\"}" }
        try limited.install(corpus: try CorpusLoader.load(text: long.joined(separator: "\n"), path: "long.jsonl").corpus)
        let started = ContinuousClock.now
        let stopped = #expect(throws: LuaError.self) { try limited.run("x = statements:matching{pattern = 'e.-e.-e.-e.-q'}", chunkName: "=t") }
        #expect(stopped?.message.hasPrefix("t:1: the time limit of 0.5 s is reached") == true, "\(stopped?.message ?? "")")
        #expect(ContinuousClock.now - started < .seconds(5))
        let refused = #expect(throws: LuaError.self) { try limited.run("x = statements:matching{pattern = 'e.-e.-e.-e.-e.-q'}", chunkName: "=t") }
        #expect(refused?.message.hasPrefix("t:1: matching: the pattern \"e.-e.-e.-e.-e.-q\" (16 bytes) has 5 repetitions and could run for a very long time on a text of 90 bytes") == true, "\(refused?.message ?? "")")
    }

    /// A chart of many bars shows the largest (40 unless limit says), stacked by the nine largest
    /// series and "other", each bar still its whole total; made at once where 3,000 by 238 took minutes.
    @Test func aChartOfManyBarsShowsTheLargest() throws {
        var limits = ScriptSession.Limits()
        limits.outputDirectory = Fixtures.temporaryDirectory().path
        let session = try ScriptSession(limits: limits)
        try session.install(corpus: self.session.corpus)
        try session.run("""
            local c = statements:count_by(function(s) return s.id:sub(-2) end, function(s) return tostring(#s.text % 13) end)
            report.new{}:chart(c):chart(statements:count_by(function(s) return s.id:sub(-3) end), {limit = 7}):save("charts.json")
            """, chunkName: "=t")
        let data = try Data(contentsOf: URL(fileURLWithPath: limits.outputDirectory + "/charts.json"))
        let parts = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["parts"] as? [[String: Any]])
        let stacked = try #require(parts[0]["chart"] as? [String: Any]), bars = try #require(parts[1]["chart"] as? [String: Any])
        let labelCount = try session.evaluate("return #statements:count_by(function(s) return s.id:sub(-2) end)").first ?? ""
        let barCount = try session.evaluate("return #statements:count_by(function(s) return s.id:sub(-3) end)").first ?? ""
        #expect(Int(labelCount)! > 40 && Int(barCount)! > 7)
        #expect((stacked["title"] as? String)?.hasSuffix("(the 40 largest of \(labelCount))") == true, "\(String(describing: stacked["title"]))")
        let labels = try #require(stacked["labels"] as? [String]), series = try #require(stacked["series"] as? [[String: Any]])
        #expect(labels.count == 40 && series.count == 10 && series.last?["name"] as? String == "other")
        var previous = Double.infinity
        for (i, label) in labels.enumerated() {
            let total = series.reduce(0.0) { $0 + (($1["values"] as? [Double])?[i] ?? 0) }
            let expected = try session.evaluate("return statements:count_by(function(s) return s.id:sub(-2) end)['\(label)']").first ?? ""
            #expect(String(Int(total)) == expected, "bar \(label)")
            #expect(total <= previous, "largest first")
            previous = total
        }
        #expect((bars["labels"] as? [String])?.count == 7 && (bars["title"] as? String)?.hasSuffix("(the 7 largest of \(barCount))") == true, "\(bars)")
        // In text, each of the ten series has a mark of its own.
        let text = try session.evaluate("""
            local c = statements:count_by(function(s) return s.id:sub(-2) end, function(s) return tostring(#s.text % 13) end)
            return tostring(report.new{}:chart(c))
            """).first ?? ""
        let legend = text.split(separator: "\n").first { $0.contains(" other") } ?? ""
        let marks = legend.split(separator: " ").filter { $0.count == 1 && $0.unicodeScalars.first!.value >= 0x2580 }
        #expect(marks.count == 10 && Set(marks).count == 10, "\(legend)")
    }

    /// `count_by(function)` runs its loop in C and counts in a Lua table: the same counts as by the
    /// field, over the corpus and over a selection; nil not counted; numbers equal as numbers (1 and
    /// 1.0); every NaN under one key; a value of another type an error naming it, at the caller's line.
    @Test func countByAFunction() throws {
        for speaker in SyntheticCorpus.speakers {
            let expected = records.filter { $0.speaker == speaker }.count
            #expect(try one("statements:count_by(function(s) return s.speaker end)['\(speaker)'] or 0") == String(expected))
        }
        let direct = records.filter { $0.kind == "direct" }
        let fromDawn = direct.filter { $0.source == "Dawn" }.count
        #expect(try one("statements:where{kind = 'direct'}:count_by(function(s) return s.doc.source end)['Dawn']") == String(fromDawn))
        #expect(try one("statements:count_by(function(s) if s.kind == 'direct' then return nil end return 'other' end).other") == String(records.count - direct.count))
        #expect(try one("statements:count_by(function(s) return s.kind == 'direct' and 1 or 1.0 end)[1]") == String(records.count))
        #expect(try one("statements:count_by(function(s) return s.kind == 'direct' end)[true]") == String(direct.count))
        #expect(try one("#statements:count_by(function(s) return s.kind == 'direct' and 0/0 or nil end):keys()") == "1")
        #expect(try one("statements:count_by(function(s) return s.kind == 'direct' and 0/0 or nil end):total()") == String(direct.count))
        let error = #expect(throws: LuaError.self) {
            try session.run("local n = 0\nstatements:count_by(function(s) n = n + 1 if n == 40 then return print end return 'x' end)", chunkName: "=keys")
        }
        #expect(error?.message.hasPrefix("keys:2: count_by: the key function returned a function;") == true, "\(error?.message ?? "")")
        let raised = #expect(throws: LuaError.self) {
            try session.run("statements:count_by(function(s) error('no key here') end)", chunkName: "=keys")
        }
        #expect(raised?.message.hasPrefix("keys:1: no key here") == true, "\(raised?.message ?? "")")
        #expect(try one("statements:count_by(function(s) return 'after' end).after") == String(records.count), "the session goes on")
    }

    @Test func whereAndCountBy() throws {
        for speaker in SyntheticCorpus.speakers {
            let expected = records.filter { $0.speaker == speaker }.count
            #expect(try one("statements:where{speaker = '\(speaker)'}:count()") == String(expected))
            #expect(try one("statements:count_by('speaker')['\(speaker)'] or 0") == String(expected))
        }
        let year = records.filter { $0.date.hasPrefix("2023") && $0.topics.contains("border") }
        var bySource: [String: Int] = [:]
        for r in year { bySource[r.source, default: 0] += 1 }
        for (source, n) in bySource {
            #expect(try one("statements:where{date = {from = '2023', to = '2023'}, topics = 'border'}:count_by('doc.source')['\(source)']") == String(n))
            // where on the outlet, read through the sources' codes, one or several at once.
            #expect(try one("statements:where{['doc.source'] = '\(source)'}:count()") == String(records.filter { $0.source == source }.count))
        }
        let two = Array(Set(records.map(\.source)).sorted().prefix(2))
        #expect(try one("statements:where{['doc.source'] = {'\(two[0])', '\(two[1])', 'No Such Outlet'}}:count()")
                == String(records.filter { two.contains($0.source) }.count))
        #expect(try one("statements:where{['doc.source'] = 'No Such Outlet'}:count()") == "0")
    }

    /// except, intersect and union: the statements a filter over every statement finds, in corpus order.
    @Test func setsOfStatementsAreThoseAFilterFinds() throws {
        func ids(_ code: String) throws -> String {
            try one("(function() local t = {} for _, s in ipairs(\(code)) do t[#t + 1] = s.id end return table.concat(t, ',') end)()")
        }
        func expected(_ keep: (SyntheticCorpus.Record) -> Bool) -> String { records.filter(keep).map(\.id).joined(separator: ",") }
        let a = "statements:where{kind = 'direct'}", b = "statements:where{topics = 'border'}"
        #expect(try ids("\(a):except(\(b))") == expected { $0.kind == "direct" && !$0.topics.contains("border") })
        #expect(try ids("\(a):intersect(\(b))") == expected { $0.kind == "direct" && $0.topics.contains("border") })
        #expect(try ids("\(b):union(\(a))") == expected { $0.kind == "direct" || $0.topics.contains("border") })
        #expect(try ids("statements:sort_by('date'):first(50):union(statements:first(3))") == ids("statements:union(statements:sort_by('date'):first(50)):intersect(statements:first(3):union(statements:sort_by('date'):first(50)))"))
        #expect(try one("#statements:except(statements)") == "0")
        #expect(try one("#statements:union(statements)") == String(records.count))
        let error = #expect(throws: LuaError.self) { try session.evaluate("return statements:except({})") }
        #expect(error?.message.contains("bad argument #1 to 'except' (a collection expected") == true, "\(error?.message ?? "")")
    }

    /// sample: n different statements of the collection, in corpus order, the same for a seed on
    /// every run, drawn from all of it.
    @Test func aSampleIsDrawnFromTheWholeCollectionAgainAndAgain() throws {
        func rows(_ code: String) throws -> [Int] {
            try one("(function() local t = {} for _, s in ipairs(\(code)) do t[#t + 1] = s.id end return table.concat(t, ',') end)()")
                .split(separator: ",").map { id in records.firstIndex { $0.id == id }! }
        }
        let drawn = try rows("statements:where{kind = 'direct'}:sample(200, 42)")
        #expect(drawn.count == 200 && Set(drawn).count == 200 && drawn == drawn.sorted())
        #expect(drawn.allSatisfy { records[$0].kind == "direct" })
        #expect(try rows("statements:where{kind = 'direct'}:sample(200, 42)") == drawn, "the same seed, the same sample")
        #expect(try rows("statements:where{kind = 'direct'}:sample(200, 43)") != drawn)
        let half = try rows("statements:sample(\(records.count / 2))")
        let early = half.count(where: { $0 < records.count / 2 })
        #expect(early > records.count / 5 && early < records.count * 3 / 10, "drawn from both halves: \(early)")
        #expect(try one("#statements:sample(1e6)") == String(records.count))
        let error = #expect(throws: LuaError.self) { try session.evaluate("return statements:sample(-1)") }
        #expect(error?.message.contains("bad argument #1 to 'sample'") == true, "\(error?.message ?? "")")
    }

    /// A document's statements (`d.statements`, `where{doc = …}`) come from the rows grouped by
    /// document: the same statements, in corpus order, as going through every statement.
    @Test func aDocumentsStatementsAreItsOwnInOrder() throws {
        let docs = Array(Set(records.map(\.doc)).sorted().prefix(40))
        for doc in docs {
            let ids = records.filter { $0.doc == doc }.map(\.id).joined(separator: ",")
            #expect(try one("(function() local t = {} for _, s in ipairs(corpus.documents['\(doc)'].statements) do t[#t + 1] = s.id end return table.concat(t, ',') end)()") == ids)
            #expect(try one("(function() local t = {} for _, s in ipairs(statements:where{doc = '\(doc)'}) do t[#t + 1] = s.id end return table.concat(t, ',') end)()") == ids)
        }
        #expect(try one("statements:where{doc = {'\(docs[0])', '\(docs[1])', 'no-such-doc'}}:count()") == String(records.filter { docs[0...1].contains($0.doc) }.count))
        // Statements of two documents interleaved, and one reported by none.
        let mixed = ScriptSession.exampleCorpusWithInterleavedDocuments()
        #expect(try mixed.evaluate("local t = {} for _, s in ipairs(corpus.documents.a.statements) do t[#t + 1] = s.id end return table.concat(t, ',')") == ["1,3,5"])
        #expect(try mixed.evaluate("return statements:where{doc = 'b'}[1].id, #statements:where{doc = 'b'}, #corpus.documents.c.statements") == ["2", "2", "0"])
    }

    @Test func predicatesAgreeWithNativeQueries() throws {
        #expect(try one("statements:filter(function(s) return s.kind == 'direct' end):count()") == one("statements:where{kind = 'direct'}:count()"))
        #expect(try one("statements:filter(function(s) return s.text:lower():find('ceasefire', 1, true) ~= nil end):count()") ==
                one("statements:matching('ceasefire'):count()"))
        #expect(try one("statements:matching('ceasefire'):count()") == String(records.filter { $0.text.lowercased().contains("ceasefire") }.count))
        #expect(try one("statements:filter(function(s) return #s.figures > 0 end):count()") == String(records.filter { $0.figure != nil }.count))
        // A predicate over a selection sees the selection's rows, and keeps them in order.
        let directIDs = records.filter { $0.kind == "direct" && $0.text.lowercased().contains("ceasefire") }.map(\.id)
        #expect(try session.evaluate("""
            local ids = {}
            for _, s in ipairs(statements:where{kind = 'direct'}:filter(function(s) return s.text:lower():find('ceasefire', 1, true) end)) do
              ids[#ids + 1] = s.id
            end
            return table.concat(ids, ',')
            """).first == directIDs.joined(separator: ","))
        #expect(directIDs.count > 3)
    }

    @Test func countByYearMatchesTheRecords() throws {
        var byYear: [String: Int] = [:]
        for r in records where r.text.lowercased().contains("ceasefire") { byYear[String(r.date.prefix(4)), default: 0] += 1 }
        for (year, n) in byYear {
            #expect(try one("statements:matching('ceasefire'):count_by('date.year')['\(year)']") == String(n))
        }
    }

    @Test func sortAndDistinct() throws {
        #expect(try one("statements:sort_by('date')[1].date") == records.map(\.date).min())
        #expect(try one("#statements:distinct('doc.source')") == String(Set(records.map(\.source)).count))
    }
}

extension ScriptSession {
    /// Statements 1, 3, 5 of document a; 2 and 4 of b; 6 of none; document c reports none.
    static func exampleCorpusWithInterleavedDocuments() -> ScriptSession {
        let lines = [#"{"type": "document", "id": "a"}"#, #"{"type": "document", "id": "b"}"#, #"{"type": "document", "id": "c"}"#]
            + (1...6).map { i in #"{"type": "statement", "id": "\#(i)", "speaker": "x", "text": "t"\#(i == 6 ? "" : i % 2 == 1 ? #", "doc": "a""# : #", "doc": "b""#)}"# }
        let session = try! ScriptSession()
        try! session.install(corpus: try! CorpusLoader.load(text: lines.joined(separator: "\n"), path: "mixed.jsonl").corpus)
        return session
    }
}
