@testable import Corpus
import Foundation
import Testing
import TestSupport

/// A bzip2 file is decompressed on all cores, block by block (`ParallelBzip2`): what comes out must
/// be what bzip2 put in, for every stream of a file, blocks of every size, runs that decompress to
/// far more than a block's size; damage must still be reported as damage.
@Suite struct ParallelBzip2Tests {
    /// Three streams (text in 100 kB blocks, long runs, nothing) and bytes that start no stream.
    static func streams(in folder: URL) throws -> (file: String, content: [UInt8]) {
        var random = SeededNumbers(seed: 3)
        let words = ["talks", "ceasefire", "border", "Khawaja", "Asif", "said", "the", "58", "soldiers", "قال", "\n"]
        let text = Array((0..<300_000).map { _ in words[random.next(words.count)] }.joined(separator: " ").utf8)
        let runs = Array(String(repeating: "a", count: 3_000_000).utf8) + Array("end of the runs\n".utf8)
        var file: [UInt8] = []
        for (i, (part, level)) in [(text, Int32(1)), (runs, 1), ([], 9)].enumerated() {
            let path = folder.appendingPathComponent("s\(i).bz2").path
            try Compression.bzip2(part, to: path, level: level)
            file += try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        }
        let path = folder.appendingPathComponent("all.bz2").path
        try Data(file + Array("not a stream".utf8)).write(to: URL(fileURLWithPath: path))
        return (path, text + runs)
    }

    static func readAll(_ reader: ParallelBzip2) -> [UInt8]? {
        var out: [UInt8] = []
        let chunk = 70_000     // not a divisor of any block's size
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            guard let n = reader.read(into: buffer, count: chunk) else { return nil }
            if n == 0 { return out }
            out += UnsafeRawBufferPointer(start: buffer, count: n)
        }
    }

    @Test func everyBlockOfEveryStreamComesOutInOrder() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (path, content) = try Self.streams(in: folder)
        let reader = try #require(ParallelBzip2(path: path))
        let out = try #require(Self.readAll(reader), "no block is damaged")
        #expect(out.count == content.count)
        #expect(out == content)
        // The same through the loader's reader.
        let decompressor = try Decompressor(path: path)
        #expect(try CompressedFile.rest(of: decompressor, after: Data(), stop: .never) == Data(content))
    }

    @Test func damageMakesItGiveUpAndTheLoaderReportsIt() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (path, _) = try Self.streams(in: folder)
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[bytes.count / 6] ^= 0x10            // inside the first stream's blocks
        let damaged = folder.appendingPathComponent("damaged.bz2").path
        try Data(bytes).write(to: URL(fileURLWithPath: damaged))
        #expect(Self.readAll(try #require(ParallelBzip2(path: damaged))) == nil)
        let decompressor = try Decompressor(path: damaged)
        #expect { try CompressedFile.rest(of: decompressor, after: Data(), stop: .never) } throws: {
            "\($0)".contains("the compressed data is damaged (decompressed ")
        }
    }

    @Test func aFileThatIsNotBzip2IsLeftToLibbz2() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("plain.bz2").path
        try Data("BZ? not really".utf8).write(to: URL(fileURLWithPath: path))
        #expect(ParallelBzip2(path: path) == nil)
    }
}
