import CCompression
import CorpusScan
import Foundation

/// A bzip2 file decompressed on all cores, as lbzip2 does it: bzip2 compresses blocks of up to
/// 900 kB each on its own, so the blocks are found by their markers (`Bzip2Blocks.h`) and a batch
/// of them decompressed at once, one per core, each handed to libbz2 as a stream of its own; the
/// bytes come out in the file's order. libbz2 checks each block's checksum; each stream's, over its
/// blocks, is checked here. Anything unexpected (damage, bytes that only looked like a marker: one
/// chance in 2^48 at each bit) makes it give up, and the caller reads the file again with libbz2's
/// own reader, which reports the damage where it is, or reads through what only looked like a marker.
final class ParallelBzip2 {
    /// The compressed file, mapped.
    private let file: ByteSource
    /// Where the next block or end of stream must start, in bits.
    private var position: UInt64 = 0
    /// The current stream's level ("1"–"9": blocks of at most that many 100 kB) and its checksum
    /// so far, made from its blocks' as bzip2 makes it.
    private var level: UInt8 = 0
    private var streamChecksum: UInt32 = 0
    private var ended = false
    /// Decompressed blocks not yet read, and how much of the first has been.
    private var ready: [[UInt8]] = []
    private var readyIndex = 0, readyOffset = 0
    /// The pages of the file before this byte have been handed back.
    private var released = 0

    /// Blocks a batch: several per core, so that one slow block does not keep the others waiting,
    /// but few, since they are in memory at once: a block of long runs decompresses to up to 46 MB
    /// (a hostile file of nothing else holds 4 × 46 MB per core, and at most 32 × 46 MB).
    private static let batchBlocks = min(4 * Parallel.parts, 32)

    /// The most bits a block may take (bzip2's codes are at most 20 bits for each of 900,000 symbols).
    private static let maxBlockBits: UInt64 = 20 * 900_000 + 64 * 1024 * 8

    /// Opens `path` if it starts as a bzip2 stream does; nil otherwise (the caller's reader then says why).
    init?(path: String) {
        guard let file = ByteSource.map(path), file.mapped else { return nil }
        self.file = file
        guard file.withUnsafeBufferPointer({ startStream(at: 0, in: $0) }) else { return nil }
    }

    /// Up to `count` decompressed bytes into `pointer`; 0 at the end; nil if it gives up.
    func read(into pointer: UnsafeMutableRawPointer, count: Int) -> Int? {
        while readyIndex == ready.count {
            if ended { return 0 }
            guard decompressBatch() else { return nil }
        }
        let block = ready[readyIndex]
        let n = min(count, block.count - readyOffset)
        block.withUnsafeBytes { pointer.copyMemory(from: $0.baseAddress! + readyOffset, byteCount: n) }
        readyOffset += n
        if readyOffset == block.count {
            readyIndex += 1
            readyOffset = 0
        }
        return n
    }

    /// Reads a stream's header ("BZh" and its level) at byte `byte`.
    private func startStream(at byte: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard byte + 4 <= bytes.count, bytes[byte] == UInt8(ascii: "B"), bytes[byte + 1] == UInt8(ascii: "Z"),
              bytes[byte + 2] == UInt8(ascii: "h"), (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(bytes[byte + 3]) else { return false }
        level = bytes[byte + 3]
        streamChecksum = 0
        position = UInt64(byte + 4) * 8
        return true
    }

    /// The next batch of blocks, decompressed into `ready`; false to give up.
    private func decompressBatch() -> Bool {
        file.withUnsafeBufferPointer { decompressBatch(in: $0) }
    }

    private func decompressBatch(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let base = bytes.baseAddress!, length = bytes.count
        ready = []                           // read already: let go before the next batch is made
        var blocks: [(from: UInt64, to: UInt64, level: UInt8)] = []
        while blocks.count < Self.batchBlocks && !ended {
            var kind: Int32 = 0
            let found = pb_next_marker(base, length, position, &kind)
            // Blocks follow each other with nothing between: anything else is damage.
            guard found >= 0, UInt64(found) == position else { return false }
            if kind == PB_BLOCK {
                var nextKind: Int32 = 0
                let next = pb_next_marker(base, length, position + 48, &nextKind)
                // A block of 900 kB takes less than 3 MB however it was coded: longer is damage, left
                // to libbz2's reader rather than copied here.
                guard next >= 0, UInt64(next) - position <= Self.maxBlockBits else { return false }
                let checksum = pb_bits32(base, length, position + 48)
                streamChecksum = (streamChecksum << 1 | streamChecksum >> 31) ^ checksum
                blocks.append((position, UInt64(next), level))
                position = UInt64(next)
            } else {
                // The end of a stream: its checksum, then another stream from the next byte, or the end
                // (bytes after the last stream that do not start another are ignored, as bzip2 -d does).
                guard position + 80 <= UInt64(length) * 8, pb_bits32(base, length, position + 48) == streamChecksum else { return false }
                let next = Int((position + 80 + 7) / 8)
                if !startStream(at: next, in: bytes) { ended = true }
            }
        }
        let batch = blocks
        nonisolated(unsafe) let compressed = base       // read only, by every thread
        let outputs = Parallel.each(batch.count) { i in Self.decompress(compressed, length, batch[i]) }
        guard !outputs.contains(where: { $0 == nil }) else { return false }
        ready = outputs.map { $0! }
        (readyIndex, readyOffset) = (0, 0)
        // The pages read are handed back, so that a large file does not stay in memory.
        let read = Int(position / 8)
        if read - released >= 16 << 20 {
            file.release(released..<read)
            released = read
        }
        return true
    }

    /// One block, decompressed as a stream of its own; nil if libbz2 finds it damaged.
    private static func decompress(_ bytes: UnsafePointer<UInt8>, _ length: Int, _ block: (from: UInt64, to: UInt64, level: UInt8)) -> [UInt8]? {
        var input = [UInt8](repeating: 0, count: Int((block.to - block.from) / 8) + 16)
        let inputLength = input.withUnsafeMutableBufferPointer {
            pb_block_stream(bytes, length, block.from, block.to, CChar(bitPattern: block.level), $0.baseAddress!)
        }
        var stream = bz_stream()
        guard BZ2_bzDecompressInit(&stream, 0, 0) == BZ_OK else { return nil }
        defer { BZ2_bzDecompressEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(block.level - UInt8(ascii: "0")) * 100_000 + 4096)
        var produced = 0
        return input.withUnsafeMutableBufferPointer { (input: inout UnsafeMutableBufferPointer<UInt8>) -> [UInt8]? in
            stream.next_in = UnsafeMutableRawPointer(input.baseAddress!).assumingMemoryBound(to: CChar.self)
            stream.avail_in = UInt32(inputLength)
            while true {
                if produced == output.count { output += [UInt8](repeating: 0, count: output.count) }   // runs expand past the block size
                let status = output.withUnsafeMutableBufferPointer { out -> Int32 in
                    stream.next_out = UnsafeMutableRawPointer(out.baseAddress! + produced).assumingMemoryBound(to: CChar.self)
                    stream.avail_out = UInt32(out.count - produced)
                    let status = BZ2_bzDecompress(&stream)
                    produced = out.count - Int(stream.avail_out)
                    return status
                }
                if status == BZ_STREAM_END { break }
                guard status == BZ_OK, stream.avail_in > 0 || produced == output.count else { return nil }
            }
            output.removeSubrange(produced...)
            return output
        }
    }
}
