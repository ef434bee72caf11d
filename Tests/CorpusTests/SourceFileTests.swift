@testable import Corpus
import Foundation
import Testing
import TestSupport

/// Placing a problem by line and column: forward from the last answer, back within its line, or
/// anywhere through an index of lines; over a mapped file whose pages are handed back as they are
/// walked, the answers are the same as counting the bytes one by one.
@Suite struct SourceFileTests {
    /// Lines of 0 to 300 characters (some of two, three and four bytes), some ending in CR LF,
    /// some empty: several megabytes, so that walks cross the megabyte steps that are handed back.
    static func text(seed: UInt64) -> [UInt8] {
        var numbers = SeededNumbers(seed: seed)
        let pieces: [[UInt8]] = ["a", "word ", "é", "ب", "中", "🙂", "\t", "\"q\""].map { Array($0.utf8) }
        var bytes: [UInt8] = []
        while bytes.count < 3 << 20 {
            for _ in 0..<numbers.next(300) { bytes += pieces[numbers.next(pieces.count)] }
            if numbers.next(5) == 0 { bytes.append(0x0D) }
            bytes.append(0x0A)
        }
        return bytes
    }

    /// Line and column as a reader counts them: lines from 1, columns in characters (UTF-8 lead bytes) from 1.
    static func counted(_ bytes: [UInt8], _ offset: Int) -> (line: Int, column: Int) {
        var line = 1, lineStart = 0
        for i in 0..<offset where bytes[i] == 0x0A { line += 1; lineStart = i + 1 }
        return (line, 1 + bytes[lineStart..<offset].count { $0 & 0xC0 != 0x80 })
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func positionsAreThoseOfCountingEveryByte(seed: UInt64) throws {
        let bytes = Self.text(seed: seed)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parley-source-\(UUID().uuidString).txt").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let mapped = try #require(ByteSource.map(path))
        #expect(mapped.mapped)
        let file = SourceFile(path: path, bytes: mapped)
        var numbers = SeededNumbers(seed: seed &+ 100)
        // Forward as a reader finds problems, then back within a line, then anywhere.
        var offsets = (0..<40).map { _ in numbers.next(bytes.count) }.sorted()
        offsets += offsets.flatMap { [$0, max($0 - 3, 0)] }
        offsets += (0..<40).map { _ in numbers.next(bytes.count) }
        offsets += [0, bytes.count - 1, bytes.count]
        for offset in offsets where offset == bytes.count || bytes[offset] & 0xC0 != 0x80 {
            let position = file.position(of: offset), expected = Self.counted(bytes, offset)
            #expect(position.line == expected.line && position.column == expected.column, "offset \(offset)")
        }
        // A file held in memory (a decompressed one) is placed the same way.
        let inMemory = SourceFile(path: path, bytes: ByteSource(data: Data(bytes)))
        for offset in offsets.reversed().prefix(60) where offset == bytes.count || bytes[offset] & 0xC0 != 0x80 {
            let position = inMemory.position(of: offset), expected = Self.counted(bytes, offset)
            #expect(position.line == expected.line && position.column == expected.column, "offset \(offset)")
        }
    }
}
