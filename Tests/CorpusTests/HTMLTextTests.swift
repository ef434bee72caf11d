@testable import Corpus
import Testing
import TestSupport

/// A news page saved as HTML read as its reader sees it: the article's paragraphs, without the
/// page's scripts, menus and asides, character references decoded.
@Suite struct HTMLTextTests {
    static let page = """
        <!DOCTYPE html>
        <html><head><title>Talks collapse &mdash; Dawn</title><style>p { color: red }</style>
        <script>var x = "<p>not text</p>";</script></head>
        <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><h1>Pakistan&#8211;Afghanistan talks collapse</h1>
        <p class="lead">ISLAMABAD, November 8, 2025 &ndash; Defence Minister Khawaja Asif said on Friday that the talks were &ldquo;over&rdquo;.</p>
        <p>&ldquo;As we speak, the talks are over,&rdquo; Asif told <b>Geo   News</b>.<br>
        &#x201C;We will respond,&#x201D; he added. Prices rose 5 &lt; 7 &amp; more.</p>
        <!-- <p>“Hidden,” said Nobody.</p> -->
        <aside><p>“Subscribe now,” says our editor.</p></aside>
        </article>
        <footer><p>© 2025 Dawn</p></footer></body></html>
        """

    @Test func theArticleAsItsReaderSeesIt() {
        #expect(HTMLText.isHTML(Self.page) && HTMLText.isHTML("  <html lang=en>") && !HTMLText.isHTML("Talks <b>are</b> over"))
        let (text, title) = HTMLText.plain(Self.page)
        #expect(title == "Talks collapse — Dawn")
        #expect(text == """
            Pakistan–Afghanistan talks collapse

            ISLAMABAD, November 8, 2025 – Defence Minister Khawaja Asif said on Friday that the talks were “over”.

            “As we speak, the talks are over,” Asif told Geo News.

            “We will respond,” he added. Prices rose 5 < 7 & more.

            """)
        // Without an <article>, the body; without a <title>, the first <h1>.
        let bare = HTMLText.plain("<html><body><h1>Talks &amp; truce</h1><div>Kabul said no.</div></body></html>")
        #expect(bare.title == "Talks & truce" && bare.text == "Talks & truce\n\nKabul said no.\n")
    }

    /// Broken pages (a tag never closed, a comment never ended, a "<" in the text, an unknown
    /// reference) give their text, and pieces of markup drawn at random never a crash.
    @Test func brokenPagesGiveWhatTheyCan() {
        #expect(HTMLText.plain("<html><body><p>a < b &bogus; &#99999999; <script>never closed").text == "a < b &bogus; &#99999999;\n")
        #expect(HTMLText.plain("<html><body>before<!-- never ended").text == "before\n")
        let pieces = ["<", ">", "</", "<p>", "</p>", "<script>", "</script>", "<article>", "<!--", "-->", "&", ";", "&#", "x", "&amp;",
                      "\"", "'", "said", "“", " ", "\n", "<br/>", "<nav>", "</nav>", "é"]
        var numbers = SeededNumbers(seed: 8)
        for _ in 0..<500 {
            let html = "<html>" + (0..<numbers.next(60)).map { _ in pieces[numbers.next(pieces.count)] }.joined()
            let (text, _) = HTMLText.plain(html)
            #expect(!text.contains("<script>") || html.contains("<!--"))
            _ = ArticleStatements.find(in: text)
        }
    }
}
