import Corpus
import Foundation
import LuaBinding

/// One Lua state with the Parley API installed and a corpus loaded: what a batch run or a REPL
/// session talks to. All per-state context lives here (captured by the API's functions), none in
/// Lua globals a script could overwrite.
public final class ScriptSession {
    public let state: LuaState
    var lua: Lua { state.lua }
    public private(set) var corpus: Corpus = .empty
    /// Bumped on every corpus load; handles from an earlier corpus are refused.
    private(set) var generation: UInt32 = 0
    /// Where `help()` writes. Standard output by default, through C stdio like Lua's `print`.
    public var write: (String) -> Void = { StandardStreams.write($0 + "\n") } {
        didSet { writeBytes = { [write] in write(String(decoding: $0, as: UTF8.self)) } }
    }
    /// Where `print` sends a line's bytes: standard output (as they are, but for control
    /// characters shown when it is a terminal), or `write` once it is set.
    var writeBytes: ([UInt8]) -> Void = { bytes in
        StandardStreams.write(bytes: ControlCharacters.forStandardOutput(bytes: bytes) + [0x0A])
    }

    /// The width of the terminal results go to, when they go to one (the REPL sets it): `help()`
    /// lays its overview out to fit.
    public var outputWidth: Int?

    var selectionMethods: LuaReference!
    var countsMethods: LuaReference!
    /// A table from API function to its reference name, so `help(statements.where)` finds its entry.
    var documentedFunctions: LuaReference!
    /// The table of the recipe last loaded with `loadRecipe`.
    var recipeTable: LuaReference!
    /// The recipes running through `recipes.NAME{…}`, outermost first.
    var recipeCalls: [String] = []
    /// The statement metatable, by registry reference (statements are made by the million).
    var selectionMetatable: Int32 = 0
    /// Field name → `StatementField` number, for statements' `__index`; then the extra fields of
    /// strings of the loaded corpus, numbered after them (made again per corpus).
    var fieldNumbers: LuaReference!
    /// The slot in `internedStrings` of each extra field of strings of the loaded corpus.
    var extraFieldCaches: [String: Int] = [:]
    /// Lua strings of interned column values already pushed, one table per column (reset per corpus).
    var internedStrings: LuaReference!
    /// Columns of document fields made for the loaded corpus's row view (see `installDocumentView`).
    var documentFieldColumns: [String: InternedColumn] = [:]
    /// `corpus.entities`, for `s.entity` to give the same tables.
    var entityList: LuaReference!
    /// `string.find` as the sandbox bounds it, for `matching{pattern = …}`.
    var stringFind: LuaReference!
    /// The sandbox's `freeze`: a read-only proxy of a table (`freezeGlobal`).
    var freeze: LuaReference!
    /// The sandbox's `new_environment`: a recipe's own globals (`RecipeEnvironment`).
    var newEnvironment: LuaReference!

    /// The limits scripts run under.
    public struct Limits: Sendable {
        /// Bytes Lua may allocate (0: none).
        public var memory = 1 << 30
        /// Bytes `print` may write in all (0: none).
        public var output = 256 << 20
        /// Seconds a run may take (nil: no limit).
        public var time: Double?
        /// Opens `io` and all of `os` (for scripts the user trusts), and lets reports be written
        /// outside the output directory.
        public var trusted = false
        /// Where reports are written (relative paths resolve under it): --out.
        public var outputDirectory = "."
        /// What the messages of the time and memory limits advise.
        public var timeAdvice = "raise it with --timeout SECONDS"
        public var memoryAdvice = "raise it with --memory SIZE"
        public init() {}
    }

    public let limits: Limits

    public init(limits: Limits = Limits()) throws(LuaError) {
        self.limits = limits
        state = try LuaState(memoryLimit: limits.memory)
        try lua.openStandardLibraries()
        lua.newTable()
        documentedFunctions = LuaReference(popping: state)
        try installSandbox()
        installStatementMetatable()
        installDocumentMetatable()
        installSelectionMetatable()
        // `for _, s in ipairs(statements)` makes each statement without a metamethod call.
        lua.pushListIpairs(metatable: Metatable.selection)
        try lua.setGlobal("ipairs")
        installCountsMetatable()
        installKeywordInContextMetatable()
        installCorpusMetatable()
        try installPairs()
        try installHelp()
        try installReports()
        try freezeGlobal("report")
        try install(corpus: .empty)
    }

