import Corpus
import LuaBinding

/// `counts:crosstab([{margins = true, percent = "rows"}])`: counts by two keys as a contingency
/// table, a list of records that shows (and saves) with its columns in order: the first key, then
/// each value of the second. The column order travels in the list's own metatable (`__columns`),
/// as kwic's does.
extension ScriptSession {
    /// Of what each cell of `crosstab{percent = …}` is a percentage: its row's total, its column's, or all.
    enum Percent: String { case rows, columns, all }

    func crosstab(_ counts: Counts, _ lua: Lua) throws -> Int32 {
        let table: Crosstab
        do {
            // A Lua table's field takes about 40 bytes: a table that cannot fit is said at once, with
            // its size, rather than after seconds of filling memory.
            table = try Crosstab(counts, maxCells: limits.memory > 0 ? Int(limits.memory / 40) : .max)
        } catch .notTwoKeys(let n) {
            throw LuaFunctionError("counts by two keys expected, as count_by(\"speaker\", \"doc.source\"):crosstab(), got counts by \(MessageText.count(n, "key"))")
        } catch .tooLarge(let rows, let columns) {
            throw LuaFunctionError("a table of \(rows) rows by \(columns) columns (\(rows * columns) cells) would pass the memory limit of \(limits.memory >> 20) MiB: "
                                   + "narrow the counts first (where, or counts:top(n)), or count by keys with fewer values")
        }
        var margins = false
        var percent: Percent?
        switch lua.type(at: 2) {
        case .none, .nil_: break
        case .table:
            try checkOptionNames(at: 2, argument: 1, known: ["margins", "percent"], example: "{margins = true}")
            lua.rawGetField("margins", in: 2)
            defer { lua.pop() }
            switch lua.type(at: -1) {
            case .nil_: break
            case .boolean: margins = lua.boolean(at: -1)
            default: throw LuaArgumentError(1, "option margins: true or false expected, got \(lua.typeName(at: -1))")
            }
            lua.rawGetField("percent", in: 2)
            defer { lua.pop() }
            if !lua.isNoneOrNil(at: -1) {
                guard let given = lua.string(at: -1).flatMap(Percent.init(rawValue:)) else {
                    throw LuaArgumentError(1, "option percent: \"rows\", \"columns\" or \"all\" expected (of what each cell is a percentage), got \(shown: lua.type(at: -1) == .string ? Tabular.jsonString(lua.string(at: -1) ?? "") : lua.typeName(at: -1))")
                }
                percent = given
            }
        default:
            throw LuaArgumentError(1, "options expected, as in {margins = true}, got \(lua.typeName(at: 2))")
        }
        let names = table.columns.map(\.description)
        let total = "total"
        for name in names where name == table.rowKey || (margins && name == total) {
            throw LuaFunctionError("a value of '\(counts.keys[1])' is \"\(shown: name)\", the name of another column: count by keys the other way round")
        }
        let headers = [table.rowKey] + names + (margins ? [total] : [])
        lua.ensureStack(4)
        lua.newTable(array: table.rows.count + (margins ? 1 : 0))
        // The margins are one more row (the columns' totals) and one more column (the rows'), so
        // that a percentage of each is taken as of any other cell.
        let columnTotals = table.columnTotals
        let grand = columnTotals.reduce(0, +)
        func pushRecord(label: FieldValue, cells: [Int]) {
            let rowTotal = cells.reduce(0, +)
            func push(_ n: Int, column: Int?) {
                guard let percent else { lua.push(n); return }
                let whole: Int
                switch percent {
                case .rows: whole = rowTotal
                case .columns: whole = column.map { columnTotals[$0] } ?? grand
                case .all: whole = grand
                }
                // Rounded to one decimal, as a table of shares is read (R: round(prop.table(t, 1) * 100, 1)).
                lua.push(whole == 0 ? 0 : (Double(n) * 1000 / Double(whole)).rounded() / 10)
            }
            lua.newTable(record: headers.count)
            lua.push(fieldValue: label)
            lua.rawSetField(table.rowKey, in: -2)
            for (j, (name, n)) in zip(names, cells).enumerated() {
                push(n, column: j)
                lua.rawSetField(name, in: -2)
            }
            if margins {
                push(rowTotal, column: nil)
                lua.rawSetField(total, in: -2)
            }
        }
        // Memory is asked after every hundred thousand cells or so: a row holds one per column.
        var cellsSinceCheck = 0
        for (i, value) in table.rows.enumerated() {
            cellsSinceCheck += headers.count
            if cellsSinceCheck >= 100_000 {
                cellsSinceCheck = 0
                try checkMemory(building: "crosstab")
            }
            pushRecord(label: value, cells: table.cells(row: i))
            lua.rawSetIndex(i + 1, in: -2)
        }
        if margins {
            pushRecord(label: .string(total), cells: columnTotals)
            lua.rawSetIndex(table.rows.count + 1, in: -2)
        }
        lua.newTable(record: 1)
        lua.push(strings: headers)
        lua.rawSetField("__columns", in: -2)
        lua.setMetatableFromTop()
        return 1
    }
}
