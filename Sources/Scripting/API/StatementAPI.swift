import Corpus
import LuaBinding

/// Statements as Lua sees them: `s.speaker`, `s.doc`, `print(s)`.
extension ScriptSession {
    /// Statements are light handles (see `Lua.pushLightHandle`): a loop over a million of them
    /// allocates nothing. Documents, fewer, are full userdata.
    func push(statement row: Int) {
        lua.pushLightHandle(RowHandle(generation: generation, row: Int32(row)).bits)
    }

    func statementRow(at index: Int32) throws -> Int? {
        guard let bits = lua.lightHandle(at: index) else { return nil }
        return try check(RowHandle(bits: bits), what: "statement")
    }

    /// Whether the value at `index` is a statement (of this corpus or an earlier one).
    func isStatement(at index: Int32) -> Bool { lua.lightHandle(at: index) != nil }

    func installStatementMetatable() {
        numberFields(extras: [])
        // The host's __index, also kept as __hostindex: once a corpus is installed, __index becomes a C
        // function that reads the common fields from the columns and calls this one for the rest.
        let hostIndex: LuaFunctionBody = { [unowned self] lua in
            guard let row = try statementRow(at: 1) else { return 0 }
            guard lua.type(at: 2) == .string else {
                throw LuaFunctionError("a statement's fields are named by strings (s.speaker), not \(lua.typeName(at: 2))")
            }
            // Find the field by a raw lookup of the (interned) Lua string, and push repeated values
            // from a per-column cache of Lua strings.
            fieldNumbers.push(onto: lua)
            lua.pushValue(at: 2)
            lua.rawGetTop(in: -2)
            let number = lua.integer(at: -1)
            lua.pop(2)
            if let number, let field = StatementField(rawValue: number) {
                pushField(field, row: row)
            } else {
                try pushOtherField(lua.string(at: 2) ?? "", row: row)
            }
            return 1
        }
        lua.registerMetatable(Metatable.statement, metamethods: [
            "__index": hostIndex,
            "__hostindex": hostIndex,
            "__tostring": { [unowned self] lua in
                guard let row = try statementRow(at: 1) else { return 0 }
                lua.push(Describe.statement(corpus, row: row))
                return 1
            },
            "__eq": { [unowned self] lua in
                let a = try statementRow(at: 1), b = try statementRow(at: 2)
                lua.push(a != nil && a == b)
                return 1
            },
            "__newindex": { _ in throw LuaFunctionError("statements cannot be changed; copy the fields you need into a table") },
            // The names `pairs(s)` goes through (see PairsAPI): the record's fields, then its corpus's other fields.
            "__fieldnames": { [unowned self] lua in
                guard try statementRow(at: 1) != nil else { return 0 }
                lua.push(strings: Statements.fieldNames + corpus.statements.extras.keys.sorted())
                return 1
            },
        ])
        lua.setLightHandleMetatable(named: Metatable.statement)
    }

    /// Points the statements' __index at the columns of the corpus just installed (see `installRowView`).
    func installStatementView() {
        let s = corpus.statements
        func codes(_ column: InternedColumn, cache: Int) -> RowViewColumn {
            column.codes.baseAddress.map { .codes($0, cache: cache + 1) } ?? .host
        }
        func list(_ column: ListColumn, cache: Int) -> RowViewColumn {
            guard let items = column.items.baseAddress, let starts = column.starts.baseAddress else { return .host }
            return .list(items: items, starts: starts, cache: cache + 1)
        }
        func text(_ column: TextColumn) -> RowViewColumn {
            guard let bytes = column.bytes.baseAddress, let starts = column.starts.baseAddress else { return .host }
            return .text(bytes: bytes, starts: starts)
        }
        let columns: [RowViewColumn] = StatementField.allCases.map { field in
            switch field {
            case .id: text(s.ids)
            case .speaker: codes(s.speakers, cache: 0)
            case .role: codes(s.roles, cache: 2)
            case .affiliation: codes(s.affiliations, cache: 3)
            case .kind: codes(s.kinds, cache: 4)
            case .text: text(s.texts)
            case .cue: codes(s.cues, cache: 5)
            // A date-time is its day (interned) and its time (packed by row).
            case .date:
                if !s.dates.hasTimes {
                    codes(s.dates.days, cache: 6)
                } else if let times = s.dates.times.baseAddress, let days = s.dates.codes.baseAddress {
                    .codesWithSuffix(days, suffixes: times, format: DateColumn.formatTime, cache: 6 + 1)
                } else {
                    .host
                }
            case .dateText: codes(s.dateTexts, cache: 7)
            case .channel: codes(s.channels, cache: 8)
            case .place: codes(s.places, cache: 9)
            case .status: codes(s.statuses, cache: 10)
            case .doc: s.documents.baseAddress.map { .handle(rows: $0, metatable: Self.documentMetatableSlot + 1) } ?? .host
            case .topics: list(s.topics, cache: Self.topicCache)
            case .mentions: list(s.mentions, cache: Self.mentionCache)
            // Most statements have no figures: their empty list is made in C.
            case .figures: s.figureStarts.baseAddress.map { .emptyList(starts: $0) } ?? .host
            default: .host
            }
        }
        // Extra fields of strings (`s.verb`) are read in C as the format's fields are: through
        // Swift, 1.1 µs a statement, five times as long as s.speaker.
        var extraColumns: [RowViewColumn] = []
        extraFieldCaches = [:]
        let extras = s.extras.keys.sorted()
        for name in extras {
            guard case .strings(let column) = s.extras[name] else { continue }
            extraFieldCaches[name] = Self.mentionCache + 1 + extraColumns.count
            extraColumns.append(codes(column, cache: extraFieldCaches[name]!))
        }
        numberFields(extras: extras.filter { extraFieldCaches[$0] != nil })
        lua.installRowView(metatable: Metatable.statement, hostIndexField: "__hostindex", generation: generation, rows: s.count,
                           columns: columns + extraColumns, fieldNumbers: fieldNumbers, caches: internedStrings, owner: corpus)
    }

