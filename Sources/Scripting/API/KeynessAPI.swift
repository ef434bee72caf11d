import Corpus
import Foundation
import LuaBinding

/// `c:keyness(d [, {n, stopwords, min_length, drop}])`: the words that set one collection's statements
/// apart from another's, as quanteda's textstat_keyness finds them: a list of records {word, chi2,
/// p, target, reference}, most characteristic of c first, that shows as a table and saves with its
/// columns in that order, as a crosstab does.
extension ScriptSession {
    static let keynessColumns = ["word", "chi2", "p", "target", "reference"]

    func keyness(_ lua: Lua) throws -> Int32 {
        let selection = try selfSelection(lua, method: "keyness")
        guard let other = lua.box(at: 2, metatableReference: selectionMetatable, as: SelectionBox.self) else {
            throw LuaArgumentError(1, "a collection to compare with expected, as in c:keyness(statements:except(c)), got \(lua.typeName(at: 2))")
        }
        guard other.selection.corpus === corpus else { throw LuaArgumentError(1, "this collection belongs to a corpus that is no longer loaded") }
        let counting = try wordCounting(optionsAt: 3)
        let found: [Keyness]
        do {
            found = try Keyness.of(selection, against: other.selection, counting: counting, maxWords: maxWordRows)
        } catch {
            throw tooManyWords(error, by: nil)
        }
        lua.newTable(array: found.count)
        for (i, word) in found.enumerated() {
            if i % 4096 == 4095 { try checkMemory(building: "keyness") }
            lua.newTable(record: 5)
            lua.push(word.word); lua.rawSetField("word", in: -2)
            // Shown as R shows them: chi-squared to three decimals, p to three significant digits.
            lua.push((word.chi2 * 1000).rounded() / 1000); lua.rawSetField("chi2", in: -2)
            lua.push(Double(String(format: "%.3g", word.p)) ?? word.p); lua.rawSetField("p", in: -2)
            lua.push(word.target); lua.rawSetField("target", in: -2)
            lua.push(word.reference); lua.rawSetField("reference", in: -2)
            lua.rawSetIndex(i + 1, in: -2)
        }
        // The column order in a metatable of its own (as a crosstab's), which a script may give
        // to a part of the list it makes: setmetatable(top, getmetatable(k)).
        lua.newTable(record: 1)
        lua.push(strings: Self.keynessColumns)
        lua.rawSetField("__columns", in: -2)
        lua.setMetatableFromTop()
        // quanteda compares a target with the rest; a reference that holds the target (the whole
        // corpus) pulls both towards each other, which is seldom what was meant.
        let shared = selection.intersection(other.selection).count
        if shared > 0 {
            StandardStreams.writeError("parley: keyness: \(MessageText.count(shared, "statement")) in both; to compare with the others only: c:keyness(d:except(c))\n")
        }
        return 1
    }
}
