/// The keys of a table in the order the REPL shows them, as inspect.lua and Penlight's pretty.write
/// order them: numbers by value, then names by their bytes. A Lua table has no order, and its
/// traversal order changes from run to run (Lua seeds its string hashes), so without this the same
/// table printed differently each time. Only the first `limit` keys are kept: a table of a million
/// keys costs one pass and no sort of the million.
struct DisplayedKeys {
    enum Key {
        case integer(Int)
        case float(Double)
        case name([UInt8])

        /// Numbers first, by value (an integer before an equal float), then names.
        static func precedes(_ a: Key, _ b: Key) -> Bool {
            switch (a, b) {
            case (.name(let x), .name(let y)): return x.lexicographicallyPrecedes(y)
            case (.name, _): return false
            case (_, .name): return true
            default:
                let (x, y) = (a.value, b.value)
                if x != y { return x < y }
                if case .integer = a, case .float = b { return true }
                return false
            }
        }

        private var value: Double {
            switch self {
            case .integer(let i): Double(i)
            case .float(let d): d
            case .name: 0
            }
        }
    }

    let limit: Int
    private(set) var first: [Key] = []

    init(limit: Int) { self.limit = max(0, limit) }

    /// Keeps `key` if it is among the first `limit` seen so far, in order.
    mutating func offer(_ key: Key) {
        guard limit > 0 else { return }
        if first.count == limit, let last = first.last, !Key.precedes(key, last) { return }
        var low = 0, high = first.count
        while low < high {
            let middle = (low + high) / 2
            if Key.precedes(first[middle], key) { low = middle + 1 } else { high = middle }
        }
        first.insert(key, at: low)
        if first.count > limit { first.removeLast() }
    }
}
