/// The result of one expected playthrough.
public struct ScenarioTestResult: Sendable, Hashable {
    public var scenario: String
    public var test: String
    public var location: SourceLocation
    /// Empty when the test passed; otherwise each difference, in words.
    public var failures: [String]

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
            ScenarioTestResult(scenario: scenario.id, test: test.name, location: test.location, failures: failures)
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
            failures.append("expected the debrief to include \"\(text)\", but \(shown)")
        }
        return result
    }

    static func describe(_ error: PlayError, engine: ScenarioEngine, state: PlayState) -> String {
        switch error {
        case let .notOffered(_, offered):
            let list = offered.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: ", ")
            return "that choice is not offered here; the offered choices are \(list)"
        case .atEnding:
            return "the case already ended at '\(state.node)'; there are more choices in the test than steps"
        case let .stuck(node):
            return "node '\(node)' offers no choice in this state, so play cannot go on"
        case let .unknownNode(node):
            return "the scenario has no node '\(node)'"
        }
    }
}
