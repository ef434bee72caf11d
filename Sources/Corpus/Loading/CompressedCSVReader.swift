import Foundation

/// Reads a compressed CSV or TSV file (`quotes.csv.gz`) as it is decompressed, as
/// `CompressedLinesReader` reads JSON Lines, instead of decompressing it whole first: a few blocks
/// are in memory at once, not the whole text. A block ends with a line break, but a quoted cell
/// may hold line breaks, so a block is read up to the start of a record that its end cuts short,
/// and that record is carried over to the next block: the records, the problems and their lines
/// are those of the file read in one piece.
enum CompressedCSVReader {
    static func read(_ blocks: LineBlocks, first: Data, delimiter: UInt8, into builder: CorpusBuilder) throws(CorpusLoadError) {
        var rows: CSVCorpusReader.Rows?
        var carry = Data()
        // A carried record is read again once what is carried has grown to this: a quote that
        // never closes makes the rest of the file one record, read again as it doubles, not with
        // every block (which would take time in the square of the file's size).
        var readAgainAt = 0
        // Where, in what is carried, the quote that has not closed opens.
        var quoteOffset = 0
        var lineBase = 0
        var isFirst = true
        // Reads `bytes` (a block, after what the last one carried over); with `more`, a record cut
        // short by the end is carried over instead of reported.
        func readBlock(_ bytes: Data, more: Bool) throws(CorpusLoadError) {
            let file = SourceFile(path: blocks.path, bytes: ByteSource(data: bytes), lineBase: lineBase)
            if rows == nil { rows = CSVCorpusReader.Rows(file: file, builder: builder, quick: true) } else { rows!.continueIn(file) }
            // Only the file's first bytes may hold a byte order mark.
            let start = isFirst ? file.bytes.contentStart : 0
            isFirst = false
            var end = bytes.count
            do {
                try rows!.read(from: start, until: bytes.count, delimiter: delimiter)
            } catch where more && error.unclosed {
                end = error.record
                carry = bytes.subdata(in: end..<bytes.count)
                readAgainAt = 2 * carry.count
                quoteOffset = error.offset - end
            } catch {
                throw CSVCorpusReader.fatal(file, error.offset, "not valid CSV: \(error.message)")
            }
            if let failure = rows!.failure { throw failure }
            lineBase += file.releaseBytes(upTo: end)
        }
        try blocks.forEach(first: first, stop: builder.stop) { block throws(CorpusLoadError) in
            guard !carry.isEmpty else { return try readBlock(block, more: true) }
            guard carry.count + block.count <= RecordFields.longestValue else {
                // Blocks are placed by 32-bit offsets; a record this long is a quote never closed.
                let file = SourceFile(path: blocks.path, bytes: ByteSource(data: carry), lineBase: lineBase)
                throw CSVCorpusReader.fatal(file, quoteOffset, "not valid CSV: this quoted field runs on for 2 GiB, the most a record may take: a quote (\") is likely missing")
            }
            carry.append(block)
            guard carry.count >= readAgainAt else { return }
            let bytes = carry
            carry = Data()
            try readBlock(bytes, more: true)
        }
        if !carry.isEmpty && !builder.stop.isRequested() { try readBlock(carry, more: false) }
    }
}
