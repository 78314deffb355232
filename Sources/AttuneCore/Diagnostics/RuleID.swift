/// The identity of a lint rule: what a finding names in brackets after its message, in
/// JSON output and in `attune lint --rules`. Typed, so a misspelt id is a compile error;
/// every case has a rule in `LintRules.all` (a test checks it), which gives its severity,
/// summary and examples.
public enum RuleID: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case yamlSyntax = "yaml-syntax"
    case duplicateKey = "duplicate-key"
    case missingField = "missing-field"
    case wrongType = "wrong-type"
    case unknownKey = "unknown-key"
    case invalidID = "invalid-id"
    case invalidValue = "invalid-value"
    case fileNameMismatch = "file-name-mismatch"
    case duplicateID = "duplicate-id"
    case unknownRef = "unknown-ref"
    case unknownNode = "unknown-node"
    case unknownChoice = "unknown-choice"
    case unknownVariable = "unknown-variable"
    case badCondition = "bad-condition"
    case missingFeedback = "missing-feedback"
    case missingRefs = "missing-refs"
    case noChoices = "no-choices"
    case endingWithChoices = "ending-with-choices"
    case unusedDebrief = "unused-debrief"
    case badTest = "bad-test"
    case notContent = "not-content"
    case commentInText = "comment-in-text"
    case hiddenCharacter = "hidden-character"
    case unreachableNode = "unreachable-node"
    case unreachableEnding = "unreachable-ending"
    case stuckState = "stuck-state"
    case noWayOut = "no-way-out"
    case neverOffered = "never-offered"
    case unmetAssumption = "unmet-assumption"
    case stateSpaceLimit = "state-space-limit"
    case tooManyProblems = "too-many-problems"
    case translationFormat = "translation-format"
    case translationSource = "translation-source"
    case translationUnknownID = "translation-unknown-id"
    case translationStale = "translation-stale"
    case translationUntranslated = "translation-untranslated"

    /// The kebab-case id, as authors see it.
    public var description: String { rawValue }


    /// How serious this rule's findings are, from its rule.
    public var severity: Severity { LintRules.severities[self] ?? .error }
}
