import Foundation

/// A corpus saved in binary (`parley snapshot corpus.jsonl` → `corpus.parley`), so that a large
/// corpus opens without parsing JSON again. Versioned and checksummed; it remembers the size and
/// modification time of the file it was made from, so a stale or damaged snapshot is never trusted.
public enum Snapshot {
    public static let fileExtension = "parley"
    static let magic = Array("PARLEYSN".utf8)
    public static let version = 6

    public enum Failure: Error, CustomStringConvertible, Equatable {
        case notASnapshot(String), wrongVersion(String, Int), damaged(String), stale(String)
        public var description: String {
            switch self {
            case .notASnapshot(let p), .wrongVersion(let p, _), .damaged(let p), .stale(let p): "\(p) is \(reason)"
            }
        }

        /// What is wrong, without the path (for messages that start with it).
        public var reason: String {
            switch self {
            case .notASnapshot: "not a Parley snapshot"
            case .wrongVersion(_, let v): "a snapshot of version \(v); this Parley reads version \(Snapshot.version)"
            case .damaged: "damaged (its checksum or contents do not match)"
            case .stale: "older than the corpus it was made from"
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

    /// Writes `corpus` (read from `source`) to `path`, atomically: into a temporary file as it is
    /// encoded, whose header (the payload's length and checksum) is filled in last, then renamed.
    public static func write(_ corpus: Corpus, source: String?, to path: String) throws {
        do {
            try AtomicFile.replace(path, write: { fd in try writePayload(corpus, source: source, to: fd) })
        } catch {
            throw WriteError(path: path, reason: SystemError.reason(error))
        }
    }

    private static let headerSize = 48

    private static func writePayload(_ corpus: Corpus, source: String?, to fd: Int32) throws {
        var payload = BinaryWriter(file: fd)
        payload.bytes(Data(count: headerSize))     // the header's place, written last
        encode(corpus, into: &payload)
        payload.flush()
        if let failure = payload.failure { throw failure }
        let length = payload.count - headerSize
        var header = BinaryWriter()
        header.data.append(contentsOf: magic)
        header.int(version)
        let stamp = source.flatMap(Self.stamp(of:))
        header.int(stamp?.size ?? -1)
        header.double(stamp?.modified ?? 0)
        header.int(length)
        header.int(Int(bitPattern: UInt(try checksum(of: fd, from: headerSize, count: length))))
        let written = header.data.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        guard written == headerSize else { throw POSIXError.current }
    }

    /// `checksum(_:)` of `count` bytes of a file from `offset`, read back a few megabytes at a
    /// time (from the page cache: the file was just written) instead of held in memory.
    private static func checksum(of fd: Int32, from offset: Int, count: Int) throws -> UInt64 {
        let half = checksumHalf(count)
        let ranges = [offset..<offset + half, offset + half..<offset + count]
        let sums = Parallel.map(count: 2, threshold: 1) { parts in
            parts.map { part -> UInt64? in
                var state = ChecksumState()
                let chunk = 4 << 20                      // a multiple of 32 bytes, as `feed` needs
                let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 8)
                defer { buffer.deallocate() }
                var at = ranges[part].lowerBound
                while true {
                    let n = min(chunk, ranges[part].upperBound - at)
                    var done = 0
                    while done < n {
                        let got = pread(fd, buffer.baseAddress! + done, n - done, off_t(at + done))
                        if got < 0 && errno == EINTR { continue }
                        guard got > 0 else { return nil }
                        done += got
                    }
                    let bytes = UnsafeRawBufferPointer(rebasing: buffer[..<n])
                    at += n
                    if at == ranges[part].upperBound { return state.finish(bytes) }
                    state.feed(bytes)
                }
            }
        }.flatMap { $0 }
        guard let first = sums[0], let second = sums[1] else { throw POSIXError(.EIO) }
        return combined(first, second)
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
        let half = checksumHalf(bytes.count)
        let parts = UncheckedBox(bytes)
        let sums = Parallel.map(count: 2, threshold: 1) { range in
            range.map { part in
                checksum(part: UnsafeRawBufferPointer(rebasing: part == 0 ? parts.value[..<half] : parts.value[half...]))
            }
        }.flatMap { $0 }
        return combined(sums[0], sums[1])
    }

    /// Where the payload is cut in two for the checksum (a multiple of 8 bytes), one half per core.
    private static func checksumHalf(_ count: Int) -> Int { count / 16 * 8 }

    /// The checksum of the whole payload from those of its halves.
    private static func combined(_ first: UInt64, _ second: UInt64) -> UInt64 { (first &* 0x100000001B3) ^ second }

    private static func checksum(part raw: UnsafeRawBufferPointer) -> UInt64 {
        var state = ChecksumState()
        return state.finish(raw)
    }
}

/// The checksum of one part of a snapshot, fed in pieces: every piece but the last a multiple of
/// 32 bytes long, so that the result is the same whether the part is read at once or in chunks.
struct ChecksumState {
    private static let prime: UInt64 = 0x100000001B3
    private var lanes: (UInt64, UInt64, UInt64, UInt64) = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5)
    /// Words taken in so far (mixed into the first lane, so that moved words change the sum).
    private var words = 0

    /// Takes in a piece whose length is a multiple of 32 bytes.
    mutating func feed(_ raw: UnsafeRawBufferPointer) {
        precondition(raw.count % 32 == 0, "only the last piece may end within 32 bytes")
        _ = groups(raw)
    }

    /// Takes in the last piece and gives the checksum.
    mutating func finish(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        let tail = groups(raw)
        var sum = ((lanes.0 &* 31 ^ lanes.1) &* 31 ^ lanes.2) &* 31 ^ lanes.3
        for j in tail..<raw.count { sum = (sum ^ UInt64(raw[j])) &* Self.prime }
        return sum
    }

    /// Mixes in the piece's whole groups of four words; returns where the rest starts.
    private mutating func groups(_ raw: UnsafeRawBufferPointer) -> Int {
        let prime = Self.prime
        let groups = raw.count / 32
        for g in 0..<groups {
            let at = g * 32, i = words + g * 4
            lanes.0 = (lanes.0 ^ raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)) &* prime &+ UInt64(i)
            lanes.1 = (lanes.1 ^ raw.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self)) &* prime
            lanes.2 = (lanes.2 ^ raw.loadUnaligned(fromByteOffset: at + 16, as: UInt64.self)) &* prime
            lanes.3 = (lanes.3 ^ raw.loadUnaligned(fromByteOffset: at + 24, as: UInt64.self)) &* prime
        }
        words += groups * 4
        return groups * 32
    }
}
