/// One statement as read from a file, checked field by field, before it joins the columns.
struct StatementRecord {
    static let knownFields: Set<String> = Set(Statements.fieldNames).subtracting(["speaker_text"]).union(["type"])

    var id: String?
    var doc: String?
    var speaker = ""
    var role, affiliation, kind, cue, dateText, channel, place, status: String?
    var text = ""
    var date: CorpusDate?
    var topics: [String] = []
    var mentions: [String] = []
    var figures: [Figure] = []
    var span: (start: Int, end: Int)?
    var confidence: Double?
    var relations: [Relation] = []
    var extras: [JSONMember] = []

    init() {}

    init(_ fields: RecordFields) {
        id = fields.string("id")
        doc = fields.string("doc")
        speaker = fields.string("speaker", required: true) ?? ""
        text = fields.string("text", required: true) ?? ""
        role = fields.string("role")
        affiliation = fields.string("affiliation")
        kind = fields.string("kind")
        cue = fields.string("cue")
        date = fields.date("date")
        dateText = fields.string("date_text")
        channel = fields.string("channel")
        place = fields.string("place")
        status = fields.string("status")
        topics = fields.strings("topics")
        mentions = fields.strings("mentions")
        figures = fields.list("figures").compactMap { Self.figure($0, report: fields.report) }
        relations = fields.list("relations").compactMap { Self.relation($0, report: fields.report) }
        span = Self.span(fields)
        if let value = fields.number("confidence") {
            if (0...1).contains(value) { confidence = value } else {
                fields.report(fields.node("confidence")!.offset, "\"confidence\" must be between 0 and 1, not \(value)")
            }
        }
        extras = fields.extras(excluding: Self.knownFields)
    }

    private static func span(_ fields: RecordFields) -> (Int, Int)? {
        guard let node = fields.node("span") else { return nil }
        guard case .array(let items) = node.value, items.count == 2,
              case .integer(let start) = items[0].value, case .integer(let end) = items[1].value else {
            fields.report(node.offset, "\"span\" must be a list of two whole numbers [start, end]")
            return nil
        }
        guard start >= 0, end >= start, end <= Int64(Int32.max) else {
            fields.report(node.offset, "\"span\" [\(start), \(end)] must have 0 ≤ start ≤ end")
            return nil
        }
        return (Int(start), Int(end))
    }

    static func figure(_ node: JSONNode, report: @escaping (Int, String) -> Void) -> Figure? {
        guard let fields = RecordFields(node, what: "a figure", report: report) else { return nil }
        guard let valueNode = fields.node("value") else {
            report(node.offset, "a figure needs a \"value\" (a number)")
            return nil
        }
        guard let value = valueNode.value.doubleValue else {
            report(valueNode.offset, "a figure's \"value\" must be a number, not \(valueNode.value.typeDescription)")
            return nil
        }
        var figure = Figure(value: value, unit: fields.string("unit"), what: fields.string("what"),
                            stance: fields.string("stance"), by: fields.string("by"))
        if let stance = figure.stance, !Figure.stances.contains(stance) {
            report(fields.node("stance")!.offset,
                   "a figure's \"stance\" is \"\(shown: stance)\"; it must be one of \(Figure.stances.sorted().joined(separator: ", "))")
            figure.stance = nil
            return nil
        }
        figure.extra = fields.extras(excluding: ["value", "unit", "what", "stance", "by"])
        return figure
    }

    static func relation(_ node: JSONNode, report: @escaping (Int, String) -> Void) -> Relation? {
        guard let fields = RecordFields(node, what: "a relation", report: report) else { return nil }
        guard let type = fields.string("type", required: true), let target = fields.string("statement", required: true) else { return nil }
        guard Relation.types.contains(type) else {
            report(fields.node("type")!.offset,
                   "a relation's \"type\" is \"\(shown: type)\"; it must be one of \(Relation.types.sorted().joined(separator: ", "))")
            return nil
        }
        return Relation(type: type, statement: target)
    }
}
