/// An article's text as it was written, when it reached the analyst cut into lines of a fixed
/// width (an e-mail, a wire feed, a text saved from a PDF): paragraphs stand between blank lines,
/// and a line break inside one is a space, as Markdown and `fmt` read such text. Without it a
/// sentence, and the quotation in it, would be cut at each line's end.
enum HardWraps {
    /// `text` with Windows line ends made plain, and with the line breaks inside its paragraphs
    /// (and the spaces around them) made one space when it is cut into lines (see `isWrapped`);
    /// as given otherwise.
    static func unwrapped(_ text: String) -> String {
        let plain = text.contains("\r\n") ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        let lines = plain.split(separator: "\n", omittingEmptySubsequences: false)
        guard isWrapped(lines) else { return plain }
        var out = ""
        out.reserveCapacity(plain.utf8.count)
        var joining = false     // whether the line goes on the paragraph of the line before
        for (i, line) in lines.enumerated() {
            let goesOn = i + 1 < lines.count && !isBlank(line) && !isBlank(lines[i + 1])
            var kept = joining ? line.drop(while: \.isWhitespace) : line
            // The spaces a line ends with before its break are the one space put in its place.
            if goesOn { kept = kept.dropLast(kept.reversed().prefix(while: \.isWhitespace).count) }
            out += kept
            // A word cut at the line's end with a hyphen ("cross-" "border") is joined, hyphen kept.
            let cutWord = goesOn && kept.last == "-" && kept.dropLast().last?.isLetter == true
                && lines[i + 1].drop(while: \.isWhitespace).first?.isLowercase == true
            if i + 1 < lines.count { out += goesOn ? (cutWord ? "" : " ") : "\n" }
            joining = goesOn
        }
        return out
    }

    /// Whether the text is cut into lines: paragraphs stand between blank lines, and most lines
    /// that another line of text follows are of one width or near it (40 to 100 characters), none
    /// of them much longer.
    static func isWrapped(_ lines: [Substring]) -> Bool {
        guard lines.contains(where: isBlank) else { return false }
        var inner = 0, ofAWidth = 0
        for (i, line) in lines.enumerated() {
            let width = line.count
            if width > 120 { return false }
            guard i + 1 < lines.count, !isBlank(line), !isBlank(lines[i + 1]) else { continue }
            inner += 1
            if (40...100).contains(width) { ofAWidth += 1 }
        }
        return inner >= 3 && ofAWidth * 10 >= inner * 6
    }

    private static func isBlank(_ line: Substring) -> Bool { line.allSatisfy(\.isWhitespace) }
}
