import Corpus
import LuaBinding

/// How the REPL shows values: collections and counts as tables, Lua tables nested with cycles named
/// (never looping), everything else as `tostring` gives it.
extension ScriptSession {
    /// The value at `index` as rows and columns, if it is a collection, a counts table, or a list of
    /// flat records.
    public func tabular(at index: Int32) -> Tabular? {
        try? tabular(at: index, columns: nil).get()
    }

    /// The value at `index` as rows and columns to show its first `rows` rows (`text(limit: rows)`):
    /// a list of records has every record checked and its columns gathered, but only the first
    /// `rows` kept, so that a glance at a list of a million records does not copy it out of Lua.
    public func tabularPreview(at index: Int32, rows: Int) -> Tabular? {
        try? tabular(at: index, columns: nil, keeping: rows).get()
    }

    /// The value at `index` as rows and columns, or why it cannot be one (for messages). A list of
    /// records takes its columns from `columns` when given, in that order; else every field any
    /// record has, by name, since a Lua table has no order of its own and a report must come out
    /// the same on every run (as `jq -S` and Python's `sort_keys` do).
    func tabular(at index: Int32, columns: [String]?, keeping kept: Int = .max) -> Result<Tabular, TableProblem> {
        if let box = lua.box(at: index, metatable: Metatable.selection, as: SelectionBox.self) {
            let selection = box.selection
            if let columns { return selectionTable(selection, columns: columns) }
            return .success(Tabular(headers: ["id", "date", "speaker", "kind", "cue", "source", "text"], count: selection.count) { i in
                let row = selection.row(at: i)
                let corpus = selection.corpus
                func cell(_ value: String?) -> Tabular.Cell { value.map { .text($0) } ?? .empty }
                return [cell(corpus.statements.ids[row]), cell(corpus.statements.dates[row]), cell(corpus.statements.speakers[row]),
                        cell(corpus.statements.kinds[row]), cell(corpus.statements.cues[row]),
                        cell(corpus.document(ofRow: row)?.source), cell(corpus.statements.texts[row])]
            })
        }
        if let box = lua.box(at: index, metatable: Metatable.counts, as: CountsBox.self) {
            let rows: [[Tabular.Cell]] = box.counts.rows.map { row in
                row.key.map { value -> Tabular.Cell in
                    if case .number(let n) = value { return .number(n) }
                    return .text(value.description)
                } + [.number(Double(row.count))]
            }
            return .success(Tabular(headers: box.counts.keys + ["n"], rows: rows))
        }
        guard lua.type(at: index) == .table else { return .failure(.init("got \(lua.typeName(at: index))")) }
        return recordList(at: lua.absolute(index), columns: columns ?? ownColumns(at: index), keeping: kept)
    }

    /// A collection's statements with the fields `columns` names, in that order: any field `where`
    /// and `count_by` take ("role", "topics", "doc.title", "date.year", an extra field). A list
    /// field's values are joined with "; ", as the corpus's CSV form writes them.
    private func selectionTable(_ selection: Selection, columns: [String]) -> Result<Tabular, TableProblem> {
        let corpus = selection.corpus
        var fields: [Field] = []
        for name in columns {
            do throws(QueryError) {
                fields.append(try Field.parse(name, in: corpus))
            } catch {
                return .failure(.init("option columns: \(error)", inColumns: true))
            }
        }
        let chosen = fields
        return .success(Tabular(headers: columns, count: selection.count) { i in
            let row = selection.row(at: i)
            return chosen.map { field in
                let values = corpus.values(of: field, row: row)
                if values.count == 1, case .number(let n) = values[0] { return .number(n) }
                return values.isEmpty ? .empty : .text(values.map(\.description).joined(separator: "; "))
            }
        })
    }

    /// Why a value cannot be shown as a table: the value itself ("got …", to follow what an argument
    /// expected), or the columns asked for.
    struct TableProblem: Error {
        let reason: String
        var inColumns = false
        init(_ reason: String, inColumns: Bool = false) { self.reason = reason; self.inColumns = inColumns }

        /// The error to raise for argument `argument`, which expected `expected`.
        func error(argument: Int, expected: String) -> Error {
            inColumns ? LuaFunctionError(reason) : LuaArgumentError(argument, "\(expected) expected, \(reason)")
        }
    }

    /// The column order a list Parley made says it has (`__columns` in its metatable, as `kwic`'s
    /// results have), or nil.
    private func ownColumns(at index: Int32) -> [String]? {
        guard lua.type(at: index) == .table, lua.pushMetatableOf(at: index) else { return nil }
        defer { lua.pop() }
        guard lua.rawGetField("__columns", in: -1) == .table else { lua.pop(); return nil }
        defer { lua.pop() }
        return (0..<lua.rawLength(at: -1)).compactMap { i in
            defer { lua.pop() }
            return lua.rawGetIndex(i + 1, in: -1) == .string ? lua.string(at: -1) : nil
        }
    }

