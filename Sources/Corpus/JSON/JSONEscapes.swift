/// Decoding the escapes of a JSON string, shared by the full parser (which reports the problem)
/// and the quick reader (which hands the line to the full parser when there is one).
extension JSONParser {
    /// Decodes a string from `position` (inside it, at or before its first backslash) to its closing
    /// quote, appending the decoded bytes to `buffer`. Returns the offset just past the closing quote,
    /// or the problem and where it is. The bytes are not checked to be UTF-8 here.
    static func decodeEscapedString(_ bytes: UnsafeBufferPointer<UInt8>, from position: Int, end: Int,
                                    into buffer: inout [UInt8]) -> Result<Int, Failure> {
        var position = position
        func fail(_ message: String, at offset: Int? = nil) -> Result<Int, Failure> {
            .failure(Failure(offset: offset ?? position, message: message))
        }
        func hex4() -> UInt32? {
            guard end - position >= 4 else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[position]
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
                default: return nil
                }
                value = value << 4 | digit
                position += 1
            }
            return value
        }
        while position < end {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                return .success(position + 1)
            case UInt8(ascii: "\\"):
                position += 1
                guard position < end else { break }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""): buffer.append(0x22)
                case UInt8(ascii: "\\"): buffer.append(0x5C)
                case UInt8(ascii: "/"): buffer.append(0x2F)
                case UInt8(ascii: "b"): buffer.append(0x08)
                case UInt8(ascii: "f"): buffer.append(0x0C)
                case UInt8(ascii: "n"): buffer.append(0x0A)
                case UInt8(ascii: "r"): buffer.append(0x0D)
                case UInt8(ascii: "t"): buffer.append(0x09)
                case UInt8(ascii: "u"):
                    let escapeStart = position - 2
                    guard var scalar = hex4() else { return fail("a \\u escape needs four hexadecimal digits") }
                    let lone = "a lone UTF-16 surrogate (\\u\(String(scalar, radix: 16))) is not a character"
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard end - position >= 6, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                            return fail(lone, at: escapeStart)
                        }
                        position += 2
                        guard let low = hex4() else { return fail("a \\u escape needs four hexadecimal digits") }
                        guard (0xDC00..<0xE000).contains(low) else { return fail(lone, at: escapeStart) }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00..<0xE000).contains(scalar) {
                        return fail(lone, at: escapeStart)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { return fail("invalid \\u escape", at: escapeStart) }
                    buffer.append(contentsOf: UTF8.encode(unicode)!)
                default: return fail("unknown escape '\\\(Character(Unicode.Scalar(escape)))' in a string", at: position - 2)
                }
            default:
                if byte < 0x20 { return fail("a control character (0x\(String(byte, radix: 16))) inside a string must be escaped") }
                buffer.append(byte)
                position += 1
            }
        }
        return fail("the input ends inside a string")
    }
}
