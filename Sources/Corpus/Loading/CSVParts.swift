import CorpusScan
import Foundation

/// Reads a large CSV file in one part per core, each into a builder of its own, merged in file
/// order, as DuckDB's parallel CSV reader does. A record may span lines (a quoted field holds line
/// breaks), so the file is cut at line breaks outside quotes, found by counting the quotes before
/// each cut (RFC 4180 quotes come in pairs); a stray quote that ends an unquoted field (`5"`, then
/// a comma) can mislead that count, so each cut is then checked: the part before it must end
/// exactly there.
/// When a check fails, a part meets unreadable CSV, or the parts describe a document in ways that
/// the rows of one piece would be read differently by, nothing is kept and the caller reads the
/// file in one piece, which reports what it finds.
enum CSVParts {
    /// Reads `file` into `builder` in up to `parts` parts; the rows taken the quick way, or nil
    /// (nothing read) when it is read in one piece instead.
    static func read(_ file: SourceFile, delimiter: UInt8, parts: Int, into builder: CorpusBuilder) throws(CorpusLoadError) -> Int? {
        guard let (columns, bodyStart) = try CSVCorpusReader.header(file, delimiter: delimiter) else { return nil }
        let cuts = file.bytes.withUnsafeBufferPointer { cutPoints($0, from: bodyStart, parts: parts, delimiter: delimiter) }
        guard cuts.count > 2 else { return nil }
        let count = cuts.count - 1
        let work = UncheckedBox((file, columns, builder.stop))
        let results = Parallel.each(count) { i in
            let (file, columns, stop) = work.value
            let part = CorpusBuilder(stop: stop)
            var rows = CSVCorpusReader.Rows(file: i == 0 ? file : file.forAnotherPart(),
                                            builder: part, quick: true, columns: columns, defersDocuments: true)
            let end = try? rows.read(from: cuts[i], until: cuts[i + 1], delimiter: delimiter)
            part.columns = part.takeColumns()          // made Swift columns here, on this part's thread
            return UncheckedBox((rows, end))
        }.map(\.value)
        // Each part must have ended where the next begins (the last anywhere: it read to the end).
        for (i, end) in results.map(\.1).enumerated() {
            guard let end, i == count - 1 || end == cuts[i + 1] else { return nil }
        }
        let parts = results.map(\.0)
        guard let documents = newDocuments(parts) else { return nil }
        // Each part adds the documents it was first to describe, on all cores.
        let readers = UncheckedBox(parts)
        _ = Parallel.each(count) { i in
            let rows = readers.value[i]
            for name in documents[i] { rows.addDocument(name, to: rows.builder) }
        }
        for rows in parts { builder.absorb(rows.builder) }
        return parts.reduce(0) { $0 + ($1.quickRows?.taken ?? 0) }
    }

    /// Where the parts start (and the file's end): at line starts outside quotes, about equally far
    /// apart; fewer when the file is too small to cut. Only quotes next to a delimiter, a line
    /// break or another quote are counted (every quote of valid CSV is), so that a stray one inside
    /// an unquoted field (`5" screen`) does not mislead the cuts after it.
    static func cutPoints(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, parts: Int, delimiter: UInt8) -> [Int] {
        let size = buffer.count - start
        guard parts > 1, size > 0, let base = buffer.baseAddress else { return [start, buffer.count] }
        let nominal = (0...parts).map { start + size * $0 / parts }
        let bytes = UncheckedBox(base), count = buffer.count
        // The quotes in each stretch before a cut, counted on all cores: their parity says whether
        // a cut is inside quotes (the last stretch's need not be counted).
        let quotes = Parallel.each(parts - 1) { i in ps_count_csv_quotes(bytes.value, nominal[i], nominal[i + 1], count, delimiter) }
        var cuts = [start]
        var before = 0
        for i in 1..<parts {
            before += quotes[i - 1]
            let cut = ps_csv_line_start(base, nominal[i], buffer.count, before % 2 == 1 ? 1 : 0, delimiter)
            if cut > cuts.last! && cut < buffer.count { cuts.append(cut) }
        }
        cuts.append(buffer.count)
        return cuts
    }

    /// The documents each part described first of all the parts, in the order it described them;
    /// nil when a part read rows against a description of its own that differs from an earlier
    /// part's (the rows of one piece would have been checked against the earlier one), or left a
    /// row out for describing a document differently.
    private static func newDocuments(_ parts: [CSVCorpusReader.Rows]) -> [[String]]? {
        var first: [String: [[UInt8]?]] = [:]
        var documents: [[String]] = []
        for (i, rows) in parts.enumerated() {
            if i > 0 && rows.differingRows > 0 { return nil }
            var new: [String] = []
            for name in rows.described {
                let description = rows.documents[name]!
                if let earlier = first[name] {
                    guard earlier == description.cells else { return nil }
                } else {
                    first[name] = description.cells
                    new.append(name)
                }
            }
            documents.append(new)
        }
        return documents
    }
}
