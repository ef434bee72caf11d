/// The longest run of plain characters every match of a Lua pattern must contain, for skipping the
/// texts that cannot match before Lua's matcher sees them (`matching{pattern = "%d+ soldiers"}`
/// runs the matcher only on texts containing " soldiers").
///
/// Lua items are single characters, `%` escapes and classes, `[sets]` and `.`, each optionally
/// followed by `*`, `+`, `-` or `?`; there is no alternation, so every run of plain characters not
/// made optional by a quantifier is in every match. Anything this does not recognise plainly (a
/// trailing `%`, an unclosed set, `%b`, `%f`, back-references, unbalanced captures) gives nil, and
/// every text goes to Lua, which reports the malformed pattern as before.
enum PatternLiteral {
    static func required(in pattern: [UInt8]) -> [UInt8]? {
        var runs: [[UInt8]] = [], run: [UInt8] = []
        func endRun() {
            if !run.isEmpty { runs.append(run) }
            run = []
        }
        var i = 0, depth = 0
        if pattern.first == UInt8(ascii: "^") { i = 1 }
        while i < pattern.count {
            let c = pattern[i]
            var literal: UInt8?
            var itemEnd = i + 1
            switch c {
            case UInt8(ascii: "("):
                depth += 1
                endRun()
                i += 1
                continue
            case UInt8(ascii: ")"):
                depth -= 1
                if depth < 0 { return nil }
                endRun()
                i += 1
                continue
            case UInt8(ascii: "$") where i == pattern.count - 1:
                i += 1
                continue
            case UInt8(ascii: "%"):
                guard i + 1 < pattern.count else { return nil }
                let next = pattern[i + 1]
                let isAlphanumeric = (next >= 0x30 && next <= 0x39) || ((next | 0x20) >= 0x61 && (next | 0x20) <= 0x7A)
                if isAlphanumeric {
                    // A class (%a, %d…); %b, %f and back-references (%1…) are left to Lua.
                    guard "acdglpsuwx".utf8.contains(next | 0x20) else { return nil }
                } else {
                    literal = next
                }
                itemEnd = i + 2
            case UInt8(ascii: "["):
                var j = i + 1
                if j < pattern.count, pattern[j] == UInt8(ascii: "^") { j += 1 }
                if j < pattern.count, pattern[j] == UInt8(ascii: "]") { j += 1 }   // a first ']' is literal
                while j < pattern.count, pattern[j] != UInt8(ascii: "]") {
                    j += pattern[j] == UInt8(ascii: "%") ? 2 : 1
                }
                guard j < pattern.count else { return nil }
                itemEnd = j + 1
            case UInt8(ascii: "."):
                break
            default:
                literal = c
            }
            let quantifier = itemEnd < pattern.count ? pattern[itemEnd] : 0
            switch quantifier {
            case UInt8(ascii: "*"), UInt8(ascii: "-"), UInt8(ascii: "?"):
                endRun()                                 // may be absent
                itemEnd += 1
            case UInt8(ascii: "+"):
                if let literal { run.append(literal) }  // there at least once, then maybe again
                endRun()
                itemEnd += 1
            default:
                if let literal { run.append(literal) } else { endRun() }
            }
            i = itemEnd
        }
        guard depth == 0 else { return nil }
        endRun()
        return runs.max { $0.count < $1.count }
    }

    /// The sandbox's refusal of a costly search (SandboxPrelude's `refuse`) without the name of
    /// the string function it was raised for; nil for any other message.
    static func refusal(_ message: String) -> String? {
        let prefix = "string.find: "
        guard message.hasPrefix(prefix + "the pattern "), message.contains("could run for a very long time") else { return nil }
        return String(message.dropFirst(prefix.count))
    }

    /// Whether an error message is the string library's complaint about a malformed pattern
    /// (lstrlib.c raises these, with no place when called from Swift).
    static func isComplaint(_ message: String) -> Bool {
        ["malformed pattern", "unfinished capture", "invalid capture index", "invalid pattern capture",
         "missing '[' after '%f' in pattern", "pattern too complex", "too many captures"].contains { message.hasPrefix($0) }
    }
}
