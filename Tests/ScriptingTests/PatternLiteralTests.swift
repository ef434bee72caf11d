import Corpus
import Foundation
@testable import Scripting
import Testing

/// `matching{pattern = p}` skips texts without the plain part every match of `p` needs; it must
/// keep exactly the statements Lua's own matcher keeps.
@Suite struct PatternLiteralTests {
    func required(_ pattern: String) -> String? {
        PatternLiteral.required(in: Array(pattern.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func thePlainPartOfCommonPatterns() {
        #expect(required("%d+ soldiers") == " soldiers")
        #expect(required("^talks are over$") == "talks are over")
        #expect(required("so?ldiers") == "ldiers")
        #expect(required("ab+c") == "ab")
        #expect(required("%.5 per cent") == ".5 per cent")
        #expect(required("(%d+) ([%a]+) killed") == " killed")
        #expect(required("[%]]xy") == "xy")
        #expect(required("x[^]]y") == "x")
        #expect(required("%a+") == nil)
        #expect(required(".-") == nil)
    }

    @Test func patternsItDoesNotReadPlainlyAreLeftToLua() {
        for pattern in ["%", "abc%", "[abc", "[ab%", "%bxy", "%f[%a]word", "(a", "a)", "(a)%1", "%zz"] {
            #expect(required(pattern) == nil, "\(pattern)")
        }
    }

    /// Random patterns over random texts: the statements kept are those Lua's `find` keeps.
    @Test func randomPatternsKeepWhatLuaKeeps() throws {
        var state: UInt64 = 19
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let alphabet = Array("ab c.1]%")
        let texts = (0..<400).map { _ in String((0..<(1 + next(14))).map { _ in alphabet[next(alphabet.count)] }) }
        let lines = texts.enumerated().map { i, text in
            String(decoding: try! JSONSerialization.data(withJSONObject: ["type": "statement", "speaker": "S", "text": text, "id": "s\(i)"]), as: UTF8.self)
        }
        let session = try ScriptSession(limits: ScriptSession.Limits())
        try session.install(corpus: try CorpusLoader.load(text: lines.joined(separator: "\n"), path: "p.jsonl").corpus)
        let items = ["a", "b", " ", "c", "1", "%.", "%]", "%%", ".", "%a", "%d", "%s", "[ab]", "[^a]", "[%]c]", "(", ")"]
        let quantifiers = ["", "", "", "*", "+", "-", "?"]
        var checked = 0
        for _ in 0..<400 {
            var pattern = next(5) == 0 ? "^" : ""
            for _ in 0..<(1 + next(5)) {
                let item = items[next(items.count)]
                pattern += item + (item == "(" || item == ")" ? "" : quantifiers[next(quantifiers.count)])
            }
            if next(5) == 0 { pattern += "$" }
            let quoted = pattern.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
            let lua: [String]
            do {
                lua = try session.evaluate("return table.concat((function() local out = {} for i, s in ipairs(statements) do if s.text:find('\(quoted)') then out[#out + 1] = s.id end end return out end)(), ',')")
            } catch {
                continue    // a pattern Lua itself refuses (unbalanced captures…): not a comparison
            }
            let parley = try session.evaluate("return table.concat((function() local out = {} for i, s in ipairs(statements:matching{pattern = '\(quoted)'}) do out[#out + 1] = s.id end return out end)(), ',')")
            #expect(parley == lua, "pattern \(pattern)")
            checked += 1
        }
        #expect(checked > 250)
    }
}
