import Foundation

/// The one description of everything a script can reach: `help()` prints from it and
/// `parley docs` renders docs/lua-api.md from it.
public struct APIEntry: Sendable {
    /// The section it belongs to: "Globals", "Collections", "Counts", "Statements", "Documents".
    public let section: String
    /// How scripts name it: "statements:where", "counts:top", "s.speaker".
    public let name: String
    public let signature: String
    public let summary: String
    public let example: String?
}

public enum APIReference {
    public static let sections = ["Globals", "Collections", "Counts", "Statements", "Documents", "Text", "Reports", "Recipes"]

    public static let entries: [APIEntry] = globals + collections + counts + statementFields + documentFields + text + reports + recipes

    static let globals: [APIEntry] = [
        .init(section: "Globals", name: "statements", signature: "statements",
              summary: "Every statement of the loaded corpus, as a collection (the same as corpus.statements). Empty when no corpus is loaded.",
              example: "print(#statements)"),
        .init(section: "Globals", name: "corpus", signature: "corpus.name, corpus.description, corpus.documents, corpus.entities, corpus.statements",
              summary: "The loaded corpus: its name and description, its documents (a list, also indexed by id), its entities (a list of tables with name, kind, aliases, roles, affiliation, country) and its statements.",
              example: "print(corpus.name, #corpus.documents, corpus.documents[\"d1\"].source)"),
        .init(section: "Globals", name: "arg", signature: "arg",
              summary: "The arguments given after `--` on the command line, as in lua: arg[0] is the script, arg[1]… the arguments.",
              example: "local top = tonumber(arg[1]) or 5"),
        .init(section: "Globals", name: "help", signature: "help([function or name])",
              summary: "Without an argument, lists everything scripts can use. With a function, a name (\"where\") or a value (a collection, counts, a statement), explains it.",
              example: "help(statements.where)"),
        .init(section: "Globals", name: "print", signature: "print(…)",
              summary: "Lua's print, except that a table is shown as the REPL shows it, not as \"table: 0x…\": a list of records as rows, any other table as its items (at most 50, then how many more: of the list and by key, for a table that is both, as corpus.documents is; three levels deep, cycles named); a table with __tostring as it says. tostring(t) is Lua's. What print writes is capped by --max-output.",
              example: "print(statements[1].topics)   --> {\"talks\", \"deadlock\"}"),
        .init(section: "Globals", name: "elapsed", signature: "elapsed()",
              summary: "Seconds of wall-clock time since the session started (os.clock counts CPU time, over all cores). For timing parts of a script.",
              example: "local t = elapsed(); local c = statements:count_by(\"speaker\"); print(elapsed() - t)"),
    ]

