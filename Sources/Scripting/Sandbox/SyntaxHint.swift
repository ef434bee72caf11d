/// Lua's message for a few slips analysts make in conditions says what the parser expected, not
/// what to write: `where{doc.source = "x"}` gives "'}' expected near '='". The hint says it.
enum SyntaxHint {
    /// Lua's complaint (what it expected, and near what: a syntax error's first line may say
    /// "(to close 'function' at line 3)" between them), and what to write instead.
    static let hints: [(expected: String, near: String?, hint: String)] = [
        ("'}' expected", "near '='",
         "a field name with a dot (or any name that is not a plain word) goes in brackets and quotes: where{[\"doc.source\"] = \"…\"}"),
        ("')' expected", "near '='",
         "conditions and options go in braces: where{speaker = \"…\"}, not where(speaker = \"…\")"),
        ("'then' expected", "near '='",
         "to compare, write == (one = sets a variable): if s.speaker == \"…\" then"),
        ("'end' expected", "near '='",
         "to compare, write == (one = sets a variable): return s.speaker == \"…\""),
        ("function arguments expected", nil,
         "a method is called with parentheses: c:count(), not c:count"),
    ]

    /// `message` with the hint added to its first line when that line is one of the complaints.
    static func added(to message: String) -> String {
        let lineEnd = message.firstIndex(of: "\n") ?? message.endIndex
        let first = message[..<lineEnd]
        guard let hint = hints.first(where: { first.contains(": " + $0.expected) && ($0.near.map(first.hasSuffix) ?? true) })?.hint
        else { return message }
        return first + " — " + hint + message[lineEnd...]
    }
}