    /// Makes `corpus` the loaded corpus: sets the `corpus` and `statements` globals.
    public func install(corpus: Corpus) throws(LuaError) {
        self.corpus = corpus
        documentFieldColumns = [:]
        generation &+= 1
        lua.newTable()
        lua.pushMetatable(named: Metatable.document)
        lua.rawSetIndex(Self.documentMetatableSlot + 1, in: -2)
        internedStrings = LuaReference(popping: state)
        try lua.balanced { () throws(LuaError) in
            lua.newTable()                                           // [corpus]
            lua.push(optional: corpus.name)
            lua.rawSetField("name", in: -2)
            lua.push(optional: corpus.description)
            lua.rawSetField("description", in: -2)
            lua.setMetatable(named: Metatable.corpus)                // `corpus.documents` on first use
            pushEntityList()
            lua.pushValue(at: -1)
            entityList = LuaReference(popping: state)
            lua.rawSetField("entities", in: -2)
            push(selection: Selection(corpus: corpus))
            lua.pushValue(at: -1)                                    // [corpus, sel, sel]
            lua.rawSetField("statements", in: -3)                    // [corpus, sel]
            try lua.setGlobal("statements")                          // [corpus]
            try lua.setGlobal("corpus")                              // []
            try freezeGlobal("corpus")
        }
        installStatementView()
        installDocumentView()
        lua.installListIndex(metatable: Metatable.selection, hostIndexField: "__hostindex", generation: generation)
    }

    /// The script or recipe running, for reports' provenance.
    var scriptDescription = "an interactive session"
    var scriptParameters: [String: String] = [:]

    /// Sets the global `arg` as lua.c does: arg[0] the script, arg[1…] the arguments.
    public func setArguments(script: String, _ arguments: [String]) throws(LuaError) {
        scriptDescription = "script " + script + (arguments.isEmpty ? "" : " " + arguments.joined(separator: " "))
        lua.newTable(array: arguments.count, record: 1)
        lua.push(script)
        lua.rawSetIndex(0, in: -2)
        for (i, argument) in arguments.enumerated() {
            lua.push(argument)
            lua.rawSetIndex(i + 1, in: -2)
        }
        try lua.setGlobal("arg")
    }

    /// Runs a chunk under the time limit; its results (if any) are discarded. Errors carry a traceback.
    public func run(_ source: String, chunkName: String) throws(LuaError) {
        try limited { () throws(LuaError) in
            try lua.balanced { () throws(LuaError) in try state.run(source, chunkName: chunkName) }
        }
    }

    /// Runs `body` with the time limit and Ctrl-C armed (every run: a chunk, `.run FILE`, a recipe,
    /// which Ctrl-C could not stop in the REPL), and leaves the state clean for the next run: the
    /// stop forgotten and, after an error, the garbage collected (memory back to its level before).
    func limited<T>(_ body: () throws(LuaError) -> T) throws(LuaError) -> T {
        if let seconds = limits.time {
            lua.setDeadline(seconds: seconds, message: "the time limit of \(Self.format(seconds: seconds)) is reached (\(limits.timeAdvice))")
        }
        defer { lua.clearStop() }
        do {
            return try InterruptHandling.interruptible(lua) { () throws(LuaError) in try body() }
        } catch {
            lua.collectGarbage()
            throw explained(error)
        }
    }

    /// For host code that builds a large result (a list of a million texts): Lua's allocator grants
    /// it memory past the limit, by a margin only, past which the process stops; so such a loop
    /// asks here every few thousand values, and stops with the limit's error once past it.
    func checkMemory(building what: String) throws {
        guard limits.memory > 0, lua.memoryUsed > limits.memory else { return }
        // Collections and reports no longer reachable are still counted until a collection.
        lua.collectGarbage()
        guard lua.memoryUsed > limits.memory else { return }
        throw LuaFunctionError("\(what): the result passes the memory limit of \(limits.memory >> 20) MiB (\(limits.memoryAdvice))")
    }

