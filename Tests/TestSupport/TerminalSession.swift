import Foundation

/// A program running in a real terminal: a tmux pane of fixed size, driven by keys, read back as
/// the screen shows it. Each session has its own tmux server, removed by `close()`.
public final class TerminalSession {
    public let socket = "parley-test-\(UUID().uuidString.prefix(8))"
    private let tmux = "/usr/bin/tmux"

    /// Starts `arguments` (the parley executable is prepended) in a `columns`×`rows` terminal.
    /// The pane stays after the program ends and shows "[exit N]", then what the shell command
    /// `after` prints. With `errorsTo`, standard error goes to that file instead of the terminal.
    public init(_ arguments: [String], environment: [String: String] = [:], columns: Int = 100, rows: Int = 40,
                after: String = "", errorsTo: String? = nil) throws {
        let quote = { (word: String) in "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let quoted = ([Subprocess.parley] + arguments).map(quote).joined(separator: " ") + (errorsTo.map { " 2>" + quote($0) } ?? "")
        var env = ["LANG": "C.UTF-8", "NO_COLOR": "1", "TERM": "xterm-256color"]
        env.merge(environment) { $1 }
        var args = ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", String(columns), "-y", String(rows)]
        for (key, value) in env.sorted(by: { $0.key < $1.key }) { args += ["-e", "\(key)=\(value)"] }
        args.append("\(quoted); echo \"[exit $?]\"; \(after.isEmpty ? "" : after + "; ")sleep 60")
        try run(args, capture: false)
    }

    /// Types text literally (no key names).
    public func type(_ text: String) throws { try run(["-L", socket, "send-keys", "-l", text]) }

    /// Presses keys by tmux name: "Enter", "Tab", "C-c", "C-d", "Up".
    public func press(_ keys: String...) throws { try run(["-L", socket, "send-keys"] + keys) }

    /// What the terminal shows now (with escape sequences for colours if `escapes`).
    public func screen(escapes: Bool = false) throws -> String {
        try run(["-L", socket, "capture-pane", "-p"] + (escapes ? ["-e"] : []))
    }

    /// Waits until the screen contains `text`; returns the screen. Throws after `timeout` seconds.
    @discardableResult
    public func waitFor(_ text: String, timeout: Double = 15) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TimedOut(expected: text, screen: last)
    }

    /// Waits until `text` appears `count` times on the screen.
    @discardableResult
    public func waitFor(_ text: String, count: Int, timeout: Double = 15) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.components(separatedBy: text).count - 1 >= count { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TimedOut(expected: "\(count)× \(text)", screen: last)
    }

    public func close() { _ = try? run(["-L", socket, "kill-server"]) }

    deinit { close() }

    public struct TimedOut: Error, CustomStringConvertible {
        public let expected: String
        public let screen: String
        public var description: String { "timed out waiting for \(expected); the screen shows:\n\(screen)" }
    }

    /// Runs tmux through /bin/sh with posix_spawn and waitpid. (Foundation's Process does not
    /// reap the tmux client here once it has started a server, and its wait never returns.)
    @discardableResult
    private func run(_ arguments: [String], capture: Bool = true) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)").path
        defer { unlink(output) }
        let command = ([tmux] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
            + " >'\(output)' 2>/dev/null </dev/null"
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sh"), strdup("-c"), strdup(command), nil]
        defer { argv.forEach { free($0) } }
        let status = posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ)
        guard status == 0 else { throw SpawnFailed(code: status) }
        var exit: Int32 = 0
        while waitpid(pid, &exit, 0) == -1 && errno == EINTR {}
        return capture ? ((try? String(contentsOfFile: output, encoding: .utf8)) ?? "") : ""
    }

    struct SpawnFailed: Error { let code: Int32 }
}
