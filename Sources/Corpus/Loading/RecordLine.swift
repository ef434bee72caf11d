import CorpusScan

/// The cells of one row of a table (a SQLite table, a CSV file), as `RecordLine` reads them.
protocol RecordCells {
    var count: Int { get }
    /// Calls `body` with cell `i`.
    func withCell<R>(_ i: Int, _ body: (RecordLine.Cell) -> R) -> R
}

/// The quick way through a row of a table (a database's `statements` or `documents`, a CSV file):
/// the row written as the JSON line it stands for, which the C scanners of the JSON Lines reader
/// then read (a million rows of a database took 8.8 s through the full reader, which builds a
/// JSON tree and a `String` per cell; 2.1 s this way).
///
/// A row is written only when the line means exactly what the full reader would make of the
/// cells (see `CSVCorpusReader.Column.value`); anything else (a number or BLOB in a cell, a cell
/// of JSON that is not one balanced list, a field with checks of its own) leaves the row to the
/// full reader, which also reports its problems. A line the scanner does not take goes there too.
struct RecordLine {
    /// A cell as the table holds it.
    enum Cell {
        /// No value (NULL; an empty CSV cell).
        case absent
        /// Text, its UTF-8 bytes not checked yet (the scanner checks them).
        case text(UnsafeBufferPointer<UInt8>)
        /// Anything else (a number or BLOB in a database, a CSV cell that is not UTF-8): for the full reader.
        case other
    }

    /// What a column's cells become in the line.
    private enum Kind {
        /// A string field: the cell's text as a JSON string.
        case string
        /// A list of strings: a cell written as a JSON list as it is, other text split at `;`.
        case list
        /// Figures: a cell written as a JSON list as it is; `58 soldiers; 1,200 people` as that list.
        case figures
        /// A field the format does not define: text as a string, unless it looks like JSON (or,
        /// where numbers are not text, like a number).
        case extra
        /// A field the full reader must see (a type, a span, a document field of a statement).
        case fullReader
        /// A document field of a statement that the caller reads itself (CSV's `doc.*` columns).
        case elsewhere
    }

    private let kinds: [Kind]
    /// `,"name":` for each column, written once.
    private let keys: [[UInt8]]
    private let opening: [UInt8]
    /// The line of the row last written.
    private(set) var bytes: [UInt8] = []

    /// Whether an extra field's text that reads as a number stays text (in a database, which
    /// stores numbers as numbers) or is left to the full reader (in CSV, where it is a number).
    private let numbersAreText: Bool

    /// For the cells of `columns` in a table of `record`s (`statement` or `document`); document
    /// fields (`doc.source`) are left out of the line if `documentFieldsElsewhere`, else left to the full reader.
    init(record: String, columns: [CSVCorpusReader.Column], numbersAreText: Bool, documentFieldsElsewhere: Bool = false) {
        self.numbersAreText = numbersAreText
        // The lists of the record's own kind; other list fields (an entity's aliases on a statement)
        // are extra fields holding lists, and go to the full reader with the fields it checks itself.
        let lists: Set<String> = record == "statement" ? ["topics", "mentions"] : ["authors"]
        let fullReader = CSVCorpusReader.Column.listFields.union(["type", "span", "confidence", "relations", "figures"])
        kinds = columns.map { column in
            if column.isDocumentField { return documentFieldsElsewhere ? .elsewhere : .fullReader }
            if lists.contains(column.name) { return .list }
            if record == "statement" && column.name == "figures" { return .figures }
            if CSVCorpusReader.Column.stringFields.contains(column.name) { return .string }
            return fullReader.contains(column.name) ? .fullReader : .extra
        }
        keys = columns.map { column in
            var key: [UInt8] = [UInt8(ascii: ",")]
            var name = column.name
            name.withUTF8 { JSONValue.appendQuoted(utf8: $0, to: &key) }
            key.append(UInt8(ascii: ":"))
            return key
        }
        opening = Array("{\"type\":\"\(record)\"".utf8)
    }

