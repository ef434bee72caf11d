import ArgumentParser
import Corpus
import Foundation
import LuaBinding

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Make a draft corpus from articles' texts: a document for each, and the statements found in it, to review.",
        usage: """
            parley ingest <article.txt> … [--source <outlet>] [--published <date>] [-o <corpus.jsonl>]
            """,
        discussion: """
            Each article (plain UTF-8 text, as copied from a page) becomes a document holding its text, and the \
            statements its sentences attribute become statements of that document: quotations with the name and \
            verb beside them (“…,” said X; X told Geo News: “…”), reported speech (X said that …; X warned …), and \
            “according to X”. A pronoun (“…,” he added) is the person last named, a surname alone the full name met \
            before. Each statement is a draft: status "draft", a confidence (0.8 for a name beside its verb, less \
            for a pronoun or a title, 0.2 for no one named), its span in the text, and, with --published, the day \
            that words such as "on Friday" name (without it, from the dateline's day: "Islamabad, November 8, 2025 –"). \
            A first line in capitals is the document's title, a dateline its place; a page saved as HTML gives its \
            title, outlet, day, address and language from its head (og:site_name, article:published_time, the \
            canonical link, <html lang>) where the options do not. Numbers with what they count \
            ("killed 58 soldiers") become the statement's figures, with the stance of its verb ("claimed"). Review them: `parley --corpus drafts.jsonl` then \
            statements:where{status = "draft"}:sort_by("confidence"). The rules are those of English news.
            """
    )

    @Argument(help: "The articles: plain UTF-8 text files, or pages saved as HTML; a folder stands for its articles (.txt, .md, .html).")
    var articles: [String] = []
    @Option(name: [.short, .long], help: "The corpus to write (.jsonl); without it, or with -, the records go to standard output.")
    var output: String?
    @Option(help: "The outlet that published the articles (a document's source).")
    var source: String?
    @Option(help: "When the articles were published (2025-11-08): the day from which \"on Friday\" is counted back.")
    var published: String?
    @Option(help: "The document's title (one article only).")
    var title: String?
    @Option(help: "The document's address (one article only).")
    var url: String?
    @Option(help: "The articles' language (en, ur…).")
    var language: String?
    @Option(help: "The document's id (one article only; by default the file's name).")
    var id: String?
    @Flag(help: "Replace the output if it exists (it may hold reviewed statements).")
    var force = false

    func validate() throws {
        guard !articles.isEmpty else {
            throw ValidationError("name an article's text file: parley ingest article.txt --source Dawn --published 2025-11-08 -o dawn.jsonl")
        }
        if let published, CorpusDate(published) == nil {
            throw ValidationError("--published must be a date such as 2025-11-08, not '\(published)'")
        }
        if let output, output != "-", !["jsonl", "ndjson"].contains((output as NSString).pathExtension.lowercased()) {
            throw ValidationError("the drafts are written as JSON Lines: name the output .jsonl, not '\(output)'")
        }
    }

    mutating func run() throws {
        var lines = ""
        var notes: [String] = []
        var usedIDs = Set<String>()
        // A folder given stands for its articles.
        let paths: [String]
        do {
            paths = try articles.flatMap { path throws(CorpusLoadError) in try ArticleIngest.articleFiles(path) }
        } catch {
            printError("parley: \(error)\n")
            throw ExitCode(2)
        }
        if paths.count > 1, id != nil || title != nil || url != nil {
            throw ValidationError("--id, --title and --url describe one article; give them with one article at a time")
        }
        for path in paths {
            var text: String
            do {
                text = try ArticleIngest.readText(path: path)
            } catch {
                printError("parley: \(error)\n")
                throw ExitCode(2)
            }
            // A page saved from the browser: its article's text, and what the page says of itself.
            var page: HTMLText.Page?
            if HTMLText.isHTML(text) || ["html", "htm"].contains((path as NSString).pathExtension.lowercased()) {
                page = HTMLText.plain(text)
                text = page!.text
            }
            // Pages saved from a browser are often all "index.html": the second is "index-2".
            let named = id ?? ArticleIngest.documentID(forFile: path)
            var documentID = named
            var n = 1
            while usedIDs.contains(documentID) { n += 1; documentID = "\(named)-\(n)" }
            usedIDs.insert(documentID)
            var metadata = ArticleIngest.Metadata(id: documentID)
            // What the analyst gives first, then what the page says.
            (metadata.title, metadata.source, metadata.url) = (title ?? page?.title, source ?? page?.source, url ?? page?.url)
            (metadata.published, metadata.language) = (published.flatMap(CorpusDate.init) ?? page?.published, language ?? page?.language)
            let (records, drafts) = ArticleIngest.records(text: text, metadata: metadata)
            lines += records
            notes.append("\(path): " + Self.summary(drafts))
        }
        // Read back as any corpus is: what is written loads, spans checked against the texts.
        let corpus: Corpus
        do {
            corpus = try CorpusLoader.load(text: lines, path: output ?? "drafts.jsonl").corpus
        } catch {
            printError("parley: the drafts do not load as a corpus: \(error)\n")
            throw ExitCode(2)
        }
        let toStandardOutput = output == nil || output == "-"
        do {
            if toStandardOutput {
                try CorpusExport.writeJSONLines(corpus, to: STDOUT_FILENO)
            } else if let output {
                if FileManager.default.fileExists(atPath: output) && !force {
                    printError("parley: \(output) exists (it may hold statements already reviewed): pass --force to replace it, or write another file\n")
                    throw ExitCode(2)
                }
                try CorpusExport.write(corpus, to: output)
            }
        } catch let error as ExitCode {
            throw error
        } catch {
            printError("parley: \(toStandardOutput ? "standard output" : output!): \(error)\n")
            throw ExitCode(2)
        }
        for note in notes { printError("parley: \(note)\n") }
        if !toStandardOutput, let output { print("wrote \(output): \(corpus.size)") }
    }

    /// "14 statements found (9 direct, 3 indirect, 2 mixed; 3 with no speaker named): drafts to review".
    static func summary(_ drafts: [DraftStatement]) -> String {
        let kinds = ["direct", "indirect", "mixed", "according_to"].compactMap { kind -> String? in
            let n = drafts.count { $0.kind == kind }
            return n == 0 ? nil : "\(n) \(kind)"
        }
        let unknown = drafts.count { $0.speaker == "unknown" }
        return MessageText.count(drafts.count, "statement") + " found"
            + (kinds.isEmpty ? "" : " (" + kinds.joined(separator: ", ") + (unknown > 0 ? "; \(unknown) with no speaker named" : "") + ")")
            + (drafts.isEmpty ? "" : ": drafts to review")
    }
}
