/// The statements of each document: their rows grouped by document, in corpus order, so that a
/// document's statements are found without going through every statement (a loop over 125,000
/// documents asking each for its statements went through a million rows each time).
struct DocumentRows: Sendable {
    /// Document `d`'s rows are `rows[starts[d]..<starts[d + 1]]`.
    private let starts: [Int]
    private let rows: [Int32]

    /// Grouped from each row's document (-1: none), for `documentCount` documents: a counting sort.
    init(documents: ColumnArray<Int32>, documentCount: Int) {
        var starts = [Int](repeating: 0, count: documentCount + 1)
        for d in documents where d >= 0 { starts[Int(d) + 1] += 1 }
        for d in 0..<documentCount { starts[d + 1] += starts[d] }
        var next = starts
        var rows = [Int32](repeating: 0, count: starts[documentCount])
        for (row, d) in documents.enumerated() where d >= 0 {
            rows[next[Int(d)]] = Int32(row)
            next[Int(d)] += 1
        }
        self.starts = starts
        self.rows = rows
    }

    /// The rows of document `d`'s statements, in corpus order.
    func rows(of d: Int) -> ArraySlice<Int32> { rows[starts[d]..<starts[d + 1]] }
}
