/// What a finding says, as a typed value: which problem, with the ids, names, counts and
/// line numbers it is about. AttuneCore holds no sentences for these; a catalog per
/// language (AttuneCatalog's `English`, `Spanish`) renders every case with an exhaustive
/// `switch`, so a message without a translation does not compile. The style of
/// swift-format's `Finding.Message` and Yarn Spinner's `DiagnosticDescriptor`; the rule id
/// stays on the `Diagnostic`.
///
/// Values are stored as the author wrote them (ids, field names, conditions), already cut
/// to a readable length with `quoted(_:limit:)` where they can be long.
public enum DiagnosticMessage: Sendable, Hashable, Codable {
    /// What can happen in play (the play-analysis rules).
    case play(PlayMessage)
    /// A name a case uses that is not there: a node, a choice, a counter, a knowledge entry.
    case reference(ReferenceMessage)
    /// A field missing, of the wrong kind, misspelt or not allowed.
    case field(FieldMessage)
    /// A content file that cannot be read at all: a link, a folder, too large.
    case file(FileMessage)
    /// A file, or a text in it, that cannot be read as YAML text as it is.
    case reading(ReadingMessage)
    /// A slip in the YAML an author makes often, reported where it is.
    case syntax(SyntaxMessage)
    /// A file that is not the kind of content expected where it is.
    case fileKind(FileKindMessage)
    /// The findings of a file past `Diagnostic.perFileLimit`, counted in one note.
    case tooManyProblems(count: Int)
    /// A translation file's finding (see Translation/).
    case translation(TranslationMessage)
}

/// The YAML slips authors make most (see YAMLSlips), each with what fixes it. Quotes,
/// keys and the fixed line are as the author wrote or should write them.
public enum SyntaxMessage: Sendable, Hashable, Codable {
    /// A quoted text never closed; `quote`: `"` or `'`.
    case quoteNeverClosed(quote: String)
    /// A quoted text not closed on its line, running on to `toLine`.
    case quoteRunsOn(quote: String, toLine: Int)
    case tab
    case listNeverClosed
    case blockNeverClosed
    /// A `"` inside "...", taken as the closing one.
    case quotationMarkClosesEarly
    /// An apostrophe inside '...'; `example`: the word written right (`Don''t`).
    case apostropheClosesEarly(example: String?)
    /// `rating:unsafe`: `fixed` is `rating: unsafe`.
    case spaceAfterColon(written: String, fixed: String)
    /// `rating unsafe`: `fixed` is `rating: unsafe`.
    case missingColon(key: String, fixed: String)
    /// A key indented further than the `key: text` line above it.
    case indentedTooFar(key: String, above: String)
}

/// A YAML file that is not a case or topic, or not the one its folder holds.
public enum FileKindMessage: Sendable, Hashable, Codable {
    /// Neither a `topic:` nor a `scenario:` line.
    case neither
    /// A knowledge topic among the cases.
    case topicAmongCases
    /// Among the cases, with no `scenario:` and no `nodes:`.
    case notACase
    /// A case among the knowledge topics.
    case caseAmongTopics
    /// Among the topics, with no `topic:` and no `entries:`.
    case notATopic
}

/// The play-analysis findings (`PlayRule`s and the state-space note).
public enum PlayMessage: Sendable, Hashable, Codable {
    case unreachableNode(node: String, start: String)
    case unreachableEnding(ending: String)
    /// `values`: the counters there, as `trust = 1, visits = 2` (empty when none);
    /// `route`: the choice ids from the start (empty: at the start).
    case stuckState(node: String, values: String, route: [String])
    case noWayOut(node: String, route: [String])
    /// `condition`: the choice's `when:` as written, when it has one.
    case neverOffered(choice: String, node: String, condition: String?)
    case unmetAssumption(UnmetAssumptionMessage)
    /// The case has more states than lint explores; `assumptions`: it has `assumes:` texts,
    /// checked only on the routes explored.
    case stateSpaceLimit(limit: Int, assumptions: Bool)
}

/// An `assumes:` that is false on a route that shows its text.
public struct UnmetAssumptionMessage: Sendable, Hashable, Codable {
    public enum Subject: Sendable, Hashable, Codable {
        case moment(node: String)
        case ending(node: String)
        case feedback(node: String, choice: String)
        case debrief(ending: String)
    }

