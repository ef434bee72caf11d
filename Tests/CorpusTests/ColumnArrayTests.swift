@testable import Corpus
import Testing

/// Columns hold their values in memory of their own, share it until changed, and keep a run of one
/// repeated value without memory; every path must give the values an array would.
@Suite struct ColumnArrayTests {
    /// A random sequence of operations, done on a column and on an array side by side.
    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func behavesLikeAnArray(seed: UInt64) {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var column = ColumnArray<Int32>()
        var array: [Int32] = []
        var snapshots: [(ColumnArray<Int32>, [Int32])] = []
        for _ in 0..<3_000 {
            switch next(8) {
            case 0, 1, 2:   // runs of one value, as missing codes come
                let value = Int32(next(3) - 1)
                for _ in 0..<next(40) { column.append(value); array.append(value) }
            case 3:
                let other = (0..<next(20)).map { _ in Int32(next(5)) }
                column.append(contentsOf: ColumnArray(other))
                array += other
            case 4:
                let other = ColumnArray<Int32>(repeating: 7, count: next(30))
                column.append(contentsOf: other)
                array += [Int32](repeating: 7, count: other.count)
            case 5:
                let other = ColumnArray<Int32>(repeating: -1, count: next(30) + 1)
                column.append(mapping: other, from: 1) { $0 + 2 }
                array += [Int32](repeating: 1, count: other.count - 1)
            case 6:
                snapshots.append((column, array))   // shared storage, then changed: copy on write
            default:
                column.reserveCapacity(column.count + next(100))
            }
            #expect(column.count == array.count)
        }
        #expect(Array(column) == array)
        #expect(column.withUnsafeBufferPointer { Array($0) } == array)
        for (kept, expected) in snapshots { #expect(Array(kept) == expected, "a copy is not changed by later appends") }
    }

    @Test func aRepeatedValueTakesNoMemoryUntilAnotherComes() {
        var column = ColumnArray<Int32>()
        for _ in 0..<100_000 { column.append(-1) }
        #expect(column.baseAddress == nil && column.count == 100_000 && column[99_999] == -1)
        #expect(column.withUnsafeBufferPointer { $0.allSatisfy { $0 == -1 } })
        column.append(3)
        #expect(column.baseAddress != nil && column[99_999] == -1 && column[100_000] == 3)
        let nan = ColumnArray<Double>(repeating: .nan, count: 10)
        var more = nan
        more.append(.nan)
        #expect(more.baseAddress == nil && more.count == 11, "NaN repeats too (the same bits)")
    }

    @Test func drainingMovesLargeColumnsAndEmptiesTheSource() {
        var target = ColumnArray<UInt8>(Array("head ".utf8))
        let bytes = (0..<(9 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var source = ColumnArray(bytes)
        target.append(draining: &source)
        #expect(source.isEmpty)
        #expect(target.count == 5 + bytes.count)
        #expect(target[5] == bytes[0] && target[target.count - 1] == bytes[bytes.count - 1])
        #expect(target.withUnsafeBufferPointer { Array($0[5...]) == bytes })
    }
}
