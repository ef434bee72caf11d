/// Numbers that are the same on every run (a linear congruential generator), for tests that draw
/// random inputs and must fail the same way twice.
public struct SeededNumbers {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// A number in `0..<bound`.
    public mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }
}
