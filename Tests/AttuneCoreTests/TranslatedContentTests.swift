import Foundation
import Testing
@testable import AttuneCore

/// The example case and knowledge in a scratch folder, with a translation of each beside them.
private struct TranslatedFolder {
    let root: URL
    var knowledge: String { root.appendingPathComponent("Knowledge").path }
    var scenarios: String { root.appendingPathComponent("Scenarios").path }
    var caseTranslation: String { scenarios + "/visit.es.yaml" }
    var cache: ContentCache { ContentCache(directory: root.appendingPathComponent("cache/attune").path) }

    static let knowledgeTranslation = """
        translation: tenets
        language: es
        title: {from: \(TranslationHash.of("Tenets")), text: "Principios"}
        entries:
          tenet.1:
            title: {from: \(TranslationHash.of("Nurturing relationships")), text: "Relaciones que nutren"}
            summary: {from: \(TranslationHash.of("Babies grow in relationships.")), text: "Los bebés crecen en relaciones; las madres deprimidas también."}
        """

    init(caseTranslation: String? = exampleTranslationText) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("attune-translated-\(UUID().uuidString)")
        for folder in ["Knowledge", "Scenarios"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try exampleKnowledgeText.write(toFile: knowledge + "/tenets.yaml", atomically: true, encoding: .utf8)
        try Self.knowledgeTranslation.write(toFile: knowledge + "/tenets.es.yaml", atomically: true, encoding: .utf8)
        try exampleScenarioText.write(toFile: scenarios + "/visit.yaml", atomically: true, encoding: .utf8)
        if let caseTranslation { try caseTranslation.write(toFile: self.caseTranslation, atomically: true, encoding: .utf8) }
    }

    func load(_ language: String?, cached: Bool) throws -> ContentLibrary {
        let library = try ContentLibrary.load(knowledgeDirectory: knowledge, scenarioDirectory: scenarios,
                                              cache: cached ? cache : nil, language: language)
        ContentCache.waitForWrites()
        return library
    }
}

@Suite("Content in Spanish, text by text", .serialized)
struct TranslatedContentTests {
    @Test("a current translation is shown; a stale or missing text stays English; what the case does never changes")
    func textByText() throws {
        let stale = exampleTranslationText.replacingOccurrences(of: "from: \(TranslationHash.of("Flat."))", with: "from: 0badf00d")
            .replacingOccurrences(of: "    prompt: {from: \(TranslationHash.of("What first?")), text: \"¿Qué haces primero?\"}\n", with: "")
        let folder = try TranslatedFolder(caseTranslation: stale)
        let library = try folder.load("es", cached: false)
        let english = try folder.load(nil, cached: false)
        let scenario = try #require(library.scenario("visit"))
        #expect(scenario.title == "Una visita")
        #expect(scenario.node("arrival")?.text == "Llegas.")
        #expect(scenario.node("arrival")?.choices.map(\.text) == ["Saludas al bebé.", "Empiezas con los formularios."])
        #expect(scenario.node("warm")?.debrief.map(\.say) == ["Saludaste primero."])
        #expect(scenario.node("flat")?.text == "Flat.", "a stale text shows the English")
        #expect(scenario.node("arrival")?.prompt == "What first?", "a missing text shows the English")
        // Ids, next, ratings, conditions, counters and tests come from the English file alone.
        let original = try #require(english.scenario("visit"))
        #expect(scenario.nodes.map(\.id) == original.nodes.map(\.id))
        #expect(scenario.nodes.flatMap(\.choices).map(\.next) == original.nodes.flatMap(\.choices).map(\.next))
        #expect(scenario.nodes.flatMap(\.choices).map(\.rating) == original.nodes.flatMap(\.choices).map(\.rating))
        #expect(scenario.nodes.flatMap(\.debrief).map(\.when) == original.nodes.flatMap(\.debrief).map(\.when))
        #expect(scenario.tests == original.tests && scenario.variables == original.variables)
        #expect(library.translation(of: "visit") == .partial(translated: 9, total: 11))
        #expect(english.translation(of: "visit") == nil, "an English library has no translation status")
    }

    @Test("a case with no translation is shown in English and says so; a complete one says complete")
    func coverage() throws {
        let none = try TranslatedFolder(caseTranslation: nil).load("es", cached: false)
        #expect(none.scenario("visit")?.title == "A visit")
        #expect(none.translation(of: "visit") == TranslationCoverage.none)
        let full = try TranslatedFolder().load("es", cached: false)
        #expect(full.translation(of: "visit") == .complete)
        #expect(full.translation(ofTopic: "tenets") == .partial(translated: 3, total: full.knowledge.entries.count * 3 + 2))
    }

