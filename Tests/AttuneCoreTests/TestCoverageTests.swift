import Testing
@testable import AttuneCore

@Suite("Test coverage")
struct TestCoverageTests {
    let scenario: Scenario

    init() throws {
        scenario = try #require(loadScenario(fixtureScenario).0)
    }

    @Test("the fixture's two tests make four of five choices, reach both endings and show one of two debrief rules")
    func fixtureCoverage() {
        let coverage = TestCoverage.measure(scenario)
        #expect(coverage.scenario == "visit")
        #expect(coverage.choices.map { "\($0.node).\($0.choice.id)" }
            == ["arrival.greet-baby", "arrival.forms", "gaze.wait", "gaze.talk", "gaze.leave"])
        #expect(coverage.missedChoices.map { "\($0.node).\($0.choice.id)" } == ["gaze.talk"])
        #expect(coverage.choiceTally == .init(covered: 4, total: 5))
        #expect(coverage.choiceTally.percent == 80)
        #expect(coverage.choiceTally(.attuned) == .init(covered: 2, total: 2))
        #expect(coverage.choiceTally(.partial) == .init(covered: 0, total: 1))
        #expect(coverage.choiceTally(.unsafe) == .init(covered: 0, total: 0))
        #expect(coverage.endings == ["warm", "flat"])
        #expect(coverage.missedEndings.isEmpty)
        #expect(coverage.endingTally.percent == 100)
        // Only items with a `when:` are rules; the unconditional "You waited." is not one.
        #expect(coverage.debriefRules.map { "\($0.ending) \($0.number)" } == ["warm 2", "flat 1"])
        #expect(coverage.missedDebriefRules.map(\.condition.text) == ["visited(warm)"])
        #expect(coverage.missedDebriefRules.first?.condition.location.line == 66)
        #expect(!coverage.isComplete)
    }

    @Test("a test that adds the missing path makes coverage complete")
    func complete() throws {
        var scenario = scenario
        var extra = scenario.tests[1]
        extra.choose = [.init("greet-baby", at: extra.location), .init("talk", at: extra.location)]
        scenario.tests.append(extra)
        let coverage = TestCoverage.measure(scenario)
        #expect(coverage.missedChoices.isEmpty)
        // visited(warm) can never hold at flat: coverage says so rather than guessing.
        #expect(coverage.missedDebriefRules.map(\.ending) == ["flat"])
        #expect(coverage.choiceTally.isComplete)
    }

    @Test("a failing test counts the steps it played; where it stopped is not an ending reached")
    func failingTestCountsWhatItPlayed() {
        var scenario = scenario
        var test = scenario.tests[0]
        test.choose[1].value = "leave"  // not offered after greet-baby
        scenario.tests = [test]
        let results = ScenarioTestRunner.run(scenario)
        #expect(results.map(\.passed) == [false])
        let coverage = TestCoverage(scenario, results: results)
        #expect(coverage.choiceTally.covered == 1)
        #expect(coverage.missedEndings == ["warm", "flat"])
        #expect(coverage.endingTally.percent == 0)
    }

    @Test("a case without tests exercises nothing; totals add up over cases")
    func totals() {
        var untested = scenario
        untested.tests = []
        let none = TestCoverage.measure(untested)
        #expect(none.missedChoices.count == 5)
        #expect(none.missedEndings.count == 2)
        let total = CoverageTotal([TestCoverage.measure(scenario), none])
        #expect(total.cases == 2)
        #expect(total.choices == .init(covered: 4, total: 10))
        #expect(total.endings == .init(covered: 2, total: 4))
        #expect(total.debriefRules == .init(covered: 1, total: 4))
        #expect(total.choicesByRating[.attuned] == .init(covered: 2, total: 4))
        #expect(total.choicesByRating[.unsafe] == .init(covered: 0, total: 0))
    }

    @Test("percentages round down, so 100% means everything, and nothing to cover has none")
    func percent() {
        #expect(TestCoverage.Tally(covered: 199, total: 200).percent == 99)
        #expect(TestCoverage.Tally(covered: 1, total: 3).percent == 33)
        #expect(TestCoverage.Tally(covered: 0, total: 0).percent == nil)
        #expect(TestCoverage.Tally(covered: 0, total: 0).isComplete)
    }

    @Test("a choice's text is shortened at a word boundary onto one line")
    func shortened() {
        #expect("Greet the baby.".shortened() == "Greet the baby.")
        #expect("Kneel down to Maya's level,\n  say her name softly and wait for her to look".shortened(to: 40)
            == "Kneel down to Maya's level, say her…")
        #expect(String(repeating: "x", count: 60).shortened(to: 10) == "xxxxxxxxx…")
        #expect("Put the pen down: 'She's telling us something.' Then wait for him.".shortened(to: 48)
            == "Put the pen down: 'She's telling us something.'…")
        #expect("Wait. Let the quiet be, and watch Maya's hands and eyes.".shortened(to: 12) == "Wait. Let…")
        #expect("Praise her, leave a leaflet, and go.".shortened(to: 14) == "Praise her…")
    }
}

