/// How a choice meets the baby and family, in the learner's terms.
public enum Rating: String, Sendable, Hashable, Codable, CaseIterable {
    case attuned, partial, missed, unsafe
    // Its words are in the catalogs (AttuneCatalog), in the learner's language.
}

/// The tone of an ending.
public enum EndingKind: String, Sendable, Hashable, Codable, CaseIterable {
    case hopeful, mixed, concerning
}

/// The three points of view a choice can be seen from.
public struct Perspectives: Sendable, Hashable, Codable {
    public var baby: String?
    public var parent: String?
    public var practitioner: String?

    public var isEmpty: Bool { baby == nil && parent == nil && practitioner == nil }
}

/// How large a counter's numbers may be: start values, `add`, `set`, test expectations and
/// the numbers in conditions stay within a million either side of zero, far beyond any
/// case and far from where a sum could overflow. Play also saturates rather than overflow.
public enum CounterLimits {
    public static let maximum = 1_000_000
}

/// A counter change written as `add: { trust: 1 }` or `set: { trust: 0 }`.
public struct CounterChange: Sendable, Hashable, Codable {
    public var variable: String
    public var amount: Int
    public var location: SourceLocation
}

/// A `when:` or an `assumes:` as written and as parsed.
public struct WrittenCondition: Sendable, Hashable, Codable {
    public var text: String
    public var condition: Condition
    public var location: SourceLocation
}

public struct Choice: Sendable, Hashable, Identifiable, Codable {
    /// The written id, or its 1-based position in the node when none is written.
    public var id: String
    public var location: SourceLocation
    public var text: String
    public var next: Located<String>
    public var rating: Rating
    public var feedback: String
    public var perspectives: Perspectives
    public var refs: [Located<String>]
    public var competencies: [Located<String>]
    public var reflect: String?
    public var when: WrittenCondition?
    public var add: [CounterChange]
    public var set: [CounterChange]
    /// What the feedback (with the perspectives and reflect question shown beside it)
    /// takes for granted, checked by lint as the learner reads it: with this choice made
    /// and its `set:` and `add:` applied.
    public var assumes: WrittenCondition? = nil
}

public struct DebriefItem: Sendable, Hashable, Codable {
    public var when: WrittenCondition?
    public var say: String
    /// What `say` takes for granted wherever it is shown (at its ending, when `when` holds).
    public var assumes: WrittenCondition? = nil
}

public struct ScenarioNode: Sendable, Hashable, Identifiable, Codable {
    public var id: String
    public var location: SourceLocation
    public var text: String
    public var reflect: String?
    public var facilitator: String?
    public var prompt: String?
    public var choices: [Choice]
    /// Set for an ending node.
    public var ending: EndingKind?
    public var debrief: [DebriefItem]
    /// What the moment's text (with its reflect question and prompt) takes for granted on
    /// arrival; for an ending, its text. Debrief items say their own.
    public var assumes: WrittenCondition? = nil

    public var isEnding: Bool { ending != nil }
}

public struct Facilitation: Sendable, Hashable, Codable {
    public var notes: String?
    public var discussion: [String]
}

/// An expected playthrough from the file's `tests:`.
public struct ScenarioTest: Sendable, Hashable, Codable {
    public struct Expectation: Sendable, Hashable, Codable {
        public var ending: Located<String>?
        public var visited: [Located<String>] = []
        public var notVisited: [Located<String>] = []
        public var variables: [CounterChange] = []
        public var ratings: [Rating]?
        public var debriefIncludes: [String] = []
    }

    public var name: String
    public var location: SourceLocation
    /// Choice ids, or 1-based numbers among the offered choices.
    public var choose: [Located<String>]
    public var expect: Expectation
}

/// One case, as read from `Scenarios/<id>.yaml`.
public struct Scenario: Sendable, Hashable, Identifiable, Codable {
    public var id: String
    public var file: String
    public var location: SourceLocation
    public var title: String
    public var summary: String
    public var minutes: Int
    public var audience: [Located<String>]
    public var competencies: [Located<String>]
    public var knowledge: [Located<String>]
    public var contentWarnings: [String]
    /// Counters in file order with their start values.
    public var variables: [CounterChange]
    public var facilitator: Facilitation?
    public var start: Located<String>
    /// Nodes in file order.
    public var nodes: [ScenarioNode] {
        didSet { index = Self.index(nodes) }
    }
    public var tests: [ScenarioTest]

    private var index: [String: Int]

    init(id: String, file: String, location: SourceLocation, title: String, summary: String, minutes: Int,
         audience: [Located<String>], competencies: [Located<String>], knowledge: [Located<String>],
         contentWarnings: [String], variables: [CounterChange], facilitator: Facilitation?,
         start: Located<String>, nodes: [ScenarioNode], tests: [ScenarioTest]) {
        self.id = id
        self.file = file
        self.location = location
        self.title = title
        self.summary = summary
        self.minutes = minutes
        self.audience = audience
        self.competencies = competencies
        self.knowledge = knowledge
        self.contentWarnings = contentWarnings
        self.variables = variables
        self.facilitator = facilitator
        self.start = start
        self.nodes = nodes
        self.tests = tests
        self.index = Self.index(nodes)
    }

    private static func index(_ nodes: [ScenarioNode]) -> [String: Int] {
        Dictionary(nodes.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }

    public func node(_ id: String) -> ScenarioNode? {
        index[id].map { nodes[$0] }
    }

    public var endings: [ScenarioNode] { nodes.filter(\.isEnding) }

    /// The competency ids a choice exercises: its own list, or the case's when it has none.
    public func competencies(for choice: Choice) -> [String] {
        (choice.competencies.isEmpty ? competencies : choice.competencies).map(\.value)
    }
}
