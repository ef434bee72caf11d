import Corpus
import Foundation
import Testing
import TestSupport

/// `parley ingest`: an article's text made into a draft corpus that loads, is not written over a
/// file that may hold reviewed statements, and refuses what it cannot read with why.
@Suite struct IngestCLITests {
    static let article = """
        Talks Collapse as Both Sides Trade Blame

        Defence Minister Khawaja Asif said on Friday that the talks had “entered an indefinite phase”.
        “As we speak, the talks are over,” Asif told Geo News. “We will respond to any attack,” he added.
        According to a senior security official, the border crossing remained closed.
        """

    @Test func anArticleBecomesADraftCorpusThatLoads() throws {
        let folder = Fixtures.temporaryDirectory()
        let text = folder.appendingPathComponent("dawn 8 Nov.txt").path
        try Data(("\u{FEFF}" + Self.article).utf8).write(to: URL(fileURLWithPath: text))
        let output = folder.appendingPathComponent("drafts.jsonl").path
        let out = try Subprocess.run(["ingest", text, "--source", "Dawn", "--published", "2025-11-08", "-o", output])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout == "wrote \(output): 4 statements, 1 document\n")
        #expect(out.stderr.contains("dawn 8 Nov.txt: 4 statements found (2 direct, 1 mixed, 1 according_to): drafts to review"), "\(out.stderr)")
        let corpus = try CorpusLoader.load(path: output).corpus
        #expect(corpus.documents.map(\.id) == ["dawn-8-Nov"] && corpus.documents[0].source == "Dawn")
        #expect(corpus.documents[0].text == Self.article, "the text as written, without its byte order mark")
        let s = corpus.statements
        #expect((0..<corpus.count).map { s.speakers[$0] } == ["Khawaja Asif", "Khawaja Asif", "Khawaja Asif", "senior security official"])
        #expect((0..<corpus.count).map { s.statuses[$0] } == Array(repeating: "draft", count: 4))
        #expect(s.dates[0] == "2025-11-07" && s.dateTexts[0] == "on Friday")
        #expect(s.ids[1] == "dawn-8-Nov#2" && s.texts[1] == "As we speak, the talks are over")
        // What a script reads of it: each statement in its sentence.
        let script = try Subprocess.run(["--corpus", output, "-e", "print(statements:where{status = 'draft'}:sort_by('confidence')[1].context)"])
        #expect(script.stdout == "According to a senior security official, the border crossing remained closed.\n", "\(script.stderr)")
    }

    /// A page saved from the browser: its article's text, its title, its dateline's day.
    @Test func aPageSavedAsHTMLGivesItsArticle() throws {
        let page = Fixtures.write("""
            <!DOCTYPE html><html><head><title>Talks collapse | Dawn</title></head><body><nav>Home &middot; World</nav>
            <article><p>ISLAMABAD, November 8, 2025 &ndash; Defence Minister Khawaja Asif said on Friday that the talks were over.</p>
            <p>&ldquo;We will respond to any attack,&rdquo; he added.</p></article></body></html>
            """, named: "page.html")
        let out = try Subprocess.run(["ingest", page])
        #expect(out.status == 0, "\(out.stderr)")
        let corpus = try CorpusLoader.load(text: out.stdout, path: "page.jsonl").corpus
        #expect(corpus.documents[0].title == "Talks collapse | Dawn" && corpus.documents[0].place == "Islamabad")
        #expect(corpus.documents[0].published?.text == "2025-11-08" && !(corpus.documents[0].text ?? "").contains("Home"))
        #expect((0..<corpus.count).map { corpus.statements.texts[$0] } == ["the talks were over", "We will respond to any attack"])
        #expect(corpus.statements.dates[0] == "2025-11-07")
    }

    /// A draft is read by the recipes as a coded corpus is: the figures of "Taliban fighters …
    /// attacked border posts, claiming to have killed 58 soldiers — a figure Pakistan disputes,
    /// acknowledging 23 deaths" are each party's, with its stance.
    @Test func theRecipesReadADraftsFigures() throws {
        let article = Fixtures.write("""
            In response, Taliban fighters reportedly attacked Pakistani border posts, claiming to have killed 58 soldiers — a figure Pakistan disputes, acknowledging 23 deaths.
            """, named: "clashes.txt")
        let drafts = Fixtures.temporaryDirectory().appendingPathComponent("drafts.jsonl").path
        #expect(try Subprocess.run(["ingest", article, "-o", drafts]).status == 0)
        let claims = try Subprocess.run(["--corpus", drafts, "run", "casualty-claims"])
        #expect(claims.stdout == "Taliban fighters: claimed 58 soldiers (killed)\nPakistan: acknowledged 23 deaths\n", "\(claims.stdout)\(claims.stderr)")
    }

    /// What the page says of itself fills the document (its outlet, day, address and language),
    /// and the analyst's options come first.
    @Test func aPageSaysWhereAndWhenItWasPublished() throws {
        let page = Fixtures.write("""
            <!DOCTYPE html><html lang="en"><head><meta property="og:site_name" content="Dawn">
            <meta property="article:published_time" content="2025-11-08T09:00:00+05:00"><link rel="canonical" href="https://www.dawn.com/news/1">
            </head><body><article><p>Defence Minister Khawaja Asif said on Friday that the talks were over.</p></article></body></html>
            """, named: "dawn.html")
        let corpus = try CorpusLoader.load(text: try Subprocess.run(["ingest", page]).stdout, path: "d.jsonl").corpus
        let document = corpus.documents[0]
        #expect(document.source == "Dawn" && document.published?.text == "2025-11-08" && document.url == "https://www.dawn.com/news/1")
        #expect(document.language == "en" && corpus.statements.dates[0] == "2025-11-07")
        let given = try CorpusLoader.load(text: try Subprocess.run(["ingest", page, "--source", "Dawn.com", "--published", "2025-11-10"]).stdout,
                                          path: "d.jsonl").corpus
        #expect(given.documents[0].source == "Dawn.com" && given.documents[0].published?.text == "2025-11-10")
    }

    /// Articles of the same file name in different folders (pages saved as "index.html") are
    /// documents of their own: "index", then "index-2".
    @Test func articlesOfOneNameAreDocumentsOfTheirOwn() throws {
        let folder = Fixtures.temporaryDirectory()
        var paths: [String] = []
        for (i, sub) in ["a", "b", "c"].enumerated() {
            let dir = folder.appendingPathComponent(sub)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let path = dir.appendingPathComponent("index.txt").path
            try Data("Khawaja Asif said the talks were over \(i).\n".utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let out = try Subprocess.run(["ingest"] + paths)
        #expect(out.status == 0, "\(out.stderr)")
        let corpus = try CorpusLoader.load(text: out.stdout, path: "three.jsonl").corpus
        #expect(corpus.documents.map(\.id) == ["index", "index-2", "index-3"])
        #expect((0..<corpus.count).map { corpus.statements.ids[$0] } == ["index#1", "index-2#1", "index-3#1"])
    }

    /// A folder stands for its articles, its subfolders' too, in the order of their paths; other
    /// files and hidden ones are not articles; a folder of none is said.
    @Test func aFolderOfArticles() throws {
        let folder = Fixtures.temporaryDirectory()
        let sub = folder.appendingPathComponent("dawn")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try Data("Khawaja Asif said the talks were over.\n".utf8).write(to: folder.appendingPathComponent("b.txt"))
        try Data("<html><body><p>Ishaq Dar said Pakistan wanted peace.</p></body></html>".utf8).write(to: sub.appendingPathComponent("a.html"))
        try Data("not an article".utf8).write(to: folder.appendingPathComponent("notes.csv"))
        try Data("Hidden Person said nothing at all.\n".utf8).write(to: folder.appendingPathComponent(".draft.txt"))
        let out = try Subprocess.run(["ingest", folder.path])
        #expect(out.status == 0, "\(out.stderr)")
        let corpus = try CorpusLoader.load(text: out.stdout, path: "folder.jsonl").corpus
        #expect(corpus.documents.map(\.id) == ["b", "a"], "b.txt comes before dawn/a.html by path")
        #expect((0..<corpus.count).map { corpus.statements.speakers[$0] } == ["Khawaja Asif", "Ishaq Dar"])
        let empty = Fixtures.temporaryDirectory()
        let none = try Subprocess.run(["ingest", empty.path])
        #expect(none.status == 2 && none.stderr.contains("the folder holds no article (.txt, .md, .html, .htm)"), "\(none.stderr)")
    }

    @Test func aFileThatMayHoldReviewedStatementsIsNotReplaced() throws {
        let text = Fixtures.write(Self.article, named: "article.txt")
        let output = Fixtures.temporaryDirectory().appendingPathComponent("reviewed.jsonl").path
        try Data("{\"type\":\"statement\",\"speaker\":\"A\",\"text\":\"reviewed by hand\"}\n".utf8).write(to: URL(fileURLWithPath: output))
        let refused = try Subprocess.run(["ingest", text, "-o", output])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("reviewed.jsonl exists (it may hold statements already reviewed): pass --force to replace it"))
        #expect(try String(contentsOfFile: output, encoding: .utf8).contains("reviewed by hand"))
        let forced = try Subprocess.run(["ingest", text, "-o", output, "--force"])
        let replaced = try String(contentsOfFile: output, encoding: .utf8)
        #expect(forced.status == 0 && !replaced.contains("reviewed by hand"))
        // Without -o, the records go to standard output and load as they are.
        let piped = try Subprocess.run(["ingest", text])
        #expect(piped.status == 0)
        #expect(try CorpusLoader.load(text: piped.stdout, path: "piped.jsonl").corpus.count == 4)
    }

    @Test func whatCannotBeReadIsSaid() throws {
        let text = Fixtures.write(Self.article, named: "ok.txt")
        // A corpus given as an article (its JSON would become a document's text), named as one or not.
        let records = Fixtures.write(#"{"type": "statement", "speaker": "Asif", "text": "The talks are over."}"# + "\n", named: "drafts.txt")
        let sheet = Fixtures.write("speaker,text\nAsif,Talks are over\n", named: "quotes.csv")
        let cases: [([String], String)] = [
            (["ingest", records], "drafts.txt: it holds JSON records, not an article's text: open a corpus with parley --corpus"),
            (["ingest", sheet], "quotes.csv: it holds a corpus (.csv), not an article's text"),
            (["ingest"], "name an article's text file: parley ingest article.txt"),
            (["ingest", text, "--published", "Friday"], "--published must be a date such as 2025-11-08, not 'Friday'"),
            (["ingest", text, "-o", "drafts.json"], "the drafts are written as JSON Lines: name the output .jsonl, not 'drafts.json'"),
            (["ingest", text, text, "--title", "x"], "--id, --title and --url describe one article"),
            (["ingest", "/no/such/article.txt"], "/no/such/article.txt: no such file"),
        ]
        for (arguments, message) in cases {
            let out = try Subprocess.run(arguments)
            #expect(out.status != 0 && out.stderr.contains(message), "\(arguments): \(out.stderr)")
        }
        // A PDF or a Word document, as analysts often have an article: what to save instead.
        let folder = Fixtures.temporaryDirectory()
        let binaries: [(String, [UInt8], String)] = [
            ("talks.pdf", Array("%PDF-1.4\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3], "talks.pdf: it is a PDF document, not text: save its text as a .txt file (pdftotext talks.pdf does it)"),
            ("talks.docx", Array("PK\u{3}\u{4}".utf8) + [UInt8](repeating: 0, count: 40), "talks.docx: it is a Word document or another archive, not text: save the article as plain text (.txt)"),
        ]
        for (name, bytes, message) in binaries {
            try Data(bytes).write(to: folder.appendingPathComponent(name))
            let out = try Subprocess.run(["ingest", folder.appendingPathComponent(name).path])
            #expect(out.status == 2 && out.stderr.contains(message), "\(name): \(out.stderr)")
        }
        let latin1 = Fixtures.temporaryDirectory().appendingPathComponent("latin1.txt")
        try Data([0x43, 0x61, 0x66, 0xE9, 0x0A]).write(to: latin1)
        let out = try Subprocess.run(["ingest", latin1.path])
        #expect(out.status == 2 && out.stderr.contains("not UTF-8 text: save the article as UTF-8"), "\(out.stderr)")
        #expect(!out.stderr.contains("latin1.txt: \(latin1.path)"), "the file is named once")
        // UTF-16 with its byte order mark (Notepad's "Unicode") is read as the corpus loaders read it.
        let utf16 = Fixtures.temporaryDirectory().appendingPathComponent("notepad.txt")
        try Data([0xFF, 0xFE] + Array(Self.article.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: utf16)
        let wide = try Subprocess.run(["ingest", utf16.path])
        #expect(wide.status == 0 && wide.stderr.contains("notepad.txt: 4 statements found"), "\(wide.stderr)")
    }
}
