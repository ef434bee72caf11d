/// The fields few statements have (figures, spans, confidences, relations), kept by row while the
/// statements are read, and written out as columns once read (`StatementColumns.finishReading`):
/// a statement without them costs nothing here.
struct SparseFields {
    private var figures: [Figure] = []
    /// The rows with figures, ascending, and the end of each one's figures in `figures`.
    private var figureEnds: [(row: Int, end: Int)] = []
    private var spans: [(row: Int, start: Int, end: Int)] = []
    private var confidences: [(row: Int, value: Double)] = []
    private var relations: [Int: [Relation]] = [:]

    /// Notes the fields of row `row` (rows come in ascending order).
    mutating func add(row: Int, figures more: [Figure], span: (start: Int, end: Int)?, confidence: Double?, relations related: [Relation]) {
        if !more.isEmpty {
            figures.append(contentsOf: more)
            figureEnds.append((row, figures.count))
        }
        if let span { spans.append((row, span.start, span.end)) }
        if let confidence { confidences.append((row, confidence)) }
        if !related.isEmpty { relations[row] = related }
    }

    /// Notes the figures, span and confidence a quick reader found for row `row`.
    mutating func add(row: Int, fieldsOf p: some PlainFields, _ bytes: (Range<Int>) -> UnsafeBufferPointer<UInt8>) {
        let before = figures.count
        p.appendFigures(to: &figures, bytes)
        if figures.count > before { figureEnds.append((row, figures.count)) }
        if let span = p.span { spans.append((row, span.start, span.end)) }
        if let confidence = p.confidence { confidences.append((row, confidence)) }
    }

    /// Sets these fields of `statements`, which has `rows` rows, for all of them.
    func fill(_ statements: inout Statements, rows: Int) {
        statements.figures = figures
        if figureEnds.isEmpty {
            statements.figureStarts = ColumnArray(repeating: 0, count: rows + 1)
        } else {
            var starts = ColumnArray<Int32>()
            starts.reserveCapacity(rows + 1)
            starts.append(0)
            var end = 0
            for (row, rowEnd) in figureEnds {
                starts.append(Int32(end), times: row + 1 - starts.count)
                end = rowEnd
                starts.append(Int32(end))
            }
            starts.append(Int32(end), times: rows + 1 - starts.count)
            statements.figureStarts = starts
        }
        statements.spanStarts = Self.column(rows, spans.lazy.map { ($0.row, Int32($0.start)) }, absent: -1)
        statements.spanEnds = Self.column(rows, spans.lazy.map { ($0.row, Int32($0.end)) }, absent: -1)
        statements.confidences = Self.column(rows, confidences.lazy.map { ($0.row, $0.value) }, absent: .nan)
        statements.relations = relations
    }

    /// A column of `rows` values: `absent` but at the rows given, ascending.
    private static func column<T: BitwiseCopyable & Sendable>(_ rows: Int, _ values: some Collection<(Int, T)>, absent: T) -> ColumnArray<T> {
        var column = ColumnArray<T>()
        for (row, value) in values {
            column.append(absent, times: row - column.count)
            column.append(value)
        }
        column.append(absent, times: rows - column.count)
        return column
    }
}
