import AttuneCatalog
import Foundation
import Testing
@testable import AttuneCore

private let exampleKnowledge = KnowledgeLoader.load(
    sources: [SourceText(path: "Knowledge/tenets.yaml", text: exampleKnowledgeText)]).base

private func scenario(_ text: String, id: String) throws -> Scenario {
    let result = ScenarioLoader.parse(SourceText(path: "Scenarios/\(id).yaml", text: text), knowledge: exampleKnowledge)
    #expect(result.diagnostics.map(\.headline) == [])
    return try #require(result.scenario)
}

@Suite("Authoring analysis")
struct AuthoringTests {
    @Test("a case built to have 2^60 paths reports exactly 1152921504606846976")
    func hugePathCount() throws {
        let chain = try scenario(ScenarioGenerator.chain(decisions: 60), id: "chain")
        let analysis = ScenarioAnalysis(chain)
        #expect(analysis.isComplete)
        #expect(analysis.pathCount()?.description == "1152921504606846976")
        let bigger = try scenario(ScenarioGenerator.chain(decisions: 100), id: "chain")
        #expect(ScenarioAnalysis(bigger).pathCount()?.description == "1267650600228229401496703205376")
    }

    @Test("path counts add beyond 64 bits")
    func pathCountArithmetic() {
        var count = PathCount(UInt64.max)
        count += PathCount(1)
        #expect(count.description == "18446744073709551616")
        #expect(PathCount(5) < count)
    }

    @Test("a generated 10,000-node case loads, lints clean, explores and graphs")
    func largeScenario() throws {
        let text = ScenarioGenerator.layered(nodes: 10_000)
        let large = try scenario(text, id: "layered")
        #expect(large.nodes.count >= 9_980)
        let report = Linter(fallbackKnowledge: exampleKnowledge).lint(sources: [SourceText(path: "Scenarios/layered.yaml", text: text)])
        #expect(report.diagnostics.map(\.headline) == [])
        let analysis = ScenarioAnalysis(large)
        #expect(analysis.isComplete)
        #expect(Set(analysis.endings().map(\.ending.id)) == ["hopeful", "mixed"])
        #expect(analysis.stuckStates().isEmpty)
        #expect(analysis.pathCount() != nil)
        #expect(GraphExport.render(large, format: .dot).components(separatedBy: " -> ").count - 1 == large.nodes.reduce(0) { $0 + $1.choices.count })
        #expect(ScenarioTestRunner.run(large).allSatisfy { $0.passed })
    }

    @Test("past the state limit, analysis falls back to the node graph and says so")
    func stateLimit() throws {
        let chain = try scenario(ScenarioGenerator.layered(nodes: 200), id: "layered")
        let analysis = ScenarioAnalysis(chain, limit: 50)
        #expect(!analysis.isComplete)
        #expect(analysis.reachableNodes.contains("hopeful"))
        let diagnostics = Linter(fallbackKnowledge: exampleKnowledge, stateLimit: 50).analyze(chain, source: nil)
        #expect(diagnostics.map(\.rule) == [.stateSpaceLimit])
        #expect(diagnostics.first?.severity == .note)
    }

    @Test("a loop that can be repeated makes the path count unbounded")
    func unboundedPaths() throws {
        let text = exampleScenarioText.replacingOccurrences(of: "next: flat", with: "next: arrival")
            .replacingOccurrences(of: "tests:", with: "tests-disabled:")
        let result = ScenarioLoader.parse(SourceText(path: "Scenarios/visit.yaml", text: text), knowledge: exampleKnowledge)
        let looped = try #require(result.scenario)
        #expect(ScenarioAnalysis(looped).pathCount() == nil)
    }

    @Test("random playthroughs repeat with the same seed and all end")
    func randomPlay() throws {
        let large = try scenario(ScenarioGenerator.layered(nodes: 300), id: "layered")
        let first = RandomPlay.run(large, runs: 50, seed: 9)
        #expect(first == RandomPlay.run(large, runs: 50, seed: 9))
        #expect(first.endings.values.reduce(0, +) == 50)
        #expect(first.unfinished.isEmpty)
    }

