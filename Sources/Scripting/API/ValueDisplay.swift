import Corpus
import LuaBinding

/// How the REPL shows values: collections and counts as tables, Lua tables nested with cycles named
/// (never looping), everything else as `tostring` gives it.
extension ScriptSession {
    /// The value at `index` as rows and columns, if it is a collection, a counts table, or a list of
    /// flat records.
    public func tabular(at index: Int32) -> Tabular? {
        if let box = lua.box(at: index, metatable: Metatable.selection, as: SelectionBox.self) {
            let selection = box.selection
            return Tabular(headers: ["id", "date", "speaker", "kind", "cue", "source", "text"], count: selection.count) { i in
                let row = selection.row(at: i)
                let corpus = selection.corpus
                func cell(_ value: String?) -> Tabular.Cell { value.map { .text($0) } ?? .empty }
                return [cell(corpus.statements.ids[row]), cell(corpus.statements.dates[row]), cell(corpus.statements.speakers[row]),
                        cell(corpus.statements.kinds[row]), cell(corpus.statements.cues[row]),
                        cell(corpus.document(ofRow: row)?.source), cell(corpus.statements.texts[row])]
            }
        }
        if let box = lua.box(at: index, metatable: Metatable.counts, as: CountsBox.self) {
            let rows: [[Tabular.Cell]] = box.counts.rows.map { row in
                row.key.map { value -> Tabular.Cell in
                    if case .number(let n) = value { return .number(n) }
                    return .text(value.description)
                } + [.number(Double(row.count))]
            }
            return Tabular(headers: box.counts.keys + ["n"], rows: rows)
        }
        if lua.type(at: index) == .table { return recordList(at: lua.absolute(index)) }
        return nil
    }

    /// A list of tables whose values are all scalars, as rows (columns in first-seen order).
    private func recordList(at index: Int32) -> Tabular? {
        let count = lua.rawLength(at: index)
        guard count > 0 else { return nil }
        var headers: [String] = []
        var records: [[String: Tabular.Cell]] = []
        for i in 1...count {
            guard lua.rawGetIndex(i, in: index) == .table else { lua.pop(); return nil }
            var record: [String: Tabular.Cell] = [:]
            var flat = true
            lua.forEachPair(in: -1) {
                guard let key = lua.string(at: -2) else { flat = false; return }
                switch lua.type(at: -1) {
                case .string: record[key] = .text(lua.string(at: -1) ?? "")
                case .number: record[key] = .number(lua.number(at: -1)!)
                case .boolean: record[key] = .text(lua.boolean(at: -1) ? "true" : "false")
                default: flat = false
                }
                if !headers.contains(key) { headers.append(key) }
            }
            lua.pop()
            guard flat else { return nil }
            records.append(record)
        }
        return Tabular(headers: headers, rows: records.map { r in headers.map { r[$0] ?? .empty } })
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
            guard let pointer = lua_topointerSafe(index) else { return "{}" }
            if let label = seen[pointer] { return "<cycle: table \(label)>" }
            if depth == 0 { return "{…}" }
            seen[pointer] = seen.count + 1
            defer { seen[pointer] = nil }
            var items: [String] = []
            var total = 0
            let length = lua.rawLength(at: index)
            lua.ensureStack(4)
            lua.forEachPair(in: index) {
                total += 1
                guard items.count < itemLimit else { return }
                let value = display(at: lua.absolute(-1), depth: depth - 1, itemLimit: itemLimit, indent: indent + "  ", seen: &seen)
                if let i = lua.integer(at: -2), lua.type(at: -2) == .number, i >= 1, i <= length {
                    items.append(value)
                } else if let key = lua.string(at: -2), Self.isIdentifier(key) {
                    items.append("\(key) = \(value)")
                } else {
                    let key = lua.type(at: -2) == .string ? Tabular.jsonString(lua.string(at: -2) ?? "?") : (lua.describe(at: -2) ?? "?")
                    items.append("[\(key)] = \(value)")
                }
            }
            if total > items.count { items.append("… \(total - items.count) more") }
            if items.isEmpty { return "{}" }
            let oneLine = "{" + items.joined(separator: ", ") + "}"
            if oneLine.count <= 80 && !oneLine.contains("\n") { return oneLine }
            return "{\n" + items.map { indent + "  " + $0 }.joined(separator: ",\n") + "\n" + indent + "}"
        default:
            return lua.describe(at: index) ?? "(\(lua.typeName(at: index)))"
        }
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
