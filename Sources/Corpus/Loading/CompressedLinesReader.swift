import Foundation

/// Reads compressed JSON Lines (`year.jsonl.gz`, Quotebank's `quotes.json.bz2`) as they are
/// decompressed: one thread decompresses blocks of whole lines while this one reads the block
/// before, so the load takes about the time of the decompression alone, and only a few blocks are
/// in memory at once, however large the file (a year of Quotebank decompresses to far more than
/// the machine's memory; its statements' columns take much less).
enum CompressedLinesReader {
    /// About how many decompressed bytes a block holds (a longer line makes its block longer).
    static let blockSize = 16 << 20
    /// How many blocks may wait, decompressed, for the reader.
    static let blocksAhead = 2

    /// Reads what `blocks` has left after `first` (its first block, already taken) into `builder`.
    static func read(_ blocks: LineBlocks, first: Data, into builder: CorpusBuilder) throws(CorpusLoadError) {
        var columns = builder.takeColumns()
        let scratch = JSONLinesReader.LineScratch()
        var lineBase = 0
        var isFirst = true
        try blocks.forEach(first: first, stop: builder.stop) { bytes in
            let file = SourceFile(path: blocks.path, bytes: ByteSource(data: bytes), lineBase: lineBase)
            let fileIndex = builder.register(file)
            file.bytes.withUnsafeBufferPointer { buffer in
                // Only the file's first bytes may hold a byte order mark.
                let start = isFirst ? ByteSource.byteOrderMarkLength(buffer) : 0
                JSONLinesReader.readLines(buffer, start..<buffer.count, file: file, fileIndex: fileIndex, into: builder, columns: &columns, scratch: scratch)
            }
            lineBase += file.releaseBytes()
            isFirst = false
        }
        columns.finishReading()
        builder.columns = columns
    }
}

/// A decompressed stream cut into blocks of whole lines, each about `blockSize` bytes.
final class LineBlocks: @unchecked Sendable {
    private let source: Decompressor
    private let blockSize: Int
    /// The start of a line whose end has not been read yet.
    private var carry = Data()
    private(set) var ended = false
    var path: String { source.path }

    init(_ source: Decompressor, blockSize: Int = CompressedLinesReader.blockSize) {
        self.source = source
        self.blockSize = blockSize
    }

    /// The next block (ending with a line break, but for the last), nil at the end. Read straight
    /// into memory of its own, which the block then owns (no copy, no zeroing).
    func next() throws(CorpusLoadError) -> Data? {
        if ended && carry.isEmpty { return nil }
        var capacity = max(blockSize, carry.count) + (1 << 20)
        guard var memory = malloc(capacity) else { throw CompressedFile.tooLarge(source.path) }
        var count = carry.count
        carry.copyBytes(to: memory.assumingMemoryBound(to: UInt8.self), count: count)
        carry = Data()
        var searched = 0       // no line break before here
        var cut: Int?
        do throws(CorpusLoadError) {
            while !ended {
                if count >= blockSize, let end = Self.lastLineEnd(memory, from: searched, to: count) {
                    cut = end
                    break
                }
                searched = count
                if capacity - count < 1 << 20 {
                    // A line longer than a block: the block grows until it ends, up to half the
                    // machine's memory and the 2 GiB a record may take (blocks are placed by 32-bit offsets).
                    let limit = min(CompressedFile.memoryLimit, RecordFields.longestValue)
                    if capacity >= limit {
                        let why = limit == CompressedFile.memoryLimit ? "\(limit >> 30) GiB, half of this machine's memory" : "2 GiB, the most a record may take"
                        throw CorpusLoadError(file: source.path, message: "decompressed, one line of this file passes \(why): a record is a line")
                    }
                    capacity = min(capacity * 2, limit)
                    guard let grown = realloc(memory, capacity) else { throw CompressedFile.tooLarge(source.path) }
                    memory = grown
                }
                // Up to the block's size, then a little at a time until a line ends.
                let n = try source.read(into: memory + count, count: min(capacity - count, max(blockSize - count, 4_096)))
                count += n
                if n == 0 { ended = true }
            }
        } catch {
            free(memory)
            throw error
        }
        if let cut { carry = Data(bytes: memory + cut, count: count - cut) }
        let length = cut ?? count
        guard length > 0 else {
            free(memory)
            return nil
        }
        return Data(bytesNoCopy: memory, count: length, deallocator: .free)
    }

    /// Hands `body` `first` (the block already taken), then each block after it, in order, while
    /// a thread of its own decompresses the next ones (at most `blocksAhead` of them waiting), until
    /// the stream ends or `stop` is requested: the load takes about the time of the decompression
    /// alone, and only a few blocks are in memory at once.
    func forEach(first: Data, stop: LoadStop, _ body: (Data) throws(CorpusLoadError) -> Void) throws(CorpusLoadError) {
        let pipe = BlockPipe<Data, CorpusLoadError>(capacity: CompressedLinesReader.blocksAhead)
        let producer = Thread {
            do throws(CorpusLoadError) {
                while !pipe.isCancelled, !stop.isRequested(), let block = try self.next() {
                    pipe.put(block)
                }
                pipe.finish(nil)
            } catch {
                pipe.finish(error)
            }
        }
        producer.stackSize = 1 << 20
        producer.start()
        defer { pipe.cancel() }           // an early end lets the producer go (it stops at its next block)
        var block: Data? = first
        while let bytes = block, !stop.isRequested() {
            try body(bytes)
            block = try pipe.take()
        }
    }

    /// What is left of the stream, in memory, after `prefix` (for the forms not read a block at a time).
    func rest(after prefix: Data, stop: LoadStop) throws(CorpusLoadError) -> Data {
        var head = prefix
        head.append(carry)
        carry = Data()
        return ended ? head : try CompressedFile.rest(of: source, after: head, stop: stop)
    }

    /// Just past the last line break in `memory[from..<to]` (looked for from the end: lines are short).
    private static func lastLineEnd(_ memory: UnsafeMutableRawPointer, from: Int, to: Int) -> Int? {
        let bytes = memory.assumingMemoryBound(to: UInt8.self)
        var i = to
        while i > from {
            i -= 1
            if bytes[i] == 0x0A { return i + 1 }
        }
        return nil
    }
}
