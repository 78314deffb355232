import Testing
@testable import AttuneCore

/// Replaces `old` (which must occur) in the fixture and loads the result.
private func broken(_ old: String, _ new: String) -> [Diagnostic] {
    #expect(fixtureScenario.contains(old), "fixture lacks \(old)")
    return loadScenario(fixtureScenario.replacingOccurrences(of: old, with: new)).1
}

private func headlines(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.map(\.headline) }

@Suite("Scenario loader")
struct ScenarioLoaderTests {
    @Test("the fixture loads cleanly with its parts in order")
    func valid() throws {
        let (scenario, diagnostics) = loadScenario(fixtureScenario)
        #expect(diagnostics == [])
        let loaded = try #require(scenario)
        #expect(loaded.nodes.map(\.id) == ["arrival", "gaze", "warm", "flat"])
        #expect(loaded.node("gaze")?.choices.map(\.id) == ["wait", "talk", "leave"])
        #expect(loaded.node("warm")?.ending == .hopeful)
        #expect(loaded.variables.map(\.variable) == ["trust"])
        #expect(loaded.tests.count == 2)
    }

    @Test("a broken condition is located at the offending character")
    func brokenCondition() {
        let diagnostics = broken("when: trust >= 1", "when: trust => 1")
        #expect(headlines(diagnostics) == [
            "Scenarios/visit.yaml:39:21: error: in the condition 'trust => 1': '=>' is not a comparison; write '>=' (the '=' comes second) [bad-condition]",
        ])
        #expect(diagnostics.first?.rendered.hasSuffix("        when: trust => 1\n                    ^") == true)
    }

    @Test("a quoted condition is located inside the quotes")
    func quotedCondition() {
        let diagnostics = broken("when: trust >= 1", "when: \"trust >= \"")
        #expect(diagnostics.first?.location == SourceLocation(file: "Scenarios/visit.yaml", line: 39, column: 25))
    }

    @Test("a dangling next is located at its value, with a suggestion")
    func danglingNext() {
        #expect(headlines(broken("next: warm", "next: wram")) == [
            "Scenarios/visit.yaml:35:15: error: 'next' names 'wram', which is not a node in this scenario (did you mean 'warm'?) [unknown-node]",
        ])
    }

    @Test("a start naming no node is an error")
    func badStart() {
        #expect(headlines(broken("start: arrival", "start: arrivals")).first?.hasPrefix(
            "Scenarios/visit.yaml:11:8: error: 'start' names 'arrivals', which is not a node") == true)
    }

    @Test("an unknown ref is located at the id")
    func unknownRef() {
        #expect(headlines(broken("refs: [serve-and-return.1]", "refs: [serve-and-return.9]")) == [
            "Scenarios/visit.yaml:38:16: error: 'refs' names 'serve-and-return.9', which is not an entry in the knowledge base (did you mean 'serve-and-return.1'?) [unknown-ref]",
        ])
    }

    @Test("unknown audience, competency and knowledge ids are errors")
    func unknownHeaderRefs() {
        let diagnostics = broken("audience: [workforce.non-specialists]", "audience: [workforce.nurses]")
        #expect(diagnostics.map(\.rule) == [.unknownRef])
        #expect(diagnostics.first?.location.line == 5)
    }

    @Test("a missing feedback is located at the choice")
    func missingFeedback() {
        #expect(headlines(broken("        feedback: Forms can wait.\n", "")) == [
            "Scenarios/visit.yaml:24:9: error: choice 'forms' in node 'arrival' has no 'feedback'; every choice needs feedback on why it matters [missing-feedback]",
        ])
    }

    @Test("missing refs are an error")
    func missingRefs() {
        let diagnostics = broken("        refs: [attachment.perceive-cues]\n", "")
        #expect(diagnostics.map(\.rule) == [.missingRefs])
        #expect(diagnostics.first?.location.line == 17)
    }

    @Test("an undeclared variable in add, set or when is an error")
    func undeclaredVariable() {
        #expect(broken("add: { trust: 2 }", "add: { trus: 2 }").map(\.headline) == [
            "Scenarios/visit.yaml:40:16: error: 'trus' is not a declared variable (did you mean 'trust'?) [unknown-variable]",
        ])
        #expect(broken("when: trust >= 1", "when: calm >= 1").map(\.rule) == [.unknownVariable])
    }

    @Test("a condition naming an unknown node or choice is an error")
    func unknownConditionTargets() {
        #expect(broken("when: not chose(arrival.greet-baby)", "when: not chose(arrival.greet)").map(\.rule) == [.unknownChoice])
        #expect(broken("when: visited(warm)", "when: visited(warmth)").map(\.rule) == [.unknownNode])
    }

    @Test("a duplicate choice id in a node is an error")
    func duplicateChoice() {
        let diagnostics = broken("id: talk", "id: wait")
        #expect(diagnostics.map(\.rule) == [.duplicateID])
        #expect(diagnostics.first?.location.line == 41)
    }

    @Test("a non-ending node without choices is a stuck state")
    func stuck() {
        let text = fixtureScenario.replacingOccurrences(of: "  warm:\n    ending: hopeful\n", with: "  warm:\n")
        let rules = loadScenario(text).1.map(\.rule)
        #expect(rules.contains(.noChoices))
    }

    @Test("a wrong rating names the allowed ones and suggests the closest")
    func wrongRating() {
        #expect(broken("rating: partial", "rating: partly").map(\.headline) == [
            "Scenarios/visit.yaml:44:17: error: 'rating' must be attuned, partial, missed or unsafe, not 'partly' [invalid-value]",
        ])
    }

    @Test("a test naming an unknown choice or node is an error")
    func badTest() {
        #expect(broken("choose: [greet-baby, wait]", "choose: [greet-baby, wiat]").map(\.headline) == [
            "Scenarios/visit.yaml:70:26: error: test 'warm path' chooses 'wiat', which is not a choice id in this scenario (did you mean 'wait'?) [bad-test]",
        ])
        #expect(broken("not-visited: [flat]", "not-visited: [flot]").map(\.rule) == [.unknownNode])
        #expect(broken("      ending: warm\n      visited", "      ending: gaze\n      visited").map(\.rule) == [.badTest])
    }

    @Test("the file name must match the scenario id")
    func fileName() {
        let diagnostics = loadScenario(fixtureScenario, file: "other").1
        #expect(diagnostics.map(\.headline) == [
            "Scenarios/other.yaml:1:11: error: the scenario id 'visit' differs from the file name 'other'; they must match [file-name-mismatch]",
        ])
    }

    @Test("unknown keys warn and the scenario still loads")
    func unknownKey() {
        let (scenario, diagnostics) = loadScenario(fixtureScenario.replacingOccurrences(of: "    prompt: What first?", with: "    promt: What first?"))
        #expect(diagnostics.map(\.headline) == [
            "Scenarios/visit.yaml:15:5: warning: unknown key 'promt' in node 'arrival'; it will be ignored (did you mean 'prompt'?) [unknown-key]",
        ])
        #expect(scenario != nil)
    }

    @Test("two files with the same id: the second is an error and left out")
    func duplicateScenario() {
        let sources = [SourceText(path: "Scenarios/visit.yaml", text: fixtureScenario),
                       SourceText(path: "Scenarios/visit.yml", text: fixtureScenario)]
        let result = ScenarioLoader.load(sources: sources, knowledge: fixtureKnowledge)
        #expect(result.scenarios.count == 1)
        #expect(result.diagnostics.map(\.rule) == [.duplicateID])
    }

    @Test("a scenario with errors is not offered for play")
    func errorsExclude() {
        let text = fixtureScenario.replacingOccurrences(of: "next: warm", with: "next: nowhere")
        let result = ScenarioLoader.load(sources: [SourceText(path: "Scenarios/visit.yaml", text: text)], knowledge: fixtureKnowledge)
        #expect(result.scenarios.isEmpty)
        #expect(result.diagnostics.hasErrors)
    }
}
