/// A JSON parser (RFC 8259) over UTF-8 bytes that records the offset of every value.
///
/// Strict: no comments, no trailing commas, no NaN; strings must be valid UTF-8; nesting is limited
/// so that hostile input cannot exhaust the stack. Errors carry the byte offset where parsing stopped.
public struct JSONParser {
    public struct Failure: Error, Sendable {
        public let offset: Int
        public let message: String
    }

    public static let maximumDepth = 512
    /// What invalid UTF-8 in a string most likely is, and what to do (as the CSV reader says it).
    static let invalidUTF8 = "invalid UTF-8 in a string (a file saved as Windows-1252 or Latin-1 reads so: save it as UTF-8)"

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position: Int
    private let end: Int
    private var depth = 0

    /// Parses exactly one value filling `bytes[range]` (surrounding white space allowed).
    /// Offsets are relative to the start of `bytes`.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>? = nil) throws(Failure) -> JSONNode {
        let range = range ?? 0..<bytes.count
        var parser = JSONParser(bytes: bytes, position: range.lowerBound, end: range.upperBound)
        parser.skipWhitespace()
        let node = try parser.parseValue()
        parser.skipWhitespace()
        if parser.position < parser.end {
            throw Failure(offset: parser.position, message: "unexpected \(parser.describeByte()) after the value")
        }
        return node
    }

    /// Parses one value starting at `position` (no white space before it); returns it and the offset
    /// just after it. For readers that walk a record themselves and hand the parser the rest.
    static func parseValue(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int, end: Int) throws(Failure) -> (JSONNode, Int) {
        var parser = JSONParser(bytes: bytes, position: position, end: end)
        let node = try parser.parseValue()
        return (node, parser.position)
    }

    /// Parses a whole string (used by tests and small inputs).
    public static func parse(_ text: String) throws(Failure) -> JSONNode {
        let bytes = Array(text.utf8)
        do {
            return try bytes.withUnsafeBufferPointer { try parse($0) }
        } catch let failure as Failure {
            throw failure
        } catch {
            fatalError("unreachable")
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, position: Int, end: Int) {
        self.bytes = bytes
        self.position = position
        self.end = end
    }

    private func fail(_ message: String, at offset: Int? = nil) -> Failure {
        Failure(offset: offset ?? position, message: message)
    }

    private func describeByte() -> String {
        guard position < end else { return "end of input" }
        let byte = bytes[position]
        if byte >= 0x21 && byte < 0x7f { return "'\(Character(Unicode.Scalar(byte)))'" }
        if let scalar = scalarHere(), !scalar.properties.isWhitespace, scalar.properties.generalCategory != .control {
            return "'\(Character(scalar))'"
        }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    /// The character outside ASCII that starts at the current position, if its bytes are UTF-8.
    private func scalarHere() -> Unicode.Scalar? {
        let length = bytes[position] >= 0xF0 ? 4 : bytes[position] >= 0xE0 ? 3 : bytes[position] >= 0xC0 ? 2 : 0
        guard length > 0, end - position >= length else { return nil }
        var decoder = UTF8()
        var iterator = UnsafeBufferPointer(rebasing: bytes[position..<position + length]).makeIterator()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    private mutating func skipWhitespace() {
        while position < end {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// What the text at the current position most likely is, when it is not JSON: what Python
    /// writes for a dict printed with print() or str() (True, None, 'single quotes'), or for a
    /// number that is not one (NaN, Infinity), or a comma after a last item (JavaScript allows one).
    private func hint(after: UInt8? = nil) -> String {
        func startsWith(_ word: String) -> Bool {
            let utf8 = Array(word.utf8)
            return end - position >= utf8.count && (0..<utf8.count).allSatisfy { bytes[position + $0] == utf8[$0] }
        }
        let printedDict = "a Python dict printed with print() or str() instead of written with json.dumps?"
        if let word = ["NaN", "-Infinity", "Infinity"].first(where: startsWith) {
            return ": \(word) is not JSON (Python's json.dumps writes it for a number that is not one): write null"
        }
        if let word = ["True", "False", "None"].first(where: startsWith) {
            let json = ["True": "true", "False": "false", "None": "null"][word]!
            return ": \(word) is Python's spelling, JSON's is \(json) (\(printedDict))"
        }
        guard position < end else { return "" }
        if let scalar = scalarHere(), ["“", "”", "„", "‘", "’", "«", "»"].contains(scalar) {
            return ": JSON quotes with straight double quotes (\"…\"), not curly ones (a word processor's “smart quotes”?)"
        }
        switch bytes[position] {
        case UInt8(ascii: "'"): return ": JSON quotes with double quotes (\"…\"), not single ones (\(printedDict))"
        case UInt8(ascii: "}") where after == UInt8(ascii: ","), UInt8(ascii: "]") where after == UInt8(ascii: ","):
            return ": JSON has no comma after the last item"
        default: return ""
        }
    }

    /// After a string that is followed by more text than a ',' or a closing bracket: most likely a
    /// double quote inside the string, written as it is ("He said "no"") where JSON needs \".
    private func quoteInsideHint(after value: JSONNode) -> String {
        guard case .string(let text) = value.value else { return "" }
        let shown = text.count > 30 ? "…" + text.suffix(30) : text
        return ": a double quote inside a text is written \\\" (the text \"\(shown)\" ended at the quote before this)"
    }

    private mutating func parseValue(after: UInt8? = nil) throws(Failure) -> JSONNode {
        guard position < end else { throw fail("the input ends where a value was expected") }
        let start = position
        if bytes[position] == UInt8(ascii: "-"), position + 1 < end, bytes[position + 1] == UInt8(ascii: "I") {
            throw fail("unexpected '-Infinity' where a value was expected" + hint())
        }
        switch bytes[position] {
        case UInt8(ascii: "{"): return JSONNode(try parseObject(), offset: start)
        case UInt8(ascii: "["): return JSONNode(try parseArray(), offset: start)
        case UInt8(ascii: "\""): return JSONNode(.string(try parseString()), offset: start)
        case UInt8(ascii: "t"): try expectWord("true"); return JSONNode(.bool(true), offset: start)
        case UInt8(ascii: "f"): try expectWord("false"); return JSONNode(.bool(false), offset: start)
        case UInt8(ascii: "n"): try expectWord("null"); return JSONNode(.null, offset: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return JSONNode(try parseNumber(), offset: start)
        default: throw fail("unexpected \(describeByte()) where a value was expected" + hint(after: after))
        }
    }

    private mutating func expectWord(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        let start = position
        guard end - position >= count else { throw fail("unexpected \(describeByte()) where a value was expected") }
        for i in 0..<count where bytes[position + i] != word.utf8Start[i] {
            throw fail("unexpected \(describeByte()) where a value was expected" + hint(), at: start)
        }
        position += count
    }

    private mutating func enter() throws(Failure) {
        depth += 1
        if depth > Self.maximumDepth { throw fail("nesting deeper than \(Self.maximumDepth) levels") }
    }

    private mutating func parseObject() throws(Failure) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        position += 1
        var members: [JSONMember] = []
        skipWhitespace()
        if position < end && bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard position < end, bytes[position] == UInt8(ascii: "\"") else {
                let unquoted = position < end && (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[position] | 0x20)
                throw fail("expected a quoted field name, found \(describeByte())"
                           + (unquoted ? ": JSON puts field names in double quotes (\"type\": …)" : hint(after: members.isEmpty ? nil : UInt8(ascii: ","))))
            }
            let keyOffset = position
            let key = try parseString()
            skipWhitespace()
            guard position < end, bytes[position] == UInt8(ascii: ":") else {
                throw fail("expected ':' after the field name \"\(key)\", found \(describeByte())")
            }
            position += 1
            skipWhitespace()
            let value = try parseValue()
            members.append(JSONMember(key: key, keyOffset: keyOffset, value: value))
            skipWhitespace()
            guard position < end else { throw fail("the input ends inside an object (missing '}')") }
            switch bytes[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"): position += 1; return .object(members)
            default: throw fail("expected ',' or '}' in an object, found \(describeByte())" + quoteInsideHint(after: value))
            }
        }
    }

    private mutating func parseArray() throws(Failure) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        position += 1
        var items: [JSONNode] = []
        skipWhitespace()
        if position < end && bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try parseValue(after: items.isEmpty ? nil : UInt8(ascii: ",")))
            skipWhitespace()
            guard position < end else { throw fail("the input ends inside a list (missing ']')") }
            switch bytes[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"): position += 1; return .array(items)
            default: throw fail("expected ',' or ']' in a list, found \(describeByte())" + quoteInsideHint(after: items[items.count - 1]))
            }
        }
    }

    private mutating func parseString() throws(Failure) -> String {
        let open = position
        position += 1
        let start = position
        // Fast path: no escapes; ASCII text needs no UTF-8 validation.
        var high: UInt8 = 0
        while position < end {
            let byte = bytes[position]
            high |= byte
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<position])
                if high < 0x80 {
                    position += 1
                    return String(decoding: slice, as: UTF8.self)
                }
                guard let text = String(validating: slice, as: UTF8.self) else {
                    throw fail(Self.invalidUTF8, at: firstInvalidUTF8(start..<position))
                }
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw fail("a control character (0x\(String(byte, radix: 16))) inside a string must be escaped") }
            position += 1
        }
        guard position < end else {
            // “Smart quotes” from a word processor: a closing ” is not a quote to JSON.
            let curly = (start..<max(start, end - 2)).contains { bytes[$0] == 0xE2 && bytes[$0 + 1] == 0x80 && bytes[$0 + 2] == 0x9D }
            throw fail("the input ends inside a string that starts here"
                       + (curly ? ": its closing quote may be a curly one (”), which JSON does not take for one" : ""), at: open)
        }
        return try parseEscapedString(from: start)
    }

    private mutating func parseEscapedString(from start: Int) throws(Failure) -> String {
        var buffer = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        switch Self.decodeEscapedString(bytes, from: position, end: end, into: &buffer) {
        case .failure(let failure): throw failure
        case .success(let after): position = after
        }
        guard let text = String(validating: buffer, as: UTF8.self) else {
            throw fail(Self.invalidUTF8, at: firstInvalidUTF8(start..<position))
        }
        return text
    }

    /// The offset of the first byte in `range` that does not decode as UTF-8.
    private func firstInvalidUTF8(_ range: Range<Int>) -> Int {
        var iterator = UnsafeBufferPointer(rebasing: bytes[range]).makeIterator()
        var decoder = UTF8()
        var offset = range.lowerBound
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            offset += UTF8.width(scalar)
        }
        return offset
    }

    private mutating func parseNumber() throws(Failure) -> JSONValue {
        let start = position
        var isInteger = true
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < end, isDigit(bytes[position]) else { throw fail("a number needs a digit after '-'", at: start) }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < end && isDigit(bytes[position]) { throw fail("a number cannot start with 0 (leading zeros)", at: start) }
        } else {
            while position < end && isDigit(bytes[position]) { position += 1 }
        }
        if position < end && bytes[position] == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard position < end, isDigit(bytes[position]) else { throw fail("a number needs digits after '.'", at: start) }
            while position < end && isDigit(bytes[position]) { position += 1 }
        }
        if position < end && (bytes[position] | 0x20) == UInt8(ascii: "e") {
            isInteger = false
            position += 1
            if position < end && (bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")) { position += 1 }
            guard position < end, isDigit(bytes[position]) else { throw fail("a number needs digits in its exponent", at: start) }
            while position < end && isDigit(bytes[position]) { position += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        if isInteger, let value = Int64(text) { return .integer(value) }
        guard let value = Double(text), value.isFinite else {
            throw fail("the number \(text.prefix(40)) is too large", at: start)
        }
        return .number(value)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
