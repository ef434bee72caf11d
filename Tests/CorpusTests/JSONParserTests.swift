@testable import Corpus
import Foundation
import Testing
import TestSupport

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

    /// Text that is not JSON but something near it says what it most likely is and how to write it.
    @Test func nearJSONSaysWhatItIs() {
        let cases: [(String, Int, String)] = [
            (#"{"c": NaN}"#, 6, "NaN is not JSON (Python's json.dumps writes it for a number that is not one): write null"),
            (#"{"c": -Infinity}"#, 6, "-Infinity is not JSON"),
            (#"[Infinity]"#, 1, "Infinity is not JSON"),
            (#"{"v": True}"#, 6, "True is Python's spelling, JSON's is true (a Python dict printed with print() or str() instead of written with json.dumps?)"),
            (#"{"v": None}"#, 6, "None is Python's spelling, JSON's is null"),
            (#"{'v': 1}"#, 1, #"JSON quotes with double quotes ("…"), not single ones"#),
            (#"{"v": 'x'}"#, 6, #"JSON quotes with double quotes ("…"), not single ones"#),
            (#"{"a": 1,}"#, 8, "JSON has no comma after the last item"),
            (#"[1, 2,]"#, 6, "JSON has no comma after the last item"),
            (#"{type: 1}"#, 1, #"JSON puts field names in double quotes ("type": …)"#),
            // Pasted through a word processor: curly quotes, and a straight quote inside a text.
            ("{“type”: 1}", 1, #"JSON quotes with straight double quotes ("…"), not curly ones"#),
            (#"{"v": ”x”}"#, 6, #"JSON quotes with straight double quotes ("…"), not curly ones"#),
            (#"{"text": "x”}"#, 9, "its closing quote may be a curly one (”)"),
            (#"{"text": "He said "no" to it"}"#, 19, #"a double quote inside a text is written \" (the text "He said " ended at the quote before this)"#),
            (#"["a"b"]"#, 4, #"a double quote inside a text is written \""#),
        ]
        for (text, offset, hint) in cases {
            let failure = fails(text)
            #expect(failure?.offset == offset, "\(text)")
            #expect(failure?.message.contains(": " + hint) == true, "\(text): \(failure?.message ?? "")")
        }
        #expect(fails(#"{"v": tru}"#)?.message == "unexpected 't' where a value was expected", "no hint where none fits")
        #expect(fails(#"[}"#)?.message == "unexpected '}' where a value was expected", "a '}' after no comma is no trailing comma")
        #expect(fails(#"{"n": 1 2}"#)?.message == "expected ',' or '}' in an object, found '2'", "no quote hint after a number")
        #expect(fails("{\"v\": é}")?.message == "unexpected 'é' where a value was expected", "a letter outside ASCII is shown as itself")
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

    /// What `parley export` writes: every control character escaped (the short escapes where JSON
    /// has them), quotes and backslashes too, everything else as it is; the parser reads back the
    /// same value.
    @Test func writtenJSONReadsBackTheSame() throws {
        let every = String(decoding: (1..<0x80).map { UInt8($0) }, as: UTF8.self) + "\u{0}é🕊"
        let value = JSONValue.object([JSONMember(key: "k\"\n", keyOffset: 0, value: JSONNode(.array([
            JSONNode(.string(every), offset: 0), JSONNode(.integer(-58), offset: 0), JSONNode(.number(2.5), offset: 0),
            JSONNode(.bool(true), offset: 0), JSONNode(.null, offset: 0), JSONNode(.number(.infinity), offset: 0),
        ]), offset: 0))])
        var bytes: [UInt8] = []
        value.appendJSON(to: &bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text == value.jsonText)
        #expect(text.hasPrefix(#"{"k\"\n":["\u0001\u0002"#) && text.contains(#"\b"#) == false && text.contains(#"\t\n\u000b\u000c\r"#))
        #expect(text.contains(##" !\"#$"##) && text.contains(#"[\\]"#) && text.hasSuffix(#"\u0000é🕊",-58,2.5,true,null,null]}"#))
        let back = try JSONParser.parse(text)
        guard case .object(let members) = back.value, case .array(let items) = members[0].value.value else {
            Issue.record("shape"); return
        }
        #expect(members[0].key == "k\"\n" && items[0].value == .string(every) && items[1].value == .integer(-58))
        #expect(JSONValue.quoted("plain") == #""plain""#)
    }

    /// Strings are quoted by copying the stretches between escapes whole: escapes at every place of
    /// strings of every length come out as a byte-by-byte quoting writes them, and read back.
    @Test func escapesAtEveryPlaceAreWrittenAsByteByByteQuotingWritesThem() throws {
        func reference(_ s: String) -> [UInt8] {
            var out = Array("\"".utf8)
            for byte in s.utf8 {
                switch byte {
                case UInt8(ascii: "\""): out += Array("\\\"".utf8)
                case UInt8(ascii: "\\"): out += Array("\\\\".utf8)
                case 0x0A: out += Array("\\n".utf8)
                case 0x0D: out += Array("\\r".utf8)
                case 0x09: out += Array("\\t".utf8)
                case ..<0x20: out += Array(String(format: "\\u%04x", Int(byte)).utf8)
                default: out.append(byte)
                }
            }
            return out + Array("\"".utf8)
        }
        var random = SeededNumbers(seed: 8)
        let pieces = ["a", "é", "🕊", "\"", "\\", "\n", "\u{1}", "\t", "\u{1F}", " ", "0123456789abcdef", "قال"]
        for length in [0, 1, 15, 16, 17, 31, 32, 33, 100] {
            for _ in 0..<40 {
                let text = (0..<length).map { _ in pieces[random.next(pieces.count)] }.joined()
                let quoted = JSONValue.quoted(text)
                #expect(Array(quoted.utf8) == reference(text), "\(text.debugDescription)")
                #expect(try JSONParser.parse(quoted).value == .string(text))
            }
        }
        let long = String(repeating: "x", count: 40) + "\"" + String(repeating: "y", count: 20)
        #expect(JSONValue.quoted(long) == "\"" + String(repeating: "x", count: 40) + "\\\"" + String(repeating: "y", count: 20) + "\"")
    }
}
