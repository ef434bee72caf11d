import Foundation
import LuaBinding
import Scripting
import Testing

/// Scripts' string.lower and string.upper (made in C without a library call per byte) give what
/// C's tolower and toupper give in the C locale, for every byte, and leave UTF-8 letters whole.
@Suite struct StringCaseTests {
    @Test func everyByteIsCasedAsTheCLibraryCasesIt() throws {
        let session = try ScriptSession(limits: ScriptSession.Limits())
        let results = try session.evaluate("""
            local bytes = {}
            for b = 0, 255 do bytes[#bytes + 1] = string.char(b) end
            local all = table.concat(bytes)
            local function codes(s) local out = {} for i = 1, #s do out[i] = s:byte(i) end return table.concat(out, ",") end
            return codes(all:lower()), codes(string.upper(all)), ("Zürich ÉCOLE"):lower(), ("zürich école"):upper(), string.lower(12.5)
            """)
        let lower = (0..<256).map { String(tolower(Int32($0))) }.joined(separator: ",")
        let upper = (0..<256).map { String(toupper(Int32($0))) }.joined(separator: ",")
        #expect(results == [lower, upper, "zürich École", "ZüRICH éCOLE", "12.5"])
        #expect(throws: LuaError.self) { try session.evaluate("return string.lower()") }
    }
}
