@testable import Scripting
import Testing

/// Tables align by the columns text takes on a terminal, as wcwidth counts them.
@Suite struct DisplayWidthTests {
    @Test func wideAndZeroWidthCharactersAreCounted() {
        #expect("Khawaja Asif".terminalWidth == 12)
        #expect("王毅".terminalWidth == 4)                     // Chinese: two columns each
        #expect("한국어".terminalWidth == 6)                   // Hangul
        #expect("ｶﾀｶﾅ".terminalWidth == 4)                    // half-width katakana: one each
        #expect("e\u{301}".terminalWidth == 1)               // a combining accent joins its letter
        #expect("👍🏽".terminalWidth == 2)                      // an emoji with its skin tone: one character
        #expect("\u{2764}\u{FE0F}".terminalWidth == 2)       // a text heart asked for as an emoji
        #expect("\u{2764}".terminalWidth == 1)
        #expect("🇵🇰".terminalWidth == 2)                      // a flag: two regional indicators
        #expect("ذبيح الله".terminalWidth == 9)               // Arabic: one column a letter
        #expect("a\u{200B}b".terminalWidth == 2)              // a zero-width space
    }

    @Test func wideTextIsCutAtAColumnNotInsideACharacter() {
        #expect("中方坚决反对".clipped(7) == "中方坚…")         // 6 columns and the ellipsis
        #expect("中方坚决反对".clipped(12) == "中方坚决反对")
        #expect("Talks are over".clipped(6) == "Talks…")
        #expect("👍🏽👍🏽👍🏽".clipped(4) == "👍🏽…")
    }

    @Test func columnsLineUpWhateverTheScript() {
        let table = TextTable(headers: ["speaker", "n"], rows: [["王毅", "1"], ["Khawaja Asif", "12"], ["José\u{301}", "3"]],
                              rightAligned: [1]).render()
        let lines = table.split(separator: "\n")
        // The count column ends in the same terminal column on every line.
        let ends = lines.map { $0.terminalWidth }
        #expect(Set(ends).count == 1, "\(table)")
        #expect(lines[2] == "王毅           1")
    }

    /// Help in a narrow terminal is wrapped by words, in terminal columns, never cutting a word.
    @Test func textWrapsByWordsInColumns() {
        #expect("the statements whose fields match".wrapped(columns: 16, indent: "  ") == ["  the statements", "  whose fields", "  match"])
        #expect("王毅 said 中方坚决反对 today".wrapped(columns: 12) == ["王毅 said", "中方坚决反对", "today"])
        #expect("one\ntwo three".wrapped(columns: 40) == ["one", "two three"])
        #expect("averyveryverylongword x".wrapped(columns: 10) == ["averyveryverylongword", "x"])
        for line in String(repeating: "lorem ipsum dolor ", count: 30).wrapped(columns: 37, indent: "    ") {
            #expect(line.terminalWidth <= 37)
        }
    }
}
