import Corpus
import Foundation

/// The text of a Lua script or recipe file, as lua.c reads a file (`luaL_loadfilex`): a UTF-8 byte
/// order mark, which Windows editors such as Notepad write, is skipped, and so is a first line
/// starting with '#' (a shebang: `#!/usr/bin/env parley`), keeping the line numbers.
public enum ScriptFile {
    public enum Failure: Error, CustomStringConvertible {
        case missing, folder, unreadable

        public var description: String {
            switch self {
            case .missing: "no such file"
            case .folder: "it is a folder, not a file"
            case .unreadable: "it cannot be read (check its permissions)"
            }
        }
    }

    /// The script in the file at `path`.
    public static func read(_ path: String) -> Result<String, Failure> {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return .failure(.missing) }
        if isFolder.boolValue { return .failure(.folder) }
        // A pipe is read to its end, as lua.c reads one: `parley run <(make-script)`.
        guard let handle = FileHandle(forReadingAtPath: path), let data = try? handle.readToEnd() ?? Data() else {
            return .failure(.unreadable)
        }
        try? handle.close()
        return .success(source(data))
    }

    /// The script in `data`, its byte order mark and shebang line left out.
    public static func source(_ data: Data) -> String {
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return withoutShebang(text)
    }

    /// A first line starting with '#' becomes a comment, so that line numbers stay as written.
    static func withoutShebang(_ code: String) -> String {
        guard code.hasPrefix("#") else { return code }
        guard let newline = code.firstIndex(of: "\n") else { return "" }
        return "--" + code[code.index(after: code.startIndex)..<newline] + code[newline...]
    }
}
