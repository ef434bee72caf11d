import Foundation

/// The stretches of a file that loader threads read, each into a builder of its own, merged in file
/// order at the end. A thread that has finished its stretch takes the second half of what is left
/// of the largest other one, so that one slow thread does not keep the others waiting. Lines are
/// never split: every boundary is at the start of a line.
final class FileSegments: @unchecked Sendable {
    /// One stretch: `start` is fixed; `end` moves down when another thread takes the rest.
    final class Segment: @unchecked Sendable {
        let start: Int
        let builder: CorpusBuilder
        let file: SourceFile
        /// About how many bytes the reader claims at a time.
        let step: Int
        // Both guarded by `lock`: the reader claims blocks up to `end`; a thief lowers `end` above `claimed`.
        private var end: Int
        private var claimed: Int
        private let lock = NSLock()

        init(_ range: Range<Int>, builder: CorpusBuilder, file: SourceFile, step: Int) {
            self.step = step
            start = range.lowerBound
            end = range.upperBound
            claimed = range.lowerBound
            self.builder = builder
            self.file = file
        }

        /// The next block of whole lines for the reader (about `step` bytes), nil when done.
        func claim(in buffer: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
            lock.lock()
            defer { lock.unlock() }
            guard claimed < end else { return nil }
            let block = claimed..<FileSegments.lineStart(atOrAfter: min(end, claimed + step), before: end, in: buffer)
            claimed = block.upperBound
            return block
        }

        /// Unclaimed bytes.
        var left: Int {
            lock.lock()
            defer { lock.unlock() }
            return end - claimed
        }

        /// Gives up the second half of what is unclaimed, from a line start on; nil if too little is left.
        func split(minimum: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
            lock.lock()
            defer { lock.unlock() }
            guard end - claimed >= minimum else { return nil }
            let middle = FileSegments.lineStart(atOrAfter: claimed + (end - claimed) / 2, before: end, in: buffer)
            guard middle < end else { return nil }
            defer { end = middle }
            return middle..<end
        }
    }

    let file: SourceFile
    private var segments: [Segment]
    private let lock = NSLock()
    /// Less than this left in a stretch is not worth another thread's builder and merge.
    static let minimumSplit = 8 << 20
    private let minimumSplit: Int
    private let step: Int

    /// The file cut into `parts` stretches of about equal size, the first read into `builder`; each
    /// reader claims about `step` bytes at a time.
    init(_ file: SourceFile, parts: Int, builder: CorpusBuilder, step: Int, minimumSplit: Int = FileSegments.minimumSplit) {
        self.file = file
        self.step = step
        self.minimumSplit = minimumSplit
        var cuts = [file.bytes.contentStart]
        file.bytes.withUnsafeBufferPointer { buffer in
            for i in 1..<parts { cuts.append(Self.lineStart(atOrAfter: max(buffer.count * i / parts, cuts.last!), before: buffer.count, in: buffer)) }
        }
        cuts.append(file.bytes.count)
        segments = (0..<parts).map { i in
            Segment(cuts[i]..<cuts[i + 1], builder: i == 0 ? builder : CorpusBuilder(stop: builder.stop),
                    file: i == 0 ? file : file.forAnotherPart(), step: step)
        }
    }

    func initial(_ i: Int) -> Segment {
        lock.lock()
        defer { lock.unlock() }
        return segments[i]
    }

    /// A new stretch taken from the one with the most left, for a thread that has finished its own.
    func steal() -> Segment? {
        lock.lock()
        defer { lock.unlock() }
        guard let victim = segments.max(by: { $0.left < $1.left }),
              let taken = file.bytes.withUnsafeBufferPointer({ victim.split(minimum: minimumSplit, in: $0) }) else { return nil }
        let segment = Segment(taken, builder: CorpusBuilder(stop: victim.builder.stop), file: file.forAnotherPart(), step: step)
        segments.append(segment)
        return segment
    }

    /// How many stretches there are now.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return segments.count
    }

    /// The stretches in file order (the first reads into the builder given to `init`).
    var inOrder: [Segment] {
        lock.lock()
        defer { lock.unlock() }
        return segments.sorted { $0.start < $1.start }
    }

    /// The first line start at or after `offset` (the end if none comes before it).
    static func lineStart(atOrAfter offset: Int, before end: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        guard offset > 0, offset < end else { return min(max(offset, 0), end) }
        if buffer[offset - 1] == 0x0A { return offset }
        guard let newline = memchr(buffer.baseAddress! + offset, 0x0A, end - offset) else { return end }
        return UnsafeRawPointer(newline) - UnsafeRawPointer(buffer.baseAddress!) + 1
    }
}