    static let collections: [APIEntry] = [
        .init(section: "Collections", name: "#statements", signature: "#c, c[i], ipairs(c)",
              summary: "A collection is a list of statements in an order: its length, its i-th statement (from 1), and iteration with ipairs (pairs goes the same way). Printing one shows its first rows. A name that is not one of the methods below (c.speaker, c:each()) is an error that says what to write instead.",
              example: "for i, s in ipairs(statements) do print(i, s.speaker) end"),
        .init(section: "Collections", name: "statements:where", signature: "c:where{field = value, …}",
              summary: "The statements whose fields match every condition. A value is equality (for list fields such as topics: contains; for a date, the dates within it: date = \"2025-11\" is the month, \"2025-11-07\" takes in that day's times); a list {a, b} is any of them; {from = …, to = …} is an inclusive range (dates of any precision: \"2025\" or 2025, \"2025-11\", \"2025-11-07\"; either bound may be left out; a date that is not one is an error). Parts of dates are named \"date.year\", \"date.month\", \"date.day\", \"date.week\" (ISO 8601: \"2025-W45\") and \"date.weekday\" (\"Friday\"), and a year may be a number: [\"date.year\"] = 2025, or {from = 2020, to = 2022}. Fields of the reporting document are named \"doc.source\", \"doc.title\"…, and \"doc\" is its id (as the records write it); fields of the speaker's entity \"speaker.country\", \"speaker.kind\", \"speaker.affiliation\"… (statements whose speaker has no entity have none); a speaker may be given by an alias. Parts of the figures are named \"figures.value\", \"figures.unit\", \"figures.what\", \"figures.stance\" and \"figures.by\"; conditions on several of them are met by one figure: {[\"figures.by\"] = \"Afghan Taliban\", [\"figures.stance\"] = \"claimed\", [\"figures.value\"] = {from = 50}} is a figure of 50 or more the Taliban claimed. When nothing is found, the collection says which values no statement has, with the one most like each: (0 statements: no statement has speaker \"khawaja asif\" (did you mean \"Khawaja Asif\"?)), and a value of another kind than the field holds: (0 statements: speaker holds text: write \"5\", not 5).",
              example: "statements:where{speaker = \"Khawaja Asif\", kind = {\"direct\", \"mixed\"}, date = {from = \"2025-11-01\", to = \"2025-11-30\"}}"),
        .init(section: "Collections", name: "statements:filter", signature: "c:filter(function(s) … end)",
              summary: "The statements for which the function returns a true value. The function gets each statement in turn.",
              example: "statements:filter(function(s) return #s.figures > 0 end)"),
        .init(section: "Collections", name: "statements:matching", signature: "c:matching(phrase), c:matching{words = w} or c:matching{pattern = p}",
              summary: "The statements whose text contains the phrase, ignoring case (anywhere: \"over\" is in \"government\"); with {words = w}, whose text has w as whole words, as kwic finds it (\"over\" in \"talks are over\" only); with {pattern = p}, whose text matches the Lua pattern p (case as written).",
              example: "statements:matching{words = \"talks are over\"}"),
        .init(section: "Collections", name: "statements:count", signature: "c:count()",
              summary: "The number of statements (the same as #c).",
              example: "print(statements:where{kind = \"direct\"}:count())"),
        .init(section: "Collections", name: "statements:count_by", signature: "c:count_by(key, …)",
              summary: "Counts the statements by one or more keys: a field name (\"speaker\", \"doc.source\", \"date.year\", \"date.month\", \"date.week\", \"date.weekday\", \"topics\", \"speaker.country\" for the speaker's entity, \"figures.stance\" for its figures…) or a function of the statement. A statement counts once under each value of a list field (each figure's: by \"figures.by\" and \"figures.stance\" a figure counts under its own party and stance, never one figure's party with another's stance); statements without a value are left out (counts with nothing in them say so). The result is a counts table, largest first, ties by key (by two keys, counts:crosstab() lays them side by side).",
              example: "statements:count_by(\"doc.source\", \"kind\")"),
        .init(section: "Collections", name: "statements:sort_by", signature: "c:sort_by(field [, \"asc\" | \"desc\"])",
              summary: "The statements ordered by a field, ascending unless \"desc\" (days of the week, date.weekday, Monday first); statements without the field go last; equal ones keep their order.",
              example: "statements:sort_by(\"date\", \"desc\")"),
        .init(section: "Collections", name: "statements:first", signature: "c:first(n)",
              summary: "The first n statements.",
              example: "statements:sort_by(\"date\"):first(3)"),
        .init(section: "Collections", name: "statements:distinct", signature: "c:distinct(field)",
              summary: "The distinct values of a field among the statements, sorted (days of the week Monday first), as a list.",
              example: "for _, name in ipairs(statements:distinct(\"speaker\")) do print(name) end"),
        .init(section: "Collections", name: "statements:kwic", signature: "c:kwic(phrase [, {window = 30, limit = 1000}])",
              summary: "Keywords in context, as quanteda's kwic: every place the phrase occurs in the statements' texts (found as matching finds it, shown as the text writes it), with up to window characters each side, as a list of records {id, speaker, before, match, after}. It prints as a table with the phrase lined up, saves with report.save in that column order, and goes through ipairs. At most limit places (a note says when there are more).",
              example: "statements:kwic(\"ceasefire\", {window = 40})"),
        .init(section: "Collections", name: "statements:words", signature: "c:words([{by = field, n = 2, stopwords = true, min_length = n, drop = {…}}])",
              summary: "How often each word occurs in the statements' texts, as quanteda's textstat_frequency counts them: the texts split into words (letters and digits; \"Pakistan's\", \"cross-border\", \"2,000\" and \"3.5\" stay one word), lowercased, the English stop words (\"the\", \"and\", \"not\"…) left out unless stopwords = true, words shorter than min_length (1) and those in drop left out. With n = 2 (or 3), phrases of that many words in a row that each count (\"written agreement\"), never across a word left out. A counts table keyed \"word\", largest first: it prints, takes top(n) and saves as count_by's does. With by = a field (\"speaker\", \"doc.source\"), counted by the word and the field's value: crosstab() then gives a row per word and a column per value, side by side. Languages written without spaces (Chinese, Japanese, Thai) are not split into words.",
              example: "print(statements:where{speaker = \"Khawaja Asif\"}:words{drop = {\"said\"}}:top(10))"),
        .init(section: "Collections", name: "statements:keyness", signature: "c:keyness(d [, {n = 2, stopwords = true, min_length = n, drop = {…}}])",
              summary: "The words that set c's statements apart from d's, as quanteda's textstat_keyness finds them: for each word of either (split and left out as c:words does; with n = 2, each phrase of two words), Pearson's chi-squared of its counts against the other words' in c and in d, with Yates's correction as R's chisq.test applies it, negative where c uses the word less than d would lead one to expect, and its p-value. A list of records {word, chi2, p, target (its count in c), reference (in d)}, most characteristic of c first, the words of d last; it prints as a table and saves with report.save in that column order. As in quanteda, d is usually the other statements, c:keyness(statements:except(c)); a d that holds some of c's statements is said.",
              example: "print(statements:where{[\"speaker.country\"] = \"Afghanistan\"}:keyness(statements:where{[\"speaker.country\"] = \"Pakistan\"}))"),
        .init(section: "Collections", name: "statements:sample", signature: "c:sample(n [, seed])",
              summary: "n statements drawn at random, without replacement, in corpus order (all of them when there are fewer): a sample to read through, as quanteda's corpus_sample. The same seed (1 unless given) draws the same statements on every run and machine, so a colleague can draw it again.",
              example: "statements:where{kind = \"indirect\"}:sample(20, 7)"),
        .init(section: "Collections", name: "statements:except", signature: "c:except(d)",
              summary: "The statements of c that are not in d, as SQL's EXCEPT (c:intersect(d) and c:union(d) are its INTERSECT and UNION; d a collection of the same corpus), in corpus order. What where cannot say: where has no \"not\".",
              example: "statements:matching(\"talks\"):except(statements:where{speaker = \"Khawaja Asif\"})"),
        .init(section: "Collections", name: "statements:intersect", signature: "c:intersect(d)", summary: "The statements in both c and d (see c:except).", example: nil),
        .init(section: "Collections", name: "statements:union", signature: "c:union(d)", summary: "The statements in c or d or both, each once (see c:except).", example: nil),
    ]

