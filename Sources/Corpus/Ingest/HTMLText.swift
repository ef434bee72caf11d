/// The text of a news page saved as HTML, as a reader sees it: the `<article>` when the page has
/// one (else the `<body>`), without scripts, styles, navigation, headers, footers and asides; a
/// line for each paragraph, heading, list item or break; character references decoded. What the
/// page says of itself in its head, as news sites write it for search engines and social
/// networks (Open Graph, `article:published_time`, schema.org's `datePublished`, the canonical
/// link, `<html lang>`), gives its title, outlet, day, address and language, as trafilatura and
/// newspaper3k read them.
public enum HTMLText {
    /// A page's article text and what the page says of itself.
    public struct Page: Sendable {
        public var text: String
        /// og:title, else `<title>`, else the first `<h1>`.
        public var title: String?
        /// og:site_name or application-name: the outlet.
        public var source: String?
        /// The day of article:published_time, datePublished, a `date` meta, or the first `<time datetime>`.
        public var published: CorpusDate?
        /// The canonical link, else og:url.
        public var url: String?
        /// The first part of `<html lang>` ("en-GB": "en").
        public var language: String?
    }

    /// Whether `text` is a page of HTML (it opens with a doctype or an `<html>` tag).
    public static func isHTML(_ text: String) -> Bool {
        let start = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }.prefix(15).lowercased()
        return start.hasPrefix("<!doctype html") || start.hasPrefix("<html")
    }

    static let dropped: Set<String> = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "svg", "iframe",
                                       "template", "button", "select", "figcaption"]
    /// Elements that have no closing tag.
    static let voids: Set<String> = ["br", "img", "meta", "link", "input", "hr", "source", "wbr", "area", "base", "col", "embed", "track"]
    /// Words of a class or id that mark what a page puts inside its article besides the report:
    /// related stories, sharing buttons, advertisements, newsletters, comments, captions.
    static let boilerplate: Set<String> = ["related", "recommended", "recommendations", "share", "sharing", "social", "newsletter",
                                           "subscribe", "subscription", "ad", "ads", "advert", "advertisement", "promo", "comments",
                                           "comment", "readmore", "caption", "credit", "breadcrumb", "breadcrumbs", "sidebar", "outbrain",
                                           "taboola", "popup", "modal", "paywall"]

    /// Whether a tag's class or id names it as something besides the report ("related-posts",
    /// "article__share", "ad-slot"): by whole words, so that "shareholders" or "loading" are not.
    static func isBoilerplate(_ tag: Tag, _ s: [Unicode.Scalar]) -> Bool {
        guard tag.range.count > tag.name.unicodeScalars.count + 2 else { return false }     // no attributes
        let a = attributes(tag, s)
        let names = [a["class"], a["id"]].compactMap { $0?.lowercased() }
        return names.contains { $0.split { !$0.isLetter }.contains { boilerplate.contains(String($0)) } }
    }

    static let blocks: Set<String> = ["p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "article", "section",
                                      "blockquote", "ul", "ol", "table", "hr", "main", "figure", "dd", "dt"]

    /// A title without the site's name that pages append to it ("Talks collapse | Dawn", "Talks
    /// collapse - Dawn" when the site is Dawn), as readers of pages drop it.
    static func withoutSiteName(_ title: String, _ site: String?) -> String {
        guard let site, !site.isEmpty else { return title }
        for separator in [" | ", " - ", " – ", " — ", " :: "] where title.lowercased().hasSuffix((separator + site).lowercased()) {
            let kept = String(title.dropLast(separator.count + site.count)).trimmingCharacters(in: .whitespaces)
            return kept.isEmpty ? title : kept
        }
        return title
    }

    public static func plain(_ html: String) -> Page {
        let source = Array(html.unicodeScalars)
        let tags = tagRanges(source)
        var page = facts(source, tags)
        page.title = (page.title ?? elementText("title", source, tags) ?? elementText("h1", source, tags)).map { withoutSiteName($0, page.source) }
        // The article when there is one: a page's menus and links are not the report.
        let article = element("article", source, tags) ?? element("body", source, tags) ?? 0..<source.count
        let (text, dropped) = articleText(source, tags, article, droppingBoilerplate: true)
        page.text = text
        // A class that only looked like boilerplate ("ad-free" around the whole report) must not
        // cost the report: when leaving such parts out leaves under a quarter of the text (a list
        // of related stories may well be longer than a short report), they are kept.
        if dropped {
            let whole = articleText(source, tags, article, droppingBoilerplate: false).text
            if text.unicodeScalars.count * 4 < whole.unicodeScalars.count { page.text = whole }
        }
        return page
    }

    /// The text of the `article` range, a paragraph a line, without the elements `dropped` names
    /// (and, if asked, those whose class or id marks them as boilerplate) and all they hold; and
    /// whether any was left out as boilerplate.
    static func articleText(_ source: [Unicode.Scalar], _ tags: [Tag], _ article: Range<Int>,
                            droppingBoilerplate: Bool) -> (text: String, droppedBoilerplate: Bool) {
        var out: [Unicode.Scalar] = []
        var droppedBoilerplate = false
        // The elements open inside one left out, from it inwards: a closing tag closes what was
        // opened after its own opening (a <p> left open inside is closed with its <div>).
        var skipping: [String] = []
        var skippedCounts: [String: Int] = [:]     // so that a closing tag of nothing open costs no search
        var position = article.lowerBound
        for tag in tags where tag.range.lowerBound >= article.lowerBound && tag.range.upperBound <= article.upperBound {
            if skipping.isEmpty { out.append(contentsOf: source[position..<tag.range.lowerBound]) }
            position = tag.range.upperBound
            let opens = !tag.closing && !tag.selfClosing && !tag.name.isEmpty && !voids.contains(tag.name)
            if !skipping.isEmpty {
                if tag.closing, skippedCounts[tag.name, default: 0] > 0, let i = skipping.lastIndex(of: tag.name) {
                    for name in skipping[i...] { skippedCounts[name]! -= 1 }
                    skipping.removeSubrange(i...)
                } else if opens {
                    skipping.append(tag.name)
                    skippedCounts[tag.name, default: 0] += 1
                }
            } else if opens, dropped.contains(tag.name) || droppingBoilerplate && isBoilerplate(tag, source) {
                droppedBoilerplate = droppedBoilerplate || !dropped.contains(tag.name)
                skipping.append(tag.name)
                skippedCounts[tag.name, default: 0] += 1
            } else if blocks.contains(tag.name) {
                out.append("\n")
            }
        }
        if skipping.isEmpty, position < article.upperBound { out.append(contentsOf: source[position..<article.upperBound]) }
        let lines = decoded(out).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
        }
        return (lines.filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n", droppedBoilerplate)
    }

    struct Tag {
        let range: Range<Int>
        let name: String
        let closing: Bool
        let selfClosing: Bool
    }

    /// Every tag and comment, in order (a comment or doctype is a tag without a name).
    static func tagRanges(_ s: [Unicode.Scalar]) -> [Tag] {
        var tags: [Tag] = []
        var i = 0
        while i < s.count {
            guard s[i] == "<" else { i += 1; continue }
            if i + 3 < s.count, s[i + 1] == "!", s[i + 2] == "-", s[i + 3] == "-" {
                var j = i + 4
                while j + 2 < s.count, !(s[j] == "-" && s[j + 1] == "-" && s[j + 2] == ">") { j += 1 }
                let end = min(s.count, j + 3)
                tags.append(Tag(range: i..<end, name: "", closing: false, selfClosing: true))
                i = end
                continue
            }
            var j = i + 1
            let closing = j < s.count && s[j] == "/"
            if closing { j += 1 }
            let nameStart = j
            while j < s.count, s[j].properties.isAlphabetic || ("0"..."9").contains(s[j]) { j += 1 }
            // A "<" not opening a tag ("a < b") is text.
            guard j > nameStart || (j < s.count && s[j] == "!") else { i += 1; continue }
            let name = String(String.UnicodeScalarView(s[nameStart..<j])).lowercased()
            var quote: Unicode.Scalar?
            while j < s.count, quote != nil || s[j] != ">" {
                if let q = quote { if s[j] == q { quote = nil } } else if s[j] == "\"" || s[j] == "'" { quote = s[j] }
                j += 1
            }
            let end = min(s.count, j + 1)
            tags.append(Tag(range: i..<end, name: name, closing: closing, selfClosing: j > 0 && s[j - 1] == "/"))
            i = end
        }
        return tags
    }

    /// The range inside the first element `name` (from after its opening tag to its closing one).
    static func element(_ name: String, _ s: [Unicode.Scalar], _ tags: [Tag]) -> Range<Int>? {
        guard let open = tags.firstIndex(where: { $0.name == name && !$0.closing }) else { return nil }
        let close = tags[(open + 1)...].first { $0.name == name && $0.closing }
        return tags[open].range.upperBound..<(close?.range.lowerBound ?? s.count)
    }

    static func elementText(_ name: String, _ s: [Unicode.Scalar], _ tags: [Tag]) -> String? {
        guard let range = element(name, s, tags) else { return nil }
        var kept = String.UnicodeScalarView()
        var position = range.lowerBound
        for tag in tags where tag.range.lowerBound >= range.lowerBound && tag.range.upperBound <= range.upperBound {
            kept.append(contentsOf: s[position..<tag.range.lowerBound])
            position = tag.range.upperBound
        }
        kept.append(contentsOf: s[position..<range.upperBound])
        let text = decoded(Array(kept)).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return text.isEmpty ? nil : text
    }

    static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ldquo": "“", "rdquo": "”", "lsquo": "‘",
        "rsquo": "’", "mdash": "—", "ndash": "–", "hellip": "…", "laquo": "«", "raquo": "»", "eacute": "é", "uuml": "ü",
        "ouml": "ö", "auml": "ä", "ccedil": "ç", "copy": "©", "shy": "\u{AD}",
    ]

    /// `&amp;`, `&#8220;` and `&#x201C;` as the characters they stand for; an unknown one as written.
    static func decoded(_ s: [Unicode.Scalar]) -> String {
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            if s[i] == "&", let semicolon = s[(i + 1)..<min(s.count, i + 12)].firstIndex(of: ";") {
                let body = String(String.UnicodeScalarView(s[(i + 1)..<semicolon]))
                var scalar: Unicode.Scalar?
                if body.hasPrefix("#x") || body.hasPrefix("#X") {
                    scalar = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if body.hasPrefix("#") {
                    scalar = UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init)
                } else {
                    scalar = named[body]
                }
                if let scalar {
                    // A soft hyphen is dropped, a no-break space is a space.
                    if scalar != "\u{AD}" { out.append(scalar == "\u{A0}" ? " " : scalar) }
                    i = semicolon + 1
                    continue
                }
            }
            out.append(s[i] == "\u{A0}" ? " " : s[i])
            i += 1
        }
        return String(out)
    }
}
