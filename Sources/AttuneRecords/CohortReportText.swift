import AttuneCore
import Foundation

/// Every sentence and heading of the cohort report, typed: the renderings (Markdown, HTML,
/// the shell's progress and summary lines) say only these, through ``english``, so a
/// catalog of messages can take them over in one place. Rating words and competency names
/// are not here: they come from the cases and the knowledge base (``Rating/words``,
/// knowledge entry titles).
public enum CohortReportText: Sendable, Equatable {
    case title(cohort: String?)
    case source(CohortReport.Source)
    case period(since: Date?, until: Date?, earliest: Date?, latest: Date?)
    case statementsCounted(read: Int, counted: Int)
    case skipped(CohortSkip, count: Int)
    case nothingSkipped
    case learnersInCohort(Int)
    case headingDiscussion
    case discussionIntro
    case noDiscussionPoints
    case headingCases
    case noCases
    case caseStartedFinished(started: Int, finished: Int, of: Int)
    case endingReached(EndingKind?, summary: String, count: Int)
    case headingOtherDecisions
    case decisionCounts(learners: Int, answers: Int)
    case missedOrUnsafe(Int, of: Int)
    case optionLearners(Int, of: Int)
    case knowledgeLink(title: String, id: String)
    case readMore
    case asked(String)
    case headingLearners
    case learnerCases(started: Int, finished: Int)
    case noCompetencies
    case headingCompetencies
    case competencyExercised(learners: Int, of: Int)
    case headingReflections
    case reflectionsLeftOut(Int)
    case reflectionsNoneWithText
    case headingAbout
    case chartCaption
    case columnOption, columnRating, columnLearners, columnCase, columnStarted, columnFinished, columnCompetency, columnLearner
    case progress(pages: Int, statements: Int)
    case wrote(path: String, learners: Int, statements: Int)

