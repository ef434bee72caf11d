import Foundation
import LuaBinding
import Scripting
import Testing

/// string.width, s:ljust and s:rjust count terminal columns (wide characters two, combining accents
/// none), where string.format's "%-10s" counts bytes.
@Suite struct TextWidthTests {
    let session = try! ScriptSession(limits: ScriptSession.Limits())

    @Test func widthCountsColumnsNotBytes() throws {
        #expect(try session.evaluate("""
            return string.width("Asif"), ("王毅"):width(), ("Erdoğan"):width(), ("e\\u{301}"):width(), string.width(12.5), ("")
            """) == ["4", "4", "7", "1", "4", ""])
    }

    @Test func paddingLinesUpWhatFormatCannot() throws {
        let rows = try session.evaluate("""
            local out = {}
            for _, name in ipairs{"Khawaja Asif", "Recep Tayyip Erdoğan", "王毅"} do
              out[#out + 1] = name:ljust(22) .. "|" .. ("%-22s"):format(name) .. "|" .. name:rjust(22) .. "|"
            end
            return table.concat(out, "\\n")
            """)[0].split(separator: "\n")
        for row in rows {
            let parts = row.split(separator: "|", omittingEmptySubsequences: false)
            #expect(parts[0].terminalWidth == 22, "ljust: \(parts[0])")
            #expect(parts[2].terminalWidth == 22, "rjust: \(parts[2])")
            #expect(parts[2].hasSuffix(parts[0].trimmingCharacters(in: .whitespaces)))
        }
        #expect(rows[2].split(separator: "|")[1].terminalWidth == 22 - 2, "format pads 王毅 (6 bytes) to 22 bytes: 2 columns short")
    }

    @Test func wideTextIsLeftAsItIsAndBytesAreKept() throws {
        #expect(try session.evaluate(#"return ("abcdef"):ljust(3), ("ab"):rjust(0), #("\xff\xfe"):ljust(4), ("\xff"):ljust(2) == "\xff ""#)
                == ["abcdef", "ab", "4", "true"])
    }

    @Test func badArgumentsAreSaid() throws {
        for (code, message) in [("return ('x'):ljust()", "ljust: a width in columns (a whole number, 0 or more) expected, got no value"),
                                ("return ('x'):rjust(-1)", "rjust: a width in columns (a whole number, 0 or more) expected, got -1"),
                                ("return ('x'):ljust(2^40)", "ljust: a width of 1099511627776 columns is more than any line needs"),
                                ("return string.width({})", "width: a string expected, got table")] {
            let error = #expect(throws: LuaError.self) { try session.evaluate(code) }
            #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
        }
    }
}
