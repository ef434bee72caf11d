import Corpus
import LuaBinding

/// Statements as Lua sees them: `s.speaker`, `s.doc`, `print(s)`.
extension ScriptSession {
    func push(statement row: Int) {
        lua.pushHandle(RowHandle(generation: generation, row: Int32(row)), metatable: Metatable.statement)
    }

    func statementRow(at index: Int32) throws -> Int? {
        guard let handle = lua.handle(at: index, metatable: Metatable.statement, as: RowHandle.self) else { return nil }
        return try check(handle, what: "statement")
    }

    func installStatementMetatable() {
        lua.registerMetatable(Metatable.statement, metamethods: [
            "__index": { [unowned self] lua in
                guard let row = try statementRow(at: 1) else { return 0 }
                guard let key = lua.string(at: 2) else {
                    throw LuaFunctionError("a statement's fields are named by strings (s.speaker), not \(lua.typeName(at: 2))")
                }
                try pushField(key, row: row)
                return 1
            },
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
        ])
    }

    /// [-0, +1, m] Pushes field `key` of statement `row`.
    private func pushField(_ key: String, row: Int) throws {
        let s = corpus.statements
        switch key {
        case "id": lua.push(s.ids[row])
        case "speaker": lua.push(optional: s.speakers[row])
        case "speaker_text": lua.push(optional: s.speakerTexts[row] ?? s.speakers[row])
        case "role": lua.push(optional: s.roles[row])
        case "affiliation": lua.push(optional: s.affiliations[row])
        case "kind": lua.push(optional: s.kinds[row])
        case "text": lua.push(s.texts[row])
        case "cue": lua.push(optional: s.cues[row])
        case "date": lua.push(optional: s.dates[row])
        case "date_text": lua.push(optional: s.dateTexts[row])
        case "channel": lua.push(optional: s.channels[row])
        case "place": lua.push(optional: s.places[row])
        case "status": lua.push(optional: s.statuses[row])
        case "topics": lua.push(strings: s.topics[row])
        case "mentions": lua.push(strings: s.mentions[row])
        case "confidence": if let c = s.confidence(row: row) { lua.push(c) } else { lua.pushNil() }
        case "figures": pushFigures(s.figures(row: row))
        case "span":
            if let span = s.span(row: row) {
                lua.newTable(array: 2)
                lua.push(span.start); lua.rawSetIndex(1, in: -2)
                lua.push(span.end); lua.rawSetIndex(2, in: -2)
            } else { lua.pushNil() }
        case "relations":
            let relations = s.relations[row] ?? []
            lua.newTable(array: relations.count)
            for (i, relation) in relations.enumerated() {
                lua.newTable(record: 2)
                lua.push(relation.type); lua.rawSetField("type", in: -2)
                lua.push(relation.statement); lua.rawSetField("statement", in: -2)
                lua.rawSetIndex(i + 1, in: -2)
            }
        case "doc":
            let index = s.documents[row]
            if index >= 0 { push(document: Int(index)) } else { lua.pushNil() }
        default:
            if let column = s.extras[key] {
                if let value = column[row] { lua.push(json: value) } else { lua.pushNil() }
                return
            }
            let suggestion = Field.suggestion(for: key, among: Statements.fieldNames + s.extras.keys)
            throw LuaFunctionError("a statement has no field '\(key)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""))
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