    /// The sentence in English.
    public var english: String {
        switch self {
        case .title(let cohort):
            return cohort.map { "Cohort report: \($0)" } ?? "Cohort report"
        case .source(.lrs(let address)):
            return "Read from the Learning Record Store at \(address)."
        case .source(.files(let count)):
            return "Read from \(Self.count(count, "exported file", "exported files"))."
        case let .period(since, until, earliest, latest):
            var parts: [String] = []
            switch (since, until) {
            case let (since?, until?): parts.append("Asked for \(Self.day(since)) up to \(Self.day(until)).")
            case let (since?, nil): parts.append("Asked for everything from \(Self.day(since)).")
            case let (nil, until?): parts.append("Asked for everything before \(Self.day(until)).")
            case (nil, nil): break
            }
            if let earliest, let latest {
                parts.append("The practice counted ran from \(Self.day(earliest)) to \(Self.day(latest)).")
            } else {
                parts.append("No practice was counted.")
            }
            return parts.joined(separator: " ")
        case let .statementsCounted(read, counted):
            return "\(Self.count(read, "statement", "statements")) read; \(counted) counted."
        case let .skipped(reason, count):
            let (one, many): (String, String) = switch reason {
            case .notJSON: ("could not be read at all (not a statement)", "could not be read at all (not statements)")
            case .otherTool: ("came from another learning tool", "came from other learning tools")
            case .noLearner: ("did not name a learner's account", "did not name a learner's account")
            case .draftCase: ("was about a case played from an author's draft", "were about cases played from an author's draft")
            case .unknownCase: ("was about a case this copy of Attune does not have",
                                "were about cases this copy of Attune does not have")
            case .unknownChoice: ("was about a moment or choice the case no longer has (it has changed since)",
                                  "were about moments or choices the cases no longer have (they have changed since)")
            case .duplicate: ("was a copy of a statement already counted", "were copies of statements already counted")
            case .voided: ("had been withdrawn (voided)", "had been withdrawn (voided)")
            case .voiding: ("withdrew another statement (a voiding notice)", "withdrew other statements (voiding notices)")
            case .otherCohort: ("was sent for another cohort, or for none", "were sent for another cohort, or for none")
            case .outsidePeriod: ("fell outside the period asked for", "fell outside the period asked for")
            case .notUnderstood: ("had a part missing or not understood", "had a part missing or not understood")
            }
            return "\(Self.count(count, "statement", "statements")) \(count == 1 ? one : many): not counted."
        case .nothingSkipped:
            return "Every statement read was counted."
        case .learnersInCohort(let count):
            return "\(Self.count(count, "learner", "learners")) practised."
        case .headingDiscussion:
            return "Discussion plan for the next workshop"
        case .discussionIntro:
            return "Moments where most learners' first answer missed the cue or raised a safety concern, most missed first."
        case .noDiscussionPoints:
            return "At no moment did most learners miss the cue or choose an unsafe response."
        case .headingCases:
            return "Cases practised"
        case .noCases:
            return "No case was practised."
        case let .caseStartedFinished(started, finished, of):
            return "Started by \(started) of \(Self.count(of, "learner", "learners")); finished by \(finished)."
        case let .endingReached(kind, summary, count):
            let times = count == 1 ? "once" : "\(count) times"
            guard let kind else { return "An ending the case no longer has: reached \(times)." }
            let tone = switch kind {
            case .hopeful: "A hopeful ending"
            case .mixed: "A mixed ending"
            case .concerning: "A concerning ending"
            }
            return "\(tone), reached \(times): \(summary)"
        case .headingOtherDecisions:
            return "The other decisions"
        case let .decisionCounts(learners, answers):
            let replays = answers > learners ? " (\(answers) answers in all, counting replays; the split counts each learner's first answer)" : ""
            return "\(Self.count(learners, "learner", "learners")) answered\(replays)."
        case let .missedOrUnsafe(count, of):
            return "\(count) of \(of) missed the cue or chose an unsafe response."
        case let .optionLearners(count, of):
            return of == 0 ? "0" : "\(count) of \(of)"
        case let .knowledgeLink(title, id):
            return "\(title) (in Attune: show \(id))"
        case .asked(let prompt):
            return "Asked: \(prompt)"
        case .readMore:
            return "To read before the discussion:"
        case .headingLearners:
            return "Each learner"
        case let .learnerCases(started, finished):
            return "\(Self.count(started, "case", "cases")) started, \(finished) finished."
        case .noCompetencies:
            return "No competency exercised yet."
        case .headingCompetencies:
            return "Competencies exercised"
        case let .competencyExercised(learners, of):
            return learners == 0 ? "Not exercised by anyone yet." : "Exercised by \(learners) of \(Self.count(of, "learner", "learners"))."
        case .headingReflections:
            return "Reflections"
        case .reflectionsLeftOut(let count):
            return "\(Self.count(count, "reflection was", "reflections were")) written; their text is left out. "
                + "Add --include-reflections to show any text the learners chose to send."
        case .reflectionsNoneWithText:
            return "No reflection text was sent (learners send it only if they choose to)."
        case .headingAbout:
            return "About this report"
        case .chartCaption:
            return "Bar lengths show learners' first answers; the pattern marks the rating."
        case .columnOption: return "Response"
        case .columnRating: return "Rating"
        case .columnLearners: return "Learners"
        case .columnCase: return "Case"
        case .columnStarted: return "Started"
        case .columnFinished: return "Finished"
        case .columnCompetency: return "Competency"
        case .columnLearner: return "Learner"
        case let .progress(pages, statements):
            return "Reading the cohort: \(Self.count(pages, "page", "pages")), \(Self.count(statements, "statement", "statements"))…"
        case let .wrote(path, learners, statements):
            return "Wrote the cohort report to \(path): \(Self.count(learners, "learner", "learners")), "
                + "\(Self.count(statements, "statement", "statements")) counted."
        }
    }

    private static func count(_ number: Int, _ one: String, _ many: String) -> String {
        "\(number) \(number == 1 ? one : many)"
    }

    /// A day as "6 December 2026" (UTC).
    static func day(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                      "November", "December"]
        return "\(parts.day ?? 1) \(months[((parts.month ?? 1) - 1) % 12]) \(parts.year ?? 1970)"
    }
}
