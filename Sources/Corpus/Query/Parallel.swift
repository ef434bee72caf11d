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
        let results = ResultSlots<T>(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let range = (count * part / parts)..<(count * (part + 1) / parts)
            results.set(part, body(range))
        }
        return results.values
    }
}

/// One slot per part, each written by its own thread once.
private final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: T) { slots[i] = value }
    var values: [T] { slots.map { $0! } }
}
