import Corpus
import LuaBinding
import Scripting
import Testing
import TestSupport

/// Every function of the Lua API, against the bundled example corpus.
@Suite struct ExampleCorpusAPITests {
    let session: ScriptSession = {
        let session = try! ScriptSession()
        try! session.install(corpus: try! CorpusLoader.load(path: Fixtures.exampleCorpus).corpus)
        return session
    }()

    func eval(_ code: String) throws -> [String] { try session.evaluate(code) }
    func one(_ code: String) throws -> String { try eval("return " + code).first ?? "(nothing)" }

    @Test func globals() throws {
        #expect(try one("#statements") == String(session.corpus.count))
        #expect(try one("corpus.name") == "Pakistan–Afghanistan talks, November 2025")
        #expect(try one("#corpus.documents") == "2")
        #expect(try one("corpus.documents.blog.source") == "Blog report")
        #expect(try one("corpus.documents[1] == corpus.documents.blog") == "true")
        #expect(try one("corpus.statements == statements") == "true")
        #expect(try one("corpus.entities[1].name .. ' / ' .. corpus.entities[1].aliases[1]") == "Khawaja Asif / Khawaja Muhammad Asif")
    }

    @Test func statementFields() throws {
        let s = "statements:where{id = 'blog#2'}[1]"
        #expect(try one("\(s).speaker") == "Khawaja Asif")
        #expect(try one("\(s).speaker_text") == "Mr. Asif")
        #expect(try one("\(s).role") == "Defence Minister")
        #expect(try one("\(s).kind") == "direct")
        #expect(try one("\(s).cue") == "stating")
        #expect(try one("\(s).date .. ' ' .. \(s).date_text") == "2025-11-07 on Friday")
        #expect(try one("\(s).channel") == "Geo News programme")
        #expect(try one("\(s).text") == "Right now, as we speak, negotiations are over.")
        #expect(try one("\(s).topics[1]") == "talks")
        #expect(try one("\(s).doc.id .. ' ' .. \(s).doc.published") == "blog 2025-11-08")
        #expect(try one("\(s).place") == "nil")
        let f = "statements:where{id = 'news#14'}[1]"
        #expect(try one("#\(f).figures") == "2")
        #expect(try one("\(f).figures[2].value .. ' ' .. \(f).figures[2].stance") == "23 acknowledged")
        #expect(try one("\(f).relations[1].type .. ' ' .. \(f).relations[1].statement") == "contradicts news#13")
        #expect(try one("\(f).doc.date_note ~= nil") == "true", "extra document fields are readable")
    }

