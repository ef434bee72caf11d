import CCompression
import Foundation

/// Corpora as datasets are shipped: `year.jsonl.gz`, Quotebank's `quotes.json.bz2`. The file is
/// decompressed into memory (the file itself is not changed) and read as the form its inner name
/// says, as DuckDB and pandas read compressed files. A decompressed size past half the machine's
/// memory stops with a message, so that a small hostile file cannot exhaust it.
enum CompressedFile {
    /// The extensions read this way.
    static let extensions: Set<String> = ["gz", "bz2"]

    /// The bytes of the file at `path`, decompressed.
    static func decompress(_ path: String, stop: LoadStop) throws(CorpusLoadError) -> Data {
        let limit = Int(ProcessInfo.processInfo.physicalMemory / 2)
        var out = Data()
        let chunk = 1 << 20
        var buffer = [UInt8](repeating: 0, count: chunk)
        let read: (UnsafeMutableRawPointer, Int) -> Int
        let close: () -> Void
        if path.lowercased().hasSuffix(".gz") {
            guard let file = gzopen(path, "rb") else { throw CorpusLoadError(file: path, message: "cannot read the file (is it a readable file?)") }
            _ = gzbuffer(file, UInt32(chunk))
            read = { pointer, count in
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
            var status: Int32 = 0
            guard let file = BZ2_bzReadOpen(&status, handle, 0, 0, nil, 0), status == BZ_OK else {
                fclose(handle)
                throw CorpusLoadError(file: path, message: "cannot read it as bzip2 data")
            }
            var ended = false
            read = { pointer, count in
                guard !ended else { return 0 }
                let n = BZ2_bzRead(&status, file, pointer, Int32(count))
                if status == BZ_STREAM_END { ended = true }
                return status == BZ_OK || status == BZ_STREAM_END ? Int(n) : -1
            }
            close = {
                BZ2_bzReadClose(&status, file)
                fclose(handle)
            }
        }
        defer { close() }
        while true {
            if stop.isRequested() { throw CorpusLoadError.interrupted(path) }
            let n = buffer.withUnsafeMutableBytes { read($0.baseAddress!, chunk) }
            if n < 0 { throw CorpusLoadError(file: path, message: "the compressed data is damaged (decompressed \(out.count) bytes before the damage)") }
            if n == 0 { return out }
            out.append(contentsOf: buffer[0..<n])
            if out.count > limit {
                throw CorpusLoadError(file: path, message: "decompressed, this file passes \(limit >> 30) GiB, half of this machine's memory: decompress it to a file first")
            }
        }
    }
}
