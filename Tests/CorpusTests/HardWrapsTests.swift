@testable import Corpus
import Testing

/// A text cut into lines of a width (an e-mail, a wire feed) is read as its paragraphs: the same
/// drafts as the text with one line per paragraph; text not cut so is left as it is.
@Suite struct HardWrapsTests {
    static let article = """
        Pakistan, Afghanistan agree to ceasefire after deadly border clashes

        Pakistan and Afghanistan agreed to an immediate ceasefire on Sunday after talks in Doha, Qatar’s foreign ministry said in a statement.

        “Both sides agreed to establish mechanisms to consolidate lasting peace,” the ministry said.

        Speaking to reporters in Islamabad, Defence Minister Khawaja Asif said the agreement would be tested in the coming days. “If there is any violation, we will respond,” he added.

        The Inter-Services Public Relations (ISPR), the military’s media wing, said 23 soldiers were killed in the clashes, while the Taliban claimed to have killed 58 Pakistani troops.
        """

    /// Cuts each paragraph into lines of about `width` characters at spaces, as `fold -s` does.
    static func folded(_ text: String, width: Int, lineEnd: String = "\n") -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { paragraph -> String in
            var lines: [String] = [], line = ""
            for word in paragraph.split(separator: " ") {
                if !line.isEmpty, line.count + 1 + word.count > width { lines.append(line); line = "" }
                line += (line.isEmpty ? "" : " ") + word
            }
            // fold -s leaves the space it cut at the end of the line.
            return (lines + [line]).joined(separator: " " + lineEnd)
        }.joined(separator: lineEnd)
    }

    func drafts(_ text: String) -> [String] {
        ArticleIngest.records(text: text, metadata: ArticleIngest.Metadata(id: "d")).statements.map { "\($0.speaker) | \($0.kind) | \($0.text)" }
    }

    @Test func aTextCutIntoLinesGivesTheDraftsOfItsParagraphs() {
        let whole = drafts(Self.article)
        #expect(whole.count == 6, "\(whole)")
        for width in [60, 72, 80] {
            #expect(drafts(Self.folded(Self.article, width: width)) == whole, "width \(width)")
        }
        #expect(drafts(Self.folded(Self.article, width: 72, lineEnd: "\r\n")) == whole, "Windows line ends")
        // The text kept is the paragraphs', each on one line, so that the spans hold the drafts.
        let kept = HardWraps.unwrapped(Self.folded(Self.article, width: 72))
        #expect(kept == Self.article)
    }

    /// A word cut at a line's end with its hyphen is one word again, the hyphen kept (a
    /// dictionary would be needed to tell "negotia-tions" from "cross-border").
    @Test func aWordCutWithAHyphenIsJoined() {
        let text = "Pakistan and Afghanistan agreed to end the cross-\nborder clashes on Sunday after talks in Doha,\nQatar’s foreign ministry said in a statement to\nthe press, and both delegations left Doha.\n\nSecond paragraph here."
        #expect(HardWraps.unwrapped(text).hasPrefix("Pakistan and Afghanistan agreed to end the cross-border clashes on Sunday after talks in Doha, Qatar’s"))
    }

    /// One line per paragraph (a page copied from the browser), short lines with no blank line
    /// between them, or lines of another width each: left as they are.
    @Test func textNotCutIntoLinesIsLeftAsItIs() {
        #expect(HardWraps.unwrapped(Self.article) == Self.article)
        let list = "Speakers:\nKhawaja Asif\nZabihullah Mujahid\nIshaq Dar\n\nAll said the talks were over."
        #expect(HardWraps.unwrapped(list) == list)
        let long = Self.folded(Self.article, width: 72) + "\n" + String(repeating: "word ", count: 40)
        #expect(HardWraps.unwrapped(long) == long, "a line of 200 characters: not cut to a width")
    }
}
