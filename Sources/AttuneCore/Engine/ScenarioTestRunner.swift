/// The result of one expected playthrough.
public struct ScenarioTestResult: Sendable, Hashable {
    public var scenario: String
    public var test: String
    public var location: SourceLocation
    /// Empty when the test passed; otherwise each difference, in words.
    public var failures: [String]
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
        var failures: [String] = []
        var result: ScenarioTestResult {
            ScenarioTestResult(scenario: scenario.id, test: test.name, location: test.location, failures: failures,
                               reached: state)
        }
        for (number, step) in test.choose.enumerated() {
            do {
                state = try engine.choose(step.value, in: state).state
            } catch {
                failures.append("step \(number + 1) ('\(step.value)' at node '\(state.node)'): \(describe(error, engine: engine, state: state))")
                return result
            }
        }
        let expect = test.expect
        if let ending = expect.ending?.value, state.node != ending {
            let reached = engine.isEnding(state) ? "the ending '\(state.node)'" : "node '\(state.node)', which is not an ending"
            failures.append("expected the ending '\(ending)' but the choices lead to \(reached)")
        }
        for node in expect.visited.map(\.value) where !state.hasVisited(node) {
            failures.append("expected node '\(node)' to be visited, but it was not")
        }
        for node in expect.notVisited.map(\.value) where state.hasVisited(node) {
            failures.append("expected node '\(node)' not to be visited, but it was")
        }
        for variable in expect.variables {
            let actual = state.variables[variable.variable] ?? 0
            if actual != variable.amount {
                failures.append("expected \(variable.variable) = \(variable.amount), but it is \(actual)")
            }
        }
        if let ratings = expect.ratings {
            let actual = state.path.map(\.rating)
            if actual != ratings {
                failures.append("expected ratings [\(ratings.map(\.rawValue).joined(separator: ", "))], "
                    + "but got [\(actual.map(\.rawValue).joined(separator: ", "))]")
            }
        }
        let debrief = engine.debrief(for: state).joined(separator: "\n")
        for text in expect.debriefIncludes where !debrief.contains(text) {
            let shown = debrief.isEmpty ? "no debrief was shown" : "the debrief shown was:\n\(debrief)"
            failures.append("expected the debrief to include \"\(text)\", but "
                + hiddenDebrief(containing: text, engine: engine, state: state) + shown)
        }
        return result
    }

    static func describe(_ error: PlayError, engine: ScenarioEngine, state: PlayState) -> String {
        switch error {
        case let .notOffered(selector, offered):
            let list = offered.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: ", ")
            let hidden = engine.node(for: state)?.choices.filter { choice in !offered.contains(choice.id) } ?? []
            if let choice = hidden.first(where: { $0.id == selector }), let when = choice.when {
                return "the choice '\(choice.text.shortened())' was not offered: \(explain(when, in: state)); "
                    + "the offered choices are \(list)"
            }
            if let number = Int(selector), number > offered.count {
                let count = offered.count == 1 ? "only 1 choice is" : "only \(offered.count) choices are"
                return "there is no choice \(number) here: \(count) offered (\(list))" + hiddenChoices(hidden, in: state)
            }
            return "this moment has no choice '\(selector)'; the offered choices are \(list)"
        case .atEnding:
            return "the case already ended at '\(state.node)'; there are more choices in the test than steps"
        case let .stuck(node):
            let hidden = engine.node(for: state)?.choices ?? []
            return "node '\(node)' offers no choice in this state, so play cannot go on" + hiddenChoices(hidden, in: state)
        case let .unknownNode(node):
            return "the scenario has no node '\(node)'"
        }
    }

    /// "its condition `trust >= 2` is false because trust is 1".
    static func explain(_ when: WrittenCondition, in state: PlayState) -> String {
        "its condition " + ConditionExplanation.sentence(when.condition, in: state)
    }

    /// Why each choice with a condition was left out here.
    static func hiddenChoices(_ choices: [Choice], in state: PlayState) -> String {
        choices.compactMap { choice in
            choice.when.map { "; '\(choice.text.shortened())' (\(choice.id)) was not offered: \(explain($0, in: state))" }
        }.joined()
    }

    /// Why a debrief item holding `text` was not shown at this ending, when there is one.
    static func hiddenDebrief(containing text: String, engine: ScenarioEngine, state: PlayState) -> String {
        guard let ending = engine.node(for: state), ending.isEnding,
              let item = ending.debrief.first(where: { $0.say.contains(text) && $0.when?.condition.evaluate(in: state) == false }),
              let when = item.when
        else { return "" }
        return "the item with that text (line \(when.location.line)) was not shown: \(explain(when, in: state)); "
    }
}
