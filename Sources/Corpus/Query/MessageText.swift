/// Values that messages repeat back to the analyst (a field name, a date, a pattern): a script may
/// pass any string, and a message that repeats 100 kB of it cannot be read on a terminal.
public enum MessageText {
    /// `text` as a message shows it: a long one by its first `limit` characters, then "…".
    public static func shown(_ text: String, limit: Int = 60) -> String {
        text.count > limit ? text.prefix(limit) + "…" : text
    }

    /// "1 statement", "31 statements": a count with its noun, singular for one.
    public static func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? noun : plural ?? noun + "s")
    }
}

extension Corpus {
    /// "31 statements, 2 documents", as messages about a load say it.
    public var size: String {
        MessageText.count(count, "statement") + ", " + MessageText.count(documentCount, "document")
    }
}

extension DefaultStringInterpolation {
    /// `"unknown field '\(shown: name)'"`: a value repeated back in a message, shortened when long.
    public mutating func appendInterpolation(shown value: some CustomStringConvertible) {
        appendLiteral(MessageText.shown(value.description))
    }
}
