import Foundation

/// Blocks handed from a thread that makes them to one that uses them, in order, at most
/// `capacity` waiting: decompressed lines to the loader, rows' cells to SQLite.
final class BlockPipe<Block, Failure: Error>: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: [Block] = []
    private var finished = false
    private var failure: Failure?
    private var cancelled = false
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    var isCancelled: Bool { condition.withLock { cancelled } }

    /// Hands over a block, waiting while `capacity` wait already (not once cancelled).
    func put(_ block: Block) {
        condition.withLock {
            while waiting.count >= capacity && !cancelled { condition.wait() }
            if !cancelled { waiting.append(block) }
            condition.broadcast()
        }
    }

    /// The end of the blocks, or the problem that ended them.
    func finish(_ failure: Failure?) {
        condition.withLock {
            finished = true
            self.failure = failure
            condition.broadcast()
        }
    }

    /// The reader stops taking blocks: the producer stops waiting and drops what it had.
    func cancel() {
        condition.withLock {
            cancelled = true
            waiting = []
            condition.broadcast()
        }
    }

    /// The next block, nil after the last; throws the problem that ended the blocks, once those
    /// before it are taken.
    func take() throws(Failure) -> Block? {
        let next: Result<Block?, Failure> = condition.withLock {
            while waiting.isEmpty && !finished { condition.wait() }
            if !waiting.isEmpty {
                condition.broadcast()
                return .success(waiting.removeFirst())
            }
            return failure.map { .failure($0) } ?? .success(nil)
        }
        return try next.get()
    }
}
