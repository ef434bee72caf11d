/// The statements of a corpus, stored column-wise: one array per field, repeated strings interned.
/// Row `i` of every column is statement `i`.
public struct Statements: Sendable {
    public internal(set) var ids = TextColumn()
    /// Index into the corpus's documents, or -1.
    public internal(set) var documents = ColumnArray<Int32>()
    public internal(set) var speakers = InternedColumn()
    /// The speaker as the source spelled it, where that differs from the canonical name.
    public internal(set) var speakerTexts = InternedColumn()
    public internal(set) var roles = InternedColumn()
    public internal(set) var affiliations = InternedColumn()
    public internal(set) var kinds = InternedColumn()
    public internal(set) var texts = TextColumn()
    public internal(set) var cues = InternedColumn()
    /// Dates as written: interned by day, a date-time's time kept by row (see `DateColumn`).
    public internal(set) var dates = DateColumn()
    public internal(set) var dateTexts = InternedColumn()
    public internal(set) var channels = InternedColumn()
    public internal(set) var places = InternedColumn()
    public internal(set) var topics = ListColumn()
    public internal(set) var mentions = ListColumn()
    /// Row `i` has `figures[figureStarts[i]..<figureStarts[i+1]]`.
    public internal(set) var figureStarts: ColumnArray<Int32> = [0]
    public internal(set) var figures: [Figure] = []
    /// Span start and end in code points, -1 when absent.
    public internal(set) var spanStarts = ColumnArray<Int32>()
    public internal(set) var spanEnds = ColumnArray<Int32>()
    /// NaN when absent.
    public internal(set) var confidences = ColumnArray<Double>()
    public internal(set) var statuses = InternedColumn()
    /// Only the statements that have relations.
    public internal(set) var relations: [Int: [Relation]] = [:]
    /// Fields the format does not define, by name.
    public internal(set) var extras: [String: ExtraColumn] = [:]

    public var count: Int { speakers.count }

    public func date(row: Int) -> CorpusDate? { dates.date(row: row) }

    public func figures(row: Int) -> ArraySlice<Figure> {
        figures[Int(figureStarts[row])..<Int(figureStarts[row + 1])]
    }

    public func span(row: Int) -> (start: Int, end: Int)? {
        spanStarts[row] < 0 ? nil : (Int(spanStarts[row]), Int(spanEnds[row]))
    }

    public func confidence(row: Int) -> Double? {
        confidences[row].isNaN ? nil : confidences[row]
    }

    /// The interned columns, in one order for all that goes through them (snapshots, merging parts).
    static let internedColumns: [WritableKeyPath<Statements, InternedColumn> & Sendable] = [
        \.speakers, \.speakerTexts, \.roles, \.affiliations, \.kinds, \.cues, \.dateTexts, \.channels, \.places, \.statuses,
    ]

    /// The names of the fields every statement has, in the format's order.
    public static let fieldNames = [
        "id", "doc", "speaker", "speaker_text", "role", "affiliation", "kind", "text", "cue", "date", "date_text",
        "channel", "place", "topics", "mentions", "figures", "span", "confidence", "status", "relations",
    ]
}
