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
        #expect(head("Riyadh, Saudi Arabia (AFP): Ceasefire talks have yielded little.") == [nil, "Riyadh", nil], "a colon after the agency")
        // No dateline: a sentence with a dash late, or a hyphen inside a word.
        #expect(head("Efforts to ease tensions between Pakistan and Afghanistan have once again collapsed — both sides said so.") == [nil, nil, nil])
        #expect(head("Cross-border trade stopped on Friday.") == [nil, nil, nil])
        #expect(head("") == [nil, nil, nil])
    }

    /// A headline in sentence case opens the article (its first paragraph, short and with no stop);
    /// a dateline of a place in capitals and a colon, as Dawn and The Hindu write it. Neither is
    /// a statement's, nor part of one.
    @Test func headlinesInSentenceCaseAndDatelinesWithAColon() {
        let text = "Border clashes: FO says Pakistan will defend itself\n\nISLAMABAD: The talks ended without agreement, officials said."
        #expect(head(text) == ["Border clashes: FO says Pakistan will defend itself", "Islamabad", nil])
        let (_, drafts) = ArticleIngest.records(text: text, metadata: ArticleIngest.Metadata(id: "d1"))
        #expect(drafts.map(\.speaker) == ["officials"] && drafts.first?.text == "The talks ended without agreement", "\(drafts)")
        #expect(head("NEW DELHI: India said little.")[1] == "New Delhi")
        // A first paragraph that is a sentence is no headline; a colon after words in lower case no dateline.
        #expect(head("Officials said the talks ended.\n\nMore followed.")[0] == nil)
        #expect(head("Analysts: the talks ended badly.")[1] == nil)
        // The dateline's dash is not where what was said begins.
        let dashed = "ISLAMABAD, Oct 19 (Reuters) — Pakistan and Afghanistan agreed to a ceasefire, Qatar’s foreign ministry said."
        #expect(ArticleIngest.records(text: dashed, metadata: ArticleIngest.Metadata(id: "d1")).statements.map(\.text)
                == ["Pakistan and Afghanistan agreed to a ceasefire"])
        // Nor is a dash of two hyphens, as Xinhua writes it.
        let xinhua = "BEIJING, April 14 (Xinhua) -- China called on relevant parties to exercise calm, a Chinese Foreign Ministry spokesperson said."
        #expect(ArticleIngest.records(text: xinhua, metadata: ArticleIngest.Metadata(id: "d1")).statements.map(\.text)
                == ["China called on relevant parties to exercise calm"])
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
