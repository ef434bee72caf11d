/// Reads the JSON Lines form: one record per line, each with a `type`.
enum JSONLinesReader {
    static func read(_ file: SourceFile, into builder: CorpusBuilder) {
        file.bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            while start < buffer.count {
                var end = start
                while end < buffer.count && buffer[end] != 0x0A { end += 1 }
                readLine(buffer, start..<end, file: file, into: builder)
                start = end + 1
            }
        }
    }

    private static func readLine(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, file: SourceFile, into builder: CorpusBuilder) {
        var lineRange = range
        if lineRange.upperBound > lineRange.lowerBound && buffer[lineRange.upperBound - 1] == 0x0D {
            lineRange = lineRange.lowerBound..<lineRange.upperBound - 1
        }
        if lineRange.allSatisfy({ buffer[$0] == 0x20 || buffer[$0] == 0x09 }) { return }
        let node: JSONNode
        do {
            node = try JSONParser.parse(buffer, range: lineRange)
        } catch {
            builder.report(file: file, offset: error.offset, message: "not valid JSON: \(error.message)")
            return
        }
        guard case .object(let members) = node.value else {
            builder.report(file: file, offset: node.offset, message: "each line must be a JSON object, not \(node.value.typeDescription)")
            return
        }
        guard let typeMember = members.first(where: { $0.key == "type" }) else {
            builder.report(file: file, offset: node.offset, message: "the record has no \"type\" (corpus, document, entity or statement)")
            return
        }
        switch typeMember.value.value {
        case .string("statement"): builder.addStatement(node, file: file)
        case .string("document"): builder.addDocument(node, file: file)
        case .string("entity"): builder.addEntity(node, file: file)
        case .string("corpus"): builder.addHeader(node, file: file)
        case .string(let other):
            builder.report(file: file, offset: typeMember.value.offset, message: "unknown record type \"\(other)\": use corpus, document, entity or statement")
        default:
            builder.report(file: file, offset: typeMember.value.offset, message: "\"type\" must be a string, not \(typeMember.value.value.typeDescription)")
        }
    }
}
