import AttuneCatalog
import AttuneCore
import Foundation

/// The cohort report as one self-contained HTML page: no scripts, no outside files, charts
/// drawn in inline SVG. Readable in black and white (each rating has a fill pattern as well
/// as a shade, and every bar is labelled with its number), printable (a print style sheet,
/// decisions kept whole on a page), and by a screen reader (headings in order, real
/// tables with headers holding every number the charts show; the charts themselves are
/// hidden from screen readers, which would only repeat the tables). Everything that came
/// from the statements is escaped.
public enum CohortHTML {
    /// The page in `catalog`'s language (English unless told), its `lang` attribute saying which.
    public static func render(_ report: CohortReport, catalog: any MessageCatalog = English()) -> String {
        CohortSink.text { render(report, catalog: catalog, into: $0) }
    }

    /// The page written to `sink` a line at a time; `sink` is not finished. Throws what the
    /// sink throws when it cannot deliver.
    public static func render<Failure: Error>(_ report: CohortReport, catalog: any MessageCatalog = English(),
                                              into sink: CohortSink<Failure>) throws(Failure) {
        let say = CohortWords(catalog: catalog)
        let page = Page(sink: sink)
        let title = say.title(report)
        try page.line("<!DOCTYPE html>")
        try page.line("<html lang=\"\(say.languageTag)\">")
        try page.line("<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        try page.line("<title>\(escape(title))</title>")
        try page.line("<style>\(style)</style></head>")
        try page.line("<body><main>")
        try page.line("<h1>\(escape(title))</h1>")
        try page.line("<p>\(escape(say.source(report))) " + escape(say.period(report)) + "</p>")
        try page.line("<p>\(escape(say(.statementsCounted(read: report.statementsRead, counted: report.statementsCounted)))) "
                  + escape(say(.learnersInCohort(report.learnerCount))) + "</p>")
        try page.line(legend(say))

        try page.line("<section aria-labelledby=\"plan\"><h2 id=\"plan\">\(escape(say(.headingDiscussion)))</h2>")
        let plan = report.discussionPlan
        try page.line("<p>\(escape(say(plan.isEmpty ? .noDiscussionPoints : .discussionIntro)))</p>")
        for (number, decision) in plan.enumerated() {
            try decisionBlock(decision, number: number + 1, anchor: "plan-\(number + 1)", say: say, into: page)
        }
        try page.line("</section>")

        try page.line("<section aria-labelledby=\"cases\"><h2 id=\"cases\">\(escape(say(.headingCases)))</h2>")
        if report.cases.isEmpty { try page.line("<p>\(escape(say(.noCases)))</p>") }
        for row in report.cases {
            try page.line("<h3>\(escape(row.title))</h3>")
            let counts = say(.caseStartedFinished(started: row.learnersStarted, finished: row.learnersFinished, of: report.learnerCount))
            try page.line("<p>\(escape(counts))</p>")
            if !row.endings.isEmpty {
                try page.line("<ul>" + row.endings.map {
                    "<li>\(escape(say(.endingReached($0.kind, summary: $0.summary, count: $0.count))))</li>"
                }.joined() + "</ul>")
            }
        }
        try page.line("</section>")

        let others = report.decisions.filter { !$0.isDiscussionPoint }
        if !others.isEmpty {
            try page.line("<section aria-labelledby=\"others\"><h2 id=\"others\">\(escape(say(.headingOtherDecisions)))</h2>")
            for (number, decision) in others.enumerated() {
                try decisionBlock(decision, number: nil, anchor: "decision-\(number + 1)", say: say, into: page)
            }
            try page.line("</section>")
        }

        try learnerTable(report, say: say, into: page)
        try competencySection(report, say: say, into: page)

        try page.line("<section aria-labelledby=\"reflections\"><h2 id=\"reflections\">\(escape(say(.headingReflections)))</h2>")
        if let reflections = report.reflections {
            if reflections.isEmpty { try page.line("<p>\(escape(say(.reflectionsNoneWithText)))</p>") }
            for row in reflections {
                let about = row.caseTitle.map { " (\(escape($0)))" } ?? ""
                try page.line("<blockquote><p><strong>\(escape(row.learner))</strong>\(about): \(escape(row.text))</p></blockquote>")
            }
        } else {
            try page.line("<p>\(escape(say(.reflectionsLeftOut(report.reflectionCount))))</p>")
        }
        try page.line("</section>")

        try page.line("<section aria-labelledby=\"about\"><h2 id=\"about\">\(escape(say(.headingAbout)))</h2><ul>")
        if report.skipped.isEmpty { try page.line("<li>\(escape(say(.nothingSkipped)))</li>") }
        for skip in report.skipped { try page.line("<li>\(escape(say.skipped(skip)))</li>") }
        try page.line("</ul></section>")
        try page.line("</main></body></html>")
    }

    /// The sink a line at a time.
    private struct Page<Failure: Error> {
        let sink: CohortSink<Failure>
        func line(_ value: String) throws(Failure) { try sink.line(value) }
    }

    private static func decisionBlock<Failure: Error>(_ decision: CohortReport.DecisionRow, number: Int?, anchor: String,
                                                      say: CohortWords, into page: Page<Failure>) throws(Failure) {
        let heading = (number.map { "\($0). " } ?? "") + "\(decision.caseTitle): \(decision.moment)"
        try page.line("<article class=\"decision\" aria-labelledby=\"\(anchor)\">")
        try page.line("<h3 id=\"\(anchor)\">\(escape(heading))</h3>")
        if let prompt = decision.prompt { try page.line("<p>\(escape(say(.asked(prompt))))</p>") }
        try page.line("<p>\(escape(say.decisionSummary(decision)))</p>")
        try page.line("<div class=\"split\">")
        try page.line("<table><thead><tr><th scope=\"col\">\(escape(say(.column(.option))))</th>"
                  + "<th scope=\"col\">\(escape(say(.column(.rating))))</th>"
                  + "<th scope=\"col\" class=\"number\">\(escape(say(.column(.learners))))</th></tr></thead><tbody>")
        for option in decision.options {
            try page.line("<tr><td>\(escape(option.text))</td><td>\(escape(say.rating(option.rating)))</td>"
                      + "<td class=\"number\">\(escape(say(.optionLearners(option.learners, of: decision.learners))))</td></tr>")
        }
        try page.line("</tbody></table>")
        try page.line(chart(decision))
        try page.line("</div>")
        if number != nil, !decision.knowledge.isEmpty {
            try page.line("<p>\(escape(say(.readMore)))</p><ul>" + decision.knowledge.map {
                "<li>\(escape(say(.knowledgeLink(title: $0.title, id: $0.id))))</li>"
            }.joined() + "</ul>")
        }
        try page.line("</article>")
    }

    /// One bar per option, in the table's order, its length the learners' share.
    private static func chart(_ decision: CohortReport.DecisionRow) -> String {
        let rowHeight = 22, width = 320, labelWidth = 40
        let height = rowHeight * decision.options.count + 4
        var svg = "<svg class=\"chart\" aria-hidden=\"true\" focusable=\"false\" width=\"\(width)\" height=\"\(height)\" "
            + "viewBox=\"0 0 \(width) \(height)\" xmlns=\"http://www.w3.org/2000/svg\">"
        let total = max(decision.learners, 1)
        for (row, option) in decision.options.enumerated() {
            let y = 2 + row * rowHeight
            let length = Int((Double(width - labelWidth - 8) * Double(option.learners) / Double(total)).rounded())
            svg += "<rect x=\"0\" y=\"\(y)\" width=\"\(max(length, 1))\" height=\"\(rowHeight - 6)\" "
                + "fill=\"url(#\(option.rating.rawValue))\" stroke=\"#000\" stroke-width=\"1\"/>"
            svg += "<text x=\"\(length + 6)\" y=\"\(y + rowHeight - 10)\" font-size=\"13\">\(option.learners)</text>"
        }
        return svg + "</svg>"
    }

    private static func learnerTable<Failure: Error>(_ report: CohortReport, say: CohortWords,
                                                     into page: Page<Failure>) throws(Failure) {
        try page.line("<section aria-labelledby=\"learners\"><h2 id=\"learners\">\(escape(say(.headingLearners)))</h2>")
        guard !report.learnerRows.isEmpty else {
            try page.line("</section>")
            return
        }
        var header = "<table><thead><tr><th scope=\"col\">\(escape(say(.column(.learner))))</th>"
            + "<th scope=\"col\" class=\"number\">\(escape(say(.column(.started))))</th>"
            + "<th scope=\"col\" class=\"number\">\(escape(say(.column(.finished))))</th>"
        for rating in Rating.allCases { header += "<th scope=\"col\" class=\"number\">\(escape(say.rating(rating)))</th>" }
        try page.line(header + "<th scope=\"col\">\(escape(say(.column(.competency))))</th></tr></thead><tbody>")
        for learner in report.learnerRows {
            var row = "<tr><th scope=\"row\">\(escape(learner.name))</th><td class=\"number\">\(learner.casesStarted)</td>"
                + "<td class=\"number\">\(learner.casesFinished)</td>"
            for rating in learner.ratings { row += "<td class=\"number\">\(rating.count)</td>" }
            let profile = learner.competencies.isEmpty ? say(.noCompetencies)
                : learner.competencies.map { "\($0.title) (\($0.count))" }.joined(separator: ", ")
            try page.line(row + "<td>\(escape(profile))</td></tr>")
        }
        try page.line("</tbody></table></section>")
    }

    private static func competencySection<Failure: Error>(_ report: CohortReport, say: CohortWords,
                                                          into page: Page<Failure>) throws(Failure) {
        try page.line("<section aria-labelledby=\"competencies\"><h2 id=\"competencies\">\(escape(say(.headingCompetencies)))</h2>")
        try page.line("<table><thead><tr><th scope=\"col\">\(escape(say(.column(.competency))))</th>"
                  + "<th scope=\"col\">\(escape(say(.column(.learners))))</th></tr></thead><tbody>")
        let total = max(report.learnerCount, 1)
        for row in report.competencies {
            let length = Int((140.0 * Double(row.learners) / Double(total)).rounded())
            let bar = "<svg aria-hidden=\"true\" focusable=\"false\" width=\"150\" height=\"14\" viewBox=\"0 0 150 14\" "
                + "xmlns=\"http://www.w3.org/2000/svg\"><rect x=\"0\" y=\"1\" width=\"140\" height=\"12\" fill=\"#fff\" stroke=\"#000\"/>"
                + "<rect x=\"0\" y=\"1\" width=\"\(length)\" height=\"12\" fill=\"#333\"/></svg>"
            try page.line("<tr><th scope=\"row\">\(escape(row.title))</th><td>\(bar) "
                      + "\(escape(say(.competencyExercised(learners: row.learners, of: report.learnerCount))))</td></tr>")
        }
        try page.line("</tbody></table></section>")
    }

    /// The patterns the bars are filled with, and a key that names them in words.
    private static func legend(_ say: CohortWords) -> String {
        var svg = "<svg width=\"0\" height=\"0\" aria-hidden=\"true\" focusable=\"false\" style=\"position:absolute\" "
            + "xmlns=\"http://www.w3.org/2000/svg\"><defs>"
        svg += "<pattern id=\"attuned\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"#222\"/></pattern>"
        svg += "<pattern id=\"partial\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"#ddd\"/>"
            + "<path d=\"M0 6 L6 0\" stroke=\"#000\" stroke-width=\"1.5\"/></pattern>"
        svg += "<pattern id=\"missed\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"#fff\"/>"
            + "<circle cx=\"3\" cy=\"3\" r=\"1.3\" fill=\"#000\"/></pattern>"
        svg += "<pattern id=\"unsafe\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"#fff\"/>"
            + "<path d=\"M0 0 L6 6 M6 0 L0 6\" stroke=\"#000\" stroke-width=\"1.2\"/></pattern>"
        svg += "</defs></svg>"
        var key = "<p class=\"legend\">\(escape(say(.chartCaption)))</p><ul class=\"legend\">"
        for rating in Rating.allCases {
            key += "<li><svg aria-hidden=\"true\" focusable=\"false\" width=\"28\" height=\"14\" viewBox=\"0 0 28 14\" "
                + "xmlns=\"http://www.w3.org/2000/svg\"><rect x=\"0\" y=\"0\" width=\"28\" height=\"14\" fill=\"url(#\(rating.rawValue))\" "
                + "stroke=\"#000\"/></svg> \(escape(say.rating(rating)))</li>"
        }
        return svg + key + "</ul>"
    }

    private static let style = """
        body{font-family:Georgia,'DejaVu Serif',serif;color:#000;background:#fff;line-height:1.45;margin:0}\
        main{max-width:56rem;margin:0 auto;padding:1.5rem}\
        h1{font-size:1.8rem}h2{border-bottom:2px solid #000;padding-bottom:.2rem;margin-top:2rem}\
        table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #555;padding:.25rem .5rem;text-align:left;vertical-align:top}\
        .number{text-align:right}.split{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}\
        .decision{border-left:4px solid #000;padding-left:1rem;margin:1.2rem 0}\
        ul.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1rem}ul.legend li{display:flex;align-items:center;gap:.3rem}\
        blockquote{border-left:3px solid #555;margin:.5rem 0;padding-left:1rem}\
        @media print{main{max-width:none;padding:0}.decision{break-inside:avoid}h2,h3{break-after:avoid}}
        """

    /// Text made safe for HTML: the five special characters escaped, control and
    /// reordering characters replaced.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\n": result += "\n"
            case "\t", "\r": result += " "
            default:
                if LRSText.isUnsafe(scalar) { result += "\u{FFFD}" } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }
}
