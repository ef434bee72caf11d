import Foundation
import LineEditing

/// Facts about where the REPL talks: is it a terminal, how big, may it use colour.
struct Terminal {
    let interactive: Bool
    let colour: Bool

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        interactive = isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0
        let noColour = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        colour = isatty(STDOUT_FILENO) != 0 && !noColour && environment["TERM"] != "dumb"
    }

    var size: (columns: Int, rows: Int) {
        var columns: Int32 = 80, rows: Int32 = 24
        parley_terminal_size(STDOUT_FILENO, &columns, &rows)
        return (Int(columns), Int(rows))
    }

    func paint(_ text: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    func error(_ text: String) -> String { paint(text, "31") }
    func note(_ text: String) -> String { paint(text, "2") }
    func heading(_ text: String) -> String { paint(text, "1") }
}
