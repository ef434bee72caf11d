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
            Exit status: 0 success, 1 script error, 2 usage or corpus error.
            The Lua API reference: help() inside a script, or `parley docs`.
            """,
        subcommands: [Run.self, ReplCommand.self, Docs.self]
    )

    @Option(name: .customShort("e"), help: ArgumentHelp("Run this Lua code.", valueName: "code"))
    var code: String?

    @OptionGroup var corpusOptions: CorpusOptions

    @Flag(help: "In the REPL, neither read nor write the history file.")
    var noHistory = false

    mutating func run() throws {
        guard let code else {
            throw ExitCode(ReplCommand.start(corpusOptions: corpusOptions, history: !noHistory))
        }
        var run = BatchRun(source: .inline(code), corpusPath: corpusOptions.corpus)
        run.skipBad = corpusOptions.skipBad
        throw ExitCode(run.execute().rawValue)
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

    @Argument(parsing: .postTerminator, help: ArgumentHelp("Arguments for the script.", valueName: "args"))
    var arguments: [String] = []

    mutating func run() throws {
        var run = BatchRun(source: script == "-" ? .standardInput : .file(script), corpusPath: corpusOptions.corpus)
        run.skipBad = corpusOptions.skipBad
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

    @Flag(help: "Neither read nor write the history file.")
    var noHistory = false

    mutating func run() throws {
        throw ExitCode(Self.start(corpusOptions: corpusOptions, history: !noHistory))
    }

    static func start(corpusOptions: CorpusOptions, history: Bool) -> Int32 {
        var options = Repl.Options()
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
