import Foundation

/// The names lines of the REPL declared `local` at their top level. In the REPL, as in lua, each
/// line is a chunk of its own, so `local total = 0` is gone by the next line, and
/// `total = total + 1` then fails on a global `total` that is nil: that error, or a line `total`
/// that shows nil, gets a note saying why.
struct LineLocals {
    private(set) var names: Set<String> = []

    /// Notes the names a chunk declares `local` on its unindented lines.
    mutating func note(_ chunk: String) {
        for line in chunk.split(separator: "\n") where line.hasPrefix("local") {
            names.formUnion(Self.declared(in: line))
        }
    }

    /// `local a, b <const> = …` gives a and b; `local function f` gives f.
    static func declared(in line: Substring) -> [String] {
        var rest = line.dropFirst("local".count)
        guard rest.first?.isWhitespace == true else { return [] }
        rest = rest.drop(while: \.isWhitespace)
        if rest.hasPrefix("function"), rest.dropFirst("function".count).first?.isWhitespace == true {
            return [String(rest.dropFirst("function".count).drop(while: \.isWhitespace).prefix(while: isNameCharacter))]
        }
        var names: [String] = []
        while let first = rest.first, first.isLetter || first == "_" {
            names.append(String(rest.prefix(while: isNameCharacter)))
            rest = rest.drop(while: isNameCharacter).drop(while: \.isWhitespace)
            if rest.first == "<" { rest = rest.drop(while: { $0 != ">" }).dropFirst().drop(while: \.isWhitespace) }
            guard rest.first == "," else { break }
            rest = rest.dropFirst().drop(while: \.isWhitespace)
        }
        return names
    }

    private static func isNameCharacter(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "_") }

    /// The note for an error about a global (`(global 'total')`) that an earlier line declared local.
    func hint(for message: String) -> String? {
        guard let range = message.range(of: "(global '"),
              let end = message[range.upperBound...].firstIndex(of: "'") else { return nil }
        return note(String(message[range.upperBound..<end]))
    }

    /// The note for a line that is only such a name (`n`, run as `return n`) and showed nil.
    func hint(forExpression code: String, shown: String) -> String? {
        // Only a short result can be "nil": a long one is not trimmed (through NSString, a result of
        // a million rows took 7 s).
        guard code.hasPrefix("return "), shown.utf8.count < 64, shown.trimmingCharacters(in: .whitespacesAndNewlines) == "nil" else { return nil }
        return note(code.dropFirst("return ".count).trimmingCharacters(in: .whitespaces))
    }

    private func note(_ name: String) -> String? {
        guard names.contains(name) else { return nil }
        return "'\(name)' was declared local on an earlier line: in the REPL, as in lua, a line's locals end with it. Leave out `local` to keep a value from line to line."
    }
}
