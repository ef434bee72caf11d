import Foundation

/// Replaces a file whole: what is written goes to a temporary file beside it, flushed to disk and
/// renamed over the old one, so a reader (or a crash) never sees half a file.
enum AtomicFile {
    /// Writes `path` through `write`, given the open temporary file.
    static func replace(_ path: String, write: (Int32) throws -> Void) throws {
        try replace(path) { temporary in
            let fd = open(temporary, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw POSIXError.current }
            defer { close(fd) }
            try write(fd)
        }
    }

    /// Writes `path` through `make`, which creates the file at the temporary path it is given (a
    /// library that opens files itself, as SQLite does).
    static func replace(_ path: String, make: (String) throws -> Void) throws {
        let temporary = path + ".tmp\(getpid())"
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

extension POSIXError {
    /// The error `errno` names now.
    static var current: POSIXError { POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
}
