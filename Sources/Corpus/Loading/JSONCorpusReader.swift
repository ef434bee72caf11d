/// Reads the JSON form: one object with `parley`, `name`, `description`, `documents`, `entities`
/// and `statements`, or a list of records.
enum JSONCorpusReader {
    static func read(_ file: SourceFile, into builder: CorpusBuilder) throws(CorpusLoadError) {
        if let streamed = JSONCorpusStream.read(file, stop: builder.stop) {
            builder.absorb(streamed)
        } else if !builder.stop.isRequested() {
            try readWhole(file, into: builder)
        }
    }

    /// Whether a `.json` file holds JSON Lines (many tools write records a line each under that
    /// name): its first line is a whole record (with a record `type`, a speaker or a text) and has
    /// none of a corpus's members. It is then read as JSON Lines, as DuckDB's `read_json` detects
    /// the layout itself.
    static func holdsJSONLines(_ file: SourceFile) -> Bool {
        file.bytes.withUnsafeBufferPointer { buffer in
            let start = file.bytes.contentStart
            // A minified corpus is one long line: it is not parsed twice to find that out.
            let limit = min(buffer.count, start + (1 << 20))
            let lineEnd = (start..<limit).first { buffer[$0] == 0x0A } ?? limit
            guard lineEnd < buffer.count || buffer.count <= limit,
                  let first = try? JSONParser.parse(buffer, range: start..<lineEnd),
                  case .object(let members) = first.value,
                  !members.isEmpty else { return false }
            // A JSON corpus with a "type" member of its own still has its version or its lists.
            let corpusMembers = members.contains { member in
                if member.key == "parley" { return true }
                guard ["documents", "entities", "statements"].contains(member.key), case .array = member.value.value else { return false }
                return true
            }
            let typed = members.contains { member in
                guard member.key == "type", case .string(let name) = member.value.value else { return false }
                return JSONLinesReader.RecordType(rawValue: name) != nil
            }
            return !corpusMembers && (typed || JSONLinesReader.looksLikeStatement(members))
        }
    }

    /// Whether a `.jsonl` file holds one JSON document instead (json.dumps with an indent, jq, or a
    /// list of records on one line, under a JSON Lines name): its first line opens a document ("{"
    /// or "[" alone), or is a list, or is a whole corpus object. It is then read as JSON; every
    /// line of it was an error, though nothing was wrong with it but its name.
    static func holdsJSONDocument(_ file: SourceFile) -> Bool {
        file.bytes.withUnsafeBufferPointer { buffer in
            let start = file.bytes.contentStart
            let limit = min(buffer.count, start + (1 << 20))
            let lineEnd = (start..<limit).first { buffer[$0] == 0x0A } ?? limit
            let line = (start..<lineEnd).filter { ![0x20, 0x09, 0x0D].contains(buffer[$0]) }
            guard let first = line.first.map({ buffer[$0] }), first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else { return false }
            // "{" or "[" alone opens a document over many lines; a JSON Lines line is never a list.
            if line.count == 1 || first == UInt8(ascii: "[") { return true }
            guard lineEnd < limit || limit == buffer.count else {
                // A first line of more than a megabyte (a corpus written without line breaks) is not
                // parsed twice: its first member names it, as a corpus's lists or version do.
                let head = String(decoding: UnsafeBufferPointer(rebasing: buffer[line[0]..<min(line[0] + 64, lineEnd)]), as: UTF8.self)
                return ["parley", "documents", "entities", "statements"].contains { head.range(of: #"^\{\s*"\#($0)"\s*:"#, options: .regularExpression) != nil }
            }
            guard let node = try? JSONParser.parse(buffer, range: start..<lineEnd) else { return false }
            switch node.value {
            case .array: return true
            case .object(let members):
                // A record of a type (a document holding a list of "statements") is a line of JSON Lines.
                let typed = members.contains { member in
                    guard member.key == "type", case .string(let name) = member.value.value else { return false }
                    return JSONLinesReader.RecordType(rawValue: name) != nil
                }
                return !typed && members.contains { member in
                    guard member.key != "parley" else { return true }
                    guard ["documents", "entities", "statements"].contains(member.key), case .array = member.value.value else { return false }
                    return true
                }
            default: return false
            }
        }
    }

    /// A list of records, as pandas' `to_json(orient="records")`, R's jsonlite and jq write a
    /// table: each is a statement, unless its `"type"` says otherwise (as in JSON Lines).
    private static func readList(_ items: [JSONNode], file: SourceFile, into builder: CorpusBuilder) {
        var columns = builder.takeColumns()
        for item in items { JSONLinesReader.take(item, as: "each item of the list", file: file, into: builder, columns: &columns) }
        columns.finishReading()
        builder.columns = columns
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
        if case .array(let items) = root.value {
            readList(items, file: file, into: builder)
            return
        }
        guard case .object(let members) = root.value else {
            throw CorpusLoadError(unreadable: file.problem(at: root.offset, message: "a .json corpus must be one object with \"documents\" and \"statements\", or a list of records, not \(root.value.typeDescription)"))
        }
        var fatal: CorpusProblem?
        func problem(_ offset: Int, _ message: String) -> CorpusProblem { file.problem(at: offset, message: message) }
        var lists: [String: [JSONNode]] = [:]
        for member in members {
            switch member.key {
            case "parley":
                if member.value.value != .integer(1) {
                    // As written: 2, "1.0", true (not 2.0).
                    let version = member.value.value.jsonText
                    fatal = problem(member.value.offset, "this is corpus format version \(shown: version.count > 40 ? String(version.prefix(40)) + "…" : version); this Parley reads version 1")
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
