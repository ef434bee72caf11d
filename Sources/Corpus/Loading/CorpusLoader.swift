import Foundation

/// Reads a corpus from a file (JSON, JSON Lines, CSV, SQLite) or from every corpus file in a folder.
public enum CorpusLoader {
    public struct Result: Sendable {
        public let corpus: Corpus
        /// Records left out because they had problems (with `skipBad`).
        public let skipped: Int
        /// What happened to a snapshot that the analyst need not be told of: opened, written.
        var information: [String] = []
        /// What the analyst should be told of: a snapshot that was stale or damaged and rebuilt, or
        /// one that could not be written (the load itself worked).
        public var warnings: [String] = []
        /// Everything that happened to a snapshot.
        public var notes: [String] { information + warnings }

        init(corpus: Corpus, skipped: Int, information: [String] = []) {
            self.corpus = corpus
            self.skipped = skipped
            self.information = information
        }

        /// A corpus read from `path`: an empty one loads (a pipeline's first step may write one),
        /// but with a warning, since a script over it would count nothing without a word. The
        /// builder's `warnings` are said of `path`.
        init(corpus: Corpus, skipped: Int, path: String, warnings: [String] = []) {
            self.init(corpus: corpus, skipped: skipped)
            self.warnings = warnings.map { "\(path): \($0)" }
            if corpus.count == 0 && skipped == 0 {
                let documents = corpus.documentCount
                self.warnings.append("\(path): no statements in it" + (documents > 0 ? " (only \(MessageText.count(documents, "document")))" : ""))
            }
        }
    }

    static let jsonExtensions: Set<String> = ["json"]
    static let jsonLinesExtensions: Set<String> = ["jsonl", "ndjson"]
    /// How to decompress the compressed forms Parley does not read itself (it reads .gz and .bz2).
    static let decompressors = ["xz": "unxz -k", "zst": "unzstd", "zip": "unzip"]

    /// Loads `path`. With `skipBad`, records with problems are left out and counted; without it, any
    /// problem fails the load and every problem found is reported. `stop` ends it early (Ctrl-C),
    /// with `CorpusLoadError.interrupted`.
    public static func load(path: String, skipBad: Bool = false, stop: LoadStop = .never) throws(CorpusLoadError) -> Result {
        if (path as NSString).pathExtension.lowercased() == Snapshot.fileExtension {
            do {
                return Result(corpus: try Snapshot.read(path), skipped: 0)
            } catch {
                throw CorpusLoadError(file: path, message: "\(error.reason); make it again with `parley snapshot SOURCE`")
            }
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CorpusLoadError(file: path, message: "no such file or folder")
        }
        let files = isDirectory.boolValue ? try corpusFiles(in: path) : [path]
        let builder = try read(files, stop: stop)
        if stop.isRequested() { throw CorpusLoadError.interrupted(path) }
        let corpus = try builder.finish(skipBad: skipBad)
        return Result(corpus: corpus, skipped: builder.skipped, path: path, warnings: builder.warnings)
    }

