import Foundation

/// Replaces a file whole: what is written goes to a temporary file beside it, flushed to disk and
/// renamed over the old one, so a reader (or a crash) never sees half a file. Every file Parley
/// writes goes through here: exports, snapshots, reports.
public enum AtomicFile {
    /// The temporary file beside `path`: hidden, and named for Parley and this process.
    public static func temporaryPath(for path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return (folder.isEmpty ? "" : folder + "/") + "." + (path as NSString).lastPathComponent + ".parley-\(getpid()).tmp"
    }

    /// Writes `path` through `write`, given the open temporary file.
    public static func replace(_ path: String, write: (Int32) throws -> Void) throws {
        try replace(path) { temporary in
            let fd = open(temporary, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw POSIXError.current }
            defer { close(fd) }
            try write(fd)
        }
    }

    /// Writes `path` through `make`, which creates the file at the temporary path it is given (a
    /// library that opens files itself, as SQLite does).
    public static func replace(_ path: String, make: (String) throws -> Void) throws {
        try checkFolder(of: path)
        let temporary = temporaryPath(for: path)
        do {
            try make(temporary)
            let fd = open(temporary, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw POSIXError.current }
            defer { close(fd) }
            guard fsync(fd) == 0 else { throw POSIXError.current }
            guard rename(temporary, path) == 0 else { throw POSIXError.current }
        } catch {
            unlink(temporary)
            throw error
        }
    }
}

extension AtomicFile {
    /// Why a file cannot be written where it is asked for, said before any library tries (SQLite
    /// says only "unable to open database file").
    public struct PlaceProblem: Error, CustomStringConvertible {
        public let description: String
    }

    public static func checkFolder(of path: String) throws(PlaceProblem) {
        guard !path.isEmpty else { throw PlaceProblem(description: "the file's name is empty") }
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw PlaceProblem(description: "it is a folder; name a file in it")
        }
        let folder = (path as NSString).deletingLastPathComponent
        guard stat(folder.isEmpty ? "." : folder, &info) == 0 else {
            throw PlaceProblem(description: "there is no folder \(folder)")
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw PlaceProblem(description: "\(folder) is not a folder") }
    }
}

extension AtomicFile {
    /// Writes all of `bytes` to `file`, through short writes and interruptions.
    public static func writeAll(_ bytes: UnsafeRawBufferPointer, to file: Int32) throws {
        var offset = 0
        while offset < bytes.count {
            let n = Foundation.write(file, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw POSIXError.current
            }
            offset += n
        }
    }
}

extension POSIXError {
    /// The error `errno` names now.
    static var current: POSIXError { POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
}
