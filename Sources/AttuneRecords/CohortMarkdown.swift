import AttuneCatalog
import AttuneCore
import Foundation

/// The cohort report as Markdown: the discussion plan first, then the cases, the other
/// decisions, each learner, the competencies, reflections (only when asked for) and what
/// was read. Learners' account names and reflections came from the statements: control
/// characters are neutralised and Markdown's own characters escaped, so no name can add
/// a heading, a link or a table column.
public enum CohortMarkdown {
    /// The report in `catalog`'s language (English unless told).
    public static func render(_ report: CohortReport, catalog: any MessageCatalog = English()) -> String {
        let say = CohortWords(catalog: catalog)
        var out: [String] = []
        out.append("# " + escape(say.title(report)))
        out.append("")
        out.append(say.source(report) + " " + escape(say.period(report)))
        out.append("")
        out.append(say(.statementsCounted(read: report.statementsRead, counted: report.statementsCounted)) + " "
                   + say(.learnersInCohort(report.learnerCount)))
        out.append("")

        out.append("## " + say(.headingDiscussion))
        out.append("")
        let plan = report.discussionPlan
        out.append(plan.isEmpty ? say(.noDiscussionPoints) : say(.discussionIntro))
        out.append("")
        for (number, decision) in plan.enumerated() {
            out += decisionBlock(decision, heading: "### \(number + 1). ", say: say)
        }

        out.append("## " + say(.headingCases))
        out.append("")
        if report.cases.isEmpty { out += [say(.noCases), ""] }
        for row in report.cases {
            out.append("### " + escape(row.title))
            out.append("")
            out.append(say(.caseStartedFinished(started: row.learnersStarted, finished: row.learnersFinished, of: report.learnerCount)))
            out.append("")
            for ending in row.endings {
                out.append("- " + escape(say(.endingReached(ending.kind, summary: ending.summary, count: ending.count))))
            }
            if !row.endings.isEmpty { out.append("") }
        }

        let others = report.decisions.filter { !$0.isDiscussionPoint }
        if !others.isEmpty {
            out.append("## " + say(.headingOtherDecisions))
            out.append("")
            for decision in others { out += decisionBlock(decision, heading: "### ", say: say) }
        }

        out.append("## " + say(.headingLearners))
        out.append("")
        if !report.learners.isEmpty {
            let ratings = Rating.allCases.map(say.rating)
            out.append("| " + ([say(.column(.learner)), say(.column(.started)), say(.column(.finished))] + ratings
                               + [say(.column(.competency))]).joined(separator: " | ") + " |")
            out.append("|" + String(repeating: " --- |", count: 4 + ratings.count))
            for learner in report.learners {
                let mix = learner.ratings.map { String($0.count) }
                let profile = learner.competencies.isEmpty ? say(.noCompetencies)
                    : learner.competencies.map { "\(escape($0.title)) (\($0.count))" }.joined(separator: ", ")
                out.append("| " + ([cell(learner.name), String(learner.casesStarted), String(learner.casesFinished)] + mix + [profile])
                    .joined(separator: " | ") + " |")
            }
            out.append("")
        }

        out.append("## " + say(.headingCompetencies))
        out.append("")
        for row in report.competencies {
            out.append("- **\(escape(row.title))**: " + say(.competencyExercised(learners: row.learners, of: report.learnerCount)))
        }
        out.append("")

        out.append("## " + say(.headingReflections))
        out.append("")
        if let reflections = report.reflections {
            if reflections.isEmpty { out.append(say(.reflectionsNoneWithText)) }
            for row in reflections {
                let about = row.caseTitle.map { " (\(escape($0)))" } ?? ""
                out.append("> **\(escape(row.learner))**\(about): " + escape(row.text).replacingOccurrences(of: "\n", with: "\n> "))
                out.append("")
            }
        } else {
            out.append(say(.reflectionsLeftOut(report.reflectionCount)))
        }
        out.append("")

        out.append("## " + say(.headingAbout))
        out.append("")
        if report.skipped.isEmpty { out.append(say(.nothingSkipped)) }
        for skip in report.skipped { out.append("- " + say.skipped(skip)) }
        return out.joined(separator: "\n") + "\n"
    }

    private static func decisionBlock(_ decision: CohortReport.DecisionRow, heading: String, say: CohortWords) -> [String] {
        var out: [String] = []
        out.append(heading + escape("\(decision.caseTitle): \(decision.moment)"))
        out.append("")
        if let prompt = decision.prompt { out += [escape(say(.asked(prompt))), ""] }
        out.append(say.decisionSummary(decision))
        out.append("")
        out.append("| \(say(.column(.option))) | \(say(.column(.rating))) | \(say(.column(.learners))) |")
        out.append("| --- | --- | ---: |")
        for option in decision.options {
            out.append("| \(cell(option.text)) | \(say.rating(option.rating)) | "
                       + say(.optionLearners(option.learners, of: decision.learners)) + " |")
        }
        out.append("")
        if decision.isDiscussionPoint, !decision.knowledge.isEmpty {
            out.append(say(.readMore))
            out.append("")
            for link in decision.knowledge {
                out.append("- " + escape(say(.knowledgeLink(title: link.title, id: link.id))))
            }
            out.append("")
        }
        return out
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