    static let counts: [APIEntry] = [
        .init(section: "Counts", name: "counts[key]", signature: "counts[key], #counts",
              summary: "The count for a key (nil if never seen). With several keys, counts[first] gives the counts under that value, by the remaining keys. #counts is the number of rows.",
              example: "local by = statements:count_by(\"speaker\"); print(by[\"Khawaja Asif\"])"),
        .init(section: "Counts", name: "counts:top", signature: "counts:top(n)",
              summary: "The first n rows, as a counts table.",
              example: "print(statements:count_by(\"speaker\"):top(5))"),
        .init(section: "Counts", name: "counts:sort_by", signature: "counts:sort_by(key or \"n\" [, \"asc\" | \"desc\"])",
              summary: "The rows ordered by one of the keys counted by (dates and months in time order, days of the week Monday first, names alphabetically), or by \"n\", the count; ascending unless \"desc\"; equal ones keep their order. A counts table, as count_by's: a timeline reads top to bottom.",
              example: "print(statements:count_by(\"date.month\"):sort_by(\"date.month\"))"),
        .init(section: "Counts", name: "counts:each", signature: "for key, n in counts:each() do … end",
              summary: "Iterates over the rows, largest first. With several keys, key is a list of the values (key[1], key[2]; print shows it as {\"News report\", \"direct\"}). pairs(counts) goes the same way.",
              example: "for speaker, n in statements:count_by(\"speaker\"):each() do print(speaker, n) end"),
        .init(section: "Counts", name: "counts:total", signature: "counts:total()",
              summary: "The sum of all counts.",
              example: "print(statements:count_by(\"topics\"):total())"),
        .init(section: "Counts", name: "counts:crosstab", signature: "counts:crosstab([{margins = true, percent = \"rows\"}])",
              summary: "Counts by two keys as a contingency table, as pandas' crosstab and R's table(a, b): a row per value of the first key (largest total first; in time order when it is a date or a part of one, such as date.year), a column per value of the second (in ascending order, so years read left to right; days of the week Monday first), the count in each cell (0 where none). With margins = true, a total column and a total row. With percent = \"rows\" (or \"columns\", \"all\"), each cell is a percentage of its row's total (its column's, the whole), rounded to one decimal. The result is a list of records: it prints as a table and report.save writes it with its columns in that order; row.speaker and row[\"Blog report\"] read it.",
              example: "statements:count_by(\"doc.source\", \"kind\"):crosstab{margins = true, percent = \"rows\"}"),
        .init(section: "Counts", name: "counts:keys", signature: "counts:keys()",
              summary: "The keys in order, as a list (lists of values with several keys).",
              example: "print(table.concat(statements:count_by(\"kind\"):keys(), \", \"))"),
    ]

