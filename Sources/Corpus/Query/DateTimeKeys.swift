/// Counting, sorting and listing by `date` when some dates are date-times, which are interned by
/// day with their times kept by row (`DateColumn`): each distinct day and time of the selection
/// gets a code once, so the coded paths of `CodedKeys.swift` apply. Through each statement's values,
/// counting a million date-times took 6 s.
extension Selection {
    private struct DayAndTime: Hashable {
        let day: Int32
        let time: Int64
    }

    /// Codes for the dates of this selection's rows (-1 elsewhere) and the distinct dates as
    /// written; nil unless `field` is the date and some dates are date-times.
    func dateTimeKeyCodes(_ field: Field) -> Corpus.KeyCodes? {
        let dates = corpus.statements.dates
        guard field == .date, dates.hasTimes else { return nil }
        let days = dates.codes, times = dates.times
        var codes = [Int32](repeating: -1, count: corpus.count)
        var seen: [DayAndTime: Int32] = [:]
        var values: [String] = []
        forEachRow { row in
            guard days[row] >= 0 else { return }
            let key = DayAndTime(day: days[row], time: times[row])
            if let code = seen[key] {
                codes[row] = code
            } else {
                codes[row] = Int32(values.count)
                seen[key] = codes[row]
                values.append(dates[row]!)
            }
        }
        return Corpus.KeyCodes(source: .codes(ColumnArray(codes), through: nil), values: KeyValues(values))
    }
}
