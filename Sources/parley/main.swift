import ArgumentParser
import Corpus
import Foundation
import LuaBinding
import REPL
import Scripting

/// `parley`: run Lua scripts over a corpus of statements.
struct Parley: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parley",
        abstract: "Script a corpus of statements (who said what, when, reported where) in Lua.",
        discussion: """
            Exit status: 0 success, 1 script error, 2 usage or corpus error, 3 a script that did not stop at its time limit.
            Scripts run sandboxed (no files, no commands, no network) unless --trust.
            The Lua API reference: help() inside a script, or `parley docs`.
            """,
        version: "Parley \(ParleyInfo.version), Lua 5.4",
        subcommands: [Run.self, ReplCommand.self, Recipes.self, SnapshotCommand.self, ExportCommand.self, IngestCommand.self, Docs.self]
    )

    @Option(name: .customShort("e"), help: ArgumentHelp("Run this Lua code.", valueName: "code"))
    var code: String?

    @OptionGroup var corpusOptions: CorpusOptions

    @OptionGroup var limitOptions: LimitOptions

    @Flag(help: "In the REPL, neither read nor write the history file.")
    var noHistory = false

    mutating func run() throws {
        guard let code else {
            throw ExitCode(ReplCommand.start(corpusOptions: corpusOptions, limits: try limitOptions.limits(batch: false), history: !noHistory))
        }
        var run = corpusOptions.batchRun(source: .inline(code))
        run.recipeCatalog = .standard
        run.limits = try limitOptions.limits(batch: true)
        throw ExitCode(run.execute().rawValue)
    }
}

/// The sandbox's limits, for every command that runs scripts. Their values are taken as given even
/// when they start with '-' (`--timeout -3` is then refused for what it is, not as a missing value).
struct LimitOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("Memory scripts may use: 512M, 2G… (default 1G; 0 for no limit).", valueName: "size"))
    var memory: String = "1G"

    @Option(parsing: .unconditional, help: ArgumentHelp("Seconds a script may run (default: 600 in batch, none in the REPL; 0 for no limit).", valueName: "seconds"))
    var timeout: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("Output print may write: 256M, 1G… (default 256M; 0 for no limit).", valueName: "size"))
    var maxOutput: String = "256M"

    @Flag(help: "Trust the script: open the io library and all of os (files, commands), and let reports go outside --out. Off by default.")
    var trust = false

    @Option(help: ArgumentHelp("Where reports are written; relative paths resolve under it (default: the current folder).", valueName: "dir"))
    var out: String = "."

    func validate() throws {
        _ = try limits(batch: true)
    }

    /// The limits these options ask for.
    func limits(batch: Bool) throws -> ScriptSession.Limits {
        var limits = ScriptSession.Limits()
        limits.memory = try Self.bytes(memory, option: "--memory")
        // A bare number is bytes, as in docker's --memory; a script needs more than a few hundred KB
        // of its own, so "--memory 200" almost surely meant megabytes (docker has a floor too).
        if limits.memory > 0, limits.memory < 1 << 20 {
            let meant = memory.allSatisfy(\.isNumber) ? "; did you mean \(memory)M?" : ""
            throw ValidationError("--memory \(memory) is less than 1M, too little to run a script\(meant)")
        }
        limits.output = try Self.bytes(maxOutput, option: "--max-output")
        let seconds = timeout ?? (batch ? 600 : 0)
        guard seconds >= 0, seconds.isFinite else { throw ValidationError("--timeout takes a number of seconds, 0 or more") }
        limits.time = seconds > 0 ? seconds : nil
        limits.trusted = trust
        limits.outputDirectory = out
        return limits
    }

    /// "512M", "2G", "100K", or a number of bytes.
    static func bytes(_ text: String, option: String) throws -> Int {
        let units: [Character: Double] = ["K": 1024, "M": 1_048_576, "G": 1_073_741_824, "T": 1_099_511_627_776]
        var number = text.uppercased()
        if number.hasSuffix("B") { number.removeLast() }
        var factor: Double = 1
        if let last = number.last, let unit = units[last] { factor = unit; number.removeLast() }
        guard let value = Double(number), value >= 0, value * factor < 1e18 else {
            throw ValidationError("\(option) takes a size such as 512M or 2G, not '\(text)'")
        }
        return Int(value * factor)
    }
}

