import Corpus
import LuaBinding

extension ScriptSession {
    /// Refuses the options table at `index` (argument `argument` of the call) if it names an option
    /// not in `known`, or gives values without names: a misspelt option (`{windw = 40}`, `{titel =
    /// …}`) was ignored without a word, and the default taken. `example` shows a named option.
    func checkOptionNames(at index: Int32, argument: Int, known: [String], example: String) throws {
        var unknown: [String] = []
        var unnamed = false
        lua.forEachPair(in: index) {
            if let key = lua.string(at: -2) {
                if !known.contains(key) { unknown.append(key) }
            } else {
                unnamed = true
            }
        }
        if unnamed {
            throw LuaArgumentError(argument, "options are given by name, as in \(example); got a list")
        }
        if let first = unknown.sorted().first {
            let hint = Field.suggestion(for: first, among: known).map { " (did you mean \($0)?)" } ?? ""
            let names = known.count == 1 ? "the only option is " + known[0] : "the options are " + known.dropLast().joined(separator: ", ") + " and " + known.last!
            throw LuaArgumentError(argument, "unknown option '\(shown: first)'\(hint): \(names)")
        }
    }
}
