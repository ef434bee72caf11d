import CCompression
import Foundation

/// Corpora as datasets are shipped: `year.jsonl.gz`, Quotebank's `quotes.json.bz2`. The file is
/// decompressed as it is read (the file itself is not changed) and read as the form its inner name
/// says, as DuckDB and pandas read compressed files. JSON Lines are read a block of lines at a time
/// while the next block is decompressed (`CompressedLinesReader`); a JSON document or a table is
/// decompressed into memory first, and a decompressed size past half the machine's memory stops
/// with a message, so that a small hostile file cannot exhaust it.
enum CompressedFile {
    /// The extensions read this way.
    static let extensions: Set<String> = ["gz", "bz2"]

    /// The most a compressed file may decompress to in memory at once.
    static var memoryLimit: Int { Int(ProcessInfo.processInfo.physicalMemory / 2) }

    /// What `source` has left, in memory after `prefix` (what was taken from it already).
    static func rest(of source: Decompressor, after prefix: Data, stop: LoadStop) throws(CorpusLoadError) -> Data {
        var out = prefix
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            if stop.isRequested() { throw CorpusLoadError.interrupted(source.path) }
            let n = try source.read(into: buffer, count: chunk)
            if n == 0 { return out }
            out.append(buffer.assumingMemoryBound(to: UInt8.self), count: n)
            if out.count > memoryLimit { throw tooLarge(source.path) }
        }
    }

    static func tooLarge(_ path: String) -> CorpusLoadError {
        CorpusLoadError(file: path, message: "decompressed, this file passes \(memoryLimit >> 30) GiB, half of this machine's memory: decompress it to a file first")
    }
}

/// A gzip or bzip2 file read as the bytes it holds, a buffer at a time.
final class Decompressor {
    let path: String
    /// How many decompressed bytes have been read so far.
    private(set) var produced = 0
    private let readChunk: (UnsafeMutableRawPointer, Int) -> Int
    private let close: () -> Void

    /// Opens `path`, as gzip when `gzip` says so (by default when its name ends in .gz), otherwise
    /// as bzip2.
    init(path: String, gzip: Bool? = nil) throws(CorpusLoadError) {
        self.path = path
        if gzip ?? path.lowercased().hasSuffix(".gz") {
            guard let file = gzopen(path, "rb") else { throw CorpusLoadError(file: path, message: "cannot read the file (is it a readable file?)") }
            _ = gzbuffer(file, UInt32(1 << 20))
            readChunk = { pointer, count in
                let n = Int(gzread(file, pointer, UInt32(count)))
                guard n == 0 else { return n }
                // The end, or a stream cut short (gzread says so only through gzerror).
                var status: Int32 = Z_OK
                _ = gzerror(file, &status)
                return status == Z_OK ? 0 : -1
            }
            close = { _ = gzclose(file) }
        } else {
            guard let handle = fopen(path, "rb") else { throw CorpusLoadError(file: path, message: "cannot read the file (is it a readable file?)") }
            guard let reader = Bzip2Streams(handle) else {
                fclose(handle)
                throw CorpusLoadError(file: path, message: "cannot read it as bzip2 data")
            }
            // On all cores when there are several, libbz2's reader taking over if that gives up:
            // it decompresses again from the start what was read already, then goes on.
            var parallel = Parallel.parts > 1 ? ParallelBzip2(path: path) : nil
            var served = 0
            readChunk = { pointer, count in
                if let reading = parallel {
                    if let n = reading.read(into: pointer, count: count) {
                        served += n
                        return n
                    }
                    parallel = nil
                    guard reader.skip(served) else { return -1 }
                }
                return reader.read(into: pointer, count: count)
            }
            close = {
                reader.close()
                fclose(handle)
            }
        }
    }

    deinit { close() }

    /// Up to `count` decompressed bytes into `pointer` (at most 2 GiB at a time); 0 at the end.
    func read(into pointer: UnsafeMutableRawPointer, count: Int) throws(CorpusLoadError) -> Int {
        let n = readChunk(pointer, min(count, Int(Int32.max)))
        if n < 0 { throw CorpusLoadError(file: path, message: "the compressed data is damaged (decompressed \(produced) bytes before the damage)") }
        produced += n
        return n
    }
}

/// The bzip2 streams of a file, one after another: pbzip2 and lbzip2 write one per part of their
/// input, and `cat a.bz2 b.bz2` joins two, which `bzip2 -d` reads as one. libbz2's reader stops at
/// the end of the first; the next is opened on the bytes it read past it. Bytes after the last
/// stream that do not start another are ignored, as `bzip2 -d` ignores them ("trailing garbage").
private final class Bzip2Streams {
    private let handle: UnsafeMutablePointer<FILE>
    private var file: UnsafeMutableRawPointer?
    /// Whether the stream being read is the file's first (bytes that are not bzip2 there are damage).
    private var isFirst = true

    init?(_ handle: UnsafeMutablePointer<FILE>) {
        self.handle = handle
        var status: Int32 = 0
        file = BZ2_bzReadOpen(&status, handle, 0, 0, nil, 0)
        if file == nil || status != BZ_OK { return nil }
    }

    /// Up to `count` bytes; 0 at the end of the last stream, -1 for damaged data.
    func read(into pointer: UnsafeMutableRawPointer, count: Int) -> Int {
        while let current = file {
            var status: Int32 = 0
            let n = BZ2_bzRead(&status, current, pointer, Int32(count))
            if status == BZ_OK { return Int(n) }
            if status == BZ_DATA_ERROR_MAGIC && !isFirst {
                close()                          // not another stream: the end
                return 0
            }
            guard status == BZ_STREAM_END else { return -1 }
            openNext(after: current)
            if n > 0 { return Int(n) }
        }
        return 0
    }

    /// Reads `count` bytes and lets them go; false if the data ends or is damaged first.
    func skip(_ count: Int) -> Bool {
        let chunk = 1 << 20
        let scratch = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { scratch.deallocate() }
        var left = count
        while left > 0 {
            let n = read(into: scratch, count: min(chunk, left))
            guard n > 0 else { return false }
            left -= n
        }
        return true
    }

    /// Opens the stream that starts where `current` ended, if the file has more bytes.
    private func openNext(after current: UnsafeMutableRawPointer) {
        var status: Int32 = 0
        var unused: UnsafeMutableRawPointer?
        var unusedCount: Int32 = 0
        BZ2_bzReadGetUnused(&status, current, &unused, &unusedCount)
        // BZ2_bzReadOpen copies the bytes, which live in the closing reader's buffer: copied first.
        let rest = unusedCount > 0 ? Array(UnsafeRawBufferPointer(start: unused, count: Int(unusedCount))) : []
        BZ2_bzReadClose(&status, current)
        file = nil
        if rest.isEmpty {
            let next = fgetc(handle)
            if next == EOF { return }
            ungetc(next, handle)
        }
        var bytes = rest
        file = bytes.withUnsafeMutableBytes { BZ2_bzReadOpen(&status, handle, 0, 0, $0.baseAddress, Int32($0.count)) }
        if status != BZ_OK { file = nil }
        isFirst = false
    }

    func close() {
        guard let current = file else { return }
        var status: Int32 = 0
        BZ2_bzReadClose(&status, current)
        file = nil
    }
}
