/// Whom later sentences of an article may mean by a pronoun, a surname, a title or a body's noun.
extension Attribution {
    /// The people and bodies an article has named as speakers, the last first, with the title
    /// each was given: "he" and "the defence minister" refer back to them.
    struct Named: Sequence {
        private var names: [String] = []
        private var roles: [String: String] = [:]

        var first: String? { names.first }
        func makeIterator() -> IndexingIterator<[String]> { names.makeIterator() }

        mutating func add(_ name: String, role: String?) {
            names.removeAll { $0 == name }
            names.insert(name, at: 0)
            if let role { roles[name] = role.lowercased() }
            // The people of an article, not of a million lines.
            if names.count > 50, let dropped = names.popLast() { roles[dropped] = nil }
        }

        /// The person last named with this title ("the defence minister": Defence Minister
        /// Khawaja Asif; "the minister": any minister); for a title of one word given no one, the
        /// person last named by name.
        func person(titled title: String) -> String? {
            let title = title.lowercased()
            func hasTitle(_ words: String) -> Bool { words == title || words.hasSuffix(" " + title) }
            let people = names.lazy.filter(Attribution.isOnePerson)
            // By the title given with the name, or the one a person not named is described by
            // ("the Taliban-run government’s spokesman").
            if let titled = people.first(where: { roles[$0].map(hasTitle) ?? (Attribution.isDescribed($0) && hasTitle($0.lowercased())) }) { return titled }
            return title.contains(" ") ? nil : people.first { !Attribution.isDescribed($0) }
        }
    }
}