struct CorpusOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The corpus: a .json, .jsonl, .csv or SQLite (.sqlite, .db) file, gzip or bzip2 compressed or not, or a folder of them.", valueName: "path"))
    var corpus: String?

    @Flag(help: "Load the good records of a corpus with problems, and say how many were skipped.")
    var skipBad = false

    @Flag(help: "Open the corpus through its snapshot (corpus.parley beside it), writing or rebuilding it when missing or stale.")
    var snapshot = false

    @Flag(help: "Say how long the corpus took to load, and the script or each command to run (as .timer on in the REPL).")
    var timer = false

    /// A batch run of `source` on this corpus, with these options.
    func batchRun(source: BatchRun.Source) -> BatchRun {
        var run = BatchRun(source: source, corpusPath: corpus)
        run.skipBad = skipBad
        run.keepSnapshot = snapshot
        run.timer = timer
        return run
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a Lua script (a file, or - for standard input) or a recipe (by name or file) over a corpus.",
        discussion: """
            A plain script gets the arguments after -- as `arg`, as in lua. A recipe gets its parameters as
            options: parley run disputed-figures --min-sources 2. `parley run NAME --help` shows a recipe's help.
            """
    )

    @Argument(help: ArgumentHelp("The script file, - for standard input, or a recipe's name.", valueName: "script"))
    var script: String

    @OptionGroup var corpusOptions: CorpusOptions

    @OptionGroup var limitOptions: LimitOptions

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("A recipe's parameters (--name value), or after -- a script's arguments.", valueName: "args"))
    var arguments: [String] = []

    mutating func run() throws {
        let isFile = script == "-" || FileManager.default.fileExists(atPath: script)
        let recipe = isFile ? nil : RecipeCatalog.standard.file(named: script)
        if !isFile, recipe == nil, !script.contains("/"), !script.hasSuffix(".lua") {
            // Neither a file nor a recipe, and named as a recipe is: a recipe's name mistyped, most likely.
            let hint = RecipeCatalog.standard.name(like: script).map { "did you mean the recipe '\($0)'?" } ?? "`parley recipes` lists the recipes"
            printError("parley: cannot read the script \(script): no such file, nor a recipe of that name (\(hint))\n")
            throw ExitCode(2)
        }
        let path = recipe ?? script
        var run = corpusOptions.batchRun(source: path == "-" ? .standardInput : .file(path))
        run.recipeCorpus = BundledExample.corpusPath
        run.recipeCatalog = .standard
        run.limits = try limitOptions.limits(batch: true)
        run.arguments = arguments
        throw ExitCode(run.execute().rawValue)
    }
}

struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "The interactive REPL (the default): on --corpus, or on the bundled example corpus.",
        discussion: "Not on a terminal (a pipe), it reads Lua lines and prints only their results."
    )

    @OptionGroup var corpusOptions: CorpusOptions

    @OptionGroup var limitOptions: LimitOptions

    @Flag(help: "Neither read nor write the history file.")
    var noHistory = false

    mutating func run() throws {
        throw ExitCode(Self.start(corpusOptions: corpusOptions, limits: try limitOptions.limits(batch: false), history: !noHistory))
    }

    static func start(corpusOptions: CorpusOptions, limits: ScriptSession.Limits, history: Bool) -> Int32 {
        var options = Repl.Options()
        options.limits = limits
        options.recipes = .standard
        options.corpusPath = corpusOptions.corpus ?? BundledExample.corpusPath
        options.skipBad = corpusOptions.skipBad
        options.keepSnapshot = corpusOptions.snapshot
        options.timer = corpusOptions.timer
        options.history = history
        do {
            return try Repl(options: options).run()
        } catch let error as CorpusLoadError {
            printError(error.description + "\n")
            return 2
        } catch {
            printError("parley: \(error)\n")
            return 2
        }
    }
}

