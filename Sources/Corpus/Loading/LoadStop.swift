/// Asks a load to stop early (Ctrl-C in the REPL while a large corpus loads). Readers look at it
/// between blocks or rows and stop reading; the loader then throws `CorpusLoadError.interrupted`,
/// and nothing of the partial corpus is kept.
public struct LoadStop: Sendable {
    public let isRequested: @Sendable () -> Bool

    public init(_ isRequested: @escaping @Sendable () -> Bool) { self.isRequested = isRequested }

    /// A load that runs to its end.
    public static let never = LoadStop { false }
}
