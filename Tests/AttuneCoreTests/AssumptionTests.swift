import Testing
@testable import AttuneCore

// `assumes:`: what a text takes for granted about the route that shows it, read by the
// loader like a `when:` and checked by lint over every route (UnmetAssumptionRule).

/// Replaces each `old` (which must occur once) in the fixture and loads the result.
private func fixture(_ changes: [(String, String)]) -> (Scenario?, [Diagnostic]) {
    var text = fixtureScenario
    for (old, new) in changes {
        #expect(text.components(separatedBy: old).count == 2, "fixture must contain \(old) once")
        text = text.replacingOccurrences(of: old, with: new)
    }
    return loadScenario(text)
}

/// The lint findings for a case read against the fixture knowledge, from a file named after
/// its id.
private func lint(_ text: String, stateLimit: Int = StateSpace.defaultLimit) -> [Diagnostic] {
    let id = text.split(separator: "\n").first.map { $0.dropFirst("scenario: ".count) } ?? ""
    let source = SourceText(path: "Scenarios/\(id).yaml", text: text)
    let loaded = ScenarioLoader.load(sources: [source], knowledge: fixtureKnowledge)
    guard let scenario = loaded.scenarios.first else { return loaded.diagnostics }
    return loaded.diagnostics + Linter(fallbackKnowledge: fixtureKnowledge, stateLimit: stateLimit).analyze(scenario, source: source)
}

private func lintFixture(_ changes: [(String, String)]) -> [Diagnostic] {
    var text = fixtureScenario
    for (old, new) in changes { text = text.replacingOccurrences(of: old, with: new) }
    return lint(text)
}

/// A safety question that one opening asks and the other does not; both meet at 'plan' and
/// end at 'close', whose text speaks of the question.
private let safetyCase = """
    scenario: safety
    title: A safety question
    summary: A short case.
    minutes: 5
    audience: [workforce.non-specialists]
    competencies: [competency.direct-service]
    knowledge: [tenet.1]
    variables:
      asked: 0
    start: arrival
    nodes:
      arrival:
        text: Dana opens the door with the baby on her hip.
        choices:
          - id: ask-safety
            text: Ask Dana, in private, whether she feels safe at home.
            next: plan
            rating: attuned
            feedback: A direct question, asked in private, is a safe one.
            refs: [tenet.1]
            add: { asked: 1 }
          - id: small-talk
            text: Talk about the weather.
            next: plan
            rating: missed
            feedback: The weather is safe ground; the question waits.
            refs: [tenet.1]
      plan:
        text: Dana says she would like to make a plan.
        choices:
          - id: make-plan
            text: Make a plan together.
            next: close
            rating: attuned
            feedback: A plan made together is hers.
            refs: [tenet.1]
          - id: hand-leaflet
            text: Hand her a leaflet.
            next: close
            rating: partial
            feedback: A leaflet is a start.
            refs: [tenet.1]
      close:
        ending: mixed
        text: You asked Dana about safety, and she answered.
        assumes: chose(arrival.ask-safety)
    """

@Suite("Assumptions")
struct AssumptionTests {
    // MARK: Reading

