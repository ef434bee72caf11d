/// What the head of an article says of it: its headline (a first line in capitals) and its
/// dateline ("ISLAMABAD, November 8, 2025 –", "KABUL, Nov 9 (Reuters) -", "Riyadh (AFP):"): the place it was filed
/// from and, when the dateline has a year, the day.
struct ArticleHead {
    var title: String?
    var place: String?
    var published: CorpusDate?
    /// Where the dateline stands, its dash included: the outlet's words, not a speaker's.
    var dateline: Range<Int>?

    init(_ text: ArticleText) {
        let paragraphs = text.paragraphs()
        guard let first = paragraphs.first else { return }
        let headline = ArticleStatements.isHeadline(text, first, first: true)
        if headline, first.count <= 300 { title = text[text.trimmed(first)] }
        // The dateline opens one of the first paragraphs after the headlines (pages often repeat
        // them, or give a headline in sentence case).
        for body in paragraphs.dropFirst(headline ? 1 : 0).lazy.filter({ !ArticleStatements.isHeadline(text, $0) }).prefix(2) where place == nil {
            readDateline(text, body)
        }
    }

    /// The words before the first dash of the paragraph, when it comes early: the place (the part
    /// before the first comma or bracket), and a date of month, day and year. Or a place in
    /// capitals and a colon, as Pakistani and Indian papers write it ("ISLAMABAD:").
    private mutating func readDateline(_ text: ArticleText, _ paragraph: Range<Int>) {
        let start = text.trimmed(paragraph).lowerBound
        let limit = min(paragraph.upperBound, start + 80)
        if let colon = (start..<min(limit, start + 30)).first(where: { text.scalars[$0] == ":" }) {
            let words = text.words(in: start..<colon)
            if (1...3).contains(words.count), words.allSatisfy({ $0.text == $0.text.uppercased() && $0.text.count > 1 && $0.text.unicodeScalars.allSatisfy { $0.properties.numericType == nil } }) {
                place = Self.asName(words.map(\.text).joined(separator: " "))
                dateline = start..<colon + 1
                return
            }
        }
        // A dash after a space ("ISLAMABAD (AP) —"), not one inside a name ("Pakistan–Afghanistan"),
        // or a colon after the agency's brackets ("Riyadh, Saudi Arabia (AFP):").
        guard let dash = (start..<limit).first(where: { i in
            i > start && ("–—-".unicodeScalars.contains(text.scalars[i]) && text.scalars[i - 1] == " " || text.scalars[i] == ":" && text.scalars[i - 1] == ")")
        }) else { return }
        let line = start..<dash
        let words = text.words(in: line)
        guard let firstWord = words.first, firstWord.isCapitalized else { return }
        // The place: the capitalized words before a comma or a bracket ("ISLAMABAD", "New Delhi").
        let placeWords = words.prefix { !$0.afterPunctuation || $0.range.lowerBound == firstWord.range.lowerBound }
        guard placeWords.allSatisfy(\.isCapitalized), placeWords.count <= 4 else { return }
        let written = placeWords.map(\.text).joined(separator: " ")
        // A place in capitals is written as a name ("ISLAMABAD" → "Islamabad"). (The dash may be
        // two hyphens: "BEIJING, April 14 (Xinhua) --".)
        var dashEnd = dash + 1
        while dashEnd < paragraph.upperBound, "–—-".unicodeScalars.contains(text.scalars[dashEnd]) { dashEnd += 1 }
        dateline = start..<dashEnd
        place = written == written.uppercased() ? Self.asName(written) : written
        let lowered = words.map(\.lowered)
        // "November 8, 2025" or "8 November 2025".
        for i in lowered.indices where i + 2 < lowered.count {
            guard let year = Int(lowered[i + 2]), (1000...9999).contains(year),
                  let (month, day) = RelativeDate.month(lowered[i]).flatMap({ m in Int(lowered[i + 1]).map { (m, $0) } })
                    ?? RelativeDate.month(lowered[i + 1]).flatMap({ m in Int(lowered[i]).map { (m, $0) } }) else { continue }
            guard day >= 1, day <= CorpusDate.daysIn(month: month, year: year) else { return }
            published = CorpusDate(CorpusDate.dayText(daysSinceEpoch: CorpusDate.daysSinceEpoch(year: year, month: month, day: day)))
            return
        }
    }

    /// A place written in capitals, as a name ("NEW DELHI" → "New Delhi").
    private static func asName(_ capitals: String) -> String {
        capitals.split(separator: " ").map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined(separator: " ")
    }
}
