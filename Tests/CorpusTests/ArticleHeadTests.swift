@testable import Corpus
import Testing

/// The head of an article: its headline, and its dateline's place and day, taken where an analyst
/// gave none.
@Suite struct ArticleHeadTests {
    func head(_ text: String) -> [String?] {
        let head = ArticleHead(ArticleText(text))
        return [head.title, head.place, head.published?.text]
    }

    @Test func headlinesAndDatelines() {
        #expect(head("Talks Collapse as Both Sides Trade Blame\n\nIslamabad, November 8, 2025 – The talks ended.")
                == ["Talks Collapse as Both Sides Trade Blame", "Islamabad", "2025-11-08"])
        // A headline given twice is passed over to the dateline; a place in capitals is written as a name.
        #expect(head("Talks Collapse Amid Deadlock\nTalks Collapse Amid Deadlock\nNEW DELHI, 8 Nov 2025 — Officials said little.")
                == ["Talks Collapse Amid Deadlock", "New Delhi", "2025-11-08"])
        #expect(head("KABUL, Nov 9 (Reuters) - The Taliban said talks had failed.") == [nil, "Kabul", nil], "no year: no day")
        #expect(head("ISLAMABAD (AP) — Pakistan's prime minister vowed to respond.") == [nil, "Islamabad", nil])
        // No dateline: a sentence with a dash late, or a hyphen inside a word.
        #expect(head("Efforts to ease tensions between Pakistan and Afghanistan have once again collapsed — both sides said so.") == [nil, nil, nil])
        #expect(head("Cross-border trade stopped on Friday.") == [nil, nil, nil])
        #expect(head("") == [nil, nil, nil])
    }

    /// The dateline's day is the one "on Friday" is counted back from, when none is given.
    @Test func theDatelinesDayDatesTheStatements() {
        let text = "Islamabad, November 8, 2025 – Defence Minister Khawaja Asif said on Friday that the talks were over."
        let (lines, drafts) = ArticleIngest.records(text: text, metadata: ArticleIngest.Metadata(id: "d1"))
        #expect(drafts.first?.date == "2025-11-07")
        #expect(lines.contains(#""published":"2025-11-08","place":"Islamabad""#), "\(lines)")
        var metadata = ArticleIngest.Metadata(id: "d1")
        metadata.published = CorpusDate("2025-11-10")
        let given = ArticleIngest.records(text: text, metadata: metadata).statements
        #expect(given.first?.date == "2025-11-07", "the analyst's date first: Friday before Monday 10 November")
    }
}