    @Test func aStatementWithoutSuchAFieldSaysSoWhere() throws {
        // The field is read by the C __index, which hands unknown names to Swift: the place is still
        // the script's line, and no metamethod name ("__index:") stands in the message.
        let error = #expect(throws: LuaError.self) { try session.run("local s = statements[1]\nreturn s.speeker", chunkName: "@q.lua") }
        #expect(error?.message.hasPrefix("q.lua:2: a statement has no field 'speeker' (did you mean 'speaker'?)") == true,
                "\(error?.message ?? "")")
        let change = #expect(throws: LuaError.self) { try session.run("statements[1].speaker = 'x'", chunkName: "@q.lua") }
        #expect(change?.message.hasPrefix("q.lua:1: statements cannot be changed") == true, "\(change?.message ?? "")")
    }

    @Test func whereWithAliasesListsAndRanges() throws {
        #expect(try one("statements:where{speaker = 'Mr. Asif'}:count()") == one("statements:where{speaker = 'Khawaja Asif'}:count()"))
        #expect(try one("statements:where{kind = {'direct', 'mixed'}}:count()") ==
                one("statements:where{kind = 'direct'}:count() + statements:where{kind = 'mixed'}:count()"))
        #expect(try one("statements:where{date = {from = '2025-11-07', to = '2025-11-07'}}:count()") == "8")
        #expect(try one("statements:where{date = {from = '2025-11-08'}}:count()") == "3")
        #expect(try one("statements:where{['doc.source'] = 'Blog report', topics = 'ceasefire'}:count()") == "1")
        #expect(try one("#statements:where{speaker = 'Khawaja Asif'}:where{['doc.source'] = 'News report'}") == "4")
        // `doc`, as the records write it, is the document's id.
        #expect(try one("statements:where{doc = 'blog'}:count()") == "10")
        #expect(try one("statements:count_by('doc').news") == "21")
        #expect(try one("table.concat(statements:distinct('doc'), ',')") == "blog,news")
    }

    @Test func filterMatchingAndChaining() throws {
        #expect(try one("statements:filter(function(s) return #s.figures > 0 end):count()") == "3")
        #expect(try one("statements:matching('WRITTEN ACCORD'):count()") == "1")
        #expect(try one("statements:matching{pattern = '%d%d soldiers'}:count()") == "1")
        #expect(try one("statements:matching{phrase = 'talks'}:where{kind = 'direct'}:count()") == "2")
        #expect(try one("#statements:matching('over') .. ' ' .. #statements:matching{words = 'over'} .. ' ' .. #statements:matching{words = 'Talks are over'}") == "7 5 2")
    }

    @Test func countsAndTheirMethods() throws {
        #expect(try one("statements:count_by('speaker')['Khawaja Asif']") == "12")
        #expect(try one("statements:count_by('speaker'):top(1):keys()[1]") == "Khawaja Asif")
        #expect(try one("#statements:count_by('speaker'):top(3)") == "3")
        #expect(try one("statements:count_by('topics'):total() >= #statements") == "true")
        #expect(try one("statements:count_by('doc.source', 'kind')['News report']['direct']") == "4")
        #expect(try one("statements:count_by(function(s) return s.kind == 'direct' and 'quoted' or nil end).quoted") ==
                one("statements:where{kind = 'direct'}:count()"))
        #expect(try one("statements:count_by('speaker')['Nobody']") == "nil")
        let each = try eval("local out = {} for k, n in statements:count_by('kind'):each() do out[#out + 1] = k .. '=' .. n end return table.concat(out, ',')")
        #expect(each.first?.hasPrefix("indirect=19,") == true)
        // pairs, as an analyst used to Lua tables writes it, goes as each() and ipairs do.
        let paired = try eval("local out = {} for k, n in pairs(statements:count_by('kind')) do out[#out + 1] = k .. '=' .. n end return table.concat(out, ',')")
        #expect(paired == each)
        // With several fields the key is a list, which prints as its values.
        #expect(try one("(function() for k, n in statements:count_by('doc.source', 'kind'):each() do return tostring(k) .. ' ' .. n end end)()")
                == #"{"News report", "indirect"} 14"#)
        #expect(try one("statements:count_by('doc.source', 'kind'):keys()[1][2]") == "indirect")
        #expect(try one("(function() local ids = {} for i, s in pairs(statements:first(3)) do ids[#ids + 1] = i .. s.id end return table.concat(ids, ',') end)()")
                == one("(function() local ids = {} for i, s in ipairs(statements:first(3)) do ids[#ids + 1] = i .. s.id end return table.concat(ids, ',') end)()"))
    }

    /// pairs on a statement or a document goes through its fields as over the record it was read
    /// from (it raised "table expected, got parley.Statement"): those with a value, in help's order.
    @Test func pairsOnAStatementOrADocumentGivesItsFields() throws {
        let fields = try eval("local out = {} for k, v in pairs(statements[3]) do out[#out + 1] = k .. '=' .. tostring(v) end return table.concat(out, '|')")
        let names = fields.first?.split(separator: "|").map { $0.prefix { $0 != "=" } } ?? []
        #expect(names == ["id", "doc", "speaker", "speaker_text", "role", "affiliation", "kind", "text", "cue", "date", "date_text", "channel", "topics", "mentions"])
        #expect(fields.first?.contains("|date=2025-11-07|date_text=on Friday|") == true, "\(fields)")
        // Each value is what s[name] gives (a list is made anew on each access: compared by its items).
        #expect(try one("""
            (function() local s = statements[3] for k, v in pairs(s) do
              local given = s[k]
              if type(v) == 'table' then v, given = table.concat(v, ','), table.concat(given, ',') end
              if given ~= v then return k end end return 'same' end)()
            """) == "same")
        let document = try eval("local out = {} for k, v in pairs(statements[1].doc) do out[#out + 1] = k end return table.concat(out, ',')")
        #expect(document.first?.hasPrefix("id,title,source,published,") == true, "\(document)")
        #expect(document.first?.hasSuffix(",seed_file") == true, "\(document)")
        let error = #expect(throws: LuaError.self) { try eval("corpus.documents[1].title = 'another'") }
        #expect(error?.message.contains("documents cannot be changed") == true, "\(error?.message ?? "")")
    }

    /// kwic: a list of records that prints with the phrase lined up and saves in its own column order.
    @Test func keywordsInContext() throws {
        #expect(try one("#statements:kwic('talks')") == "6")
        #expect(try one("statements:kwic('talks')[1].id .. '|' .. statements:kwic('talks')[1].before .. '|' .. statements:kwic('talks')[1].after")
                == "blog#1|The peace|with the Afghan Taliban…")
        #expect(try one("#statements:where{kind = 'direct'}:kwic('over')") == "3")
        let shown = try one("tostring(statements:kwic('ceasefire', {window = 20}))").split(separator: "\n")
        #expect(shown.first?.hasPrefix("id  ") == true && shown.first?.contains("before") == true)
        // The phrase starts in the same terminal column on every row (the context before it is aligned right).
        let columns = Set(shown.dropFirst(2).map { line in line.range(of: "ceasefire").map { line[..<$0.lowerBound].terminalWidth } })
        #expect(columns.count == 1, "\(shown)")
        for (code, message) in [("statements:kwic('')", "a phrase expected"), ("statements:kwic('x', 3)", "options expected"),
                                ("statements:kwic('x', {window = -1})", "option window must be a whole number from 0 to 1000")] {
            let error = #expect(throws: LuaError.self) { try session.run(code, chunkName: "=t") }
            #expect(error?.message.contains(message) == true, "\(code): \(error?.message ?? "")")
        }
    }

    /// A statement is a value, as a number is: the same row gives the same key in a table, whichever
    /// collection or loop it came from (statements are light handles, nothing allocated per row).
    @Test func aStatementIsTheSameKeyWhereverItComesFrom() throws {
        #expect(try one("rawequal(statements[1], statements[1])") == "true")
        #expect(try one("statements[1] ~= statements[2]") == "true")
        let seen = try eval("""
            local seen, n = {}, 0
            for _, s in ipairs(statements) do seen[s] = true end
            for _, s in ipairs(statements:sort_by('date')) do if seen[s] then seen[s] = nil n = n + 1 end end
            return n, next(seen) == nil, type(statements[1])
            """)
        #expect(seen == [String(session.corpus.count), "true", "userdata"])
    }

    @Test func sortFirstDistinct() throws {
        #expect(try one("statements:sort_by('date')[1].id") == "news#11")
        #expect(try one("statements:sort_by('date', 'desc')[1].date") == "2025-11-08")
        #expect(try one("#statements:first(5)") == "5")
        #expect(try one("#statements:first(500)") == String(session.corpus.count))
        #expect(try one("table.concat(statements:distinct('kind'), ',')") == "according_to,direct,indirect,mixed")
        #expect(try one("statements[0] == nil and statements[#statements + 1] == nil") == "true")
        #expect(try one("select('#', ipairs(statements)) > 0") == "true")
        #expect(try one("(function() local n = 0 for _ in ipairs(statements) do n = n + 1 end return n end)()") == String(session.corpus.count))
    }

    /// `distinct` hands texts on from where they are stored, and other values as values: each
    /// field's list must be what Lua collects itself, sorted, with numbers still numbers.
    @Test(arguments: ["text", "id", "speaker", "doc.source", "figures.value", "date.year"])
    func distinctListsWhatLuaCollects(_ field: String) throws {
        let same = try one("""
            (function()
              local seen, expected = {}, {}
              for _, s in ipairs(statements) do
                local values
                if "\(field)" == "figures.value" then
                  values = {} for _, f in ipairs(s.figures) do values[#values + 1] = f.value end
                elseif "\(field)" == "doc.source" then values = {s.doc and s.doc.source}
                elseif "\(field)" == "date.year" then values = {s.date and s.date:sub(1, 4)}
                else values = {s["\(field)"]} end
                for _, v in ipairs(values) do if not seen[v] then seen[v] = true expected[#expected + 1] = v end end
              end
              table.sort(expected)
              local got = statements:distinct("\(field)")
              if #got ~= #expected or #got == 0 then return "counts " .. #got .. " " .. #expected end
              for i = 1, #got do
                if got[i] ~= expected[i] or math.type(got[i]) ~= math.type(expected[i]) then
                  return i .. ": " .. tostring(got[i]) .. " ~= " .. tostring(expected[i])
                end
              end
              return "same"
            end)()
            """)
        #expect(same == "same", "\(field)")
    }

    @Test func printingIsReadable() throws {
        let statement = try one("tostring(statements[2])")
        #expect(statement.contains("Khawaja Asif (Defence Minister, Government of Pakistan) stating [2025-11-07, Blog report, blog#2]"))
        #expect(statement.contains("“Right now, as we speak, negotiations are over.”"))
        let collection = try one("tostring(statements)")
        #expect(collection.contains("… 21 more (31 statements)"))
        #expect(!collection.contains("userdata"))
        let counts = try one("tostring(statements:count_by('kind'))")
        #expect(counts.split(separator: "\n").first?.hasPrefix("kind") == true)
        #expect(counts.contains("indirect"))
        #expect(try one("tostring(statements:count_by('status'))").hasSuffix("\n(no statement here has a value for status)"), "nothing counted is said")
        #expect(try one("tostring(statements:count_by('kind', 'status'))").hasSuffix("\n(no statement here has a value for each of kind, status)"))
        let byText = try one("tostring(statements:count_by('text'))")
        #expect(byText.split(separator: "\n").allSatisfy { $0.count <= 70 }, "long keys are clipped as texts are: \(byText)")
        #expect(byText.contains("…"))
    }

    /// The speaker's entity lends its fields to queries (`speaker.country`, `speaker.kind`…) and is
    /// `s.entity`; each answer is checked against the same question asked of corpus.entities in Lua.
    @Test func theSpeakersEntityLendsItsFieldsToQueries() throws {
        let byHand = """
            local by_name = {}
            for _, e in ipairs(corpus.entities) do by_name[e.name] = e end
            local function of(s, field) local e = by_name[s.speaker]; return e and e[field] end
            """
        for field in ["country", "kind", "affiliation", "note"] {
            let counted = try one("(function() \(byHand) local n, keys = {}, {}; for k, c in statements:count_by('speaker.\(field)'):each() do n[#n + 1] = k .. '=' .. c end; return table.concat(n, ',') end)()")
            let expected = try one("""
                (function() \(byHand)
                  local c, order = {}, {}
                  for _, s in ipairs(statements) do local v = of(s, '\(field)'); if v then if not c[v] then c[v] = 0; order[#order + 1] = v end; c[v] = c[v] + 1 end end
                  table.sort(order, function(a, b) if c[a] ~= c[b] then return c[a] > c[b] end return a < b end)
                  local n = {}; for _, v in ipairs(order) do n[#n + 1] = v .. '=' .. c[v] end
                  return table.concat(n, ',') end)()
                """)
            #expect(counted == expected, "speaker.\(field)")
            #expect(!counted.isEmpty)
        }
        #expect(try one("statements:where{['speaker.country'] = 'Afghanistan'}:count()")
                == one("(function() \(byHand) return statements:filter(function(s) return of(s, 'country') == 'Afghanistan' end):count() end)()"))
        #expect(try one("statements:where{['speaker.kind'] = {'state', 'group'}}:count() + statements:where{['speaker.kind'] = 'person'}:count()")
                == one("(function() \(byHand) return statements:filter(function(s) return of(s, 'kind') ~= nil end):count() end)()"))
        #expect(try one("statements:where{['speaker.aliases'] = 'Mr. Asif'}:count()") == one("statements:where{speaker = 'Khawaja Asif'}:count()"))
        #expect(try one("statements:where{speaker = 'Khawaja Asif'}[1].entity == corpus.entities[1]") == "true")
        #expect(try one("statements:where{speaker = 'unknown'}[1].entity") == "nil")
        #expect(try one("tostring(statements:where{['speaker.country'] = 'pakistan'})").contains("no statement has speaker.country \"pakistan\" (did you mean \"Pakistan\"?)"))
        let misspelt = #expect(throws: LuaError.self) { try eval("return statements:count_by('speaker.contry')") }
        #expect(misspelt?.message.contains("unknown field 'speaker.contry' (did you mean 'speaker.country'?)") == true, "\(misspelt?.message ?? "")")
    }

    /// Word frequencies agree with a count of the texts' words made in Lua, alone and by a field
    /// laid out with crosstab; a mistyped option is named with the one meant.
    @Test func wordsCountTheTextsWords() throws {
        let check = """
            local mine, bySource = {}, {}
            for _, s in ipairs(statements) do
              -- Words with an apostrophe or a hyphen inside stay one ("pakistan's", "cross-border").
              for w in s.text:lower():gsub("’", "'"):gmatch("[%w'%-]+") do
                w = w:gsub("^[-']+", ""):gsub("[-']+$", "")
                mine[w] = (mine[w] or 0) + 1
                local key = s.doc.source .. "|" .. w
                bySource[key] = (bySource[key] or 0) + 1
              end
            end
            local problems = {}
            local words = statements:words()
            for _, w in ipairs{"ceasefire", "talks", "border", "killed"} do
              if words[w] ~= mine[w] then problems[#problems + 1] = w .. " " .. tostring(words[w]) .. "/" .. tostring(mine[w]) end
            end
            if words["the"] or not statements:words{stopwords = true}["the"] then problems[#problems + 1] = "stop words" end
            if statements:words{drop = {"Talks"}}["talks"] then problems[#problems + 1] = "drop" end
            local t = statements:words{by = "doc.source"}:crosstab()
            for _, row in ipairs(t) do
              for _, source in ipairs(statements:distinct("doc.source")) do
                if row[source] ~= (bySource[source .. "|" .. row.word:gsub("’", "'")] or 0) then
                  problems[#problems + 1] = source .. "/" .. row.word
                end
              end
            end
            return #t > 20 and table.concat(problems, ", ") or "rows: " .. #t
            """
        #expect(try eval(check) == [""])
        // Keyness: each word's counts are those of words() on each side, most characteristic first; it prints as a table.
        let keyness = """
            local afghan = statements:where{["speaker.country"] = "Afghanistan"}
            local pakistani = statements:where{["speaker.country"] = "Pakistan"}
            local k = afghan:keyness(pakistani)
            local a, p, problems = afghan:words(), pakistani:words(), {}
            for i, r in ipairs(k) do
              if r.target ~= (a[r.word] or 0) or r.reference ~= (p[r.word] or 0) then problems[#problems + 1] = r.word end
              if i > 1 and r.chi2 > k[i - 1].chi2 then problems[#problems + 1] = "order at " .. i end
            end
            return #k > 20 and k[1].chi2 > 0 and k[#k].chi2 < 0 and table.concat(problems, ", ") or "rows: " .. #k
            """
        #expect(try eval(keyness) == [""])
        var written: [String] = []
        session.write = { written.append($0) }
        try session.run("print(statements:where{kind = 'direct'}:keyness(statements:where{kind = 'indirect'}))", chunkName: "=t")
        #expect(written.joined().split(separator: "\n").first?.split(separator: " ") == ["word", "chi2", "p", "target", "reference"], "\(written.prefix(3))")
        let notACollection = #expect(throws: LuaError.self) { try eval("return statements:keyness('Pakistan')") }
        #expect(notACollection?.message.contains("a collection to compare with expected") == true, "\(notACollection?.message ?? "")")
        let mistyped = #expect(throws: LuaError.self) { try eval("return statements:words{stopword = true}") }
        #expect(mistyped?.message.contains("unknown option 'stopword' (did you mean stopwords?)") == true, "\(mistyped?.message ?? "")")
        // Counts sorted by a key: a timeline reads top to bottom; a key not counted by is named with the one meant.
        #expect(try eval("local c = statements:count_by('date'):sort_by('date'); local k = c:keys(); return k[1] < k[#k] and #k == #statements:distinct('date') and c[k[1]] == statements:where{date = k[1]}:count()") == ["true"])
        let notAKey = #expect(throws: LuaError.self) { try eval("return statements:count_by('kind'):sort_by('knd')") }
        #expect(notAKey?.message.contains("got 'knd' (did you mean kind?)") == true, "\(notAKey?.message ?? "")")
        // Words by every statement's id: more pairs than a small memory limit holds, said before it is used up.
        var small = ScriptSession.Limits()
        small.memory = 1 << 20
        let limited = try ScriptSession(limits: small)
        try limited.install(corpus: try CorpusLoader.load(text: SyntheticCorpus(count: 3_000, seed: 2).jsonLines, path: "g.jsonl").corpus)
        let tooMany = #expect(throws: LuaError.self) { try limited.evaluate("return statements:words{by = 'id'}") }
        #expect(tooMany?.message.contains("more than 4096 different pairs of a word and a value of id, past what the memory limit of 1 MiB holds") == true, "\(tooMany?.message ?? "")")
        #expect(try limited.evaluate("return #statements:words{by = 'speaker'}") != ["0"])
        let list = #expect(throws: LuaError.self) { try eval("return statements:words{'said'}") }
        #expect(list?.message.contains("options are given by name, as in {drop = {\"said\"}}") == true, "\(list?.message ?? "")")
        let badBy = #expect(throws: LuaError.self) { try eval("return statements:words{by = 'speakr'}") }
        #expect(badBy?.message.contains("unknown field 'speakr' (did you mean 'speaker'?)") == true, "\(badBy?.message ?? "")")
    }

    /// A crosstab holds, in each cell, what the counts it comes from hold for that pair (0 where they
    /// have none); rows go by their totals, columns by their values; it prints and saves as a table.
    @Test func aCrosstabLaysCountsOutSideBySide() throws {
        let check = """
            local counts = statements:count_by("speaker", "doc.source")
            local t = statements:count_by("speaker", "doc.source"):crosstab{margins = true}
            local sources = statements:distinct("doc.source")
            local problems, last = {}, math.huge
            for i = 1, #t - 1 do
              local row, sum = t[i], 0
              for _, source in ipairs(sources) do
                local n = counts[row.speaker][source] or 0
                if row[source] ~= n then problems[#problems + 1] = row.speaker .. "/" .. source end
                sum = sum + n
              end
              if row.total ~= sum or sum > last then problems[#problems + 1] = "total " .. row.speaker end
              if sum ~= statements:where{speaker = row.speaker}:count() then problems[#problems + 1] = "all " .. row.speaker end
              last = sum
            end
            local bottom = t[#t]
            if bottom.speaker ~= "total" or bottom.total ~= #statements then problems[#problems + 1] = "bottom" end
            for _, source in ipairs(sources) do
              if bottom[source] ~= statements:where{["doc.source"] = source}:count() then problems[#problems + 1] = "bottom " .. source end
            end
            return #t - 1 == #statements:distinct("speaker") and table.concat(problems, ", ") or "rows: " .. #t
            """
        #expect(try eval(check) == [""])
        let shown = try one("tostring(#statements:count_by('kind', 'doc.source'):crosstab())")
        #expect(shown == "4")
        var written: [String] = []
        session.write = { written.append($0) }
        try session.run("print(statements:count_by('speaker.country', 'kind'):crosstab())", chunkName: "=t")
        let lines = written.joined().split(separator: "\n")
        #expect(lines.first?.split(separator: " ").map(String.init) == ["speaker.country", "according_to", "direct", "indirect", "mixed"], "\(written)")
        #expect(lines.dropFirst(2).first?.split(separator: " ").map(String.init) == ["Pakistan", "1", "5", "12", "4"], "\(written)")
        let oneKey = #expect(throws: LuaError.self) { try eval("return statements:count_by('speaker'):crosstab()") }
        #expect(oneKey?.message.contains("crosstab: counts by two keys expected") == true, "\(oneKey?.message ?? "")")
        // Percentages: each cell of its row's total, its column's or the whole, to one decimal.
        let percents = """
            local n = statements:count_by("doc.source", "kind")
            local all = #statements
            local problems = {}
            for _, spec in ipairs{{"rows"}, {"columns"}, {"all"}} do
              local t = n:crosstab{percent = spec[1], margins = true}
              for i = 1, #t - 1 do
                local row = t[i]
                for _, kind in ipairs(statements:distinct("kind")) do
                  local count = n[row["doc.source"]][kind] or 0
                  local whole = spec[1] == "rows" and statements:where{["doc.source"] = row["doc.source"]}:count()
                    or spec[1] == "columns" and statements:where{kind = kind}:count() or all
                  if math.abs(row[kind] - count * 100 / whole) > 0.05 then problems[#problems + 1] = spec[1] .. ":" .. row["doc.source"] .. "/" .. kind end
                end
              end
              if spec[1] ~= "columns" and t[#t].total ~= 100 then problems[#problems + 1] = spec[1] .. " total" end
            end
            return table.concat(problems, ", ")
            """
        #expect(try eval(percents) == [""])
        let badPercent = #expect(throws: LuaError.self) { try eval("return statements:count_by('speaker', 'kind'):crosstab{percent = 'row'}") }
        #expect(badPercent?.message.contains("option percent: \"rows\", \"columns\" or \"all\" expected (of what each cell is a percentage), got \"row\"") == true, "\(badPercent?.message ?? "")")
        let badOption = #expect(throws: LuaError.self) { try eval("return statements:count_by('speaker', 'kind'):crosstab{margins = 'yes'}") }
        #expect(badOption?.message.contains("option margins: true or false expected, got string") == true, "\(badOption?.message ?? "")")
    }

    /// The slips analysts make writing conditions are told what to write: a dotted name without
    /// brackets, conditions in parentheses, a method without them, == for =, a range backwards.
    @Test func slipsInConditionsAreExplained() throws {
        func message(_ code: String) -> String {
            do { try session.run(code, chunkName: "=t"); return "(ran)" } catch { return error.message }
        }
        #expect(message(#"x = statements:where{doc.source = "News report"}"#).hasPrefix(
            #"t:1: '}' expected near '=' — a field name with a dot (or any name that is not a plain word) goes in brackets and quotes: where{["doc.source"] = "…"}"#))
        #expect(message(#"x = statements:where(speaker = "Khawaja Asif")"#).contains("— conditions and options go in braces: where{speaker = \"…\"}"))
        #expect(message(#"x = statements:where{kind = "direct"}:count"#).contains("— a method is called with parentheses: c:count(), not c:count"))
        #expect(message(#"x = statements:where{speaker == "Khawaja Asif"}"#).contains("a condition is written with one =, as where{speaker = \"…\"}: == compares"))
        #expect(message("x = 1 +") == "t:1: unexpected symbol near <eof>", "other syntax errors are Lua's own")
        #expect(message(#"x = statements:filter(function(s) return s.speaker = "Khawaja Asif" end)"#).contains("'end' expected near '=' — to compare, write =="))
        #expect(message(#"for _, s in ipairs(statements) do if s.kind = "direct" then end end"#).contains("'then' expected near '=' — to compare, write =="))
        #expect(message("x = statements:filter(function(s)\n  return s.speaker = 'A'\nend)").contains("'end' expected (to close 'function' at line 1) near '=' — to compare, write =="))
        #expect(message(#"x = statements:matching("talks", "ceasefire")"#).contains("matching takes one phrase; for statements with any of several, join them"))
        #expect(message(#"x = statements:matching{words = "talks", pattern = "%a+"}"#).contains("give one of phrase, words or pattern, not words and pattern"))
        #expect(message(#"x = statements:first("3")"#).contains("got the string \"3\""))
        #expect(try one(#"tostring(statements:where{date = {from = "2025-11-08", to = "2025-11-07"}})"#).hasSuffix(
            "(0 statements: the range of date runs backwards, from 2025-11-08 to 2025-11-07)"))
        #expect(try one(#"tostring(statements:where{date = {from = "2025-11", to = "2025-11-07"}}:count())"#) != "0")
        #expect(!(try one(#"tostring(statements:where{date = {from = "2025-12", to = "2026"}})"#)).contains("backwards"))
        // A value of the other kind than the field holds found nothing and said nothing.
        #expect(try one(#"tostring(statements:where{speaker = 5})"#).hasSuffix(#"(0 statements: speaker holds text: write "5", not 5)"#))
        #expect(try one(#"tostring(statements:where{confidence = "high"})"#).hasSuffix(#"(0 statements: confidence holds numbers, not text such as "high")"#))
        #expect(try one(#"tostring(statements:where{["figures.value"] = {from = "10"}})"#).hasSuffix(#"(0 statements: figures.value holds numbers, not text such as "10")"#))
        // A year as a number bounds a range of dates as it is equal to one ("needs dates … not 2025" before).
        #expect(try one("#statements:where{date = {from = 2025, to = 2025}}") == one("#statements:where{date = 2025}"))
        #expect(try one("#statements:where{date = {from = 2025}}") != "0")
        #expect(try one("#statements:where{date = {to = 2024}}") == "0")
    }

    /// A nil where a value was wanted is told its likely cause: a field the statement lacks, a
    /// misspelt global, an index past the end; other messages are Lua's own.
    @Test func aNilIsToldItsLikelyCause() throws {
        func message(_ code: String) -> String {
            do { try session.run(code, chunkName: "=t"); return "(ran)" } catch { return String(error.message.prefix { $0 != "\n" }) }
        }
        #expect(message(#"for _, s in ipairs(statements) do if s.date < "2025-11" then end end"#) == "t:1: attempt to compare nil with string"
            + #" — one side is nil, as a field is for a statement that does not have it: test it first, as in if s.date and s.date < "2025-11" then"#)
        #expect(message(#"for _, s in ipairs(statements) do local x = s.role .. "!" end"#) == "t:1: attempt to concatenate a nil value (field 'role')"
            + #" — a statement without role gives nil for s.role: test it first (if s.role then … end) or give a default: (s.role or "")"#)
        #expect(message("for _, s in ipairs(statements) do local x = s.confidence * 2 end").hasSuffix("or give a default: (s.confidence or 0)"))
        #expect(message("for _, s in ipairs(statements) do local x = #s.span end").hasSuffix("test it first (if s.span then … end)"))
        #expect(message("prnt(1)") == "t:1: attempt to call a nil value (global 'prnt') — did you mean 'print'?")
        #expect(message("x = statement:count()") == "t:1: attempt to index a nil value (global 'statement') — did you mean 'statements'?")
        #expect(message("x = never_set_anywhere.x").hasSuffix("— no variable 'never_set_anywhere' is set: Lua reads a name never assigned as nil"))
        #expect(message("x = statements[100].text").hasSuffix("— nothing is at that place: a list's items are 1 to #list"))
        // Not a statement's field, a local, or an error raised with such words: Lua's message alone.
        #expect(message(#"x = statements:count_by("speaker")["Nobody"] + 1"#) == "t:1: attempt to perform arithmetic on a nil value (field 'Nobody')")
        #expect(message("local x; x.y = 1") == "t:1: attempt to index a nil value (local 'x')")
        #expect(message(#"error("attempt to call a nil value (global 'prnt')", 0)"#) == "attempt to call a nil value (global 'prnt')")
        // What the sandbox removed keeps the sandbox's reason.
        #expect(message("x = io.open('x')").hasSuffix("— io is not available: scripts run sandboxed, without files, commands or the environment (pass --trust to allow them)"))
    }

    /// A cut-short table says what it did not show; one that is both a list and keyed, as
    /// `corpus.documents` is, counts each part, so that its documents are not counted twice.
    @Test func aCutShortTableSaysHowManyOfEachPartAreLeft() throws {
        func shown(_ build: String) throws -> String {
            var written: [String] = []
            session.write = { written.append($0) }
            try session.run("local t = {} for i = 1, 60 do \(build) end print(t)", chunkName: "=t")
            return written.joined().trimmingCharacters(in: .newlines)
        }
        #expect(try shown("t[i] = i").hasSuffix("  … 10 more\n}"))
        #expect(try shown("t['k' .. i] = i").hasSuffix("  … 10 more\n}"))
        #expect(try shown("t[i] = i; t['k' .. i] = i").hasSuffix("  … 10 more in the list (60 in all), and 60 more by key\n}"))
        var written: [String] = []
        session.write = { written.append($0) }
        try session.run("print(corpus.documents)", chunkName: "=t")
        #expect(written.joined().contains("blog = document blog"), "a short table is shown whole")
    }

    /// Tables show a value with line breaks, tabs or escape sequences on its one line, its
    /// controls as pictures: neither the columns nor the terminal move.
    @Test func tablesShowControlCharactersAsPictures() throws {
        let hostile = try ScriptSession()
        let lines = [#"{"type":"statement","speaker":"Ann\r\tLee\u001b[2J","text":"one\ntwo\u0085three"}"#,
                     #"{"type":"statement","speaker":"Bo","text":"plain"}"#]
        try hostile.install(corpus: try CorpusLoader.load(text: lines.joined(separator: "\n"), path: "h.jsonl").corpus)
        for code in ["return tostring(statements)", "return tostring(statements:count_by('speaker'))"] {
            let table = try hostile.evaluate(code).first ?? ""
            #expect(!table.utf8.contains(0x1B) && !table.contains("\r") && !table.contains("\t") && !table.contains("\u{85}"), "\(table)")
            #expect(table.contains("Ann  Lee␛[2J"), "\(table)")
            let rows = table.split(separator: "\n")
            #expect(rows.count == (code.contains("count_by") ? 4 : 5), "one line per row: \(table)")
        }
        #expect(try hostile.evaluate("return tostring(statements)").first?.contains("one two�three") == true)
    }

    /// In a terminal narrower than its lines, help() puts each summary under its signature, every
    /// line within the width (the REPL gives the session its terminal's width).
    @Test func helpFitsANarrowTerminal() throws {
        var written: [String] = []
        session.write = { written.append($0) }
        session.outputWidth = 80
        try session.run("help()", chunkName: "=t")
        let lines = written.last?.split(separator: "\n") ?? []
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines.filter { $0.count > 80 })")
        for entry in APIReference.entries {
            #expect(lines.contains { $0.hasPrefix("  " + entry.signature.prefix(60)) }, "\(entry.name)")
        }
        #expect(lines.contains("      The statements for which the function returns a true value. The function …"))
    }

    @Test func badArgumentsAreExplained() throws {
        let cases: [(String, String)] = [
            ("statements:where('x')", "bad argument #1 to 'where' (a table of conditions expected"),
            ("statements:where{speeker = 'x'}", "where: unknown field 'speeker' (did you mean 'speaker'?)"),
            ("statements.where{speaker = 'x'}", "call it on a collection with a colon"),
            ("statements:count_by('year')", "count_by: unknown field 'year' (did you mean 'date.year'?)"),
            ("statements:sort_by('source')", "sort_by: unknown field 'source' (did you mean 'doc.source'?)"),
            ("statements:count_by('figures')", "count_by: 'figures' holds records, which a query cannot compare or count as they are: name one of their fields, as in count_by(\"figures.stance\")"),
            ("statements:count_by('relations')", "count_by: 'relations' holds records, which a query cannot compare or count as they are: use a function"),
            ("statements:count_by('outlet')", "count_by: unknown field 'outlet' (the fields are: id, speaker, role,"),
            ("statements:filter(5)", "bad argument #1 to 'filter' (a function expected"),
            ("statements:sort_by('date', 'up')", "bad argument #2 to 'sort_by' (\"asc\" or \"desc\" expected, got the string \"up\")"),
            ("statements:count_by('kind'):sort_by('n', 'up')", "bad argument #2 to 'sort_by' (\"asc\" or \"desc\" expected, got the string \"up\")"),
            ("statements:first(-1)", "bad argument #1 to 'first'"),
            ("statements:count_by()", "bad argument #1 to 'count_by'"),
            ("statements:count_by(function() return {} end)", "the key function returned a table"),
            ("statements:where{date = {from = 'soon'}}", "needs dates such as"),
            ("statements[1].speaker = 'x'", "statements cannot be changed"),
            ("statements:matching{pattern = '(('}", "matching: the pattern '((' cannot be used: unfinished capture"),
            ("statements:matching{pattern = 'talks [a'}", "matching: the pattern 'talks [a' cannot be used: malformed pattern (missing ']')"),
            ("statements:cuont_by('speaker')", "a collection has no method 'cuont_by' (did you mean 'count_by'?)"),
            ("statements:each()", "a collection has no method 'each'; to go through its statements, write for i, s in ipairs(c) do"),
            ("return statements.speaker", "'speaker' is a field of each statement: c:distinct(\"speaker\") lists its values"),
            ("statements:where{kind = 'direct'}:frobnicate()", "a collection has no method 'frobnicate'; its methods are where, filter, matching,"),
            ("for s in statements do end", "a collection is not a function: to go through its statements, write for i, s in ipairs(statements)"),
            // Long values a script passes are repeated by their start.
            ("statements[(\"q\"):rep(1e5)]()", "a collection has no method '\(String(repeating: "q", count: 60))…'; its methods"),
            ("return statements[1][(\"é\"):rep(1e5)]", "a statement has no field '\(String(repeating: "é", count: 60))…'"),
            ("statements:where{date = ('9'):rep(1e5)}", "where: '\(String(repeating: "9", count: 60))…' is not a date"),
            ("statements:matching{pattern = ('('):rep(1e5)}", "matching: the pattern '\(String(repeating: "(", count: 60))…' cannot be used"),
            // A misspelt option is named with the one meant (it was ignored, and the default taken).
            ("statements:kwic('talks', {windw = 3})", "bad argument #2 to 'kwic' (unknown option 'windw' (did you mean window?): the options are window and limit)"),
            ("statements:count_by('kind', 'speaker'):crosstab{margin = true}", "bad argument #1 to 'crosstab' (unknown option 'margin' (did you mean margins?)"),
            ("report.new{titel = 'x'}", "bad argument #1 to 'new' (unknown option 'titel' (did you mean title?): the only option is title)"),
            ("report.save(statements, 'x.md', {titel = 'x'})", "bad argument #3 to 'save' (unknown option 'titel' (did you mean title?): the options are format, excel, title and columns)"),
            ("report.save(statements, 'x.md', {'md'})", "bad argument #3 to 'save' (options are given by name, as in {format = \"html\"}; got a list)"),
            ("report.new{}:table(statements, {captoin = 'x'})", "bad argument #2 to 'table' (unknown option 'captoin' (did you mean caption?)"),
            ("report.new{}:chart(statements:count_by('kind'), {knd = 'bar'})", "bad argument #2 to 'chart' (unknown option 'knd' (did you mean kind?)"),
            ("statements:matching{words = 'talks', limit = 3}", "bad argument #1 to 'matching' (unknown option 'limit': the options are phrase, words and pattern)"),
            ("statements:count_by('kind'):top('5')", "bad argument #1 to 'top' (a whole number of rows (0 or more) expected, got the string \"5\")"),
            ("statements:count_by('kind'):top(-1)", "bad argument #1 to 'top' (a whole number of rows (0 or more) expected, got -1)"),
            ("statements:sample(3, {seed = 1})", "bad argument #2 to 'sample' (a whole number as the seed expected, got a table)"),
            ("report.new{}:save('x.md', {title = 'x'})", "bad argument #2 to 'save' (unknown option 'title': the options are format and excel)"),
        ]
        for (code, message) in cases {
            let error = #expect(throws: LuaError.self, "\(code)") { try eval(code) }
            #expect(error?.message.contains(message) == true, "\(code): \(error?.message.prefix(300) ?? "")")
            #expect((error?.message.count ?? 0) < 2000, "\(code)")
        }
    }

    @Test func errorsInsidePredicatesKeepTheirOwnPosition() throws {
        let error = #expect(throws: LuaError.self) { try session.run("statements:filter(function(s)\n  error('bad predicate')\nend)", chunkName: "@p.lua") }
        #expect(error?.message.hasPrefix("p.lua:2: bad predicate") == true)
    }

    @Test func helpComesFromTheReference() throws {
        var written: [String] = []
        session.write = { written.append($0) }
        try session.run("help(statements.where)", chunkName: "=t")
        #expect(written.last == APIReference.text(of: APIReference.entry(named: "statements:where")!))
        try session.run("help('count_by')", chunkName: "=t")
        #expect(written.last?.hasPrefix("c:count_by(key, …)") == true)
        try session.run("help()", chunkName: "=t")
        for entry in APIReference.entries { #expect(written.last?.contains(entry.signature.clipped(44)) == true, "\(entry.name)") }
        try session.run("help(statements:count_by('kind'))", chunkName: "=t")
        #expect(written.last?.hasPrefix("Counts:") == true)
        try session.run("help(print)", chunkName: "=t")
        #expect(written.last?.hasPrefix("print(…)") == true, "print is Parley's own: \(written.last ?? "")")
        try session.run("help(tostring)", chunkName: "=t")
        #expect(written.last?.contains("no help") == true)
        for (field, owner) in [("date.week", "c:where{"), ("doc.published", "d.id, d.title"), ("speaker.country", "s.entity")] {
            try session.run("help('\(field)')", chunkName: "=t")
            #expect(written.last?.hasPrefix(owner) == true, "a field as queries name it: \(field)")
        }
        try session.run("help(('h'):rep(1e6))", chunkName: "=t")
        #expect(written.last.map { $0.hasPrefix("no help for 'hhh") && $0.count < 200 } == true, "a long name is shortened")
    }

    /// Counts with more keys than are shown say how many rows there are and what n adds up to (a
    /// topic's count has a statement once per topic it has, so the two differ).
    @Test func printedCountsSayHowManyRowsAndWhatTheyAddUpTo() throws {
        var written: [String] = []
        session.write = { written.append($0) }
        try session.run("print(statements:count_by('speaker', 'topics'))", chunkName: "=t")
        let lines = written.joined().split(separator: "\n")
        #expect(lines.last == "… 17 more rows (37 in all; n adds up to 57)", "\(written)")
        #expect(lines.count == 2 + 20 + 1, "a header, its rule, 20 rows and the note: \(written)")
    }

    /// print (and the REPL) show a list of records by its first 50 rows: every record is checked and
    /// gives its fields as columns, the count is of all, but only the rows shown are kept.
    @Test func printedRecordsShowTheirFirstRowsWithEveryColumn() throws {
        var written: [String] = []
        session.write = { written.append($0) }
        try session.run("local t = {} for i = 1, 60 do t[i] = {n = i} end t[60].late = 'yes' print(t)", chunkName: "=t")
        let lines = written.joined().split(separator: "\n")
        #expect(lines.first?.split(separator: " ") == ["late", "n"], "\(written)")
        #expect(lines.last == "… 10 more rows (60 in all)")
        #expect(lines.count == 53)
        let bad = #expect(throws: LuaError.self) { try session.run("local t = {} for i = 1, 60 do t[i] = {n = i} end t[60] = 5 return report.save(t, 'x.csv')", chunkName: "=t") }
        #expect(bad?.message.contains("item 60 is a number") == true, "\(bad?.message ?? "")")
    }

    /// A where that finds nothing says which values no statement has, with the one most like each
    /// (case first, then spelling); an empty answer to values that exist says nothing more.
    @Test func anEmptyWhereNamesTheValuesNoStatementHas() throws {
        #expect(try one("tostring(statements:where{speaker = 'khawaja asif'})").hasSuffix(
            "(0 statements: no statement has speaker \"khawaja asif\" (did you mean \"Khawaja Asif\"?))"))
        #expect(try one("tostring(statements:where{topics = {'ceasfire', 'talks'}, kind = 'drect'})").hasSuffix(
            "(0 statements: no statement has kind \"drect\" (did you mean \"direct\"?); no statement has topics \"ceasfire\" (did you mean \"ceasefire\"?))"))
        #expect(try one("tostring(statements:where{speaker = 'Mr. Asif', kind = 'according_to'})").hasSuffix("(0 statements)"), "an alias is a value statements have")
        #expect(try one("tostring(statements:where{speaker = 'Nobody At All'})").hasSuffix("(0 statements: no statement has speaker \"Nobody At All\")"))
        #expect(try one("tostring(statements:where{['doc.source'] = 'news report'})").hasSuffix(
            "(0 statements: no statement has doc.source \"news report\" (did you mean \"News report\"?))"))
        // A script's list of 100,000 names: ten are named, the rest counted, at once (each named
        // one searches every speaker for the nearest; all of them took minutes).
        let many = try eval("local t = {} for i = 1, 100000 do t[i] = 'Speaker ' .. i end return tostring(statements:where{speaker = t})").first ?? ""
        #expect(many.hasSuffix("no statement has speaker \"Speaker 10\"; no statement has the 99990 other values of speaker given)"), "\(many.suffix(200))")
        #expect(many.components(separatedBy: "no statement has").count == 12)
    }

    /// Every method a collection or a counts table has (as completion lists them) is in the
    /// reference that help() and docs/lua-api.md come from.
    @Test func everyAPIFunctionIsDocumented() throws {
        let collection = session.memberNames(of: ["statements"], method: true)
        try session.run("by_kind = statements:count_by('kind')", chunkName: "=t")
        let counts = session.memberNames(of: ["by_kind"], method: true)
        #expect(counts.contains("sort_by") && counts.contains("crosstab"), "\(counts)")
        #expect(collection.contains("words") && collection.contains("keyness") && collection.count >= 15, "\(collection)")
        for name in collection { #expect(APIReference.entry(named: "statements:" + name) != nil, "statements:\(name)") }
        for name in counts { #expect(APIReference.entry(named: "counts:" + name) != nil, "counts:\(name)") }
        // A bare name that several mean shows each.
        #expect(APIReference.entries(named: "sort_by").map(\.name) == ["statements:sort_by", "counts:sort_by"])
    }

    @Test func aNewCorpusInvalidatesOldHandles() throws {
        let other = try ScriptSession()
        try other.install(corpus: try CorpusLoader.load(path: Fixtures.exampleCorpus).corpus)
        try other.run("old = statements[1]; oldSel = statements", chunkName: "=t")
        try other.install(corpus: try CorpusLoader.load(path: Fixtures.exampleCorpus).corpus)
        let error = #expect(throws: LuaError.self) { try other.evaluate("return old.speaker") }
        #expect(error?.message.contains("no longer loaded") == true)
        #expect(throws: LuaError.self) { try other.evaluate("return oldSel:count()") }
        #expect(try other.evaluate("return #statements") == ["31"])
    }
}