    static let statementFields: [APIEntry] = [
        ("s.id", "The statement's id, unique in the corpus (generated as <doc>#<n> when the file has none)."),
        ("s.speaker", "Who made it: the canonical name (an alias in the file is resolved through the entities)."),
        ("s.speaker_text", "The speaker as the source spelled it."),
        ("s.role", "The speaker's title at the time, or nil."),
        ("s.affiliation", "Whom the speaker speaks for, or nil."),
        ("s.kind", "direct, indirect, mixed or according_to (direct when the file says nothing)."),
        ("s.text", "The words quoted, or the content reported."),
        ("s.cue", "The reporting verb: said, warned, claimed…, or nil."),
        ("s.date", "When it was said, as written: YYYY, YYYY-MM, YYYY-MM-DD or a date-time; nil if unknown."),
        ("s.date_text", "The report's own words for the date: \"on Friday\"."),
        ("s.channel", "Where it was said: a programme, a press conference, a post."),
        ("s.place", "Where it was said, or nil."),
        ("s.topics", "Subject tags, a list of strings."),
        ("s.mentions", "Entities named or addressed, a list of strings."),
        ("s.figures", "Numbers stated, a list of tables {value, unit, what, stance, by}. Queries name their parts \"figures.value\", \"figures.stance\"…: count_by(\"figures.by\", \"figures.stance\")."),
        ("s.span", "{start, end}: where the text stands in the document's text (characters, end exclusive), or nil."),
        ("s.confidence", "How sure the extraction is, 0 to 1, or nil."),
        ("s.status", "draft or reviewed, or nil."),
        ("s.relations", "Links to other statements: a list of {type, statement}."),
        ("s.doc", "The document that reports it (see Documents), or nil."),
        ("s.context", "The sentences of its document's text in which the statement stands (its span widened to whole sentences, at most 300 characters either side, … where cut; without a span, where its text first stands in the document's, as written or else ignoring case, as a direct quote most often does), or nil without a document text or when neither places it: to read an attribution in its place. Spans count characters, which string.sub does not."),
        ("s.entity", "The speaker's entity: the table of corpus.entities with the speaker's name (name, kind, aliases, roles, affiliation, country, and any other field), or nil when the corpus has none. Queries name its fields \"speaker.country\", \"speaker.kind\"…"),
        ("s.<other field>", "Any other field of the record, by its name, as a Lua value: s.verb for a \"verb\" field (nil for statements without it). A name that no statement has is an error naming the closest field."),
        ("pairs(s)", "Goes through the statement's fields as through the record it was read from: each name with its value as s[name] gives it, in the order above, then the record's other fields; fields without a value and empty lists are left out (for k, v in pairs(s) do print(k, v) end). pairs(d) does the same for a document."),
    ].map { APIEntry(section: "Statements", name: $0.0, signature: $0.0, summary: $0.1, example: nil) }

