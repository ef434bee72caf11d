import Corpus
import LuaBinding

/// `c:words([{by = field, n = 2, stopwords = true, min_length = n, drop = {…}}])`: how often each word
/// occurs in the statements' texts, as counts keyed "word" (by the word and the field with `by`),
/// which print, top, crosstab and save as count_by's do.
extension ScriptSession {
    static let wordOptions = ["n", "stopwords", "min_length", "drop"]

    func words(_ lua: Lua) throws -> Int32 {
        let selection = try selfSelection(lua, method: "words")
        var field: Field?
        let counting = try wordCounting(optionsAt: 2, also: ["by"]) {
            guard lua.rawGetField("by", in: 2) != .nil_ else { return lua.pop() }
            defer { lua.pop() }
            guard let name = lua.string(at: -1) else {
                throw LuaArgumentError(1, "option by: a field name expected, as in {by = \"speaker\"}, got \(lua.typeName(at: -1))")
            }
            field = try Field.parse(name, in: corpus)
        }
        let counts: Counts
        do {
            counts = try selection.wordCounts(by: field, counting: counting, maxRows: maxWordRows)
        } catch {
            throw tooManyWords(error, by: field)
        }
        push(counts: counts, filters: filters(lua, adding: "words(" + describeArguments(lua) + ")"))
        return 1
    }

    /// The most rows words and keyness make: a row takes a few hundred bytes in all, so that the
    /// memory limit bounds them (a million, for 256 MiB).
    var maxWordRows: Int { limits.memory > 0 ? Int(limits.memory / 256) : .max }

    func tooManyWords(_ error: Selection.TooManyRows, by field: Field?) -> LuaFunctionError {
        LuaFunctionError("more than \(error.limit) different " + (field.map { "pairs of a word and a value of \($0)" } ?? "words")
                         + ", past what the memory limit of \(limits.memory >> 20) MiB holds: "
                         + (field == nil ? "count fewer statements (where), or raise --memory" : "count by a field with fewer values, or fewer statements"))
    }

    /// Which words count, from the options table at `index` (stopwords, min_length, drop, and the
    /// names in `also`, which `readOthers` reads): none given, the defaults.
    func wordCounting(optionsAt index: Int32, also: [String] = [], readOthers: () throws -> Void = {}) throws -> WordCounting {
        var counting = WordCounting()
        let argument = Int(index) - 1
        switch lua.type(at: index) {
        case .none, .nil_: return counting
        case .table: break
        default: throw LuaArgumentError(argument, "options expected, as in {stopwords = true}, got \(lua.typeName(at: index))")
        }
        try checkOptionNames(at: index, argument: argument, known: also + Self.wordOptions, example: "{drop = {\"said\"}} or {n = 2}")
        try readOthers()
        switch lua.rawGetField("stopwords", in: index) {
        case .nil_: break
        case .boolean: counting.keepStopwords = lua.boolean(at: -1)
        default:
            defer { lua.pop() }
            throw LuaArgumentError(argument, "option stopwords: true (keep \"the\", \"and\"…) or false expected, got \(lua.typeName(at: -1))")
        }
        lua.pop()
        counting.phraseLength = try wholeOption("n", in: index, range: 1...3) ?? 1
        counting.minimumLength = try wholeOption("min_length", in: index, range: 1...100) ?? 1
        defer { lua.pop() }
        switch lua.rawGetField("drop", in: index) {
        case .nil_: break
        case .table:
            var dropped: [String] = []
            var bad: String?
            lua.forEachPair(in: lua.absolute(-1)) {
                if lua.type(at: -1) == .string, let word = lua.string(at: -1) { dropped.append(word) } else { bad = lua.typeName(at: -1) }
            }
            if let bad { throw LuaArgumentError(argument, "option drop: a list of words expected, as in {\"said\", \"says\"}, got a \(bad) in it") }
            counting.dropped = Set(dropped.flatMap { WordCounting.words(in: $0) })
        default:
            throw LuaArgumentError(argument, "option drop: a list of words expected, as in {\"said\", \"says\"}, got \(lua.typeName(at: -1))")
        }
        return counting
    }
}
