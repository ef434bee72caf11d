import Foundation
import SwiftCSV
import Testing
import TestSupport

/// The bundled briefing in every format must come out exactly as the files in Examples/reports,
/// and the CSV a report writes must read back, cell for cell, through an independent CSV parser.
@Suite struct ReportGoldenTests {
    @Test(arguments: ["html", "md", "txt", "json"])
    func briefingMatchesItsGoldenFile(format: String) throws {
        let out = Fixtures.temporaryDirectory().path
        let run = try Subprocess.run(["run", "briefing", "--title", "Pakistan–Afghanistan talks: briefing", "--output", "briefing.\(format)", "--out", out],
                                     environment: ["SOURCE_DATE_EPOCH": "1795392000"])
        #expect(run.status == 0, "\(run.stderr)")
        let made = try String(contentsOfFile: out + "/briefing.\(format)", encoding: .utf8)
        let golden = try String(contentsOfFile: Fixtures.examplePath("Examples/reports/briefing.\(format)"), encoding: .utf8)
        #expect(made == golden, "regenerate with SOURCE_DATE_EPOCH=1795392000 parley run briefing --title … --output briefing.\(format) --out Examples/reports")
    }

    @Test func csvReadsBackThroughAnotherParser() throws {
        let out = Fixtures.temporaryDirectory().path
        let run = try Subprocess.run(["-e", "report.save(statements, 'all.csv') report.save(statements:count_by('speaker'), 'speakers.csv')",
                                      "--corpus", Fixtures.exampleCorpus, "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        let statements = try CSV<Enumerated>(url: URL(fileURLWithPath: out + "/all.csv"), delimiter: .comma)
        #expect(statements.header == ["id", "date", "speaker", "kind", "cue", "source", "text"])
        #expect(statements.rows.count == 31)
        let quote = statements.rows.first { $0[0] == "blog#5" }
        #expect(quote?[6] == "They supported our position. Even the Afghan delegation agreed with us but was unwilling to sign a written accord.")
        let withComma = statements.rows.first { $0[0] == "news#17" }
        #expect(withComma?[6].contains(", ") == true, "a text with commas survives quoting")
        let speakers = try CSV<Enumerated>(url: URL(fileURLWithPath: out + "/speakers.csv"), delimiter: .comma)
        #expect(speakers.rows.first == ["Khawaja Asif", "12"])
        #expect(speakers.rows.map { Int($0[1]) ?? 0 }.reduce(0, +) == 31)
    }
}