    static let documentFields: [APIEntry] = [
        APIEntry(section: "Documents", name: "d.id", signature: "d.id, d.title, d.source, d.url, d.published, d.authors, d.language, d.place, d.text",
                 summary: "A document's fields; d.authors is a list; any other field of the record is readable by its name (pairs(d) goes through those it has). d.statements is the collection of the statements it reports.",
                 example: "print(statements[1].doc.source)"),
    ]

    static let text: [APIEntry] = [
        .init(section: "Text", name: "string.width", signature: "string.width(s), s:width()",
              summary: "The columns s takes on a terminal: a Chinese, Japanese or Korean character or an emoji two, a combining accent none, as wcwidth counts them (#s counts bytes, utf8.len characters).",
              example: "print(string.width(\"王毅\"), #\"王毅\")   --> 4   6"),
        .init(section: "Text", name: "string.ljust", signature: "s:ljust(width)",
              summary: "s padded with spaces to width terminal columns, on the right (ljust: text to the left) or on the left (rjust); s as it is when wider. For columns that line up with any name: string.format's \"%-20s\" pads by bytes, so \"Erdoğan\" or \"王毅\" comes out short.",
              example: "print(s.speaker:ljust(24) .. s.date)"),
        .init(section: "Text", name: "string.rjust", signature: "s:rjust(width)", summary: "s padded with spaces on the left to width terminal columns (see s:ljust).",
              example: "print(tostring(n):rjust(6) .. \"  \" .. name)"),
    ]

    static let reports: [APIEntry] = [
        .init(section: "Reports", name: "report.save", signature: "report.save(value, path [, {format = …, title = …, columns = {…}, excel = true}])",
              summary: "Writes a collection, counts, a list of records, a string or a report to a file: Markdown (.md), HTML with charts (.html), text (.txt), JSON (.json) or CSV (.csv, one table); format= overrides the extension. With excel = true a CSV file starts with UTF-8's byte order mark, without which Excel shows names in Urdu, Pashto or with accents garbled (Parley, pandas and DuckDB read it either way; Python's csv module needs encoding = \"utf-8-sig\"). A collection has the fields columns= names, in that order (any field where takes: \"role\", \"topics\", \"doc.title\", \"date.year\", an extra field), or else id, date, speaker, kind, cue, source and text; a list of records the columns named by columns=, or else all its fields by name; a cell is a string, number or boolean, a list of them (joined with \"; \"), or a statement or document (its id). A collection saved as .jsonl or .sqlite is a corpus of its own: its statements, the documents they cite and the entities, which Parley reads back (relations to statements left out are left out). Relative paths go under the output directory (--out); unless --trust, paths outside it, hidden files and folders (.bashrc, .git/…) and names without one of these extensions are refused. The corpus the script reads is never written over. The file is replaced only once the new one is complete. Returns the path written.",
              example: "report.save(statements:count_by(\"speaker\"), \"speakers.csv\")"),
        .init(section: "Reports", name: "report.new", signature: "report.new{title = …}",
              summary: "A report to build from parts; each part method returns the report, so calls chain. Every report ends with its provenance: the corpus and its content hash, the script or recipe and its parameters, the filters applied, Parley's version and the time.",
              example: "local r = report.new{title = \"Casualty claims\"}"),
        .init(section: "Reports", name: "report:heading", signature: "r:heading(text)",
              summary: "A section heading (r:text adds a paragraph under it).", example: "r:heading(\"Who said what\"):text(\"From two reports.\")"),
        .init(section: "Reports", name: "report:text", signature: "r:text(text)", summary: "A paragraph of text.", example: nil),
        .init(section: "Reports", name: "report:table", signature: "r:table(value [, caption or {caption = …, columns = {…}}])",
              summary: "A table of a collection, counts or a list of records (with columns=, the fields or columns it names, in that order, as report.save takes them).", example: "r:table(statements:count_by(\"speaker\"), \"Statements per speaker\")"),
        .init(section: "Reports", name: "report:chart", signature: "r:chart(counts [, {kind = \"bar\"|\"timeline\"|\"stacked\", title = …, limit = n}])",
              summary: "A chart of counts: bars (one key), a timeline (count_by(\"date.day\") or date.month), or bars stacked by the second key (two keys). Bars are the limit largest (40 unless given, the title says of how many), stacked by the nine largest values of the second key and \"other\". SVG in HTML, Unicode bars in text and Markdown.",
              example: "r:chart(statements:count_by(\"doc.source\", \"kind\"), {title = \"Per outlet, by kind\"})"),
        .init(section: "Reports", name: "report:statements", signature: "r:statements(collection [, limit])",
              summary: "The statements as quotes, with speaker, role, date, outlet and a link to the document's url (at most limit, default 50).",
              example: "r:statements(statements:where{topics = \"casualties\"})"),
        .init(section: "Reports", name: "report:save", signature: "r:save(path [, {format = …, excel = true}])", summary: "Writes the report, as report.save does.", example: "r:save(\"briefing.html\")"),
        .init(section: "Reports", name: "report:print", signature: "r:print()", summary: "Prints the report as text.", example: nil),
    ]

