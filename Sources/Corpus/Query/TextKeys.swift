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
        var codes = [Int32](repeating: -1, count: corpus.count)
        var firstRows: [Int] = []
        column.bytes.withUnsafeBufferPointer { bytes in
            column.starts.withUnsafeBufferPointer { starts in
                @inline(__always) func text(_ row: Int) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(rebasing: bytes[starts[row]..<starts[row + 1]])
                }
                // Open addressing over codes (+1, 0 when empty), comparing the column's bytes in place.
                var slots = [Int32](repeating: 0, count: Self.slotCount(for: count))
                let mask = slots.count - 1
                forEachRow { row in
                    let bytes = text(row)
                    var slot = Int(ByteInterner.hash(bytes)) & mask
                    while true {
                        let found = slots[slot]
                        if found == 0 {
                            slots[slot] = Int32(firstRows.count + 1)
                            codes[row] = Int32(firstRows.count)
                            firstRows.append(row)
                            break
                        }
                        let other = text(firstRows[Int(found - 1)])
                        if other.count == bytes.count && (bytes.count == 0 || memcmp(other.baseAddress!, bytes.baseAddress!, bytes.count) == 0) {
                            codes[row] = found - 1
                            break
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
        return Corpus.KeyCodes(source: .codes(ColumnArray(codes), through: nil), values: KeyValues(column, firstRows: firstRows))
    }

    /// A power of two at least twice `rows`, so that probes stay short.
    private static func slotCount(for rows: Int) -> Int {
        var n = 16
        while n < rows * 2 { n *= 2 }
        return n
    }

    /// The codes of `field`: the corpus's own, or made for this selection's texts (unless
    /// `makingTexts` is false: coding every id or text costs more than some callers save) or date-times.
    func keyCodes(_ field: Field, makingTexts: Bool = true) -> Corpus.KeyCodes? {
        corpus.keyCodes(field) ?? (makingTexts ? textKeyCodes(field) : nil) ?? dateTimeKeyCodes(field)
    }
}
