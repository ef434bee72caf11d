import Foundation

/// Report formats. Text is escaped for each: HTML entities, Markdown table pipes, CSV quotes.
public enum ReportFormat: String, CaseIterable, Sendable {
    case markdown, html, text, json, csv

    /// The format a file name asks for: .md, .html, .txt, .json, .csv.
    public init?(path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "md", "markdown": self = .markdown
        case "html", "htm": self = .html
        case "txt", "text": self = .text
        case "json": self = .json
        case "csv": self = .csv
        default: return nil
        }
    }
}

extension Report {
    /// A CSV file's bytes, written as bytes from the start (a million rows would otherwise be held
    /// three times over, as bytes, as a String and as the file's data).
    /// The report's one table as CSV, handed to `emit` piece by piece.
    public func writeCSV(_ emit: (UnsafeRawBufferPointer) throws -> Void) throws { try csvTable().writeCSV(emit) }

    private func csvTable() throws -> Tabular {
        let tables = parts.compactMap { if case .table(let t, _) = $0 { return t }; return nil }
        guard tables.count == 1 else {
            throw ReportError("a CSV file holds one table; this report has \(tables.count) (save it as .md, .html or .json)")
        }
        return tables[0]
    }

    public func render(_ format: ReportFormat) throws -> String {
        switch format {
        case .markdown: return markdown()
        case .html: return html()
        case .text: return text()
        case .json: return json()
        case .csv: return try csvTable().csv()
        }
    }

    /// Written into one string, lines as they come: a table of a million rows is not held as a
    /// list of lines and then joined (the same for `json` and `html`).
    func markdown() -> String {
        var out = ""
        func line(_ text: String = "") { out += text + "\n" }
        line("# " + Self.markdownInline(title)); line()
        for part in parts {
            switch part {
            case .heading(let text): line("## " + Self.markdownInline(text)); line()
            case .text(let text): line(text); line()
            case .table(let table, let caption):
                if let caption { line("*" + Self.markdownInline(caption) + "*"); line() }
                table.appendMarkdown(to: &out)
                line(); line()
            case .chart(let chart):
                for text in ["**" + Self.markdownInline(chart.title) + "**", "", "```text", TextChart.render(chart), "```", ""] { line(text) }
            case .quotes(let quotes):
                for q in quotes {
                    let text = q.direct ? "“\(q.text)”" : q.text
                    for text in ["> " + Self.markdownInline(text), ">", "> — " + Self.markdownInline(q.attribution) + (q.url.map { " ([source](\($0)))" } ?? ""), ""] { line(text) }
                }
            }
        }
        line("---"); line()
        for text in provenance.lines { line("<small>" + Self.markdownInline(text) + "</small><br>") }
        return out
    }

    func text() -> String {
        var out = [title, String(repeating: "═", count: title.terminalWidth), ""]
        for part in parts {
            switch part {
            case .heading(let text): out += [text, String(repeating: "─", count: text.terminalWidth)]
            case .text(let text): out += [text, ""]
            case .table(let table, let caption):
                if let caption { out.append(caption) }
                out += [table.text(), ""]
            case .chart(let chart): out += [chart.title, TextChart.render(chart), ""]
            case .quotes(let quotes):
                for q in quotes { out += ["  " + (q.direct ? "“\(q.text)”" : q.text), "    — " + q.attribution, ""] }
            }
        }
        out += provenance.lines
        return out.joined(separator: "\n") + "\n"
    }

    func json() -> String {
        func s(_ x: String) -> String { Tabular.jsonString(x) }
        var out = "{\n  \"title\": \(s(title)),\n  \"parts\": [\n    "
        for (i, part) in parts.enumerated() {
            if i > 0 { out += ",\n    " }
            switch part {
            case .heading(let text): out += #"{"heading": \#(s(text))}"#
            case .text(let text): out += #"{"text": \#(s(text))}"#
            case .table(let table, _):
                out += #"{"table": "#
                table.appendJSON(to: &out)
                out += "}"
            case .chart(let chart):
                let series = chart.series.map { #"{"name": \#(s($0.name)), "values": [\#($0.values.map { Tabular.Cell.number($0).plain }.joined(separator: ", "))]}"# }
                out += #"{"chart": {"kind": \#(s(chart.kind.rawValue)), "title": \#(s(chart.title)), "labels": [\#(chart.labels.map(s).joined(separator: ", "))], "series": [\#(series.joined(separator: ", "))]}}"#
            case .quotes(let quotes):
                let list = quotes.map { #"{"speaker": \#(s($0.speaker)), "date": \#($0.date.map(s) ?? "null"), "source": \#($0.source.map(s) ?? "null"), "text": \#(s($0.text))}"# }
                out += #"{"quotes": [\#(list.joined(separator: ", "))]}"#
            }
        }
        let provenanceJSON = "[" + provenance.lines.map(s).joined(separator: ", ") + "]"
        return out + "\n  ],\n  \"provenance\": \(provenanceJSON)\n}\n"
    }

    static func markdownInline(_ s: String) -> String {
        var out = ""
        for c in s {
            if "\\`*_{}[]<>#|".contains(c) { out.append("\\") }
            out.append(c == "\n" ? " " : c)
        }
        return out
    }
}

extension Report.Quote {
    var attribution: String {
        [speaker + (role.map { ", \($0)" } ?? ""), date, source].compactMap { $0 }.joined(separator: ", ")
    }
}

public struct ReportError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