    @Test("assumes: is read on a moment, a choice and a debrief item, as written and located at its value")
    func readEverywhere() throws {
        let (scenario, diagnostics) = fixture([
            ("    text: The baby looks away.\n", "    text: The baby looks away.\n    assumes: visited(arrival)\n"),
            ("        feedback: Waiting helps.\n", "        feedback: Waiting helps.\n        assumes: trust >= 3\n"),
            ("      - say: You waited.\n", "      - say: You waited.\n        assumes: \"chose(gaze.wait)\"\n"),
        ])
        #expect(diagnostics.map(\.headline) == [])
        let loaded = try #require(scenario)
        let gaze = try #require(loaded.node("gaze"))
        #expect(gaze.assumes?.text == "visited(arrival)")
        #expect(gaze.assumes?.condition == .visited(node: "arrival"))
        #expect(gaze.assumes?.location == SourceLocation(file: "Scenarios/visit.yaml", line: 32, column: 14))
        let wait = try #require(gaze.choices.first)
        #expect(wait.assumes?.condition == .compare(variable: "trust", op: .greaterOrEqual, value: 3))
        #expect(wait.assumes?.location.line == 39)
        #expect(gaze.choices.dropFirst().allSatisfy { $0.assumes == nil })
        let debrief = try #require(loaded.node("warm")?.debrief)
        #expect(debrief.map(\.assumes?.text) == ["chose(gaze.wait)", nil])
        #expect(debrief.first?.assumes?.location == SourceLocation(file: "Scenarios/visit.yaml", line: 62, column: 18))
        #expect(loaded.assumptions.map(\.text) == [
            .moment(node: "gaze"), .feedback(node: "gaze", choice: "wait"), .debrief(node: "warm", item: 0),
        ])
        #expect(loaded.node("arrival")?.assumes == nil)
    }

    @Test("a broken assumes: is located at the offending character, as a when: is")
    func brokenCondition() {
        let (_, diagnostics) = fixture([("    text: Flat.\n", "    text: Flat.\n    assumes: trust => 1\n")])
        #expect(diagnostics.map(\.headline) == [
            "Scenarios/visit.yaml:65:20: error: in the condition 'trust => 1': '=>' is not a comparison; write '>=' (the '=' comes second) [bad-condition]",
        ])
    }

    @Test("assumes: written as a list is the wrong kind of value")
    func wrongType() {
        let (_, diagnostics) = fixture([("    text: Flat.\n", "    text: Flat.\n    assumes: [trust >= 1]\n")])
        #expect(diagnostics.map(\.headline) == [
            "Scenarios/visit.yaml:65:14: error: 'assumes' should be a condition written as text, like 'trust >= 1', but it is a list [wrong-type]",
        ])
    }

    @Test("unknown names in assumes: get the same finding as in when:, at the same place on the line (the name)")
    func unknownNames() {
        // Each condition, the rule, and where the unknown name starts in it: the caret points at the name.
        let pairs: [(String, RuleID, Int)] = [
            ("chose(arrival.greet)", .unknownChoice, 14), ("visited(warmth)", .unknownNode, 8), ("calm >= 1", .unknownVariable, 0),
            ("chose(arival.greet-baby)", .unknownNode, 6),
        ]
        for (condition, rule, offset) in pairs {
            let item = "      - when: visited(warm)\n        say: Never shown.\n"
            let inWhen = fixture([(item, "      - when: \(condition)\n        say: Never shown.\n")]).1
            let inAssumes = fixture([(item, item + "        assumes: \(condition)\n")]).1
            #expect(inWhen.map(\.rule) == [rule])
            #expect(inAssumes.map(\.message.english) == inWhen.map(\.message.english))
            #expect(inAssumes.map(\.location) == [SourceLocation(file: "Scenarios/visit.yaml", line: 68, column: 18 + offset)])
            #expect(inWhen.map(\.location) == [SourceLocation(file: "Scenarios/visit.yaml", line: 66, column: 15 + offset)])
        }
        // The message names the moment and the choice, as for a when:.
        #expect(fixture([("    text: Flat.\n", "    text: Flat.\n    assumes: chose(arrival.greet)\n")]).1.map(\.headline) == [
            "Scenarios/visit.yaml:65:28: error: the condition 'chose(arrival.greet)' names the choice 'greet', which node 'arrival' does not have [unknown-choice]",
        ])
    }

    @Test("assumes: where the format has no place for it is an unknown key")
    func misplaced() {
        let (_, diagnostics) = fixture([("    choose: [2, 2]\n", "    choose: [2, 2]\n    assumes: trust == 0\n")])
        #expect(diagnostics.map(\.rule) == [.unknownKey])
    }

    // MARK: Checking

    @Test("a premise that fails on one route and holds on another: one error at its assumes:, with the failing route")
    func failsOnOneRoute() throws {
        let found = lint(safetyCase)
        #expect(found.map(\.headline) == [
            "Scenarios/safety.yaml:46:14: error: the ending 'close' assumes 'chose(arrival.ask-safety)', but a learner "
                + "can reach it without that, by choosing \"Talk about the weather.\" (small-talk), then \"Make a plan "
                + "together.\" (make-plan); there the choice arrival.ask-safety was not made [unmet-assumption]",
        ])
        #expect(found.first?.rendered.hasSuffix("    assumes: chose(arrival.ask-safety)\n             ^") == true)
        // Where only the asking route reaches the ending, the same premise holds.
        let oneRoute = safetyCase.replacingOccurrences(of: "        next: plan\n        rating: missed", with: "        next: close\n        rating: missed")
            .replacingOccurrences(of: "assumes: chose(arrival.ask-safety)", with: "assumes: asked >= 1 or chose(arrival.small-talk)")
        #expect(lint(oneRoute).map(\.headline) == [])
    }

    @Test("the route named replays with the engine to the text, with the assumption false there")
    func routeReplays() throws {
        let (loaded, _) = loadScenario(safetyCase, file: "safety")
        let scenario = try #require(loaded)
        let unmet = try #require(ScenarioAnalysis(scenario).unmetAssumptions().first)
        let states = try ScenarioEngine(scenario).replay(unmet.route.map(\.id))
        let end = try #require(states.last)
        #expect(end.node == "close")
        #expect(!unmet.assumption.assumes.condition.evaluate(in: end))
        #expect(unmet.route.map(\.id) == ["small-talk", "make-plan"])
    }

    @Test("the route is a shortest one on which the assumption is false, not merely a shortest way to the text")
    func shortestFalseRoute() {
        // 'plan' is reached in one step either way; 'asked >= 1' is false there only after small talk.
        let text = safetyCase.replacingOccurrences(of: "  plan:\n    text: Dana says she would like to make a plan.\n",
                                                   with: "  plan:\n    text: Dana says she would like to make a plan.\n    assumes: asked >= 1\n")
        let found = lint(text).filter { $0.location.line == 30 }
        #expect(found.map(\.message.english) == [
            "the moment 'plan' assumes 'asked >= 1', but a learner can reach it without that, by choosing \"Talk about the "
                + "weather.\" (small-talk); there asked is 0",
        ])
    }

    @Test("a counter read only by an assumes: is followed through play")
    func trackedForAssumption() throws {
        let (loaded, _) = loadScenario(safetyCase, file: "safety")
        let scenario = try #require(loaded)
        #expect(StateSpace(scenario).trackedVariables == [])
        let tracked = safetyCase.replacingOccurrences(of: "assumes: chose(arrival.ask-safety)", with: "assumes: asked >= 1")
        let (withCounter, _) = loadScenario(tracked, file: "safety")
        #expect(StateSpace(try #require(withCounter)).trackedVariables == ["asked"])
        #expect(lint(tracked).map(\.rule) == [.unmetAssumption])
    }

    @Test("feedback is checked with its own choice made and its add: applied; the route ends with that choice")
    func feedback() {
        #expect(lintFixture([("        feedback: Waiting helps.\n", "        feedback: Waiting helps.\n        assumes: trust >= 3 and chose(gaze.wait)\n")])
            .map(\.headline) == [])
        let found = lintFixture([("        feedback: Maybe.\n", "        feedback: Maybe.\n        assumes: chose(arrival.greet-baby)\n")])
        #expect(found.map(\.headline) == [
            "Scenarios/visit.yaml:46:18: error: the feedback on choice 'talk' in 'gaze' assumes 'chose(arrival.greet-baby)', "
                + "but a learner can read it without that, by choosing \"Start the forms.\" (forms), then \"Talk on.\" (talk); "
                + "there the choice arrival.greet-baby was not made [unmet-assumption]",
        ])
    }

    @Test("a debrief item is checked only where its when: shows it, and reported at its assumes:")
    func debrief() {
        // Shown only after a greeting, so the greeting may be assumed.
        #expect(lintFixture([("            say: You greeted the baby first.\n",
                              "            say: You greeted the baby first.\n            assumes: trust >= 3\n")]).map(\.headline) == [])
        // 'flat' is reached with trust 0 on every route: an unconditional item assuming trust fails.
        let found = lintFixture([("        say: Never shown.\n", "        say: Never shown.\n      - say: Trust had grown.\n        assumes: trust >= 1\n")])
        #expect(found.map(\.headline) == [
            "Scenarios/visit.yaml:69:18: error: this debrief item of the ending 'flat' assumes 'trust >= 1', but a learner "
                + "can be shown it without that, by choosing \"Greet the baby.\" (greet-baby), then \"Talk on.\" (talk); there "
                + "trust is 0 [unmet-assumption]",
        ])
    }

    @Test("a debrief on a moment that is not an ending is never shown, so its assumes: is not checked")
    func debriefOffAnEnding() {
        let found = lintFixture([("    text: The baby looks away.\n",
                                  "    text: The baby looks away.\n    debrief:\n      - say: Never shown.\n        assumes: trust >= 5\n")])
        #expect(found.map(\.rule) == [.unusedDebrief])
    }

    @Test("a condition written over several lines is quoted on one")
    func severalLines() {
        let found = lintFixture([("    text: Flat.\n", "    text: Flat.\n    assumes: >\n      chose(arrival.forms)\n      and trust >= 0\n")])
        #expect(found.map { String($0.message.english.prefix(82)) } == ["the ending 'flat' assumes 'chose(arrival.forms) and trust >= 0', but a learner can"])
        #expect(found.map(\.location.line) == [65])
    }

    @Test("the start's own text is named as met at the start")
    func atStart() {
        let found = lintFixture([("    text: You arrive.\n", "    text: You arrive.\n    assumes: trust >= 1 and visited(gaze)\n")])
        #expect(found.map(\.message.english) == [
            "the moment 'arrival' assumes 'trust >= 1 and visited(gaze)', but a learner can reach it without that, at the "
                + "start; there `trust >= 1` is false (trust is 0) and the moment 'gaze' was not visited",
        ])
    }

    @Test("every unmet assumption is reported, each once, in file order")
    func eachOnce() {
        let found = lintFixture([
            ("    text: Flat.\n", "    text: Flat.\n    assumes: chose(arrival.forms)\n"),
            ("        feedback: Maybe.\n", "        feedback: Maybe.\n        assumes: trust >= 1\n"),
        ])
        #expect(found.map(\.rule) == [.unmetAssumption, .unmetAssumption])
        #expect(found.map(\.location.line) == [46, 66])
    }

    @Test("past the state-space limit: the note says so, a false route found is still reported, routes beyond are not checked")
    func pastTheLimit() {
        // 'wait' loops with a growing counter, so the states never end.
        let text = safetyCase
            .replacingOccurrences(of: "      - id: small-talk\n", with: [
                "      - id: wait", "        text: Wait a little longer.", "        next: arrival",
                "        rating: partial", "        feedback: Waiting can help.", "        refs: [tenet.1]",
                "        add: { asked: 1 }", "        when: asked >= 0", "      - id: small-talk", "",
            ].joined(separator: "\n"))
            .replacingOccurrences(of: "assumes: chose(arrival.ask-safety)", with: "assumes: asked <= 60")
            .replacingOccurrences(of: "  plan:\n    text: Dana says she would like to make a plan.\n",
                                  with: "  plan:\n    text: Dana says she would like to make a plan.\n    assumes: asked >= 1\n")
        let limited = lint(text, stateLimit: 50)
        #expect(limited.map(\.rule) == [.stateSpaceLimit, .unmetAssumption])
        #expect(limited.first?.message == .play(.stateSpaceLimit(limit: 50, assumptions: true)))
        let limitText: String = limited.first?.message.english ?? ""
        #expect(limitText == "this case has more than 50 distinct states, so reachability was checked on the node "
            + "graph alone (conditions ignored), and stuck states and choices never offered were not checked; what its texts "
            + "assume ('assumes:') was checked only on the routes through the first 50 states, so a route found false is real "
            + "but others may be too")
        #expect(limited.last?.message.hasPrefix("the moment 'plan' assumes 'asked >= 1', but a learner can reach it without that, "
            + "by choosing \"Talk about the weather.\" (small-talk)") == true)
        // With room for 60 waits, the route that breaks 'asked <= 60' is found too.
        let roomy = lint(text, stateLimit: 1_000)
        #expect(roomy.map(\.rule) == [.stateSpaceLimit, .unmetAssumption, .unmetAssumption])
        let close = roomy.first { $0.location.line == 55 }
        #expect(close?.message.contains("(wait), then ") == true)
        #expect(close?.message.hasSuffix("; there asked is 61") == true)
        // A shortest such route: 60 waits, then the question (the 61st), then the plan.
        #expect(close?.message.english.components(separatedBy: "(wait)").count == 61)
        #expect(close?.message.hasSuffix("(ask-safety), then \"Make a plan together.\" (make-plan); there asked is 61") == true)
    }

    @Test("a case without assumes: explores exactly as before")
    func noChange() throws {
        let (loaded, _) = loadScenario(fixtureScenario)
        let scenario = try #require(loaded)
        #expect(scenario.assumptions.isEmpty)
        #expect(StateSpace(scenario).trackedVariables == ["trust"])
        #expect(StateSpace(scenario).states.count == 6)
    }
}
