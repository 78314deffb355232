/// What a case's `tests:` exercise, and what they leave out: the choices no test makes, the
/// endings no test reaches, and the debrief rules (items with a `when:`) no test shows.
/// Information for the author; it never makes a test fail. Pure: a case and its test
/// results in, counts and lists out.
public struct TestCoverage: Sendable, Hashable {
    /// A choice, named by its moment.
    public struct ChoiceItem: Sendable, Hashable {
        public var node: String
        public var choice: Choice
    }

    /// A debrief item with a `when:`, named by its ending and where it is written.
    public struct DebriefRule: Sendable, Hashable {
        public var ending: String
        /// Its place among the ending's debrief items, from 1.
        public var number: Int
        public var condition: WrittenCondition
        public var say: String
    }

    /// How many of `total` the tests exercise.
    public struct Tally: Sendable, Hashable {
        public var covered: Int
        public var total: Int

        public init(covered: Int = 0, total: Int = 0) {
            self.covered = covered
            self.total = total
        }

        /// Whole percent, rounded down so that 100 means everything; nil when there is nothing.
        public var percent: Int? { total == 0 ? nil : covered * 100 / total }

        public var isComplete: Bool { covered == total }

        public static func + (lhs: Tally, rhs: Tally) -> Tally {
            Tally(covered: lhs.covered + rhs.covered, total: lhs.total + rhs.total)
        }
    }

    public let scenario: String
    public let file: String
    public let choices: [ChoiceItem]
    public let endings: [String]
    public let debriefRules: [DebriefRule]
    public let missedChoices: [ChoiceItem]
    public let missedEndings: [String]
    public let missedDebriefRules: [DebriefRule]

    /// Coverage of `scenario` by the playthroughs in `results` (its own tests' results).
    public init(_ scenario: Scenario, results: [ScenarioTestResult]) {
        let engine = ScenarioEngine(scenario)
        var madeChoices: Set<[String]> = []
        var reachedEndings: Set<String> = []
        var shownRules: Set<[String]> = []
        for state in results.map(\.reached) {
            for made in state.path { madeChoices.insert([made.node, made.choice]) }
            guard let ending = engine.node(for: state), ending.isEnding else { continue }
            reachedEndings.insert(ending.id)
            for (offset, item) in ending.debrief.enumerated() where item.when?.condition.evaluate(in: state) == true {
                shownRules.insert([ending.id, String(offset + 1)])
            }
        }
        self.scenario = scenario.id
        self.file = scenario.file
        choices = scenario.nodes.flatMap { node in node.choices.map { ChoiceItem(node: node.id, choice: $0) } }
        endings = scenario.endings.map(\.id)
        debriefRules = scenario.endings.flatMap { ending in
            ending.debrief.enumerated().compactMap { offset, item in
                item.when.map { DebriefRule(ending: ending.id, number: offset + 1, condition: $0, say: item.say) }
            }
        }
        missedChoices = choices.filter { !madeChoices.contains([$0.node, $0.choice.id]) }
        missedEndings = endings.filter { !reachedEndings.contains($0) }
        missedDebriefRules = debriefRules.filter { !shownRules.contains([$0.ending, String($0.number)]) }
    }

    /// Runs the case's own tests and measures what they exercise.
    public static func measure(_ scenario: Scenario) -> TestCoverage {
        TestCoverage(scenario, results: ScenarioTestRunner.run(scenario))
    }

    public var choiceTally: Tally { Tally(covered: choices.count - missedChoices.count, total: choices.count) }
    public var endingTally: Tally { Tally(covered: endings.count - missedEndings.count, total: endings.count) }
    public var debriefTally: Tally {
        Tally(covered: debriefRules.count - missedDebriefRules.count, total: debriefRules.count)
    }

    /// The choices with one rating, and how many of them the tests make.
    public func choiceTally(_ rating: Rating) -> Tally {
        let all = choices.filter { $0.choice.rating == rating }.count
        return Tally(covered: all - missedChoices.filter { $0.choice.rating == rating }.count, total: all)
    }

    public var isComplete: Bool { missedChoices.isEmpty && missedEndings.isEmpty && missedDebriefRules.isEmpty }
}

/// Coverage summed over several cases.
public struct CoverageTotal: Sendable, Hashable {
    public var cases = 0
    public var choices = TestCoverage.Tally()
    public var endings = TestCoverage.Tally()
    public var debriefRules = TestCoverage.Tally()
    public var choicesByRating: [Rating: TestCoverage.Tally] = [:]

    public init(_ coverages: [TestCoverage]) {
        for coverage in coverages {
            cases += 1
            choices = choices + coverage.choiceTally
            endings = endings + coverage.endingTally
            debriefRules = debriefRules + coverage.debriefTally
            for rating in Rating.allCases {
                choicesByRating[rating, default: TestCoverage.Tally()] = choicesByRating[rating, default: TestCoverage.Tally()]
                    + coverage.choiceTally(rating)
            }
        }
    }
}