/// `parley recipes`: list, show, check and test recipes.
struct Recipes: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the recipes on the recipe path, show one's help, check or test them.",
        discussion: "The recipe path: ./recipes, the bundled Examples/recipes, $PARLEY_RECIPES (folders separated by ':'), ~/.local/share/parley/recipes.",
        subcommands: [List.self, Show.self, Check.self, Test.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the recipes with their descriptions.")
        mutating func run() throws {
            var found = false
            for file in RecipeCatalog.standard.files {
                let recipe: Recipe
                do {
                    recipe = try RecipeFiles.load(file)
                } catch {
                    // A .lua file on the path that is not a recipe is said, not hidden.
                    printError("parley: not listed: \(error)\n")
                    continue
                }
                found = true
                // One line each (a longer name is not cut); a description's line breaks become spaces.
                printRecipeText(recipe.name.padded(columns: 22) + "  " + recipe.description.split(whereSeparator: \.isNewline).joined(separator: " "))
            }
            if !found { print("no recipes on the recipe path (\(RecipeCatalog.standard.folders.joined(separator: ", ")))") }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a recipe's help, generated from its table.")
        @Argument(help: "The recipe's name or file.") var recipe: String
        mutating func run() throws {
            printRecipeText(try RecipeFiles.load(RecipeFiles.resolve(recipe)).help)
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check recipe files without running them: syntax, the table's shape, the parameters.")
        @Argument(help: "Recipe files or names.") var recipes: [String]
        mutating func run() throws {
            var bad = 0
            for name in recipes {
                do {
                    let recipe = try RecipeFiles.load(RecipeFiles.resolve(name))
                    printRecipeText("ok: \(recipe.name) (\(recipe.parameters.count) parameters, \(recipe.examples.count) examples)")
                } catch {
                    bad += 1
                    printError("\(error)\n")
                }
            }
            if bad > 0 { throw ExitCode(1) }
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run every example of the recipes (all on the path if none named) and compare with the expected output.")
        @Argument(help: "Recipe names or files.") var recipes: [String] = []
        @OptionGroup var limitOptions: LimitOptions
        mutating func run() throws {
            // Reports made by examples carry a fixed time, so their output can be compared.
            if ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] == nil { setenv("SOURCE_DATE_EPOCH", "0", 1) }
            let files = recipes.isEmpty ? RecipeCatalog.standard.files.filter { (try? RecipeFiles.load($0)) != nil } : try recipes.map(RecipeFiles.resolve)
            var passed = 0, failed = 0
            for file in files {
                for outcome in RecipeTesting.run(path: file, defaultCorpus: BundledExample.corpusPath, limits: try limitOptions.limits(batch: true)) {
                    if outcome.passed {
                        passed += 1
                        printRecipeText("ok    \(outcome.recipe) example \(outcome.example)")
                    } else {
                        failed += 1
                        printRecipeText("FAIL  \(outcome.recipe) example \(outcome.example)\n" + outcome.detail.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n"))
                    }
                }
            }
            print("\(passed) passed, \(failed) failed")
            if failed > 0 { throw ExitCode(1) }
        }
    }
}

/// Finding and reading recipe files for the `recipes` commands.
enum RecipeFiles {
    /// A file path as it is, or a recipe name looked up on the recipe path.
    static func resolve(_ nameOrPath: String) throws -> String {
        if FileManager.default.fileExists(atPath: nameOrPath) { return nameOrPath }
        guard let file = RecipeCatalog.standard.file(named: nameOrPath) else {
            let like = RecipeCatalog.standard.name(like: nameOrPath).map { "did you mean '\($0)'? " } ?? ""
            throw ValidationError("no recipe '\(nameOrPath)' on the recipe path (\(RecipeCatalog.standard.folders.joined(separator: ", "))); \(like)`parley recipes` lists them")
        }
        return file
    }

    /// Reads a recipe's table (for listing, showing, checking). The file's top level only builds a
    /// table, so it runs under a short time limit and a small memory one: a hostile or broken file
    /// on the recipe path is reported, not waited on.
    static func load(_ path: String) throws -> Recipe {
        let source: String
        do { source = try ScriptFile.read(path) } catch { throw RecipeError(error.description) }
        var limits = ScriptSession.Limits()
        limits.time = 5
        limits.memory = 256 << 20
        limits.timeAdvice = "a recipe file only returns its table; the work belongs in its run function"
        limits.memoryAdvice = limits.timeAdvice
        return try ScriptSession(limits: limits).loadRecipe(path: path, source: source)
    }
}

extension RecipeCatalog {
    /// The recipe path, with the bundled Examples/recipes found from the executable's place.
    static var standard: RecipeCatalog {
        RecipeCatalog(bundled: BundledExample.corpusPath.map { URL(fileURLWithPath: $0).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("recipes").path })
    }
}

/// The example corpus shipped in the source tree, found from the executable's place (.build/…/parley).
enum BundledExample {
    static var corpusPath: String? {
        let relative = "Examples/corpus/pak-afghan-talks-2025.json"
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        return FileManager.default.fileExists(atPath: relative) ? relative : nil
    }
}

struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Save a corpus in binary (corpus.jsonl → corpus.parley) so that it opens without parsing JSON.",
        usage: """
            parley snapshot <path> [--output <file>]
              parley --corpus <path> snapshot [--output <file>]
            """,
        discussion: "Open it with --corpus corpus.parley, or pass --snapshot with the source to use it while it is fresh."
    )

    @Argument(help: ArgumentHelp("The corpus file (or give it with --corpus, as the other commands take it).", valueName: "path"))
    var path: String?
    @ParentCommand var parley: Parley
    @Option(help: ArgumentHelp("Where to write it (default: beside the corpus, with the extension .parley).", valueName: "file"))
    var output: String?

    func validate() throws { _ = try CorpusArgument.one(path: path, option: parley.corpusOptions.corpus) }

    mutating func run() throws {
        let corpus = try CorpusArgument.one(path: path, option: parley.corpusOptions.corpus)
        let start = Date()
        let result: CorpusLoader.Result
        do {
            result = try CorpusLoader.load(path: corpus)
        } catch {
            printError(error.description + "\n")
            throw ExitCode(2)
        }
        let path = output ?? Snapshot.path(for: corpus)
        do {
            try Snapshot.write(result.corpus, source: corpus, to: path)
        } catch {
            printError("\(error)\n")
            throw ExitCode(2)
        }
        print("wrote \(path): \(result.corpus.size) (\(String(format: "%.1f", Date().timeIntervalSince(start))) s)")
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a corpus in another form: JSON Lines (.jsonl) or SQLite (.sqlite, .db).",
        usage: """
            parley export <corpus> <output> [--skip-bad]
              parley --corpus <corpus> export <output> [--skip-bad]
            """,
        discussion: """
            The form is the output's extension: `parley export corpus.jsonl corpus.sqlite` makes a database that \
            sqlite3, DuckDB or a spreadsheet tool can query; `parley export corpus.sqlite corpus.jsonl` goes back. \
            The input is any corpus Parley reads (a file or a folder). The output is replaced only once complete. \
            An output of - writes JSON Lines to standard output, for a pipe (`parley export corpus.parley - | jq …`).
            """
    )

    @Argument(help: ArgumentHelp("The corpus to read (a .json, .jsonl, .csv, .sqlite or .db file, or a folder; or give it with --corpus), then the file to write: .jsonl, .ndjson, .sqlite, .sqlite3 or .db (- for JSON Lines on standard output).", valueName: "corpus> <output"))
    var paths: [String] = []
    @ParentCommand var parley: Parley
    @Flag(help: "Leave out the records with problems (and say how many) instead of failing.")
    var skipBad = false

    func validate() throws { _ = try CorpusArgument.andOutput(paths, option: parley.corpusOptions.corpus) }

    mutating func run() throws {
        let (corpus, output) = try CorpusArgument.andOutput(paths, option: parley.corpusOptions.corpus)
        let skipBad = skipBad || parley.corpusOptions.skipBad
        let result: CorpusLoader.Result
        do {
            result = try CorpusLoader.load(path: corpus, skipBad: skipBad)
        } catch {
            printError(error.description + "\n")
            throw ExitCode(2)
        }
        if result.skipped > 0 { printError("parley: \(corpus): skipped \(MessageText.count(result.skipped, "bad record"))\n") }
        // `-`, as for other command-line tools, is standard output: JSON Lines for a pipe, the
        // summary then on standard error (the records are the output).
        let toStandardOutput = output == "-"
        do {
            if toStandardOutput {
                try CorpusExport.writeJSONLines(result.corpus, to: STDOUT_FILENO)
            } else {
                try CorpusExport.write(result.corpus, to: output)
            }
        } catch {
            printError("parley: \(toStandardOutput ? "standard output: " : "")\(error)\n")
            throw ExitCode(2)
        }
        let summary = "\(result.corpus.size), \(MessageText.count(result.corpus.entities.count, "entity", plural: "entities"))"
        if toStandardOutput { printError("parley: wrote \(summary)\n") } else { print("wrote \(output): \(summary)") }
    }
}

