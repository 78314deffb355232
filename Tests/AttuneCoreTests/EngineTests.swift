import Testing
@testable import AttuneCore

/// A small seeded generator so random playthroughs repeat exactly.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Engine")
struct EngineTests {
    let fixture = ScenarioEngine(loadScenario(fixtureScenario).0!)

    @Test("start: the start node, counters at their start values, the start visited")
    func start() {
        let state = fixture.start()
        #expect(state == PlayState(node: "arrival", variables: ["trust": 0], visits: ["arrival": 1]))
    }

    @Test("choosing applies set then add, records the choice and moves on")
    func choose() throws {
        let first = try fixture.choose("greet-baby", in: fixture.start())
        #expect(first.choice.rating == .attuned)
        #expect(first.state.node == "gaze")
        #expect(first.state.variables == ["trust": 1])
        #expect(first.state.visits == ["arrival": 1, "gaze": 1])
        #expect(first.state.path == [MadeChoice(node: "arrival", choice: "greet-baby", rating: .attuned)])
        let second = try fixture.choose("talk", in: first.state)
        #expect(second.state.variables == ["trust": 0], "set replaces")
    }

    @Test("numbers count only the offered choices")
    func numbering() throws {
        let afterGreeting = try fixture.choose("1", in: fixture.start()).state
        #expect(fixture.offeredChoices(in: afterGreeting).map(\.id) == ["wait", "talk"])
        let afterForms = try fixture.choose("2", in: fixture.start()).state
        #expect(fixture.offeredChoices(in: afterForms).map(\.id) == ["talk", "leave"])
        #expect(try fixture.resolve("1", in: afterForms).id == "talk")
        #expect(throws: PlayError.notOffered("wait", offered: ["talk", "leave"])) {
            try fixture.resolve("wait", in: afterForms)
        }
        #expect(throws: PlayError.notOffered("3", offered: ["talk", "leave"])) {
            try fixture.resolve("3", in: afterForms)
        }
    }

    @Test("an ending offers nothing and shows the debrief items whose condition holds")
    func ending() throws {
        let states = try fixture.replay(["greet-baby", "wait"])
        let end = try #require(states.last)
        #expect(fixture.isEnding(end))
        #expect(fixture.offeredChoices(in: end).isEmpty)
        #expect(fixture.debrief(for: end) == ["You waited.", "You greeted the baby first."])
        #expect(throws: PlayError.atEnding) { try fixture.resolve("1", in: end) }
        let flat = try fixture.replay(["forms", "leave"]).last!
        #expect(fixture.debrief(for: flat) == [])
        #expect(fixture.competenciesExercised(in: end) == ["competency.direct-service"])
    }

    @Test("back restores the exact state before the last choice")
    func back() throws {
        var playthrough = Playthrough(scenarioID: "visit", start: fixture.start())
        let wentBack = playthrough.back()
        #expect(!wentBack)
        let before = playthrough.current
        playthrough.advance(to: try fixture.choose("1", in: before).state)
        let undid = playthrough.back()
        #expect(undid)
        #expect(playthrough.current == before)
    }

    @Test("random playthroughs: back undoes exactly, offered choices are those whose condition holds",
          arguments: [1, 2, 3, 42, 2026] as [UInt64])
    func randomPlaythroughs(seed: UInt64) throws {
        let knowledge = try KnowledgeLoader.load(directory: bundledKnowledge).base
        var scenarios = try ScenarioLoader.load(directory: bundledScenarios, knowledge: knowledge).scenarios
        scenarios.append(fixture.scenario)
        var random = SplitMix64(state: seed)
        for scenario in scenarios {
            let engine = ScenarioEngine(scenario)
            for _ in 0..<50 {
                var playthrough = Playthrough(scenarioID: scenario.id, start: engine.start())
                var steps = 0
                while !engine.isEnding(playthrough.current), steps < 200 {
                    let state = playthrough.current
                    let node = try #require(engine.node(for: state))
                    let offered = engine.offeredChoices(in: state)
                    #expect(offered.map(\.id) == node.choices.filter { $0.when?.condition.evaluate(in: state) ?? true }.map(\.id))
                    #expect(!offered.isEmpty, "\(scenario.id) is stuck at \(state.node)")
                    guard !offered.isEmpty else { break }
                    let pick = Int.random(in: 1...offered.count, using: &random)
                    let next = try engine.choose(String(pick), in: state).state
                    playthrough.advance(to: next)
                    // Now and then step back and check the state is exactly as before.
                    if Bool.random(using: &random) {
                        playthrough.back()
                        #expect(playthrough.current == state)
                        playthrough.advance(to: next)
                    }
                    // Replaying the path from the start reaches the same state.
                    #expect(try engine.replay(next.path.map(\.choice)).last == next)
                    steps += 1
                }
                #expect(engine.isEnding(playthrough.current), "\(scenario.id) did not end in 200 steps")
            }
        }
    }

    @Test("the test runner reports where a playthrough diverged")
    func testRunnerFailures() throws {
        var scenario = try #require(loadScenario(fixtureScenario).0)
        var test = scenario.tests[0]
        test.choose[1].value = "leave"
        test.expect.variables[0].amount = 5
        scenario.tests = [test]
        let results = ScenarioTestRunner.run(scenario)
        #expect(results.first?.failures.map(\.english) == [
            "step 2 ('leave' at node 'gaze'): the choice 'Leave early.' was not offered: its condition "
                + "`not chose(arrival.greet-baby)` is false because the choice arrival.greet-baby was made; "
                + "the offered choices are 1 wait, 2 talk",
        ])
        test.choose[1].value = "wait"
        scenario.tests = [test]
        #expect(ScenarioTestRunner.run(scenario).first?.failures == [.counter(name: "trust", expected: 5, actual: 3)])
        #expect(ScenarioTestRunner.run(scenario).first?.failures.map(\.english) == ["expected trust = 5, but it is 3"])
        test.expect.variables = []
        test.expect.debriefIncludes = ["never said"]
        scenario.tests = [test]
        #expect(ScenarioTestRunner.run(scenario).first?.failures.map(\.english) == [
            "expected the debrief to include \"never said\", but the debrief shown was:\nYou waited.\nYou greeted the baby first.",
        ])
    }
}
