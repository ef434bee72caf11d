import Foundation

/// A report built from parts, rendered for readers who will never open a terminal: Markdown,
/// self-contained HTML with SVG charts, plain text, JSON. Every report carries its provenance.
public final class Report {
    public enum Part {
        case heading(String)
        case text(String)
        case table(Tabular, caption: String?)
        case chart(Chart)
        case quotes([Quote])
    }

    /// A statement as a report quotes it.
    public struct Quote: Sendable {
        public var speaker: String
        public var role: String?
        public var date: String?
        public var source: String?
        public var url: String?
        public var text: String
        public var direct: Bool
    }

    public var title: String
    public private(set) var parts: [Part] = []
    public var provenance: Provenance

    public init(title: String, provenance: Provenance) {
        self.title = title
        self.provenance = provenance
    }

    public func add(_ part: Part) { parts.append(part) }
}

extension Report.Part {
    /// Roughly the bytes the part holds, counted toward a script's memory limit while its report
    /// lives: a loop of `r:text(s)` grew the process past the machine's memory, out of Lua's sight.
    var estimatedBytes: Int {
        switch self {
        case .heading(let text), .text(let text): text.utf8.count
        case .table(let table, let caption): table.estimatedBytes + (caption?.utf8.count ?? 0)
        case .chart(let chart):
            chart.title.utf8.count + chart.labels.reduce(0) { $0 + 16 + $1.utf8.count }
                + chart.series.reduce(0) { $0 + 16 + $1.name.utf8.count + 8 * $1.values.count }
        case .quotes(let quotes):
            quotes.reduce(0) { $0 + 64 + $1.text.utf8.count + $1.speaker.utf8.count + ($1.role?.utf8.count ?? 0) + ($1.url?.utf8.count ?? 0) }
        }
    }
}

/// Where a report came from, so that a reader can make it again.
public struct Provenance: Sendable {
    public var corpusName: String
    /// A hash of the corpus's statements (ids and texts), hexadecimal; nil when no corpus is loaded.
    public var corpusHash: String?
    /// The script or recipe, and the recipe's parameters.
    public var script: String
    public var parameters: [String: String]
    /// The filters that made each value shown, a chain per value ("where{…} → count_by(…)"), each
    /// once, in order. Kept whole: steps of several parts merged into one list read as one chain
    /// ("where{…} → count_by(a) → count_by(b)" for two tables of different data).
    public var filters: [String]
    public var version: String
    public var made: Date

    /// Now, or $SOURCE_DATE_EPOCH when set (for reproducible reports, as reproducible builds do).
    public static var now: Date {
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Double.init) {
            return Date(timeIntervalSince1970: epoch)
        }
        return Date()
    }

    public var lines: [String] {
        var lines = ["Corpus: \(corpusName)" + (corpusHash.map { " (content hash \($0))" } ?? ""), "Made by: \(script)"]
        if !parameters.isEmpty {
            lines.append("Parameters: " + parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))
        }
        if !filters.isEmpty { lines.append("Filters: " + filters.joined(separator: "; ")) }
        let stamp = ISO8601DateFormatter().string(from: made)
        lines.append("Parley \(version), \(stamp)")
        return lines
    }
}

/// A chart of counts: bars, a timeline, or bars stacked by a second key.
public struct Chart: Sendable {
    public enum Kind: String, Sendable, CaseIterable { case bar, timeline, stacked }
    public var kind: Kind
    public var title: String
    /// Bar labels (x axis for a timeline).
    public var labels: [String]
    /// One series per stacked key (one series for bar and timeline charts).
    public var series: [(name: String, values: [Double])]

    public var totals: [Double] { labels.indices.map { i in series.reduce(0) { $0 + $1.values[i] } } }
}
