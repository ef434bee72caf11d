import Foundation

/// What a news page says of itself in its head, as sites write it for search engines and social
/// networks: read from its tags' attributes.
extension HTMLText {
    /// What the page's `<meta>`, `<link>`, `<time>` and `<html>` tags say of it.
    static func facts(_ s: [Unicode.Scalar], _ tags: [Tag]) -> Page {
        var page = Page(text: "")
        var metas: [String: String] = [:]     // by property, name or itemprop, the first of each
        var canonical: String?, firstTime: String?
        for tag in tags where !tag.closing && ["meta", "link", "time", "html"].contains(tag.name) {
            let a = attributes(tag, s)
            switch tag.name {
            case "meta":
                if let key = (a["property"] ?? a["name"] ?? a["itemprop"])?.lowercased(), let content = a["content"] ?? a["datetime"], !content.isEmpty,
                   metas[key] == nil { metas[key] = content }
            case "link":
                if a["rel"]?.lowercased().split(separator: " ").contains("canonical") == true, canonical == nil { canonical = a["href"] }
            case "time":
                if firstTime == nil { firstTime = a["datetime"] }
            default:
                if page.language == nil, let lang = a["lang"]?.split(separator: "-").first.map(String.init), !lang.isEmpty { page.language = lang.lowercased() }
            }
        }
        func cleaned(_ value: String?) -> String? {
            let text = value.map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            return text?.isEmpty == false ? text : nil
        }
        page.title = cleaned(metas["og:title"] ?? metas["twitter:title"])
        page.source = cleaned(metas["og:site_name"] ?? metas["application-name"])
        page.url = cleaned(canonical ?? metas["og:url"])
        let dates = ["article:published_time", "datepublished", "date", "pubdate", "publish-date", "dc.date", "dc.date.issued", "sailthru.date"]
        page.published = (dates.compactMap { metas[$0] } + [firstTime].compactMap { $0 }).lazy.compactMap(day).first
        return page
    }

    /// The day of a date or date-time as pages write them ("2025-11-08T10:00:00+05:00").
    static func day(_ value: String) -> CorpusDate? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 10 else { return nil }
        return CorpusDate(String(trimmed.prefix(10)))
    }

    /// A tag's attributes, by lowercased name, their values' references decoded.
    static func attributes(_ tag: Tag, _ s: [Unicode.Scalar]) -> [String: String] {
        var result: [String: String] = [:]
        var i = tag.range.lowerBound + 1
        let end = tag.range.upperBound
        while i < end, s[i].properties.isAlphabetic || ("0"..."9").contains(s[i]) { i += 1 }     // the tag's name
        while i < end {
            while i < end, s[i].properties.isWhitespace || s[i] == "/" { i += 1 }
            let nameStart = i
            while i < end, !s[i].properties.isWhitespace, !"=>/".unicodeScalars.contains(s[i]) { i += 1 }
            guard i > nameStart else { i += 1; continue }
            let name = String(String.UnicodeScalarView(s[nameStart..<i])).lowercased()
            while i < end, s[i].properties.isWhitespace { i += 1 }
            guard i < end, s[i] == "=" else { result[name] = result[name] ?? ""; continue }
            i += 1
            while i < end, s[i].properties.isWhitespace { i += 1 }
            var valueStart = i, valueEnd = i
            if i < end, s[i] == "\"" || s[i] == "'" {
                let quote = s[i]
                valueStart = i + 1
                i = valueStart
                while i < end, s[i] != quote { i += 1 }
                valueEnd = i
                i += 1
            } else {
                while i < end, !s[i].properties.isWhitespace, s[i] != ">" { i += 1 }
                valueEnd = i
            }
            if result[name] == nil { result[name] = decoded(Array(s[valueStart..<min(valueEnd, end)])) }
        }
        return result
    }
}