    /// Lua says only "not enough memory" when the script's allocation is refused: the analyst is told
    /// which limit it was and how to raise it. An error that went up through nested coroutines has
    /// its place written once, not once per level. A script that reached for what the sandbox
    /// removed is told so, and one that met a nil where it wanted a value is told the likely cause.
    func explained(_ error: LuaError) -> LuaError {
        guard error.kind == .memory, error.message == "not enough memory", limits.memory > 0 else {
            var message = Self.collapsingRepeatedPlaces(error.message)
            if error.kind == .syntax { message = SyntaxHint.added(to: message) }
            // What the sandbox removed is nil for that reason, not for the one NilHint would guess.
            let sandboxed = limits.trusted ? message : SandboxHint.added(to: message)
            if sandboxed == message && error.kind == .runtime {
                message = NilHint.added(to: message, globals: globalNames(),
                                        statementFields: Set(Statements.fieldNames + ["entity", "context"] + corpus.statements.extras.keys))
                return LuaError(kind: error.kind, message: message)
            }
            return LuaError(kind: error.kind, message: sandboxed)
        }
        return LuaError(kind: .memory, message: "not enough memory: the script went past its memory limit of \(limits.memory >> 20) MiB (\(limits.memoryAdvice))")
    }

    /// `coroutine.wrap` adds the place of an error again at each level it passes through, as lua.c
    /// shows it too: "x.lua:1: x.lua:1: x.lua:1: … C stack overflow". Three or more of the same place
    /// become one, and the count.
    static func collapsingRepeatedPlaces(_ message: String) -> String {
        guard let place = message.range(of: #"^[^\n:]+:[0-9]+: "#, options: .regularExpression) else { return message }
        let prefix = message[place]
        var rest = message[place.upperBound...]
        var repeats = 0
        while rest.hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count)
            repeats += 1
        }
        guard repeats >= 2 else { return message }
        let lineEnd = rest.firstIndex(of: "\n") ?? rest.endIndex
        return prefix + rest[..<lineEnd] + " (passed up through \(repeats + 1) levels)" + rest[lineEnd...]
    }

    static func format(seconds: Double) -> String {
        seconds >= 60 && seconds.truncatingRemainder(dividingBy: 60) == 0 ? "\(Int(seconds / 60)) min" : "\(seconds) s"
    }

    /// Runs a chunk and returns its results as `tostring` shows them.
    public func evaluate(_ source: String, chunkName: String = "=(eval)") throws(LuaError) -> [String] {
        try lua.balanced { () throws(LuaError) in
            let base = lua.top
            try state.run(source, chunkName: chunkName, results: nil)
            return (base + 1..<lua.top + 1).map { lua.describe(at: $0) ?? "(\(lua.typeName(at: $0)))" }
        }
    }

    /// [-0, +0, m] A table of documented methods (`prefix` + name for help), kept in the registry.
    func methodTable(prefix: String, _ methods: [(String, LuaFunctionBody)]) -> LuaReference {
        lua.newTable(record: methods.count)
        for (name, body) in methods {
            pushDocumentedFunction(prefix + name, body)
            lua.rawSetField(name, in: -2)
        }
        return LuaReference(popping: state)
    }

    /// [-0, +1, m] Registers `body` as an API function documented under `name`, and pushes it.
    func pushDocumentedFunction(_ name: String, _ body: @escaping LuaFunctionBody) {
        let shortName = name.split(whereSeparator: { $0 == ":" || $0 == "." }).last.map(String.init) ?? name
        lua.pushFunction(named: shortName, body)
        documentedFunctions.push(onto: lua)                          // [fn, docs]
        lua.pushValue(at: -2)                                        // [fn, docs, fn]
        lua.push(name)                                               // [fn, docs, fn, name]
        lua.rawSet(in: -3)                                           // [fn, docs]
        lua.pop()                                                    // [fn]
    }

    /// The corpus a handle refers to, if it is still the loaded one.
    func check(_ handle: RowHandle, what: String) throws -> Int {
        guard handle.generation == generation else {
            throw LuaFunctionError("this \(what) belongs to a corpus that is no longer loaded")
        }
        return Int(handle.row)
    }
}
