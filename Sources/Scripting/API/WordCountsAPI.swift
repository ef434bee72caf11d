import Corpus
import LuaBinding

/// `c:words([{by = field, stopwords = true, min_length = n, drop = {…}}])`: how often each word
/// occurs in the statements' texts, as counts keyed "word" (by the word and the field with `by`),
/// which print, top, crosstab and save as count_by's do.
extension ScriptSession {
    static let wordOptions: Set<String> = ["by", "stopwords", "min_length", "drop"]

    func words(_ lua: Lua) throws -> Int32 {
        let selection = try selfSelection(lua, method: "words")
        var counting = WordCounting()
        var field: Field?
        switch lua.type(at: 2) {
        case .none, .nil_: break
        case .table:
            var unknown: [String] = []
            lua.forEachPair(in: 2) {
                if let key = lua.string(at: -2), !Self.wordOptions.contains(key) { unknown.append(key) }
            }
            if let first = unknown.sorted().first {
                let hint = Field.suggestion(for: first, among: Self.wordOptions.sorted()).map { " (did you mean \($0)?)" } ?? ""
                throw LuaArgumentError(1, "unknown option '\(shown: first)'\(hint): the options are by, stopwords, min_length and drop")
            }
            if lua.rawGetField("by", in: 2) != .nil_ {
                guard let name = lua.string(at: -1) else {
                    lua.pop()
                    throw LuaArgumentError(1, "option by: a field name expected, as in {by = \"speaker\"}, got \(lua.typeName(at: -1))")
                }
                lua.pop()
                field = try Field.parse(name, in: corpus)
            } else {
                lua.pop()
            }
            switch lua.rawGetField("stopwords", in: 2) {
            case .nil_: break
            case .boolean: counting.keepStopwords = lua.boolean(at: -1)
            default:
                lua.pop()
                throw LuaArgumentError(1, "option stopwords: true (keep \"the\", \"and\"…) or false expected, got \(lua.typeName(at: -1))")
            }
            lua.pop()
            if lua.rawGetField("min_length", in: 2) != .nil_ {
                guard let n = lua.integer(at: -1), (1...100).contains(n) else {
                    lua.pop()
                    throw LuaArgumentError(1, "option min_length: a whole number from 1 to 100 expected, got \(shown: shownArgument(lua, at: -1))")
                }
                counting.minimumLength = n
            }
            lua.pop()
            switch lua.rawGetField("drop", in: 2) {
            case .nil_: break
            case .table:
                var dropped: [String] = []
                var bad: String?
                lua.forEachPair(in: lua.absolute(-1)) {
                    if let word = lua.type(at: -1) == .string ? lua.string(at: -1) : nil { dropped.append(word) } else { bad = lua.typeName(at: -1) }
                }
                if let bad {
                    lua.pop()
                    throw LuaArgumentError(1, "option drop: a list of words expected, as in {\"said\", \"says\"}, got a \(bad) in it")
                }
                counting.dropped = Set(dropped.flatMap { WordCounting.words(in: $0) })
            default:
                lua.pop()
                throw LuaArgumentError(1, "option drop: a list of words expected, as in {\"said\", \"says\"}, got \(lua.typeName(at: -1))")
            }
            lua.pop()
        default:
            throw LuaArgumentError(1, "options expected, as in {by = \"speaker\"}, got \(lua.typeName(at: 2))")
        }
        let counts = selection.wordCounts(by: field, counting: counting)
        push(counts: counts, filters: filters(lua, adding: "words(" + describeArguments(lua) + ")"))
        return 1
    }
}
