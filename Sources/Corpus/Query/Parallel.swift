import Foundation

/// Splitting work over rows between the cores, for selections large enough to gain from it.
enum Parallel {
    /// Below this many rows one thread does the work.
    static let threshold = 50_000

    static var parts: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// `body(part, range)` for consecutive ranges covering `0..<count`; results in order.
    static func map<T>(count: Int, threshold: Int = threshold, _ body: @Sendable (Range<Int>) -> T) -> [T] {
        let parts = count >= threshold ? max(1, min(count, Self.parts)) : 1
        if parts == 1 { return [body(0..<count)] }
        return each(parts) { part in body((count * part / parts)..<(count * (part + 1) / parts)) }
    }

    /// `body(i)` for each `i` in `0..<count`, as many at once as there are cores; results in order.
    static func each<T>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let results = ResultSlots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { i in results.set(i, body(i)) }
        return results.values
    }

    /// Runs `first` and `second` at the same time, on two cores; they must touch nothing in common.
    static func both(_ first: () -> Void, _ second: () -> Void) {
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                let work = UncheckedBox((first, second))
                DispatchQueue.concurrentPerform(iterations: 2) { i in
                    if i == 0 { work.value.0() } else { work.value.1() }
                }
            }
        }
    }
}

/// One slot per part, each written by its own thread once (under a lock: the threads share the
/// array's storage).
private final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: T) { lock.withLock { slots[i] = value } }
    var values: [T] { lock.withLock { slots.map { $0! } } }
}
