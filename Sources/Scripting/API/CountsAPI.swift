import Corpus
import LuaBinding

/// Counts tables as Lua sees them: `counts["Khawaja Asif"]`, `counts:top(5)`, `counts:each()`.
extension ScriptSession {
    func push(counts: Counts, filters: [String] = []) {
        // A row's key values, its count, and its place in the index made on first lookup.
        let bytes = counts.rows.count * (48 + 40 * counts.keys.count)
        lua.pushBox(CountsBox(counts, filters: filters), metatable: Metatable.counts, holding: bytes)
    }

    /// The filters of the counts a method was called on, plus `step`.
    func countsFilters(_ lua: Lua, adding step: String) -> [String] {
        FilterTrail.adding(step, to: lua.box(at: 1, metatable: Metatable.counts, as: CountsBox.self)?.filters ?? [])
    }

    private func selfCounts(_ lua: Lua, method: String) throws -> Counts {
        guard let box = lua.box(at: 1, metatable: Metatable.counts, as: CountsBox.self) else {
            throw LuaFunctionError("call it on a counts table with a colon: counts:\(method)(…), not \(lua.typeName(at: 1))")
        }
        return box.counts
    }

    /// [-0, +1, m] A key as `each` and `keys` give it: one value, or a list for several keys.
    private func push(key: [FieldValue]) {
        if key.count == 1 {
            lua.push(fieldValue: key[0])
            return
        }
        lua.newTable(array: key.count)
        for (i, value) in key.enumerated() {
            lua.push(fieldValue: value)
            lua.rawSetIndex(i + 1, in: -2)
        }
        lua.setMetatable(named: Metatable.countsKey)
    }

    /// `counts:sort_by(key or "n" [, "asc" | "desc"])`: the rows by one of the keys (months in
    /// time order, days of the week Monday first) or by the count.
    private func sortCounts(_ lua: Lua) throws -> Int32 {
        let counts = try selfCounts(lua, method: "sort_by")
        let choices = counts.keys + ["n"]
        guard let name = lua.string(at: 2), let position = choices.firstIndex(of: name) else {
            let given = lua.string(at: 2).map { "'\(shown: $0)'" } ?? lua.typeName(at: 2)
            let hint = lua.string(at: 2).flatMap { Field.suggestion(for: $0, among: choices) }.map { " (did you mean \($0)?)" } ?? ""
            throw LuaArgumentError(1, "one of the counts' keys or \"n\" (the count) expected: \(choices.map { "\"\($0)\"" }.joined(separator: ", ")), got \(given)\(hint)")
        }
        let descending = try sortDirection(lua, at: 3)
        let sorted = counts.sorted(byKey: position < counts.keys.count ? position : nil, descending: descending)
        push(counts: sorted, filters: countsFilters(lua, adding: "sort_by(" + describeArguments(lua) + ")"))
        return 1
    }

    func installCountsMetatable() {
        // print(key, n) in `for key, n in counts:each()` shows the values, not "table: 0x…".
        lua.registerMetatable(Metatable.countsKey, metamethods: [
            "__tostring": { lua in
                var parts: [String] = []
                for i in 0..<lua.rawLength(at: 1) {
                    lua.rawGetIndex(i + 1, in: 1)
                    parts.append(lua.type(at: -1) == .string ? Tabular.jsonString(lua.string(at: -1) ?? "") : lua.describe(at: -1) ?? "?")
                    lua.pop()
                }
                lua.push("{" + parts.joined(separator: ", ") + "}")
                return 1
            },
        ])
        countsMethods = methodTable(prefix: "counts:", [
            ("top", { [unowned self] lua in
                let counts = try selfCounts(lua, method: "top")
                guard let n = lua.integer(at: 2), n >= 0 else {
                    throw LuaArgumentError(1, "a whole number of rows (0 or more) expected, got \(shownArgument(lua, at: 2))")
                }
                push(counts: counts.top(n), filters: countsFilters(lua, adding: "top(\(n))"))
                return 1
            }),
            ("total", { [unowned self] lua in lua.push(try selfCounts(lua, method: "total").total); return 1 }),
            ("sort_by", { [unowned self] lua in try sortCounts(lua) }),
            ("keys", { [unowned self] lua in
                let counts = try selfCounts(lua, method: "keys")
                lua.newTable(array: counts.rows.count)
                for (i, row) in counts.rows.enumerated() {
                    if i % 4096 == 4095 { try checkMemory(building: "keys") }
                    push(key: row.key)
                    lua.rawSetIndex(i + 1, in: -2)
                }
                return 1
            }),
            ("crosstab", { [unowned self] lua in try crosstab(try selfCounts(lua, method: "crosstab"), lua) }),
            ("each", { [unowned self] lua in
                let counts = try selfCounts(lua, method: "each")
                var next = 0
                // A stateful iterator, as string.gmatch's: each call gives the next row.
                lua.pushFunction(named: "each") { [unowned self] lua in
                    guard next < counts.rows.count else { return 0 }
                    let row = counts.rows[next]
                    next += 1
                    lua.ensureStack(2)
                    push(key: row.key)
                    lua.push(row.count)
                    return 2
                }
                return 1
            }),
        ])
        lua.registerMetatable(Metatable.counts, metamethods: [
            "__index": { [unowned self] lua in
                let counts = try selfCounts(lua, method: "index")
                if lua.type(at: 2) == .string {
                    countsMethods.push(onto: lua)
                    lua.pushValue(at: 2)
                    if lua.rawGetTop(in: -2) != .nil_ { return 1 }
                }
                guard let key = lua.fieldValue(at: 2) else { lua.pushNil(); return 1 }
                if counts.keys.count > 1 {
                    if let inner = counts.narrowed(to: key) { push(counts: inner) } else { lua.pushNil() }
                } else if let n = counts.count(for: [key]) {
                    lua.push(n)
                } else {
                    lua.pushNil()
                }
                return 1
            },
            "__len": { [unowned self] lua in lua.push(try selfCounts(lua, method: "len").rows.count); return 1 },
            "__tostring": { [unowned self] lua in lua.push(Describe.counts(try selfCounts(lua, method: "print"))); return 1 },
            "__newindex": { _ in throw LuaFunctionError("counts cannot be changed; copy them into a table with each()") },
        ], ownsObjects: true)
    }
}