    /// A list of tables whose values are all scalars, as rows; the first `kept` of them held (the
    /// others are checked, and their fields become columns, but they cannot be read).
    private func recordList(at index: Int32, columns: [String]?, keeping kept: Int) -> Result<Tabular, TableProblem> {
        let count = lua.rawLength(at: index)
        guard count > 0 else {
            if let columns { return .success(Tabular(headers: columns, rows: [])) }
            return .failure(.init("got an empty table: no records, so no columns (give {columns = {…}} to write only the header)"))
        }
        var seen: Set<String> = []
        var records: [[String: Tabular.Cell]] = []
        var problem: TableProblem?
        lua.ensureStack(4)
        for i in 1...count {
            guard lua.rawGetIndex(i, in: index) == .table else {
                let type = lua.typeName(at: -1)
                lua.pop()
                return .failure(.init("got a table whose item \(i) is a \(type), not a record such as {speaker = \"…\", n = 3}"))
            }
            var record: [String: Tabular.Cell] = [:]
            let keep = records.count < kept
            lua.forEachPair(in: -1) {
                guard problem == nil else { return }
                guard lua.type(at: -2) == .string, let key = lua.string(at: -2) else {
                    problem = .init("got a table whose item \(i) has a field named by a \(lua.typeName(at: -2)), not a name")
                    return
                }
                if let cell = cell(at: -1) {
                    if keep { record[key] = cell }
                } else {
                    problem = .init("got a table whose item \(i) has '\(shown: key)' = a \(lua.typeName(at: -1)); a cell holds a string, a number, a boolean, a list of them, a statement or a document")
                }
                seen.insert(key)
            }
            lua.pop()
            if let problem { return .failure(problem) }
            if keep { records.append(record) }
        }
        if let columns, let missing = columns.first(where: { !seen.contains($0) }) {
            return .failure(.init("option columns names '\(shown: missing)', which no record has (they have \(seen.sorted().joined(separator: ", ")))", inColumns: true))
        }
        if columns == nil && seen.isEmpty {
            return .failure(.init("got a list of tables without fields: no records, so no columns"))
        }
        let headers = columns ?? seen.sorted()
        let rows = records.map { r in headers.map { r[$0] ?? .empty } }
        guard rows.count < count else { return .success(Tabular(headers: headers, rows: rows)) }
        return .success(Tabular(headers: headers, count: count) { i in
            precondition(i < rows.count, "a preview holds its first \(rows.count) rows only")
            return rows[i]
        })
    }

    /// The value at `index` as a cell of a list of records: a string, number or boolean as it is; a
    /// list of them joined with "; ", as the corpus's CSV form writes lists (`s.topics`); a
    /// statement or a document by its id (`s.doc`). Nil for anything else.
    private func cell(at index: Int32) -> Tabular.Cell? {
        guard lua.type(at: index) == .table else { return scalarCell(at: index) }
        let table = lua.absolute(index)
        var pairs = 0
        lua.forEachPair(in: table) { pairs += 1 }
        guard pairs == lua.rawLength(at: table) else { return nil }   // a record, not a list
        var items: [String] = []
        lua.ensureStack(2)
        for i in 0..<pairs {
            lua.rawGetIndex(i + 1, in: table)
            defer { lua.pop() }
            guard let item = scalarCell(at: -1) else { return nil }    // not a list of lists
            items.append(item.plain)
        }
        return .text(items.joined(separator: "; "))
    }

    /// A cell's value that is not a table (nil for one that cannot be a cell).
    private func scalarCell(at index: Int32) -> Tabular.Cell? {
        switch lua.type(at: index) {
        case .string: return .text(lua.string(at: index) ?? "")
        case .number: return .number(lua.number(at: index)!)
        case .boolean: return .text(lua.boolean(at: index) ? "true" : "false")
        case .lightUserdata:
            guard let row = try? statementRow(at: index) else { return nil }
            return .text(corpus.statements.ids[row])
        case .userdata:
            guard let document = try? documentIndex(at: index) else { return nil }
            return .text(corpus.documents[document].id)
        default:
            return nil
        }
    }

    /// How `print` shows a table: as the REPL's table mode shows it (a list of records as rows, any
    /// other table as its items, 50 at most). Nil for a table that says how it is shown
    /// (`__tostring`): print calls tostring, as Lua's does, so that an error or a stop inside it
    /// (the time limit, Ctrl-C) is raised, not swallowed.
    func shownInPrint(at index: Int32) -> String? {
        if lua.hasMetafield("__tostring", at: index) { return nil }
        if let table = tabularPreview(at: index, rows: 50) { return table.text(limit: 50) }
        return display(at: index)
    }

    /// The value at `index` as Lua source-like text: tables nested up to `depth`, cycles shown.
    public func display(at index: Int32, depth: Int = 3, itemLimit: Int = 50) -> String {
        var seen: [UnsafeRawPointer: Int] = [:]
        return display(at: lua.absolute(index), depth: depth, itemLimit: itemLimit, indent: "", seen: &seen)
    }

