/// A date as the corpus format writes it: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or an ISO 8601
/// date-time with its offset. Its precision is how much of it is known.
public struct CorpusDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Precision: UInt8, Sendable { case year = 1, month = 2, day = 3, time = 4 }

    public let year: Int
    public let month: Int   // 0 when unknown
    public let day: Int     // 0 when unknown
    public let precision: Precision
    /// The text as written (of a date-time, whose time and offset are not modelled, all of it).
    public let text: String

    /// Parses `text`; nil if it is not one of the accepted forms or not a real calendar date.
    public init?(_ text: String) {
        var text = text
        // On the bytes in place: copying them into arrays first made parsing 8% of the processor
        // time of loading a million date-times (now 2%).
        guard let (year, month, day, precision) = text.withUTF8(Self.parse) else { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.precision = precision
        self.text = text
    }

    /// The year, month, day and precision that `chars` write, or nil.
    private static func parse(_ chars: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int, Precision)? {
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= chars.count else { return nil }
            var n = 0
            for i in range {
                guard chars[i] >= 48 && chars[i] <= 57 else { return nil }
                n = n * 10 + Int(chars[i] - 48)
            }
            return n
        }
        func isChar(_ i: Int, _ c: UInt8) -> Bool { i < chars.count && chars[i] == c }

        guard let y = number(0..<4), y >= 1 else { return nil }
        var m = 0, d = 0
        var precision = Precision.year
        if chars.count > 4 {
            guard isChar(4, UInt8(ascii: "-")), let mm = number(5..<7), (1...12).contains(mm) else { return nil }
            m = mm
            precision = .month
        }
        if chars.count > 7 {
            guard isChar(7, UInt8(ascii: "-")), let dd = number(8..<10), dd >= 1, dd <= Self.daysIn(month: m, year: y) else { return nil }
            d = dd
            precision = .day
        }
        if chars.count > 10 {
            guard (isChar(10, UInt8(ascii: "T")) || isChar(10, UInt8(ascii: " ")))
                    && Self.isTimeWithOffset(UnsafeBufferPointer(rebasing: chars[11...])) else { return nil }
            precision = .time
        }
        if chars.count != 4 && chars.count != 7 && chars.count < 10 { return nil }
        return (y, m, d, precision)
    }

    /// This date with `text` as its text: the same text held elsewhere already (an interned value),
    /// or "" until the loader gives it that.
    func writtenAs(_ text: String, precision: Precision? = nil) -> CorpusDate {
        CorpusDate(year: year, month: month, day: day, precision: precision ?? self.precision, text: text)
    }

    private init(year: Int, month: Int, day: Int, precision: Precision, text: String) {
        self.year = year
        self.month = month
        self.day = day
        self.precision = precision
        self.text = text
    }

    /// `HH:MM[:SS[.fff]]` then `Z` or `±HH:MM`.
    private static func isTimeWithOffset(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        func digits(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= s.count else { return nil }
            var n = 0
            for i in r { guard s[i] >= 48 && s[i] <= 57 else { return nil }; n = n * 10 + Int(s[i] - 48) }
            return n
        }
        guard let h = digits(0..<2), h < 24, s.count > 2, s[2] == 58, let mi = digits(3..<5), mi < 60 else { return false }
        var i = 5
        if i < s.count && s[i] == 58 {
            guard let sec = digits(6..<8), sec <= 60 else { return false }
            i = 8
            if i < s.count && s[i] == 46 {
                i += 1
                let start = i
                while i < s.count && s[i] >= 48 && s[i] <= 57 { i += 1 }
                guard i > start else { return false }
            }
        }
        guard i < s.count else { return false }
        if s[i] == 90 { return i + 1 == s.count }   // Z
        guard s[i] == 43 || s[i] == 45, let oh = digits(i + 1..<i + 3), oh < 24 else { return false }
        if i + 3 == s.count { return true }
        guard s[i + 3] == 58, let om = digits(i + 4..<i + 6), om < 60 else { return false }
        return i + 6 == s.count
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The first day the date may denote, as a sortable number `YYYYMMDD`.
    public var firstDay: Int { year * 10000 + max(month, 1) * 100 + max(day, 1) }
    /// The last day the date may denote, as a sortable number `YYYYMMDD`.
    public var lastDay: Int {
        let m = month == 0 ? 12 : month
        let d = day == 0 ? Self.daysIn(month: m, year: year) : day
        return year * 10000 + m * 100 + d
    }

    public var description: String { text }

    public static func < (a: CorpusDate, b: CorpusDate) -> Bool {
        (a.firstDay, a.precision.rawValue, a.text) < (b.firstDay, b.precision.rawValue, b.text)
    }
}
