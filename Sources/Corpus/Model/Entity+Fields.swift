/// An entity's fields as queries name them after `speaker.`: `where{["speaker.country"] = "Pakistan"}`,
/// `count_by("speaker.kind")`. A speaker is stored under its canonical name, which is the entity's.
extension Entity {
    public static let fieldNames = ["name", "kind", "aliases", "roles", "affiliation", "country"]

    public func values(of name: String) -> [FieldValue] {
        func one(_ value: String?) -> [FieldValue] { value.map { [.string($0)] } ?? [] }
        switch name {
        case "name": return [.string(self.name)]
        case "kind": return one(kind)
        case "aliases": return aliases.map { .string($0) }
        // A role is a title, or an object whose title it is ({"title", "org", "from", "to"}).
        case "roles": return roles.compactMap { role in
            if case .object(let members) = role { return members.first { $0.key == "title" }.flatMap { FieldValue($0.value.value) } }
            return FieldValue(role)
        }
        case "affiliation": return one(affiliation)
        case "country": return one(country)
        default: return extra.first { $0.key == name }.map { Corpus.fieldValues($0.value.value) } ?? []
        }
    }

    /// For each name of `names`, the index of the entity of that name among `entities`, or -1.
    static func indexes(of names: [String], among entities: [Entity]) -> [Int32] {
        var byName: [String: Int32] = [:]
        for (i, entity) in entities.enumerated() where byName[entity.name] == nil { byName[entity.name] = Int32(i) }
        return names.map { byName[$0] ?? -1 }
    }
}
