import Foundation
import Scripting
import Testing
import TestSupport

/// Recipes from the command line: listing, help, typed parameters, checks and example tests.
@Suite struct RecipeCLITests {
    func recipe(_ body: String, named name: String = "r.lua") -> String { Fixtures.write(body, named: name) }

    @Test func listingShowsEveryBundledRecipe() throws {
        let out = try Subprocess.run(["recipes"])
        #expect(out.status == 0)
        for name in ["who-said-what", "disputed-figures", "where-reports-differ", "timeline", "quotes-on-topic",
                     "cue-verbs", "single-source-claims", "casualty-claims", "date-check", "outlet-comparison"] {
            #expect(out.stdout.contains(name), "\(name)")
        }
    }

    @Test func everyBundledExamplePasses() throws {
        let out = try Subprocess.run(["recipes", "test"])
        #expect(out.status == 0, "\(out.stdout)")
        #expect(out.stdout.contains(" passed, 0 failed"))
        #expect(!out.stdout.contains("FAIL"))
    }

    @Test func helpIsGeneratedFromTheTable() throws {
        let show = try Subprocess.run(["recipes", "show", "cue-verbs"])
        #expect(show.stdout.contains("usage: parley run cue-verbs [--corpus PATH] [--by speaker|affiliation] [--top INTEGER]"))
        #expect(show.stdout.contains("--top                 how many speakers or affiliations (integer); default 10"))
        // An example's value with a space is quoted, so that its line can be copied into a shell.
        let words = try Subprocess.run(["recipes", "show", "distinctive-words"])
        #expect(words.stdout.contains("  parley run distinctive-words --drop afghan --target 'Blog report'   (expects"), "\(words.stdout)")
        let help = try Subprocess.run(["run", "cue-verbs", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout == show.stdout)
        // Names longer than the columns are shown whole, not cut where the column ends.
        let long = recipe("""
            return {name = "claims-by-outlet-and-month", description = "Long", run = function() end,
              params = {minimum_number_of_sources = {type = "integer", default = 2, help = "how many"}}}
            """, named: "claims-by-outlet-and-month.lua")
        let folder = (long as NSString).deletingLastPathComponent
        let listed = try Subprocess.run(["recipes"], environment: ["PARLEY_RECIPES": folder])
        #expect(listed.stdout.contains("claims-by-outlet-and-month  Long\n"), "\(listed.stdout)")
        let shown = try Subprocess.run(["recipes", "show", long])
        #expect(shown.stdout.contains("  --minimum-number-of-sources  how many (integer); default 2\n"), "\(shown.stdout)")
    }

    @Test func typedParametersReachTheRecipe() throws {
        let out = try Subprocess.run(["run", "cue-verbs", "--by", "affiliation", "--top=1"])
        #expect(out.status == 0)
        #expect(out.stdout.split(separator: "\n").count == 1)
        #expect(out.stdout.hasPrefix("Government of Pakistan"))
        // Without --corpus it ran on the bundled example, and said so where it does not mix with results.
        #expect(out.stderr == "parley: no --corpus given: recipe 'cue-verbs' runs on the bundled example corpus (Pakistan–Afghanistan talks, November 2025, 31 statements)\n")
        let named = try Subprocess.run(["run", "cue-verbs", "--top=1", "--corpus", Fixtures.exampleCorpus])
        #expect(named.status == 0)
        #expect(named.stderr.isEmpty)
        let file = recipe("""
            return {name = "echo", description = "echo", params = {
                n = {type = "integer"}, x = {type = "number", default = 1.5}, on = {type = "boolean", optional = true},
                day = {type = "date", optional = true}, words = {type = "list", optional = true},
                pick = {type = "choice", choices = {"a", "b"}, default = "a"}},
              run = function(corpus, p)
                print(math.type(p.n), p.n, p.x, p.on, p.day, p.words and table.concat(p.words, "+"), p.pick, #corpus.statements)
              end}
            """)
        let echo = try Subprocess.run(["run", file, "--n", "3", "--on", "--day", "2025-11", "--words", "a,b", "--words", "c", "--pick", "b",
                                       "--corpus", Fixtures.exampleCorpus])
        #expect(echo.stdout == "integer\t3\t1.5\ttrue\t2025-11\ta+b+c\tb\t31\n", "\(echo.stderr)")
        // A number given whole is an integer, as Lua's tonumber("5") is (it printed 5.0).
        let whole = try Subprocess.run(["run", file, "--n", "3", "--x", "5", "--corpus", Fixtures.exampleCorpus])
        #expect(whole.stdout.hasPrefix("integer\t3\t5\tnil\t"), "\(whole.stderr)")
    }

    /// The bundled recipes line their columns up by terminal columns: names from real reports
    /// (Erdoğan, 王毅) came out short with string.format's byte-counting "%-32s".
    @Test func recipesLineUpNamesInAnyScript() throws {
        let corpus = Fixtures.write("""
            {"type": "statement", "speaker": "Recep Tayyip Erdoğan", "text": "We will mediate.", "cue": "said"}
            {"type": "statement", "speaker": "王毅", "text": "Dialogue is the only way.", "cue": "urged"}
            {"type": "statement", "speaker": "Khawaja Asif", "text": "Talks are over.", "cue": "said"}
            """, named: "names.jsonl")
        let out = try Subprocess.run(["run", "cue-verbs", "--corpus", corpus])
        #expect(out.status == 0, "\(out.stderr)")
        let lines = out.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        for line in lines {
            let cue = line.range(of: line.hasSuffix("urged") ? "urged" : "said")!.lowerBound
            #expect(line[..<cue].terminalWidth == 33, "\(line)")
        }
    }

    /// A recipe's result is shown after its run: a `__tostring` of it that never ends meets the
    /// time limit there too (it was stopped, then the result shown as {} with status 0).
    @Test func aResultThatNeverFinishesShowingItselfMeetsTheTimeLimit() throws {
        let file = recipe(#"return {name = "slow", description = "d", run = function() return setmetatable({}, {__tostring = function() while true do end end}) end}"#, named: "slow.lua")
        let out = try Subprocess.run(["--timeout", "1", "run", file, "--corpus", Fixtures.exampleCorpus])
        #expect(out.status == 1, "\(out)")
        #expect(out.stdout.isEmpty && out.stderr.hasPrefix("the time limit of 1.0 s is reached"), "\(out)")
    }

    /// A recipe called from a script runs within the script's time limit, which still holds after it.
    @Test func aRecipeCalledFromAScriptKeepsTheScriptsTimeLimit() throws {
        let out = try Subprocess.run(["--timeout", "1", "-e", "recipes.timeline{} while true do end", "--corpus", Fixtures.exampleCorpus])
        #expect(out.status == 1, "\(out)")
        #expect(out.stderr.hasPrefix("the time limit of 1.0 s is reached"), "\(out)")
    }

    @Test func badParametersNameTheRecipeAndTheParameter() throws {
        let cases: [([String], String)] = [
            (["run", "cue-verbs", "--top", "many"], "recipe 'cue-verbs': --top must be a whole number, not 'many'"),
            (["run", "cue-verbs", "--bogus", "1"], "recipe 'cue-verbs' has no parameter --bogus (its parameters: --by, --top)"),
            (["run", "timeline", "--by", "week"], "recipe 'timeline': --by must be one of day, month, year, not 'week'"),
            (["run", "quotes-on-topic"], "recipe 'quotes-on-topic' needs --topic"),
            (["run", "quotes-on-topic", "--topic"], "--topic needs a value"),
            (["run", "cue-verbs", "--bi", "speaker"], "recipe 'cue-verbs' has no parameter --bi (did you mean --by? its parameters: --by, --top)"),
            (["run", "who-said-wht"], "parley: cannot read the script who-said-wht: no such file, nor a recipe of that name (did you mean the recipe 'who-said-what'?)"),
            (["run", "zzzz"], "parley: cannot read the script zzzz: no such file, nor a recipe of that name (`parley recipes` lists the recipes)"),
        ]
        for (arguments, message) in cases {
            let out = try Subprocess.run(arguments)
            #expect(out.status == 2, "\(arguments)")
            #expect(out.stderr.contains(message), "\(arguments): \(out.stderr)")
        }
    }

    /// The options a recipe's parameter may not be named as are exactly those `parley run` takes.
    @Test func reservedOptionsAreRunsOwn() throws {
        let help = try Subprocess.run(["run", "--help"]).stdout
        // The lines of its OPTIONS section that declare one: "  --corpus <path>   The corpus…", "  -h, --help …".
        let declared = help.split(separator: "\n").drop { !$0.hasPrefix("OPTIONS:") }.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("-") }
        let options = Set(declared.compactMap { line in line.split(separator: " ").map { $0.trimmingCharacters(in: [","]) }.first { $0.hasPrefix("--") } })
        #expect(options.contains("--corpus") && options.contains("--help"), "\(options)")
        #expect(options.subtracting(Recipe.Parameter.reservedOptions).isEmpty, "\(options.subtracting(Recipe.Parameter.reservedOptions))")
    }

    @Test func checkFindsWhatIsWrongWithARecipe() throws {
        let cases: [(String, String)] = [
            ("return {name = 'x', description = 'd', run = function() end", "'}' expected"),
            ("return {name = 'x', description = 'd'}", "recipe 'x' has no run function"),
            ("return {description = 'd', run = function() end}", "needs a \"name\""),
            ("return {name = 'x', description = 'd', run = function() end, params = {n = {type = 'int'}}}", "parameter 'n': unknown type \"int\""),
            ("return {name = 'x', description = 'd', run = function() end, params = {n = {type = 'integer', default = 'ten'}}}", "recipe 'x', parameter 'n': its default does not fit its type: --n must be a whole number, not 'ten'\n"),
            ("return {name = 'x', description = 'd', run = function() end, params = {c = {type = 'choice'}}}", "a choice needs its choices"),
            ("return {name = 'x', description = 'd', run = function() end, params = {skip_bad = {type = 'boolean'}}}",
             "recipe 'x', parameter 'skip_bad': --skip-bad is one of parley's own options, so it could never reach the recipe; name the parameter otherwise"),
            ("return {name = 'x', description = 'd', run = function() end, examples = {{params = {zz = 1}, expect = 'e.txt'}}}", "sets 'zz', which is not a parameter"),
            ("return 42", "must return a table"),
        ]
        for (body, message) in cases {
            let out = try Subprocess.run(["recipes", "check", recipe(body)])
            #expect(out.status == 1, "\(body)")
            #expect(out.stderr.contains(message), "\(body): \(out.stderr)")
        }
        let good = try Subprocess.run(["recipes", "check", "timeline"])
        #expect(good.stdout == "ok: timeline (1 parameters, 2 examples)\n")
    }

    /// `parley run FILE` takes a returned table with a `run` field for a recipe, so that a recipe
    /// whose `run` is mistyped is reported rather than run as a script that did nothing.
    @Test func aRecipeWithAMistypedRunIsReportedWhenRun() throws {
        let mistyped = try Subprocess.run(["run", recipe("return {name = 'x', description = 'd', run = 5}")])
        #expect(mistyped.status == 2)
        #expect(mistyped.stderr.contains("recipe 'x' has no run function (run = function(corpus, params) … end); found number"))
        let longName = try Subprocess.run(["run", recipe("return {name = ('x'):rep(1e6) .. ' y', description = 'd', run = function() end}")])
        #expect(longName.status == 2)
        #expect(longName.stderr.contains("\"name\" must be a word") && longName.stderr.count < 500, "the name is shortened")
        let script = try Subprocess.run(["run", recipe("print('a script') return {1, 2}")])
        #expect(script.status == 0 && script.stdout == "a script\n", "a table without run is a script's result")
    }

    @Test func aFailingExampleShowsADiffAndFails() throws {
        let folder = Fixtures.temporaryDirectory()
        try Data("31 statements\n".utf8).write(to: folder.appendingPathComponent("good.txt"))
        try Data("30 statements\n".utf8).write(to: folder.appendingPathComponent("bad.txt"))
        let file = folder.appendingPathComponent("count.lua").path
        try Data("""
            return {name = "count", description = "count", run = function(corpus) print(#corpus.statements .. " statements") end,
              examples = {{params = {}, expect = "good.txt"}, {params = {}, expect = "bad.txt"}}}
            """.utf8).write(to: URL(fileURLWithPath: file))
        let out = try Subprocess.run(["recipes", "test", file])
        #expect(out.status == 1)
        #expect(out.stdout.contains("ok    count example 1"))
        #expect(out.stdout.contains("FAIL  count example 2"))
        #expect(out.stdout.contains("- 30 statements") && out.stdout.contains("+ 31 statements"))
        #expect(out.stdout.contains("1 passed, 1 failed"))
    }

    /// A shared recipe's examples read only files beside it: an absolute path, a climb out of its
    /// folder or a link to a device is refused, never read (reading /dev/zero would not end). A
    /// recipe tested from its own folder finds its files there.
    @Test func examplesReadOnlyTheFilesBesideTheRecipe() throws {
        let folder = Fixtures.temporaryDirectory()
        try Data("31 statements\n".utf8).write(to: folder.appendingPathComponent("good.txt"))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("zero.txt").path, withDestinationPath: "/dev/zero")
        func write(_ name: String, _ example: String) throws {
            try Data("""
                return {name = "\(name)", description = "d", run = function(corpus) print(#corpus.statements .. " statements") end,
                  examples = {{params = {}, \(example)}}}
                """.utf8).write(to: folder.appendingPathComponent(name + ".lua"))
        }
        try write("beside", #"expect = "./good.txt""#)
        try write("absolute", #"expect = "/dev/zero""#)
        try write("climbing", #"corpus = "sub/../..", expect = "good.txt""#)
        try write("linked", #"expect = "zero.txt""#)
        let beside = try Subprocess.run(["recipes", "test", "beside.lua"], in: folder.path)
        #expect(beside.status == 0 && beside.stdout.contains("1 passed, 0 failed"), "\(beside.stdout)")
        for (name, message) in [("absolute", #"example 1: expect = "/dev/zero" must be a path inside the recipe's folder"#),
                                ("climbing", #"example 1: corpus = "sub/../.." must be a path inside the recipe's folder"#)] {
            let checked = try Subprocess.run(["recipes", "check", folder.appendingPathComponent(name + ".lua").path])
            #expect(checked.status == 1 && checked.stderr.contains(message), "\(checked.stderr)")
        }
        let linked = try Subprocess.run(["recipes", "test", "linked.lua"], in: folder.path)
        #expect(linked.status == 1 && linked.stdout.contains("the expected output zero.txt cannot be read (it must be a file of at most 64 MiB)"), "\(linked.stdout)")
    }

    @Test func recipesRunSandboxedUnlessTrusted() throws {
        let file = recipe("return {name = 'reader', description = 'd', needs = {'io'}, run = function() print(io ~= nil) end}")
        var out = try Subprocess.run(["run", file])
        #expect(out.status == 2)
        #expect(out.stderr.contains("recipe 'reader' needs io"))
        out = try Subprocess.run(["run", file, "--trust"])
        #expect(out.stdout == "true\n")
        let sneaky = recipe("return {name = 'sneaky', description = 'd', run = function() return os.execute('true') end}")
        out = try Subprocess.run(["run", sneaky])
        #expect(out.status == 1)
        #expect(out.stderr.contains("os.execute is not available: scripts run sandboxed"))
    }

    @Test func aRecipeFoundOnPARLEY_RECIPES() throws {
        let folder = Fixtures.temporaryDirectory()
        try Data("return {name = 'hello', description = 'says hello', run = function() return 'hello' end}".utf8)
            .write(to: folder.appendingPathComponent("hello.lua"))
        let list = try Subprocess.run(["recipes"], environment: ["PARLEY_RECIPES": folder.path])
        #expect(list.stdout.contains("hello                   says hello"))
        let out = try Subprocess.run(["run", "hello"], environment: ["PARLEY_RECIPES": folder.path])
        #expect(out.stdout == "\"hello\"\n")
        // A named pipe on the path would block the listing when read: it is not a recipe file.
        #expect(mkfifo(folder.appendingPathComponent("pipe.lua").path, 0o600) == 0)
        let listed = try Subprocess.run(["recipes"], environment: ["PARLEY_RECIPES": folder.path])
        #expect(listed.status == 0 && listed.stdout.contains("hello ") && !listed.stdout.contains("pipe"), "\(listed.stdout)")
    }

    /// A file on the recipe path whose top level never ends (or is not a recipe) does not stop the
    /// listing: it is named on standard error, with why, and the others are listed.
    @Test func aHostileFileOnTheRecipePathIsReportedNotWaitedOn() throws {
        let folder = Fixtures.temporaryDirectory().appendingPathComponent("hostile-recipes")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("while true do end\nreturn {}".utf8).write(to: folder.appendingPathComponent("loop.lua"))
        try Data("return {name = 'broken'}".utf8).write(to: folder.appendingPathComponent("broken.lua"))
        try Data("return {name = 'hello', description = 'says hello', run = function() end}".utf8)
            .write(to: folder.appendingPathComponent("hello.lua"))
        let list = try Subprocess.run(["recipes"], environment: ["PARLEY_RECIPES": folder.path])
        #expect(list.status == 0)
        #expect(list.stdout.contains("hello                   says hello"))
        #expect(list.stderr.contains("loop.lua: the time limit of 5.0 s is reached (a recipe file only returns its table"), "\(list.stderr)")
        #expect(list.stderr.contains("broken.lua: the recipe table needs a \"description\""), "\(list.stderr)")
    }

    /// A recipe that calls itself without end is told so: it stopped at Lua's "C stack
    /// overflow", which says nothing of recipes.
    @Test func aRecipeThatCallsItselfIsToldSo() throws {
        let folder = Fixtures.temporaryDirectory().appendingPathComponent("calling-recipes")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("return {name = 'again', description = 'calls itself', run = function() print('in'); return recipes.again{} end}".utf8)
            .write(to: folder.appendingPathComponent("again.lua"))
        try Data("return {name = 'outer', description = 'calls hello', run = function() return recipes.hello{} end}".utf8)
            .write(to: folder.appendingPathComponent("outer.lua"))
        try Data("return {name = 'hello', description = 'says hello', run = function() return 'hello' end}".utf8)
            .write(to: folder.appendingPathComponent("hello.lua"))
        let out = try Subprocess.run(["run", "again"], environment: ["PARLEY_RECIPES": folder.path])
        #expect(out.status == 1)
        #expect(out.stderr.contains("again: recipes call recipes 20 deep (again → again → again → … → again → again → again): does a recipe call itself?"), "\(out.stderr)")
        #expect(out.stdout.split(separator: "\n").count == 21, "the outer run and twenty calls")
        // Calls that end are not counted against the next ones.
        let twice = try Subprocess.run(["-e", "for i = 1, 30 do recipes.outer{} end print(recipes.outer{})"], environment: ["PARLEY_RECIPES": folder.path])
        #expect(twice.status == 0, "\(twice.stderr)")
        #expect(twice.stdout == "hello\n")
    }

    @Test func recipesFromLuaAndFromTheREPL() throws {
        var out = try Subprocess.run(["-e", "recipes['cue-verbs']{top = 1, by = 'speaker'}", "--corpus", Fixtures.exampleCorpus])
        #expect(out.status == 0)
        #expect(out.stdout.hasPrefix("Khawaja Asif") && out.stdout.split(separator: "\n").count == 1)
        out = try Subprocess.run(["-e", "recipes.timeline{by = 'week'}", "--corpus", Fixtures.exampleCorpus])
        #expect(out.status == 1)
        #expect(out.stderr.contains("recipe 'timeline': --by must be one of day, month, year, not 'week'"))
        out = try Subprocess.run(["repl"], stdin: ".run timeline --by month\n")
        #expect(out.stdout.hasPrefix("2025-10       5"))
    }
}
