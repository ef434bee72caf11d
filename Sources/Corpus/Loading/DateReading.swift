import Foundation

/// What a date that is not ISO 8601 most likely means, for the message that refuses it. Corpora
/// made by hand pass through spreadsheets, which rewrite "2025-11-07" in the local form
/// ("07/11/2025", "11/7/2025") or as a day number (45968), and through people who write "7 Nov 2025".
/// The reading is offered, never applied: "07/11/2025" is 7 November in Pakistan and 11 July in
/// the United States, and only the analyst knows which.
enum DateReading {
    /// A clause saying what `text` reads as and how to write it, or nil when it reads as nothing.
    static func suggestion(for text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let iso = isoLike(trimmed) { return iso }
        if let local = dayAndMonth(trimmed) { return local }
        if let serial = spreadsheetDay(trimmed) { return serial }
        return withMonthName(trimmed)
    }

    /// "2025-11-07", or why that day does not exist.
    private static func written(year: Int, month: Int, day: Int) -> String? {
        guard (1...12).contains(month), day >= 1, day <= CorpusDate.daysIn(month: month, year: year) else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// Numbers separated by one of `separators`, or nil if anything else is there.
    private static func numbers(_ text: String, separators: Set<Character>) -> [(value: Int, digits: Int)]? {
        var parts: [(Int, Int)] = []
        for piece in text.split(omittingEmptySubsequences: false, whereSeparator: separators.contains) {
            guard !piece.isEmpty, piece.count <= 4, piece.allSatisfy(\.isASCIIDigit), let n = Int(piece) else { return nil }
            parts.append((n, piece.count))
        }
        return parts
    }

    /// Year first, but with slashes or dots ("2025/11/07"), single digits ("2025-11-7"), or a day
    /// the month does not have ("2025-02-30").
    private static func isoLike(_ text: String) -> String? {
        guard let parts = numbers(text, separators: ["-", "/", "."]), parts.count == 3, parts[0].digits == 4 else { return nil }
        let (year, month, day) = (parts[0].value, parts[1].value, parts[2].value)
        if let date = written(year: year, month: month, day: day) { return "write it \(date)" }
        if (1...12).contains(month) && day > 0 {
            return "\(monthNames[month - 1]) \(year) has \(CorpusDate.daysIn(month: month, year: year)) days"
        }
        return nil
    }

    /// A spreadsheet's local form: day and month in either order, then a four-digit year.
    private static func dayAndMonth(_ text: String) -> String? {
        guard let parts = numbers(text, separators: ["-", "/", "."]), parts.count == 3, parts[2].digits == 4,
              parts[0].digits <= 2, parts[1].digits <= 2 else { return nil }
        let (a, b, year) = (parts[0].value, parts[1].value, parts[2].value)
        let dayFirst = written(year: year, month: b, day: a), monthFirst = written(year: year, month: a, day: b)
        switch (dayFirst, monthFirst) {
        case let (day?, month?) where day != month:
            return "it is \(day) if the day comes first (as in Pakistan or Britain), \(month) if the month does (as in the United States): write it as YYYY-MM-DD (a spreadsheet may have rewritten it: format the column as text)"
        case let (date?, _), let (nil, date?):
            return "write it \(date) (a spreadsheet may have rewritten it: format the column as text)"
        default:
            return nil
        }
    }

    /// A spreadsheet's day number (days since 1899-12-30), which a date column saved as numbers holds.
    private static func spreadsheetDay(_ text: String) -> String? {
        guard text.count == 5, text.allSatisfy(\.isASCIIDigit), let n = Int(text), (20_000...80_000).contains(n) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let epoch = calendar.date(from: DateComponents(year: 1899, month: 12, day: 30)),
              let date = calendar.date(byAdding: .day, value: n, to: epoch) else { return nil }
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        guard let year = c.year, let month = c.month, let day = c.day, let shown = written(year: year, month: month, day: day) else { return nil }
        return "it looks like a spreadsheet's day number, which is \(shown): format the column as text, or write the dates as YYYY-MM-DD"
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]

    /// "7 Nov 2025", "November 7, 2025", "Friday, 7 November 2025", "Nov. 2025".
    private static func withMonthName(_ text: String) -> String? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." }).map(String.init)
        var year: Int?, month: Int?, day: Int?
        for word in words {
            if word.count == 4, word.allSatisfy(\.isASCIIDigit) {
                guard year == nil else { return nil }
                year = Int(word)
            } else if (1...2).contains(word.count), word.allSatisfy(\.isASCIIDigit) {
                guard day == nil else { return nil }
                day = Int(word)
            } else if word.count >= 3, let m = monthNames.firstIndex(where: { $0.lowercased().hasPrefix(word.lowercased()) }) {
                guard month == nil else { return nil }
                month = m + 1
            } else if !weekdays.contains(where: { $0.hasPrefix(word.lowercased()) && word.count >= 3 }) {
                return nil
            }
        }
        guard let year, let month else { return nil }
        if let day {
            return written(year: year, month: month, day: day).map { "write it \($0)" }
        }
        return String(format: "write it %04d-%02d", year, month)
    }

    private static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
