extension Counts {
    /// The rows of a `Counts`, largest count first. Rows counted through codes are made one at a
    /// time when read: counting a million statements by their text gives a million rows, of which
    /// a script usually shows ten (`count_by("text"):top(10)`); making them all, a `String` and an
    /// array each, took longer than the counting.
    public struct Rows: RandomAccessCollection, Sendable, Equatable {
        private enum Storage: Sendable {
            case made([Row])
            case coded(Coded)
        }

        /// Tallied combinations of codes, in the rows' order (see `Selection.codedCounts`).
        struct Coded: Sendable {
            let counts: [Int]
            let combinations: [Int]
            /// Per key, the number of its codes (the combination is a mixed-radix number, the first
            /// key's code most significant) and its values by code.
            let radices: [Int]
            let values: [KeyValues]

            func row(_ i: Int) -> Row {
                var key = [FieldValue](repeating: .string(""), count: radices.count)
                var rest = combinations[i]
                for k in radices.indices.reversed() {
                    key[k] = .string(values[k][rest % radices[k]])
                    rest /= radices[k]
                }
                return Row(key: key, count: counts[i])
            }
        }

        private let storage: Storage
        /// The part of the storage these rows are (`top(n)` keeps the first n).
        private let window: Range<Int>

        init(_ rows: [Row]) {
            storage = .made(rows)
            window = rows.indices
        }

        init(coded: Coded) {
            storage = .coded(coded)
            window = coded.counts.indices
        }

        private init(_ storage: Storage, window: Range<Int>) {
            self.storage = storage
            self.window = window
        }

        public var startIndex: Int { 0 }
        public var endIndex: Int { window.count }

        public subscript(i: Int) -> Row {
            precondition(i >= 0 && i < window.count, "row out of range")
            switch storage {
            case .made(let rows): return rows[window.lowerBound + i]
            case .coded(let coded): return coded.row(window.lowerBound + i)
            }
        }

        /// The count of row `i`, without making its key.
        func count(at i: Int) -> Int {
            switch storage {
            case .made(let rows): rows[window.lowerBound + i].count
            case .coded(let coded): coded.counts[window.lowerBound + i]
            }
        }

        /// The first `n` rows (all of them when there are fewer), still made when read.
        func first(_ n: Int) -> Rows {
            Rows(storage, window: window.lowerBound..<window.lowerBound + Swift.min(Swift.max(n, 0), window.count))
        }

        public static func == (a: Rows, b: Rows) -> Bool { a.elementsEqual(b) }
    }
}
