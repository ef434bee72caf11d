/// The words of a sentence that say when something was said ("on Friday", "yesterday", "on
/// November 7", "earlier this week"), and the day they name counted back from the report's date,
/// as an analyst resolves them: "on Friday" in a report of Saturday 8 November 2025 is 2025-11-07.
enum RelativeDate {
    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                         "october", "november", "december"]
    static let partsOfDay: Set<String> = ["night", "morning", "evening", "afternoon"]

    /// The first such phrase of `words` as the text writes it, and its day ("YYYY-MM-DD") when
    /// `published` has a day and the phrase names one.
    static func find(in text: ArticleText, words: [ArticleText.Word], published: CorpusDate?) -> (text: String, date: String?)? {
        let lowered = words.map(\.lowered)
        let today = published.flatMap { $0.day > 0 ? CorpusDate.daysSinceEpoch(year: $0.year, month: $0.month, day: $0.day) : nil }
        func phrase(_ from: Int, _ to: Int, daysBack: Int?) -> (String, String?) {
            var to = to
            if to + 1 < words.count, partsOfDay.contains(lowered[to + 1]) { to += 1 }
            let date = today.flatMap { today in daysBack.map { CorpusDate.dayText(daysSinceEpoch: today - $0) } }
            return (text[words[from].range.lowerBound..<words[to].range.upperBound], date)
        }
        for i in words.indices {
            let word = lowered[i]
            if let weekday = weekdays.firstIndex(of: word), i > 0, lowered[i - 1] == "on" || lowered[i - 1] == "last" {
                // The latest such day on or before the report's ("last Friday": before it).
                let back = today.map { today -> Int in
                    let back = (CorpusDate.weekday(daysSinceEpoch: today) - weekday + 7) % 7
                    return back == 0 && lowered[i - 1] == "last" ? 7 : back
                }
                return phrase(i - 1, i, daysBack: back)
            }
            if word == "yesterday" { return phrase(i, i, daysBack: 1) }
            if word == "today" { return phrase(i, i, daysBack: 0) }
            if word == "week", i > 0, ["this", "last"].contains(lowered[i - 1]) {
                let from = i >= 2 && lowered[i - 2] == "earlier" ? i - 2 : i - 1
                return phrase(from, i, daysBack: nil)
            }
            if word == "on", i + 2 < words.count, let dated = monthAndDay(lowered[i + 1], lowered[i + 2]) {
                let date = published.flatMap { published -> String? in
                    // In the report's year, unless that is after the report: then the year before.
                    let year = (dated.month, dated.day) > (published.month, published.day) ? published.year - 1 : published.year
                    guard dated.day <= CorpusDate.daysIn(month: dated.month, year: year) else { return nil }
                    return CorpusDate.dayText(daysSinceEpoch: CorpusDate.daysSinceEpoch(year: year, month: dated.month, day: dated.day))
                }
                return (text[words[i].range.lowerBound..<words[i + 2].range.upperBound], date)
            }
        }
        return nil
    }

    /// A month's number from its name or the first three letters of it ("nov").
    static func month(_ word: String) -> Int? {
        months.firstIndex { $0 == word || (word.count >= 3 && $0.hasPrefix(word)) }.map { $0 + 1 }
    }

    /// "november 7" or "7 november" as a month and a day.
    private static func monthAndDay(_ a: String, _ b: String) -> (month: Int, day: Int)? {
        if let month = month(a), let day = Int(b), (1...31).contains(day) { return (month, day) }
        if let month = month(b), let day = Int(a), (1...31).contains(day) { return (month, day) }
        return nil
    }
}
