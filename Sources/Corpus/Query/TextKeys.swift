import Foundation

/// Counting, sorting and listing by a field stored as text (id, text): the selection's distinct
/// texts get codes once, so the coded paths of `CodedKeys.swift` apply. Through each statement's
/// values, a million texts took 3 to 7 seconds (a `String`, an array and a set per row).
extension Selection {
    /// Codes for the texts of `field` in this selection's rows (-1 elsewhere), and the distinct
    /// texts in order of first appearance, read from the column when asked for; nil for fields not
    /// stored as text.
    func textKeyCodes(_ field: Field) -> Corpus.KeyCodes? {
        let column: TextColumn
        switch field {
        case .id: column = corpus.statements.ids
        case .text: column = corpus.statements.texts
        default: return nil
        }
        let (_, firsts) = EqualTexts.grouping(column, rows: rows)
        var codes = [Int32](repeating: -1, count: corpus.count)
        var firstRows: [Int] = []
        // Codes in order of first appearance: a text's first position comes before its repeats.
        for position in firsts.indices {
            let row = row(at: position), first = Int(firsts[position])
            if first == position {
                codes[row] = Int32(firstRows.count)
                firstRows.append(row)
            } else {
                codes[row] = codes[self.row(at: first)]
            }
        }
        return Corpus.KeyCodes(source: .codes(ColumnArray(codes), through: nil), values: KeyValues(column, firstRows: firstRows))
    }

    /// The codes of `field`: the corpus's own, or made for this selection's texts (unless
    /// `makingTexts` is false: coding every id or text costs more than some callers save) or date-times.
    func keyCodes(_ field: Field, makingTexts: Bool = true) -> Corpus.KeyCodes? {
        corpus.keyCodes(field) ?? (makingTexts ? textKeyCodes(field) : nil) ?? dateTimeKeyCodes(field)
    }
}
