import Corpus
import LuaBinding
import Scripting
import Testing
import TestSupport

/// Statements' fields and collections' items are read from C, straight from the corpus's columns.
/// Those functions must give what the Swift ones give, and must never read a corpus that is gone.
@Suite(.serialized) struct ColumnViewBoundaryTests {
    static func corpus(_ speaker: String, count: Int) throws -> Corpus {
        let lines = (0..<count).map { #"{"type":"statement","speaker":"\#(speaker) \#($0 % 7)","text":"text \#($0)","kind":"indirect","cue":"said"}"# }
        return try CorpusLoader.load(text: lines.joined(separator: "\n"), path: "\(speaker).jsonl").corpus
    }

    @Test func fieldsReadInCAreTheCorpusValues() throws {
        let session = try ScriptSession(limits: ScriptSession.Limits())
        let corpus = try Self.corpus("Amina", count: 500)
        try session.install(corpus: corpus)
        let read = try session.evaluate("""
            local out = {}
            for i, s in ipairs(statements:where{kind = 'indirect'}:first(300)) do
              out[#out + 1] = s.speaker .. '|' .. s.text .. '|' .. s.cue .. '|' .. tostring(s.role) .. '|' .. s.id
            end
            return table.concat(out, '\\n')
            """)
        let expected = (0..<300).map { "Amina \($0 % 7)|text \($0)|said|nil|s\($0 + 1)" }.joined(separator: "\n")
        #expect(read == [expected])
    }

    /// A date-time (kept as its day and its time) reads as written, in C once its day is cached:
    /// the first pass (through Swift), the second (through C), rows with a date, a date-time, a
    /// long fraction (interned whole) or none; and `count_by`, `where` and `sort_by` on them.
    @Test func dateTimesReadInCAreTheDatesAsWritten() throws {
        let dates = (0..<400).map { i -> String? in
            switch i % 5 {
            case 0: nil
            case 1: "2025-11-0\(1 + i % 9)"
            case 2: "2025-11-0\(1 + i % 9)T10:0\(i % 10):00.1234567Z"
            case 3: "2025-11-0\(1 + i % 9) \(10 + i % 14):\(10 + i % 50)+05"
            default: "2025-11-0\(1 + i % 9)T\(10 + i % 14):\(10 + i % 50):\(10 + i % 49).5-03:30"
            }
        }
        let lines = dates.enumerated().map { i, date in
            #"{"type":"statement","speaker":"A","text":"t\#(i)""# + (date.map { #","date":"\#($0)""# } ?? "") + "}"
        }
        let corpus = try CorpusLoader.load(text: lines.joined(separator: "\n"), path: "dt.jsonl").corpus
        let session = try ScriptSession(limits: ScriptSession.Limits())
        try session.install(corpus: corpus)
        let read = try session.evaluate("""
            local out = {}
            for pass = 1, 2 do
              for _, s in ipairs(statements) do out[#out + 1] = tostring(s.date) end
            end
            return table.concat(out, ",")
            """)
        let expected = dates.map { $0 ?? "nil" }.joined(separator: ",")
        #expect(read == [expected + "," + expected])
        let (whole, packed) = (dates[2]!, dates[3]!)
        let queried = try session.evaluate("""
            return statements:count_by("date")["\(whole)"], statements:count_by("date")["\(packed)"],
                   statements:where{date = "2025-11-02"}:count(), statements:sort_by("date")[1].date
            """)
        let onNovember2 = dates.filter { $0?.hasPrefix("2025-11-02") ?? false }.count
        #expect(queried == ["\(dates.filter { $0 == whole }.count)", "\(dates.filter { $0 == packed }.count)",
                            "\(onNovember2)", dates.compactMap { $0 }.min()!])
    }

    /// An extra field of strings most statements have (`verb`) is read in C like the format's fields:
    /// its values, nil where a statement has none, the same on the second pass (from the cache);
    /// a rare or non-string extra still through Swift; and after another corpus is loaded, its own
    /// extras under the same names, never the first corpus's codes.
    /// A document's title, url, published, language and place are read in C once a script has
    /// asked for one: the first read (through Swift), the later ones (through C) and a corpus
    /// loaded after all give the documents' own values.
    @Test func documentFieldsReadInCAreTheDocumentsValues() throws {
        func corpus(_ tag: String) throws -> Corpus {
            var lines: [String] = []
            for d in 0..<30 {
                var doc = #"{"type":"document","id":"d\#(d)","source":"S\#(d % 4)","title":"\#(tag) title \#(d)""#
                if d % 3 != 0 { doc += #","published":"2025-11-0\#(d % 9 + 1)","language":"\#(d % 2 == 0 ? "en" : "ur")""# }
                if d % 5 == 0 { doc += #","url":"https://\#(tag).example/\#(d)","place":"Kabul""# }
                lines.append(doc + "}")
                for i in 0..<3 { lines.append(#"{"type":"statement","doc":"d\#(d)","speaker":"A","text":"t\#(i)"}"#) }
            }
            return try CorpusLoader.load(text: lines.joined(separator: "\n"), path: "d.jsonl").corpus
        }
        let session = try ScriptSession(limits: ScriptSession.Limits())
        let script = """
            local out = {}
            for pass = 1, 2 do
              for _, s in ipairs(statements) do
                local d = s.doc
                out[#out + 1] = table.concat({tostring(d.title), tostring(d.url), tostring(d.published), tostring(d.language), tostring(d.place), d.source}, "|")
              end
            end
            return table.concat(out, ",")
            """
        for tag in ["first", "second"] {
            let loaded = try corpus(tag)
            try session.install(corpus: loaded)
            let one = (0..<loaded.count).map { row -> String in
                let d = loaded.document(ofRow: row)!
                return [d.title, d.url, d.published?.text, d.language, d.place, d.source].map { $0 ?? "nil" }.joined(separator: "|")
            }
            #expect(try session.evaluate(script) == [(one + one).joined(separator: ",")], "\(tag)")
        }
        #expect(try session.evaluate("return statements[4].doc.title") == ["second title 1"])
    }

    @Test func extraFieldsReadInCAreTheCorpusValues() throws {
        func corpus(_ verbs: [String], tone: Bool) throws -> Corpus {
            let lines = (0..<200).map { i -> String in
                var line = #"{"type":"statement","speaker":"A","text":"t"# + "\(i)\""
                if i % 10 != 3 { line += #","verb":"\#(verbs[i % verbs.count])""# }
                if tone && i % 50 == 0 { line += #","tone":{"score":\#(i)}"# }
                return line + "}"
            }
            return try CorpusLoader.load(text: lines.joined(separator: "\n"), path: "v.jsonl").corpus
        }
        let session = try ScriptSession(limits: ScriptSession.Limits())
        func script(tone: Bool) -> String {
            """
            local out = {}
            for pass = 1, 2 do
              for _, s in ipairs(statements) do out[#out + 1] = tostring(s.verb)\(tone ? " .. (s.tone and ':' .. s.tone.score or '')" : "") end
            end
            return table.concat(out, ',')
            """
        }
        func expected(_ verbs: [String], tone: Bool) -> String {
            let one = (0..<200).map { i in (i % 10 == 3 ? "nil" : verbs[i % verbs.count]) + (tone && i % 50 == 0 ? ":\(i)" : "") }
            return (one + one).joined(separator: ",")
        }
        try session.install(corpus: try corpus(["said", "warned", "claimed"], tone: true))
        #expect(try session.evaluate(script(tone: true)) == [expected(["said", "warned", "claimed"], tone: true)])
        try session.install(corpus: try corpus(["denied", "said"], tone: false))
        #expect(try session.evaluate(script(tone: false)) == [expected(["denied", "said"], tone: false)])
        let error = #expect(throws: LuaError.self) { try session.evaluate("return statements[1].verbb") }
        #expect(error?.message.contains("did you mean 'verb'?") == true, "\(error?.message ?? "")")
    }

    /// `s.topics` and `s.mentions` are made in C from the list columns and cached strings: the
    /// same lists as the Swift side makes (empty ones, repeated items), a new table each time.
    @Test func listsReadInCAreTheCorpusLists() throws {
        let topics = ["border", "talks", "trade", "Grenze", "talks"]
        let lines = (0..<300).map { i -> String in
            let list = (0..<(i % 4)).map { "\"" + topics[(i + $0 * 2) % topics.count] + "\"" }.joined(separator: ",")
            return #"{"type":"statement","speaker":"A","text":"t","topics":[\#(list)]"# + (i % 5 == 0 ? #","mentions":["M\#(i % 3)"]"# : "") + "}"
        }
        let session = try ScriptSession(limits: ScriptSession.Limits())
        let figures = lines.enumerated().map { i, line in
            i % 7 == 0 ? line.dropLast() + #","figures":[{"value":\#(i),"unit":"soldiers"}]}"# : line
        }
        try session.install(corpus: try CorpusLoader.load(text: figures.joined(separator: "\n"), path: "l.jsonl").corpus)
        // Most statements have no figures: their empty list is made in C, a new table each time.
        #expect(try session.evaluate("""
            local out = {}
            for _, s in ipairs(statements) do
              local f = s.figures
              f[#f + 1] = 'changed'
              out[#out + 1] = #s.figures .. ':' .. (s.figures[1] and s.figures[1].value or '-')
            end
            return table.concat(out, ',')
            """) == [(0..<300).map { $0 % 7 == 0 ? "1:\($0)" : "0:-" }.joined(separator: ",")])
        let script = """
            local out = {}
            for pass = 1, 2 do
              for _, s in ipairs(statements) do
                local t = s.topics
                t[#t + 1] = 'changed'
                out[#out + 1] = table.concat(s.topics, '+') .. '/' .. table.concat(s.mentions, '+')
              end
            end
            return table.concat(out, ',')
            """
        let expected = (0..<300).map { i -> String in
            (0..<(i % 4)).map { topics[(i + $0 * 2) % topics.count] }.joined(separator: "+") + "/" + (i % 5 == 0 ? "M\(i % 3)" : "")
        }.joined(separator: ",")
        #expect(try session.evaluate(script) == [expected + "," + expected])
    }

    /// `s.doc` is made in C, and `s.doc.source` read from the documents' column in C: both as the
    /// Swift side reads them, before and after the caches fill, and a replaced corpus's handles are
    /// refused.
    @Test func documentsReadInCAreTheCorpusDocuments() throws {
        func corpus(_ prefix: String) throws -> Corpus {
            let documents = (0..<40).map { d in
                #"{"type":"document","id":"\#(prefix)\#(d)","title":"T\#(d)""# + (d % 4 == 0 ? "" : #","source":"S\#(d % 3)""#) + "}"
            }
            let statements = (0..<400).map { i in
                #"{"type":"statement","speaker":"A","text":"t","# + (i % 9 == 0 ? "" : #""doc":"\#(prefix)\#(i % 40)","#) + #""kind":"direct"}"#
            }
            return try CorpusLoader.load(text: (documents + statements).joined(separator: "\n"), path: "\(prefix).jsonl").corpus
        }
        let session = try ScriptSession(limits: ScriptSession.Limits())
        try session.install(corpus: try corpus("d"))
        let script = """
            local out = {}
            for pass = 1, 2 do
              for i, s in ipairs(statements) do
                local d = s.doc
                out[#out + 1] = d and (tostring(d.source) .. '|' .. d.id .. '|' .. d.title) or 'none'
              end
            end
            return table.concat(out, ',')
            """
        let expected = (0..<400).map { i -> String in
            if i % 9 == 0 { return "none" }
            let d = i % 40
            return (d % 4 == 0 ? "nil" : "S\(d % 3)") + "|d\(d)|T\(d)"
        }.joined(separator: ",")
        #expect(try session.evaluate(script) == [expected + "," + expected])
        #expect(try session.evaluate("return statements[2].doc == statements[42].doc, statements[2].doc == statements[3].doc, getmetatable(statements[2].doc) == getmetatable(corpus.documents[1])") == ["true", "false", "true"])
        try session.run("old_doc = statements[2].doc", chunkName: "=keep")
        try session.install(corpus: try corpus("e"))
        #expect(try session.evaluate("return statements[2].doc.id, statements[2].doc.source") == ["e1", "S1"])
        let error = #expect(throws: LuaError.self) { try session.evaluate("return old_doc.source") }
        #expect(error?.message.contains("no longer loaded") == true, "\(error?.message ?? "")")
    }

    @Test func functionsKeptFromAReplacedCorpusNeverReadFreedMemory() throws {
        let session = try ScriptSession(limits: ScriptSession.Limits())
        session.write = { _ in }
        try session.install(corpus: try Self.corpus("Amina", count: 2_000))
        try session.exposeMetatableField("parley.Statement", "__index", as: "old_index")
        try session.exposeMetatableField("parley.Selection", "__index", as: "old_list_index")
        try session.run("""
            old_statement = statements[5]
            old_list = statements:where{speaker = 'Amina 3'}
            """, chunkName: "=keep")
        try session.install(corpus: try Self.corpus("Bilal", count: 10))
        try session.run("collectgarbage() collectgarbage()", chunkName: "=gc")
        // The old functions answer from the old corpus, which they keep alive, or refuse (the host
        // function they fall back to knows only the current corpus)...
        for (code, old) in [("return old_index(old_statement, 'speaker')", "Amina 4"), ("return old_index(old_statement, 'text')", "text 4"),
                            ("return old_list_index(old_list, 2).text", "text 10")] {
            do {
                #expect(try session.evaluate(code) == [old])
            } catch {
                #expect(error.message.contains("no longer loaded"))
            }
        }
        // ...while the current ones refuse what belongs to the old corpus.
        #expect(throws: LuaError.self) { try session.evaluate("return old_statement.speaker") }
        #expect(throws: LuaError.self) { try session.evaluate("return old_list[1]") }
        #expect(try session.evaluate("return statements[3].speaker, #statements") == ["Bilal 2", "10"])
    }

    /// `ipairs` makes a list's statements in C without an `__index` call per step: the same
    /// statements as `list[i]`, in order, and Lua's own `ipairs` for everything else. A list of a
    /// replaced corpus is refused as `list[i]` refuses it.
    @Test func ipairsIsLuasIpairsWithListsMadeInC() throws {
        let session = try ScriptSession(limits: ScriptSession.Limits())
        try session.install(corpus: try Self.corpus("Amina", count: 300))
        #expect(try session.evaluate("""
            local list, n, same = statements:where{speaker = 'Amina 3'}, 0, true
            for i, s in ipairs(list) do n = n + 1; same = same and i == n and s == list[i] end
            local all = 0
            for i, s in ipairs(statements) do all = all + 1 end
            return n, #list, same, all
            """) == ["43", "43", "true", "300"])
        #expect(try session.evaluate("""
            local out = {}
            for i, v in ipairs({10, 20, nil, 40}) do out[#out + 1] = i .. '=' .. v end
            for i, v in ipairs(setmetatable({}, {__index = function(_, k) if k < 3 then return k * 2 end end})) do out[#out + 1] = i .. ':' .. v end
            local step = ipairs(statements)
            local i, s = step(statements, 299)
            out[#out + 1] = tostring(i) .. ' ' .. s.text .. ' ' .. tostring(step(statements, 300)) .. ' ' .. tostring(step({7}, 0))
            return table.concat(out, ',')
            """) == ["1=10,2=20,1:2,2:4,300 text 299 nil 1"])
        #expect(throws: LuaError.self) { try session.evaluate("return ipairs()") }
        try session.run("old_list = statements:where{speaker = 'Amina 3'}", chunkName: "=keep")
        try session.install(corpus: try Self.corpus("Bilal", count: 10))
        let error = #expect(throws: LuaError.self) { try session.evaluate("for _, s in ipairs(old_list) do end") }
        #expect(error?.message.contains("no longer loaded") == true, "\(error?.message ?? "")")
        #expect(try session.evaluate("local n = 0 for _ in ipairs(statements) do n = n + 1 end return n") == ["10"])
    }
}
