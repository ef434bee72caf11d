import Foundation

/// Wall-clock time since it was made, for `--timer` and the REPL's `.timer on`, reported as the
/// shells of sqlite3 and DuckDB report theirs ("Run Time: 0.012 s").
public struct Stopwatch {
    private let start = DispatchTime.now()

    public init() {}

    public var seconds: Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }

    /// "Load Time: 0.412 s", for `what` "Load".
    public func line(_ what: String) -> String { "\(what) Time: " + String(format: "%.3f s", seconds) }
}
