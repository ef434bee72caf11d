import Foundation

/// The values of one column, in memory of its own: grown with `realloc` (a large column grows by
/// remapping pages, not by copying into a second buffer), or a region of a mapped snapshot file read
/// in place. Its address stays put while nothing changes it, so the scripting layer may read a
/// column from C for as long as it holds the corpus. Copy-on-write, like Swift's arrays; a column
/// that lies in a file is copied into memory of its own when first changed.
///
/// A column whose values are all the same (a field no statement has: -1 codes, no spans) takes no
/// memory at all until a different value arrives; it then has no address, and a caller asking for
/// its values as a buffer gets a temporary one.
public struct ColumnArray<Element: BitwiseCopyable & Sendable>: RandomAccessCollection, Sendable, ExpressibleByArrayLiteral {
    private var storage: ColumnStorage<Element>

    public init() { storage = ColumnStorage() }
    public init<S: Sequence<Element>>(_ values: S) {
        storage = ColumnStorage()
        append(contentsOf: values)
    }
    public init(arrayLiteral elements: Element...) {
        storage = ColumnStorage()
        for element in elements { append(element) }
    }
    public init(repeating value: Element, count: Int) {
        storage = ColumnStorage()
        if count > 0 { storage.becomeConstant(value, count: count) }
    }

    /// Takes over `capacity` values' worth of memory from malloc, the first `count` of them set
    /// (the columns that loading builds in C).
    init(adopting base: UnsafeMutablePointer<Element>, count: Int, capacity: Int) {
        storage = ColumnStorage(adopting: base, count: count, capacity: capacity)
    }

    /// The `count` values at `base`, which `owner` keeps readable (a file mapping).
    init(mapped base: UnsafePointer<Element>, count: Int, owner: AnyObject & Sendable) {
        storage = ColumnStorage(borrowing: base, count: count, owner: owner)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.count }

    @inline(__always) public subscript(i: Int) -> Element {
        precondition(i >= 0 && i < storage.count, "index out of range")
        if let base = storage.base { return base[i] }
        return storage.constant.unsafelyUnwrapped
    }

    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        if let constant = storage.constant {
            let temporary = UnsafeMutableBufferPointer<Element>.allocate(capacity: storage.count)
            defer { temporary.deallocate() }
            temporary.initialize(repeating: constant)
            return try body(UnsafeBufferPointer(temporary))
        }
        return try body(UnsafeBufferPointer(start: storage.base, count: storage.count))
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

    @inline(__always) public mutating func append(_ value: Element) {
        if storage.base == nil {
            // The usual case of a column without memory (a field no statement has so far), inline.
            if let constant = storage.constant, Self.same(constant, value), isKnownUniquelyReferenced(&storage) {
                storage.count += 1
                return
            }
            if keepConstant(value, adding: 1) { return }
        }
        makeRoom(for: 1)
        storage.append(value)
    }

    /// Appends `value` `n` times (no time at all while the column holds that one value only).
    mutating func append(_ value: Element, times n: Int) {
        guard n > 0 else { return }
        if storage.base == nil, keepConstant(value, adding: n) { return }
        makeRoom(for: n)
        (storage.base! + storage.count).initialize(repeating: value, count: n)
        storage.count += n
    }

    /// Adds `n` times `value` to a column without memory (empty, or all one value) if it stays one
    /// value; false if the column needs memory for it.
    private mutating func keepConstant(_ value: Element, adding n: Int) -> Bool {
        guard storage.owner == nil, storage.count == 0 || storage.constant.map({ Self.same($0, value) }) == true else { return false }
        if isKnownUniquelyReferenced(&storage) {
            storage.count += n
            if storage.constant == nil { storage.constant = value }
        } else {
            let fresh = ColumnStorage<Element>()
            fresh.becomeConstant(value, count: storage.count + n)
            storage = fresh
        }
        return true
    }

