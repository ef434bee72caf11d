import CCompression
import Foundation

/// Writes compressed files for the tests, through the same libraries the loader reads them with.
enum Compression {
    struct Failure: Error {}

    static func gzip(_ bytes: [UInt8], to path: String) throws {
        guard let file = gzopen(path, "wb") else { throw Failure() }
        let written = bytes.withUnsafeBytes { gzwrite(file, $0.baseAddress, UInt32($0.count)) }
        guard gzclose(file) == Z_OK, bytes.isEmpty || written > 0 else { throw Failure() }
    }

    /// Blocks of `level` × 100 kB (1–9, bzip2's -1 to -9).
    static func bzip2(_ bytes: [UInt8], to path: String, level: Int32 = 9) throws {
        guard let handle = fopen(path, "wb") else { throw Failure() }
        defer { fclose(handle) }
        var status: Int32 = 0
        guard let file = BZ2_bzWriteOpen(&status, handle, level, 0, 0), status == BZ_OK else { throw Failure() }
        var bytes = bytes
        bytes.withUnsafeMutableBytes { BZ2_bzWrite(&status, file, $0.baseAddress, Int32($0.count)) }
        guard status == BZ_OK else { throw Failure() }
        BZ2_bzWriteClose(&status, file, 0, nil, nil)
        guard status == BZ_OK else { throw Failure() }
    }
}
