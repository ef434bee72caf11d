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
        let kept = mask(keeping)
        guard bytes.contains(where: { isControlLead($0, kept) }) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if isShown(byte, kept) {
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
        guard mayHold(text, keeping: keeping) else { return text }
        return String(decoding: visible(Array(text.utf8), keeping: keeping), as: UTF8.self)
    }

    /// Whether `text` may hold a control character other than those in `keeping` (false: it has none).
    public static func mayHold(_ text: String, keeping: Set<UInt8> = [0x0A, 0x09, 0x0D]) -> Bool {
        let kept = mask(keeping)
        return text.utf8.contains { isControlLead($0, kept) }
    }

    /// `text` made visible when standard error is a terminal, as it is otherwise.
    public static func forStandardError(_ text: String) -> String { errorIsTerminal ? visible(text) : text }

    /// `text` made visible when standard output is a terminal, as it is otherwise.
    public static func forStandardOutput(_ text: String) -> String { outputIsTerminal ? visible(text) : text }

    /// `bytes` made visible when standard output is a terminal, as they are otherwise.
    public static func forStandardOutput(bytes: [UInt8]) -> [UInt8] { outputIsTerminal ? visible(bytes) : bytes }

    /// The C0 controls of `keeping` as bits of a word: a test per byte without a set lookup.
    private static func mask(_ keeping: Set<UInt8>) -> UInt32 {
        keeping.reduce(0) { $1 < 0x20 ? $0 | 1 << UInt32($1) : $0 }
    }

    /// Whether `byte` is a C0 control (not kept) or DEL, shown as its picture.
    @inline(__always) private static func isShown(_ byte: UInt8, _ kept: UInt32) -> Bool {
        (byte < 0x20 && kept & 1 << UInt32(byte) == 0) || byte == 0x7F
    }

    /// Whether `byte` is or may start (0xC2: a C1 control in UTF-8) a control character to show.
    @inline(__always) private static func isControlLead(_ byte: UInt8, _ kept: UInt32) -> Bool {
        isShown(byte, kept) || byte == 0xC2
    }
}
