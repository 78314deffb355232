import AttuneCatalog
import AttuneCore
import Foundation

/// The cohort report as Markdown: the discussion plan first, then the cases, the other
/// decisions, each learner, the competencies, reflections (only when asked for) and what
/// was read. Learners' account names and reflections came from the statements: control
/// characters are neutralised and Markdown's own characters escaped, so no name can add
/// a heading, a link or a table column.
public enum CohortMarkdown {
    /// The report in `catalog`'s language (English unless told), kept in memory.
    public static func render(_ report: CohortReport, catalog: any MessageCatalog = English()) -> String {
        CohortSink.text { render(report, catalog: catalog, into: $0) }
    }

    /// The report written to `sink` a line at a time, in `catalog`'s language (English unless
    /// told); `sink` is not finished. Throws what the sink throws when it cannot deliver.
    public static func render<Failure: Error>(_ report: CohortReport, catalog: any MessageCatalog = English(),
                                              into sink: CohortSink<Failure>) throws(Failure) {
        let say = CohortWords(catalog: catalog)
        let out = Lines(sink: sink)
        try out.append("# " + escape(say.title(report)))
        try out.append("")
        try out.append(say.source(report) + " " + escape(say.period(report)))
        try out.append("")
        try out.append(say(.statementsCounted(read: report.statementsRead, counted: report.statementsCounted)) + " "
                       + say(.learnersInCohort(report.learnerCount)))
        try out.append("")

        try out.append("## " + say(.headingDiscussion))
        try out.append("")
        let plan = report.discussionPlan
        try out.append(plan.isEmpty ? say(.noDiscussionPoints) : say(.discussionIntro))
        try out.append("")
        for (number, decision) in plan.enumerated() {
            try decisionBlock(decision, heading: "### \(number + 1). ", say: say, into: out)
        }

        try out.append("## " + say(.headingCases))
        try out.append("")
        if report.cases.isEmpty { try out.append(say(.noCases), "") }
        for row in report.cases {
            try out.append("### " + escape(row.title))
            try out.append("")
            try out.append(say(.caseStartedFinished(started: row.learnersStarted, finished: row.learnersFinished, of: report.learnerCount)))
            try out.append("")
            for ending in row.endings {
                try out.append("- " + escape(say(.endingReached(ending.kind, summary: ending.summary, count: ending.count))))
            }
            if !row.endings.isEmpty { try out.append("") }
        }

        let others = report.decisions.filter { !$0.isDiscussionPoint }
        if !others.isEmpty {
            try out.append("## " + say(.headingOtherDecisions))
            try out.append("")
            for decision in others { try decisionBlock(decision, heading: "### ", say: say, into: out) }
        }

        try out.append("## " + say(.headingLearners))
        try out.append("")
        if !report.learnerRows.isEmpty {
            let ratings = Rating.allCases.map(say.rating)
            try out.append("| " + ([say(.column(.learner)), say(.column(.started)), say(.column(.finished))] + ratings
                                   + [say(.column(.competency))]).joined(separator: " | ") + " |")
            try out.append("|" + String(repeating: " --- |", count: 4 + ratings.count))
            for learner in report.learnerRows {
                let mix = learner.ratings.map { String($0.count) }
                let profile = learner.competencies.isEmpty ? say(.noCompetencies)
                    : learner.competencies.map { "\(escape($0.title)) (\($0.count))" }.joined(separator: ", ")
                try out.append("| " + ([cell(learner.name), String(learner.casesStarted), String(learner.casesFinished)] + mix + [profile])
                    .joined(separator: " | ") + " |")
            }
            try out.append("")
        }

        try out.append("## " + say(.headingCompetencies))
        try out.append("")
        for row in report.competencies {
            try out.append("- **\(escape(row.title))**: " + say(.competencyExercised(learners: row.learners, of: report.learnerCount)))
        }
        try out.append("")

        try out.append("## " + say(.headingReflections))
        try out.append("")
        if let reflections = report.reflections {
            if reflections.isEmpty { try out.append(say(.reflectionsNoneWithText)) }
            for row in reflections {
                let about = row.caseTitle.map { " (\(escape($0)))" } ?? ""
                try out.append("> **\(escape(row.learner))**\(about): " + escape(row.text).replacingOccurrences(of: "\n", with: "\n> "))
                try out.append("")
            }
        } else {
            try out.append(say(.reflectionsLeftOut(report.reflectionCount)))
        }
        try out.append("")

        try out.append("## " + say(.headingAbout))
        try out.append("")
        if report.skipped.isEmpty { try out.append(say(.nothingSkipped)) }
        for skip in report.skipped { try out.append("- " + say.skipped(skip)) }
    }

    /// The sink a line at a time: each line is written with its line break (what joining
    /// the lines with line breaks, and one at the end, made before).
    private struct Lines<Failure: Error> {
        let sink: CohortSink<Failure>

        func append(_ lines: String...) throws(Failure) {
            for line in lines { try sink.line(line) }
        }
    }

    private static func decisionBlock<Failure: Error>(_ decision: CohortReport.DecisionRow, heading: String, say: CohortWords,
                                                      into out: Lines<Failure>) throws(Failure) {
        try out.append(heading + escape("\(decision.caseTitle): \(decision.moment)"))
        try out.append("")
        if let prompt = decision.prompt { try out.append(escape(say(.asked(prompt))), "") }
        try out.append(say.decisionSummary(decision))
        try out.append("")
        try out.append("| \(say(.column(.option))) | \(say(.column(.rating))) | \(say(.column(.learners))) |")
        try out.append("| --- | --- | ---: |")
        for option in decision.options {
            try out.append("| \(cell(option.text)) | \(say.rating(option.rating)) | "
                           + say(.optionLearners(option.learners, of: decision.learners)) + " |")
        }
        try out.append("")
        if decision.isDiscussionPoint, !decision.knowledge.isEmpty {
            try out.append(say(.readMore))
            try out.append("")
            for link in decision.knowledge {
                try out.append("- " + escape(say(.knowledgeLink(title: link.title, id: link.id))))
            }
            try out.append("")
        }
    }

    /// Text safe inside a table cell: escaped, and on one line.
    private static func cell(_ text: String) -> String {
        escape(text).replacingOccurrences(of: "\n", with: " ")
    }

    /// Markdown's special characters escaped, control and reordering characters replaced;
    /// a line that would start a heading, list or quote is escaped at its start.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        var lineStart = true
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                result.append("\n")
                lineStart = true
                continue
            }
            var scalar = scalar
            if scalar == "\t" || scalar == "\r" { scalar = " " }
            if LRSText.isUnsafe(scalar) { scalar = "\u{FFFD}" }
            if "\\`*_[]<>|~".unicodeScalars.contains(scalar) || (lineStart && "#-+=>".unicodeScalars.contains(scalar)) {
                result.append("\\")
            }
            if scalar != " " { lineStart = false }
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
