/// A content file for a rule's example. In a triggering example, `↓` marks exactly where
/// the finding must be reported (it is removed before the text is checked).
public struct RuleExample: Sendable, Hashable {
    public var file: String
    public var text: String
    /// Files linted with it, by path (a translation's English file).
    public var companions: [String: String] = [:]

    public static let marker: Character = "↓"

    /// The example text without its marker, and the marker's line and column (1-based,
    /// columns in Unicode scalars as diagnostics count them).
    public var unmarked: (text: String, line: Int, column: Int)? {
        var line = 1, column = 1
        for (offset, character) in text.enumerated() {
            if character == Self.marker {
                var text = self.text
                text.remove(at: text.index(text.startIndex, offsetBy: offset))
                return (text, line, column)
            }
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return nil
    }
}

/// One lint rule: its id, how serious it is, what it catches, and examples that show it
/// firing and not firing (SwiftLint's pattern; the tests run every example).
///
/// Rules found while reading a file (syntax, fields, references) are reported by the
/// loaders, which name the rule's `RuleID` and take its severity from here; rules about
/// what can happen in play are `PlayRule`s, which check a shared `ScenarioAnalysis`.
public protocol LintRule: Sendable {
    var id: RuleID { get }
    var severity: Severity { get }
    // What it catches, in words, is each catalog's `ruleSummary(_:)` (AttuneCatalog).
    var triggering: [RuleExample] { get }
    var passing: [RuleExample] { get }
}

/// A rule about what can happen in play, checked after a scenario loads without errors.
public protocol PlayRule: LintRule {
    func check(_ analysis: ScenarioAnalysis) -> [(location: SourceLocation, message: PlayMessage)]
}

/// Every rule, in the order `attune lint --rules` lists them.
public enum LintRules {
    public static let all: [any LintRule] = [
        YAMLSyntaxRule(), DuplicateKeyRule(), MissingFieldRule(), WrongTypeRule(), UnknownKeyRule(), InvalidIDRule(),
        InvalidValueRule(), FileNameMismatchRule(), DuplicateIDRule(), UnknownRefRule(), UnknownNodeRule(),
        UnknownChoiceRule(), UnknownVariableRule(), BadConditionRule(), MissingFeedbackRule(), MissingRefsRule(),
        NoChoicesRule(), EndingWithChoicesRule(), UnusedDebriefRule(), BadTestRule(), NotContentRule(), CommentInTextRule(),
        HiddenCharacterRule(),
        UnreachableNodeRule(), UnreachableEndingRule(), StuckStateRule(), NoWayOutRule(), NeverOfferedRule(),
        UnmetAssumptionRule(), StateSpaceLimitRule(), TooManyProblemsRule(),
        TranslationFormatRule(), TranslationSourceRule(), TranslationUnknownIDRule(), TranslationStaleRule(),
        TranslationUntranslatedRule(),
    ]

    public static func rule(_ id: RuleID) -> (any LintRule)? { all.first { $0.id == id } }

    /// Each rule's severity, which every finding of it has.
    static let severities: [RuleID: Severity] = Dictionary(all.map { ($0.id, $0.severity) }, uniquingKeysWith: { first, _ in first })

    /// The rules that look at play rather than at the text, in list order.
    static let analysisRules: [any PlayRule] = all.compactMap { $0 as? any PlayRule }
}

// MARK: Example content

/// The knowledge the scenario examples refer to.
public let exampleKnowledgeText = """
    topic: tenets
    title: Tenets
    summary: The tenets.
    entries:
      - id: tenet.1
        title: Nurturing relationships
        kind: tenet
        summary: Babies grow in relationships.
        body: Text.
        sources: ["Weatherston (2000), The infant mental health specialist"]
        see: [tenet.2]
      - id: tenet.2
        title: New relationships and change
        kind: tenet
        summary: Change happens in relationship.
        body: Text.
        sources: ["Weatherston (2000), The infant mental health specialist"]
      - id: workforce.non-specialists
        title: Non-specialist professionals
        kind: group
        summary: Home visitors and others.
        body: Text.
        sources: ["CHDI (2015), IMPACT"]
      - id: competency.direct-service
        title: Direct service skills
        kind: competency
        summary: Working with families.
        body: Text.
        sources: ["CHDI (2015), IMPACT"]
    """

public let exampleScenarioText = """
    scenario: visit
    title: A visit
    summary: A short case.
    minutes: 5
    audience: [workforce.non-specialists]
    competencies: [competency.direct-service]
    knowledge: [tenet.1]
    variables:
      trust: 0
    start: arrival
    nodes:
      arrival:
        text: You arrive.
        prompt: What first?
        choices:
          - id: greet
            text: Greet the baby.
            next: warm
            rating: attuned
            feedback: Babies notice.
            refs: [tenet.1]
            add: { trust: 1 }
          - id: forms
            text: Start the forms.
            next: flat
            rating: missed
            feedback: Forms can wait.
            refs: [tenet.1]
      warm:
        ending: hopeful
        text: Warm.
        debrief:
          - when: trust >= 1
            say: You greeted first.
      flat:
        ending: concerning
        text: Flat.
    tests:
      - name: warm
        choose: [greet]
        expect: { ending: warm }
    """

extension RuleExample {
    /// The example scenario, with `old` replaced by `new` (which may carry the marker).
    static func scenario(_ old: String = "", _ new: String = "", file: String = "Scenarios/visit.yaml") -> RuleExample {
        scenario([(old, new)], file: file)
    }

    /// The example scenario with several replacements, each of text that occurs once.
    static func scenario(_ changes: [(String, String)], file: String = "Scenarios/visit.yaml") -> RuleExample {
        var text = exampleScenarioText
        for (old, new) in changes where !old.isEmpty {
            precondition(text.components(separatedBy: old).count == 2, "example scenario must contain \(old) once")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return RuleExample(file: file, text: text)
    }

    /// The example knowledge topic, with `old` replaced by `new`.
    static func knowledge(_ old: String = "", _ new: String = "", file: String = "Knowledge/tenets.yaml") -> RuleExample {
        precondition(old.isEmpty || exampleKnowledgeText.contains(old), "example knowledge lacks \(old)")
        return RuleExample(file: file, text: old.isEmpty ? exampleKnowledgeText : exampleKnowledgeText.replacingOccurrences(of: old, with: new))
    }
}

import Foundation