struct Docs: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the Lua API reference as Markdown (docs/lua-api.md).")

    mutating func run() throws {
        print(APIReference.markdown(), terminator: "")
    }
}

// Large column arrays get their own mappings, handed back to the system when freed. Without a fixed
// threshold glibc raises it as blocks are freed, and loading's short-lived buffers stay resident.
// (mallopt is not in Swift's Glibc module; M_MMAP_THRESHOLD is -3 in malloc.h.)
if let mallopt = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {
    _ = unsafeBitCast(mallopt, to: (@convention(c) (Int32, Int32) -> Int32).self)(-3, 1 << 20)
}

let words = ScriptShorthand.expand(Array(CommandLine.arguments.dropFirst())) { RecipeCatalog.standard.file(named: $0) != nil }

// `parley run RECIPE --help` shows the recipe's help, not the run command's.
if words.count >= 3, words[0] == "run", !words[1].hasPrefix("-"), words.dropFirst(2).contains(where: { $0 == "--help" || $0 == "-h" }),
   let file = try? RecipeFiles.resolve(words[1]), let recipe = try? RecipeFiles.load(file) {
    printRecipeText(recipe.help)
    exit(0)
}

MappedFileGuard.install()
StandardStreams.checkAtExit()

// Usage errors exit with 2 (as lua.c does), not ArgumentParser's 64.
do {
    var command = try Parley.parseAsRoot(words)
    try command.run()
} catch {
    let code = Parley.exitCode(for: error)
    if code == .success || code.rawValue == 1 || error is ExitCode {
        Parley.exit(withError: error)
    }
    var message = Parley.fullMessage(for: error)
    if let complaint = ScriptShorthand.complaint(words), message.range(of: "unexpected argument", options: .caseInsensitive) != nil { message = complaint }
    printError(message + "\n")
    exit(2)
}

