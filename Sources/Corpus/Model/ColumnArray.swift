/// The values of one column: a Swift array while a corpus is being built, or a region of a mapped
/// snapshot file, read in place (opening a snapshot then copies nothing). Changing a column that
/// lies in a file first copies it into an array.
public struct ColumnArray<Element: BitwiseCopyable & Sendable>: RandomAccessCollection, Sendable, ExpressibleByArrayLiteral {
    private var array: [Element]
    private var region: MappedRegion<Element>?

    public init() { array = [] }
    public init(_ array: [Element]) { self.array = array }
    public init(arrayLiteral elements: Element...) { array = elements }
    public init(repeating value: Element, count: Int) { array = [Element](repeating: value, count: count) }

    /// The `count` values at `base`, which `owner` keeps readable (a file mapping).
    init(mapped base: UnsafePointer<Element>, count: Int, owner: AnyObject & Sendable) {
        array = []
        region = MappedRegion(base: base, count: count, owner: owner)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { region?.count ?? array.count }

    @inline(__always) public subscript(i: Int) -> Element {
        if let region {
            precondition(i >= 0 && i < region.count, "index out of range")
            return region.base[i]
        }
        return array[i]
    }

    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        if let region { return try body(UnsafeBufferPointer(start: region.base, count: region.count)) }
        return try array.withUnsafeBufferPointer(body)
    }

    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeBufferPointer { try body(UnsafeRawBufferPointer($0)) }
    }

    /// Whether the values are read in place from a file.
    public var isMapped: Bool { region != nil }

    private mutating func own() {
        guard let region else { return }
        array = Array(UnsafeBufferPointer(start: region.base, count: region.count))
        self.region = nil
    }

    public mutating func append(_ value: Element) {
        if region != nil { own() }
        array.append(value)
    }

    public mutating func append<S: Sequence<Element>>(contentsOf values: S) {
        if region != nil { own() }
        array.append(contentsOf: values)
    }

    /// Appends bytes or values in one copy.
    public mutating func append(contentsOf values: UnsafeBufferPointer<Element>) {
        if region != nil { own() }
        array.append(contentsOf: values)
    }

    public mutating func append(contentsOf other: ColumnArray) {
        other.withUnsafeBufferPointer { append(contentsOf: $0) }
    }

    /// Appends `other`'s values from `start` on, each changed by `transform` (codes remapped,
    /// offsets shifted).
    mutating func append(mapping other: ColumnArray, from start: Int = 0, _ transform: (Element) -> Element) {
        if region != nil { own() }
        array.reserveCapacity(array.count + other.count - start)
        other.withUnsafeBufferPointer { values in
            for value in values[start...] { array.append(transform(value)) }
        }
    }

    public mutating func reserveCapacity(_ n: Int) {
        if region != nil { own() }
        array.reserveCapacity(n)
    }

    public static func += <S: Sequence<Element>>(column: inout ColumnArray, values: S) { column.append(contentsOf: values) }
}

extension ColumnArray: Equatable where Element: Equatable {
    public static func == (a: ColumnArray, b: ColumnArray) -> Bool { a.elementsEqual(b) }
}

/// Values that lie in memory someone else owns (a file mapping); immutable, so shareable.
private final class MappedRegion<Element>: @unchecked Sendable {
    let base: UnsafePointer<Element>
    let count: Int
    let owner: AnyObject & Sendable

    init(base: UnsafePointer<Element>, count: Int, owner: AnyObject & Sendable) {
        self.base = base
        self.count = count
        self.owner = owner
    }
}
