import Foundation

/// A deterministic generated corpus in JSON Lines, with the records kept as Swift values so that
/// tests can compute expected answers independently of Parley's query code.
public struct SyntheticCorpus: Sendable {
    public struct Record: Sendable {
        public let id: String
        public let doc: String
        public let source: String
        public let speaker: String
        public let kind: String
        public let date: String
        public let topics: [String]
        public let text: String
        public let figure: Int?
    }

    public let records: [Record]
    public let jsonLines: String

    public static let speakers = ["Amina Rahimi", "Bilal Khan", "Chen Wei", "Dara Sultani", "Élodie Marchand", "Farid Nouri"]
    public static let sources = ["Dawn", "Tolo News", "Reuters", "Al Jazeera"]
    public static let kinds = ["direct", "indirect", "mixed", "according_to"]
    public static let topics = ["ceasefire", "border", "talks", "trade", "refugees"]
    static let words = ["the", "talks", "ceasefire", "Border", "will", "hold", "written", "agreement", "soil", "peace", "CEASEFIRE", "trade"]

    /// `count` statements over `count / 4` documents, from a linear congruential generator seeded with `seed`.
    public init(count: Int, seed: UInt64 = 42) {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var lines: [String] = []
        let documents = max(1, count / 4)
        var docSources: [String] = []
        for d in 0..<documents {
            let source = Self.sources[next(Self.sources.count)]
            docSources.append(source)
            let published = String(format: "20%02d-%02d-%02d", 20 + next(6), 1 + next(12), 1 + next(28))
            lines.append(#"{"type":"document","id":"d\#(d)","source":"\#(source)","published":"\#(published)"}"#)
        }
        var records: [Record] = []
        for i in 0..<count {
            let d = i * documents / count
            let speaker = Self.speakers[min(next(Self.speakers.count), next(Self.speakers.count))]   // skewed
            let kind = Self.kinds[next(Self.kinds.count)]
            let date = String(format: "20%02d-%02d-%02d", 20 + next(6), 1 + next(12), 1 + next(28))
            var topics = Set<String>()
            for _ in 0...next(3) { topics.insert(Self.topics[next(Self.topics.count)]) }
            let text = (0..<(3 + next(8))).map { _ in Self.words[next(Self.words.count)] }.joined(separator: " ")
            let figure = next(10) == 0 ? 1 + next(100) : nil
            let record = Record(id: "s\(i)", doc: "d\(d)", source: docSources[d], speaker: speaker, kind: kind, date: date,
                                topics: topics.sorted(), text: text, figure: figure)
            records.append(record)
            let topicList = record.topics.map { "\"\($0)\"" }.joined(separator: ",")
            let figures = figure.map { #","figures":[{"value":\#($0),"unit":"people"}]"# } ?? ""
            lines.append(#"{"type":"statement","id":"\#(record.id)","doc":"\#(record.doc)","speaker":"\#(speaker)","kind":"\#(kind)","date":"\#(date)","topics":[\#(topicList)],"text":"\#(text)"\#(figures)}"#)
        }
        self.records = records
        self.jsonLines = lines.joined(separator: "\n") + "\n"
    }

    /// Writes the corpus to a new .jsonl file and returns its path.
    public func write() -> String { Fixtures.write(jsonLines, named: "synthetic.jsonl") }
}
