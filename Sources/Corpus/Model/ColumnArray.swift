import Foundation

/// The values of one column, in memory of its own: grown with `realloc` (a large column grows by
/// remapping pages, not by copying into a second buffer), or a region of a mapped snapshot file read
/// in place. Its address stays put while nothing changes it, so the scripting layer may read a
/// column from C for as long as it holds the corpus. Copy-on-write, like Swift's arrays; a column
/// that lies in a file is copied into memory of its own when first changed.
public struct ColumnArray<Element: BitwiseCopyable & Sendable>: RandomAccessCollection, Sendable, ExpressibleByArrayLiteral {
    private var storage: ColumnStorage<Element>

    public init() { storage = ColumnStorage() }
    public init<S: Sequence<Element>>(_ values: S) {
        storage = ColumnStorage()
        append(contentsOf: values)
    }
    public init(arrayLiteral elements: Element...) { self.init(elements) }
    public init(repeating value: Element, count: Int) {
        storage = ColumnStorage()
        reserveCapacity(count)
        for _ in 0..<count { storage.append(value) }
    }

    /// The `count` values at `base`, which `owner` keeps readable (a file mapping).
    init(mapped base: UnsafePointer<Element>, count: Int, owner: AnyObject & Sendable) {
        storage = ColumnStorage(borrowing: base, count: count, owner: owner)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.count }

    @inline(__always) public subscript(i: Int) -> Element {
        precondition(i >= 0 && i < storage.count, "index out of range")
        return storage.base.unsafelyUnwrapped[i]
    }

    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: storage.base, count: storage.count))
    }

    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeBufferPointer { try body(UnsafeRawBufferPointer($0)) }
    }

    /// Where the values lie. It stays valid, and the values unchanged, for as long as this column
    /// (or a copy of it) exists unchanged: a change makes a copy elsewhere if the storage is shared.
    public var baseAddress: UnsafePointer<Element>? { UnsafePointer(storage.base) }

    /// Whether the values are read in place from a file.
    public var isMapped: Bool { storage.owner != nil }

    /// Makes the storage this column's own and writable, with room for `n` more values (growing
    /// by doubling, so that appends cost constant time on average).
    @inline(__always) private mutating func makeRoom(for n: Int) {
        let needed = storage.count + n
        if !isKnownUniquelyReferenced(&storage) || storage.owner != nil {
            storage = storage.copy(capacity: Swift.max(needed, 16))
        } else if needed > storage.capacity {
            storage.grow(to: Swift.max(needed, storage.capacity * 2, 16))
        }
    }

    public mutating func append(_ value: Element) {
        makeRoom(for: 1)
        storage.append(value)
    }

    public mutating func append<S: Sequence<Element>>(contentsOf values: S) {
        if let done = values.withContiguousStorageIfAvailable({ append(contentsOf: $0) }) { return done }
        for value in values { append(value) }
    }

    /// Appends values in one copy.
    public mutating func append(contentsOf values: UnsafeBufferPointer<Element>) {
        guard let source = values.baseAddress, !values.isEmpty else { return }
        makeRoom(for: values.count)
        (storage.base! + storage.count).initialize(from: source, count: values.count)
        storage.count += values.count
    }

    public mutating func append(contentsOf other: ColumnArray) {
        other.withUnsafeBufferPointer { append(contentsOf: $0) }
    }

    /// Appends `other`'s values from `start` on, each changed by `transform` (codes remapped,
    /// offsets shifted).
    mutating func append(mapping other: ColumnArray, from start: Int = 0, _ transform: (Element) -> Element) {
        let n = other.count - start
        guard n > 0 else { return }
        makeRoom(for: n)
        let target = storage.base! + storage.count
        other.withUnsafeBufferPointer { values in
            for i in 0..<n { (target + i).initialize(to: transform(values[start + i])) }
        }
        storage.count += n
    }

    public mutating func reserveCapacity(_ n: Int) {
        if !isKnownUniquelyReferenced(&storage) || storage.owner != nil {
            storage = storage.copy(capacity: Swift.max(n, storage.count))
        } else if n > storage.capacity {
            storage.grow(to: n)
        }
    }

    public static func += <S: Sequence<Element>>(column: inout ColumnArray, values: S) { column.append(contentsOf: values) }
}

extension ColumnArray: Equatable where Element: Equatable {
    public static func == (a: ColumnArray, b: ColumnArray) -> Bool { a.elementsEqual(b) }
}

/// The memory of a column: allocated with malloc (capacity > 0), or borrowed from `owner`.
private final class ColumnStorage<Element: BitwiseCopyable>: @unchecked Sendable {
    var base: UnsafeMutablePointer<Element>?
    var count = 0
    var capacity = 0
    let owner: (AnyObject & Sendable)?

    init() { owner = nil }

    init(borrowing base: UnsafePointer<Element>, count: Int, owner: AnyObject & Sendable) {
        self.base = UnsafeMutablePointer(mutating: base)
        self.count = count
        self.owner = owner
    }

    deinit { if owner == nil { free(base) } }

    @inline(__always) func append(_ value: Element) {
        (base! + count).initialize(to: value)
        count += 1
    }

    func copy(capacity: Int) -> ColumnStorage {
        let copy = ColumnStorage()
        copy.grow(to: capacity)
        if let base, count > 0 { copy.base!.initialize(from: base, count: count) }
        copy.count = count
        return copy
    }

    /// Only for memory of its own (values are plain bytes, so realloc may move them).
    func grow(to newCapacity: Int) {
        precondition(owner == nil)
        let bytes = Swift.max(newCapacity, 1) * MemoryLayout<Element>.stride
        guard let grown = realloc(base, bytes) else { fatalError("out of memory growing a column to \(bytes) bytes") }
        base = grown.bindMemory(to: Element.self, capacity: newCapacity)
        capacity = newCapacity
    }
}
