import CLua
import Corpus
import LuaBinding

/// What the REPL's completion asks of the state. Every lookup is raw (no metamethods run), so
/// pressing Tab never runs a script's code.
extension ScriptSession {
    /// The names of the global variables.
    public func globalNames() -> [String] {
        lua.balanced {
            lua_rawgeti(lua.L, CLUA_REGISTRYINDEX, lua_Integer(CLUA_RIDX_GLOBALS))
            return stringKeys(at: -1)
        }
    }

    /// The names that may follow `path` (a chain of names such as ["statements"] or ["s", "doc"],
    /// where "[3]" stands for an index: `statements[3].`) and a `.` (or a `:` when `method`):
    /// fields, methods, table keys.
    public func memberNames(of path: [String], method: Bool) -> [String] {
        lua.balanced {
            lua_rawgeti(lua.L, CLUA_REGISTRYINDEX, lua_Integer(CLUA_RIDX_GLOBALS))
            for name in path {
                if name.hasPrefix("["), let i = Int(name.dropFirst().dropLast()) {
                    // A collection's i-th statement (read from its rows, as c[i] reads it), or a table's item.
                    if let box = lua.box(at: -1, metatable: Metatable.selection, as: SelectionBox.self) {
                        guard i >= 1 && i <= box.selection.count else { return [] }
                        push(statement: box.selection.row(at: i - 1))
                    } else if lua.type(at: -1) == .table {
                        lua.rawGetIndex(i, in: -1)
                    } else {
                        return []
                    }
                } else if lua.type(at: -1) == .table {
                    lua.rawGetField(name, in: -1)
                } else if name == "doc", let row = try? statementRow(at: -1) {
                    let index = corpus.statements.documents[row]
                    if index >= 0 { push(document: Int(index)) } else { return [] }
                } else {
                    return []
                }
            }
            return memberNames(at: -1, method: method)
        }
    }

    private func memberNames(at index: Int32, method: Bool) -> [String] {
        if lua.userdata(at: index, named: Metatable.selection) != nil {
            return methodNames(selectionMethods)
        }
        if lua.userdata(at: index, named: Metatable.counts) != nil { return methodNames(countsMethods) }
        if isStatement(at: index) {
            return method ? [] : Statements.fieldNames + Self.derivedStatementFields.filter { $0 != "entity" || !corpus.entities.isEmpty }
                + corpus.statements.extras.keys.sorted()
        }
        if lua.userdata(at: index, named: Metatable.document) != nil {
            return method ? [] : Document.fieldNames + ["statements"]
        }
        if lua.type(at: index) == .string {
            guard method else { return [] }
            lua_rawgeti(lua.L, CLUA_REGISTRYINDEX, lua_Integer(CLUA_RIDX_GLOBALS))
            defer { lua.pop(2) }
            return lua.rawGetField("string", in: -1) == .table ? stringKeys(at: -1) : []
        }
        guard lua.type(at: index) == .table else { return [] }
        var names = stringKeys(at: index)
        // A table whose metatable's __index is a table (a class): its methods too.
        if lua_getmetatable(lua.L, index) != 0 {
            if lua.rawGetField("__index", in: -1) == .table { names += stringKeys(at: -1) }
            lua.pop(2)
        }
        return names
    }

    private func methodNames(_ table: LuaReference) -> [String] {
        table.push(onto: lua)
        defer { lua.pop() }
        return stringKeys(at: -1)
    }

    /// The string keys of the table at `index` that are identifiers.
    private func stringKeys(at index: Int32) -> [String] {
        var names: [String] = []
        lua.forEachPair(in: index) {
            if lua.type(at: -2) == .string, let key = lua.string(at: -2), Self.isIdentifier(key) { names.append(key) }
        }
        return names.sorted()
    }

    /// The distinct values of a field in the loaded corpus (speaker names, sources, topics…), for
    /// completing strings; nil if `field` names no field.
    public func completionValues(forField name: String) -> [String]? {
        guard let field = try? Field.parse(name, in: corpus) else { return nil }
        switch field {
        // Numbers are not completed inside a string (where{["figures.value"] = "58"} finds none).
        case .text, .id, .figure(.value): return nil
        // Dates as `where` reads them, by day: each of a million date-times was a candidate (1.5 s to list).
        case .date: return corpus.statements.dates.days.values.sorted()
        default: return Selection(corpus: corpus).distinct(field).map(\.description)
        }
    }

    /// The field names scripts may use (for completing `count_by("`).
    public func fieldNames() -> [String] {
        Statements.fieldNames.filter { $0 != "figures" && $0 != "span" && $0 != "relations" && $0 != "doc" }
            + Document.fieldNames.map { "doc." + $0 } + Field.DatePart.allCases.map { "date." + $0.rawValue }
            + Field.FigurePart.allCases.map { "figures." + $0.rawValue }
            + (corpus.entities.isEmpty ? [] : Entity.fieldNames.map { "speaker." + $0 })
            + corpus.statements.extras.keys.sorted()
    }
}