    /// Reads `files` in order into one builder. A folder of small files (a year of daily files, too
    /// small to be read in parts) is read on all cores, each file into a builder of its own, taken
    /// in in order afterwards: the result is the same as reading them one after the other, and so
    /// is the first fatal problem. Large files are read in turn, each in parts on all cores.
    static func read(_ files: [String], concurrently: Bool = true, stop: LoadStop = .never) throws(CorpusLoadError) -> CorpusBuilder {
        let sizes = files.map { path in (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }
        let small = sizes.reduce(0, +) / max(files.count, 1) < JSONLinesReader.parallelThreshold
        guard concurrently, small, files.count > 1, Parallel.parts > 1 else {
            let builder = CorpusBuilder(stop: stop)
            for file in files where !stop.isRequested() { try read(file, into: builder) }
            return builder
        }
        let merge = InOrderMerge(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in   // files handed out as cores free up
            let builder = CorpusBuilder(stop: stop)
            do throws(CorpusLoadError) {
                try read(files[i], into: builder)
                merge.deliver(i, .success(builder))
            } catch {
                merge.deliver(i, .failure(error))
            }
        }
        return try merge.result()
    }

    /// Takes the files' builders in, in file order, as they are delivered: whichever thread
    /// delivers the next one takes in all that are ready (outside the lock, one thread at a time),
    /// so that parts read ahead wait but the folder is never held twice in memory.
    final class InOrderMerge: @unchecked Sendable {
        private var waiting: [Int: Swift.Result<CorpusBuilder, CorpusLoadError>] = [:]
        private var next = 0
        private var merging = false
        private var failure: CorpusLoadError?
        private let builder = CorpusBuilder()
        private let lock = NSLock()
        private let count: Int

        init(count: Int) { self.count = count }

        func deliver(_ i: Int, _ result: Swift.Result<CorpusBuilder, CorpusLoadError>) {
            lock.withLock { waiting[i] = result }
            while true {
                let ready: Swift.Result<CorpusBuilder, CorpusLoadError>? = lock.withLock {
                    guard !merging, failure == nil, let result = waiting.removeValue(forKey: next) else { return nil }
                    merging = true
                    next += 1
                    return result
                }
                guard let ready else { return }
                switch ready {
                case .success(let part): builder.absorb(part)
                case .failure(let error): lock.withLock { failure = error }
                }
                lock.withLock { merging = false }
            }
        }

        /// The builder once every file is delivered, or the first file's error, in file order.
        func result() throws(CorpusLoadError) -> CorpusBuilder {
            let (failure, taken) = lock.withLock { (self.failure, next) }
            if let failure { throw failure }
            precondition(taken == count, "every file is taken in once delivered")
            return builder
        }
    }

    /// Loads a corpus file through its snapshot (`corpus.parley` beside it): used when it was made
    /// from the file as it is now, otherwise the file is read and the snapshot (re)written.
    public static func load(path: String, skipBad: Bool = false, keepSnapshot: Bool, stop: LoadStop = .never) throws(CorpusLoadError) -> Result {
        var isDirectory: ObjCBool = false
        guard keepSnapshot, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              (path as NSString).pathExtension.lowercased() != Snapshot.fileExtension else {
            return try load(path: path, skipBad: skipBad, stop: stop)
        }
        let snapshot = Snapshot.path(for: path)
        var warnings: [String] = []
        if FileManager.default.fileExists(atPath: snapshot) {
            do {
                return Result(corpus: try Snapshot.read(snapshot, source: path), skipped: 0, information: ["opened the snapshot \(snapshot)"])
            } catch {
                warnings.append("\(error): rebuilt it")
            }
        }
        var result = try load(path: path, skipBad: skipBad, stop: stop)
        if result.skipped == 0 {
            do {
                try Snapshot.write(result.corpus, source: path, to: snapshot)
                result.information.append("wrote the snapshot \(snapshot)")
            } catch {
                warnings.append("\(error)")
            }
        }
        result.warnings = warnings + result.warnings
        return result
    }

    /// Parses corpus text held in memory (as if read from `path`, whose extension picks the form).
    public static func load(text: String, path: String, skipBad: Bool = false) throws(CorpusLoadError) -> Result {
        let builder = CorpusBuilder()
        try read(SourceFile(path: path, text: text), into: builder)
        let corpus = try builder.finish(skipBad: skipBad)
        return Result(corpus: corpus, skipped: builder.skipped, path: path, warnings: builder.warnings)
    }

    private static func corpusFiles(in folder: String) throws(CorpusLoadError) -> [String] {
        let files = try FolderFiles.files(in: folder) { file in
            let ext = file.pathExtension.lowercased()
            // A compressed file counts by the form inside it: 2025-11-07.jsonl.gz.
            return CompressedFile.extensions.contains(ext) ? isTextForm(file.deletingPathExtension().pathExtension.lowercased()) : isCorpusForm(ext)
        }
        guard !files.isEmpty else {
            throw CorpusLoadError(file: folder, message: "the folder holds no corpus file (.json, .jsonl, .ndjson, .csv, .tsv, .sqlite, .db)")
        }
        return files
    }

    /// Whether `ext` names a form a corpus is read from: JSON, JSON Lines, CSV or SQLite.
    static func isCorpusForm(_ ext: String) -> Bool { isTextForm(ext) || SQLiteCorpusReader.extensions.contains(ext) }

    /// Whether `ext` names a form read from text (and so may also come compressed): JSON, JSON Lines, CSV.
    private static func isTextForm(_ ext: String) -> Bool {
        jsonExtensions.contains(ext) || jsonLinesExtensions.contains(ext) || CSVCorpusReader.delimiters[ext] != nil
    }

    private static func read(_ path: String, into builder: CorpusBuilder) throws(CorpusLoadError) {
        if PathKind.isSpecial(path) {
            throw CorpusLoadError(file: path, message: "this is a pipe or a device, not a file: Parley reads a corpus from a file (save the stream to one first)")
        }
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        if SQLiteCorpusReader.extensions.contains(ext) {
            builder.addOrigin(path)
            try SQLiteCorpusReader.read(path: path, into: builder)
            return
        }
        if CompressedFile.extensions.contains(ext) {
            // Read as the form its inner name says: quotes.json.bz2 as .json.
            let inner = URL(fileURLWithPath: (path as NSString).deletingPathExtension).pathExtension.lowercased()
            guard isTextForm(inner) else {
                throw CorpusLoadError(file: path, message: "a compressed file whose name does not say what it holds: name it like corpus.jsonl.\(ext) (.json, .jsonl, .ndjson, .csv or .tsv inside)")
            }
            try readCompressed(path, form: inner, gzip: ext == "gz", into: builder)
            return
        }
        guard let bytes = ByteSource.map(path) else {
            throw CorpusLoadError(file: path, message: "cannot read the file (is it a readable file?)")
        }
        let decoded = bytes.withUnsafeBufferPointer { buffer in
            Swift.Result { () throws(CorpusLoadError) in try TextEncoding.utf16Text(buffer, path: path) }
        }
        if let text = try decoded.get() {
            try read(SourceFile(path: path, text: text), into: builder)
            return
        }
        // A file named for a corpus form that holds something else: a download saved without its
        // .gz, a database named .json, a program.
        if isCorpusForm(ext), let found = bytes.withUnsafeBufferPointer({ FileSignature.of($0.prefix(4096)) }) {
            switch found {
            case .gzip where isTextForm(ext), .bzip2 where isTextForm(ext):
                try readCompressed(path, form: ext, gzip: found == .gzip, into: builder)
            case .sqlite:
                builder.addOrigin(path)
                try SQLiteCorpusReader.read(path: path, into: builder)
            default:
                let name = (path as NSString).lastPathComponent
                throw CorpusLoadError(file: path, message: "this is \(found.description), not .\(ext) text: \(found.advice(for: name))")
            }
            return
        }
        try read(SourceFile(path: path, bytes: bytes), into: builder)
    }

    /// Reads the gzip or bzip2 file `path` as the form `inner` (JSON, JSON Lines, CSV): lines and
    /// rows a block at a time while the next is decompressed, a JSON document whole.
    private static func readCompressed(_ path: String, form inner: String, gzip: Bool, into builder: CorpusBuilder) throws(CorpusLoadError) {
        let blocks = LineBlocks(try Decompressor(path: path, gzip: gzip))
        let first = try blocks.next() ?? Data()
        let head = SourceFile(path: path, bytes: ByteSource(data: first))
        if !blocks.ended, holdsJSONLines(head, form: inner) {
            builder.addOrigin(path)
            try CompressedLinesReader.read(blocks, first: first, into: builder)
        } else if !blocks.ended, let delimiter = CSVCorpusReader.delimiters[inner] {
            builder.addOrigin(path)
            try CompressedCSVReader.read(blocks, first: first, delimiter: CSVCorpusReader.delimiter(of: head, default: delimiter), into: builder)
        } else {
            let data = try blocks.rest(after: first, stop: builder.stop)
            try read(SourceFile(path: path, bytes: ByteSource(data: data)), form: inner, into: builder)
        }
    }

    /// Whether `file` (or its first bytes), named as form `ext`, is read as JSON Lines: a JSON Lines
    /// name unless it holds one JSON document, a JSON name if its lines are records.
    private static func holdsJSONLines(_ file: SourceFile, form ext: String) -> Bool {
        jsonLinesExtensions.contains(ext) ? !JSONCorpusReader.holdsJSONDocument(file)
            : jsonExtensions.contains(ext) && JSONCorpusReader.holdsJSONLines(file)
    }

    /// Reads `file` as the form `form` names (by default its extension).
    private static func read(_ file: SourceFile, form: String? = nil, into builder: CorpusBuilder) throws(CorpusLoadError) {
        builder.addOrigin(file.path)
        let ext = form ?? URL(fileURLWithPath: file.path).pathExtension.lowercased()
        if holdsJSONLines(file, form: ext) {
            JSONLinesReader.readInParallel(file, into: builder)
        } else if jsonLinesExtensions.contains(ext) || jsonExtensions.contains(ext) {
            try JSONCorpusReader.read(file, into: builder)
        } else if let delimiter = CSVCorpusReader.delimiters[ext] {
            try CSVCorpusReader.read(file, delimiter: CSVCorpusReader.delimiter(of: file, default: delimiter), into: builder)
        } else if let command = decompressors[ext] {
            let name = (file.path as NSString).lastPathComponent, inner = (name as NSString).deletingPathExtension
            let then = (inner as NSString).pathExtension.isEmpty ? "what it holds" : inner
            throw CorpusLoadError(file: file.path, message: "a compressed file: decompress it first (\(command) \(name)), then load \(then)")
        } else {
            throw CorpusLoadError(file: file.path, message: unknownFormMessage(file, form: ext))
        }
    }

    /// What to do with a file of no corpus form, from what it holds: JSON or SQLite under another
    /// name, or prose (an article's text, which is a document's, not a corpus).
    private static func unknownFormMessage(_ file: SourceFile, form ext: String) -> String {
        let forms = "use .json, .jsonl, .ndjson, .csv, .tsv, .sqlite or .db"
        let named = ext.isEmpty ? "a file without an extension" : "unknown corpus form '.\(ext)'"
        let start = file.bytes.withUnsafeBufferPointer { buffer in
            Array(buffer[file.bytes.contentStart..<min(buffer.count, file.bytes.contentStart + 4096)])
        }
        let first = start.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        if let found = FileSignature.of(start) {
            return "\(named): it is \(found.description): \(found.advice(for: (file.path as NSString).lastPathComponent))"
        }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            return "\(named): it looks like JSON: name it .jsonl (a record per line) or .json (one document)"
        }
        // Text: UTF-8 without control characters (a letter cut at the 4 KB mark aside).
        let scalars = String(decoding: start, as: UTF8.self).unicodeScalars.dropLast()
        if !start.isEmpty, !scalars.contains(where: { $0 == "\u{FFFD}" || ($0.value < 0x20 && ![9, 10, 12, 13].contains($0.value)) }) {
            return "\(named): it reads as text, not as a corpus: a corpus lists statements (who said what, when, reported where), "
                + "and an article's text is a document's \"text\" field (see docs/corpus-format.md); \(forms)"
        }
        return "\(named): \(forms)"
    }
}

