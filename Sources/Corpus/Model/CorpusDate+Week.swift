/// The day of the week and the ISO 8601 week of a date with a day: `date.weekday` ("Friday") to set
/// beside the report's words ("on Friday"), `date.week` ("2025-W45") to count by week as DuckDB's
/// `isoweek` and `strftime('%G-W%V')` do.
extension CorpusDate {
    static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// Monday 0 … Sunday 6; nil without a day.
    var weekdayIndex: Int? {
        guard day > 0 else { return nil }
        return Self.weekday(year: year, month: month, day: day)
    }

    /// "2025-W45": the ISO week-numbering year (which may differ from the calendar year at its ends)
    /// and the week; nil without a day.
    var isoWeek: String? {
        guard let weekday = weekdayIndex else { return nil }
        let ordinal = Self.dayOfYear(year: year, month: month, day: day)
        var weekYear = year
        var week = (ordinal - (weekday + 1) + 10) / 7
        if week < 1 {
            weekYear -= 1
            week = Self.isoWeeks(in: weekYear)
        } else if week > Self.isoWeeks(in: year) {
            weekYear += 1
            week = 1
        }
        return "\(weekYear)-W\(week < 10 ? "0" : "")\(week)"
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's days_from_civil).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// "YYYY-MM-DD" of a count of days since 1970-01-01: the inverse of `daysSinceEpoch` (Howard
    /// Hinnant's civil_from_days).
    static func dayText(daysSinceEpoch days: Int) -> String {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    /// Monday 0 … Sunday 6 (1970-01-01 was a Thursday).
    static func weekday(year: Int, month: Int, day: Int) -> Int {
        weekday(daysSinceEpoch: daysSinceEpoch(year: year, month: month, day: day))
    }

    static func weekday(daysSinceEpoch days: Int) -> Int { ((days % 7) + 7 + 3) % 7 }

    static func dayOfYear(year: Int, month: Int, day: Int) -> Int {
        daysSinceEpoch(year: year, month: month, day: day) - daysSinceEpoch(year: year, month: 1, day: 1) + 1
    }

    /// 53 when the year starts on a Thursday, or is a leap year starting on a Wednesday; else 52.
    static func isoWeeks(in year: Int) -> Int {
        let first = weekday(year: year, month: 1, day: 1)
        let leap = daysSinceEpoch(year: year + 1, month: 1, day: 1) - daysSinceEpoch(year: year, month: 1, day: 1) == 366
        return first == 3 || (leap && first == 2) ? 53 : 52
    }
}
