import Corpus
import LuaBinding

/// Collections of statements as Lua sees them: `statements:where{…}`, `#c`, `c[i]`, `print(c)`.
extension ScriptSession {
    func push(selection: Selection, filters: [String] = [], note: String? = nil) {
        // The box also tells C where the rows are, so that `list[i]` and ipairs make statements in C.
        let box = SelectionBox(selection, filters: filters, note: note)
        let bytes = (selection.isWholeCorpus ? 0 : 4 * selection.count) + (note?.utf8.count ?? 0)
        if selection.isWholeCorpus || selection.rowAddress != nil {
            lua.pushListBox(box, metatable: Metatable.selection, rows: box.selection.rowAddress, count: selection.count, generation: generation,
                            holding: bytes)
        } else {
            lua.pushBox(box, metatable: Metatable.selection, holding: bytes)   // rows without an address of their own: the host indexes them
        }
    }

    /// The filters of the collection a method was called on, plus `step`.
    func filters(_ lua: Lua, adding step: String) -> [String] {
        FilterTrail.adding(step, to: lua.box(at: 1, metatable: Metatable.selection, as: SelectionBox.self)?.filters ?? [])
    }

    /// The call's arguments as the script wrote them, roughly: for provenance.
    func describeArguments(_ lua: Lua) -> String {
        (2..<max(lua.top + 1, 2)).map { i -> String in
            switch lua.type(at: i) {
            case .string: return Tabular.jsonString(lua.string(at: i) ?? "")
            case .table: return display(at: i, depth: 2, itemLimit: 10)
            case .function: return "function"
            default: return lua.describe(at: i) ?? "?"
            }
        }.joined(separator: ", ")
    }

    /// The value at `index` as a message names what was given: a string in quotes (so that "3" is not
    /// taken for the number 3), "no value" for a missing argument.
    func shownArgument(_ lua: Lua, at index: Int32) -> String {
        switch lua.type(at: index) {
        case .string: return "the string " + Tabular.jsonString(lua.string(at: index) ?? "")
        case .none: return "no value"
        // A table's or a function's address ("table: 0x55c5…") says nothing to an analyst.
        case .table, .function: return "a " + lua.typeName(at: index)
        default: return lua.describe(at: index) ?? lua.typeName(at: index)
        }
    }

    /// The collection a method was called on (argument 1), or an error telling how to call it.
    func selfSelection(_ lua: Lua, method: String) throws -> Selection {
        guard let box = lua.box(at: 1, metatableReference: selectionMetatable, as: SelectionBox.self) else {
            throw LuaFunctionError("call it on a collection with a colon: statements:\(method)(…), not \(lua.typeName(at: 1))")
        }
        guard box.selection.corpus === corpus else {
            throw LuaFunctionError("this collection belongs to a corpus that is no longer loaded")
        }
        return box.selection
    }

