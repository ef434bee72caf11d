/// How many terminal columns text takes, as wcwidth(3) counts them but without the locale: a
/// Chinese, Japanese or Korean character or an emoji takes two, a combining accent none (it joins
/// its letter's character). Tables align and fit the terminal by this, not by characters, so that
/// a speaker named 王毅 does not push the next column out of line.
extension Character {
    var terminalWidth: Int {
        let scalars = unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.isASCII { return 1 }
        if Self.isWide(first.value) || first.properties.isEmojiPresentation { return 2 }
        // A text-style emoji asked for as an emoji (U+FE0F); flags and skin tones start with an
        // emoji presentation scalar, counted above.
        if scalars.contains("\u{FE0F}") && first.properties.isEmoji { return 2 }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: return 1
        }
    }

    /// East Asian Wide and Fullwidth blocks (Unicode's EastAsianWidth.txt, W and F, by block).
    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
             0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1B000...0x1B2FF, 0x1F200...0x1F2FF,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}

extension StringProtocol {
    /// The columns this text takes on a terminal (one line of it).
    public var terminalWidth: Int {
        if utf8.allSatisfy({ $0 < 0x80 }) { return utf8.count }
        return reduce(0) { $0 + $1.terminalWidth }
    }

    /// This text in at most `width` columns: cut with "…" when wider. Reads no further than the
    /// cut, so a long text costs what its first line on the screen costs.
    public func fitted(columns width: Int) -> String {
        guard width > 0 else { return "" }
        if utf8.count <= width && utf8.allSatisfy({ $0 < 0x80 }) { return String(self) }
        var used = 0
        var cut: Index?     // where a text cut with "…" ends: what comes before it takes width - 1
        for i in indices {
            used += self[i].terminalWidth
            if cut == nil && used > width - 1 { cut = i }
            if used > width { return self[startIndex..<cut!] + "…" }
        }
        return String(self)
    }

    /// This text's words in lines of at most `width` columns (a word wider than that on a line of
    /// its own), each line after `indent`; line breaks in the text are kept.
    public func wrapped(columns width: Int, indent: String = "") -> [String] {
        let room = Swift.max(width - indent.terminalWidth, 10)
        var lines: [String] = []
        for paragraph in split(separator: "\n", omittingEmptySubsequences: false) {
            var line = "", used = 0
            for word in paragraph.split(separator: " ") {
                let w = word.terminalWidth
                if used > 0 && used + 1 + w > room {
                    lines.append(indent + line)
                    (line, used) = ("", 0)
                }
                line += (used > 0 ? " " : "") + word
                used += (used > 0 ? 1 : 0) + w
            }
            lines.append(indent + line)
        }
        return lines
    }

    /// This text padded with spaces to `width` columns (left as it is when wider).
    public func padded(columns width: Int, right: Bool = false) -> String {
        let pad = String(repeating: " ", count: Swift.max(0, width - terminalWidth))
        return right ? pad + self : self + pad
    }
}
