/// A column of repeated strings (speaker, role, source, …) stored as integer codes into a pool, so
/// that filters compare integers and counts index arrays.
public struct InternedColumn: Sendable {
    /// The distinct values, in order of first appearance.
    public internal(set) var values: [String] = []
    private var codeOf: [String: Int32] = [:]
    /// One code per row; `missing` where the row has no value.
    public internal(set) var codes: [Int32] = []

    public static let missing: Int32 = -1

    public init() {}

    public var count: Int { codes.count }

    /// The code of `value`, adding it to the pool if new.
    public mutating func code(for value: String) -> Int32 {
        if let code = codeOf[value] { return code }
        let code = Int32(values.count)
        values.append(value)
        codeOf[value] = code
        return code
    }

    /// The code of `value` if it occurs in the column.
    public func existingCode(for value: String) -> Int32? { codeOf[value] }

    public mutating func append(_ value: String?) {
        codes.append(value.map { code(for: $0) } ?? Self.missing)
    }

    public mutating func reserveCapacity(_ n: Int) { codes.reserveCapacity(n) }

    public subscript(row: Int) -> String? {
        let code = codes[row]
        return code == Self.missing ? nil : values[Int(code)]
    }
}

/// A column of list-of-string values (topics, mentions): the items of all rows in one array of codes.
public struct ListColumn: Sendable {
    public internal(set) var pool = InternedColumn()
    /// Row `i` holds `items[starts[i]..<starts[i+1]]`.
    public internal(set) var starts: [Int32] = [0]
    public internal(set) var items: [Int32] = []

    public init() {}

    public var count: Int { starts.count - 1 }
    public var values: [String] { pool.values }

    public mutating func append(_ list: [String]) {
        for value in list { items.append(pool.code(for: value)) }
        starts.append(Int32(items.count))
    }

    public func codes(row: Int) -> ArraySlice<Int32> { items[Int(starts[row])..<Int(starts[row + 1])] }

    public subscript(row: Int) -> [String] { codes(row: row).map { pool.values[Int($0)] } }

    public func existingCode(for value: String) -> Int32? { pool.existingCode(for: value) }
}