    func installSelectionMetatable() {
        let methods: [(String, LuaFunctionBody)] = [
            ("where", { [unowned self] lua in try where_(lua) }),
            ("filter", { [unowned self] lua in try filter(lua) }),
            ("matching", { [unowned self] lua in try matching(lua) }),
            ("count", { [unowned self] lua in lua.push(try selfSelection(lua, method: "count").count); return 1 }),
            ("count_by", { [unowned self] lua in try countBy(lua) }),
            ("sort_by", { [unowned self] lua in try sortBy(lua) }),
            ("first", { [unowned self] lua in try first(lua) }),
            ("distinct", { [unowned self] lua in try distinct(lua) }),
            ("kwic", { [unowned self] lua in try kwic(lua) }),
            ("words", { [unowned self] lua in try words(lua) }),
            ("keyness", { [unowned self] lua in try keyness(lua) }),
            ("except", { [unowned self] lua in try combine(lua, "except") { $0.subtracting($1) } }),
            ("intersect", { [unowned self] lua in try combine(lua, "intersect") { $0.intersection($1) } }),
            ("union", { [unowned self] lua in try combine(lua, "union") { $0.union($1) } }),
            ("sample", { [unowned self] lua in try sample(lua) }),
        ]
        selectionMethods = methodTable(prefix: "statements:", methods)
        let methodNames = methods.map(\.0)
        // As for statements: __index becomes a C function once a corpus is installed (integer keys),
        // with this one, kept as __hostindex, for the rest.
        let hostIndex: LuaFunctionBody = { [unowned self] lua in
            let selection = try selfSelection(lua, method: "index")
            if let i = lua.integer(at: 2) {
                if i >= 1 && i <= selection.count { push(statement: selection.row(at: i - 1)) } else { lua.pushNil() }
                return 1
            }
            if lua.type(at: 2) == .string {
                selectionMethods.push(onto: lua)
                lua.pushValue(at: 2)
                if lua.rawGetTop(in: -2) != .nil_ { return 1 }
                // Lua's own words would be "attempt to call a nil value (method 'each')".
                throw Self.noSuchMethod(lua.string(at: 2) ?? "?", among: methodNames)
            }
            lua.pushNil()
            return 1
        }
        lua.registerMetatable(Metatable.selection, metamethods: [
            "__index": hostIndex,
            "__hostindex": hostIndex,
            "__len": { [unowned self] lua in lua.push(try selfSelection(lua, method: "count").count); return 1 },
            "__tostring": { [unowned self] lua in
                let selection = try selfSelection(lua, method: "print")
                lua.push(Describe.selection(selection, note: lua.box(at: 1, metatable: Metatable.selection, as: SelectionBox.self)?.note))
                return 1
            },
            "__newindex": { _ in throw LuaFunctionError("collections cannot be changed; use where, filter or sort_by to make a new one") },
            // `for s in statements do`, and `statements()`: Lua would say "attempt to call a parley.Selection value".
            "__call": { _ in throw LuaFunctionError("a collection is not a function: to go through its statements, write for i, s in ipairs(statements) do … end") },
        ], ownsObjects: true)
        selectionMetatable = lua.metatableReference(named: Metatable.selection)
    }

    /// The error for `c:name(…)` or `c.name` when collections have no such method; names that
    /// mean "go through the statements" get the loop to write instead.
    static func noSuchMethod(_ name: String, among methods: [String]) -> LuaFunctionError {
        var message = "a collection has no method '\(shown: name)'"
        if ["each", "iter", "items", "all", "rows", "list", "statements"].contains(name) {
            message += "; to go through its statements, write for i, s in ipairs(c) do … end"
        } else if Statements.fieldNames.contains(name) {
            message += "; '\(name)' is a field of each statement: c:distinct(\"\(name)\") lists its values, c:count_by(\"\(name)\") counts them"
        } else if let close = Field.suggestion(for: name, among: methods) {
            message += " (did you mean '\(close)'?)"
        } else {
            message += "; its methods are " + methods.joined(separator: ", ")
        }
        return LuaFunctionError(message)
    }

    private func where_(_ lua: Lua) throws -> Int32 {
        let selection = try selfSelection(lua, method: "where")
        guard lua.type(at: 2) == .table else {
            throw LuaArgumentError(1, "a table of conditions expected, as in where{speaker = \"…\"}, got \(lua.typeName(at: 2))")
        }
        var conditions: [Condition] = []
        var failure: Error?
        lua.forEachPair(in: 2) {
            guard failure == nil else { return }
            do { conditions.append(try condition(lua)) } catch { failure = error }
        }
        if let failure { throw failure }
        // In the order of their fields (a Lua table has none): the same note on every run.
        let ordered = conditions.sorted { "\($0.field)" < "\($1.field)" }
        let found = try selection.matching(all: ordered)
        // Nothing found: the values no statement has are named when the collection is shown.
        let unknown = found.count == 0 ? corpus.unknownValues(in: ordered) : []
        push(selection: found, filters: filters(lua, adding: "where" + describeArguments(lua)),
             note: unknown.isEmpty ? nil : unknown.joined(separator: "; "))
        return 1
    }

