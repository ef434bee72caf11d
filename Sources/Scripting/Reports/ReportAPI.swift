import Corpus
import Foundation
import LuaBinding

/// The `report` module: `report.save(value, "out.md")`, `report.new{title = …}` and its parts.
final class ReportBox {
    let report: Report
    init(_ report: Report) { self.report = report }
}

extension ScriptSession {
    static let reportMetatable = "parley.Report"

    func installReports() throws(LuaError) {
        let methods = methodTable(prefix: "report:", [
            ("heading", { [unowned self] lua in add(.heading(try text(lua, 2, "heading")), to: try selfReport(lua)); lua.pushValue(at: 1); return 1 }),
            ("text", { [unowned self] lua in add(.text(try text(lua, 2, "text")), to: try selfReport(lua)); lua.pushValue(at: 1); return 1 }),
            ("table", { [unowned self] lua in
                let report = try selfReport(lua)
                // The third argument is a caption, or options: {caption = …, columns = {…}}.
                let options = lua.type(at: 3) == .table
                if options { try checkOptionNames(at: 3, argument: 2, known: ["caption", "columns"], example: "{caption = \"…\"}") }
                let caption = options ? try stringOption("caption", in: 3) : lua.string(at: 3)
                let table = try tabular(at: 2, columns: options ? try columnsOption(in: 3) : nil).mapError {
                    $0.error(argument: 1, expected: "a collection, counts or a list of records")
                }.get()
                add(.table(table, caption: caption), to: report)
                noteFilters(of: 2, in: report)
                lua.pushValue(at: 1)
                return 1
            }),
            ("chart", { [unowned self] lua in
                let report = try selfReport(lua)
                add(.chart(try chart(lua)), to: report)
                noteFilters(of: 2, in: report)
                lua.pushValue(at: 1)
                return 1
            }),
            ("statements", { [unowned self] lua in
                let report = try selfReport(lua)
                guard let box = lua.box(at: 2, metatable: Metatable.selection, as: SelectionBox.self) else {
                    throw LuaArgumentError(1, "a collection of statements expected, got \(lua.typeName(at: 2))")
                }
                let limit = lua.integer(at: 3) ?? 50
                add(.quotes(quotes(box.selection, limit: limit)), to: report)
                noteFilters(of: 2, in: report)
                lua.pushValue(at: 1)
                return 1
            }),
            ("save", { [unowned self] lua in
                let report = try selfReport(lua)
                if lua.type(at: 3) == .table { try checkOptionNames(at: 3, argument: 2, known: ["format", "excel"], example: "{format = \"html\"}") }
                lua.push(try save(report, lua: lua, pathIndex: 2, optionsIndex: 3))
                return 1
            }),
            ("print", { [unowned self] lua in write(try selfReport(lua).render(.text)); return 0 }),
        ])
        lua.registerMetatable(Self.reportMetatable, metamethods: [
            "__tostring": { [unowned self] lua in lua.push(try selfReport(lua).render(.text)); return 1 },
        ], ownsObjects: true)
        lua.pushMetatable(named: Self.reportMetatable)   // [mt]
        methods.push(onto: lua)                          // [mt, methods]
        lua.rawSetField("__index", in: -2)
        lua.pop()                                        // []

        lua.newTable()
        pushDocumentedFunction("report.new") { [unowned self] lua in
            var title = "Report"
            if lua.type(at: 1) == .table {
                try checkOptionNames(at: 1, argument: 1, known: ["title"], example: "{title = \"…\"}")
                if lua.rawGetField("title", in: 1) == .string { title = lua.string(at: -1) ?? title }
                lua.pop()
            } else if let given = lua.string(at: 1) {
                title = given
            }
            lua.pushBox(ReportBox(Report(title: title, provenance: provenance())), metatable: Self.reportMetatable)
            return 1
        }
        lua.rawSetField("new", in: -2)
        pushDocumentedFunction("report.save") { [unowned self] lua in
            if lua.type(at: 3) == .table {
                let known = lua.box(at: 1, metatable: Self.reportMetatable, as: ReportBox.self) == nil ? ["format", "excel", "title", "columns"] : ["format", "excel"]
                try checkOptionNames(at: 3, argument: 3, known: known, example: "{format = \"html\"}")
            }
            if let box = lua.box(at: 1, metatable: Self.reportMetatable, as: ReportBox.self) {
                lua.push(try save(box.report, lua: lua, pathIndex: 2, optionsIndex: 3))
                return 1
            }
            if let box = lua.box(at: 1, metatable: Metatable.selection, as: SelectionBox.self), let path = lua.string(at: 2),
               CorpusExport.extensions.contains(URL(fileURLWithPath: path).pathExtension.lowercased()) {
                lua.push(try saveCorpus(box.selection, path: path))
                return 1
            }
            let options = lua.type(at: 3) == .table
            let report = Report(title: (options ? try stringOption("title", in: 3) : nil) ?? "Report", provenance: provenance())
            if lua.type(at: 1) == .string {
                report.add(.text(lua.string(at: 1) ?? ""))
            } else {
                let table = try tabular(at: 1, columns: options ? try columnsOption(in: 3) : nil).mapError {
                    $0.error(argument: 1, expected: "a collection, counts, a report, a list of records or a string")
                }.get()
                report.add(.table(table, caption: nil))
            }
            noteFilters(of: 1, in: report)
            lua.push(try save(report, lua: lua, pathIndex: 2, optionsIndex: 3))
            return 1
        }
        lua.rawSetField("save", in: -2)
        try lua.setGlobal("report")
    }

