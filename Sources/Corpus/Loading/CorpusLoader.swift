import Foundation

/// Reads a corpus from a file (JSON, JSON Lines) or from every corpus file in a folder.
public enum CorpusLoader {
    public struct Result: Sendable {
        public let corpus: Corpus
        /// Records left out because they had problems (with `skipBad`).
        public let skipped: Int
    }

    static let jsonExtensions: Set<String> = ["json"]
    static let jsonLinesExtensions: Set<String> = ["jsonl", "ndjson"]

    /// Loads `path`. With `skipBad`, records with problems are left out and counted; without it, any
    /// problem fails the load and every problem found is reported.
    public static func load(path: String, skipBad: Bool = false) throws(CorpusLoadError) -> Result {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CorpusLoadError(file: path, message: "no such file or folder")
        }
        let files = isDirectory.boolValue ? try corpusFiles(in: path) : [path]
        let builder = CorpusBuilder()
        for file in files { try read(file, into: builder) }
        let corpus = try builder.finish(skipBad: skipBad)
        return Result(corpus: corpus, skipped: builder.skipped)
    }

    /// Parses corpus text held in memory (as if read from `path`, whose extension picks the form).
    public static func load(text: String, path: String, skipBad: Bool = false) throws(CorpusLoadError) -> Result {
        let builder = CorpusBuilder()
        try read(SourceFile(path: path, text: text), into: builder)
        let corpus = try builder.finish(skipBad: skipBad)
        return Result(corpus: corpus, skipped: builder.skipped)
    }

    private static func corpusFiles(in folder: String) throws(CorpusLoadError) -> [String] {
        let url = URL(fileURLWithPath: folder)
        guard let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw CorpusLoadError(file: folder, message: "cannot read the folder")
        }
        var files: [String] = []
        for case let file as URL in enumerator {
            let ext = file.pathExtension.lowercased()
            if jsonExtensions.contains(ext) || jsonLinesExtensions.contains(ext) { files.append(file.path) }
        }
        guard !files.isEmpty else {
            throw CorpusLoadError(file: folder, message: "the folder holds no corpus file (.json, .jsonl, .ndjson)")
        }
        return files.sorted()
    }

    private static func read(_ path: String, into builder: CorpusBuilder) throws(CorpusLoadError) {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else {
            throw CorpusLoadError(file: path, message: "cannot read the file (is it readable?)")
        }
        try read(SourceFile(path: path, bytes: ByteSource(data: data)), into: builder)
    }

    private static func read(_ file: SourceFile, into builder: CorpusBuilder) throws(CorpusLoadError) {
        builder.addOrigin(file.path)
        let ext = URL(fileURLWithPath: file.path).pathExtension.lowercased()
        if jsonLinesExtensions.contains(ext) {
            JSONLinesReader.readInParallel(file, into: builder)
        } else if jsonExtensions.contains(ext) {
            try JSONCorpusReader.read(file, into: builder)
        } else {
            throw CorpusLoadError(file: file.path, message: "unknown corpus form '.\(ext)': use .json, .jsonl or .ndjson")
        }
    }
}
