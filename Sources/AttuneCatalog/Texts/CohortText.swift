import AttuneCore
import Foundation

/// The trainer's cohort report: every word of the report itself (Markdown and HTML), of
/// `attune cohort report` and the shell's `cohort report`, and of the problems with a cohort's
/// name or the learners' exported files.
///
/// Each case carries its values; `English` and `Spanish` put it in words (see
/// `MessageCatalog.cohort(_:)`). What came from the cases and the knowledge base (case titles,
/// moments, responses, competency names) and from the statements (account names,
/// reflections) is carried as written, never translated here.
public enum CohortText: Sendable, Hashable {
    /// The report's headings, sentences and column labels.
    case report(Report)
    /// `cohort report` on the command line and in the shell: what to type, progress, what was written.
    case command(Command)
    /// Why a cohort's name (after `--cohort`) cannot be used.
    case name(Name)
    /// Why a learner's exported file could not be read.
    case file(File)
    /// `attune cohort report --help`: the abstract, discussion and each option's help.
    case help(Help)

    public enum Help: Sendable, Hashable, CaseIterable {
        case abstract, discussion, paths, lrs, user, password, cohort, since, until, insecureHTTP, timeout,
             includeReflections, pageSize
        /// The placeholders of values in the usage line: `<files>`, `<date>`, `<count>`.
        case valueFiles, valueDate, valueCount
    }

    public enum Report: Sendable, Hashable {
        /// The page's title and first heading, with the cohort's name when one was asked for.
        case title(cohort: String?)
        /// Where the statements came from: an LRS (its address) or exported files.
        case sourceLRS(address: String)
        case sourceFiles(count: Int)
        /// The period asked for (either end may be open) and the one the counted statements cover.
        case period(since: Date?, until: Date?, earliest: Date?, latest: Date?)
        case statementsCounted(read: Int, counted: Int)
        /// Statements not counted for one reason.
        case skipped(Skip, count: Int)
        case nothingSkipped
        case learnersInCohort(Int)
        case headingDiscussion
        case discussionIntro
        case noDiscussionPoints
        case headingCases
        case noCases
        /// Under a case's heading: learners who started and finished it, of the cohort's.
        case caseStartedFinished(started: Int, finished: Int, of: Int)
        /// An ending (nil: one the case no longer has), its opening words and the times it was reached.
        case endingReached(EndingKind?, summary: String, count: Int)
        case headingOtherDecisions
        /// Learners who answered a decision, and every answer counting replays.
        case decisionCounts(learners: Int, answers: Int)
        case missedOrUnsafe(Int, of: Int)
        /// A response's learners in the split: "2 of 3".
        case optionLearners(Int, of: Int)
        /// A knowledge entry to read, with the command that shows it in Attune.
        case knowledgeLink(title: String, id: String)
        case readMore
        /// The question the case asks at a moment, as the case writes it.
        case asked(String)
        case headingLearners
        case noCompetencies
        case headingCompetencies
        case competencyExercised(learners: Int, of: Int)
        case headingReflections
        case reflectionsLeftOut(Int)
        case reflectionsNoneWithText
        case headingAbout
        /// Above the rating key: what the bars and their patterns mean.
        case chartCaption
        case column(Column)
    }

    /// Why a statement was not counted (AttuneRecords' `CohortSkip`).
    public enum Skip: Sendable, Hashable, CaseIterable {
        case notJSON, otherTool, noLearner, draftCase, unknownCase, unknownChoice, duplicate, voided, voiding, otherCohort,
             outsidePeriod, notUnderstood
    }

    /// The report's table columns.
    public enum Column: Sendable, Hashable, CaseIterable {
        case option, rating, learners, scenario, started, finished, competency, learner
    }

    public enum Command: Sendable, Hashable {
        /// The line rewritten as the LRS's pages arrive.
        case progress(pages: Int, statements: Int)
        case wrote(path: String, learners: Int, statements: Int)
        /// Reading from the LRS was stopped (Ctrl-C in the shell): no report was written to `path`.
        case stopped(path: String)
        /// No file named at all.
        case needsReportFile
        case lrsNeedsCohort
        /// With --lrs, no file named: "for example cohort.html".
        case lrsNeedsReportFile
        case lrsOnlyReportFile
        /// Without --lrs, fewer than two paths.
        case filesThenReport
        /// The report file's name has no extension that chooses a format.
        case needsExtension(path: String)
        /// `option` ("--since", "--until") was not given a day.
        case needsDay(option: String)
        case sinceBeforeUntil
        case timeoutRange
        case pageSizeRange
        /// The report could not be rendered as `format` ("json"); `reason` is the system's words.
        case cannotRender(format: String, reason: String)
        /// In the shell: `cohort` without `report`.
        case shellUsage
        /// In the shell: --password typed on the line (`variable`: where the password comes from instead).
        case shellNoPasswordOption(variable: String)
        /// In the shell: --lrs without ATTUNE_LRS_PASSWORD set (`variable`).
        case shellPasswordFromEnvironment(variable: String)
    }

    public enum Name: Sendable, Hashable {
        case empty
        case tooLong(length: Int, maximum: Int)
        /// `shown`: the name typed, cut short and made safe to show.
        case notAllowed(shown: String)
    }

    public enum File: Sendable, Hashable {
        case missing(path: String)
        case folder(path: String)
        case cannotOpen(path: String)
        /// `reason`: the system's words for what went wrong.
        case cannotFinish(path: String, reason: String)
    }

    /// `name` inside the folder `path`, with one slash between them however the folder was
    /// typed ("entregas/" and "entregas" both give "entregas/*.jsonl").
    static func inside(_ path: String, _ name: String) -> String {
        var folder = Substring(path)
        while folder.count > 1, folder.hasSuffix("/") { folder = folder.dropLast() }
        return folder == "/" ? "/" + name : "\(folder)/\(name)"
    }
}
