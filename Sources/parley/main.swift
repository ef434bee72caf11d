import ArgumentParser
import Corpus
import Foundation
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
        subcommands: [Run.self, ReplCommand.self, Docs.self]
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
        var run = BatchRun(source: .inline(code), corpusPath: corpusOptions.corpus)
        run.skipBad = corpusOptions.skipBad
        run.limits = try limitOptions.limits(batch: true)
        throw ExitCode(run.execute().rawValue)
    }
}

/// The sandbox's limits, for every command that runs scripts.
struct LimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Memory scripts may use: 512M, 2G… (default 1G; 0 for no limit).", valueName: "size"))
    var memory: String = "1G"

    @Option(help: ArgumentHelp("Seconds a script may run (default: 600 in batch, none in the REPL; 0 for no limit).", valueName: "seconds"))
    var timeout: Double?

    @Option(help: ArgumentHelp("Output print may write: 256M, 1G… (default 256M; 0 for no limit).", valueName: "size"))
    var maxOutput: String = "256M"

    @Flag(help: "Trust the script: open the io library and all of os (files, commands). Off by default.")
    var trust = false

    func validate() throws {
        _ = try limits(batch: true)
    }

    /// The limits these options ask for.
    func limits(batch: Bool) throws -> ScriptSession.Limits {
        var limits = ScriptSession.Limits()
        limits.memory = try Self.bytes(memory, option: "--memory")
        limits.output = try Self.bytes(maxOutput, option: "--max-output")
        let seconds = timeout ?? (batch ? 600 : 0)
        guard seconds >= 0, seconds.isFinite else { throw ValidationError("--timeout takes a number of seconds, 0 or more") }
        limits.time = seconds > 0 ? seconds : nil
        limits.trusted = trust
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
    @Option(help: ArgumentHelp("The corpus: a .json or .jsonl file, or a folder of them.", valueName: "path"))
    var corpus: String?

    @Flag(help: "Load the good records of a corpus with problems, and say how many were skipped.")
    var skipBad = false
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a Lua script (a file, or - for standard input) over a corpus.",
        discussion: "Arguments after -- reach the script as `arg`, as in lua."
    )

    @Argument(help: ArgumentHelp("The script file, or - to read it from standard input.", valueName: "script"))
    var script: String

    @OptionGroup var corpusOptions: CorpusOptions

    @OptionGroup var limitOptions: LimitOptions

    @Argument(parsing: .postTerminator, help: ArgumentHelp("Arguments for the script.", valueName: "args"))
    var arguments: [String] = []

    mutating func run() throws {
        var run = BatchRun(source: script == "-" ? .standardInput : .file(script), corpusPath: corpusOptions.corpus)
        run.skipBad = corpusOptions.skipBad
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
        options.corpusPath = corpusOptions.corpus ?? BundledExample.corpusPath
        options.skipBad = corpusOptions.skipBad
        options.history = history
        do {
            return try Repl(options: options).run()
        } catch let error as CorpusLoadError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            return 2
        } catch {
            FileHandle.standardError.write(Data(("parley: \(error)\n").utf8))
            return 2
        }
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

struct Docs: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the Lua API reference as Markdown (docs/lua-api.md).")

    mutating func run() throws {
        print(APIReference.markdown(), terminator: "")
    }
}

// Usage errors exit with 2 (as lua.c does), not ArgumentParser's 64.
do {
    var command = try Parley.parseAsRoot()
    try command.run()
} catch {
    let code = Parley.exitCode(for: error)
    if code == .success || code.rawValue == 1 || error is ExitCode {
        Parley.exit(withError: error)
    }
    let message = Parley.fullMessage(for: error)
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}
