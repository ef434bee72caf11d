import Foundation

/// What the system said about a failed file operation, in its own words ("Permission denied",
/// "File name too long"), rather than Foundation's "The operation could not be completed" and its
/// error dump: writing snapshots and reports says why in these words.
public enum SystemError {
    public static func reason(_ error: Error) -> String {
        if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
        if let sqlite = error as? SQLiteError { return sqlite.message }
        if let place = error as? AtomicFile.PlaceProblem { return place.description }
        let error = error as NSError
        let underlying = (error.userInfo[NSUnderlyingErrorKey] as? Error).map { $0 as NSError }
        for candidate in [underlying, error].compactMap({ $0 }) where candidate.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(candidate.code)))
        }
        return error.localizedDescription
    }
}
