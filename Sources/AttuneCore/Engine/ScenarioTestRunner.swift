/// The result of one expected playthrough.
public struct ScenarioTestResult: Sendable, Hashable {
    public var scenario: String
    public var test: String
    public var location: SourceLocation
    /// Empty when the test passed; otherwise each difference, as a typed value.
    public var failures: [TestFailure]
    /// Where the test's choices led: the state after its last step, or where a step failed.
    public var reached: PlayState

    public var passed: Bool { failures.isEmpty }
}

/// Plays a scenario's `tests:` and compares what happened with what was expected.
public enum ScenarioTestRunner {
    public static func run(_ scenario: Scenario) -> [ScenarioTestResult] {
        scenario.tests.map { run($0, in: scenario) }
    }

    public static func run(_ test: ScenarioTest, in scenario: Scenario) -> ScenarioTestResult {
        let engine = ScenarioEngine(scenario)
        var state = engine.start()
        var failures: [TestFailure] = []
        var result: ScenarioTestResult {
            ScenarioTestResult(scenario: scenario.id, test: test.name, location: test.location, failures: failures,
                               reached: state)
        }
        for (number, step) in test.choose.enumerated() {
            do {
                state = try engine.choose(step.value, in: state).state
            } catch {
                failures.append(.step(number: number + 1, choice: step.value, node: state.node,
                                      problem: describe(error, engine: engine, state: state)))
                return result
            }
        }
        let expect = test.expect
        if let ending = expect.ending?.value, state.node != ending {
            failures.append(.wrongEnding(expected: ending, reached: state.node, reachedEnding: engine.isEnding(state)))
        }
        for node in expect.visited.map(\.value) where !state.hasVisited(node) {
            failures.append(.notVisited(node: node))
        }
        for node in expect.notVisited.map(\.value) where state.hasVisited(node) {
            failures.append(.visited(node: node))
        }
        for variable in expect.variables {
            let actual = state.variables[variable.variable] ?? 0
            if actual != variable.amount {
                failures.append(.counter(name: variable.variable, expected: variable.amount, actual: actual))
            }
        }
        if let ratings = expect.ratings {
            let actual = state.path.map(\.rating)
            if actual != ratings { failures.append(.ratings(expected: ratings, actual: actual)) }
        }
        let debrief = engine.debrief(for: state).joined(separator: "\n")
        for text in expect.debriefIncludes where !debrief.contains(text) {
            failures.append(.debriefMissing(text: text, hiddenItem: hiddenDebrief(containing: text, engine: engine, state: state),
                                            shown: debrief))
        }
        return result
    }

    static func describe(_ error: PlayError, engine: ScenarioEngine, state: PlayState) -> StepProblem {
        switch error {
        case let .notOffered(selector, offered):
            let hidden = engine.node(for: state)?.choices.filter { choice in !offered.contains(choice.id) } ?? []
            if let choice = hidden.first(where: { $0.id == selector }), let when = choice.when {
                return .notOffered(text: choice.text.shortened(), why: explain(when, in: state), offered: offered)
            }
            if let number = Int(selector), number > offered.count {
                return .noNumber(number, offered: offered, hidden: hiddenChoices(hidden, in: state))
            }
            return .noChoice(selector, offered: offered)
        case .atEnding:
            return .alreadyEnded(node: state.node)
        case let .stuck(node):
            return .stuck(node: node, hidden: hiddenChoices(engine.node(for: state)?.choices ?? [], in: state))
        case let .unknownNode(node):
            return .unknownNode(node)
        }
    }

    /// Its condition, its value and why: "`trust >= 2` is false because trust is 1".
    static func explain(_ when: WrittenCondition, in state: PlayState) -> ConditionReason {
        ConditionExplanation.sentence(when.condition, in: state)
    }

    /// Why each choice with a condition was left out here.
    static func hiddenChoices(_ choices: [Choice], in state: PlayState) -> [HiddenChoice] {
        choices.compactMap { choice in
            choice.when.map { HiddenChoice(text: choice.text.shortened(), id: choice.id, why: explain($0, in: state)) }
        }
    }

    /// Why a debrief item holding `text` was not shown at this ending, when there is one.
    static func hiddenDebrief(containing text: String, engine: ScenarioEngine, state: PlayState) -> HiddenDebrief? {
        guard let ending = engine.node(for: state), ending.isEnding,
              let item = ending.debrief.first(where: { $0.say.contains(text) && $0.when?.condition.evaluate(in: state) == false }),
              let when = item.when
        else { return nil }
        return HiddenDebrief(line: when.location.line, why: explain(when, in: state))
    }
}