    /// Writes the row whose cells (after the first `skipped`, a database's row id) are `row`'s
    /// into `bytes`; false if the full reader must read it.
    mutating func write(_ row: some RecordCells, skipping skipped: Int = 0) -> Bool {
        bytes.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: opening)
        for column in kinds.indices where column + skipped < row.count {
            let written = row.withCell(column + skipped) { cell -> Bool? in
                switch cell {
                case .absent: return true
                case .other: return false
                case .text(let text): return write(text, of: column)
                }
            }
            if written != true { return false }
        }
        bytes.append(UInt8(ascii: "}"))
        return true
    }

    /// Writes a cell's text as the value of column `column`; false if the full reader must read it.
    private mutating func write(_ cell: UnsafeBufferPointer<UInt8>, of column: Int) -> Bool {
        switch kinds[column] {
        case .fullReader: return false
        case .elsewhere: return true
        case .string:
            bytes.append(contentsOf: keys[column])
            JSONValue.appendQuoted(utf8: cell, to: &bytes)
        case .extra:
            if let first = cell.first {
                if first == UInt8(ascii: "[") || first == UInt8(ascii: "{") { return false }
                if !numbersAreText && (first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)) { return false }
            }
            bytes.append(contentsOf: keys[column])
            JSONValue.appendQuoted(utf8: cell, to: &bytes)
        case .figures:
            bytes.append(contentsOf: keys[column])
            if cell.first == UInt8(ascii: "[") {
                guard Self.isOneList(cell) else { return false }
                bytes.append(contentsOf: cell)
            } else {
                guard Self.appendFigures(cell, to: &bytes) else { return false }
            }
        case .list:
            bytes.append(contentsOf: keys[column])
            if cell.first == UInt8(ascii: "[") {
                guard Self.isOneList(cell) else { return false }
                bytes.append(contentsOf: cell)
            } else {
                guard Self.appendItems(cell, to: &bytes) else { return false }
            }
        }
        return true
    }

    /// Items joined with `;` as a JSON list of strings, each without the spaces and tabs around
    /// it, empty ones left out, as `CSVCorpusReader.Column.items` splits them. Text that is not
    /// ASCII is left to the full reader: it splits and trims whole characters, and a combining
    /// mark after a `;` or a space makes one character of the two.
    private static func appendItems(_ cell: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) -> Bool {
        guard !cell.contains(where: { $0 >= 0x80 }) else { return false }
        out.append(UInt8(ascii: "["))
        var first = true
        for item in cell.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false) {
            let blank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            guard let start = item.firstIndex(where: { !blank($0) }), let end = item.lastIndex(where: { !blank($0) }) else { continue }
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            JSONValue.appendQuoted(utf8: UnsafeBufferPointer(rebasing: item[start...end]), to: &out)
        }
        out.append(UInt8(ascii: "]"))
        return true
    }

    /// Figures written as `58 soldiers; 1,200 people` as the JSON list `CSVCorpusReader.Column.figure`
    /// makes of them (`{"value": 1200, "unit": "people"}`). Only ASCII, and numbers that are plain
    /// digits with commas between them and a decimal part: anything else (`+5`, `.5`, a number
    /// in other digits, an item that is not a figure) is left to the full reader, which reports.
    private static func appendFigures(_ cell: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) -> Bool {
        guard !cell.contains(where: { $0 >= 0x80 }) else { return false }
        let blank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        let digit: (UInt8) -> Bool = { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        out.append(UInt8(ascii: "["))
        var first = true
        for part in cell.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false) {
            guard let start = part.firstIndex(where: { !blank($0) }), let last = part.lastIndex(where: { !blank($0) }) else { continue }
            let item = part[start...last]
            // The number: as the full reader takes it, every leading digit, sign, point and comma.
            let numberEnd = item.firstIndex { !(digit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-")
                                                || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: ",")) } ?? item.endIndex
            var number = Array(item[start..<numberEnd])
            let negative = number.first == UInt8(ascii: "-")
            if negative { number.removeFirst() }
            // Commas only between digits, then digits, and a point only with digits on both sides.
            for (i, byte) in number.enumerated() where byte == UInt8(ascii: ",") {
                guard i > 0, i + 1 < number.count, digit(number[i - 1]), digit(number[i + 1]) else { return false }
            }
            number.removeAll { $0 == UInt8(ascii: ",") }
            let whole = number.prefix(while: digit)
            let fraction = number.dropFirst(whole.count)
            guard !whole.isEmpty, whole.count == 1 || whole.first != UInt8(ascii: "0"), whole.count <= 15,
                  fraction.isEmpty || (fraction.count > 1 && fraction.first == UInt8(ascii: ".") && fraction.dropFirst().allSatisfy(digit)),
                  !(negative && number.allSatisfy { $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: ".") }) else { return false }
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out.append(contentsOf: Array("{\"value\":".utf8))
            if negative { out.append(UInt8(ascii: "-")) }
            out.append(contentsOf: number)
            let unit = item[numberEnd...].drop(while: blank)
            if !unit.isEmpty {
                out.append(contentsOf: Array(",\"unit\":".utf8))
                JSONValue.appendQuoted(utf8: UnsafeBufferPointer(rebasing: unit), to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        return true
    }

    /// Whether a cell is one JSON list and nothing after it: it starts with `[`, and the bracket
    /// that closes it, outside strings, is its last byte (`ps_balanced_length`, which the scanner
    /// uses for extra fields). Whether what is inside is valid is for the scanner to say; this only
    /// makes sure that the cell cannot end the list early and add fields of its own to the line
    /// (`["a"], "speaker": "X"`).
    static func isOneList(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        guard cell.first == UInt8(ascii: "["), let base = cell.baseAddress else { return false }
        return ps_balanced_length(base, cell.count, 0) == cell.count
    }
}
