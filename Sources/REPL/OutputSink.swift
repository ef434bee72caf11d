import Corpus
import Foundation
import LuaBinding

/// Where results go: the terminal, or a file set with `.output FILE`, written to a temporary file
/// and renamed into place when the user switches back (or leaves), so that a reader never sees a
/// half-written file. A write that fails (a full disk) abandons the file and sends results back to
/// the terminal; the REPL says so after the line that failed (`takeFailure`), and goes on.
final class OutputSink {
    private(set) var path: String?
    private var temporary: String?
    private var file: Int32 = -1
    private var failure: String?

    var toTerminal: Bool { file < 0 }

    /// Writes `text` and a line end.
    func write(_ text: String) {
        var line = text + "\n"
        write(streaming: { emit in try line.withUTF8 { try emit(UnsafeRawBufferPointer($0)) } })
    }

    /// Writes what `produce` hands over, a piece at a time, then a line end if the last piece had
    /// none: a CSV of a million rows goes out as it is made instead of being held whole (9 s and
    /// 890 MB for `.output` of a million statements, 1.4 s and 340 MB so).
    func write(streaming produce: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) {
        // What the line that failed writes after the failure goes nowhere: its file is gone, and
        // the rest of a long listing would bury the message.
        guard failure == nil else { return }
        var last: UInt8 = 0x0A
        do {
            try produce { bytes in
                guard let end = bytes.last else { return }
                last = end
                if file >= 0 { try AtomicFile.writeAll(bytes, to: file) } else { StandardStreams.write(bytes: Array(bytes)) }
            }
            if last != 0x0A { write("") }
        } catch {
            failure = "cannot write to \(path ?? "the output file"): \(SystemError.reason(error)); it was not written (the rest of this line's results are dropped), and results go to the terminal again"
            abandon()
        }
    }

    /// The failure of a write since the last call, if any.
    func takeFailure() -> String? {
        defer { failure = nil }
        return failure
    }

    /// Starts sending results to `path` (finishing any previous file first).
    func redirect(to path: String) throws {
        try finish()
        do { try AtomicFile.checkFolder(of: path) } catch { throw OutputError(message: "cannot write to \(path): \(error)") }
        let temporary = AtomicFile.temporaryPath(for: path)
        let file = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard file >= 0 else {
            throw OutputError(message: "cannot write to \(path): \(String(cString: strerror(errno)))")
        }
        self.path = path
        self.temporary = temporary
        self.file = file
    }

    /// Completes the current file (rename into place) and goes back to the terminal.
    func finish() throws {
        guard file >= 0, let temporary, let path else { return }
        var failure: String?
        func fail() { if failure == nil { failure = String(cString: strerror(errno)) } }
        if fsync(file) != 0 && errno != EINVAL { fail() }   // EINVAL: a pipe or a device, which cannot be synced
        if close(file) != 0 { fail() }
        file = -1
        self.temporary = nil
        self.path = nil
        if failure == nil && rename(temporary, path) != 0 { fail() }
        if let failure {
            unlink(temporary)
            throw OutputError(message: "cannot replace \(path): \(failure)")
        }
    }

    /// Drops the file being written (the old one at its path stays as it was).
    private func abandon() {
        close(file)
        file = -1
        if let temporary { unlink(temporary) }
        temporary = nil
        path = nil
    }

    struct OutputError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
