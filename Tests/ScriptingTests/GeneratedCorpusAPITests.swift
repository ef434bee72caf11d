import Corpus
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
        }
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