    static let recipes: [APIEntry] = [
        .init(section: "Recipes", name: "recipes", signature: "recipes.NAME{param = value, …}",
              summary: "Runs a recipe of the recipe path on the loaded corpus, with its parameters checked as on the command line; returns what the recipe returns.",
              example: "recipes.timeline{by = \"month\"}"),
    ]

    /// The entry for a name as a user may type it: "where", "statements:where", "s.speaker", "speaker";
    /// a field as queries name it ("date.week", "doc.source", "speaker.country") finds where it is told.
    public static func entry(named name: String) -> APIEntry? { self.entries(named: name).first }

    /// Every entry a name may mean: the one named exactly so, or each whose last part it is
    /// ("sort_by": the statements' and the counts'), or where a field so named is told.
    public static func entries(named name: String) -> [APIEntry] {
        if let exact = entries.first(where: { $0.name == name }) { return [exact] }
        let bySuffix = entries.filter { $0.name.hasSuffix(":" + name) || $0.name.hasSuffix("." + name) }
        if !bySuffix.isEmpty { return bySuffix }
        let prefixes = [("date.", "statements:where"), ("doc.", "d.id"), ("speaker.", "s.entity")]
        guard let (_, owner) = prefixes.first(where: { name.hasPrefix($0.0) && name.count > $0.0.count }) else { return [] }
        return entries.filter { $0.name == owner }
    }

    /// The text `help()` prints for one entry.
    /// With `width` (a terminal's), the summary is wrapped by words to it.
    public static func text(of entry: APIEntry, width: Int? = nil) -> String {
        var lines = [entry.signature] + (width.map { entry.summary.wrapped(columns: $0, indent: "  ") } ?? ["  " + entry.summary])
        if let example = entry.example { lines.append("  example: " + example) }
        return lines.joined(separator: "\n")
    }

    /// The text `help()` prints without an argument: a line per entry, or, narrower than that
    /// line (`width`, the terminal's), the signature on one line and the summary under it.
    public static func overview(width: Int? = nil) -> String {
        var lines = ["Parley scripting: what you can use (help(name) explains one)."]
        let wide = width.map { $0 >= 2 + 46 + 70 } ?? true
        for section in sections {
            lines.append("")
            lines.append(section + ":")
            for entry in entries where entry.section == section {
                if wide {
                    lines.append("  " + entry.signature.clipped(44).padded(columns: 44) + "  " + entry.summary.clipped(70))
                } else {
                    let room = max((width ?? 80) - 6, 20)
                    lines += ["  " + entry.signature.clipped(room + 4), "      " + entry.summary.clipped(room)]
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// docs/lua-api.md.
    public static func markdown() -> String {
        var out = ["# Parley Lua API reference", "",
                   "Generated by `parley docs` from the same source as `help()`; do not edit by hand.", ""]
        for section in sections {
            out += ["## \(section)", ""]
            for entry in entries where entry.section == section {
                out += ["### `\(entry.signature)`", "", entry.summary, ""]
                if let example = entry.example { out += ["```lua", example, "```", ""] }
            }
        }
        return out.joined(separator: "\n")
    }
}
