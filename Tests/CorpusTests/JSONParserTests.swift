import Corpus
import Testing

@Suite struct JSONParserTests {
    func fails(_ text: String) -> JSONParser.Failure? {
        do { _ = try JSONParser.parse(text); return nil } catch { return error }
    }

    @Test func valuesAndOffsets() throws {
        let node = try JSONParser.parse(#" {"a": [1, -2.5e1, "x\u00e9\ud83d\ude00", true, null]}"#)
        guard case .object(let members) = node.value, case .array(let items) = members[0].value.value else {
            Issue.record("shape"); return
        }
        #expect(node.offset == 1)
        #expect(members[0].keyOffset == 2)
        #expect(items.map(\.value) == [.integer(1), .number(-25), .string("xé😀"), .bool(true), .null])
        #expect(items[1].offset == 11)
    }

    @Test func malformedInputIsRefusedWithItsOffset() {
        #expect(fails(#"{"a": 1,}"#)?.offset == 8)
        #expect(fails(#"[1 2]"#)?.offset == 3)
        #expect(fails(#"{"a" 1}"#)?.message.contains("expected ':'") == true)
        #expect(fails(#""abc"#)?.message.contains("ends inside a string") == true)
        #expect(fails(#"01"#)?.message.contains("leading zeros") == true)
        #expect(fails(#"1e999"#)?.message.contains("too large") == true)
        #expect(fails(#""\ud800""#)?.message.contains("surrogate") == true)
        #expect(fails("\"a\u{1}\"")?.message.contains("control character") == true)
        #expect(fails(#"NaN"#) != nil)
        #expect(fails("") != nil)
        #expect(fails("{} {}")?.message.contains("after the value") == true)
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(fails(deep)?.message.contains("nesting deeper") == true)
        let fine = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(fails(fine) == nil)
    }

    @Test func largeIntegersBecomeDoubles() throws {
        #expect(try JSONParser.parse("9223372036854775807").value == .integer(Int64.max))
        #expect(try JSONParser.parse("9223372036854775808").value == .number(9223372036854775808))
    }
}
