import AttuneCatalog
@testable import AttuneCore

// Tests that check the words of a finding read them in English, through the catalog; the
// typed value is what AttuneCore produces (CatalogTests check the other languages).

private let english = English()

extension Diagnostic {
    /// `file:line:col: severity: message [rule]`, in English.
    var headline: String { english.headline(self) }
    /// The headline, the source line and the caret, in English.
    var rendered: String { english.rendered(self) }
}

extension DiagnosticMessage {
    /// The message in English.
    var english: String { AttuneCore_english.message(self) }
    func contains(_ text: String) -> Bool { english.contains(text) }
    func hasPrefix(_ text: String) -> Bool { english.hasPrefix(text) }
    func hasSuffix(_ text: String) -> Bool { english.hasSuffix(text) }
    func range(of text: String) -> Range<String.Index>? { english.range(of: text) }
    static func == (message: DiagnosticMessage, text: String) -> Bool { message.english == text }
}

extension TestFailure {
    var english: String { AttuneCore_english.failure(self) }
    func contains(_ text: String) -> Bool { english.contains(text) }
    func hasPrefix(_ text: String) -> Bool { english.hasPrefix(text) }
    static func == (failure: TestFailure, text: String) -> Bool { failure.english == text }
}

extension YAMLSlips.Finding {
    var text: String { AttuneCore_english.message(.syntax(message)) }
}

private let AttuneCore_english = English()

extension Diagnostic {
    /// A finding whose message quotes `text` (an unknown variable by that name), for tests
    /// of how findings are laid out.
    init(_ severity: Severity, at location: SourceLocation, _ text: String, rule: RuleID, sourceLine: String? = nil) {
        self.init(severity, at: location, DiagnosticMessage.reference(.unknownVariable(name: text, suggestion: nil)),
                  rule: rule, sourceLine: sourceLine)
    }
}

extension ConditionSyntax {
    /// The message in English, as `lint` says it after "in the condition '...': ".
    var english: String {
        let full = AttuneCore_english.message(.field(.condition("", self)))
        return String(full.dropFirst("in the condition '': ".count))
    }
    func contains(_ text: String) -> Bool { english.contains(text) }
    func hasPrefix(_ text: String) -> Bool { english.hasPrefix(text) }
}

extension YAMLComposer {
    /// The finding for an anchor or alias, in English.
    static var aliasMessage: String { AttuneCore_english.message(.reading(.anchorsAndAliases(more: 0))) }
}

extension GraphExport {
    /// The graph with its legend in English.
    static func render(_ scenario: Scenario, format: GraphFormat) -> String {
        render(scenario, format: format) { AttuneCore_english.author(.graph($0)) }
    }
}

extension ScenarioScaffold {
    /// The scaffold `attune new` writes, in English.
    static func text(id: String) -> String {
        text(id: id) { AttuneCore_english.author(.scaffold($0)) }
    }
}
