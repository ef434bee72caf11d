import Corpus
import Foundation

/// The text of a Lua script or recipe file, as lua.c reads a file (`luaL_loadfilex`): a UTF-8 byte
/// order mark, which Windows editors such as Notepad write, is skipped, and so is a first line
/// starting with '#' (a shebang: `#!/usr/bin/env parley`), keeping the line numbers.
public enum ScriptFile {
    /// Why a script could not be read, with the path it was read from (`-`: standard input).
    public struct Failure: Error, CustomStringConvertible {
        public enum Reason: Equatable, Sendable {
            case missing, folder, unreadable
            /// Not UTF-8 text: the first byte that is not, by line and column (from 1).
            case notUTF8(line: Int, column: Int)
        }

        public let path: String
        public let reason: Reason

        private var shownPath: String { path == "-" ? "on standard input" : path }

        /// The message, placed as a syntax error is when the text is not UTF-8.
        public var description: String {
            switch reason {
            case .missing: "cannot read the script \(shownPath): no such file"
            case .folder: "cannot read the script \(shownPath): it is a folder, not a file"
            case .unreadable: "cannot read the script \(shownPath): it cannot be read (\(path == "-" ? "is it closed?" : "check its permissions"))"
            case .notUTF8(let line, let column):
                "\(path == "-" ? "stdin" : path):\(line):\(column): the script is not UTF-8 text (an editor that saves Windows-1252 or Latin-1 writes it so): save it as UTF-8"
            }
        }
    }

    /// The script in the file at `path`. A pipe is read to its end, as lua.c reads one:
    /// `parley run <(make-script)`.
    public static func read(_ path: String) throws(Failure) -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw Failure(path: path, reason: .missing) }
        if isFolder.boolValue { throw Failure(path: path, reason: .folder) }
        let file = open(path, O_RDONLY | O_CLOEXEC)
        guard file >= 0 else { throw Failure(path: path, reason: .unreadable) }
        defer { close(file) }
        return try source(try readToEnd(file, path: path), path: path)
    }

    /// The script on standard input (`parley run -`): one that is closed (`<&-`) or a folder is
    /// said as such.
    public static func readStandardInput() throws(Failure) -> String {
        try source(try readToEnd(0, path: "-"), path: "-")
    }

    /// All of `file`, read with read(2) (FileHandle stops the process when a read fails).
    private static func readToEnd(_ file: Int32, path: String) throws(Failure) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { Foundation.read(file, $0.baseAddress, $0.count) }
            if n == 0 { return data }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, reason: errno == EISDIR ? .folder : .unreadable)
            }
            data.append(contentsOf: buffer[0..<n])
        }
    }

    /// The script in `data` (read from `path`), its byte order mark and shebang line left out.
    /// Bytes that are not UTF-8 are refused, not replaced: `where{speaker = "José"}` written in
    /// Latin-1 would otherwise look for "Jos�" and find nothing, without a word.
    public static func source(_ data: Data, path: String) throws(Failure) -> String {
        guard var text = String(validating: data, as: UTF8.self) else {
            let bytes = [UInt8](data)
            let valid = validPrefixLength(bytes)
            let before = bytes[..<valid]
            let line = before.count(where: { $0 == 0x0A }) + 1
            let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let column = String(decoding: bytes[lineStart..<valid], as: UTF8.self).count + 1
            throw Failure(path: path, reason: .notUTF8(line: line, column: column))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return withoutShebang(text)
    }

    /// How many bytes from the start are valid UTF-8.
    private static func validPrefixLength(_ bytes: [UInt8]) -> Int {
        var iterator = bytes.makeIterator(), parser = Unicode.UTF8.ForwardParser(), length = 0
        while case .valid(let scalar) = parser.parseScalar(from: &iterator) { length += scalar.count }
        return length
    }

    /// A first line starting with '#' becomes a comment, so that line numbers stay as written.
    static func withoutShebang(_ code: String) -> String {
        guard code.hasPrefix("#") else { return code }
        guard let newline = code.firstIndex(of: "\n") else { return "" }
        return "--" + code[code.index(after: code.startIndex)..<newline] + code[newline...]
    }
}