    /// One step of the route: the choice's text (shortened) and its id.
    public struct Step: Sendable, Hashable, Codable {
        public var text: String
        public var id: String
        public init(text: String, id: String) {
            self.text = text
            self.id = id
        }
    }

    public var subject: Subject
    /// The condition as written, on one line.
    public var assumes: String
    /// The choices from the start; empty when the text is shown at the start.
    public var route: [Step]
    /// Why the condition is false at the end of the route.
    public var reason: ConditionReason

    public init(subject: Subject, assumes: String, route: [Step], reason: ConditionReason) {
        self.subject = subject
        self.assumes = assumes
        self.route = route
        self.reason = reason
    }
}

/// A name that is not where a case (or a knowledge entry) says it is.
public enum ReferenceMessage: Sendable, Hashable, Codable {
    /// Where the name was written, for "X names 'foo'".
    public enum Place: Sendable, Hashable, Codable {
        /// A field: 'start', 'next', 'refs', 'audience', 'see'...
        case field(String)
        /// A `when:` or `assumes:` condition, as written.
        case condition(String)
        /// A test's `expect: { visited / not-visited }`.
        case test(String)
        /// A test's `expect: { ending }`.
        case testEnding(String)
    }

    case unknownEntry(id: String, in: Place, suggestion: String?)
    case unknownNode(id: String, in: Place, suggestion: String?)
    /// `suggestion`: a close variable name, when there is one.
    case unknownVariable(name: String, suggestion: String?)
    case unknownChoice(condition: String, choice: String, node: String, suggestion: String?)
    case testUnknownChoice(test: String, choice: String, suggestion: String?)
    case testEndingNotEnding(test: String, node: String)
}

/// Why a condition has the value it has in a state: the values it read, or for an `and` /
/// `or` the parts that decided it.
public indirect enum ConditionReason: Sendable, Hashable, Codable {
    /// `true` or `false` written as the condition.
    case always(Bool)
    /// A counter and its value.
    case counter(String, value: Int)
    /// `visited(node)`, and whether it was.
    case visited(node: String, Bool)
    /// `chose(node.choice)`, and whether it was made.
    case chose(node: String, choice: String, Bool)
    /// A part named with its value and why: "`trust >= 2` is false (trust is 1)".
    case named(condition: String, value: Bool, because: ConditionReason)
    /// The parts that decided a chain, with how many more were left out.
    case parts([ConditionReason], more: Int)
}

/// How a test's playthrough differs from what it expects.
public enum TestFailure: Sendable, Hashable, Codable {
    /// A step that could not be taken: its number (from 1), what it chose, at which node.
    case step(number: Int, choice: String, node: String, problem: StepProblem)
    /// `reachedEnding`: whether where the choices led is an ending.
    case wrongEnding(expected: String, reached: String, reachedEnding: Bool)
    case notVisited(node: String)
    case visited(node: String)
    case counter(name: String, expected: Int, actual: Int)
    case ratings(expected: [Rating], actual: [Rating])
    /// `hiddenItem`: an item holding the text whose `when:` was false here, with its line.
    /// `shown`: the debrief shown (empty when none was).
    case debriefMissing(text: String, hiddenItem: HiddenDebrief?, shown: String)
}

/// A debrief item not shown: its `when:` line and why it was false.
public struct HiddenDebrief: Sendable, Hashable, Codable {
    public var line: Int
    public var why: ConditionReason
    public init(line: Int, why: ConditionReason) {
        self.line = line
        self.why = why
    }
}

/// A choice left out at a moment: its text (shortened), its id, and why (a `.named` reason).
public struct HiddenChoice: Sendable, Hashable, Codable {
    public var text: String
    public var id: String
    public var why: ConditionReason
    public init(text: String, id: String, why: ConditionReason) {
        self.text = text
        self.id = id
        self.why = why
    }
}

/// Why a test's step could not be taken.
public enum StepProblem: Sendable, Hashable, Codable {
    /// The choice exists but its condition kept it from being offered. `offered`: the
    /// ids offered, in order (shown numbered from 1).
    case notOffered(text: String, why: ConditionReason, offered: [String])
    /// A number past the choices offered.
    case noNumber(Int, offered: [String], hidden: [HiddenChoice])
    case noChoice(String, offered: [String])
    case alreadyEnded(node: String)
    case stuck(node: String, hidden: [HiddenChoice])
    case unknownNode(String)
}