    @Test("knowledge topics are translated, and search in Spanish finds them with or without accents")
    func knowledge() throws {
        let library = try TranslatedFolder().load("es", cached: false)
        #expect(library.knowledge.topics.first?.title == "Principios")
        #expect(library.knowledge["tenet.1"]?.title == "Relaciones que nutren")
        #expect(library.knowledge["tenet.2"]?.title == "New relationships and change")
        for query in ["madre deprimida", "madres", "bebe", "bebés", "relación"] {
            #expect(library.index.search(query).first?.id == "tenet.1", "\(query)")
        }
        #expect(library.index.language == "es")
    }

    @Test("the cache keeps each language apart, and an edited translation is seen at once")
    func cacheKeysOnLanguageAndTranslations() throws {
        let folder = try TranslatedFolder()
        // English first (cold), then Spanish: never the English snapshot.
        #expect(try folder.load(nil, cached: true).scenario("visit")?.title == "A visit")
        #expect(try folder.load("es", cached: true).scenario("visit")?.title == "Una visita")
        #expect(try folder.load(nil, cached: true).scenario("visit")?.title == "A visit")
        let warm = try folder.load("es", cached: true)
        #expect(warm.scenario("visit")?.title == "Una visita")
        #expect(warm.index.search("visita").first?.id == "visit")
        #expect(try folder.load(nil, cached: true).index.search("visita").isEmpty)
        // Editing the translation (same size, so only its bytes tell) changes what is shown.
        let edited = exampleTranslationText.replacingOccurrences(of: "Una visita", with: "Una visitá")
        try edited.write(toFile: folder.caseTranslation, atomically: true, encoding: .utf8)
        let after = try folder.load("es", cached: true)
        #expect(after.scenario("visit")?.title == "Una visitá")
        // Removing it shows the English, and says the case is not translated.
        try FileManager.default.removeItem(atPath: folder.caseTranslation)
        let removed = try folder.load("es", cached: true)
        #expect(removed.scenario("visit")?.title == "A visit")
        #expect(removed.translation(of: "visit") == TranslationCoverage.none)
        // The cached and uncached loads agree.
        let plain = try folder.load("es", cached: false)
        #expect(plain.scenarios == removed.scenarios && plain.knowledge.entries == removed.knowledge.entries)
    }

    @Test("a translation with errors changes nothing it cannot read, and the library still loads")
    func brokenTranslation() throws {
        let folder = try TranslatedFolder(caseTranslation: "translation: visit\nlanguage: es\ntitle: {from: nothex, text: Hola\n")
        let library = try folder.load("es", cached: true)
        #expect(library.scenario("visit")?.title == "A visit")
        #expect(library.diagnostics.isEmpty, "a translation's problems are lint's to report, not the learner's")
    }
}

@Suite("Search in Spanish")
struct SpanishSearchTests {
    private func same(_ a: String, _ b: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let left = Set(TextAnalysis.terms(in: a, language: "es")), right = Set(TextAnalysis.terms(in: b, language: "es"))
        #expect(!left.isDisjoint(with: right), "\(a) \(left) / \(b) \(right)", sourceLocation: sourceLocation)
    }

    @Test("accents, plurals, gender and verb forms meet")
    func wordForms() {
        for (a, b) in [("depresión", "depresion"), ("depresiones", "depresión"), ("madres", "madre"), ("deprimida", "deprimido"),
                       ("deprimidas", "deprimido"), ("bebés", "bebe"), ("bebé", "bebes"), ("hablando", "habló"), ("cuidadoras", "cuidador"),
                       ("educación", "educacion"), ("niñas", "niño"), ("sueño", "sueno"), ("Práctica", "practicas")] {
            same(a, b)
        }
        // Words too common to search by are left out.
        #expect(TextAnalysis.terms(in: "la madre de la niña", language: "es") == TextAnalysis.terms(in: "madre niña", language: "es"))
    }

    @Test("Spanish documents are found by any form of their words, best match first")
    func index() {
        let documents = [
            SearchDocument(id: "a", title: "Depresión perinatal", kind: .entry, summary: "Las madres deprimidas y sus bebés.",
                           fields: [.title: "Depresión perinatal", .summary: "Las madres deprimidas y sus bebés."]),
            SearchDocument(id: "b", title: "Sueño seguro", kind: .entry, summary: "El bebé duerme boca arriba.",
                           fields: [.title: "Sueño seguro", .summary: "El bebé duerme boca arriba."]),
        ]
        let index = SearchIndex(documents: documents, language: "es")
        for query in ["depresion", "depresión", "madre deprimida", "deprimido"] { #expect(index.search(query).first?.id == "a", "\(query)") }
        for query in ["sueno", "sueño seguro", "duermen"] { #expect(index.search(query).first?.id == "b", "\(query)") }
        #expect(Set(index.search("bebes").map(\.id)) == ["a", "b"])
        // The match is marked once, on the word as written.
        let marked = index.search("deprimido").first?.snippet.filter(\.isMatch).map(\.text)
        #expect(marked == ["deprimidas"])
        // English stays as it was.
        #expect(SearchIndex(documents: documents).language == nil)
        #expect(TextAnalysis.terms(in: "attachment", language: nil) == TextAnalysis.terms(in: "attachment"))
    }
}
