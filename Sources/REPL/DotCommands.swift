import Corpus
import Foundation
import LuaBinding
import Scripting

/// The REPL's dot-commands, as in sqlite3's and DuckDB's shells. `.help` lists them from this table.
extension Repl {
    struct DotCommand: Sendable {
        let name: String
        let arguments: String
        let summary: String
        /// How many arguments it takes at most (nil: any number), so that `.schema speaker` or
        /// `.mode csv json` is said to be wrong rather than run as if the rest were not there.
        var most: Int? = nil
        let run: @Sendable (Repl, [String]) -> Void
    }

    /// What sqlite3's and DuckDB's shells call some of these, for an analyst used to them.
    static let otherShells: [String: (command: String, why: String)] = [
        "open": ("load", "sqlite3 and DuckDB open a database with .open"),
        "read": ("run", "sqlite3 reads a script with .read"),
        "tables": ("schema", "the fields of the statements"),
        "show": ("corpus", "what is loaded"),
        "q": ("quit", "or Ctrl-D"),
    ]

    static let dotCommands: [DotCommand] = [
        DotCommand(name: "help", arguments: "[topic]", summary: "this list; with a topic (where, count_by…), the Lua API's help on it", most: 1) { repl, args in
            repl.help(args.first)
        },
        DotCommand(name: "corpus", arguments: "", summary: "the loaded corpus: name, counts, fields, date range", most: 0) { repl, _ in
            repl.show(repl.corpusSummary())
        },
        DotCommand(name: "schema", arguments: "", summary: "the statement fields, their types and how many statements have each", most: 0) { repl, _ in
            repl.show(repl.schema())
        },
        DotCommand(name: "load", arguments: "PATH [--skip-bad]", summary: "load another corpus (a file or a folder) in place of this one", most: 2) { repl, args in
            repl.load(args)
        },
        DotCommand(name: "run", arguments: "FILE|RECIPE [ARGS…]", summary: "run a Lua script (ARGS reach it as arg) or a recipe (--param value…)") { repl, args in
            repl.runScript(args)
        },
        DotCommand(name: "timer", arguments: "on|off", summary: "show how long each command takes", most: 1) { repl, args in
            switch args.first {
            case "on": repl.timer = true
            case "off": repl.timer = false
            default: repl.reportError(".timer takes on or off")
            }
        },
        DotCommand(name: "mode", arguments: OutputMode.allCases.map(\.rawValue).joined(separator: "|"),
                   summary: "how results print (now: see .mode without an argument)", most: 1) { repl, args in
            guard let name = args.first else { repl.show("mode: \(repl.printer.mode.rawValue)"); return }
            guard let mode = OutputMode(rawValue: name) else {
                repl.reportError(".mode takes one of \(OutputMode.allCases.map(\.rawValue).joined(separator: ", "))")
                return
            }
            repl.printer.mode = mode
        },
        DotCommand(name: "output", arguments: "[FILE]", summary: "send results to FILE (written when you switch back); without FILE, back to the terminal", most: 1) { repl, args in
            do {
                if let path = args.first { try repl.output.redirect(to: path) } else { try repl.output.finish() }
            } catch {
                repl.reportError("\(error)")
            }
        },
        DotCommand(name: "history", arguments: "", summary: "the commands entered, oldest first", most: 0) { repl, _ in
            let entries = repl.history.entries
            repl.show(entries.isEmpty ? "(no history)" : entries.enumerated().map { String(format: "%5d  ", $0.offset + 1) + $0.element }.joined(separator: "\n"))
        },
        DotCommand(name: "quit", arguments: "", summary: "leave (so does Ctrl-D)") { repl, _ in repl.finished = true },
        DotCommand(name: "exit", arguments: "", summary: "the same as .quit") { repl, _ in repl.finished = true },
    ]

    func runDotCommand(_ line: String) {
        let words = Self.splitArguments(String(line.dropFirst()))
        guard let name = words.first else { help(nil); return }
        guard let command = Self.dotCommands.first(where: { $0.name == name }) else {
            let meant = Self.otherShells[name].map { ".\($0.command) (\($0.why))" }
                ?? Field.suggestion(for: name, among: Self.dotCommands.map(\.name)).map { ".\($0)" }
            reportError("unknown command .\(name)" + (meant.map { ": did you mean \($0)? " } ?? "; ") + ".help lists the commands")
            return
        }
        let arguments = Array(words.dropFirst())
        if let most = command.most, arguments.count > most {
            reportError(".\(name) takes \(most == 0 ? "no arguments" : most == 1 ? "one argument at most" : "\(most) arguments at most"): .\(name) \(command.arguments)".trimmingCharacters(in: .whitespaces))
            return
        }
        command.run(self, arguments)
    }

