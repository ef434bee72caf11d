import Corpus
import Foundation
import LuaBinding

/// A script run from the command line, start to finish: load the corpus, run the script, and say
/// how it ended with lua.c's exit statuses (0 success, 1 script error, 2 usage or corpus error).
public struct BatchRun {
    public enum Source {
        case file(String)
        case standardInput
        case inline(String)
    }

    public var source: Source
    public var corpusPath: String?
    public var skipBad = false
    /// Open the corpus through its snapshot, rebuilding it when stale (--snapshot).
    public var keepSnapshot = false
    /// Report how long the load and the script took (--timer), on standard error.
    public var timer = false
    public var arguments: [String] = []
    public var limits = ScriptSession.Limits()
    /// The corpus a recipe runs on when no corpus was given (the bundled example).
    public var recipeCorpus: String?
    /// Where `recipes.NAME{…}` finds recipes.
    public var recipeCatalog: RecipeCatalog?

    public init(source: Source, corpusPath: String? = nil) {
        self.source = source
        self.corpusPath = corpusPath
    }

    public enum ExitStatus: Int32 {
        case success = 0, scriptError = 1, usageError = 2
    }

    /// Runs, writing diagnostics through `report` (standard error by default).
    public func execute(report: (String) -> Void = { StandardStreams.writeError(ControlCharacters.forStandardError($0) + "\n") }) -> ExitStatus {
        let corpus: Corpus
        do {
            let loading = Stopwatch()
            corpus = try loadCorpus(report: report)
            CorpusKeeper.keep(corpus)
            if timer && corpusPath != nil { report(loading.line("Load") + " (\(corpus.size))") }
        } catch {
            report(error.description)
            return .usageError
        }
        let running = Stopwatch()
        defer { if timer { report(running.line("Run")) } }
        let code: String, chunkName: String, scriptName: String
        switch source {
        case .file(let path):
            do { code = try ScriptFile.read(path) } catch {
                report("parley: \(error)")
                return .usageError
            }
            chunkName = "@" + path
            scriptName = path
        case .standardInput:
            do { code = try ScriptFile.readStandardInput() } catch {
                report("parley: \(error)")
                return .usageError
            }
            chunkName = "=stdin"
            scriptName = "-"
        case .inline(let text):
            code = text
            chunkName = "=(command line)"
            scriptName = "-e"
        }
        let watchdog = limits.time.map { Watchdog(limit: $0) }
        defer { watchdog?.finish() }
        do {
            let session = try ScriptSession(limits: limits)
            try session.install(corpus: corpus)
            if let recipeCatalog { try session.installRecipeAccess(catalog: recipeCatalog) }
            try session.setArguments(script: scriptName, arguments.first == "--" ? Array(arguments.dropFirst()) : arguments)
            // A file that returns a recipe table runs as a recipe, with the arguments as its parameters.
            if try session.runKeepingRecipe(code, chunkName: chunkName) {
                return runRecipe(session: session, path: scriptName, report: report)
            }
            StandardStreams.flush()
            return .success
        } catch {
            report(error.message)
            return .scriptError
        }
    }

    /// Loads the recipe, checks its parameters (the arguments) and runs it.
    private func runRecipe(session: ScriptSession, path: String, report: (String) -> Void) -> ExitStatus {
        let recipe: Recipe
        let values: [String: Recipe.Value]
        do {
            recipe = try session.readKeptRecipe(path: path)
            values = try RecipeArguments.parse(arguments.first == "--" ? Array(arguments.dropFirst()) : arguments, for: recipe)
        } catch {
            report("parley: \(error)")
            return .usageError
        }
        if corpusPath == nil, let recipeCorpus {
            do {
                let example = try CorpusLoader.load(path: recipeCorpus).corpus
                try session.install(corpus: example)
                // Said, since figures from the example would otherwise pass for the analyst's own.
                report("parley: no --corpus given: recipe '\(recipe.name)' runs on the bundled example corpus (\(example.name ?? recipeCorpus), \(example.count) statements)")
            } catch {
                report("\(error)")
                return .usageError
            }
        }
        if !recipe.needs.isEmpty && !limits.trusted {
            report("parley: recipe '\(recipe.name)' needs \(recipe.needs.joined(separator: " and ")) (files, commands); run it with --trust if you trust it")
            return .usageError
        }
        do {
            try session.runRecipe(recipe, parameters: values)
            StandardStreams.flush()
            return .success
        } catch {
            report(error.message)
            return .scriptError
        }
    }

    private func loadCorpus(report: (String) -> Void) throws(CorpusLoadError) -> Corpus {
        guard let corpusPath else { return .empty }
        let result = try CorpusLoader.load(path: corpusPath, skipBad: skipBad, keepSnapshot: keepSnapshot)
        for warning in result.warnings { report("parley: \(warning)") }
        if result.skipped > 0 {
            report("parley: \(corpusPath): skipped \(MessageText.count(result.skipped, "bad record")); loaded \(MessageText.count(result.corpus.count, "statement"))")
        }
        return result.corpus
    }
}

/// The corpus of a batch run, kept until the process exits: the system takes its memory back at
/// once, where freeing it value by value took a tenth of the run for a corpus with many extra
/// fields (as clang's -disable-free does for a compiler's data).
enum CorpusKeeper {
    nonisolated(unsafe) private static var kept: [Corpus] = []
    static func keep(_ corpus: Corpus) { kept.append(corpus) }
}