    private func display(at index: Int32, depth: Int, itemLimit: Int, indent: String, seen: inout [UnsafeRawPointer: Int]) -> String {
        switch lua.type(at: index) {
        case .string:
            return Tabular.jsonString(lua.string(at: index) ?? String(decoding: lua.bytes(at: index) ?? [], as: UTF8.self))
        case .table:
            // A table that says how it is shown (__tostring) is shown so, as lua.c shows it.
            if lua.hasMetafield("__tostring", at: index), let text = lua.describe(at: index) { return text }
            guard let pointer = lua_topointerSafe(index) else { return "{}" }
            if let label = seen[pointer] { return "<cycle: table \(label)>" }
            if depth == 0 { return "{…}" }
            seen[pointer] = seen.count + 1
            defer { seen[pointer] = nil }
            var (items, total) = tableItems(at: index, depth: depth, itemLimit: itemLimit, indent: indent, seen: &seen)
            if total > items.count { items.append(Self.moreItems(total: total, shown: items.count, listLength: lua.rawLength(at: index), itemLimit: itemLimit)) }
            if items.isEmpty { return "{}" }
            let oneLine = "{" + items.joined(separator: ", ") + "}"
            if oneLine.count <= 80 && !oneLine.contains("\n") { return oneLine }
            return "{\n" + items.map { indent + "  " + $0 }.joined(separator: ",\n") + "\n" + indent + "}"
        default:
            return lua.describe(at: index) ?? "(\(lua.typeName(at: index)))"
        }
    }

    /// The items of the table at `index` as `display` shows them: its list part in order, then its
    /// other keys as `DisplayedKeys` orders them, then keys of other types (tables, booleans) as Lua
    /// gives them; at most `itemLimit`, with the count of all its pairs.
    private func tableItems(at index: Int32, depth: Int, itemLimit: Int, indent: String,
                            seen: inout [UnsafeRawPointer: Int]) -> (items: [String], total: Int) {
        func value(at position: Int32) -> String {
            display(at: lua.absolute(position), depth: depth - 1, itemLimit: itemLimit, indent: indent + "  ", seen: &seen)
        }
        lua.ensureStack(6)
        let length = lua.rawLength(at: index)
        var items: [String] = []
        for i in 0..<min(length, itemLimit) {
            lua.rawGetIndex(i + 1, in: index)
            items.append(value(at: -1))
            lua.pop()
        }
        var keys = DisplayedKeys(limit: itemLimit - items.count)
        var others: [String] = []
        var total = 0
        lua.forEachPair(in: index) {
            total += 1
            switch lua.type(at: -2) {
            case .number:
                if let i = lua.integer(at: -2), lua.isInteger(at: -2) {
                    if i < 1 || i > length { keys.offer(.integer(i)) }
                } else if let d = lua.number(at: -2) {
                    keys.offer(.float(d))
                }
            case .string:
                keys.offer(.name(lua.bytes(at: -2) ?? []))
            default:
                guard items.count + others.count < itemLimit else { return }
                others.append("[\(lua.describe(at: -2) ?? "?")] = \(value(at: -1))")
            }
        }
        for key in keys.first where items.count < itemLimit {
            let shownKey: String
            switch key {
            case .integer(let i): lua.push(i); shownKey = "[\(i)]"
            case .float(let d): lua.push(d); shownKey = "[\(lua.describe(at: -1) ?? "\(d)")]"
            case .name(let bytes):
                bytes.withUnsafeBufferPointer { lua.push(bytes: $0) }
                let name = String(decoding: bytes, as: UTF8.self)
                shownKey = Self.isIdentifier(name) ? name : "[\(Tabular.jsonString(name))]"
            }
            lua.rawGetTop(in: index)
            items.append("\(shownKey) = \(value(at: -1))")
            lua.pop()
        }
        items += others.prefix(itemLimit - items.count)
        return (items, total)
    }

    /// What a cut-short table did not show. A table that is both a list and keyed (`corpus.documents`:
    /// its documents in order, and each by id) says how many of each, so that 125,000 documents are
    /// not read as 250,000.
    static func moreItems(total: Int, shown: Int, listLength: Int, itemLimit: Int) -> String {
        let listShown = min(listLength, itemLimit)
        let listLeft = listLength - listShown
        let keyedLeft = total - listLength - (shown - listShown)
        guard listLeft > 0, keyedLeft > 0 else { return "… \(total - shown) more" }
        return "… \(listLeft) more in the list (\(listLength) in all), and \(keyedLeft) more by key"
    }

    private func lua_topointerSafe(_ index: Int32) -> UnsafeRawPointer? { lua.pointer(at: index) }

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return s.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
            && !LuaSyntax.keywords.contains(s)
    }
}

/// Facts about Lua's syntax the REPL needs.
public enum LuaSyntax {
    public static let keywords: Set<String> = [
        "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in",
        "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while",
    ]
}

extension ScriptSession {
    /// `tostring` of a Parley value (collection, counts, statement, document); nil for other values.
    public func userdataDescription(at index: Int32) -> String? {
        if isStatement(at: index) { return lua.describe(at: index) }
        guard lua.type(at: index) == .userdata else { return nil }
        for name in [Metatable.selection, Metatable.counts, Metatable.document]
        where lua.userdata(at: index, named: name) != nil {
            return lua.describe(at: index)
        }
        return nil
    }
}
