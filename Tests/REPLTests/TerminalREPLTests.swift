@testable import Corpus
import Foundation
import Testing
import TestSupport

/// The REPL in a real terminal (tmux): keys in, screen out.
@Suite(.serialized) struct TerminalREPLTests {
    let state = Fixtures.temporaryDirectory().path
    var environment: [String: String] { ["XDG_STATE_HOME": state] }

    func start(_ extra: [String] = [], environment more: [String: String] = [:], columns: Int = 100, rows: Int = 40,
               errorsTo: String? = nil) throws -> TerminalSession {
        let terminal = try TerminalSession(extra, environment: environment.merging(more) { $1 }, columns: columns, rows: rows, errorsTo: errorsTo)
        try terminal.waitFor("parley>")
        return terminal
    }

    /// Enters `line`, lets it run half a second, presses Ctrl-C and waits until `said` shows.
    @discardableResult
    func interrupt(_ t: TerminalSession, running line: String, until said: String) throws -> String {
        try t.type(line); try t.press("Enter")
        Thread.sleep(forTimeInterval: 0.5)
        try t.press("C-c")
        return try t.waitFor(said)
    }

    @Test func expressionsPrintTheirValue() throws {
        let t = try start()
        try t.type("#statements"); try t.press("Enter")
        let screen = try t.waitFor("parley> #statements\n31\n")
        #expect(screen.contains("31 statements, 2 documents"), "the banner names the bundled corpus")
        try t.type("{1, 'two', {three = 3}}"); try t.press("Enter")
        try t.waitFor(#"{1, "two", {three = 3}}"#)
        try t.type("t = {}; t.self = t"); try t.press("Enter")
        try t.type("t"); try t.press("Enter")
        try t.waitFor("{self = <cycle: table 1>}")
    }

    @Test func tabCompletesASpeakersNameInsideAString() throws {
        let t = try start()
        try t.type(#"statements:where{speaker = "Kh"#); try t.press("Tab")
        try t.waitFor(#"statements:where{speaker = "Khawaja Asif""#)
        try t.type("}:count()"); try t.press("Enter")
        try t.waitFor("}:count()\n12\n")
    }

    @Test func tabCompletesMethodsAndFields() throws {
        let t = try start()
        try t.type("statements:cou"); try t.press("Tab"); try t.press("Tab")
        try t.waitFor("count_by")
        try t.press("C-c")
        try t.waitFor("parley>", count: 2)
        try t.type("statements[1].spe"); try t.press("Tab")
        try t.waitFor("statements[1].spe")   // not a plain name chain: no completion, no crash
        try t.press("C-u")
        try t.type("corpus.na"); try t.press("Tab")
        try t.waitFor("corpus.name")
    }

    @Test func multiLineInputContinuesOnItsOwnPrompt() throws {
        let t = try start()
        try t.type("for i = 1, 3 do"); try t.press("Enter")
        try t.waitFor("   …>")
        try t.type("print(i * 10)"); try t.press("Enter")
        try t.type("end"); try t.press("Enter")
        let screen = try t.waitFor("30\n")
        #expect(screen.contains("10\n20\n30"))
    }

    /// Lines pasted (or typed ahead) while others run are shown once each, at their prompt: the
    /// terminal does not echo them as they arrive, in the middle of the output.
    @Test func pastedLinesAreShownOnceAtTheirPrompt() throws {
        let t = try start(rows: 80)
        // Each line runs a while, so the next ones arrive while it runs (as a long paste does).
        let lines = (1...8).map { "n = 0 for i = 1, 2e6 do n = n + 1 end -- line \($0)" } + ["print('ok' .. 'ay', n)"]
        for line in lines { try t.type(line + "\r") }
        let screen = try t.waitFor("okay")
        for line in lines {
            #expect(screen.components(separatedBy: line).count - 1 == 1, "\(line) on:\n\(screen)")
        }
        #expect(screen.contains("parley> print('ok' .. 'ay', n)\nokay"))
    }

    /// In a narrow terminal the banner, .help and help(name) wrap by words: the terminal cut
    /// their lines inside words ("Novembe / r 2025").
    @Test func helpWrapsByWordsInANarrowTerminal() throws {
        let t = try start(columns: 50)
        let banner = try t.screen()
        #expect(banner.contains(" — Pakistan–Afghanistan talks,\nNovember 2025"), "\(banner)")
        try t.type(".help"); try t.press("Enter")
        let screen = try t.waitFor("the same as .quit")
        #expect(screen.contains(".load PATH [--skip-bad]\n    load another corpus (a file or a folder) in\n    place of this one\n"), "\(screen)")
        try t.type("help('count')"); try t.press("Enter")
        let help = try t.waitFor("example: print(")
        #expect(help.contains("c:count()\n  The number of statements"), "\(help)")
    }

    /// A CSV, Markdown or JSON result at the terminal is made of a screenful of rows, with a note of
    /// the rest: it was made and written whole (a million statements as CSV scrolled for 15 s), and
    /// never cut to the screen, since its CR LF line ends were not taken for line ends.
    @Test func aLongCSVResultShowsAScreenful() throws {
        let t = try start(rows: 40)
        try t.type(".mode csv"); try t.press("Enter")
        let screen = try showLongList(t, item: "{n = i}", until: "… 464 more rows not shown (.output FILE keeps everything)")
        #expect(screen.contains("\n36\n"), "\(screen)")
        #expect(!screen.contains("\n37\n"), "\(screen)")
    }

    /// Tabs in pasted code stay tabs (inside a string too), where each asked for completion: a
    /// word before one was completed into another, and two deep listed every global. Tab typed
    /// after a word still completes it, also with a second Tab sent at once.
    @Test func tabsInPastedCodeStayTabs() throws {
        let t = try start()
        try t.type("for i = 1, 1 do\n\t\ts = \"b\tc\"\nend\n#s .. ':' .. s:byte(2)\n")
        try t.waitFor("\n\"3:9\"\n")
        #expect(!(try t.screen()).contains("collectgarbage"), "no list of globals")
        try t.type("statements:cou"); try t.press("Tab", "Tab")
        try t.waitFor("count_by")
        try t.waitFor("parley> statements:count", count: 2)
    }

    /// A trusted script may read the terminal itself: what is typed for it is echoed.
    @Test func whatATrustedScriptReadsIsEchoed() throws {
        let t = try start(["--trust"])
        // Typed once the script asks, as a person would: keys that reach the terminal in the
        // instant before the line editor hands it back are taken in without echo (the editor
        // echoes for itself), which made this test fail now and then when it typed at once.
        try t.type(#"io.write("na" .. "me? ") x = io.read()"#); try t.press("Enter")
        try t.waitFor("\nname?")
        try t.type("typed for the script"); try t.press("Enter")
        try t.type("#x"); try t.press("Enter")
        let screen = try t.waitFor("#x\n20\n")
        #expect(screen.contains("x = io.read()\nname? typed for the script\n"))
    }

    @Test func ctrlCInterruptsALoopAndTheSessionLivesOn() throws {
        let t = try start()
        try t.type("x = 41"); try t.press("Enter")
        let screen = try interrupt(t, running: "while true do end", until: "interrupted")
        #expect(screen.contains("stack traceback"))
        try t.waitFor("parley>", count: 3)
        try t.type("x + 1"); try t.press("Enter")
        try t.waitFor("x + 1\n42\n")
    }

    /// Showing a result may run the script's code too (a `__tostring` that never ends), and so does
    /// `.run FILE`: Ctrl-C stops both as it stops a chunk. Each hung the REPL, deaf to Ctrl-C.
    @Test func ctrlCStopsAResultShowingItselfAndARunScript() throws {
        let t = try start()
        try interrupt(t, running: "setmetatable({}, {__tostring = function() while true do end end})", until: "interrupted (Ctrl-C)")
        try t.type("6 * 7"); try t.press("Enter")
        try t.waitFor("6 * 7\n42\n")
        // A script run with .run: Ctrl-C did not reach it, and the session hung.
        let script = Fixtures.write("local n = 0\nwhile true do n = n + 1 end\n", named: "endless.lua")
        try interrupt(t, running: ".run \(script)", until: "endless.lua:2: in main chunk")
        try t.type("6 * 9"); try t.press("Enter")
        try t.waitFor("6 * 9\n54\n")
    }

    @Test func ctrlCAtThePromptClearsTheLineAndCtrlDExits() throws {
        let t = try start()
        try t.type("half a line"); try t.press("C-c")
        try t.waitFor("parley>", count: 2)
        try t.type("1 + 1"); try t.press("Enter")
        try t.waitFor("1 + 1\n2\n")
        try t.press("C-d")
        let screen = try t.waitFor("[exit 0]")
        #expect(screen.contains("\n[exit 0]"), "what follows the REPL starts a line of its own: \(screen)")
    }

    @Test func errorsAreExplainedAndVariablesKept() throws {
        let t = try start()
        try t.type("y = 7"); try t.press("Enter")
        try t.type("statements:where{speeker = 'x'}"); try t.press("Enter")
        try t.waitFor("unknown field 'speeker' (did you mean 'speaker'?)")
        try t.type("y"); try t.press("Enter")
        try t.waitFor("\n7\n")
    }

    @Test func historyIsKeptAcrossSessions() throws {
        let first = try start()
        try first.type("answer = 6 * 7"); try first.press("Enter")
        try first.waitFor("parley>", count: 2)
        try first.press("C-d")
        try first.waitFor("[exit 0]")
        first.close()
        #expect(FileManager.default.fileExists(atPath: state + "/parley/history"))
        let second = try start()
        try second.press("Up")
        try second.waitFor("parley> answer = 6 * 7")
        try second.press("Enter")
        try second.type("answer"); try second.press("Enter")
        try second.waitFor("\n42\n")
    }

    @Test func aKilledSessionKeepsItsHistory() throws {
        let first = try start()
        try first.type("kept = 'every line'"); try first.press("Enter")
        try first.waitFor("parley>", count: 2)
        first.close()   // the terminal goes away: no Ctrl-D, no orderly exit
        let second = try start()
        try second.press("Up")
        try second.waitFor("parley> kept = 'every line'")
    }

    @Test func ctrlRSearchesTheHistory() throws {
        let t = try start()
        try t.type("answer = 41"); try t.press("Enter")
        try t.type("2 + 2"); try t.press("Enter")
        try t.waitFor("\n4\n")
        try t.press("C-r"); try t.type("answ")
        try t.waitFor("parley> answer = 41", count: 2)
        try t.press("Enter")
        try t.type("answer + 1"); try t.press("Enter")
        try t.waitFor("\n42\n")
    }

    @Test func noHistoryWritesNoFile() throws {
        let t = try start(["--no-history"])
        try t.type("1"); try t.press("Enter")
        try t.press("C-d")
        try t.waitFor("[exit 0]")
        #expect(!FileManager.default.fileExists(atPath: state + "/parley/history"))
    }

    /// A line that runs for a while (a few tenths of a second), for keys typed while it runs.
    static let aSlowLine = "n = 0 for i = 1, 3e7 do n = n + 1 end"

    /// Ctrl-D typed while a line runs ends the REPL once the line is done: the terminal took it
    /// for its own end of input and libedit never saw it (the REPL waited at its prompt).
    @Test func ctrlDTypedWhileALineRunsEndsTheREPL() throws {
        let t = try start()
        try t.type(Self.aSlowLine); try t.press("Enter")
        Thread.sleep(forTimeInterval: 0.2)
        try t.press("C-d")
        try t.waitFor("[exit 0]")
    }

    /// Keys typed ahead while a line runs reach the line editor as typed, now that the terminal's
    /// own line editing is off meanwhile: Ctrl-R there searches the history.
    @Test func keysTypedWhileALineRunsReachTheEditor() throws {
        let t = try start()
        try t.type("answer = 41"); try t.press("Enter")
        try t.type(Self.aSlowLine + " answer = 0"); try t.press("Enter")
        Thread.sleep(forTimeInterval: 0.2)
        try t.press("C-r"); try t.type("answer = 4"); try t.press("Enter")
        try t.type("answer + 1"); try t.press("Enter")
        try t.waitFor("\n42\n")
    }

    /// A snapshot shortened in place by another program while a line reads it ends the REPL with
    /// its message (SIGBUS), and the terminal gets its settings back: it was left without echo.
    @Test func aSnapshotShortenedWhileALineRunsLeavesTheTerminalAsItWas() throws {
        let source = Fixtures.write(SyntheticCorpus(count: 20_000, seed: 3).jsonLines, named: "s.jsonl")
        #expect(try Subprocess.run(["snapshot", source]).status == 0)
        let snapshot = (source as NSString).deletingPathExtension + ".parley"
        let t = try TerminalSession(["--corpus", snapshot], environment: environment, after: "stty -a | tr ' ' '\\n' | grep -x -- '-\\?echo\\|-\\?icanon' | tr '\\n' ' '")
        try t.waitFor("parley>")
        try t.type("for k = 1, 500 do for _, s in ipairs(statements) do n = #s.text end end"); try t.press("Enter")
        Thread.sleep(forTimeInterval: 0.3)
        let file = try #require(FileHandle(forWritingAtPath: snapshot))
        try file.truncate(atOffset: 0)
        try file.close()
        let screen = try t.waitFor("[exit 2]")
        #expect(screen.contains("was shortened or replaced in place by another program"), "\(screen)")
        try t.waitFor("icanon echo")
    }

    @Test func markdownModeAndOutputToAFile() throws {
        let t = try start()
        try t.type(".mode markdown"); try t.press("Enter")
        try t.type("statements:count_by('kind')"); try t.press("Enter")
        try t.waitFor("| kind | n |")
        try t.waitFor("| indirect | 19 |")
        let file = Fixtures.temporaryDirectory().appendingPathComponent("out.md").path
        try t.type(".output \(file)"); try t.press("Enter")
        try t.type("statements:count_by('doc.source')"); try t.press("Enter")
        try t.type(".output"); try t.press("Enter")
        try t.waitFor("parley>", count: 6)
        let written = try String(contentsOfFile: file, encoding: .utf8)
        #expect(written == "| doc.source | n |\n| --- | ---: |\n| News report | 21 |\n| Blog report | 10 |\n")
        #expect(!(try t.screen()).contains("News report | 21"), "results sent to the file are not shown")
    }

    @Test func dotCommands() throws {
        let t = try start()
        try t.type(".help"); try t.press("Enter")
        try t.waitFor(".schema")
        try t.type(".corpus"); try t.press("Enter")
        try t.waitFor("dates:       2025-10 … 2025-11-08")
        try t.type(".timer on"); try t.press("Enter")
        try t.type("#statements"); try t.press("Enter")
        try t.waitFor("Run Time: ")
        try t.type(".nonsense"); try t.press("Enter")
        try t.waitFor("unknown command .nonsense")
    }

    @Test func longResultsAreCutToTheTerminal() throws {
        let t = try start(rows: 12)
        try t.type("statements:count_by('topics')"); try t.press("Enter")
        try t.waitFor("more lines not shown")
    }

    /// A value on one line wider than many screens (a document's text) is cut to the rows of the
    /// terminal it wraps into, not poured out whole; print still writes it whole.
    @Test func aLongLineIsCutToTheScreen() throws {
        let t = try start(rows: 20)
        try t.type("('word '):rep(3000)"); try t.press("Enter")
        let screen = try t.waitFor("… the rest of the line not shown (.output FILE keeps everything)")
        #expect(screen.split(separator: "\n").count <= 20, "\(screen)")
        try t.type("print(#('word '):rep(3000))"); try t.press("Enter")
        try t.waitFor("\n15000\n")
    }

    /// Shows a list of 500 items that Lua expression `item` makes of `i`, and returns the screen
    /// once `said` shows.
    func showLongList(_ t: TerminalSession, item: String, until said: String) throws -> String {
        try t.type("(function() local t = {} for i = 1, 500 do t[i] = \(item) end return t end)()"); try t.press("Enter")
        return try t.waitFor(said)
    }

    /// A list of records longer than the terminal shows as many rows as fit, and the line that says
    /// how many there are in all stays on the screen (it was cut off with the rows below it).
    @Test func aLongListOfRecordsSaysHowManyRowsItHasOnTheScreen() throws {
        let t = try start(rows: 24)
        let long = try showLongList(t, item: "{n = i}", until: "… 481 more rows (500 in all)")
        #expect(long.contains("\n19\n") && !long.contains("\n20\n"), "\(long)")
        #expect(!long.contains("more lines not shown"), "\(long)")
    }

    /// A long list of plain values (as `distinct` gives) shows as many as fit, and the line that
    /// says how many more there are stays on the screen, in table mode and as Lua.
    @Test func aLongListSaysHowManyMoreItHasOnTheScreen() throws {
        let t = try start(rows: 24)
        let long = try showLongList(t, item: "'item ' .. i", until: "… 481 more")
        #expect(long.contains("\"item 19\"") && !long.contains("\"item 20\""), "\(long)")
        #expect(!long.contains("more lines not shown"), "\(long)")
        try t.type(".mode lua"); try t.press("Enter")
        try t.type("statements:distinct('id')"); try t.press("Enter")
        let texts = try t.waitFor("… 12 more")
        #expect(!texts.contains("more lines not shown"), "\(texts)")
    }

    /// In a narrow terminal a table's rows are cut to its width with "…", not wrapped; print
    /// writes what it is given.
    @Test func tablesAreCutToTheTerminalsWidth() throws {
        let t = try start(columns: 60)
        try t.type("statements"); try t.press("Enter")
        let screen = try t.waitFor("more (31 statements)")
        let rows = screen.split(separator: "\n").filter { $0.hasPrefix(" 1  blog#1") || $0.hasPrefix(" 2  blog#2") }
        #expect(rows.count == 2 && rows.allSatisfy { $0.count == 60 && $0.hasSuffix("…") }, "\(screen)")
        #expect(!screen.contains("\nith the Afghan"), "no wrapped remainder of row 1: \(screen)")
    }

    @Test func colourOnlyWithoutNO_COLOR() throws {
        // Wait for the message ("…:1: red?"), not for "red?", which the typed line already shows.
        let plain = try start()
        try plain.type("error('red?')"); try plain.press("Enter")
        try plain.waitFor(":1: red?")
        #expect(!(try plain.screen(escapes: true)).contains("\u{1B}[31m"))
        let coloured = try start(environment: ["NO_COLOR": ""])
        try coloured.type("error('red?')"); try coloured.press("Enter")
        try coloured.waitFor(":1: red?")
        #expect(try coloured.screen(escapes: true).contains("\u{1B}[31m"))
        // Standard error sent to a file gets no colour codes, though standard output is the terminal.
        let log = state + "/errors.log"
        let split = try start(environment: ["NO_COLOR": ""], errorsTo: log)
        try split.type("error('red?')"); try split.press("Enter")
        try split.type("print('after')"); try split.press("Enter")
        try split.waitFor("\nafter\n")
        let logged = try String(contentsOfFile: log, encoding: .utf8)
        #expect(logged.contains(":1: red?") && !logged.contains("\u{1B}"), "\(logged.debugDescription)")
    }

    /// Escape sequences inside a corpus (here one that clears the screen) or a script's output
    /// reach the terminal as visible pictures (␛), in tables, in print and in errors; a pipe gets
    /// the bytes as they are (`PipedREPLTests`).
    @Test func escapeSequencesFromTheCorpusDoNotActOnTheTerminal() throws {
        let corpus = Fixtures.write(#"{"type":"statement","speaker":"Ann\u001b[2J","text":"calm\u001b]0;owned\u0007 words"}"# + "\n", named: "escapes.jsonl")
        let t = try start(["--corpus", corpus])
        try t.type("statements"); try t.press("Enter")
        try t.waitFor("Ann␛[2J")
        try t.type("print(statements[1].text)"); try t.press("Enter")
        try t.waitFor("calm␛]0;owned␇ words")
        try t.type("error('bad\\27[2J')"); try t.press("Enter")
        let screen = try t.waitFor("bad␛[2J")
        #expect(screen.contains("Parley "), "the banner is still on the screen: nothing cleared it")
    }

    /// A shared recipe is text from someone else: its description, shown by `parley recipes` and
    /// `recipes show` in a terminal, cannot clear it or retitle the window either.
    @Test func aRecipesEscapeSequencesDoNotActOnTheTerminal() throws {
        let folder = Fixtures.temporaryDirectory()
        try #"return {name = "loud", description = "calm\27[2J\27]0;owned\7 words\nmore", run = function() end}"#
            .write(to: folder.appendingPathComponent("loud.lua"), atomically: true, encoding: .utf8)
        let listed = try TerminalSession(["recipes"], environment: environment.merging(["PARLEY_RECIPES": folder.path]) { $1 })
        defer { listed.close() }
        let list = try listed.waitFor("[exit 0]")
        #expect(list.contains("loud                    calm␛[2J␛]0;owned␇ words more"), "one line, the escapes shown: \(list)")
        let shown = try TerminalSession(["recipes", "show", folder.appendingPathComponent("loud.lua").path], environment: environment)
        defer { shown.close() }
        #expect(try shown.waitFor("[exit 0]").contains("calm␛[2J␛]0;owned␇ words"))
    }

    @Test func utf8InputRoundTrips() throws {
        let t = try start()
        try t.type("s = 'Élodie Marchand – ñandú'"); try t.press("Enter")
        try t.type("#s, s"); try t.press("Enter")
        let screen = try t.waitFor("\"Élodie Marchand – ñandú\"\n")
        #expect(screen.contains("\n28 "), "28 bytes: the string arrived as UTF-8, unmangled")
    }

    /// Ctrl-C stops a long `.load` (here a database of 400,000 statements, read row by row), and
    /// the corpus loaded before stays.
    @Test func ctrlCStopsALongLoadAndKeepsTheCorpus() throws {
        let path = Fixtures.temporaryDirectory().appendingPathComponent("large.sqlite").path
        try SQLiteDatabase(path: path, writable: true).execute("""
            CREATE TABLE statements(speaker TEXT, text TEXT, topics TEXT);
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400000)
            INSERT INTO statements SELECT 'Speaker ' || (i % 97), 'The talks ended, said speaker ' || i, 'talks; border' FROM n;
            """)
        let t = try start()
        try interrupt(t, running: ".load \(path)", until: "loading was interrupted")
        try t.type("#statements"); try t.press("Enter")
        try t.waitFor("#statements\n31\n")
    }
}
