// The translation rules (docs/translating.md): each example is a translation of the example
// case, `Scenarios/visit.es.yaml`, linted beside `Scenarios/visit.yaml`.

/// The example case translated whole: every text with its `from:` hash.
public let exampleTranslationText: String = {
    func text(_ english: String, _ spanish: String) -> String {
        "{from: \(TranslationHash.of(english)), text: \"\(spanish)\"}"
    }
    return """
        translation: visit
        language: es
        title: \(text("A visit", "Una visita"))
        summary: \(text("A short case.", "Un caso breve."))
        nodes:
          arrival:
            text: \(text("You arrive.", "Llegas."))
            prompt: \(text("What first?", "¿Qué haces primero?"))
            choices:
              greet:
                text: \(text("Greet the baby.", "Saludas al bebé."))
                feedback: \(text("Babies notice.", "Los bebés se dan cuenta."))
              forms:
                text: \(text("Start the forms.", "Empiezas con los formularios."))
                feedback: \(text("Forms can wait.", "Los formularios pueden esperar."))
          warm:
            text: \(text("Warm.", "Cálido."))
            debrief:
              - \(text("You greeted first.", "Saludaste primero."))
          flat:
            text: \(text("Flat.", "Plano."))
        """
}()

extension RuleExample {
    /// The example translation with `old` replaced by `new`, beside the example case.
    static func translation(_ old: String = "", _ new: String = "", file: String = "Scenarios/visit.es.yaml") -> RuleExample {
        precondition(old.isEmpty || exampleTranslationText.components(separatedBy: old).count == 2, "example translation must contain \(old) once")
        let text = old.isEmpty ? exampleTranslationText : exampleTranslationText.replacingOccurrences(of: old, with: new)
        return RuleExample(file: file, text: text, companions: ["Scenarios/visit.yaml": exampleScenarioText])
    }
}

private let hashOfTitle = TranslationHash.of("A visit")

struct TranslationFormatRule: LintRule {
    let id = RuleID.translationFormat
    let severity = Severity.error
    let triggering = [
        RuleExample.translation("title: {from: \(hashOfTitle), text: \"Una visita\"}", "title: ↓Una visita"),
        RuleExample.translation("from: \(hashOfTitle)", "from: ↓9f3a"),
        RuleExample.translation("language: es", "language: ↓fr"),
        RuleExample.translation("    prompt:", "    ↓next: warm\n    prompt:"),
        RuleExample.translation("translation: visit", "translation: ↓visita"),
    ]
    let passing = [RuleExample.translation()]
}

struct TranslationSourceRule: LintRule {
    let id = RuleID.translationSource
    let severity = Severity.error
    let triggering = [RuleExample(file: "Scenarios/gone.es.yaml", text: "↓" + exampleTranslationText)]
    let passing = [RuleExample.translation()]
}

struct TranslationUnknownIDRule: LintRule {
    let id = RuleID.translationUnknownID
    let severity = Severity.error
    let triggering = [
        RuleExample.translation("  flat:\n", "  ↓flta:\n"),
        RuleExample.translation("      greet:\n", "      ↓greeting:\n"),
        RuleExample.translation("  flat:\n", "  flat:\n    prompt: {from: ↓1a2b3c4d, text: \"¿Y ahora?\"}\n"),
    ]
    let passing = [RuleExample.translation()]
}

struct TranslationStaleRule: LintRule {
    let id = RuleID.translationStale
    let severity = Severity.warning
    let triggering = [
        RuleExample.translation("from: \(hashOfTitle)", "from: ↓00000000"),
        RuleExample.translation("- {from: \(TranslationHash.of("You greeted first."))", "- {from: ↓0000abcd"),
    ]
    let passing = [RuleExample.translation()]
}

struct TranslationUntranslatedRule: LintRule {
    let id = RuleID.translationUntranslated
    let severity = Severity.note
    let triggering = [
        RuleExample.translation("text: \"Una visita\"", "text: ↓\"\""),
        RuleExample.translation("  flat:\n    text: {from: \(TranslationHash.of("Flat.")), text: \"Plano.\"}", "  ↓flat:\n"),
    ]
    let passing = [RuleExample.translation()]
}