    /// Bit-for-bit equality (so NaN equals NaN): one integer comparison for the usual sizes.
    @inline(__always) private static func same(_ a: Element, _ b: Element) -> Bool {
        switch MemoryLayout<Element>.size {
        case 1: unsafeBitCast(a, to: UInt8.self) == unsafeBitCast(b, to: UInt8.self)
        case 4: unsafeBitCast(a, to: UInt32.self) == unsafeBitCast(b, to: UInt32.self)
        case 8: unsafeBitCast(a, to: UInt64.self) == unsafeBitCast(b, to: UInt64.self)
        default: Swift.withUnsafeBytes(of: a) { x in Swift.withUnsafeBytes(of: b) { y in memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
        }
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
        if let constant = other.storage.constant { return append(constant, times: other.count) }
        other.withUnsafeBufferPointer { append(contentsOf: $0) }
    }

    /// Appends `other`'s values and empties it. A large column is copied a few megabytes at a time,
    /// each copied part of `other` handed back to the system at once, so that the two copies of the
    /// values never take memory together (merging the parts of a parallel load).
    public mutating func append(draining other: inout ColumnArray) {
        let step = 4 << 20
        guard other.count * MemoryLayout<Element>.stride > 2 * step, other.storage.owner == nil, storage.constant == nil,
              isKnownUniquelyReferenced(&other.storage), let source = other.storage.base else {
            append(contentsOf: other)
            other = ColumnArray()
            return
        }
        makeRoom(for: other.count)
        let total = other.count * MemoryLayout<Element>.stride
        let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(storage.base! + storage.count)
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        var done = 0
        while done < total {
            let n = Swift.min(step, total - done)
            (to + done).copyMemory(from: from + done, byteCount: n)
            // Whole pages inside the part just copied: the source is freed below and never read again.
            let start = (Int(bitPattern: from) + done + page - 1) / page * page
            let end = (Int(bitPattern: from) + done + n) / page * page
            if end > start { madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, Int32(MADV_DONTNEED)) }
            done += n
        }
        storage.count += other.count
        other = ColumnArray()
    }

    /// Appends `other`'s values from `start` on, each changed by `transform` (codes remapped,
    /// offsets shifted).
    mutating func append(mapping other: ColumnArray, from start: Int = 0, _ transform: (Element) -> Element) {
        let n = other.count - start
        guard n > 0 else { return }
        if let constant = other.storage.constant { return append(transform(constant), times: n) }
        makeRoom(for: n)
        let target = storage.base! + storage.count
        other.withUnsafeBufferPointer { values in
            for i in 0..<n { (target + i).initialize(to: transform(values[start + i])) }
        }
        storage.count += n
    }

    /// Whether the values lie in memory of this column's own that nothing else shares, so that they
    /// may be rearranged in place.
    mutating func ownsItsValues() -> Bool {
        storage.constant == nil && storage.owner == nil && storage.base != nil && isKnownUniquelyReferenced(&storage)
    }

    /// Calls `body` with the values to rearrange in place (only when `ownsItsValues()`), then keeps
    /// the first as many as it returns.
    mutating func rearrange(_ body: (UnsafeMutablePointer<Element>) -> Int) {
        precondition(ownsItsValues())
        let kept = body(storage.base!)
        precondition(kept <= storage.count)
        storage.count = kept
    }

    public mutating func reserveCapacity(_ n: Int) {
        if storage.constant != nil { return }   // no memory until a different value comes
        if !isKnownUniquelyReferenced(&storage) || storage.owner != nil {
            storage = storage.copy(capacity: Swift.max(n, storage.count))
        } else if n > storage.capacity {
            storage.grow(to: n)
        }
    }
}

extension ColumnArray: Equatable where Element: Equatable {
    public static func == (a: ColumnArray, b: ColumnArray) -> Bool { a.elementsEqual(b) }
}

/// The memory of a column: allocated with malloc (capacity > 0), or borrowed from `owner`.
private final class ColumnStorage<Element: BitwiseCopyable>: @unchecked Sendable {
    // Unchecked: a column is changed only through a uniquely held storage (copy on write), so no
    // two accesses can overlap; the dynamic checks would cost more than the reads they guard.
    @exclusivity(unchecked) var base: UnsafeMutablePointer<Element>?
    @exclusivity(unchecked) var count = 0
    @exclusivity(unchecked) var capacity = 0
    let owner: (AnyObject & Sendable)?
    /// Set while every value is this one and no memory is allocated (`base` is nil).
    @exclusivity(unchecked) var constant: Element?

    init() { owner = nil }

    init(adopting base: UnsafeMutablePointer<Element>, count: Int, capacity: Int) {
        self.base = base
        self.count = count
        self.capacity = capacity
        owner = nil
    }

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

    func becomeConstant(_ value: Element, count: Int) {
        constant = value
        self.count = count
    }

    func copy(capacity: Int) -> ColumnStorage {
        let copy = ColumnStorage()
        copy.grow(to: Swift.max(capacity, count))
        if let base, count > 0 { copy.base!.initialize(from: base, count: count) }
        if let constant, count > 0 { copy.base!.initialize(repeating: constant, count: count) }
        copy.count = count
        return copy
    }

    /// Only for memory of its own (values are plain bytes, so realloc may move them). A constant
    /// column gets its values written out.
    func grow(to newCapacity: Int) {
        precondition(owner == nil)
        if let value = constant {
            constant = nil
            base = nil
            grow(to: Swift.max(newCapacity, count))
            base!.initialize(repeating: value, count: count)
            return
        }
        let bytes = Swift.max(newCapacity, 1) * MemoryLayout<Element>.stride
        guard let grown = realloc(base, bytes) else { fatalError("out of memory growing a column to \(bytes) bytes") }
        base = grown.bindMemory(to: Element.self, capacity: newCapacity)
        capacity = newCapacity
    }
}
