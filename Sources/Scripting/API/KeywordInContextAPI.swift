import Corpus
import LuaBinding

/// `c:kwic(phrase [, {window = 30, limit = 1000}])`: the places a phrase occurs, with the words
/// around it, as a list of records {id, speaker, before, match, after} that shows as an aligned
/// table (quanteda's kwic view) and saves with its columns in that order.
extension ScriptSession {
    static let kwicMetatable = "parley.KWIC"
    static let kwicColumns = ["id", "speaker", "before", "match", "after"]

    func installKeywordInContextMetatable() {
        lua.registerMetatable(Self.kwicMetatable, metamethods: [
            "__tostring": { [unowned self] lua in
                lua.push(tabular(at: 1)?.text(alignRight: [2]) ?? "")
                return 1
            },
        ])
        // The order of its columns, read by `tabular(at:columns:)` (a Lua table has none of its own).
        lua.pushMetatable(named: Self.kwicMetatable)
        lua.newTable(array: Self.kwicColumns.count)
        for (i, name) in Self.kwicColumns.enumerated() {
            lua.push(name)
            lua.rawSetIndex(i + 1, in: -2)
        }
        lua.rawSetField("__columns", in: -2)
        lua.pop()
    }

    func kwic(_ lua: Lua) throws -> Int32 {
        let selection = try selfSelection(lua, method: "kwic")
        guard let phrase = lua.string(at: 2), !phrase.isEmpty else {
            throw LuaArgumentError(1, "a phrase expected, as in kwic(\"ceasefire\"), got \(lua.type(at: 2) == .string ? "an empty string" : lua.typeName(at: 2))")
        }
        var window = 30, limit = 1000
        if lua.type(at: 3) == .table {
            try checkOptionNames(at: 3, argument: 2, known: ["window", "limit"], example: "{window = 40, limit = 100}")
            window = try wholeOption("window", in: 3, range: 0...1000) ?? window
            limit = try wholeOption("limit", in: 3, range: 1...1_000_000) ?? limit
        } else if lua.type(at: 3) != .none && lua.type(at: 3) != .nil_ {
            throw LuaArgumentError(2, "options expected, as in {window = 40, limit = 100}, got \(lua.typeName(at: 3))")
        }
        let (found, more) = KeywordInContext.find(phrase, in: selection, window: window, limit: limit)
        lua.newTable(array: found.count)
        for (i, place) in found.enumerated() {
            if i % 4096 == 4095 { try checkMemory(building: "kwic") }
            lua.newTable(record: 5)
            lua.push(corpus.statements.ids[place.row]); lua.rawSetField("id", in: -2)
            if let speaker = corpus.statements.speakers[place.row] { lua.push(speaker); lua.rawSetField("speaker", in: -2) }
            lua.push(place.before); lua.rawSetField("before", in: -2)
            lua.push(place.match); lua.rawSetField("match", in: -2)
            lua.push(place.after); lua.rawSetField("after", in: -2)
            lua.rawSetIndex(i + 1, in: -2)
        }
        lua.setMetatable(named: Self.kwicMetatable)
        if more { StandardStreams.writeError("parley: kwic: the first \(limit) places only; give {limit = …} for more\n") }
        return 1
    }

    /// Option `name` of the table at `index`: a whole number within `range`, or nil when absent.
    func wholeOption(_ name: String, in index: Int32, range: ClosedRange<Int>) throws -> Int? {
        defer { lua.pop() }
        guard lua.rawGetField(name, in: index) != .nil_ else { return nil }
        guard let n = lua.integer(at: -1), range.contains(n) else {
            throw LuaFunctionError("option \(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), got \(shown: lua.describe(at: -1) ?? lua.typeName(at: -1))")
        }
        return n
    }
}
