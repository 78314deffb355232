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
                #expect(outcome.passed, "\(scenario.id) / \(outcome.test): \(outcome.failures.joined(separator: "; "))")
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
