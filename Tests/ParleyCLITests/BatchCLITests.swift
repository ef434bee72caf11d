import Foundation
import Testing
import TestSupport

/// `parley` as a subprocess: exit statuses and what it prints.
@Suite struct BatchCLITests {
    let corpus = Fixtures.exampleCorpus

    /// A snapshot is read where it lies in the mapped file: shortened in place by another program
    /// while in use, its lost pages raise SIGBUS. That ends Parley with a message and status 2, not
    /// a crash.
    @Test func aSnapshotShortenedWhileInUseIsAnErrorNotACrash() throws {
        let source = Fixtures.write(SyntheticCorpus(count: 2_000, seed: 3).jsonLines, named: "s.jsonl")
        #expect(try Subprocess.run(["snapshot", source]).status == 0)
        let snapshot = (source as NSString).deletingPathExtension + ".parley"
        let script = "io.open('\(snapshot)', 'w'):close() local n = 0 for _, s in ipairs(statements) do n = n + #s.text end print(n)"
        let out = try Subprocess.run(["--trust", "--corpus", snapshot, "-e", script])
        #expect(out.status == 2)
        #expect(out.stderr.contains("was shortened or replaced in place by another program"))
        #expect(!out.stderr.contains("crashed"))
    }

    /// `--snapshot` says when it cannot write the snapshot (here a folder has its name), and the
    /// script runs on the corpus read from its source all the same.
    @Test func aSnapshotThatCannotBeWrittenIsSaidAndTheLoadGoesOn() throws {
        let source = Fixtures.write(SyntheticCorpus(count: 50, seed: 4).jsonLines, named: "c.jsonl")
        let blocked = (source as NSString).deletingPathExtension + ".parley"
        try FileManager.default.createDirectory(atPath: blocked, withIntermediateDirectories: true)
        let out = try Subprocess.run(["--snapshot", "--corpus", source, "-e", "print(#statements)"])
        #expect(out.status == 0)
        #expect(out.stdout == "50\n")
        #expect(out.stderr.contains("cannot write the snapshot"), "\(out.stderr)")
        #expect(!out.stderr.contains("The operation could not be completed"))
    }

    /// As with lua and python, a script (or a recipe) given as the first plain argument is run:
    /// `parley script.lua` is `parley run script.lua`, with the options before or after it.
    @Test func aScriptAsTheFirstArgumentIsRun() throws {
        let script = Fixtures.write("print(#statements, arg[1])", named: "count.lua")
        let before = try Subprocess.run(["--corpus", corpus, script, "--", "x"])
        #expect(before.status == 0)
        #expect(before.stdout == "31\tx\n")
        let after = try Subprocess.run([script, "--corpus", corpus])
        #expect(after.stdout == "31\tnil\n")
        let recipe = try Subprocess.run(["who-said-what", "--corpus", corpus, "--speaker", "Khawaja Asif"])
        #expect(recipe.status == 0)
        #expect(recipe.stdout.hasPrefix("12 statements by 1 speaker"), "\(recipe.stdout)")
        let piped = try Subprocess.run(["-", "--corpus", corpus], stdin: "print(#statements)")
        #expect(piped.stdout == "31\n", "\(piped.stderr)")
        let missing = try Subprocess.run(["missing.lua", "--corpus", corpus])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read the script missing.lua"), "\(missing.stderr)")
    }

    /// A first word that is neither a command, a script nor a recipe is named, with what was expected.
    @Test func anUnknownFirstWordSaysWhatWasExpected() throws {
        let out = try Subprocess.run(["snapshop", "c.jsonl"])
        #expect(out.status == 2)
        #expect(out.stderr.hasPrefix("parley: 'snapshop' is not a command, a script or a recipe: the commands are run, repl"), "\(out.stderr)")
        let option = try Subprocess.run(["--memory", "lots", "-e", "print(1)"])
        #expect(option.status == 2)
        #expect(option.stderr.contains("--memory takes a size"), "\(option.stderr)")
    }

