/// Values that messages repeat back to the analyst (a field name, a date, a pattern): a script may
/// pass any string, and a message that repeats 100 kB of it cannot be read on a terminal.
public enum MessageText {
    /// `text` as a message shows it: a long one by its first `limit` characters, then "…".
    public static func shown(_ text: String, limit: Int = 60) -> String {
        text.count > limit ? text.prefix(limit) + "…" : text
    }
}

extension DefaultStringInterpolation {
    /// `"unknown field '\(shown: name)'"`: a value repeated back in a message, shortened when long.
    public mutating func appendInterpolation(shown value: some CustomStringConvertible) {
        appendLiteral(MessageText.shown(value.description))
    }
}
