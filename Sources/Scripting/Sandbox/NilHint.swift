import Corpus
import Foundation

/// Lua's messages for a nil where a value was wanted say what failed, not why the value is nil nor
/// what to write: "attempt to compare nil with string" for `s.date < "2025-11"` on a statement
/// without a date, "attempt to call a nil value (global 'prnt')" for a slip of the keyboard. The
/// hint adds the likely cause to the first line, in the analyst's terms.
enum NilHint {
    /// `message` with a hint added to its first line when that line is one of Lua's complaints
    /// about a nil; unchanged otherwise. `globals` are the names a misspelt global may stand for,
    /// `statementFields` the names a statement's fields go by.
    static func added(to message: String, globals: @autoclosure () -> [String], statementFields: Set<String>) -> String {
        let lineEnd = message.firstIndex(of: "\n") ?? message.endIndex
        let first = message[..<lineEnd]
        guard let hint = hint(for: first, globals: globals, statementFields: statementFields) else { return message }
        return first + " — " + hint + message[lineEnd...]
    }

    private static func hint(for line: Substring, globals: () -> [String], statementFields: Set<String>) -> String? {
        // Lua's own complaints come with the place in the script ("x.lua:3: attempt to …").
        guard line.range(of: #"^[^\n]*:[0-9]+: attempt to "#, options: .regularExpression) != nil else { return nil }
        if line.hasSuffix(" with nil") || line.contains("attempt to compare nil with") || line.hasSuffix("compare two nil values") {
            return "one side is nil, as a field is for a statement that does not have it: "
                + "test it first, as in if s.date and s.date < \"2025-11\" then"
        }
        guard line.contains("a nil value ("), let (kind, name) = variable(in: line) else { return nil }
        switch kind {
        case "global":
            // A slip of the keyboard (prnt, statement), or a name set nowhere.
            let known = globals()
            guard let close = Field.suggestion(for: name, among: known), close != name else {
                return "no variable '\(shown: name)' is set: Lua reads a name never assigned as nil"
            }
            return "did you mean '\(close)'?"
        case "field" where name == "integer index" || name == "?":
            return "nothing is at that place: a list's items are 1 to #list"
        case "field" where statementFields.contains(name):
            let fallback = line.contains("concatenate") ? "(s.\(name) or \"\")" : line.contains("arithmetic") ? "(s.\(name) or 0)" : nil
            return "a statement without \(name) gives nil for s.\(name): test it first (if s.\(name) then … end)"
                + (fallback.map { " or give a default: \($0)" } ?? "")
        default:
            return nil
        }
    }

    /// The kind and name of Lua's " (global 'x')" at the end of a line.
    private static func variable(in line: Substring) -> (String, String)? {
        guard line.hasSuffix("')"), let open = line.range(of: " (", options: .backwards) else { return nil }
        let inside = line[open.upperBound...].dropLast(2)                       // global 'prnt
        guard let quote = inside.firstIndex(of: "'") else { return nil }
        let kind = inside[..<quote].trimmingCharacters(in: .whitespaces)
        return (kind, String(inside[inside.index(after: quote)...]))
    }
}