    /// The condition for the key at -2 and the value at -1 of a `where` table.
    private func condition(_ lua: Lua) throws -> Condition {
        guard let name = lua.string(at: -2) else {
            // where{speaker == "…"}: a comparison, made before where is called, is an item of the list.
            if lua.type(at: -1) == .boolean {
                throw LuaArgumentError(1, "a condition is written with one =, as where{speaker = \"…\"}: == compares, and gave where a true or false")
            }
            throw LuaArgumentError(1, "conditions are named by field: where{speaker = \"…\"}, not a \(lua.typeName(at: -2)) key")
        }
        let field = try Field.parse(name, in: corpus)
        if lua.type(at: -1) == .string && lua.string(at: -1) == nil {
            throw LuaArgumentError(1, "the value for '\(name)' is not valid UTF-8 text")
        }
        if let value = lua.fieldValue(at: -1) { return .anyOf(field, [value]) }
        guard lua.type(at: -1) == .table else {
            throw LuaArgumentError(1, "'\(name)' must be a value, a list of values or {from = …, to = …}, not \(lua.typeName(at: -1))")
        }
        let hasFrom = lua.rawGetField("from", in: -1) != .nil_
        let from = lua.fieldValue(at: -1); lua.pop()
        let hasTo = lua.rawGetField("to", in: -1) != .nil_
        let to = lua.fieldValue(at: -1); lua.pop()
        if hasFrom || hasTo { return .range(field, from: from, to: to) }
        var values: [FieldValue] = []
        for i in 1...max(lua.rawLength(at: -1), 1) where lua.rawLength(at: -1) > 0 {
            lua.rawGetIndex(i, in: -1)
            defer { lua.pop() }
            guard let value = lua.fieldValue(at: -1) else {
                throw LuaArgumentError(1, "the list for '\(name)' holds \(lua.typeName(at: -1)); use strings or numbers")
            }
            values.append(value)
        }
        if values.isEmpty { throw LuaArgumentError(1, "the list for '\(name)' is empty") }
        return .anyOf(field, values)
    }

    private func filter(_ lua: Lua) throws -> Int32 {
        let selection = try selfSelection(lua, method: "filter")
        guard lua.type(at: 2) == .function else {
            throw LuaArgumentError(1, "a function expected, as in filter(function(s) return … end), got \(lua.typeName(at: 2))")
        }
        let kept = try selection.withRowAddress { rows in
            try lua.filterRows(predicate: 2, rows: rows, count: selection.count, generation: generation)
        }
        push(selection: Selection(corpus: corpus, rows: kept), filters: filters(lua, adding: "filter(function)"))
        return 1
    }

    private func matching(_ lua: Lua) throws -> Int32 {
        let selection = try selfSelection(lua, method: "matching")
        let step = filters(lua, adding: "matching(" + describeArguments(lua) + ")")
        if !lua.isNoneOrNil(at: 3) {
            // matching("talks", "ceasefire") found "talks" only, quietly.
            throw LuaArgumentError(2, "matching takes one phrase; for statements with any of several, join them: c:matching(\"talks\"):union(c:matching(\"ceasefire\"))")
        }
        if lua.type(at: 2) == .table {
            let given = ["phrase", "words", "pattern"].filter { lua.rawGetField($0, in: 2) != .nil_ }
            lua.pop(3)
            if given.count > 1 {
                throw LuaArgumentError(1, "give one of phrase, words or pattern, not \(given.joined(separator: " and "))")
            }
        }
        if let phrase = lua.string(at: 2) {
            push(selection: selection.containing(phrase: phrase), filters: step)
            return 1
        }
        guard lua.type(at: 2) == .table else {
            throw LuaArgumentError(1, "a phrase or {pattern = \"…\"} expected, got \(lua.typeName(at: 2))")
        }
        try checkOptionNames(at: 2, argument: 1, known: ["phrase", "words", "pattern"], example: "{words = \"talks are over\"}")
        if lua.rawGetField("phrase", in: 2) == .string, let phrase = lua.string(at: -1) {
            push(selection: selection.containing(phrase: phrase), filters: step)
            return 1
        }
        if lua.rawGetField("words", in: 2) == .string, let phrase = lua.string(at: -1) {
            push(selection: selection.containing(words: phrase), filters: step)
            return 1
        }
        guard lua.rawGetField("pattern", in: 2) == .string else {
            throw LuaArgumentError(1, "the table needs words or a pattern: matching{words = \"talks are over\"} or matching{pattern = \"%d+ soldiers\"}")
        }
        let pattern = lua.absolute(-1)
        let bytes = lua.bytes(at: pattern) ?? []
        // Texts without the plain part every match needs are skipped first (found as a phrase is).
        let literal = PatternLiteral.required(in: bytes) ?? []
        let candidates = literal.isEmpty ? selection : selection.containing(bytes: literal)
        // The rest is asked on all cores without Lua; where the library would raise an error
        // (a malformed pattern, one the sandbox refuses for a long text), it runs to say so.
        if let search = LuaPattern(bytes, watching: lua), let result = candidates.filter(texts: { search.occurs(in: $0) }) {
            push(selection: result, filters: step)
        } else if lua.mustStop {
            throw lua.stop
        } else {
            push(selection: try filterWithLibrary(lua, pattern: pattern, selection: candidates), filters: step)
        }
        return 1
    }

