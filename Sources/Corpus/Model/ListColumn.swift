/// A column of list-of-string values (topics, mentions): the items of all rows in one array of codes.
public struct ListColumn: Sendable {
    public internal(set) var pool = InternedColumn()
    /// Row `i` holds `items[starts[i]..<starts[i+1]]`.
    public internal(set) var starts: ColumnArray<Int32> = [0]
    public internal(set) var items = ColumnArray<Int32>()

    public init() {}

    init(pool: InternedColumn, starts: ColumnArray<Int32>, items: ColumnArray<Int32>) {
        self.pool = pool
        self.starts = starts
        self.items = items
    }

    public var count: Int { starts.count - 1 }
    public var values: [String] { pool.values }

    public mutating func append(_ list: [String]) {
        for value in list { items.append(pool.code(for: value)) }
        starts.append(Int32(items.count))
    }

    /// Appends a row whose items are the UTF-8 strings that `bytes` gives for `ranges`.
    mutating func append(utf8 ranges: some Collection<Range<Int>>, _ bytes: (Range<Int>) -> UnsafeBufferPointer<UInt8>) {
        for range in ranges { items.append(pool.code(forUTF8: bytes(range))) }
        starts.append(Int32(items.count))
    }

    public func codes(row: Int) -> Slice<ColumnArray<Int32>> { items[Int(starts[row])..<Int(starts[row + 1])] }

    public subscript(row: Int) -> [String] { codes(row: row).map { pool.values[Int($0)] } }

    public func existingCode(for value: String) -> Int32? { pool.existingCode(for: value) }
}
