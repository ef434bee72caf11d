/// What a file's first bytes say it holds, whatever its name: a corpus named .jsonl that holds
/// gzip data, or a program read as text, gave one "not valid JSON" per line (494 of them for
/// /bin/ls), none naming the cause. As `file(1)` does, by the signature formats start with.
enum FileSignature: Equatable {
    case gzip, bzip2, sqlite, zip, xz, zstd, sevenZip, pdf, office, program, image, binary

    /// The signature of a file starting with `start` (its first few kilobytes), if it has one.
    static func of(_ start: some Collection<UInt8>) -> FileSignature? {
        let known: [([UInt8], FileSignature)] = [
            ([0x1F, 0x8B], .gzip), (Array("SQLite format 3\0".utf8), .sqlite), (Array("PK\u{3}\u{4}".utf8), .zip),
            ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], .xz), ([0x28, 0xB5, 0x2F, 0xFD], .zstd),
            ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], .sevenZip), (Array("%PDF-".utf8), .pdf),
            ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], .office),
            ([0x7F, 0x45, 0x4C, 0x46], .program), ([0xCF, 0xFA, 0xED, 0xFE], .program), (Array("MZ".utf8), .program),
            ([0x89, 0x50, 0x4E, 0x47], .image), ([0xFF, 0xD8, 0xFF], .image), (Array("GIF8".utf8), .image),
        ]
        if let (_, signature) = known.first(where: { start.starts(with: $0.0) }) { return signature }
        // "BZh" and the block size, 1 to 9.
        if start.starts(with: Array("BZh".utf8)), let size = start.dropFirst(3).first, (0x31...0x39).contains(size) { return .bzip2 }
        // Text has no control characters but tab, line ends and form feed; a stray NUL or two in a
        // text file is a problem of that line, said with its place, not a file of another kind.
        let controls = start.lazy.filter { $0 < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains($0) }.count
        return controls * 10 > start.count && controls > 8 ? .binary : nil
    }

    /// What the file is, as a message says it.
    var description: String {
        switch self {
        case .gzip: "gzip-compressed data"
        case .bzip2: "bzip2-compressed data"
        case .sqlite: "an SQLite database"
        case .zip: "a ZIP archive"
        case .xz: "xz-compressed data"
        case .zstd: "zstd-compressed data"
        case .sevenZip: "a 7-Zip archive"
        case .pdf: "a PDF document"
        case .office: "a Word or Excel file of the older format (.doc, .xls)"
        case .program: "a program"
        case .image: "an image"
        case .binary: "binary data"
        }
    }

    /// What to do about it, for the file named `name`.
    func advice(for name: String) -> String {
        switch self {
        case .gzip: "name it after what it holds, such as corpus.jsonl.gz (.json, .jsonl, .ndjson, .csv or .tsv inside), and Parley reads it as it is"
        case .bzip2: "name it after what it holds, such as corpus.jsonl.bz2 (.json, .jsonl, .ndjson, .csv or .tsv inside), and Parley reads it as it is"
        case .sqlite: "name it .sqlite or .db"
        case .zip: "unzip it first (unzip \(name)), then load what it holds (a spreadsheet saved as .xlsx is a ZIP archive too: save it as CSV)"
        case .xz: "decompress it first (unxz -k \(name))"
        case .zstd: "decompress it first (unzstd \(name))"
        case .sevenZip: "extract it first (7z x \(name))"
        case .office: "save it as CSV (a table) or as plain text"
        case .pdf, .program, .image, .binary:
            "a corpus is JSON Lines, JSON, CSV or SQLite (see docs/corpus-format.md): is it the file you meant?"
        }
    }
}
