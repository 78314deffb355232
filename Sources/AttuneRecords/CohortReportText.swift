import AttuneCatalog
import AttuneCore
import Foundation

/// The report's words in one language: the renderings (Markdown, HTML) say every heading,
/// sentence and label through it, from the catalog's `CohortText`. Rating words come from
/// the catalog too; case titles, moments, responses and competency names come from the
/// content as loaded (translated where the content is), and account names and reflections
/// from the statements.
struct CohortWords {
    let catalog: any MessageCatalog

    func callAsFunction(_ text: CohortText.Report) -> String { catalog.cohort(.report(text)) }

    func rating(_ rating: Rating) -> String { catalog.rating(rating) }

    /// The page's language, for HTML's `lang` attribute: "en", "es".
    var languageTag: String { catalog.language.rawValue }

    func title(_ report: CohortReport) -> String { self(.title(cohort: report.cohort)) }

    func source(_ report: CohortReport) -> String {
        switch report.source {
        case .lrs(let address): self(.sourceLRS(address: address))
        case .files(let count): self(.sourceFiles(count: count))
        }
    }

    func period(_ report: CohortReport) -> String {
        self(.period(since: report.period.since, until: report.period.until, earliest: report.period.earliest,
                     latest: report.period.latest))
    }

    func skipped(_ skip: CohortReport.Skip) -> String { self(.skipped(skip.reason.text, count: skip.count)) }

    /// How many answered a decision, and how many of them missed the cue or raised a safety concern.
    func decisionSummary(_ decision: CohortReport.DecisionRow) -> String {
        var summary = self(.decisionCounts(learners: decision.learners, answers: decision.answers))
        if decision.missedOrUnsafe > 0 {
            summary += " " + self(.missedOrUnsafe(decision.missedOrUnsafe, of: decision.learners))
        }
        return summary
    }
}

extension CohortSkip {
    /// The reason as the catalog names it.
    public var text: CohortText.Skip {
        switch self {
        case .notJSON: .notJSON
        case .otherTool: .otherTool
        case .noLearner: .noLearner
        case .draftCase: .draftCase
        case .unknownCase: .unknownCase
        case .unknownChoice: .unknownChoice
        case .duplicate: .duplicate
        case .voided: .voided
        case .voiding: .voiding
        case .otherCohort: .otherCohort
        case .outsidePeriod: .outsidePeriod
        case .notUnderstood: .notUnderstood
        }
    }
}