    /// Splits on spaces, keeping "quoted words" together.
    static func splitArguments(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var started = false
        for c in text {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
                started = true
            } else if c.isWhitespace {
                if started { words.append(current); current = ""; started = false }
            } else {
                current.append(c)
                started = true
            }
        }
        if started { words.append(current) }
        return words
    }

    private func help(_ topic: String?) {
        if let topic {
            let found = APIReference.entries(named: topic)
            if !found.isEmpty {
                show(found.map { APIReference.text(of: $0, width: screen?.columns) }.joined(separator: "\n"))
            } else {
                reportError("no help on '\(topic)'; help() lists the Lua API")
            }
            return
        }
        let usages = Self.dotCommands.map { "." + $0.name + " " + $0.arguments }
        let width = usages.map(\.terminalWidth).max() ?? 0
        // A terminal too narrow for a command and its summary side by side gets the summary under
        // it, wrapped by words (a line cut by the terminal split words in two).
        let columns = screen?.columns
        let longest = Self.dotCommands.map(\.summary.terminalWidth).max() ?? 0
        var lines: [String]
        if let columns, width + 2 + longest > columns {
            lines = zip(usages, Self.dotCommands).flatMap { [$0] + $1.summary.wrapped(columns: columns, indent: "    ") }
        } else {
            lines = zip(usages, Self.dotCommands).map { $0.padded(columns: width) + "  " + $1.summary }
        }
        let notes = ["Lua: type an expression to see its value (#statements), or any statement.",
                     "help() lists the Lua API; help(statements.where) explains one function.",
                     "Tab completes names, fields and values; Ctrl-C stops a running command; Ctrl-D quits."]
        lines += [""] + notes.flatMap { note in columns.map { note.wrapped(columns: $0) } ?? [note] }
        show(lines.joined(separator: "\n"))
    }

    private func corpusSummary() -> String {
        let corpus = session.corpus
        let all = Selection(corpus: corpus)
        var lines = ["name:        " + (corpus.name ?? "(none)")]
        if let description = corpus.description { lines.append("description: " + description) }
        if !corpus.origins.isEmpty { lines.append("read from:   " + corpus.origins.joined(separator: ", ")) }
        lines.append("statements:  \(corpus.count)")
        lines.append("documents:   \(corpus.documentCount) (sources: \(all.distinct(.document("source")).count))")
        lines.append("entities:    \(corpus.entities.count)")
        lines.append("speakers:    \(all.distinct(.speaker).count)")
        let dates = corpus.statements.dates.values
        if let first = dates.min(by: { $0.firstDay < $1.firstDay }), let last = dates.max(by: { ($0.firstDay, $0.precision.rawValue) < ($1.firstDay, $1.precision.rawValue) }) {
            lines.append("dates:       \(first.text) … \(last.text)")
        }
        let extras = corpus.statements.extras.keys.sorted()
        if !extras.isEmpty { lines.append("extra fields: " + extras.joined(separator: ", ")) }
        return lines.joined(separator: "\n")
    }

    private func schema() -> String {
        let corpus = session.corpus
        let types: [(String, String)] = [
            ("id", "string"), ("doc", "document"), ("speaker", "string"), ("speaker_text", "string"), ("role", "string"),
            ("affiliation", "string"), ("kind", "string"), ("text", "string"), ("cue", "string"), ("date", "date"),
            ("date_text", "string"), ("channel", "string"), ("place", "string"), ("topics", "list of strings"),
            ("mentions", "list of strings"), ("figures", "list of figures"), ("span", "{start, end}"),
            ("confidence", "number 0–1"), ("status", "string"), ("relations", "list of {type, statement}"),
        ]
        let s = corpus.statements
        func present(_ name: String) -> Int {
            switch name {
            case "doc": return s.documents.count { $0 >= 0 }
            case "figures": return (0..<corpus.count).count { s.figureStarts[$0 + 1] > s.figureStarts[$0] }
            case "span": return s.spanStarts.count { $0 >= 0 }
            case "relations": return s.relations.count
            case "speaker_text", "id", "text": return corpus.count
            default:
                guard let field = try? Field.parse(name, in: corpus) else { return 0 }
                return Selection(corpus: corpus).presentCount(field)
            }
        }
        var rows = types.map { [$0.0, $0.1, String(present($0.0))] }
        // The parts of figures, which queries name (count_by("figures.stance")), when any statement has one.
        if !s.figures.isEmpty, let at = rows.firstIndex(where: { $0[0] == "figures" }) {
            let parts = Field.FigurePart.allCases.map { part in
                ["figures.\(part.rawValue)", part == .value ? "number (figure)" : "string (figure)",
                 String(Selection(corpus: corpus).presentCount(.figure(part)))]
            }
            rows.insert(contentsOf: parts, at: at + 1)
        }
        for name in s.extras.keys.sorted() {
            let column = s.extras[name]!
            rows.append([name, column.kind.rawValue + " (extra)", String(column.presentCount)])
        }
        // The speaker's entity's fields, which queries name after "speaker." (none without entities).
        if !corpus.entities.isEmpty {
            let others = Set(corpus.entities.flatMap { $0.extra.map(\.key) }).subtracting(Entity.fieldNames).sorted()
            for name in Entity.fieldNames.dropFirst() + others {
                let type = name == "aliases" || name == "roles" ? "list of strings" : others.contains(name) ? "value" : "string"
                rows.append(["speaker.\(name)", type + " (entity)", String(Selection(corpus: corpus).presentCount(.speakerEntity(name)))])
            }
        }
        return TextTable(headers: ["field", "type", "statements"], rows: rows, rightAligned: [2]).render()
    }

    private func load(_ args: [String]) {
        guard let path = args.first else { reportError(".load takes the path of a corpus file or folder"); return }
        do {
            let loading = Stopwatch()
            // Ctrl-C stops a long load; the corpus loaded before stays.
            _ = InterruptHandling.takeInterrupt()
            let result = try CorpusLoader.load(path: path, skipBad: args.contains("--skip-bad"), stop: LoadStop { InterruptHandling.isPending })
            if timer { reportNote(loading.line("Load")) }
            try session.install(corpus: result.corpus)
            let skipped = result.skipped > 0 ? " (skipped \(MessageText.count(result.skipped, "bad record")))" : ""
            show("loaded \(result.corpus.name ?? path): \(result.corpus.size)" + skipped)
            for warning in result.warnings { reportNote(warning) }
        } catch let error as CorpusLoadError {
            // After Ctrl-C the terminal has echoed ^C: the message starts on a line of its own.
            reportError((error.wasInterrupted && InterruptHandling.takeInterrupt() && terminal.interactive ? "\n" : "") + error.description)
        } catch {
            reportError("\(error)")
        }
    }

    private func runScript(_ args: [String]) {
        guard let target = args.first else { reportError(".run takes the path of a Lua script or a recipe's name"); return }
        let byPath = FileManager.default.fileExists(atPath: target)
        let path = byPath ? target : (recipes?.file(named: target) ?? target)
        let source: String
        do { source = try ScriptFile.read(path) } catch {
            let like = recipes?.name(like: target).map { "did you mean the recipe '\($0)'? " } ?? ""
            reportError(error.reason == .missing ? "cannot read \(target): no such script file, and no recipe of that name (\(like)`parley recipes` lists them)"
                                                 : error.description)
            return
        }
        do {
            try session.setArguments(script: path, Array(args.dropFirst()))
            // A file that returns a recipe table runs as a recipe on the loaded corpus.
            // A recipe of the recipe path keeps its globals to itself (`RecipeEnvironment`).
            guard try session.runKeepingRecipe(source, chunkName: "@" + path, ownEnvironment: !byPath) else { return }
            let recipe = try session.readKeptRecipe(path: path)
            let values = try RecipeArguments.parse(Array(args.dropFirst()), for: recipe)
            try session.runRecipe(recipe, parameters: values)
        } catch let error as LuaError {
            reportError(error.message)
        } catch {
            reportError("\(error)")
        }
    }
}
