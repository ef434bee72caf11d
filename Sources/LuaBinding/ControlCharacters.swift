import Foundation

/// Control characters made visible before text from a corpus or a script reaches a terminal. An
/// escape sequence inside a quoted statement (ESC [2J clears the screen, OSC 52 writes the
/// clipboard, OSC 0 retitles the window) would otherwise act on the analyst's terminal; GNU ls hides
/// control characters in the names it prints to a terminal for the same reason. Each C0 control and
/// DEL is shown as its Unicode picture (ESC as ␛), a C1 control as �; files and pipes get the bytes
/// as they are.
public enum ControlCharacters {
    /// Whether standard output and standard error are terminals (checked once).
    public static let outputIsTerminal = isatty(STDOUT_FILENO) != 0
    public static let errorIsTerminal = isatty(STDERR_FILENO) != 0

    /// `bytes` with every control character except those in `keeping` shown as its picture.
    public static func visible(_ bytes: [UInt8], keeping: Set<UInt8> = [0x0A, 0x09, 0x0D]) -> [UInt8] {
        guard bytes.contains(where: { isControlLead($0, keeping) }) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if (byte < 0x20 && !keeping.contains(byte)) || byte == 0x7F {
                // U+2400 + code (U+2421 for DEL), in UTF-8: E2 90 80+code.
                out += [0xE2, 0x90, byte == 0x7F ? 0xA1 : 0x80 + byte]
            } else if byte == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) {
                out += [0xEF, 0xBF, 0xBD]       // a C1 control (U+0080–U+009F): U+FFFD
                i += 1
            } else {
                out.append(byte)
            }
            i += 1
        }
        return out
    }

    /// `text` with every control character except those in `keeping` shown as its picture.
    public static func visible(_ text: String, keeping: Set<UInt8> = [0x0A, 0x09, 0x0D]) -> String {
        guard text.utf8.contains(where: { isControlLead($0, keeping) }) else { return text }
        return String(decoding: visible(Array(text.utf8), keeping: keeping), as: UTF8.self)
    }

    /// `text` made visible when standard error is a terminal, as it is otherwise.
    public static func forStandardError(_ text: String) -> String { errorIsTerminal ? visible(text) : text }

    private static func isControlLead(_ byte: UInt8, _ keeping: Set<UInt8>) -> Bool {
        (byte < 0x20 && !keeping.contains(byte)) || byte == 0x7F || byte == 0xC2
    }
}
