import Foundation
import Corpus

/// Writing reports: paths resolve under the output directory (--out), a path that escapes it is
/// refused unless trusted, and a file is replaced only once the new one is complete.
public enum ReportFiles {
    /// The absolute path for `path` under `directory`, or an error: a path that escapes it, or a
    /// name no report has (`plainName`), unless trusted; a file of the corpus being read, always.
    public static func resolve(_ path: String, in directory: String, trusted: Bool, corpusFiles: [String] = []) throws -> String {
        let base = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath().path
        let target = (path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: base).appendingPathComponent(path))
            .standardizedFileURL
        let parent = resolvedFolder(target.deletingLastPathComponent().path)
        let inside = parent.map { $0 == base || $0.hasPrefix(base.hasSuffix("/") ? base : base + "/") } ?? false
        if !trusted {
            guard inside else {
                throw ReportError("'\(path)' is outside the output directory \(base); write under it (set it with --out DIR), or pass --trust")
            }
            try plainName(path, at: target.path, under: base)
        }
        // Saving a selection over the file it was loaded from would leave the analyst a subset,
        // or an empty corpus, in place of their data.
        if let corpusFile = corpusFiles.first(where: { sameFile(corpusFile: $0, target: target.path) }) {
            throw ReportError("'\(path)' is \(corpusFiles.count == 1 ? "the corpus" : "a file of the corpus") this script reads (\(shown(corpusFile))); save under another name")
        }
        return target.path
    }

    /// Refuses, for a script that is not trusted, a file or folder whose name starts with a dot and
    /// a name without a report's extension: a recipe run in the home folder could otherwise write
    /// `.bashrc`, `.git/hooks/pre-commit` or `Makefile`, which a shell, git or make would run.
    private static func plainName(_ path: String, at target: String, under base: String) throws {
        let below = (target.hasPrefix(base + "/") ? String(target.dropFirst(base.count + 1)) : (target as NSString).lastPathComponent)
            .split(separator: "/")
        if let hidden = below.first(where: { $0.hasPrefix(".") }) {
            throw ReportError("'\(path)' is \(hidden == below.last ? "a hidden file" : "in a hidden folder (\(hidden))"): "
                              + "a script writes only plain reports and folders under the output directory; pass --trust to allow it")
        }
        // (The extensions save reads a format from, or a corpus's.)
        guard ReportFormat(path: target) != nil || CorpusExport.extensions.contains((target as NSString).pathExtension.lowercased()) else {
            throw ReportError("'\(path)' is not named as a report (.md, .html, .txt, .json, .csv) or a corpus (.jsonl, .sqlite, .db): "
                              + "a script writes only those; pass --trust to allow it")
        }
    }

    /// Whether writing `target` would replace `corpusFile` (the same file by another path or link;
    /// a link at `target` itself is replaced, not what it points to).
    private static func sameFile(corpusFile: String, target: String) -> Bool {
        var source = stat(), written = stat()
        guard stat(corpusFile, &source) == 0, lstat(target, &written) == 0 else { return false }
        return source.st_dev == written.st_dev && source.st_ino == written.st_ino
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
