import Foundation
@testable import REPL
import Testing
import TestSupport

/// The REPL fed through a pipe: no prompt, no editing, results only.
@Suite struct PipedREPLTests {
    @Test func aPipedExpressionPrintsOnlyItsValue() throws {
        let out = try Subprocess.run(["repl"], stdin: "#statements\n")
        #expect(out.status == 0)
        #expect(out.stdout == "31\n")
        #expect(out.stderr.isEmpty)
    }

    @Test func pipedChunksSpanLinesAndKeepState() throws {
        let out = try Subprocess.run(["repl", "--corpus", Fixtures.exampleCorpus], stdin: """
            n = 0
            for _, s in ipairs(statements) do
              if s.kind == "direct" then n = n + 1 end
            end
            n
            .mode csv
            statements:count_by("kind"):top(2)
            """)
        // CSV rows end in CR LF, the last one too, as sqlite3's .mode csv ends them (RFC 4180).
        #expect(out.stdout == "6\nkind,n\r\nindirect,19\r\ndirect,6\r\n")
    }

    /// A table shows its list, then its other keys in order (numbers, then names), as inspect.lua
    /// does: the same on every run, though Lua's traversal order changes from run to run.
    @Test func aTableShowsItsKeysInTheSameOrderEachRun() throws {
        let line = #"{zeta = 1, alpha = 2, mid = 3, [10] = 4, "x", "y", [-1] = 0, [1.5] = 2, ["a b"] = 5, [true] = 1}"# + "\n"
            + "{1, 2, nil, 4}\nlocal t = {} for i = 1, 60 do t['k' .. i] = i end return t\n"
        for _ in 0..<3 {
            let out = try Subprocess.run(["repl"], stdin: line)
            let lines = out.stdout.split(separator: "\n")
            #expect(lines.prefix(12) == ["{", #"  "x","#, #"  "y","#, "  [-1] = 0,", "  [1.5] = 2,", "  [10] = 4,", #"  ["a b"] = 5,"#,
                                          "  alpha = 2,", "  mid = 3,", "  zeta = 1,", "  [true] = 1", "}"], "\(out.stdout)")
            #expect(lines.dropFirst(12).first == "{1, 2, nil, 4}")
            // The first 50 names of the sixty, by their bytes: k1, k10, k11 … and none after the limit.
            #expect(lines.dropFirst(14).prefix(3) == ["  k1 = 1,", "  k10 = 10,", "  k11 = 11,"], "\(out.stdout)")
            #expect(lines.dropFirst(14 + 50).first == "  … 10 more")
        }
    }

    /// A command of sqlite3's or DuckDB's shell, or a mistyped one, is named with Parley's.
    @Test func otherShellsCommandsAreNamedWithParleys() throws {
        let out = try Subprocess.run(["repl"], stdin: ".open corpus.sqlite\n.read script.lua\n.shema\n.nonsense\n")
        #expect(out.stderr.split(separator: "\n") == [
            "unknown command .open: did you mean .load (sqlite3 and DuckDB open a database with .open)? .help lists the commands",
            "unknown command .read: did you mean .run (sqlite3 reads a script with .read)? .help lists the commands",
            "unknown command .shema: did you mean .schema? .help lists the commands",
            "unknown command .nonsense; .help lists the commands",
        ], "\(out.stderr)")
    }

    /// A dot command given more than it takes says so instead of acting on the first words; the
    /// list of commands shows each usage whole.
    @Test func dotCommandsRefuseWordsTheyDoNotTake() throws {
        let out = try Subprocess.run(["repl"], stdin: ".mode csv json\n.schema speaker\n.load a b c\n.help\n")
        #expect(out.stderr == ".mode takes one argument at most: .mode table|markdown|csv|json|lua\n"
                + ".schema takes no arguments: .schema\n.load takes 2 arguments at most: .load PATH [--skip-bad]\n", "\(out.stderr)")
        #expect(out.stdout.contains(".mode table|markdown|csv|json|lua  how results print"), "\(out.stdout)")
    }

    /// A table with __tostring is shown as it says, as lua.c shows it, also inside another table;
    /// one whose __tostring fails is shown as a table.
    @Test func aTableWithToStringIsShownAsItSays() throws {
        let out = try Subprocess.run(["repl"], stdin: """
            P = {__tostring = function(p) return "Point(" .. p.x .. ")" end}
            setmetatable({x = 1}, P)
            {a = setmetatable({x = 2}, P)}
            setmetatable({x = 3}, {__tostring = function() error("boom") end})
            """)
        #expect(out.stdout == "Point(1)\n{a = Point(2)}\n{x = 3}\n", "\(out.stdout)\(out.stderr)")
    }

    /// `.output FILE` on a disk that fills up: the session goes on, the old file stays as it was,
    /// no half file is left, and the failure is said once, after the line (FileHandle.write stopped
    /// the process here before).
    @Test func anOutputFileThatCannotBeWrittenIsSaidAndTheSessionGoesOn() throws {
        let folder = Fixtures.temporaryDirectory().path
        let file = folder + "/out.txt"
        try "before\n".write(toFile: file, atomically: true, encoding: .utf8)
        let out = try Subprocess.run(["repl"], stdin: """
            .output \(file)
            for i = 1, 5000 do print(("x"):rep(100)) end
            print("next")
            """, fileBlocks: 8)
        #expect(out.status == 1)
        #expect(out.stdout == "next\n", "\(out.stdout.prefix(300))")
        #expect(out.stderr.components(separatedBy: "cannot write to \(file): File too large; it was not written").count == 2, "\(out.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "before\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.txt"])
        let nowhere = try Subprocess.run(["repl"], stdin: ".output /nonexistent-folder/out.txt\n.output \(folder)\n.output \"\"\n#statements\n")
        #expect(nowhere.stderr == "cannot write to /nonexistent-folder/out.txt: there is no folder /nonexistent-folder\n"
                + "cannot write to \(folder): it is a folder; name a file in it\n"
                + "cannot write to : the file's name is empty\n", "\(nowhere.stderr)")
        #expect(nowhere.stdout == "31\n")
    }

    /// A CSV result for `.output FILE` is written as it is made, every row of it; a disk that
    /// fills up part way is said once, and the old file stays.
    @Test func aCSVResultIsWrittenToTheOutputFileAsItIsMade() throws {
        let folder = Fixtures.temporaryDirectory().path
        let file = folder + "/rows.csv"
        let make = "(function() local t = {} for i = 1, 20000 do t[i] = {n = i, s = 'x' .. i} end return t end)()"
        let out = try Subprocess.run(["repl"], stdin: ".mode csv\n.output \(file)\n\(make)\n.output\n#statements\n")
        #expect(out.status == 0 && out.stdout == "31\n", "\(out.stderr)")
        let rows = (1...20000).map { "\($0),x\($0)\r\n" }.joined()
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "n,s\r\n" + rows)
        // JSON and Markdown are written as they are made too, whole.
        let json = folder + "/rows.json", markdown = folder + "/rows.md"
        let other = try Subprocess.run(["repl"], stdin: ".mode json\n.output \(json)\n\(make)\n.mode markdown\n.output \(markdown)\n\(make)\n.output\n")
        #expect(other.status == 0, "\(other.stderr)")
        let parsed = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [[String: Any]]
        #expect(parsed?.count == 20000 && parsed?.last?["s"] as? String == "x20000" && parsed?.first?["n"] as? Int == 1)
        let table = try String(contentsOfFile: markdown, encoding: .utf8).split(separator: "\n")
        #expect(table.count == 20002 && table[0] == "| n | s |" && table.last == "| 20000 | x20000 |", "\(table.prefix(3))")
        try "before\n".write(toFile: file, atomically: true, encoding: .utf8)
        let full = try Subprocess.run(["repl"], stdin: ".mode csv\n.output \(file)\n\(make)\nprint('next')\n", fileBlocks: 8)
        #expect(full.status == 1 && full.stdout == "next\n", "\(full.stdout.prefix(200))")
        #expect(full.stderr.components(separatedBy: "cannot write to \(file): File too large").count == 2, "\(full.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "before\n")
    }

    /// A line's locals end with it, as in lua; an error about a global of the same name says so.
    @Test func aLocalOfAnEarlierLineIsExplained() throws {
        let out = try Subprocess.run(["repl"], stdin: "local total = 0\ntotal = total + 1\nprint(other + 1)\n")
        #expect(out.status == 1)
        let lines = out.stderr.split(separator: "\n")
        #expect(lines.first == "stdin:1: attempt to perform arithmetic on a nil value (global 'total') — no variable 'total' is set: Lua reads a name never assigned as nil")
        #expect(lines.filter { $0.contains("was declared local on an earlier line") }.count == 1, "\(out.stderr)")
        #expect(lines.contains { $0.hasPrefix("'total' was declared local on an earlier line: in the REPL, as in lua, a line's locals end with it.") })
        // A line that is only the name shows nil, and says why; another nil name says nothing.
        let shown = try Subprocess.run(["repl"], stdin: "local n = #statements\nn\nzz\n")
        #expect(shown.stdout == "nil\nnil\n")
        #expect(shown.stderr.split(separator: "\n").map { $0.prefix(47) } == ["'n' was declared local on an earlier line: in t"])
    }

    @Test func declaredLocalsAreFoundOnTheirLine() {
        #expect(LineLocals.declared(in: "local total = 0") == ["total"])
        #expect(LineLocals.declared(in: "local a, b_2 <const>, c = 1, 2, 3") == ["a", "b_2", "c"])
        #expect(LineLocals.declared(in: "local function f(x) return x end") == ["f"])
        #expect(LineLocals.declared(in: "locals = 3").isEmpty)
        #expect(LineLocals.declared(in: "local").isEmpty)
        var locals = LineLocals()
        locals.note("for i = 1, 3 do\n  local inner = i\nend\nlocal outer = 1")
        #expect(locals.names == ["outer"], "an indented local is inside a block")
        #expect(locals.hint(for: "stdin:1: attempt to index a nil value (global 'outer')") != nil)
        #expect(locals.hint(for: "stdin:1: attempt to index a nil value (global 'inner')") == nil)
        #expect(locals.hint(for: "stdin:1: attempt to index a nil value (field 'outer')") == nil)
    }

    /// `= expr` prints the expression, as Lua 5.1's lua.c did and Neovim's `:lua =` does, also
    /// when the expression goes on over more lines.
    @Test func anEqualsSignPrintsTheExpressionAfterIt() throws {
        let out = try Subprocess.run(["repl", "--corpus", Fixtures.exampleCorpus], stdin: "= #statements\n  =  statements:count_by(\n\"kind\"):total()\n")
        #expect(out.stdout == "31\n31\n", "\(out.stderr)")
    }

    /// What print writes to a pipe or a file is the script's bytes, control characters included.
    @Test func printWritesControlCharactersAsTheyAreToAPipe() throws {
        let out = try Subprocess.run(["repl"], stdin: "print('a\\27[1mb\\7')\n")
        #expect(out.stdout == "a\u{1B}[1mb\u{07}\n")
    }

    /// A recipe of the recipe path, run by name, keeps the globals it sets to itself: a shared
    /// recipe cannot replace print or statements for the lines after it. Run by its path, a file
    /// shares the session's globals, as dofile does.
    @Test func aRecipeRunByNameKeepsItsGlobalsToItself() throws {
        let folder = Fixtures.temporaryDirectory()
        try Data("""
            leaked = "yes"
            print = function() end
            _G.tostring = nil
            load("type = nil")()
            rawset(_G, "pairs", nil)
            return {name = "leaky", description = "d", run = function(corpus)
              statements = statements:first(1)
              io_write = #corpus.statements
              return io_write
            end}
            """.utf8).write(to: folder.appendingPathComponent("leaky.lua"))
        let out = try Subprocess.run(["repl", "--corpus", Fixtures.exampleCorpus], stdin: """
            .run leaky
            recipes.leaky{}
            leaked
            print("print still prints", type(tostring), type(type), type(pairs))
            #statements
            .run \(folder.path)/leaky.lua
            leaked
            """, environment: ["PARLEY_RECIPES": folder.path])
        #expect(out.stdout == "31\n31\nnil\nprint still prints\tfunction\tfunction\tfunction\n31\n31\n\"yes\"\n", "\(out.stdout)\(out.stderr)")
    }

    @Test func schemaListsExtraFieldsWithTheirKindAndCount() throws {
        let path = Fixtures.write(#"{"type":"statement","speaker":"A","text":"t","tone":"calm","n":3,"urls":["u"],"mixed":1}"# + "\n"
                                  + #"{"type":"statement","speaker":"B","text":"u","score":{"a":1},"tone":"firm","n":null,"urls":[],"mixed":"x","ok":true}"# + "\n",
                                  named: "extras.jsonl")
        let out = try Subprocess.run(["repl", "--corpus", path], stdin: ".schema\n")
        let rows = out.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(rows.contains("score record (extra) 1"))
        #expect(rows.contains("tone string (extra) 2"))
        #expect(rows.contains("n number (extra) 2"), "a null is a value, of no kind: \(rows)")
        #expect(rows.contains("urls list (extra) 2"))
        #expect(rows.contains("mixed any (extra) 2"))
        #expect(rows.contains("ok boolean (extra) 1"))
    }

    /// With entities, .schema also lists the fields queries reach through the speaker's entity, with
    /// how many statements have each (those whose speaker has an entity with that field).
    @Test func schemaListsTheFieldsOfTheSpeakersEntity() throws {
        let path = Fixtures.write(#"{"type":"entity","name":"A","kind":"person","country":"Pakistan","tenure":"2024"}"# + "\n"
                                  + #"{"type":"entity","name":"B","kind":"state"}"# + "\n"
                                  + #"{"type":"statement","speaker":"A","text":"t"}"# + "\n" + #"{"type":"statement","speaker":"A","text":"u"}"# + "\n"
                                  + #"{"type":"statement","speaker":"B","text":"v"}"# + "\n" + #"{"type":"statement","speaker":"C","text":"w"}"# + "\n",
                                  named: "entities.jsonl")
        let out = try Subprocess.run(["repl", "--corpus", path], stdin: ".schema\n")
        let rows = out.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(rows.contains("speaker.kind string (entity) 3"), "\(rows)")
        #expect(rows.contains("speaker.country string (entity) 2"))
        #expect(rows.contains("speaker.aliases list of strings (entity) 0"))
        #expect(rows.contains("speaker.tenure value (entity) 2"))
        let none = try Subprocess.run(["repl"], stdin: ".load \(Fixtures.write(#"{"type":"statement","speaker":"A","text":"t"}"#, named: "plain.jsonl"))\n.schema\n")
        #expect(!none.stdout.contains("speaker.kind"), "\(none.stdout)")
    }

    /// With figures, .schema lists the parts of figures queries name, each with how many statements
    /// have one; without, it does not.
    @Test func schemaListsThePartsOfFigures() throws {
        let path = Fixtures.write(#"{"type":"statement","speaker":"A","text":"t","figures":[{"value":58,"unit":"soldiers","stance":"claimed"},{"value":23}]}"# + "\n"
                                  + #"{"type":"statement","speaker":"B","text":"u","figures":[{"value":4,"by":"B"}]}"# + "\n"
                                  + #"{"type":"statement","speaker":"C","text":"v"}"# + "\n", named: "figures.jsonl")
        let out = try Subprocess.run(["repl", "--corpus", path], stdin: ".schema\n")
        let rows = out.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        let figures = rows.firstIndex(of: "figures list of figures 2")
        #expect(figures != nil, "\(rows)")
        #expect(Array(rows[(figures ?? 0) + 1 ..< (figures ?? 0) + 6]) == ["figures.value number (figure) 2", "figures.unit string (figure) 1",
                 "figures.what string (figure) 0", "figures.stance string (figure) 1", "figures.by string (figure) 1"])
        let none = try Subprocess.run(["repl"], stdin: ".load \(Fixtures.write(#"{"type":"statement","speaker":"A","text":"t"}"#, named: "plain.jsonl"))\n.schema\n")
        #expect(!none.stdout.contains("figures.value"), "\(none.stdout)")
    }

    /// A recipe's name mistyped in the REPL (.run, recipes.NAME) is answered with the one meant.
    @Test func aMistypedRecipeNameIsAnsweredWithTheOneMeant() throws {
        let out = try Subprocess.run(["repl"], stdin: ".run who-said-wht\nrecipes['who-said-wht']{}\n")
        #expect(out.stderr.contains("cannot read who-said-wht: no such script file, and no recipe of that name (did you mean the recipe 'who-said-what'?"), "\(out.stderr)")
        #expect(out.stderr.contains("no recipe 'who-said-wht' on the recipe path") && out.stderr.contains(": did you mean 'who-said-what'?"), "\(out.stderr)")
        #expect(out.status == 1)
    }

    /// Lines saved by Notepad start with a byte order mark and end in CR LF: the mark is not code
    /// (as lua.c skips it in a file), and only at the start of the input.
    @Test func aByteOrderMarkBeforeTheFirstLineIsSkipped() throws {
        let out = try Subprocess.run(["repl"], stdin: "\u{FEFF}print('marked')\r\n1 + 1\r\n")
        #expect(out.stdout == "marked\n2\n" && out.status == 0, "\(out.stdout)\(out.stderr)")
    }

    @Test func errorsGoToStandardErrorAndTheExitStatusSaysSo() throws {
        let out = try Subprocess.run(["repl"], stdin: "error('first')\n1 + 1\n")
        #expect(out.stdout == "2\n")
        #expect(out.stderr.contains("stdin:1: first"))
        #expect(out.status == 1)
    }
}