    /// The statements whose text the sandbox's `string.find` finds the pattern in, one call each:
    /// for the patterns whose search only the library can answer, which is to raise its error.
    private func filterWithLibrary(_ lua: Lua, pattern: Int32, selection: Selection) throws -> Selection {
        let texts = corpus.statements.texts
        lua.ensureStack(5)
        do {
            return try selection.filter { row in
                stringFind.push(onto: lua)
                texts.withBytes(row: row) { lua.push(bytes: $0) }
                lua.pushValue(at: pattern)
                try lua.callFromHost(arguments: 2, results: 1)
                defer { lua.pop() }
                return lua.boolean(at: -1)
            }
        } catch let error as LuaRethrow {
            // The string library's own complaint about the pattern, and the sandbox's refusal of
            // a costly search, come without a place (they are raised in a call from Swift): said
            // here with the script's line, as matching's.
            guard let message = lua.string(of: error) else { throw error }
            if PatternLiteral.isComplaint(message) {
                lua.discard(error)
                throw LuaFunctionError("the pattern \(lua.describe(at: pattern).map { "'\(shown: $0)'" } ?? "") cannot be used: \(message)")
            }
            if let refusal = PatternLiteral.refusal(message) {
                lua.discard(error)
                throw LuaFunctionError(refusal)
            }
            throw error
        }
    }

    private func countBy(_ lua: Lua) throws -> Int32 {
        let selection = try selfSelection(lua, method: "count_by")
        let count = Int(lua.top) - 1
        guard count >= 1 else { throw LuaArgumentError(1, "a field name or a function expected, as in count_by(\"speaker\")") }
        enum Key { case field(Field), function(Int32) }
        var keys: [Key] = []
        var names: [String] = []
        for i in 0..<count {
            let index = Int32(i + 2)
            if let name = lua.string(at: index) {
                keys.append(.field(try Field.parse(name, in: corpus)))
                names.append(name)
            } else if lua.type(at: index) == .function {
                keys.append(.function(index))
                names.append("key\(count > 1 ? String(i + 1) : "")")
            } else {
                throw LuaArgumentError(i + 1, "a field name or a function expected, got \(lua.typeName(at: index))")
            }
        }
        let fields = keys.compactMap { if case .field(let f) = $0 { return f }; return nil }
        let step = filters(lua, adding: "count_by(" + describeArguments(lua) + ")")
        if fields.count == keys.count {
            push(counts: selection.counts(by: fields), filters: step)
            return 1
        }
        if keys.count == 1, case .function(let index) = keys[0] {
            push(counts: try countsByFunction(lua, at: index, over: selection, name: names[0]), filters: step)
            return 1
        }
        lua.ensureStack(4)
        let counts = try selection.counts(keyNames: names) { row in
            try keys.map { key in
                switch key {
                case .field(let field): return corpus.values(of: field, row: row)
                case .function(let index):
                    lua.pushValue(at: index)
                    push(statement: row)
                    try lua.callFromHost(arguments: 1, results: 1)
                    defer { lua.pop() }
                    if lua.isNoneOrNil(at: -1) { return [] }
                    guard let value = lua.fieldValue(at: -1) else { throw Self.badKey(lua.typeName(at: -1)) }
                    return [value]
                }
            }
        }
        push(counts: counts, filters: step)
        return 1
    }

    private static func badKey(_ type: String) -> LuaFunctionError {
        LuaFunctionError("the key function returned a \(type); it must return a string, a number, a boolean or nil")
    }

    /// `count_by(function)`: the function runs for every row in a loop in C (`Lua.tallyRows`),
    /// which counts its values in a Lua table.
    private func countsByFunction(_ lua: Lua, at index: Int32, over selection: Selection, name: String) throws -> Counts {
        let (nanCount, badType) = try selection.withRowAddress { rows in
            try lua.tallyRows(function: index, rows: rows, count: selection.count, generation: generation)
        }
        defer { lua.pop() }                                   // the tally
        if let badType { throw Self.badKey(badType) }
        var tallies: [[FieldValue]: Int] = [:]
        let table = lua.absolute(-1)
        lua.forEachPair(in: table) {
            // A string that is not UTF-8 is shown with replacement characters, not dropped.
            let key = lua.fieldValue(at: -2) ?? lua.bytes(at: -2).map { .string(String(decoding: $0, as: UTF8.self)) }
            if let key, let n = lua.integer(at: -1) { tallies[[key], default: 0] += n }
        }
        if nanCount > 0 { tallies[[.number(.nan)]] = nanCount }
        return Counts(keys: [name], tallies: tallies)
    }

