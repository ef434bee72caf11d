import Foundation

/// A corpus saved in binary (`parley snapshot corpus.jsonl` → `corpus.parley`), so that a large
/// corpus opens without parsing JSON again. Versioned and checksummed; it remembers the size and
/// modification time of the file it was made from, so a stale or damaged snapshot is never trusted.
public enum Snapshot {
    public static let fileExtension = "parley"
    static let magic = Array("PARLEYSN".utf8)
    public static let version = 4

    public enum Failure: Error, CustomStringConvertible, Equatable {
        case notASnapshot(String), wrongVersion(String, Int), damaged(String), stale(String)
        public var description: String {
            switch self {
            case .notASnapshot(let p): "\(p) is not a Parley snapshot"
            case .wrongVersion(let p, let v): "\(p) is a snapshot of version \(v); this Parley reads version \(Snapshot.version)"
            case .damaged(let p): "\(p) is damaged (its checksum or contents do not match)"
            case .stale(let p): "\(p) is older than the corpus it was made from"
            }
        }
    }

    /// A snapshot that could not be written (the corpus itself is fine).
    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): cannot write the snapshot: \(reason)" }
    }

    /// The snapshot file that goes with a corpus file: `corpus.jsonl` → `corpus.parley`.
    public static func path(for source: String) -> String {
        (source as NSString).deletingPathExtension + "." + fileExtension
    }

    /// Size and modification time of a file, to tell whether a snapshot is still fresh.
    static func stamp(of path: String) -> (size: Int, modified: Double)? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? Int, let date = attributes[.modificationDate] as? Date else { return nil }
        return (size, date.timeIntervalSince1970)
    }

    /// Writes `corpus` (read from `source`) to `path`, atomically.
    public static func write(_ corpus: Corpus, source: String?, to path: String) throws {
        var payload = BinaryWriter()
        // Room for the columns at once (a guess: texts, ids, and a few words a statement and a
        // document), so that the buffer is not copied as it grows.
        let s = corpus.statements
        payload.data.reserveCapacity(s.texts.bytes.count + s.ids.bytes.count + s.count * 96 + corpus.documentCount * 160 + (1 << 20))
        encode(corpus, into: &payload)
        var header = BinaryWriter()
        header.data.append(contentsOf: magic)
        header.int(version)
        let stamp = source.flatMap(Self.stamp(of:))
        header.int(stamp?.size ?? -1)
        header.double(stamp?.modified ?? 0)
        header.int(payload.data.count)
        header.int(Int(bitPattern: UInt(payload.data.withUnsafeBytes { checksum($0) })))
        let temporary = path + ".tmp\(getpid())"
        do {
            try writeFile(temporary, parts: [header.data, payload.data])
            guard rename(temporary, path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            unlink(temporary)
            throw WriteError(path: path, reason: SystemError.reason(error))
        }
    }

    /// Writes `parts` one after the other to a new file at `path` (without joining them in memory).
    private static func writeFile(_ path: String, parts: [Data]) throws {
        func failure() -> POSIXError { POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure() }
        defer { close(fd) }
        for part in parts {
            try part.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                var done = 0
                while done < bytes.count {
                    let n = Foundation.write(fd, bytes.baseAddress! + done, bytes.count - done)
                    if n < 0 && errno == EINTR { continue }
                    guard n > 0 else { throw failure() }
                    done += n
                }
            }
        }
        guard fsync(fd) == 0 else { throw failure() }
    }

    /// Opens a snapshot. With `source`, the snapshot must have been made from that file as it is now.
    /// The columns are read in place from the mapped file; the whole file is checksummed first.
    public static func read(_ path: String, source: String? = nil) throws(Failure) -> Corpus {
        guard let file = MappedFile(path: path) else { throw .notASnapshot(path) }
        var reader = BinaryReader(file)
        guard file.count >= 48, Array(file.bytes.prefix(8)) == magic else { throw .notASnapshot(path) }
        reader.position = 8
        do {
            let version = try reader.int()
            guard version == Self.version else { throw Failure.wrongVersion(path, version) }
            let size = try reader.int(), modified = try reader.double()
            if let source {
                guard let now = stamp(of: source), now.size == size, now.modified == modified else { throw Failure.stale(path) }
            }
            let length = try reader.int()
            let sum = UInt64(UInt(bitPattern: try reader.int()))
            guard length == file.count - reader.position,
                  checksum(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(file.bytes)[reader.position...])) == sum else {
                throw Failure.damaged(path)
            }
            return try decode(&reader)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .damaged(path)
        }
    }

    /// A fast checksum over 8-byte words, in four independent lanes so the multiplications overlap
    /// (the word's position is mixed in, so swapped words differ). The two halves are summed on two
    /// cores and combined.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let half = bytes.count / 16 * 8
        let parts = UncheckedBox(bytes)
        let sums = Parallel.map(count: 2, threshold: 1) { range in
            range.map { part in
                checksum(part: UnsafeRawBufferPointer(rebasing: part == 0 ? parts.value[..<half] : parts.value[half...]))
            }
        }.flatMap { $0 }
        return (sums[0] &* 0x100000001B3) ^ sums[1]
    }

    private static func checksum(part raw: UnsafeRawBufferPointer) -> UInt64 {
        let prime: UInt64 = 0x100000001B3
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5)
        let words = raw.count / 8
        var i = 0
        while i + 4 <= words {
            lanes.0 = (lanes.0 ^ raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)) &* prime &+ UInt64(i)
            lanes.1 = (lanes.1 ^ raw.loadUnaligned(fromByteOffset: i * 8 + 8, as: UInt64.self)) &* prime
            lanes.2 = (lanes.2 ^ raw.loadUnaligned(fromByteOffset: i * 8 + 16, as: UInt64.self)) &* prime
            lanes.3 = (lanes.3 ^ raw.loadUnaligned(fromByteOffset: i * 8 + 24, as: UInt64.self)) &* prime
            i += 4
        }
        var sum = ((lanes.0 &* 31 ^ lanes.1) &* 31 ^ lanes.2) &* 31 ^ lanes.3
        for j in (i * 8)..<raw.count { sum = (sum ^ UInt64(raw[j])) &* prime }
        return sum
    }
}
