import Foundation

/// An article's text made into corpus records: a document holding the text, and the statements
/// `ArticleStatements` finds in it as drafts (status "draft", a confidence, the span of each), in
/// JSON Lines, which any part of Parley then reads and checks as it reads a corpus.
public enum ArticleIngest {
    /// What an analyst knows of the article besides its text.
    public struct Metadata: Sendable {
        public var id: String
        public var title: String?
        public var source: String?
        public var url: String?
        public var published: CorpusDate?
        public var language: String?

        /// The rest is set field by field.
        public init(id: String) { self.id = id }
    }

    /// An article's text: UTF-8, or UTF-16 with its byte order mark as the corpus loaders read it
    /// (Notepad's "Unicode"); a byte order mark dropped.
    public static func readText(path: String) throws(CorpusLoadError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CorpusLoadError(file: path, message: FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file")
        }
        if let message = notAnArticle(data, path: path) { throw CorpusLoadError(file: path, message: message) }
        let utf16 = data.withUnsafeBytes { raw in
            Swift.Result { () throws(CorpusLoadError) in try TextEncoding.utf16Text(raw.bindMemory(to: UInt8.self), path: path) }
        }
        if let text = try utf16.get() { return text }
        guard var text = String(validating: data, as: UTF8.self) else {
            throw CorpusLoadError(file: path, message: "not UTF-8 text: save the article as UTF-8 (plain text)")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }

    /// Why a file given as an article is none, when it is a corpus or compressed: a corpus named
    /// by mistake is not made a document of its JSON.
    static func notAnArticle(_ data: Data, path: String) -> String? {
        let start = data.prefix(64)
        // What analysts have an article as besides text: a PDF, a Word document.
        let name = (path as NSString).lastPathComponent
        let signature = FileSignature.of(data.prefix(4096))
        switch signature {
        case .gzip?, .bzip2?: return "it is compressed (gzip or bzip2): decompress it first"
        case .pdf?: return "it is a PDF document, not text: save its text as a .txt file (pdftotext \(name) does it)"
        case .zip?, .office?:
            return "it is a Word document or another archive, not text: save the article as plain text (.txt), or the page it is on as HTML"
        // Binary data without a signature is left to the text's own check (UTF-16 has NUL bytes).
        case let found? where ![.sqlite, .binary].contains(found):
            return "it is \(found.description), not an article's text: ingest reads articles as plain text, or pages saved as HTML"
        default: break
        }
        let ext = (path as NSString).pathExtension.lowercased()
        // JSON records: "{" first, or "[" then "{", after spaces and a byte order mark.
        let bytes = data.prefix(4096).drop { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
        let json = bytes.first == UInt8(ascii: "{")
            || bytes.first == UInt8(ascii: "[") && bytes.dropFirst().drop(while: { [0x20, 0x09, 0x0A, 0x0D].contains($0) }).first == UInt8(ascii: "{")
        let corpus = start.starts(with: Snapshot.magic) ? "a Parley snapshot" : signature == .sqlite ? "an SQLite database"
            : json ? "JSON records" : CorpusLoader.isCorpusForm(ext) || ext == Snapshot.fileExtension ? "a corpus (.\(ext))" : nil
        return corpus.map { "it holds \($0), not an article's text: open a corpus with parley --corpus \(path); ingest reads articles (plain text, or pages saved as HTML)" }
    }

    /// What ingest reads from a folder: articles' texts and saved pages.
    public static let articleExtensions: Set<String> = ["txt", "text", "md", "html", "htm"]

    /// The articles a path names: the file itself, or a folder's articles (and its subfolders'),
    /// sorted by path.
    public static func articleFiles(_ path: String) throws(CorpusLoadError) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [path] }
        let files = try FolderFiles.files(in: path) { articleExtensions.contains($0.pathExtension.lowercased()) }
        guard !files.isEmpty else { throw CorpusLoadError(file: path, message: "the folder holds no article (.txt, .md, .html, .htm)") }
        return files
    }

    /// A document id made from a file's name: "reports/Dawn 8 Nov.txt" is "Dawn-8-Nov".
    public static func documentID(forFile path: String) -> String {
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let kept = stem.unicodeScalars.map { ArticleText.isLetter($0) || "-_.".unicodeScalars.contains($0) ? Character($0) : "-" }
        let id = String(kept).split(separator: "-", omittingEmptySubsequences: true).joined(separator: "-")
        return id.isEmpty ? "article" : id
    }

    /// The JSON Lines of the document and its draft statements, and the drafts.
    /// The title, place and day the article's head gives are taken where the metadata has none.
    /// A text cut into lines of a width is read, and kept, as its paragraphs (`HardWraps`).
    public static func records(text written: String, metadata given: Metadata) -> (jsonLines: String, statements: [DraftStatement]) {
        let text = HardWraps.unwrapped(written)
        let article = ArticleText(text)
        let head = ArticleHead(article)
        var m = given
        m.title = m.title ?? head.title
        m.published = m.published ?? head.published
        let drafts = ArticleStatements.find(in: article, published: m.published, dateline: head.dateline)
        func member(_ key: String, _ value: JSONValue?) -> JSONMember? { value.map { CorpusRecords.member(key, $0) } }
        func string(_ s: String?) -> JSONValue? { s.map { .string($0) } }
        var lines: [String] = []
        let document: [JSONMember?] = [member("type", .string("document")), member("id", .string(m.id)), member("title", string(m.title)),
                                       member("source", string(m.source)), member("url", string(m.url)), member("published", string(m.published?.text)),
                                       member("language", string(m.language)), member("place", string(head.place)), member("text", .string(text))]
        lines.append(JSONValue.object(document.compactMap { $0 }).jsonText)
        for (i, d) in drafts.enumerated() {
            let span = JSONValue.array([d.span.lowerBound, d.span.upperBound].map { JSONNode(.integer(Int64($0)), offset: 0) })
            let statement: [JSONMember?] = [
                member("type", .string("statement")), member("id", .string("\(m.id)#\(i + 1)")), member("doc", .string(m.id)),
                member("speaker", .string(d.speaker)), member("role", string(d.role)), member("kind", .string(d.kind)),
                member("text", .string(d.text)), member("cue", string(d.cue)), member("date", string(d.date)),
                member("date_text", string(d.dateText)),
                member("figures", d.figures.isEmpty ? nil : .array(d.figures.map { JSONNode(CorpusRecords.figure($0), offset: 0) })),
                member("span", span), member("confidence", .number(d.confidence)),
                member("status", .string("draft")),
            ]
            lines.append(JSONValue.object(statement.compactMap { $0 }).jsonText)
        }
        return (lines.joined(separator: "\n") + "\n", drafts)
    }
}
