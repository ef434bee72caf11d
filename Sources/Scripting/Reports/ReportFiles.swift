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
        let parent = resolvedFolder(target.deletingLastPathComponent().path)
        let inside = parent.map { $0 == base || $0.hasPrefix(base.hasSuffix("/") ? base : base + "/") } ?? false
        if !inside && !trusted {
            throw ReportError("'\(path)' is outside the output directory \(base); write under it (set it with --out DIR), or pass --trust")
        }
        return target.path
    }

    /// Where a write into folder `path` lands: its symbolic links resolved in the part of it that
    /// exists, the folders still to make appended (a link inside the output directory to a folder
    /// outside it must not carry `link/new/report.md` out). Nil when a link in it leads nowhere.
    static func resolvedFolder(_ path: String) -> String? {
        var existing = path, missing: [String] = []
        var info = stat()
        while lstat(existing, &info) != 0 {
            guard existing != "/" && !existing.isEmpty else { return nil }
            missing.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        guard let real = realpath(existing, nil) else { return nil }
        defer { free(real) }
        return missing.reduce(String(cString: real)) { ($0 as NSString).appendingPathComponent($1) }
    }

    /// Writes `text` as UTF-8 to a temporary file beside `path`, then renames it over `path`
    /// (making the folders it needs), from where the string keeps it: a large report is not copied.
    public static func writeAtomically(_ text: String, to path: String) throws {
        var text = text
        try writeAtomically(to: path) { emit in try text.withUTF8 { try emit(UnsafeRawBufferPointer($0)) } }
    }

    /// Writes `path` from what `produce` hands to the function it is given, piece by piece: a CSV
    /// file of a million rows is written as it is made, not gathered in memory first.
    public static func writeAtomically(to path: String, _ produce: (_ emit: (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try AtomicFile.replace(path) { file in try produce { try AtomicFile.writeAll($0, to: file) } }
        } catch let error as ReportError {
            throw error
        } catch {
            throw ReportError("cannot write \(shown(path)): \(SystemError.reason(error))")
        }
    }

    /// A path as a message shows it: a very long one is shortened in its middle.
    static func shown(_ path: String) -> String {
        path.count > 160 ? path.prefix(100) + "…" + path.suffix(50) : path
    }
}