/// Writes what a recipe gives (its name, description, help, its examples' output) to standard
/// output, with control characters shown when it is a terminal: a shared recipe is text from
/// someone else, and an escape sequence in its description would clear or retitle the terminal.
func printRecipeText(_ text: String) {
    print(ControlCharacters.forStandardOutput(text))
}

/// Writes to standard error, with control characters shown when it is a terminal: messages quote
/// the corpus and the script, which may hold escape sequences (`ControlCharacters`).
func printError(_ text: String) {
    StandardStreams.writeError(ControlCharacters.forStandardError(text))   // C stdio: a closed stderr is no crash
}

/// The corpus of `snapshot` and `export`, given first as their argument or with --corpus as every
/// other command takes it (`parley --corpus talks.jsonl export talks.sqlite`): an analyst who types
/// it so is not told that an argument is missing.
enum CorpusArgument {
    static func one(path: String?, option: String?) throws -> String {
        switch (path, option) {
        case (let path?, nil), (nil, let path?): return path
        case (let path?, let option?) where path == option: return path
        case (_?, _?): throw ValidationError("the corpus is given twice, as an argument and with --corpus: give it once")
        case (nil, nil): throw ValidationError("which corpus? Give its path: parley snapshot corpus.jsonl")
        }
    }

    static func andOutput(_ paths: [String], option: String?) throws -> (corpus: String, output: String) {
        switch (paths.count, option) {
        case (2, nil): return (paths[0], paths[1])
        case (1, let corpus?): return (corpus, paths[0])
        case (2, let corpus?) where corpus == paths[0]: return (corpus, paths[1])
        case (0, _): throw ValidationError("which corpus, and where to? Give both: parley export corpus.jsonl corpus.sqlite")
        case (1, nil): throw ValidationError("where to? Give the file to write after the corpus: parley export \(paths[0]) corpus.sqlite")
        case (_, _?): throw ValidationError("the corpus is given with --corpus: give only the file to write (parley export --corpus \(option!) OUT.sqlite)")
        default: throw ValidationError("export takes a corpus and a file to write, not \(paths.count) paths")
        }
    }
}