    /// The table of field numbers: the format's fields, then `extras` numbered after them in order.
    private func numberFields(extras: [String]) {
        lua.newTable(record: StatementField.allCases.count + extras.count)
        for field in StatementField.allCases {
            lua.push(field.rawValue)
            lua.rawSetField(field.name, in: -2)
        }
        for (i, name) in extras.enumerated() where !Statements.fieldNames.contains(name) {
            lua.push(StatementField.allCases.count + 1 + i)
            lua.rawSetField(name, in: -2)
        }
        fieldNumbers = LuaReference(popping: state)
    }

    /// [-0, +1, m] Pushes a field of the format of statement `row`.
    private func pushField(_ field: StatementField, row: Int) {
        // `corpus.statements.x` each time: binding the struct to a local would copy (and retain) all its columns.
        switch field {
        case .id: corpus.statements.ids.withBytes(row: row) { lua.push(bytes: $0) }
        case .speaker: pushCached(corpus.statements.speakers, row: row, cache: 0)
        case .speakerText:
            if corpus.statements.speakerTexts.codes[row] >= 0 { pushCached(corpus.statements.speakerTexts, row: row, cache: 1) } else { pushCached(corpus.statements.speakers, row: row, cache: 0) }
        case .role: pushCached(corpus.statements.roles, row: row, cache: 2)
        case .affiliation: pushCached(corpus.statements.affiliations, row: row, cache: 3)
        case .kind: pushCached(corpus.statements.kinds, row: row, cache: 4)
        case .text: corpus.statements.texts.withBytes(row: row) { lua.push(bytes: $0) }
        case .cue: pushCached(corpus.statements.cues, row: row, cache: 5)
        case .date:
            // The day is cached for the row view (`installStatementView`), which adds the time.
            pushCached(corpus.statements.dates.days, row: row, cache: 6)
            if corpus.statements.dates.time(row: row) != nil, let date = corpus.statements.dates[row] {
                lua.pop()
                lua.push(date)
            }
        case .dateText: pushCached(corpus.statements.dateTexts, row: row, cache: 7)
        case .channel: pushCached(corpus.statements.channels, row: row, cache: 8)
        case .place: pushCached(corpus.statements.places, row: row, cache: 9)
        case .status: pushCached(corpus.statements.statuses, row: row, cache: 10)
        case .topics: pushList(corpus.statements.topics, row: row, cache: Self.topicCache)
        case .mentions: pushList(corpus.statements.mentions, row: row, cache: Self.mentionCache)
        case .confidence: if let c = corpus.statements.confidence(row: row) { lua.push(c) } else { lua.pushNil() }
        case .figures: pushFigures(corpus.statements.figures(row: row))
        case .span:
            if let span = corpus.statements.span(row: row) {
                lua.newTable(array: 2)
                lua.push(span.start); lua.rawSetIndex(1, in: -2)
                lua.push(span.end); lua.rawSetIndex(2, in: -2)
            } else { lua.pushNil() }
        case .relations:
            let relations = corpus.statements.relations[row] ?? []
            lua.newTable(array: relations.count)
            for (i, relation) in relations.enumerated() {
                lua.newTable(record: 2)
                lua.push(relation.type); lua.rawSetField("type", in: -2)
                lua.push(relation.statement); lua.rawSetField("statement", in: -2)
                lua.rawSetIndex(i + 1, in: -2)
            }
        case .doc:
            let index = corpus.statements.documents[row]
            if index >= 0 { push(document: Int(index)) } else { lua.pushNil() }
        }
    }