    /// Whether argument `index` of a sort_by asks for descending order: "desc"; "asc" or none, ascending.
    func sortDirection(_ lua: Lua, at index: Int32) throws -> Bool {
        guard !lua.isNoneOrNil(at: index) else { return false }
        switch lua.string(at: index) {
        case "asc": return false
        case "desc": return true
        default: throw LuaArgumentError(Int(index) - 1, "\"asc\" or \"desc\" expected, got \(shown: shownArgument(lua, at: index))")
        }
    }

    private func sortBy(_ lua: Lua) throws -> Int32 {
        let selection = try selfSelection(lua, method: "sort_by")
        guard let name = lua.string(at: 2) else { throw LuaArgumentError(1, "a field name expected, as in sort_by(\"date\"), got \(lua.typeName(at: 2))") }
        let field = try Field.parse(name, in: corpus)
        let descending = try sortDirection(lua, at: 3)
        push(selection: selection.sorted(by: field, descending: descending), filters: filters(lua, adding: "sort_by(" + describeArguments(lua) + ")"))
        return 1
    }

    private func first(_ lua: Lua) throws -> Int32 {
        let selection = try selfSelection(lua, method: "first")
        guard let n = lua.integer(at: 2), n >= 0 else {
            throw LuaArgumentError(1, "a whole number of statements (0 or more) expected, got \(shown: shownArgument(lua, at: 2))")
        }
        push(selection: selection.first(n), filters: filters(lua, adding: "first(\(n))"))
        return 1
    }

    /// `c:sample(n [, seed])`.
    private func sample(_ lua: Lua) throws -> Int32 {
        let selection = try selfSelection(lua, method: "sample")
        guard let n = lua.integer(at: 2), n >= 0 else {
            throw LuaArgumentError(1, "a whole number of statements (0 or more) expected, got \(shown: shownArgument(lua, at: 2))")
        }
        var seed: Int = 1
        if !lua.isNoneOrNil(at: 3) {
            guard let given = lua.integer(at: 3) else { throw LuaArgumentError(2, "a whole number as the seed expected, got \(shown: shownArgument(lua, at: 3))") }
            seed = given
        }
        push(selection: selection.sample(n, seed: UInt64(bitPattern: Int64(seed))), filters: filters(lua, adding: "sample(\(n), \(seed))"))
        return 1
    }

    /// `c:except(d)`, `c:intersect(d)`, `c:union(d)`: `d` must be a collection of the same corpus.
    private func combine(_ lua: Lua, _ name: String, _ operation: (Selection, Selection) -> Selection) throws -> Int32 {
        let selection = try selfSelection(lua, method: name)
        guard let other = lua.box(at: 2, metatableReference: selectionMetatable, as: SelectionBox.self) else {
            throw LuaArgumentError(1, "a collection expected, as in statements:\(name)(statements:where{kind = \"direct\"}), got \(lua.typeName(at: 2))")
        }
        guard other.selection.corpus === corpus else { throw LuaArgumentError(1, "this collection belongs to a corpus that is no longer loaded") }
        let step = "\(name)(" + (other.filters.isEmpty ? "statements" : other.filters.joined(separator: " → ")) + ")"
        push(selection: operation(selection, other.selection), filters: filters(lua, adding: step))
        return 1
    }

    private func distinct(_ lua: Lua) throws -> Int32 {
        let selection = try selfSelection(lua, method: "distinct")
        guard let name = lua.string(at: 2) else { throw LuaArgumentError(1, "a field name expected, as in distinct(\"speaker\")") }
        let values = selection.distinctValues(try Field.parse(name, in: corpus))
        lua.newTable(array: values.count)
        for i in 0..<values.count {
            if i % 4096 == 4095 { try checkMemory(building: "distinct") }
            values.visit(i, string: { lua.push(bytes: $0) }, other: { lua.push(fieldValue: $0) })
            lua.rawSetIndex(i + 1, in: -2)
        }
        return 1
    }
}
