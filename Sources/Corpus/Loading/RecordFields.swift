/// Reads the fields of one JSON record, checking each field's type and reporting every problem at
/// the field's own position.
struct RecordFields {
    /// Records have a dozen fields: a linear search beats hashing every key.
    let members: [JSONMember]
    let recordOffset: Int
    let report: (_ offset: Int, _ message: String) -> Void

    /// Reads an object record; a record that is not an object, or repeats a key, is reported.
    init?(_ node: JSONNode, what: String, report: @escaping (Int, String) -> Void) {
        guard case .object(let list) = node.value else {
            report(node.offset, "\(what) must be an object, not \(node.value.typeDescription)")
            return nil
        }
        var keys = Set<String>(minimumCapacity: list.count)   // a set: a hostile record may have a million keys
        for member in list where !keys.insert(member.key).inserted {
            report(member.keyOffset, "the field \"\(shown: member.key)\" appears twice")
        }
        self.members = list
        self.recordOffset = node.offset
        self.report = report
    }

    /// The most bytes a string value may hold: the columns keep lengths in 32 bits (a hostile file
    /// may hold a text of several GiB; it is reported, not taken).
    static let longestValue = Int(Int32.max)

    /// A problem for a string value too long to keep, or nil.
    static func tooLong(_ key: String, _ value: String) -> String? {
        guard value.utf8.count > longestValue else { return nil }
        return "\"\(key)\" holds \(value.utf8.count >> 20) MiB of text, more than the 2 GiB a field may hold"
    }

    /// A present, non-null field.
    func node(_ key: String) -> JSONNode? {
        guard let member = members.last(where: { $0.key == key }), member.value.value != .null else { return nil }
        return member.value
    }

    func string(_ key: String, required: Bool = false) -> String? {
        guard let node = node(key) else {
            if required { report(recordOffset, "the required field \"\(key)\" is missing" + FieldNameHint.clause(forMissing: key, among: members.map(\.key))) }
            return nil
        }
        guard case .string(let s) = node.value else {
            // A year or an id written as a number is the commonest case: show it quoted.
            let hint = if case .integer(let n) = node.value { " (write it in quotes: \"\(n)\")" } else { "" }
            report(node.offset, "\"\(key)\" must be a string, not \(node.value.typeDescription)" + hint)
            return nil
        }
        if required && s.isEmpty { report(node.offset, "\"\(key)\" must not be empty") }
        if let problem = Self.tooLong(key, s) {
            report(node.offset, problem)
            return nil
        }
        return s
    }

    func number(_ key: String) -> Double? {
        guard let node = node(key) else { return nil }
        guard let value = node.value.doubleValue else {
            report(node.offset, "\"\(key)\" must be a number, not \(node.value.typeDescription)")
            return nil
        }
        return value
    }

    func list(_ key: String) -> [JSONNode] {
        guard let node = node(key) else { return [] }
        guard case .array(let items) = node.value else {
            report(node.offset, "\"\(key)\" must be a list, not \(node.value.typeDescription)")
            return []
        }
        return items
    }

    func strings(_ key: String) -> [String] {
        list(key).compactMap { item in
            guard case .string(let s) = item.value else {
                report(item.offset, "each item of \"\(key)\" must be a string, not \(item.value.typeDescription)")
                return nil
            }
            if let problem = Self.tooLong(key, s) {
                report(item.offset, problem)
                return nil
            }
            return s
        }
    }

    func date(_ key: String) -> CorpusDate? {
        guard let text = string(key) else { return nil }
        guard let date = CorpusDate(text) else {
            if CorpusDate(text + "Z") != nil {
                report(node(key)!.offset, "\"\(key)\" is \"\(shown: text)\", a date-time without its time zone: add it (\(shown: text)Z for UTC, or an offset such as +05:00), or give the date alone (\(text.prefix(10)))")
            } else if let reading = DateReading.suggestion(for: text) {
                report(node(key)!.offset, "\"\(key)\" is \"\(shown: text)\", which is not an ISO 8601 date: \(reading)")
            } else {
                report(node(key)!.offset, "\"\(key)\" is \"\(shown: text)\", which is not an ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD, or a date-time with its offset such as 2025-11-07T14:30:00+05:00)")
            }
            return nil
        }
        return date
    }

    /// The fields not in `known`, in the order they were written.
    func extras(excluding known: Set<String>) -> [JSONMember] {
        members.filter { !known.contains($0.key) }
    }
}