@Suite("Test failures explained")
struct TestFailureExplanationTests {
    let scenario: Scenario

    init() throws {
        scenario = try #require(loadScenario(fixtureScenario).0)
    }

    func failures(_ steps: [String], debrief: [String] = []) -> [String] {
        var scenario = scenario
        var test = scenario.tests[0]
        test.choose = steps.map { .init($0, at: test.location) }
        test.expect = .init(debriefIncludes: debrief)
        scenario.tests = [test]
        return ScenarioTestRunner.run(scenario).first?.failures.map(\.english) ?? []
    }

    @Test("a choice left out by its condition: which condition, and the value that made it false")
    func hiddenByCounter() {
        #expect(failures(["forms", "wait"]) == [
            "step 2 ('wait' at node 'gaze'): the choice 'Wait.' was not offered: its condition `trust >= 1` is false "
                + "because trust is 0; the offered choices are 1 talk, 2 leave",
        ])
    }

    @Test("a choice left out by not chose(): the choice that was made")
    func hiddenByChoice() {
        #expect(failures(["greet-baby", "leave"]) == [
            "step 2 ('leave' at node 'gaze'): the choice 'Leave early.' was not offered: its condition "
                + "`not chose(arrival.greet-baby)` is false because the choice arrival.greet-baby was made; "
                + "the offered choices are 1 wait, 2 talk",
        ])
    }

    @Test("a number past the offered choices: how many there are, and why the others are hidden")
    func numberTooLarge() {
        #expect(failures(["forms", "3"]) == [
            "step 2 ('3' at node 'gaze'): there is no choice 3 here: only 2 choices are offered (1 talk, 2 leave); "
                + "'Wait.' (wait) was not offered: its condition `trust >= 1` is false because trust is 0",
        ])
    }

    @Test("an id the moment does not have is said plainly")
    func unknownID() {
        #expect(failures(["greet-baby", "hug"]) == [
            "step 2 ('hug' at node 'gaze'): this moment has no choice 'hug'; the offered choices are 1 wait, 2 talk",
        ])
    }

    @Test("a moment that offers nothing: why each choice there was hidden")
    func stuck() throws {
        var scenario = scenario
        let gaze = try #require(scenario.nodes.firstIndex { $0.id == "gaze" })
        let location = scenario.nodes[gaze].location
        scenario.nodes[gaze].choices[1].when = WrittenCondition(
            text: "visited(warm)", condition: try ConditionParser.parse("visited(warm)"), location: location)
        var test = scenario.tests[0]
        test.choose = [.init("greet-baby", at: test.location), .init("wait", at: test.location)]
        test.expect = .init()
        scenario.tests = [test]
        // After greet-baby all three choices are hidden, each by its own condition.
        scenario.nodes[gaze].choices[0].when = WrittenCondition(
            text: "trust >= 5", condition: try ConditionParser.parse("trust >= 5"), location: location)
        #expect(ScenarioTestRunner.run(scenario).first?.failures.map(\.english) == [
            "step 2 ('wait' at node 'gaze'): node 'gaze' offers no choice in this state, so play cannot go on; "
                + "'Wait.' (wait) was not offered: its condition `trust >= 5` is false because trust is 1; "
                + "'Talk on.' (talk) was not offered: its condition `visited(warm)` is false because the moment 'warm' "
                + "was not visited; 'Leave early.' (leave) was not offered: its condition `not chose(arrival.greet-baby)` "
                + "is false because the choice arrival.greet-baby was made",
        ])
    }

    @Test("a debrief item left out by its condition: which one, and why")
    func hiddenDebrief() {
        #expect(failures(["forms", "talk"], debrief: ["Never shown"]) == [
            "expected the debrief to include \"Never shown\", but the item with that text (line 66) was not shown: "
                + "its condition `visited(warm)` is false because the moment 'warm' was not visited; no debrief was shown",
        ])
    }
}
