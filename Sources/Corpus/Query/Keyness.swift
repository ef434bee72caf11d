import Foundation

/// Keyness, as quanteda's `textstat_keyness` measures it: the words a target set of statements uses
/// more (or less) than a reference set does, by Pearson's chi-squared of each word's 2×2 table
/// (this word and the others, in the target and in the reference) with Yates's continuity
/// correction, as R's `chisq.test(correct = TRUE)` computes it; signed negative where the target
/// uses the word less than expected.
public struct Keyness: Sendable, Equatable {
    public let word: String
    public let chi2: Double
    /// The chance of a difference at least this large were the word used alike in both.
    public let p: Double
    /// How often the target and the reference use the word.
    public let target: Int
    public let reference: Int

    /// Each word of either set, most characteristic of the target first, of the reference last
    /// (ties in the order of the words read from that end: alphabetical from either end).
    public static func of(_ target: Selection, against reference: Selection, counting: WordCounting = WordCounting(),
                          maxWords: Int = .max) throws(Selection.TooManyRows) -> [Keyness] {
        func tally(_ selection: Selection) throws(Selection.TooManyRows) -> [String: Int] {
            var words: [String: Int] = [:]
            for row in try selection.wordCounts(counting: counting, maxRows: maxWords).rows { words[row.key[0].description] = row.count }
            return words
        }
        let inTarget = try tally(target), inReference = try tally(reference)
        let targetTotal = inTarget.values.reduce(0, +), referenceTotal = inReference.values.reduce(0, +)
        let words = Set(inTarget.keys).union(inReference.keys)
        return words.map { word in
            let (a, b) = (inTarget[word] ?? 0, inReference[word] ?? 0)
            let chi2 = signedChiSquared(a: a, b: b, c: targetTotal - a, d: referenceTotal - b)
            return Keyness(word: word, chi2: chi2, p: pValue(chi2), target: a, reference: b)
        }.sorted { $0.chi2 != $1.chi2 ? $0.chi2 > $1.chi2 : $0.chi2 < 0 ? $0.word > $1.word : $0.word < $1.word }
    }

    /// Chi-squared of the table [[a, b], [c, d]] (a word's count in the target and the reference
    /// above, the other words' below) with Yates's correction as R applies it: each cell's
    /// |observed − expected| less min(0.5, itself). Negative when a is below its expected count.
    static func signedChiSquared(a: Int, b: Int, c: Int, d: Int) -> Double {
        let cells = [a, b, c, d].map(Double.init)
        let n = cells.reduce(0, +)
        let rows = [cells[0] + cells[1], cells[2] + cells[3]], columns = [cells[0] + cells[2], cells[1] + cells[3]]
        guard n > 0, rows.allSatisfy({ $0 > 0 }), columns.allSatisfy({ $0 > 0 }) else { return 0 }
        var chi2 = 0.0
        for (i, observed) in cells.enumerated() {
            let expected = rows[i / 2] * columns[i % 2] / n
            let deviation = abs(observed - expected)
            chi2 += pow(deviation - min(0.5, deviation), 2) / expected
        }
        return cells[0] < rows[0] * columns[0] / n ? -chi2 : chi2
    }

    /// The upper tail of chi-squared with one degree of freedom at |chi2|.
    static func pValue(_ chi2: Double) -> Double { erfc((abs(chi2) / 2).squareRoot()) }
}
