import CorpusScan

/// The statements' dates. Dates are interned as the other repeated strings are, but a date-time
/// ("2025-11-07T14:30:05+05:00") is interned as its day ("2025-11-07"), its time kept per row,
/// packed in 64 bits as written (`ps_pack_time`): a million date-times, nearly all different,
/// interned whole took 1.2 s and 531 MB to load and 0.6 s to open from a snapshot. A time that does
/// not pack (more than six digits of fraction) leaves its date interned whole.
///
/// Queries read dates by day (`codes`, `values`), as they always have: a date-time stands for its
/// day there. Its text (`self[row]`) and its parsed date (`date(row:)`) are the date-time's.
public struct DateColumn: Sendable {
    /// The days and the dates interned whole, a code per row.
    public internal(set) var days = InternedColumn()
    /// The parsed date of each of `days`' values, by code.
    public internal(set) var values: [CorpusDate] = []
    /// Each row's packed time (`noTime`: none); empty while no row has one.
    public internal(set) var times = ColumnArray<Int64>()

    public static let noTime: Int64 = -1

    public init() {}

    init(days: InternedColumn, values: [CorpusDate], times: ColumnArray<Int64>) {
        self.days = days
        self.values = values
        self.times = times
    }

    public var count: Int { days.count }
    /// One code per row, into `values`: a date-time's is its day's.
    public var codes: ColumnArray<Int32> { days.codes }
    /// Whether some row's date is a date-time kept by day and time.
    public var hasTimes: Bool { !times.isEmpty }

    /// Row `row`'s date as written.
    public subscript(row: Int) -> String? {
        guard let day = days[row] else { return nil }
        guard let time = time(row: row) else { return day }
        return day + Self.text(of: time)
    }

    /// Row `row`'s date, parsed.
    public func date(row: Int) -> CorpusDate? {
        let code = days.codes[row]
        guard code != InternedColumn.missing else { return nil }
        let day = values[Int(code)]
        guard let time = time(row: row) else { return day }
        return day.at(time: Self.text(of: time))
    }

    /// Row `row`'s packed time, if its date is a date-time kept by day and time.
    @inline(__always) public func time(row: Int) -> Int64? {
        guard !times.isEmpty else { return nil }
        let time = times[row]
        return time == Self.noTime ? nil : time
    }

    /// Writes a packed time as written, with its `T` or space first ("T14:30:05+05:00"), to `out`
    /// (room for `PS_TIME_TEXT_CAPACITY` bytes); returns its length. For C callers (the row view).
    public static let formatTime: @convention(c) (Int64, UnsafeMutablePointer<UInt8>?) -> Int = ps_format_time

    /// A packed time as written, with its `T` or space first ("T14:30:05+05:00").
    static func text(of time: Int64) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Int(PS_TIME_TEXT_CAPACITY)) { buffer in
            let length = ps_format_time(time, buffer.baseAddress!)
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<length]), as: UTF8.self)
        }
    }

    /// Appends the rows of `other`.
    mutating func append(contentsOf other: DateColumn) {
        let rows = count
        let remap = days.append(contentsOf: other.days)
        for (i, code) in remap.enumerated() where Int(code) == values.count { values.append(other.values[i]) }
        if other.hasTimes {
            if times.isEmpty { times = ColumnArray(repeating: Self.noTime, count: rows) }
            times.append(contentsOf: other.times)
        } else if hasTimes {
            times.append(Self.noTime, times: other.count)
        }
    }

    /// Keeps the rows at `rows` (ascending), in order.
    mutating func keep(_ rows: [Int]) {
        let (kept, oldCodes) = days.keeping(rows)
        values = oldCodes.map { values[Int($0)] }
        days = kept
        if hasTimes { times.keep(rows) }
    }
}

extension CorpusDate {
    /// This day at a time written `time` ("T14:30:05+05:00"), which `ps_pack_time` accepted.
    func at(time: String) -> CorpusDate { writtenAs(text + time, precision: .time) }
}
