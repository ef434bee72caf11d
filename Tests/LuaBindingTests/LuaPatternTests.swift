import LuaBinding
import Testing

/// `LuaPattern` answers what the sandbox's `string.find(text, pattern)` answers: found, not found,
/// or an error (malformed, too complex, refused), compared with the library on random patterns.
@Suite struct LuaPatternTests {
    /// The library's answer through the sandbox's guard: 1 found, 0 not, -1 an error.
    private final class Library {
        let state: LuaState
        init() throws {
            state = try LuaState()
            try state.lua.openStandardLibraries()
            state.lua.pushPatternGuard()
            try state.lua.setGlobal("guard")
            try state.run("""
                local find = guard(string.find, "find", 4, function() error("refused") end)
                function probe(text, pattern)
                  local ok, found = pcall(find, text, pattern)
                  return not ok and -1 or found and 1 or 0
                end
                """, chunkName: "=probe")
        }

        func answer(_ text: [UInt8], _ pattern: [UInt8]) throws -> Int {
            let lua = state.lua
            try lua.getGlobal("probe")
            text.withUnsafeBufferPointer { lua.push(bytes: $0) }
            pattern.withUnsafeBufferPointer { lua.push(bytes: $0) }
            try lua.pcall(arguments: 2, results: 1)
            defer { lua.pop() }
            return lua.integer(at: -1) ?? -2
        }
    }

    private func native(_ text: [UInt8], _ pattern: [UInt8]) -> Int { native(text, LuaPattern(pattern)!) }

    private func native(_ text: [UInt8], _ pattern: LuaPattern) -> Int {
        switch text.withUnsafeBufferPointer({ pattern.occurs(in: $0) }) {
        case true?: return 1
        case false?: return 0
        case nil: return -1
        }
    }

    private func expectSame(_ text: String, _ pattern: String, _ library: Library,
                            sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (t, p) = (Array(text.utf8), Array(pattern.utf8))
        #expect(native(t, p) == (try library.answer(t, p)), "\(pattern) in \(text)", sourceLocation: sourceLocation)
    }

    @Test func answersAsTheLibraryDoesOnWrittenCases() throws {
        let library = try Library()
        let cases: [(String, String)] = [
            ("58 soldiers were killed", "%d+ soldiers"), ("no figures here", "%d+"), ("", ""), ("", "x*"),
            ("ceasefire", "cease%-?fire"), ("cease-fire", "^cease%-fire$"), ("a ceasefire", "^cease"),
            ("talks (in Doha) ended", "%b()"), ("talks (in Doha ended", "%b()"), ("THE talks", "%f[%a]%u+%f[%A]"),
            ("abcabc", "(abc)%1"), ("abcab", "(abc)%1"), ("ab", "()b"), ("aaa", "a-b"), ("aaab", "a-b"),
            ("x", "[]x]"), ("]", "[^]]"), ("-", "[a-]"), ("b", "[%a_]"), ("a)", "a)"), ("a]", "a]"),
            ("x", "x%"), ("abc", "x%"), ("x", "[x"), ("x", "(x"), ("x", "x)"), ("x", "%0"), ("x", "(x)%2"),
            ("x", "%f"), ("x", "%fx"), ("x", "%b"), ("x", "%bx"), ("é", "%a"), ("é", "[\u{E9}]"), ("50 $", "$$"),
            ("a$b", "a$b"), ("talks", "%f[%z]"), ("talks", "%f[^%a]$"), ("talks end", "%f[^%a]"), ("x", "(%f[%a]x"), ("ab", "^$"), ("ba", "^a%"), ("ba", "^%f[%a]a%"), ("", "^$"), ("a.b", "a%.b"), ("a%b", "a%%b"),
        ]
        for (text, pattern) in cases { try expectSame(text, pattern, library) }
    }

    /// The corpus's texts lie end to end in one buffer: the byte before a text (the previous
    /// text's last) is not part of it, and a frontier or `%b` at its start must not read it.
    @Test func aTextEndsWhereItsBytesEnd() throws {
        let buffer = Array("xcease(x".utf8)
        buffer.withUnsafeBufferPointer { all in
            let cease = UnsafeBufferPointer(rebasing: all[1..<6])
            #expect(LuaPattern(Array("%f[%a]cease".utf8))!.occurs(in: cease) == true)
            #expect(LuaPattern(Array("^%f[%a]cease%f[%A]".utf8))!.occurs(in: cease) == true)
            #expect(LuaPattern(Array("e%f[%A]".utf8))!.occurs(in: cease) == true)
            #expect(LuaPattern(Array("%b()".utf8))!.occurs(in: UnsafeBufferPointer(rebasing: all[6..<7])) == false)
            #expect(LuaPattern(Array("x".utf8))!.occurs(in: cease) == false)
        }
    }

    @Test func nestingAndCapturesStopWhereTheLibrarysDo() throws {
        let library = try Library()
        for n in [31, 32, 33] {
            try expectSame("aaa", String(repeating: "(", count: n) + "a" + String(repeating: ")", count: n), library)
        }
        // One-byte texts pass the sandbox's bound however many repetitions: the library's depth
        // limit decides (each `a-` that can take the "a" nests one level deeper).
        for n in [150, 198, 199, 200, 201, 260] {
            for text in ["", "a", "b"] {
                try expectSame(text, String(repeating: "a-", count: n), library)
                try expectSame(text, String(repeating: "a*", count: n) + "b", library)
            }
        }
        // Refused by the sandbox's bound (several repetitions over a long text).
        try expectSame(String(repeating: "a", count: 5000), "a*a*a*b", library)
        try expectSame(String(repeating: "a", count: 50), "a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?", library)
    }

    @Test func answersAsTheLibraryDoesOnRandomPatterns() throws {
        let library = try Library()
        let pieces = ["a", "b", "c", " ", "(", ")", "%", "[", "]", "^", "$", ".", "*", "+", "-", "?", "%a", "%d",
                      "%s", "%w", "%p", "%A", "%S", "%z", "%x", "%c", "%g", "%l", "%u", "%U", "%%", "%.", "%]", "%b()", "%bab", "%f[%a]", "%f[^a ]", "%f[%z]", "%f[%Z]", "%f[", "%1", "%2",
                      "%0", "[abc]", "[^ab]", "[a-c]", "[%d_]", "[]]", "[^]]", "[a-]", "()", "%f", "%b", "\u{0}", "é"]
        let letters: [UInt8] = Array("aaabbc (())1_".utf8) + [0, 0xC3, 0xA9]
        var random = Xorshift(seed: 0x5EED)
        var compared = 0
        for _ in 0..<60_000 {
            let pattern = Array((0..<random.next(1, 8)).map { _ in pieces[random.next(0, pieces.count - 1)] }.joined().utf8)
            let prepared = LuaPattern(pattern)!
            for _ in 0..<3 {
                let text = (0..<random.next(0, 24)).map { _ in letters[random.next(0, letters.count - 1)] }
                let expected = try library.answer(text, pattern)
                #expect(native(text, prepared) == expected, "pattern \(pattern) text \(text)")
                compared += 1
            }
        }
        #expect(compared == 180_000)
    }
}

/// Reproducible draws (xorshift64*): the same cases on every run.
private struct Xorshift {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    /// A number in `low...high`.
    mutating func next(_ low: Int, _ high: Int) -> Int {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return low + Int((state &* 2685821657736338717) >> 33) % (high - low + 1)
    }
}
