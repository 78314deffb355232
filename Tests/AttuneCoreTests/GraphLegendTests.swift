import Testing
@testable import AttuneCore

/// Issue 22, item 12: `graph` had no legend for its colours and dashed edges.
@Suite("Graph legend")
struct GraphLegendTests {
    private func example() throws -> Scenario {
        let knowledge = KnowledgeLoader.load(sources: [SourceText(path: "Knowledge/tenets.yaml", text: exampleKnowledgeText)]).base
        return try #require(ScenarioLoader.load(sources: [SourceText(path: "Scenarios/visit.yaml", text: exampleScenarioText)],
                                                knowledge: knowledge).scenarios.first)
    }

    @Test("the DOT graph carries a legend: each rating's colour, dashed edges, the start and the endings present")
    func dotLegend() throws {
        let dot = GraphExport.render(try example(), format: .dot)
        #expect(dot.contains("subgraph cluster_legend {"))
        #expect(dot.contains("<font color=\"#2e7d32\">an attuned choice</font>"))
        #expect(dot.contains("<font color=\"#c62828\">a safety-concern choice</font>"))
        #expect(dot.contains("dashed: offered only when its condition [in brackets] holds"))
        #expect(dot.contains("thick border: where the case starts"))
        #expect(dot.contains("<td bgcolor=\"#dcefdc\" align=\"left\">filled: a hopeful ending</td>"))
        #expect(!dot.contains("a mixed ending"), "only the kinds of ending the case has")
        #expect(dot.hasSuffix("  }\n}\n"))
    }

    @Test("the Mermaid graph carries the legend as comments")
    func mermaidLegend() throws {
        let mermaid = GraphExport.render(try example(), format: .mermaid)
        #expect(mermaid.contains("  %% Legend:\n  %%   an attuned choice (#2e7d32)\n"))
        #expect(mermaid.contains("  %%   box with double sides: where the case starts\n"))
    }
}