    /// Every command stays a command when a file of its name lies in the working folder (`export`
    /// was once missing from the shorthand's list, so such a file was run as a script), and the
    /// complaint about an unknown word lists them all.
    @Test func aFileNamedAsACommandDoesNotHideTheCommand() throws {
        let folder = Fixtures.temporaryDirectory().path
        for name in ["run", "repl", "recipes", "snapshot", "export", "ingest", "docs"] {
            #expect(FileManager.default.createFile(atPath: folder + "/" + name, contents: Data("print('ran as a script')".utf8)))
        }
        let exported = try Subprocess.run(["export", corpus, "out.jsonl"], in: folder)
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.hasPrefix("wrote out.jsonl: 31 statements"), "\(exported.stdout)")
        let docs = try Subprocess.run(["docs"], in: folder)
        #expect(docs.stdout.hasPrefix("# "), "\(docs.stdout.prefix(80))")
        let unknown = try Subprocess.run(["snapshop"])
        #expect(unknown.stderr.contains("the commands are run, repl, recipes, snapshot, export, ingest, docs;"), "\(unknown.stderr)")
    }

    /// Placing a problem far into a large file reads the file up to it: its pages are handed back
    /// as they are read, as the reader's are. One bad record near the end of 26 MB kept them all
    /// resident (at a million statements, 617 MB at the peak instead of 277).
    @Test func oneBadRecordFarIntoAFileDoesNotKeepItInMemory() throws {
        let lines = SyntheticCorpus(count: 120_000, seed: 9).jsonLines.split(separator: "\n", omittingEmptySubsequences: false)
        var bad = lines
        let last = bad.lastIndex { $0.contains("\"statement\"") }!
        bad[last] = Substring(bad[last].replacingOccurrences(of: "\"speaker\":", with: "\"speaker\": 5, \"was\":"))
        let peak = "for l in io.lines('/proc/self/status') do local kb = l:match('^VmHWM:%s*(%d+)') if kb then print(kb) end end"
        func peakKB(_ text: String) throws -> Int {
            let path = Fixtures.write(text, named: "c.jsonl")
            let out = try Subprocess.run(["--trust", "--skip-bad", "--corpus", path, "-e", peak])
            #expect(out.status == 0, "\(out.stderr)")
            return Int(out.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        }
        let size = lines.joined(separator: "\n").utf8.count
        #expect(size > 20 << 20)
        let clean = try peakKB(lines.joined(separator: "\n")), withProblem = try peakKB(bad.joined(separator: "\n"))
        #expect(clean > 0 && withProblem - clean < size / 4 / 1024, "peak \(clean) KB clean, \(withProblem) KB with one problem, for \(size / 1024) KB")
    }

    @Test func versionIsPrinted() throws {
        let out = try Subprocess.run(["--version"])
        #expect(out.status == 0)
        #expect(out.stdout.hasPrefix("Parley 0."))
    }

    @Test func inlineCodeRunsOverTheCorpus() throws {
        let out = try Subprocess.run(["-e", "print(#statements)", "--corpus", corpus])
        #expect(out.status == 0)
        #expect(out.stdout == "31\n")
        #expect(out.stderr.isEmpty)
    }

    /// Keyness against a reference that holds the target too says so, with the comparison usually
    /// meant; against the others only it says nothing.
    @Test func keynessAgainstItselfIsSaid() throws {
        let overlapping = try Subprocess.run(["-e", "local c = statements:where{kind = 'direct'} print(#c:keyness(statements) > 0)", "--corpus", corpus])
        #expect(overlapping.status == 0 && overlapping.stdout == "true\n")
        let direct = try Subprocess.run(["-e", "print(statements:where{kind = 'direct'}:count())", "--corpus", corpus]).stdout
        #expect(overlapping.stderr == "parley: keyness: \(direct.dropLast()) statements in both; to compare with the others only: c:keyness(d:except(c))\n", "\(overlapping.stderr)")
        let apart = try Subprocess.run(["-e", "local c = statements:where{kind = 'direct'} print(#c:keyness(statements:except(c)) > 0)", "--corpus", corpus])
        #expect(apart.status == 0 && apart.stderr.isEmpty, "\(apart.stderr)")
    }

    /// print shows a table as the REPL shows it (Lua's own print wrote "table: 0x…", which tells an
    /// analyst nothing): a list as its items, a list of records as rows, a cycle named, a table that
    /// says how it is shown (`__tostring`) as it says; other values as tostring gives them.
    /// s.context gives a script the sentence of the document its statement stands in.
    @Test func aStatementsContextIsItsSentenceInTheDocument() throws {
        let body = "Talks collapsed. Erdoğan’s envoy said Türkiye would keep trying! Nobody else spoke."
        let corpus = Fixtures.write(#"{"type":"document","id":"d1","text":"\#(body)"}"# + "\n"
            + #"{"type":"statement","doc":"d1","speaker":"Envoy","kind":"indirect","text":"Türkiye would keep trying","span":[38,63]}"# + "\n"
            + #"{"type":"statement","doc":"d1","speaker":"B","text":"Nobody"}"# + "\n"
            + #"{"type":"statement","doc":"d1","speaker":"C","kind":"indirect","text":"everyone agreed"}"#, named: "context.jsonl")
        let out = try Subprocess.run(["--corpus", corpus, "-e", "for _, s in ipairs(statements) do print(s.context) end"])
        #expect(out.status == 0 && out.stdout == "Erdoğan’s envoy said Türkiye would keep trying!\nNobody else spoke.\nnil\n", "\(out.stdout)\(out.stderr)")
    }

    @Test func printShowsTheItemsOfATable() throws {
        let code = """
            print(statements:where{id = 'blog#2'}[1].topics, 7)
            print({{speaker = 'A', n = 2}, {speaker = 'B', n = 10}})
            local t = {name = 'x'}; t.self = t; print(t)
            print(setmetatable({}, {__tostring = function() return 'mine' end}), {})
            local named = setmetatable({}, {__tostring = function() return 'x' end}); print({named, named})
            """
        let out = try Subprocess.run(["-e", code, "--corpus", corpus])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout == """
            {"talks"}\t7
             n  speaker
            ──  ───────
             2  A
            10  B
            {name = "x", self = <cycle: table 1>}
            mine\t{}
            {x, x}

            """, "\(out.stdout)")
        // An error or the time limit inside __tostring is raised, as by Lua's print, not shown past.
        let failing = try Subprocess.run(["-e", "print(setmetatable({}, {__tostring = function() error('inside') end}))"])
        #expect(failing.status == 1 && failing.stderr.hasPrefix("(command line):1: inside"), "\(failing)")
        let endless = try Subprocess.run(["--timeout", "1", "-e", "print(setmetatable({}, {__tostring = function() while true do end end}))"])
        #expect(endless.status == 1 && endless.stderr.hasPrefix("the time limit of 1.0 s is reached"), "\(endless)")
    }

    /// Output that cannot be written (a full disk: /dev/full) fails the run with a message, as GNU
    /// tools do; it ended with status 0 and the results lost. A reader that goes away is no error.
    @Test func outputThatCannotBeWrittenFailsTheRun() throws {
        func run(_ arguments: [String], stdin: String = "") throws -> (status: Int32, stderr: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Subprocess.parley)
            process.arguments = arguments
            process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
            let err = Pipe(), input = Pipe()
            process.standardError = err
            process.standardInput = input
            try process.run()
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
            let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, message)
        }
        for (arguments, stdin) in [(["-e", "print(#statements)", "--corpus", corpus], ""), (["repl", "--corpus", corpus], "statements\n"), (["docs"], "")] {
            let out = try run(arguments, stdin: stdin)
            #expect(out.status == 1, "\(arguments)")
            #expect(out.stderr == "parley: cannot write to standard output: No space left on device\n", "\(arguments): \(out.stderr)")
        }
        let quiet = try run(["-e", "local n = #statements", "--corpus", corpus])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty)
    }

    /// Standard input closed or a folder, standard error closed: said, or at least no crash
    /// (FileHandle stopped the process on each).
    @Test func closedOrOddStandardStreamsAreNoCrash() throws {
        func shell(_ command: String) throws -> (status: Int32, stdout: String, stderr: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", command, "sh", Subprocess.parley, Fixtures.temporaryDirectory().path]
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, stdout, stderr)
        }
        var out = try shell(#""$1" run - <&-"#)
        #expect(out.status == 2 && out.stderr == "parley: cannot read the script on standard input: it cannot be read (is it closed?)\n", "\(out)")
        out = try shell(#""$1" run - < "$2""#)
        #expect(out.status == 2 && out.stderr == "parley: cannot read the script on standard input: it is a folder, not a file\n", "\(out)")
        out = try shell(#""$1" --no-such-option 2>&-; echo "status $?""#)
        #expect(out.stdout == "status 2\n", "\(out)")
        // The REPL on such an input: it ended with status 0 without a word, as on an empty input.
        out = try shell(#""$1" < "$2""#)
        #expect(out.status == 1 && out.stderr == "parley: cannot read standard input: it is a folder, not a file\n", "\(out)")
        out = try shell(#""$1" repl <&-"#)
        #expect(out.status == 1 && out.stderr == "parley: cannot read standard input: it is closed\n", "\(out)")
        // Lines from Windows (CR LF) and a last line without its newline are read as lines.
        out = try shell(#"printf 'print(1)\r\nprint(2)' | "$1""#)
        #expect(out.status == 0 && out.stdout == "1\n2\n", "\(out)")
    }

    /// An empty corpus loads, but says so: a script over it would otherwise count nothing in silence.
    @Test func aCorpusWithoutStatementsIsNamed() throws {
        let empty = Fixtures.write("", named: "empty.jsonl")
        var out = try Subprocess.run(["-e", "print(#statements)", "--corpus", empty])
        #expect(out.status == 0 && out.stdout == "0\n")
        #expect(out.stderr == "parley: \(empty): no statements in it\n")
        let documents = Fixtures.write(#"{"type": "document", "id": "d1"}"# + "\n" + #"{"type": "document", "id": "d2"}"#, named: "docs.jsonl")
        out = try Subprocess.run(["-e", "print(#statements)", "--corpus", documents])
        #expect(out.stderr == "parley: \(documents): no statements in it (only 2 documents)\n")
        out = try Subprocess.run(["repl", "--corpus", empty], stdin: "#statements\n")
        #expect(out.stdout == "0\n" && out.stderr.contains("no statements in it"))
        out = try Subprocess.run(["repl"], stdin: ".load \(documents)\n#statements\n")
        #expect(out.stdout.hasSuffix("0 statements, 2 documents\n0\n") && out.stderr == "\(documents): no statements in it (only 2 documents)\n", "\(out)")
        let one = Fixtures.write(#"{"type": "document", "id": "d1"}"# + "\n" + #"{"type": "statement", "doc": "d1", "speaker": "A", "text": "x"}"#, named: "one.jsonl")
        out = try Subprocess.run(["--timer", "-e", "", "--corpus", one])
        #expect(out.stderr.contains(" s (1 statement, 1 document)\n"), "\(out.stderr)")
    }

    /// `--timer` says on standard error how long the load and the script took, as sqlite3's and
    /// DuckDB's shells do with `.timer on`; the output of the script is unchanged.
    @Test func theTimerReportsTheLoadAndTheRun() throws {
        let out = try Subprocess.run(["--timer", "-e", "print(#statements)", "--corpus", corpus])
        #expect(out.status == 0)
        #expect(out.stdout == "31\n")
        let lines = out.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first?.range(of: #"^Load Time: \d+\.\d{3} s \(31 statements, 2 documents\)$"#, options: .regularExpression) != nil, "\(lines)")
        #expect(lines.last?.range(of: #"^Run Time: \d+\.\d{3} s$"#, options: .regularExpression) != nil, "\(lines)")
        let piped = try Subprocess.run(["repl", "--timer", "--corpus", corpus], stdin: "#statements\n")
        #expect(piped.stdout == "31\n")
        #expect(piped.stderr.contains("Load Time: ") && piped.stderr.contains("Run Time: "), "\(piped.stderr)")
        let quiet = try Subprocess.run(["-e", "print(#statements)", "--corpus", corpus])
        #expect(quiet.stderr.isEmpty)
    }

    @Test func aScriptFileGetsItsArguments() throws {
        let script = Fixtures.write("print(arg[0] ~= nil, arg[1], arg[2], #arg)\nprint(statements:where{speaker = arg[1]}:count())", named: "s.lua")
        let out = try Subprocess.run(["run", script, "--corpus", corpus, "--", "Attaullah Tarar", "x"])
        #expect(out.status == 0)
        #expect(out.stdout == "true\tAttaullah Tarar\tx\t2\n4\n")
    }

    @Test func aScriptFromStandardInput() throws {
        let out = try Subprocess.run(["run", "-", "--corpus", corpus], stdin: "print(statements:count_by('kind'):top(1):keys()[1])")
        #expect(out.status == 0)
        #expect(out.stdout == "indirect\n")
    }

    @Test func aShebangLineIsSkipped() throws {
        let script = Fixtures.write("#!/usr/bin/env parley run\nprint('ok')\nerror('line three')", named: "s.lua")
        let out = try Subprocess.run(["run", script])
        #expect(out.stdout == "ok\n")
        #expect(out.stderr.contains("s.lua:3: line three"))
    }

    @Test func aByteOrderMarkIsSkippedAsLuaDoes() throws {
        // Notepad saves UTF-8 with a byte order mark; lua.c skips it, and so does every way Parley reads a script.
        let script = Fixtures.write("\u{FEFF}#!/usr/bin/env parley run\nprint('ok')\nerror('line three')", named: "bom.lua")
        let out = try Subprocess.run(["run", script])
        #expect(out.stdout == "ok\n")
        #expect(out.stderr.contains("bom.lua:3: line three"))
        let piped = try Subprocess.run(["run", "-"], stdin: "\u{FEFF}print('piped')")
        #expect(piped.stdout == "piped\n")
        let recipe = Fixtures.write("\u{FEFF}return {name = \"bom\", description = \"d\", run = function() print('recipe') end}", named: "bom-recipe.lua")
        #expect(try Subprocess.run(["run", recipe]).stdout == "recipe\n")
        #expect(try Subprocess.run(["recipes", "show", recipe]).status == 0)
    }

    @Test func aScriptThatIsAFolderIsNamedSo() throws {
        let folder = Fixtures.temporaryDirectory().path
        let out = try Subprocess.run(["run", folder])
        #expect(out.status == 2)
        #expect(out.stderr == "parley: cannot read the script \(folder): it is a folder, not a file\n")
        let missing = try Subprocess.run(["run", folder + "/none.lua"])
        #expect(missing.stderr == "parley: cannot read the script \(folder)/none.lua: no such file\n")
    }

    @Test func aScriptNotInUTF8IsRefusedWithThePlaceOfItsFirstBadByte() throws {
        // "José" saved as Latin-1: replaced by U+FFFD, the search would find nothing and say nothing.
        var bytes = Array("local x = 1\nprint(statements:where{speaker = \"Jos".utf8)
        bytes += [0xE9] + Array("\"}:count())\n".utf8)
        let url = Fixtures.temporaryDirectory().appendingPathComponent("latin1.lua")
        try Data(bytes).write(to: url)
        let out = try Subprocess.run(["run", url.path])
        #expect(out.status == 2)
        #expect(out.stderr.hasPrefix("parley: \(url.path):2:38: the script is not UTF-8 text"))
    }

    @Test func aScriptErrorExitsWithOneAndATraceback() throws {
        let script = Fixtures.write("local function f()\n  return statements:where{speeker = 1}\nend\nf()\n", named: "bad.lua")
        let out = try Subprocess.run(["run", script, "--corpus", corpus])
        #expect(out.status == 1)
        #expect(out.stderr.contains("bad.lua:2: where: unknown field 'speeker' (did you mean 'speaker'?)"))
        #expect(out.stderr.contains("stack traceback:"))
        #expect(out.stderr.contains("bad.lua:4: in main chunk"))
    }

    @Test func aSyntaxErrorExitsWithOne() throws {
        let out = try Subprocess.run(["-e", "for i = 1 do"])
        #expect(out.status == 1)
        #expect(out.stderr.contains("(command line):1:"))
    }

    @Test func aCorpusErrorExitsWithTwoAndListsEveryProblem() throws {
        let bad = Fixtures.write("""
            {"type":"document","id":"d1"}
            {"type":"statement","id":"a","doc":"d1","text":"no speaker"}
            {"type":"statement","id":"b","doc":"d2","speaker":"X","text":"t","date":"Friday"}
            """, named: "bad.jsonl")
        let out = try Subprocess.run(["-e", "print(1)", "--corpus", bad])
        #expect(out.status == 2)
        #expect(out.stdout.isEmpty)
        let lines = out.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("\(bad):2:1: statement 'a': the required field \"speaker\" is missing") })
        #expect(lines.contains { $0.hasPrefix("\(bad):3:") && $0.contains("statement 'b'") && $0.contains("\"Friday\"") })
        #expect(lines.last?.hasPrefix("the corpus has 2 problems; fix them or pass --skip-bad") == true)
    }

    @Test func skipBadLoadsTheRestAndSaysSo() throws {
        let bad = Fixtures.write("""
            {"type":"statement","speaker":"A","text":"fine"}
            {"type":"statement","text":"no speaker"}
            """, named: "bad.jsonl")
        let out = try Subprocess.run(["-e", "print(#statements)", "--corpus", bad, "--skip-bad"])
        #expect(out.status == 0)
        #expect(out.stdout == "1\n")
        #expect(out.stderr.contains("skipped 1 bad record; loaded 1 statement\n"), "one of each, in the singular")
    }

    @Test func usageErrorsExitWithTwo() throws {
        var out = try Subprocess.run(["--no-such-option"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("Unknown option '--no-such-option'"))
        out = try Subprocess.run(["run"])
        #expect(out.status == 2)
        out = try Subprocess.run(["run", "/no/such/script.lua"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("cannot read the script /no/such/script.lua"))
        out = try Subprocess.run(["-e", "print(1)", "--corpus", "/no/such/corpus.json"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("/no/such/corpus.json: no such file or folder"))
    }

    @Test func helpExitsWithZero() throws {
        let out = try Subprocess.run(["--help"])
        #expect(out.status == 0)
        #expect(out.stdout.contains("Exit status: 0 success, 1 script error, 2 usage or corpus error"))
    }

    @Test func theExampleScriptsRun() throws {
        for script in ["who-said-what", "disputed-figures", "where-reports-differ"] {
            let out = try Subprocess.run(["run", Fixtures.examplePath("Examples/recipes/\(script).lua"), "--corpus", corpus])
            #expect(out.status == 0, "\(script): \(out.stderr)")
            #expect(!out.stdout.isEmpty)
        }
        let figures = try Subprocess.run(["run", Fixtures.examplePath("Examples/recipes/disputed-figures.lua"), "--corpus", corpus])
        #expect(figures.stdout.contains("the parties disagree: from 23 to 58"))
        let differ = try Subprocess.run(["run", Fixtures.examplePath("Examples/recipes/where-reports-differ.lua"), "--corpus", corpus])
        #expect(differ.stdout.contains("dated 2025-11-07 (on Friday)") && differ.stdout.contains("dated 2025-11-08 (on Saturday)"))
    }

    @Test func theAPIReferenceInDocsIsCurrent() throws {
        let out = try Subprocess.run(["docs"])
        #expect(out.status == 0)
        let committed = try String(contentsOfFile: Fixtures.examplePath("docs/lua-api.md"), encoding: .utf8)
        #expect(out.stdout == committed, "run `parley docs > docs/lua-api.md`")
    }
}
