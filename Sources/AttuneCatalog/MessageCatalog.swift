import AttuneCore

/// The sentences of one language: every typed message of AttuneCore and of the reports, put
/// in words. `English` and `Spanish` implement each method with an exhaustive `switch` and
/// no `default:`, so a case added to a message type does not compile until every language
/// says it. Plurals and gender are each language's own business (see `Plural`); no sentence
/// is put together from fragments of another language.
public protocol MessageCatalog: Sendable {
    var language: Language { get }

    /// A rating as the player shows it: "Attuned", "En sintonía".
    func rating(_ rating: Rating) -> String
    /// "error", "warning", "note", as a finding's label.
    func severity(_ severity: Severity) -> String
    /// A finding's message.
    func message(_ message: DiagnosticMessage) -> String
    /// How a test's playthrough differed from what it expected.
    func failure(_ failure: TestFailure) -> String
    /// Why a condition has its value, without naming it ("trust is 1"); a `.named` reason
    /// reads as a part: "`trust >= 2` is false (trust is 1)".
    func reason(_ reason: ConditionReason) -> String
    /// A condition with its value and why: "`trust >= 2` is false because trust is 1".
    func sentence(_ reason: ConditionReason) -> String
    /// What a lint rule catches, for `attune lint --rules`.
    func ruleSummary(_ rule: RuleID) -> String
    /// The lines of `lint` and `test` reports around the findings.
    func report(_ message: ReportMessage) -> String

    /// The shell's own words (`ShellText`).
    func shell(_ text: ShellText) -> String
    /// Playing a case alone, the journal and progress (`PlayText`).
    func playing(_ text: PlayText) -> String
    /// Group play and the room (`RoomText`).
    func room(_ text: RoomText) -> String
    /// The command line and the author's tools (`ToolText`).
    func tools(_ text: ToolText) -> String
    /// `attune translate` (`TranslateText`).
    func translate(_ text: TranslateText) -> String
    /// The command line parser's own words (`ParserText`).
    func parser(_ text: ParserText) -> String
    /// The author's tools on the command line: explore, graph, new, and invisible characters (`AuthorText`).
    func author(_ text: AuthorText) -> String
    /// The cohort report and `cohort report` (`CohortText`).
    func cohort(_ text: CohortText) -> String
    /// Sending and fetching (an LRS), and the help of export, translate and cache (`TransferText`).
    func transfer(_ text: TransferText) -> String
}

/// The words around lint findings and test results.
public enum ReportMessage: Sendable, Hashable {
    /// After the findings: how many files, errors and warnings, and findings not shown.
    case lintSummary(files: Int, errors: Int, warnings: Int, omitted: Int)
    /// The labels of a test that passed and one that failed.
    case testPassed
    case testFailed
    /// The label of a case whose tests were not run.
    case testsNotRun
    /// After the label: which file, how many errors, and the command that lists them.
    case testsNotRunBecause(file: String, errors: Int, command: String)
    /// How many tests passed and failed, and how many cases were not tested.
    case testSummary(passed: Int, failed: Int, untested: Int)
    /// No case files where the author pointed.
    case noCases
    /// Cases, but none with a `tests:` section.
    case noTests

    // `test --coverage`
    /// The heading of a case's coverage.
    case coverageOf(scenario: String)
    case coverageTotal
    /// After the total's heading: how many cases, and how many with errors were not measured.
    case coverageTotalCases(cases: Int, unmeasured: Int)
    /// "3 of 4 (75%)".
    case tally(covered: Int, total: Int, percent: Int)
    /// A tally with nothing to count.
    case tallyNone
    /// A rating's tally: the rating's id, as authors write it.
    case ratingTally(Rating, covered: Int, total: Int)
    case choicesMade(String)
    case endingsReached(String)
    case debriefShown(String)
    case everythingExercised
    case choicesNoTestMakes
    case endingsNoTestReaches
    case debriefNoTestShows
    case missedChoice(node: String, choice: String, rating: Rating, line: Int, text: String)
    case missedDebrief(ending: String, line: Int, when: String, say: String)
}

extension MessageCatalog {
    /// `file:line:col: severity: message [rule]`, without the source excerpt. Control
    /// characters (in a file name or a quoted value) are neutralised.
    public func headline(_ diagnostic: Diagnostic) -> String {
        TerminalText.neutralize(
            "\(diagnostic.location): \(severity(diagnostic.severity)): \(message(diagnostic.message)) [\(diagnostic.rule)]",
            keepingLineBreaks: false)
    }

    /// The headline followed by the source line and a caret under the column.
    public func rendered(_ diagnostic: Diagnostic) -> String {
        ([headline(diagnostic)] + diagnostic.excerptLines()).joined(separator: "\n")
    }
}

/// 4212 as "4,212" (US English and US Spanish group thousands alike).
func grouped(_ number: Int) -> String {
    let digits = String(number.magnitude)
    var result = ""
    for (index, character) in digits.enumerated() {
        if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
        result.append(character)
    }
    return (number < 0 ? "-" : "") + result
}

/// A count with the form of a word that agrees with it: `Plural(one: "problema", other:
/// "problemas")(3)` is "3 problemas". Each language writes both forms whole, so no
/// language builds a plural by adding letters.
struct Plural {
    let one: String
    let other: String

    /// The word alone, in the form for `count`.
    func form(_ count: Int) -> String { count == 1 ? one : other }

    /// The count and the word: "1 problema", "4,212 problemas".
    func callAsFunction(_ count: Int) -> String { "\(grouped(count)) \(form(count))" }
}
