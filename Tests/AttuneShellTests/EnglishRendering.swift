import AttuneCatalog
import AttuneCore

extension Diagnostic {
    /// The headline, the source line and the caret, in English.
    var rendered: String { English().rendered(self) }
    /// `file:line:col: severity: message [rule]`, in English.
    var headline: String { English().headline(self) }
}

extension ScenarioScaffold {
    /// The scaffold `attune new` writes, in English.
    static func text(id: String) -> String {
        text(id: id) { English().author(.scaffold($0)) }
    }
}
