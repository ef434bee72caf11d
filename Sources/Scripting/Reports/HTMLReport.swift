import Foundation

/// A self-contained HTML page: inline CSS, inline SVG charts, no scripts, no external fonts.
extension Report {
    static func escape(_ s: String) -> String {
        if !s.containsASCII(of: "&<>\"'") { return s }     // most cells: nothing to escape, nothing to copy
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    func html() -> String {
        let e = Self.escape
        var body = "<h1>\(e(title))</h1>"
        for part in parts {
            body += "\n"
            switch part {
            case .heading(let text): body += "<h2>\(e(text))</h2>"
            case .text(let text): body += text.components(separatedBy: "\n\n").map { "<p>\(e($0))</p>" }.joined(separator: "\n")
            case .table(let table, let caption): Self.appendHTMLTable(table, caption: caption, to: &body)
            case .chart(let chart): body += "<figure><figcaption>\(e(chart.title))</figcaption>" + SVGChart.render(chart) + "</figure>"
            case .quotes(let quotes):
                for (i, q) in quotes.enumerated() {
                    let text = q.direct ? "“\(q.text)”" : q.text
                    let source = q.url.map { "<a href=\"\(e($0))\">\(e(q.source ?? $0))</a>" } ?? e(q.source ?? "")
                    let who = [e(q.speaker) + (q.role.map { ", " + e($0) } ?? ""), q.date.map(e), source.isEmpty ? nil : source].compactMap { $0 }
                    body += (i > 0 ? "\n" : "") + "<blockquote><p>\(e(text))</p><footer>— \(who.joined(separator: ", "))</footer></blockquote>"
                }
            }
        }
        let provenanceHTML = provenance.lines.map { "<li>\(e($0))</li>" }.joined()
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="Parley \(e(provenance.version))">
            <title>\(e(title))</title>
            <style>
            body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; line-height: 1.45; }
            table { border-collapse: collapse; margin: 1rem 0; }
            th, td { border-bottom: 1px solid #ddd; padding: .3rem .7rem; text-align: start; vertical-align: top; }
            td.n { text-align: end; font-variant-numeric: tabular-nums; }
            caption { caption-side: top; text-align: start; font-style: italic; padding-bottom: .3rem; }
            blockquote { border-inline-start: 4px solid #9ab; margin: 1rem 0; padding: .2rem 1rem; }
            blockquote footer { color: #555; font-size: .9rem; }
            figure { margin: 1.5rem 0; } figcaption { font-weight: 600; }
            svg text { font-family: system-ui, sans-serif; font-size: 12px; fill: #222; }
            .provenance { color: #555; font-size: .85rem; border-top: 1px solid #ccc; margin-top: 2rem; }
            </style>
            </head>
            <body>
            \(body)
            <ul class="provenance">\(provenanceHTML)</ul>
            </body>
            </html>

            """
    }

    /// The table appended to `out` a row at a time (a million rows are not held as lines first).
    static func appendHTMLTable(_ table: Tabular, caption: String?, to out: inout String) {
        let e = escape
        out += "<table>"
        if let caption { out += "\n<caption>\(e(caption))</caption>" }
        out += "\n<thead><tr>" + table.headers.map { "<th scope=\"col\">\(e($0))</th>" }.joined() + "</tr></thead><tbody>"
        for row in table.rows {
            out += "\n<tr>"
            for cell in row {
                if case .number = cell { out += "<td class=\"n\">\(e(cell.plain))</td>" } else { out += "<td dir=\"auto\">\(e(cell.plain))</td>" }
            }
            out += "</tr>"
        }
        out += "\n</tbody></table>"
    }
}

/// Charts as inline SVG: horizontal bars with labels and values, a timeline of columns with a date
/// axis, or bars stacked by series with a legend.
enum SVGChart {
    static let palette = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"]

    static func render(_ chart: Chart) -> String {
        chart.kind == .timeline ? timeline(chart) : bars(chart)
    }

    private static func bars(_ chart: Chart) -> String {
        let e = Report.escape
        let rowHeight = 22, labelWidth = 220, barWidth = 420, top = chart.series.count > 1 ? 28 : 8
        let height = top + rowHeight * chart.labels.count + 8
        let maxTotal = max(chart.totals.max() ?? 1, 1)
        var out = ["<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(labelWidth + barWidth + 80)\" height=\"\(height)\" viewBox=\"0 0 \(labelWidth + barWidth + 80) \(height)\"><title>\(e(chart.title))</title>"]
        if chart.series.count > 1 {
            var x = labelWidth
            for (i, series) in chart.series.enumerated() {
                out.append("<rect x=\"\(x)\" y=\"6\" width=\"12\" height=\"12\" fill=\"\(palette[i % palette.count])\"/><text x=\"\(x + 16)\" y=\"16\">\(e(series.name))</text>")
                x += 30 + series.name.count * 7
            }
        }
        for (row, label) in chart.labels.enumerated() {
            let y = top + row * rowHeight
            out.append("<text x=\"\(labelWidth - 8)\" y=\"\(y + 15)\" text-anchor=\"end\">\(e(label))</text>")
            var x = Double(labelWidth)
            for (i, series) in chart.series.enumerated() {
                let w = series.values[row] / maxTotal * Double(barWidth)
                if w > 0 {
                    out.append("<rect x=\"\(fmt(x))\" y=\"\(y + 3)\" width=\"\(fmt(w))\" height=\"\(rowHeight - 6)\" fill=\"\(palette[i % palette.count])\"><title>\(e(label)) · \(e(series.name)): \(Tabular.Cell.number(series.values[row]).plain)</title></rect>")
                }
                x += w
            }
            out.append("<text x=\"\(fmt(x + 6))\" y=\"\(y + 15)\">\(Tabular.Cell.number(chart.totals[row]).plain)</text>")
        }
        out.append("</svg>")
        return out.joined()
    }

    private static func timeline(_ chart: Chart) -> String {
        let e = Report.escape
        let left = 40, bottom = 90, plotHeight = 180
        let column = max(8, min(40, 600 / max(chart.labels.count, 1)))
        let width = left + column * chart.labels.count + 80
        let height = plotHeight + bottom + 10
        let maxTotal = max(chart.totals.max() ?? 1, 1)
        var out = ["<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\"><title>\(e(chart.title))</title>"]
        out.append("<line x1=\"\(left)\" y1=\"\(plotHeight + 10)\" x2=\"\(width - 10)\" y2=\"\(plotHeight + 10)\" stroke=\"#888\"/>")
        out.append("<text x=\"\(left - 6)\" y=\"14\" text-anchor=\"end\">\(Tabular.Cell.number(maxTotal).plain)</text><text x=\"\(left - 6)\" y=\"\(plotHeight + 10)\" text-anchor=\"end\">0</text>")
        for (i, label) in chart.labels.enumerated() {
            let h = chart.totals[i] / maxTotal * Double(plotHeight)
            let x = left + i * column
            out.append("<rect x=\"\(x + 1)\" y=\"\(fmt(Double(plotHeight + 10) - h))\" width=\"\(column - 2)\" height=\"\(fmt(h))\" fill=\"\(palette[0])\"><title>\(e(label)): \(Tabular.Cell.number(chart.totals[i]).plain)</title></rect>")
            out.append("<text transform=\"translate(\(x + column / 2),\(plotHeight + 16)) rotate(45)\">\(e(label))</text>")
        }
        out.append("</svg>")
        return out.joined()
    }

    static func fmt(_ x: Double) -> String { String(format: "%.1f", x) }
}

/// Charts as Unicode bars for the terminal and Markdown.
enum TextChart {
    static func render(_ chart: Chart, width: Int = 40) -> String {
        let maxTotal = max(chart.totals.max() ?? 1, 1)
        let labelWidth = min(30, chart.labels.map(\.terminalWidth).max() ?? 0)
        // One mark per series of a stacked chart (nine and "other" at most): none repeats.
        let marks = ["█", "▓", "▒", "░", "▚", "▞", "▙", "▟", "▛", "▜"]
        var lines: [String] = []
        if chart.series.count > 1 {
            lines.append(chart.series.enumerated().map { "\(marks[$0.offset % marks.count]) \($0.element.name)" }.joined(separator: "  "))
        }
        for (i, label) in chart.labels.enumerated() {
            var bar = ""
            for (s, series) in chart.series.enumerated() {
                bar += String(repeating: marks[s % marks.count], count: Int((series.values[i] / maxTotal * Double(width)).rounded()))
            }
            let padded = label.clipped(labelWidth).padded(columns: labelWidth)
            lines.append("\(padded) \(bar) \(Tabular.Cell.number(chart.totals[i]).plain)")
        }
        return lines.joined(separator: "\n")
    }
}
