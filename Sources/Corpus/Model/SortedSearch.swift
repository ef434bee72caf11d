extension RandomAccessCollection where Element: Comparable, Index == Int {
    /// In an ascending collection, the index of the first element at least `value` (`endIndex` if
    /// none): a binary search.
    func firstIndex(notBelow value: Element) -> Int {
        var low = startIndex, high = endIndex
        while low < high {
            let middle = low + (high - low) / 2
            if self[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Whether an ascending collection holds `value`.
    func sortedContains(_ value: Element) -> Bool {
        let i = firstIndex(notBelow: value)
        return i < endIndex && self[i] == value
    }
}
