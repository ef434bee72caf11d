/// Quotebank (Vaucher et al., 2021), the corpus of quotations analysts most often start from,
/// writes a quotation a line: `{"quoteID", "quotation", "speaker", "qids", "date": "2020-01-28
/// 08:04:05", "numOccurrences", "probas", "urls", "phase"}`. Such a record is read as the statement
/// it stands for: `quoteID` is its id, `quotation` its text, the speaker "None" (Quotebank's word
/// for none found) is "unknown", and the date keeps its day (Quotebank's times carry no zone). The
/// other fields stay, as extra fields, under their own names.
enum QuotebankRecord {
    /// Whether `members` are a Quotebank record (and not a statement of the format).
    static func matches(_ members: [JSONMember]) -> Bool {
        members.contains { $0.key == "quotation" } && members.contains { $0.key == "quoteID" }
            && !members.contains { $0.key == "text" || $0.key == "type" }
    }

    /// The statement record `node` stands for, each value at its place in the file.
    static func statement(_ node: JSONNode) -> JSONNode {
        guard case .object(let members) = node.value else { return node }
        let adapted = members.map { member -> JSONMember in
            var member = member
            switch member.key {
            case "quoteID": member.key = "id"
            case "quotation": member.key = "text"
            case "speaker" where member.value.value == .string("None"):
                member.value = JSONNode(.string("unknown"), offset: member.value.offset)
            case "date":
                if case .string(let text) = member.value.value, text.count == 19, text.dropFirst(10).first == " " {
                    member.value = JSONNode(.string(String(text.prefix(10))), offset: member.value.offset)
                }
            default: break
            }
            return member
        }
        return JSONNode(.object(adapted), offset: node.offset)
    }
}