    /// Adds `part` to the report that is the method's first argument, its bytes counted toward the
    /// memory limit while the report lives.
    private func add(_ part: Report.Part, to report: Report) {
        report.add(part)
        lua.holdMore(part.estimatedBytes, forBoxAt: 1)
    }

    private func selfReport(_ lua: Lua) throws -> Report {
        guard let box = lua.box(at: 1, metatable: Self.reportMetatable, as: ReportBox.self) else {
            throw LuaFunctionError("call it on a report with a colon: r:text(…), not \(lua.typeName(at: 1))")
        }
        return box.report
    }

    /// Field `name` of the options table at `index`: a string, or nil when absent.
    private func stringOption(_ name: String, in index: Int32) throws -> String? {
        defer { lua.pop() }
        switch lua.rawGetField(name, in: index) {
        case .nil_: return nil
        case .string: return lua.string(at: -1)
        default: throw LuaFunctionError("option \(name) must be a string, got \(lua.typeName(at: -1))")
        }
    }

    /// The `columns` option of the table at `index`: the names of a list of records' columns, in
    /// the order to show them; nil when absent.
    private func columnsOption(in index: Int32) throws -> [String]? {
        defer { lua.pop() }
        switch lua.rawGetField("columns", in: index) {
        case .nil_: return nil
        case .table: break
        default: throw LuaFunctionError("option columns must be a list of field names, such as {\"speaker\", \"n\"}, got \(lua.typeName(at: -1))")
        }
        let count = lua.rawLength(at: -1)
        var names: [String] = []
        for i in 0..<count {
            defer { lua.pop() }
            guard lua.rawGetIndex(i + 1, in: -1) == .string, let name = lua.string(at: -1) else {
                throw LuaFunctionError("option columns must be a list of field names; item \(i + 1) is a \(lua.typeName(at: -1))")
            }
            names.append(name)
        }
        guard !names.isEmpty else { throw LuaFunctionError("option columns is empty: name the fields to show, such as {\"speaker\", \"n\"}") }
        return names
    }

    private func text(_ lua: Lua, _ index: Int32, _ what: String) throws -> String {
        guard let text = lua.string(at: index) else { throw LuaArgumentError(1, "the \(what) must be a string, got \(lua.typeName(at: index))") }
        return text
    }

