import Foundation
import Corpus

/// Writing reports: paths resolve under the output directory (--out), a path that escapes it is
/// refused unless trusted, and a file is replaced only once the new one is complete.
public enum ReportFiles {
    /// The absolute path for `path` under `directory`, or an error if it escapes.
    public static func resolve(_ path: String, in directory: String, trusted: Bool) throws -> String {
        let base = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath().path
        let target = (path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: base).appendingPathComponent(path))
            .standardizedFileURL
        let parent = target.deletingLastPathComponent().resolvingSymlinksInPath().path
        let inside = parent == base || parent.hasPrefix(base.hasSuffix("/") ? base : base + "/")
        if !inside && !trusted {
            throw ReportError("'\(path)' is outside the output directory \(base); write under it (set it with --out DIR), or pass --trust")
        }
        return target.path
    }

    /// Writes `bytes` to a temporary file beside `path`, then renames it over `path`.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        try bytes.withUnsafeBytes { try writeAtomically(raw: $0, to: path) }
    }

    /// Writes `text` as UTF-8, from where the string keeps it (a large report is not copied).
    public static func writeAtomically(_ text: String, to path: String) throws {
        var text = text
        try text.withUTF8 { try writeAtomically(raw: UnsafeRawBufferPointer($0), to: path) }
    }

    private static func writeAtomically(raw: UnsafeRawBufferPointer, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).parley-\(getpid()).tmp")
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // Written from where the bytes lie, not copied into a Data first (a large CSV file).
            if let base = raw.baseAddress {
                try Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: raw.count, deallocator: .none).write(to: temporary)
            } else {
                try Data().write(to: temporary)
            }
            if rename(temporary.path, url.path) != 0 {
                throw ReportError("cannot write \(shown(path)): \(String(cString: strerror(errno)))")
            }
        } catch {
            unlink(temporary.path)
            throw error is ReportError ? error : ReportError("cannot write \(shown(path)): \(SystemError.reason(error))")
        }
    }

    /// A path as a message shows it: a very long one is shortened in its middle.
    static func shown(_ path: String) -> String {
        path.count > 160 ? path.prefix(100) + "…" + path.suffix(50) : path
    }
}
