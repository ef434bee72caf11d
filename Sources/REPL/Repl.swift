import Corpus
import Foundation
import LineEditing
import LuaBinding
import Scripting

/// The interactive REPL: reads chunks, runs them, prints their values; dot-commands for the rest.
/// On a terminal it edits lines with libedit; from a pipe it reads plain lines and prints only results.
public final class Repl {
    public struct Options {
        public var corpusPath: String?
        public var skipBad = false
        public var keepSnapshot = false
        /// Start with `.timer on`, and say how long the corpus took to load.
        public var timer = false
        public var history = true
        public var limits = ScriptSession.Limits()
        /// Where `.run NAME` and `recipes.NAME{…}` find recipes.
        public var recipes: RecipeCatalog?
        public init() {}
    }

    static let prompt = "parley> "
    static let continuationPrompt = "   …> "

    let session: ScriptSession
    let terminal: Terminal
    let history: History
    let output = OutputSink()
    /// The terminal's size when results are shown on one (not to `.output FILE`, not on a pipe):
    /// what tables, help and long results are fitted to; nil otherwise.
    var screen: (columns: Int, rows: Int)? { output.toTerminal && terminal.interactive ? terminal.size : nil }
    var printer = ResultPrinter()
    var timer = false
    var recipes: RecipeCatalog?
    /// Set by `.quit`.
    var finished = false
    /// In piped mode, whether any chunk failed (the exit status says so).
    var failures = 0
    /// Names earlier lines declared local, for the note on an error about one (`LineLocals`).
    var lineLocals = LineLocals()

    public init(options: Options) throws {
        session = try ScriptSession(limits: options.limits)
        terminal = Terminal()
        history = History(enabled: options.history && terminal.interactive)
        recipes = options.recipes
        if let catalog = options.recipes { try session.installRecipeAccess(catalog: catalog) }
        // print and help() go where results go: the terminal, or the file of `.output`.
        session.write = { [unowned self] text in
            output.write(output.toTerminal ? ControlCharacters.forStandardOutput(text) : text)
        }
        timer = options.timer
        if let path = options.corpusPath {
            let loading = Stopwatch()
            let result = try CorpusLoader.load(path: path, skipBad: options.skipBad, keepSnapshot: options.keepSnapshot)
            if timer { reportNote(loading.line("Load")) }
            for warning in result.warnings { reportNote(warning) }
            try session.install(corpus: result.corpus)
            if result.skipped > 0 { reportNote("skipped \(MessageText.count(result.skipped, "bad record")) of \(path)") }
        }
    }

    /// Runs until Ctrl-D, `.quit` or the end of input. Returns the exit status.
    public func run() -> Int32 {
        InterruptHandling.install()
        var source: LineSource
        if terminal.interactive {
            let completer = Completer(session: session)
            parley_edit_setup(completeForLibedit, Unmanaged.passUnretained(completer).toOpaque(), takeInterruptForLibedit,
                              session.limits.trusted ? 0 : 1)
            history.load()
            source = EditedLines()
            banner()
            loop(&source)
            parley_edit_restore_terminal()
            withExtendedLifetime(completer) {}
            history.save()
        } else {
            source = PipedLines()
            loop(&source)
        }
        do { try output.finish() } catch { reportError("\(error)") }
        StandardStreams.flush()
        return failures > 0 && !terminal.interactive ? 1 : 0
    }

    private func banner() {
        let corpus = session.corpus
        let what = corpus.count > 0 ? "\(corpus.name ?? "corpus"): \(corpus.size)" : "no corpus loaded (.load PATH)"
        let lines = ["Parley \(ParleyInfo.version) — \(what).", ".help for commands, help() for the Lua API, Ctrl-D to quit."]
        output.write(terminal.note(lines.flatMap { $0.wrapped(columns: terminal.size.columns) }.joined(separator: "\n")))
    }

    private func loop(_ source: inout LineSource) {
        while !finished {
            switch source.read(prompt: Self.prompt) {
            case .endOfInput:
                // Ctrl-D leaves the cursor after the prompt: the shell's prompt starts a line of its own (as lua.c ends).
                if terminal.interactive { StandardStreams.write("\n") }
                return
            case .interrupted: continue
            case .unreadable(let why):
                reportError(why)
                failures += 1
                return
            case .line(let line):
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty { continue }
                if trimmed.hasPrefix(".") {
                    history.add(trimmed)
                    runDotCommand(trimmed)
                    reportOutputFailure()
                    continue
                }
                guard let chunk = readChunk(startingWith: line, from: &source) else { continue }
                history.add(chunk.text)
                evaluate(chunk.code, chunkName: "=stdin")
            }
        }
    }

