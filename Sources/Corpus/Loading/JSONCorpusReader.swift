/// Reads the JSON form: one object with `parley`, `name`, `description`, `documents`, `entities`
/// and `statements`.
enum JSONCorpusReader {
    static func read(_ file: SourceFile, into builder: CorpusBuilder) throws(CorpusLoadError) {
        if let streamed = JSONCorpusStream.read(file, stop: builder.stop) {
            builder.absorb(streamed)
        } else if !builder.stop.isRequested() {
            try readWhole(file, into: builder)
        }
    }

    /// Parses the whole file into one tree first: what `JSONCorpusStream` falls back on, and how
    /// problems in the structure are reported.
    static func readWhole(_ file: SourceFile, into builder: CorpusBuilder) throws(CorpusLoadError) {
        let root: JSONNode
        let parsed = file.bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONParser.Failure) in try JSONParser.parse(buffer, range: file.bytes.contentStart..<buffer.count) }
        }
        do {
            root = try parsed.get()
        } catch {
            throw CorpusLoadError(unreadable: file.problem(at: error.offset, message: "not valid JSON: \(error.message)"))
        }
        guard case .object(let members) = root.value else {
            throw CorpusLoadError(unreadable: file.problem(at: root.offset, message: "a .json corpus must be one object with \"documents\" and \"statements\", not \(root.value.typeDescription)"))
        }
        var fatal: CorpusProblem?
        func problem(_ offset: Int, _ message: String) -> CorpusProblem { file.problem(at: offset, message: message) }
        var lists: [String: [JSONNode]] = [:]
        for member in members {
            switch member.key {
            case "parley":
                if member.value.value != .integer(1) {
                    fatal = problem(member.value.offset, "this is corpus format version \(member.value.value.doubleValue.map { String($0) } ?? "?"); this Parley reads version 1")
                }
            case "documents", "entities", "statements":
                guard case .array(let items) = member.value.value else {
                    fatal = problem(member.value.offset, "\"\(member.key)\" must be a list, not \(member.value.value.typeDescription)")
                    continue
                }
                lists[member.key] = items
            default: break
            }
        }
        if let fatal { throw CorpusLoadError(unreadable: fatal) }
        builder.addHeader(root, file: file)
        for node in lists["documents"] ?? [] { builder.addDocument(node, file: file) }
        for node in lists["entities"] ?? [] { builder.addEntity(node, file: file) }
        for node in lists["statements"] ?? [] { builder.addStatement(node, file: file) }
    }
}