    @Test("shortest paths to each ending replay to that ending")
    func shortestPaths() throws {
        let knowledge = try KnowledgeLoader.load(directory: bundledKnowledge).base
        for scenario in try ScenarioLoader.load(directory: bundledScenarios, knowledge: knowledge).scenarios {
            let analysis = ScenarioAnalysis(scenario)
            let endings = analysis.endings()
            #expect(Set(endings.map(\.ending.id)) == Set(scenario.endings.map(\.id)), "\(scenario.id)")
            for (ending, path) in endings {
                #expect(try ScenarioEngine(scenario).replay(path).last?.node == ending.id)
            }
        }
    }

    @Test("the scaffold from 'attune new' passes lint and its own tests against the bundled knowledge")
    func scaffold() throws {
        let knowledge = try KnowledgeLoader.load(directory: bundledKnowledge).base
        let text = ScenarioScaffold.text(id: "ana-first-visit")
        let report = Linter(fallbackKnowledge: knowledge).lint(sources: [SourceText(path: "Scenarios/ana-first-visit.yaml", text: text)])
        #expect(report.diagnostics.map(\.headline) == [])
        let loaded = ScenarioLoader.parse(SourceText(path: "Scenarios/ana-first-visit.yaml", text: text), knowledge: knowledge)
        let scaffold = try #require(loaded.scenario)
        #expect(scaffold.nodes.filter { !$0.isEnding }.count == 1)
        #expect(scaffold.endings.count == 2)
        #expect(ScenarioTestRunner.run(scaffold).allSatisfy { $0.passed })
    }

    @Test("the scaffold in Spanish passes lint and its own tests too, with the same keys and ids")
    func spanishScaffold() throws {
        let knowledge = try KnowledgeLoader.load(directory: bundledKnowledge).base
        let text = ScenarioScaffold.text(id: "ana-primera-visita") { Spanish().author(.scaffold($0)) }
        let report = Linter(fallbackKnowledge: knowledge).lint(sources: [SourceText(path: "Scenarios/ana-primera-visita.yaml", text: text)])
        #expect(report.diagnostics.map(\.headline) == [])
        let loaded = ScenarioLoader.parse(SourceText(path: "Scenarios/ana-primera-visita.yaml", text: text), knowledge: knowledge)
        let scaffold = try #require(loaded.scenario)
        #expect(scaffold.title == "Un caso nuevo")
        #expect(ScenarioTestRunner.run(scaffold).allSatisfy { $0.passed })
        let english = ScenarioScaffold.text(id: "ana-primera-visita")
        let keys = { (text: String) in text.split(separator: "\n").map { $0.prefix { $0 != ":" } } }
        #expect(keys(text).count == keys(english).count)
        #expect(text.hasPrefix("# Un caso nuevo."))
    }

    @Test("graphs: dot marks endings and colours choices by rating; mermaid uses safe ids")
    func graphs() throws {
        let visit = try scenario(exampleScenarioText, id: "visit")
        let dot = GraphExport.render(visit, format: .dot)
        #expect(dot.hasPrefix("digraph \"visit\" {"))
        #expect(dot.contains("\"warm\" [label=\"warm\\n(hopeful ending)\", shape=doubleoctagon, style=filled, fillcolor=\"#dcefdc\"];"))
        #expect(dot.contains("\"arrival\" -> \"warm\" [label=\"greet\", color=\"#2e7d32\", fontcolor=\"#2e7d32\"];"))
        #expect(dot.contains("\"arrival\" [label=\"arrival\", penwidth=2.5];"))
        let mermaid = GraphExport.render(visit, format: .mermaid)
        #expect(mermaid.contains("flowchart TD"))
        #expect(mermaid.contains("  n0 -->|\"greet\"| n1"))
        #expect(mermaid.contains("  class n1 hopeful"))
    }
}
