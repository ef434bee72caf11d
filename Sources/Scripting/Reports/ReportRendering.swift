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
    /// The file's bytes: a CSV table is written as bytes from the start (a million rows would
    /// otherwise be held three times over, as bytes, as a String and as the file's data).
    public func renderBytes(_ format: ReportFormat) throws -> [UInt8] {
        if format == .csv { return try csvTable().csvBytes() }
        return Array(try render(format).utf8)
    }

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

    func markdown() -> String {
        var out = ["# " + Self.markdownInline(title), ""]
        for part in parts {
            switch part {
            case .heading(let text): out += ["## " + Self.markdownInline(text), ""]
            case .text(let text): out += [text, ""]
            case .table(let table, let caption):
                if let caption { out += ["*" + Self.markdownInline(caption) + "*", ""] }
                out += [table.markdown(), ""]
            case .chart(let chart): out += ["**" + Self.markdownInline(chart.title) + "**", "", "```text", TextChart.render(chart), "```", ""]
            case .quotes(let quotes):
                for q in quotes {
                    let text = q.direct ? "“\(q.text)”" : q.text
                    out += ["> " + Self.markdownInline(text), ">", "> — " + Self.markdownInline(q.attribution) + (q.url.map { " ([source](\($0)))" } ?? ""), ""]
                }
            }
        }
        out += ["---", ""] + provenance.lines.map { "<small>" + Self.markdownInline($0) + "</small><br>" }
        return out.joined(separator: "\n") + "\n"
    }

    func text() -> String {
        var out = [title, String(repeating: "═", count: title.count), ""]
        for part in parts {
            switch part {
            case .heading(let text): out += [text, String(repeating: "─", count: text.count)]
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
        var items: [String] = []
        for part in parts {
            switch part {
            case .heading(let text): items.append(#"{"heading": \#(s(text))}"#)
            case .text(let text): items.append(#"{"text": \#(s(text))}"#)
            case .table(let table, _): items.append(#"{"table": \#(table.json())}"#)
            case .chart(let chart):
                let series = chart.series.map { #"{"name": \#(s($0.name)), "values": [\#($0.values.map { Tabular.Cell.number($0).plain }.joined(separator: ", "))]}"# }
                items.append(#"{"chart": {"kind": \#(s(chart.kind.rawValue)), "title": \#(s(chart.title)), "labels": [\#(chart.labels.map(s).joined(separator: ", "))], "series": [\#(series.joined(separator: ", "))]}}"#)
            case .quotes(let quotes):
                let list = quotes.map { #"{"speaker": \#(s($0.speaker)), "date": \#($0.date.map(s) ?? "null"), "source": \#($0.source.map(s) ?? "null"), "text": \#(s($0.text))}"# }
                items.append(#"{"quotes": [\#(list.joined(separator: ", "))]}"#)
            }
        }
        let provenanceJSON = "[" + provenance.lines.map(s).joined(separator: ", ") + "]"
        return "{\n  \"title\": \(s(title)),\n  \"parts\": [\n    " + items.joined(separator: ",\n    ") + "\n  ],\n  \"provenance\": \(provenanceJSON)\n}\n"
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
