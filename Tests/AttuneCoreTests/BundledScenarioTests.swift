import Foundation
import Testing
@testable import AttuneCore

let bundledScenarios: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("Scenarios").path
}()

@Suite("Bundled scenarios")
struct BundledScenarioTests {
    let knowledge: KnowledgeBase
    let result: ScenarioLoadResult

    init() throws {
        knowledge = try KnowledgeLoader.load(directory: bundledKnowledge).base
        result = try ScenarioLoader.load(directory: bundledScenarios, knowledge: knowledge)
    }

    @Test("load with no errors and no warnings")
    func clean() {
        #expect(result.diagnostics.map(\.rendered) == [])
        #expect(result.scenarios.count >= 3)
    }

    @Test("every scenario's own tests pass")
    func ownTests() {
        for scenario in result.scenarios {
            for outcome in ScenarioTestRunner.run(scenario) {
                #expect(outcome.passed, "\(scenario.id) / \(outcome.test): \(outcome.failures.map(\.english).joined(separator: "; "))")
            }
        }
    }

    @Test("each case has 4+ decision points on its tested paths, 2+ endings, and tests covering every ending")
    func shape() {
        for scenario in result.scenarios {
            #expect(scenario.endings.count >= 2, "\(scenario.id)")
            let tested = Set(scenario.tests.compactMap(\.expect.ending?.value))
            #expect(tested == Set(scenario.endings.map(\.id)), "\(scenario.id) tests cover \(tested.sorted())")
            for test in scenario.tests {
                #expect(test.choose.count >= 4, "\(scenario.id) / \(test.name)")
            }
        }
    }

    @Test("the tests reach every ending and make every attuned and every unsafe choice")
    func fullCoverage() {
        #expect(result.scenarios.count >= 11)
        for scenario in result.scenarios {
            let coverage = TestCoverage.measure(scenario)
            #expect(coverage.missedEndings == [], "\(scenario.id): no test reaches these endings")
            let missed = coverage.missedChoices.filter { [.attuned, .unsafe].contains($0.choice.rating) }
            #expect(missed.map { "\($0.node).\($0.choice.id)" } == [], "\(scenario.id): no test makes these choices")
        }
        let total = CoverageTotal(result.scenarios.map(TestCoverage.measure))
        #expect(total.endings.isComplete && total.endings.total >= 33)
        #expect(total.choicesByRating[.attuned]?.percent == 100)
        #expect(total.choicesByRating[.unsafe]?.percent == 100)
    }

    @Test("the library uses every feature of the format")
    func features() {
        let all = result.scenarios
        #expect(all.contains { !$0.variables.isEmpty })
        let choices = all.flatMap { $0.nodes.flatMap(\.choices) }
        #expect(choices.contains { $0.when != nil })
        #expect(choices.contains { !$0.add.isEmpty })
        #expect(choices.contains { !$0.set.isEmpty })
        #expect(choices.contains { !$0.perspectives.isEmpty })
        #expect(choices.contains { $0.reflect != nil })
        let nodes = all.flatMap(\.nodes)
        #expect(nodes.contains { $0.debrief.contains { $0.when != nil } })
        #expect(nodes.contains { $0.reflect != nil })
        #expect(nodes.contains { $0.facilitator != nil })
        #expect(all.contains { $0.facilitator != nil })
        #expect(all.allSatisfy { !$0.tests.isEmpty })
    }

    @Test("cases are written for different workforce groups")
    func audiences() {
        let groups = Set(result.scenarios.flatMap { $0.audience.map(\.value) })
        #expect(groups.isSuperset(of: ["workforce.direct-caregivers", "workforce.non-specialists", "workforce.clinical"]))
    }
}

@Suite("Case library coverage")
struct CaseLibraryCoverageTests {
    let scenarios: [Scenario]

    init() throws {
        let knowledge = try KnowledgeLoader.load(directory: bundledKnowledge).base
        scenarios = try ScenarioLoader.load(directory: bundledScenarios, knowledge: knowledge).scenarios
    }

    /// Every id a case teaches from: its knowledge list and the refs of its choices.
    private var taught: Set<String> {
        Set(scenarios.flatMap { scenario in
            scenario.knowledge.map(\.value) + scenario.nodes.flatMap { $0.choices.flatMap { $0.refs.map(\.value) } }
        })
    }

    @Test("at least ten cases")
    func count() {
        #expect(scenarios.count >= 10)
    }

    @Test("all three workforce groups are an audience")
    func groups() {
        let audiences = Set(scenarios.flatMap { $0.audience.map(\.value) })
        #expect(audiences.isSuperset(of: ["workforce.direct-caregivers", "workforce.non-specialists", "workforce.clinical"]))
    }

    @Test("every one of the eight competency areas is exercised")
    func competencies() {
        let exercised = Set(scenarios.flatMap { scenario in
            scenario.competencies.map(\.value) + scenario.nodes.flatMap { $0.choices.flatMap { $0.competencies.map(\.value) } }
        })
        let areas = ["theoretical-foundations", "law-policy", "systems", "direct-service", "working-with-others",
                     "communicating", "thinking", "reflection"].map { "competency.\($0)" }
        #expect(areas.filter { !exercised.contains($0) } == [])
    }

    @Test("every attachment condition and every tenet or guidepost is taught")
    func conditionsAndTenets() {
        let conditions = ["perceive-cues", "respond-sensitively", "accept-feelings", "be-accessible", "be-consistent",
                          "show-affection"].map { "attachment.\($0)" }
        let tenets = (1...6).map { "tenet.\($0)" }
        #expect((conditions + tenets).filter { !taught.contains($0) } == [])
    }

    @Test("a safety concern exists in the library, and each case has content warnings and facilitator notes")
    func practiceRealism() {
        let ratings = scenarios.flatMap { $0.nodes.flatMap { $0.choices.map(\.rating) } }
        #expect(ratings.contains(.unsafe))
        for scenario in scenarios {
            #expect(!scenario.contentWarnings.isEmpty, "\(scenario.id) has no content warnings")
            #expect(scenario.facilitator != nil, "\(scenario.id) has no facilitator notes")
            #expect(scenario.nodes.contains { $0.choices.contains { !$0.perspectives.isEmpty } }, "\(scenario.id)")
            #expect(scenario.endings.allSatisfy { !$0.debrief.isEmpty }, "\(scenario.id) has an ending without a debrief")
        }
    }

    @Test("every path through every case passes at least four decisions")
    func decisionsPerPath() {
        for scenario in scenarios {
            let analysis = ScenarioAnalysis(scenario)
            #expect(analysis.isComplete)
            // The shortest path to each ending is the fewest decisions any path can make.
            for (ending, path) in analysis.endings() {
                #expect(path.count >= 4, "\(scenario.id) reaches \(ending.id) in \(path.count) choices")
            }
        }
    }

    @Test("feedback never grades with 'Correct' or 'Wrong'")
    func reflectiveVoice() {
        for scenario in scenarios {
            for node in scenario.nodes {
                for choice in node.choices {
                    let feedback = choice.feedback.lowercased()
                    #expect(!feedback.contains("correct!") && !feedback.hasPrefix("wrong") && !feedback.hasPrefix("correct"),
                            "\(scenario.id).\(node.id).\(choice.id)")
                }
            }
        }
    }
}
