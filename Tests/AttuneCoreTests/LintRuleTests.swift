import Testing
@testable import AttuneCore

private let exampleKnowledge = KnowledgeLoader.load(
    sources: [SourceText(path: "Knowledge/tenets.yaml", text: exampleKnowledgeText)]).base

private func lint(_ file: String, _ text: String, companions: [String: String] = [:]) -> [Diagnostic] {
    let others = companions.sorted { $0.key < $1.key }.map { SourceText(path: $0.key, text: $0.value) }
    return Linter(fallbackKnowledge: exampleKnowledge).lint(sources: others + [SourceText(path: file, text: text)]).diagnostics
}

/// Every rule's own examples: each triggering one reports the rule exactly at its marker;
/// each passing one does not report it (and the base examples are entirely clean).
@Suite("Lint rules")
struct LintRuleTests {
    @Test("each rule fires at the marked line and column", arguments: LintRules.all.map(\.id))
    func triggering(id: RuleID) throws {
        let rule = try #require(LintRules.rule(id))
        #expect(!rule.triggering.isEmpty, "\(id) has no triggering example")
        for example in rule.triggering {
            let marked = try #require(example.unmarked, "\(id): a triggering example needs a ↓ marker")
            let all = lint(example.file, marked.text, companions: example.companions)
            let found = all.filter { $0.rule == id }
            #expect(found.map(\.location) == [SourceLocation(file: example.file, line: marked.line, column: marked.column)],
                    "\(id): \(all.map(\.headline))")
            #expect(found.allSatisfy { $0.severity == rule.severity })
            #expect(found.allSatisfy { $0.sourceLine != nil }, "\(id): findings quote their line")
        }
    }

    @Test("each rule is quiet on its passing examples", arguments: LintRules.all.map(\.id))
    func passing(id: RuleID) throws {
        let rule = try #require(LintRules.rule(id))
        #expect(!rule.passing.isEmpty, "\(id) has no passing example")
        for example in rule.passing {
            #expect(example.unmarked == nil)
            let found = lint(example.file, example.text, companions: example.companions)
            #expect(found.filter { $0.rule == id }.isEmpty, "\(id): \(found.map(\.headline))")
        }
    }

    @Test("the example base files are clean")
    func baseClean() {
        #expect(lint("Scenarios/visit.yaml", exampleScenarioText).map(\.headline) == [])
        #expect(lint("Knowledge/tenets.yaml", exampleKnowledgeText).map(\.headline) == [])
    }

    @Test("rule ids are unique and every id a loader reports has a rule")
    func registry() {
        let ids = LintRules.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        // Loaders can only report a RuleID, and every RuleID has its rule.
        for id in RuleID.allCases {
            #expect(LintRules.rule(id) != nil, "\(id) is reported but has no rule")
            #expect(id.severity == LintRules.rule(id)?.severity)
        }
        #expect(ids.map(\.rawValue).allSatisfy { $0.allSatisfy { $0.isLowercase || $0 == "-" } })
    }

    @Test("the play rules are the rules that check play")
    func playRules() {
        #expect(LintRules.analysisRules.map(\.id) == [
            .unreachableNode, .unreachableEnding, .stuckState, .noWayOut, .neverOffered, .unmetAssumption,
        ])
    }

    @Test("many problems in one run, not just the first")
    func manyAtOnce() {
        let text = exampleScenarioText
            .replacingOccurrences(of: "next: flat", with: "next: flta")
            .replacingOccurrences(of: "rating: missed", with: "rating: mised")
            .replacingOccurrences(of: "    prompt: What first?", with: "    promt: What first?")
        let rules = lint("Scenarios/visit.yaml", text).map(\.rule)
        #expect(Set(rules).isSuperset(of: [.unknownNode, .invalidValue, .unknownKey]))
    }
}
