import Foundation
import LineEditing

/// Corpus files are read through a memory mapping, and a snapshot is used where it lies for the
/// whole session. If another program shortens such a file meanwhile (`cp other.parley corpus.parley`
/// writes over it in place; Parley itself replaces files whole), reading the lost pages raises
/// SIGBUS, which would end the process with "Bus error". This says what happened instead, and exits
/// with the status of a corpus error. (Nothing can be recovered: the columns were in those pages.)
enum MappedFileGuard {
    static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            // Only async-signal-safe calls: a constant message, write, tcsetattr and _exit. The
            // terminal gets back the settings it had (echo, its line editing) if a line was running.
            parley_edit_restore_terminal()
            let message: StaticString = "parley: a corpus or snapshot file in use was shortened or replaced in place by another program; nothing was written. Open it again.\n"
            _ = write(2, message.utf8Start, message.utf8CodeUnitCount)
            _exit(2)
        }
        sigemptyset(&action.sa_mask)
        sigaction(SIGBUS, &action, nil)
    }
}
