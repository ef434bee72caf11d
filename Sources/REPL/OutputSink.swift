import Foundation
import LuaBinding

/// Where results go: the terminal, or a file set with `.output FILE`, written to a temporary file
/// and renamed into place when the user switches back (or leaves), so that a reader never sees a
/// half-written file.
final class OutputSink {
    private(set) var path: String?
    private var temporary: String?
    private var handle: FileHandle?

    var toTerminal: Bool { handle == nil }

    func write(_ text: String) {
        if let handle {
            handle.write(Data((text + "\n").utf8))
        } else {
            StandardStreams.write(text + "\n")
        }
    }

    /// Starts sending results to `path` (finishing any previous file first).
    func redirect(to path: String) throws {
        try finish()
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/." + (path as NSString).lastPathComponent + ".parley-\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary) else {
            throw OutputError(message: "cannot write to \(path): check that the folder exists and is writable")
        }
        self.path = path
        self.temporary = temporary
        self.handle = handle
    }

    /// Completes the current file (rename into place) and goes back to the terminal.
    func finish() throws {
        guard let handle, let temporary, let path else { return }
        self.handle = nil
        self.temporary = nil
        self.path = nil
        try handle.synchronize()
        try handle.close()
        if rename(temporary, path) != 0 {
            unlink(temporary)
            throw OutputError(message: "cannot replace \(path): \(String(cString: strerror(errno)))")
        }
    }

    struct OutputError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
