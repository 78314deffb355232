import AttuneCore
import Testing
@testable import AttuneCatalog

/// Every `TranslateText` and translation finding, rendered in both languages.
private enum TranslateSamples {
    static let texts: [TranslateText] = [
        .extract(.header(language: .spanish, file: "maya-quiet-visit.yaml")),
        .extract(.staleNote(current: "1a2b3c4d")),
        .extract(.wrote(path: "Scenarios/maya.es.yaml", texts: 216, translated: 0, stale: 0)),
        .extract(.wrote(path: "Scenarios/maya.es.yaml", texts: 216, translated: 200, stale: 3)),
        .extract(.exists(path: "Scenarios/maya.es.yaml")),
        .extract(.isTranslation(path: "maya.es.yaml", source: "maya.yaml")),
        .extract(.sourceHasErrors(path: "maya.yaml")),
        .extract(.needsLanguage),
        .extract(.cannotWrite(path: "/x/maya.es.yaml")),
        .extract(.existingHasErrors(path: "maya.es.yaml")),
        .status(.file(name: "maya.es.yaml", language: .spanish, translated: 10, stale: 1, untranslated: 2, percent: 76)),
        .status(.none(name: "safety.yaml", language: .spanish, texts: 1)),
        .status(.unchecked(name: "gone.es.yaml")),
        .status(.total(files: 2, translated: 10, stale: 1, untranslated: 2, percent: 76)),
        .status(.total(files: 1, translated: 1, stale: 0, untranslated: 0, percent: 100)),
        .status(.nothing),
        .status(.hint),
    ]

    static let findings: [TranslationMessage] = [
        .stale(path: "nodes.fifth-visit.text", current: "1a2b3c4d"),
        .unknownID(.node, id: "flta", suggestion: "flat"), .unknownID(.choice, id: "greeting", suggestion: nil),
        .unknownID(.entry, id: "safe-sleeps", suggestion: "safe-sleep"),
        .noEnglish(path: "nodes.flat.prompt"), .untranslated(path: "title"),
        .untranslatedCount(count: 1, total: 11), .untranslatedCount(count: 30, total: 216),
        .sourceMissing(fileName: "gone.yaml"), .sourceHasErrors(fileName: "visit.yaml"), .badHash(written: "9f3a"),
        .missingHash(path: "title"), .wrongLanguage(written: "fr", fileName: "es"), .wrongID(written: "visita", expected: "visit"),
        .notATextBlock(path: "title", found: .text("Una visita")), .notABlock(path: "", found: .list),
        .notABlock(path: "nodes", found: .list), .notAList(path: "content-warnings", found: .text("x")),
        .notText(key: "from", found: .block), .unknownKey("titel", path: "", suggestion: "title"),
        .unknownKey("nota", path: "nodes.arrival", suggestion: nil), .notTranslatable("next"),
        .missingKey("translation"), .missingKey("language"),
    ]
}

@Suite("Translation messages in both languages")
struct TranslateCatalogTests {
    @Test("no Spanish rendering holds an English sentence")
    func spanishOnly() {
        let spanish = Spanish()
        let texts = TranslateSamples.texts.map(spanish.translate) + TranslateSamples.findings.map { spanish.message(.translation($0)) }
            + [RuleID.translationFormat, .translationSource, .translationUnknownID, .translationStale, .translationUntranslated]
            .map(spanish.ruleSummary)
        for text in texts {
            #expect(EnglishDetector.englishWords(in: text).isEmpty, "\(text)")
            #expect(!text.isEmpty)
        }
    }

    @Test("the English says what the finding is about, with its values")
    func english() {
        let english = English()
        #expect(english.message(.translation(.stale(path: "nodes.fifth-visit.text", current: "1a2b3c4d")))
            == "the English of 'nodes.fifth-visit.text' has changed since this was translated, so the English is shown; "
            + "check the translation against the English, then set 'from: 1a2b3c4d'")
        #expect(english.message(.translation(.untranslatedCount(count: 1, total: 11)))
            == "1 of 11 texts is not translated yet; the English is shown for it")
        #expect(english.message(.translation(.unknownID(.node, id: "flta", suggestion: "flat")))
            == "the English file has no node 'flta', so this translation of it is never shown (did you mean 'flat'?)")
        #expect(Spanish().message(.translation(.untranslatedCount(count: 30, total: 216)))
            == "30 de 216 textos aún no están traducidos; se muestran en inglés")
        for text in TranslateSamples.texts { #expect(!english.translate(text).isEmpty) }
    }
}
