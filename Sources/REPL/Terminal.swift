import Foundation
import LineEditing

/// Facts about where the REPL talks: is it a terminal, how big, may it use colour.
struct Terminal {
    let interactive: Bool
    /// Colour on standard output, and on standard error: each is asked of its own stream, as git
    /// and ls do (`parley 2>errors.log` wrote the colour codes into the file).
    let colour: Bool
    let errorColour: Bool

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        interactive = isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0
        let noColour = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let allowed = !noColour && environment["TERM"] != "dumb"
        colour = isatty(STDOUT_FILENO) != 0 && allowed
        errorColour = isatty(STDERR_FILENO) != 0 && allowed
    }

    var size: (columns: Int, rows: Int) {
        var columns: Int32 = 80, rows: Int32 = 24
        parley_terminal_size(STDOUT_FILENO, &columns, &rows)
        return (Int(columns), Int(rows))
    }

    func paint(_ text: String, _ code: String, when colour: Bool) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    /// An error, and a note, for standard error.
    func error(_ text: String) -> String { paint(text, "31", when: errorColour) }
    func errorNote(_ text: String) -> String { paint(text, "2", when: errorColour) }
    /// A note for standard output.
    func note(_ text: String) -> String { paint(text, "2", when: colour) }
}