    /// Writes the report where argument `pathIndex` says, in the format of its extension or
    /// `{format = …}`; returns the path written.
    private func save(_ report: Report, lua: Lua, pathIndex: Int32, optionsIndex: Int32) throws -> String {
        guard let path = lua.string(at: pathIndex) else { throw LuaArgumentError(Int(pathIndex) - 1, "a file name expected, such as \"report.md\"") }
        var format = ReportFormat(path: path)
        var excel = false
        if lua.type(at: optionsIndex) == .table {
            if lua.rawGetField("format", in: optionsIndex) == .string {
                guard let named = lua.string(at: -1).flatMap(ReportFormat.init(rawValue:)) else {
                    lua.pop()
                    throw LuaFunctionError("format must be one of \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                format = named
            }
            lua.pop()
            switch lua.rawGetField("excel", in: optionsIndex) {
            case .nil_: break
            case .boolean: excel = lua.boolean(at: -1)
            default:
                defer { lua.pop() }
                throw LuaFunctionError("option excel must be true or false, got \(lua.typeName(at: -1))")
            }
            lua.pop()
        }
        guard let format else {
            throw LuaFunctionError("cannot tell the format of '\(path)': name it .md, .html, .txt, .json or .csv, or pass {format = …}"
                                   + " (a collection also saves as a corpus: .jsonl, .sqlite)")
        }
        if excel && format != .csv { throw LuaFunctionError("option excel is for .csv files (Excel reads the others as they are)") }
        report.provenance.made = Provenance.now
        let target = try ReportFiles.resolve(path, in: limits.outputDirectory, trusted: limits.trusted, corpusFiles: corpus.origins)
        if format == .csv {
            try ReportFiles.writeAtomically(to: target) { emit in
                // Excel reads a CSV file as the system's code page unless it starts with UTF-8's byte
                // order mark: without it, "خواجہ آصف" or "Erdoğan" comes out garbled.
                if excel { try [UInt8]([0xEF, 0xBB, 0xBF]).withUnsafeBytes(emit) }
                try report.writeCSV(emit)
            }
        } else {
            try ReportFiles.writeAtomically(try report.render(format), to: target)
        }
        return target
    }

    /// A collection saved as a corpus of its own (`report.save(c, "subset.jsonl")`): its statements,
    /// the documents they cite and the entities, in the form the extension names, which Parley
    /// (and sqlite3, DuckDB) read back. Returns the path written.
    private func saveCorpus(_ selection: Selection, path: String) throws -> String {
        let target = try ReportFiles.resolve(path, in: limits.outputDirectory, trusted: limits.trusted, corpusFiles: corpus.origins)
        let rows = (0..<selection.count).map(selection.row(at:))
        do {
            try CorpusExport.write(selection.corpus, rows: rows, to: target)
        } catch {
            throw LuaFunctionError(error.description)
        }
        let leftOut = CorpusRecords(selection.corpus, rows: rows).relationsLeftOut
        if leftOut > 0 {
            StandardStreams.writeError("parley: report.save: \(MessageText.count(leftOut, "relation")) to statements outside the collection left out of \(path) (it would not load with them)\n")
        }
        return target
    }

    /// The chart for the counts at argument 2, with options at 3: {kind = "bar"|"timeline"|"stacked",
    /// title = …, limit = n}. A bar or stacked chart shows its `limit` largest bars (40 unless
    /// given), and a stacked one its largest series with the rest as "other": 3,000 speakers by 238
    /// outlets is no chart to read (and took minutes to make).
    private func chart(_ lua: Lua) throws -> Chart {
        guard let box = lua.box(at: 2, metatable: Metatable.counts, as: CountsBox.self) else {
            throw LuaArgumentError(1, "counts expected (from count_by), got \(lua.typeName(at: 2))")
        }
        let counts = box.counts
        var kind: Chart.Kind = counts.keys.count > 1 ? .stacked : .bar
        var title = counts.keys.joined(separator: " × ")
        var limit = 40
        if lua.type(at: 3) == .table {
            try checkOptionNames(at: 3, argument: 2, known: ["kind", "title", "limit"], example: "{kind = \"timeline\"}")
            if lua.rawGetField("kind", in: 3) == .string {
                guard let named = lua.string(at: -1).flatMap(Chart.Kind.init(rawValue:)) else {
                    lua.pop()
                    throw LuaFunctionError("kind must be bar, timeline or stacked")
                }
                kind = named
            }
            lua.pop()
            if lua.rawGetField("title", in: 3) == .string { title = lua.string(at: -1) ?? title }
            lua.pop()
            if lua.rawGetField("limit", in: 3) != .nil_ {
                guard let n = lua.integer(at: -1), n >= 1 else { lua.pop(); throw LuaFunctionError("limit must be a whole number of bars, 1 or more") }
                limit = n
            }
            lua.pop()
        }
        if kind == .stacked {
            guard counts.keys.count == 2 else { throw LuaFunctionError("a stacked chart needs counts by two keys, as count_by(\"doc.source\", \"kind\")") }
            return Self.stackedChart(counts, title: title, limit: limit)
        }
        var rows = counts.rows.map { (label: $0.key.map(\.description).joined(separator: " · "), value: Double($0.count)) }
        if kind == .timeline {
            rows.sort { $0.label < $1.label }
        } else if rows.count > limit {
            // Largest first already (counts are so ordered).
            title += " (the \(limit) largest of \(rows.count))"
            rows = Array(rows.prefix(limit))
        }
        return Chart(kind: kind, title: title, labels: rows.map(\.label), series: [(name: "statements", values: rows.map(\.value))])
    }

    /// Bars for the first key's values (the `limit` largest, in order of their totals), stacked by
    /// the second key's (the largest nine and "other" when there are more than ten).
    static func stackedChart(_ counts: Counts, title: String, limit: Int) -> Chart {
        var labelTotals: [String: Int] = [:], seriesTotals: [String: Int] = [:], cells: [String: [String: Int]] = [:]
        var labelOrder: [String] = [], seriesOrder: [String] = []
        for row in counts.rows {
            let a = row.key[0].description, b = row.key[1].description
            if labelTotals[a] == nil { labelOrder.append(a) }
            if seriesTotals[b] == nil { seriesOrder.append(b) }
            labelTotals[a, default: 0] += row.count
            seriesTotals[b, default: 0] += row.count
            cells[a, default: [:]][b, default: 0] += row.count
        }
        // Equal totals keep the order of the counts (largest rows first).
        func largestFirst(_ names: [String], _ totals: [String: Int]) -> [String] {
            names.enumerated().sorted { a, b in
                let x = totals[a.element]!, y = totals[b.element]!
                return x != y ? x > y : a.offset < b.offset
            }.map(\.element)
        }
        var labels = largestFirst(labelOrder, labelTotals)
        var title = title
        if labels.count > limit {
            title += " (the \(limit) largest of \(labels.count))"
            labels = Array(labels.prefix(limit))
        }
        let ordered = largestFirst(seriesOrder, seriesTotals)
        let kept = ordered.count > 10 ? Array(ordered.prefix(9)) : ordered
        var series = kept.map { name in (name: name, values: labels.map { Double(cells[$0]?[name] ?? 0) }) }
        if kept.count < ordered.count {
            let keptSet = Set(kept)
            series.append((name: "other", values: labels.map { label in
                Double((cells[label] ?? [:]).reduce(0) { $0 + (keptSet.contains($1.key) ? 0 : $1.value) })
            }))
        }
        return Chart(kind: .stacked, title: title, labels: labels, series: series)
    }

    private func quotes(_ selection: Selection, limit: Int) -> [Report.Quote] {
        let s = selection.corpus.statements
        return (0..<min(selection.count, max(limit, 0))).map { i in
            let row = selection.row(at: i)
            let document = selection.corpus.document(ofRow: row)
            return Report.Quote(speaker: s.speakers[row] ?? "unknown", role: s.roles[row], date: s.dates[row] ?? s.dateTexts[row],
                                source: document?.source, url: document?.url, text: s.texts[row], direct: s.kinds[row] == "direct")
        }
    }

    /// Records in the report the filters that made the value at `index`.
    private func noteFilters(of index: Int32, in report: Report) {
        var filters: [String] = []
        if let box = lua.box(at: index, metatable: Metatable.selection, as: SelectionBox.self) { filters = box.filters }
        if let box = lua.box(at: index, metatable: Metatable.counts, as: CountsBox.self) { filters = box.filters }
        let chain = filters.joined(separator: " → ")
        if !chain.isEmpty && !report.provenance.filters.contains(chain) { report.provenance.filters.append(chain) }
    }

    func provenance() -> Provenance {
        // With no corpus loaded, the hash would be that of nothing, the same for every such report.
        let loaded = !corpus.origins.isEmpty || corpus.count > 0
        return Provenance(corpusName: corpus.name ?? corpus.origins.first ?? "(no corpus)", corpusHash: loaded ? corpus.contentHash : nil,
                   script: scriptDescription, parameters: scriptParameters, filters: [], version: ParleyInfo.version, made: Provenance.now)
    }
}

/// Facts about this build of Parley.
public enum ParleyInfo {
    public static let version = "0.1.0"
}
