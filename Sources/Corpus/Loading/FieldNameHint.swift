/// A record or a table that lacks a field every statement needs often has it under another name:
/// a spreadsheet's "Who" or "Quote", a tool's "quotation", or the right name in other case. The
/// message that says it is missing names the likely one.
enum FieldNameHint {
    /// Names a statement's speaker or words are often given under.
    static let likelyNames = ["speaker": ["who", "person", "name", "speaker_name", "source_name", "said_by", "attributed_to"],
                              "text": ["quote", "quotation", "statement", "content", "words", "claim", "body"]]

    /// The name among `names` that most likely holds `field`, if any: the field in other case or
    /// spacing first ("Text", "Speaker "), then a likely name.
    static func likely(_ field: String, among names: [String]) -> String? {
        names.first { folded($0) == field } ?? names.first { likelyNames[field]?.contains(folded($0)) == true }
    }

    /// The first field every statement needs that a table's columns (`names`) lack, with the
    /// column that likely holds it: a CSV header and a SQLite table are refused once for it.
    static func missingStatementColumn(among names: [String]) -> (field: String, likely: String?)? {
        guard let field = ["speaker", "text"].first(where: { !names.contains($0) }) else { return nil }
        return (field, likely(field, among: names))
    }

    /// A name as the format would write it: "Date Text " → "date_text" (the CSV header and the
    /// warning of a field in other case fold names so too).
    static func folded(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "_")
    }

    /// " (it has "quote": if that holds it, name it "text")", or "" when no name is likely.
    static func clause(forMissing field: String, among names: [String]) -> String {
        guard let name = likely(field, among: names) else { return "" }
        return " (it has \"\(shown: name)\": if that holds it, name it \"\(field)\")"
    }
}