    /// A complete chunk: lua.c's order, `return <line>` first so expressions print, then the line
    /// itself, reading more lines while the syntax error says the chunk ends too early. A line
    /// `= expr` is `return expr`, as in Lua 5.1's lua.c and Neovim's `:lua =expr`, which many
    /// tutorials still show.
    private func readChunk(startingWith first: String, from source: inout LineSource) -> (text: String, code: String)? {
        if session.compile("return " + first) == .complete { return (first, "return " + first) }
        var text = first
        var code = first.drop(while: \.isWhitespace).first == "=" ? "return " + first.drop(while: \.isWhitespace).dropFirst() : first
        while true {
            switch session.compile(code) {
            case .complete, .error: return (text, code)
            case .incomplete:
                switch source.read(prompt: Self.continuationPrompt) {
                case .line(let more):
                    text += "\n" + more
                    code += "\n" + more
                case .interrupted: return nil
                case .endOfInput, .unreadable: return (text, code)   // reports the unfinished chunk (and the next read, why)
                }
            }
        }
    }

    /// Runs a chunk and prints its results (or its error), timing it when asked.
    func evaluate(_ code: String, chunkName: String) {
        let running = Stopwatch()
        let screen = self.screen
        session.outputWidth = screen?.columns
        do {
            try session.execute(code, chunkName: chunkName) { indices in
                guard !indices.isEmpty else { return }
                // A CSV, Markdown or JSON result for a file or a pipe is written as it is made (as
                // report.save writes one).
                if printer.writesAsMade, screen == nil, indices.count == 1,
                   let table = session.tabular(at: indices[0]) {
                    output.write(streaming: { emit in try printer.write(table, emit) })
                    return
                }
                printer.width = session.outputWidth
                printer.height = screen?.rows
                let shown = printer.render(session, indices: indices)
                guard !session.isStopped else { return }     // a __tostring stopped: its error is said instead
                show(shown)
                if let hint = lineLocals.hint(forExpression: code, shown: shown) { reportNote(hint) }
            }
        } catch {
            // After Ctrl-C the terminal has echoed ^C: start the message on a line of its own.
            reportError((InterruptHandling.takeInterrupt() && terminal.interactive ? "\n" : "") + error.message)
            if let hint = lineLocals.hint(for: error.message) { reportNote(hint) }
        }
        lineLocals.note(code)
        reportOutputFailure()
        if timer { reportNote(running.line("Run")) }
    }

    /// Prints a result: to the file of `.output`, or to the terminal cut to its height.

    func show(_ text: String) {
        guard let screen else {
            output.write(text)
            return
        }
        let (kept, hidden) = ResultPrinter.fit(ControlCharacters.forStandardOutput(text), rows: screen.rows, columns: screen.columns)
        output.write(kept)
        if let note = hidden.note { output.write(terminal.note(note)) }
    }

    /// Says that the file of `.output` could not be written, once, after the line that wrote it.
    private func reportOutputFailure() {
        if let failure = output.takeFailure() { reportError(failure) }
    }

    func reportError(_ message: String) {
        failures += 1
        StandardStreams.writeError(terminal.error(ControlCharacters.forStandardError(message)) + "\n")
    }

    func reportNote(_ message: String) {
        StandardStreams.writeError(terminal.errorNote(ControlCharacters.forStandardError(message)) + "\n")
    }
}


// libedit calls these C functions; the context pointer carries the completer, so nothing global is needed here.
private func completeForLibedit(_ context: UnsafeMutableRawPointer?, _ line: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32,
                                _ add: parley_add_candidate_fn?, _ accumulator: UnsafeMutableRawPointer?) {
    guard let context, let line, let add else { return }
    let completer = Unmanaged<Completer>.fromOpaque(context).takeUnretainedValue()
    let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(line).assumingMemoryBound(to: UInt8.self), count: strlen(line)))
    for candidate in completer.candidates(line: bytes, start: Int(start), end: Int(end)) {
        candidate.withCString { add(accumulator, $0) }
    }
}

private func takeInterruptForLibedit() -> Int32 { InterruptHandling.takeInterrupt() ? 1 : 0 }
