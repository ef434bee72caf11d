/// One thing wrong with a corpus file, with where it is: file, line, column and the record's id.
public struct CorpusProblem: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// "statement 'd1#2'", "document 'd1'", "record 3"… when known.
    public var record: String?
    public var message: String
    /// Where the problem is when a file has no lines and columns: "statements row 12, column speaker"
    /// in a SQLite database (`line` and `column` then only order the problems).
    public var place: String?

    public init(file: String, line: Int, column: Int, record: String? = nil, message: String, place: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.record = record
        self.message = message
        self.place = place
    }

    public var description: String {
        (place.map { "\(file): \($0): " } ?? "\(file):\(line):\(column): ") + (record.map { "\($0): " } ?? "") + message
    }
}

/// Loading failed: every problem found (up to a limit), and how many more there were.
public struct CorpusLoadError: Error, Sendable, CustomStringConvertible {
    public var problems: [CorpusProblem]
    public var unreported: Int
    /// False when a file cannot be read at all (not valid JSON or CSV as a whole), so that
    /// `--skip-bad`, which skips bad records, would not help.
    public var recordsCanBeSkipped = true
    /// True when the load was stopped (`LoadStop`), not refused.
    public internal(set) var wasInterrupted = false

    public init(problems: [CorpusProblem], unreported: Int = 0) {
        self.problems = problems
        self.unreported = unreported
    }

    /// A file whose structure is broken at `problem`: nothing in it can be read.
    init(unreadable problem: CorpusProblem) {
        self.init(problems: [problem])
        recordsCanBeSkipped = false
    }

    public init(file: String, message: String) {
        self.init(problems: [CorpusProblem(file: file, line: 0, column: 0, message: message)])
    }

    /// A load stopped early (Ctrl-C): nothing of it is kept.
    static func interrupted(_ path: String) -> CorpusLoadError {
        var error = CorpusLoadError(file: path, message: "loading was interrupted (Ctrl-C); nothing of it was kept")
        error.recordsCanBeSkipped = false
        error.wasInterrupted = true
        return error
    }

    public var description: String {
        var lines = problems.map { $0.line == 0 ? "\($0.file): \($0.message)" : $0.description }
        if unreported > 0 { lines.append("… and \(unreported) more problems") }
        // Skipping bad records helps only when records are what is wrong, not a file that cannot be read.
        if recordsCanBeSkipped && (unreported > 0 || problems.contains(where: { $0.line > 0 })) {
            let total = problems.count + unreported
            lines.append("the corpus has \(MessageText.count(total, "problem")); fix \(total == 1 ? "it" : "them") or pass --skip-bad to load the good records")
        }
        return lines.joined(separator: "\n")
    }
}

/// Collects problems while loading, keeping the first `limit`.
struct ProblemLog {
    let limit: Int
    private(set) var problems: [CorpusProblem] = []
    private(set) var total = 0

    init(limit: Int = 100) { self.limit = limit }

    mutating func add(_ problem: CorpusProblem) {
        total += 1
        if problems.count < limit { problems.append(problem) }
    }

    /// Counts a problem, making it only if the log keeps it (a line and column can cost a scan).
    mutating func add(_ make: () -> CorpusProblem) {
        total += 1
        if problems.count < limit { problems.append(make()) }
    }

    /// Counts problems another log found beyond its own limit.
    mutating func addUncounted(_ n: Int) { total += n }

    var isEmpty: Bool { total == 0 }
    /// The problems in file order, so that a reader can fix them top to bottom.
    var error: CorpusLoadError {
        let ordered = problems.enumerated().sorted { a, b in
            (a.element.file, a.element.line, a.element.column, a.offset) < (b.element.file, b.element.line, b.element.column, b.offset)
        }.map(\.element)
        return CorpusLoadError(problems: ordered, unreported: total - problems.count)
    }
}
