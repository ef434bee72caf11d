/// Lua's message for a script that reaches for a global the sandbox removed ("attempt to index a
/// nil value (global 'io')") does not say why it is nil: the sandbox adds that, and how to allow it.
/// (The functions removed from `os` and `string` are stubs that say so themselves: "field
/// 'execute'" could be any table's.)
enum SandboxHint {
    static let sandboxed = "scripts run sandboxed, without files, commands or the environment (pass --trust to allow them)"

    /// Why each removed global is missing.
    static let globals: [String: String] = [
        "io": sandboxed, "package": sandboxed, "require": sandboxed, "debug": sandboxed,
        "dofile": "Parley scripts load code only with load(text)",
        "loadfile": "Parley scripts load code only with load(text)",
    ]

    /// `message` with the reason added to its first line when that line is Lua's complaint about
    /// one of the removed globals; unchanged otherwise.
    static func added(to message: String) -> String {
        let lineEnd = message.firstIndex(of: "\n") ?? message.endIndex
        let first = message[..<lineEnd]
        guard first.contains("attempt to"), let open = first.range(of: " (global '", options: .backwards), first.hasSuffix("')") else {
            return message
        }
        let name = String(first[open.upperBound...].dropLast(2))
        guard let reason = globals[name] else { return message }
        return first + " — \(name) is not available: \(reason)" + message[lineEnd...]
    }
}