    /// [-0, +1, m] An extra field of the record, or an error naming the closest field.
    private func pushOtherField(_ key: String, row: Int) throws {
        let s = corpus.statements
        if case .strings(let column) = s.extras[key], let cache = extraFieldCaches[key] {
            pushCached(column, row: row, cache: cache)       // for the row view to read next time
            return
        }
        if let column = s.extras[key] {
            if let value = column[row] { lua.push(json: value) } else { lua.pushNil() }
            return
        }
        if key == "context" {
            lua.push(optional: corpus.context(ofRow: row))
            return
        }
        if key == "entity" {
            // The speaker's entity, the table corpus.entities holds (a record's own "entity" field comes first).
            if let index = corpus.speakerEntity(ofRow: row) {
                entityList.push(onto: lua)
                lua.rawGetIndex(index + 1, in: -1)
                lua.remove(at: -2)
            } else {
                lua.pushNil()
            }
            return
        }
        let suggestion = Field.suggestion(for: key, among: Statements.fieldNames + Self.derivedStatementFields + s.extras.keys)
        throw LuaFunctionError("a statement has no field '\(shown: key)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""))
    }

    /// Slots of `internedStrings` past the caches of the statements' interned columns: the
    /// documents' metatable (for `s.doc` made in C), and the caches of document sources, topics and
    /// mentions.
    /// A statement's fields that are not the record's but made from the corpus (`pushOtherField`).
    static let derivedStatementFields = ["context", "entity"]

    static let documentMetatableSlot = 11, documentSourceCache = 12, topicCache = 13, mentionCache = 14
    /// The caches of the document fields read in C (`viewedDocumentFields`), past any extra field's.
    static let documentFieldCache = 10_000

    /// [-0, +1, m] The value of an interned column, from a Lua table of the strings pushed so far.
    func pushCached(_ column: InternedColumn, row: Int, cache: Int) {
        let code = column.codes[row]
        pushCached(cache: cache, code: code) { lua.push(column.values[Int(code)]) }
    }

    /// [-0, +1, m] The value of code `code` (nil when negative) from cache `cache`, which `make`
    /// pushes when it is not cached yet. The row views read the same caches from C.
    func pushCached(cache: Int, code: Int32, _ make: () -> Void) {
        guard code >= 0 else { lua.pushNil(); return }
        lua.ensureStack(3)
        internedStrings.push(onto: lua)                      // [caches]
        if lua.rawGetIndex(cache + 1, in: -1) != .table {    // [caches, cache]
            lua.pop()
            lua.newTable()
            lua.pushValue(at: -1)
            lua.rawSetIndex(cache + 1, in: -3)               // [caches, cache]
        }
        if lua.rawGetIndex(Int(code) + 1, in: -1) == .nil_ { // [caches, cache, value]
            lua.pop()
            make()
            lua.pushValue(at: -1)
            lua.rawSetIndex(Int(code) + 1, in: -3)
        }
        lua.remove(at: -2)
        lua.remove(at: -2)                                   // [value]
    }

    /// [-0, +1, m] A list field as a Lua sequence of strings.
    /// (Its items cached as `pushCached` does, for the row view to read.)
    private func pushList(_ column: ListColumn, row: Int, cache: Int) {
        let codes = column.codes(row: row)
        lua.newTable(array: codes.count)
        for (i, code) in codes.enumerated() {
            pushCached(cache: cache, code: code) { lua.push(column.values[Int(code)]) }
            lua.rawSetIndex(i + 1, in: -2)
        }
    }

    private func pushFigures(_ figures: ArraySlice<Figure>) {
        lua.newTable(array: figures.count)
        for (i, figure) in figures.enumerated() {
            lua.newTable(record: 5)
            if figure.value == figure.value.rounded(), abs(figure.value) < 9e15 { lua.push(Int(figure.value)) } else { lua.push(figure.value) }
            lua.rawSetField("value", in: -2)
            for (name, value) in [("unit", figure.unit), ("what", figure.what), ("stance", figure.stance), ("by", figure.by)] {
                if let value { lua.push(value); lua.rawSetField(name, in: -2) }
            }
            for member in figure.extra {
                lua.push(json: member.value.value)
                lua.rawSetField(member.key, in: -2)
            }
            lua.rawSetIndex(i + 1, in: -2)
        }
    }
}

/// The fields every statement has, numbered for the fast lookup in `__index`.
enum StatementField: Int, CaseIterable {
    case id = 1, doc, speaker, speakerText, role, affiliation, kind, text, cue, date, dateText
    case channel, place, topics, mentions, figures, span, confidence, status, relations

    var name: String { Statements.fieldNames[rawValue - 1] }
}
