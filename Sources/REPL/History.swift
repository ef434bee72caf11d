import Foundation
import LineEditing

/// The REPL's history file, under the user's state directory (XDG), kept across sessions.
struct History {
    static let keep: Int32 = 2000
    let path: String?

    /// `$XDG_STATE_HOME/parley/history`, or `~/.local/state/parley/history`; nil when disabled.
    init(enabled: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard enabled else { path = nil; return }
        let base: String
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            base = state
        } else if let home = environment["HOME"], !home.isEmpty {
            base = home + "/.local/state"
        } else {
            path = nil
            return
        }
        path = base + "/parley/history"
    }

    func load() {
        guard let path else { return }
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = parley_edit_load_history(path)
    }

    /// Adds an entry and saves at once, so that a session that is killed loses no line of it.
    func add(_ entry: String) {
        parley_edit_add_history(entry)
        save()
    }

    /// Writes the history to a temporary file and renames it over the old one.
    func save() {
        guard let path else { return }
        _ = parley_edit_save_history(path, Self.keep)
    }

    var entries: [String] {
        (0..<parley_edit_history_length()).compactMap { parley_edit_history_entry($0).map { String(cString: $0) } }
    }
}
