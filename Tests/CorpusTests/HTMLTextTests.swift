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
        let page = HTMLText.plain(Self.page), text = page.text
        #expect(page.title == "Talks collapse — Dawn")
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

    /// What a page says of itself in its head, as news sites write it: Open Graph's title and
    /// site name, the day of article:published_time (or schema.org's datePublished, or a <time>),
    /// the canonical link, the language of <html lang>.
    @Test func whatThePageSaysOfItself() {
        let page = HTMLText.plain("""
            <!DOCTYPE html><html lang="en-GB"><head><title>Talks collapse | World | Dawn</title>
            <meta property="og:title" content="Talks collapse as both sides trade blame">
            <meta property='og:site_name' content='Dawn'><meta name=description content="x">
            <meta property="article:published_time" content="2025-11-08T10:04:00+05:00">
            <link rel="canonical" href="https://www.dawn.com/news/1954321?a=1&amp;b=2">
            <meta property="og:url" content="https://dawn.com/other"></head>
            <body><article><p>Asif said the talks were over.</p></article></body></html>
            """)
        #expect(page.title == "Talks collapse as both sides trade blame" && page.source == "Dawn" && page.language == "en")
        #expect(page.published?.text == "2025-11-08" && page.url == "https://www.dawn.com/news/1954321?a=1&b=2")
        // Fewer facts: schema.org's day, a <time>'s, og:url; none at all.
        #expect(HTMLText.plain(#"<html><head><meta itemprop="datePublished" content="2025-11-07"></head><body>x</body></html>"#).published?.text == "2025-11-07")
        let timed = HTMLText.plain(#"<html><body><time datetime="2025-11-06T08:00Z">6 Nov</time><meta property="og:url" content="https://a.example/b"></body></html>"#)
        #expect(timed.published?.text == "2025-11-06" && timed.url == "https://a.example/b")
        // The site's name that a <title> ends with is no part of the title (only the site's: the section stays).
        let titled = HTMLText.plain(#"<html><head><title>Talks collapse | World | Dawn</title><meta property="og:site_name" content="Dawn"></head><body>x</body></html>"#)
        #expect(titled.title == "Talks collapse | World" && titled.source == "Dawn")
        #expect(HTMLText.plain(#"<html><head><title>Dawn</title><meta property="og:site_name" content="Dawn"></head><body>x</body></html>"#).title == "Dawn")
        let none = HTMLText.plain(#"<html><head><meta property="article:published_time" content="yesterday"><meta name="x"></head><body>x</body></html>"#)
        #expect(none.published == nil && none.source == nil && none.url == nil && none.language == nil)
    }

    /// What a page puts inside its article besides the report, marked by its class or id (related
    /// stories, sharing, advertisements, captions), is left out with all it holds, nested elements
    /// and a <p> left open included; a class that only contains such a word ("shareholders") is not.
    @Test func relatedStoriesAndAdvertisementsAreLeftOut() {
        let page = HTMLText.plain("""
            <html><body><article><p>Asif said the talks were over.</p>
            <div class="related-stories"><div><p>“Talks will resume,” Dar said.<ul><li>Another story</li></ul></div></div>
            <div id="ad-slot-2">Advertisement</div><p class="article__share">Share on X</p>
            <figure><img src="x.jpg"><span class="caption">Soldiers at the border.</span></figure>
            <p class="shareholders">Tarar said the markets were calm.</p></article></body></html>
            """)
        #expect(page.text == "Asif said the talks were over.\n\nTarar said the markets were calm.\n", "\(page.text)")
        // A class that only looks like it ("ad-free") around most of the report does not cost the report.
        let wrapped = HTMLText.plain("<html><body><article><div class=\"story ad-free\"><p>Asif said the talks were over.</p><p>Dar said Pakistan wanted peace.</p></div><p>More.</p></article></body></html>")
        #expect(wrapped.text == "Asif said the talks were over.\n\nDar said Pakistan wanted peace.\n\nMore.\n", "\(wrapped.text)")
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
            let text = HTMLText.plain(html).text
            #expect(!text.contains("<script>") || html.contains("<!--"))
            _ = ArticleStatements.find(in: text)
        }
    }
}
