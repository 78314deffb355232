import Synchronization

/// A value worked out once, on first use, from any thread.
final class Lazy<Value: Sendable>: Sendable {
    private let storage: Mutex<Value?>
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) {
        storage = Mutex(nil)
        self.make = make
    }

    init(value: Value) {
        storage = Mutex(value)
        make = { value }
    }

    var value: Value {
        storage.withLock { stored in
            if let stored { return stored }
            let made = make()
            stored = made
            return made
        }
    }
}

/// Everything Attune teaches from, loaded and indexed: the knowledge base, the scenarios,
/// one search index over both, and every problem found while loading.
///
/// Read from the content cache, the entries, the cases and the index are decoded when
/// first used: most runs use only some of them, and the shell's prompt needs none.
public struct ContentLibrary: Sendable {
    public var knowledge: KnowledgeBase { storedKnowledge.value }
    public var scenarios: [Scenario] { storedScenarios.value }
    public let diagnostics: [Diagnostic]
    /// The language the content is shown in: nil for English, else the code of the
    /// translations applied (`es`), text by text (see `TranslatedContent`).
    public let language: String?
    private let storedTranslation: Lazy<LibraryTranslation?>
    private let storedKnowledge: Lazy<KnowledgeBase>
    private let storedScenarios: Lazy<[Scenario]>
    private let searchIndex: Lazy<SearchIndex>

    public init(knowledge: KnowledgeBase, scenarios: [Scenario] = [], diagnostics: [Diagnostic] = []) {
        self.init(knowledge: Lazy(value: knowledge), scenarios: Lazy(value: scenarios), diagnostics: diagnostics,
                  index: { SearchIndex(knowledge: knowledge, extra: scenarios.map(SearchDocument.init(scenario:))) })
    }

    /// Content whose parts are worked out on first use; `index` builds (or reads) the
    /// search index.
    init(knowledge: Lazy<KnowledgeBase>, scenarios: Lazy<[Scenario]>, diagnostics: [Diagnostic],
         language: String? = nil, translation: Lazy<LibraryTranslation?> = Lazy(value: nil),
         index: @escaping @Sendable () -> SearchIndex) {
        storedKnowledge = knowledge
        storedScenarios = scenarios
        self.diagnostics = diagnostics
        self.language = language
        storedTranslation = translation
        searchIndex = Lazy(index)
    }

    /// How much of a case the library's language covers: nil when the library is in
    /// English, `.none` for a case with no translation (shown in English).
    public func translation(of scenarioID: String) -> TranslationCoverage? {
        guard let translation = storedTranslation.value else { return nil }
        return translation.cases[scenarioID] ?? TranslationCoverage.none
    }

    /// The same for a knowledge topic, by its id.
    public func translation(ofTopic topicID: String) -> TranslationCoverage? {
        guard let translation = storedTranslation.value else { return nil }
        return translation.topics[topicID] ?? TranslationCoverage.none
    }

    /// The search index over entries and cases, built (or read from the cache) on first
    /// use: most runs never search, and building it is a large part of start-up.
    public var index: SearchIndex { searchIndex.value }

    public static let empty = ContentLibrary(knowledge: .empty)

    public func scenario(_ id: String) -> Scenario? {
        scenarios.first { $0.id == id }
    }

    /// Reads the knowledge folder, then the scenarios folder (checked against the
    /// knowledge). Problems inside files are diagnostics; a folder that cannot be opened
    /// is an error. No scenarios folder is allowed: the knowledge base works alone.
    ///
    /// With a `language` other than English, each case and topic is shown through its
    /// translation into it (`NAME.es.yaml` beside `NAME.yaml`; see `TranslatedContent`).
    public static func load(knowledgeDirectory: String, scenarioDirectory: String?,
                            language: String? = nil) throws(ContentAccessError) -> ContentLibrary {
        let knowledge = try KnowledgeLoader.load(directory: knowledgeDirectory)
        let scenarios = try scenarioDirectory.map { directory throws(ContentAccessError) in
            try ScenarioLoader.load(directory: directory, knowledge: knowledge.base)
        }
        let diagnostics = knowledge.diagnostics + (scenarios?.diagnostics ?? [])
        guard let language, TranslatedContent.isTranslation(language) else {
            return ContentLibrary(knowledge: knowledge.base, scenarios: scenarios?.scenarios ?? [], diagnostics: diagnostics)
        }
        var translations = TranslationFiles.read(try ContentFiles.list(directory: knowledgeDirectory), language: language, kind: .knowledge)
        if let scenarioDirectory {
            translations += TranslationFiles.read(try ContentFiles.list([scenarioDirectory]), language: language, kind: .scenario)
        }
        let applied = TranslatedContent.apply(language: language, knowledge: knowledge.base, scenarios: scenarios?.scenarios ?? [],
                                              translations: translations)
        let base = applied.knowledge, cases = applied.scenarios
        return ContentLibrary(knowledge: Lazy(value: base), scenarios: Lazy(value: cases), diagnostics: diagnostics,
                              language: language, translation: Lazy(value: applied.translation)) {
            SearchIndex(knowledge: base, extra: cases.map(SearchDocument.init(scenario:)), language: language)
        }
    }
}

extension SearchDocument {
    /// A case, found by its title, summary and the text of its moments.
    public init(scenario: Scenario) {
        let body = scenario.nodes.flatMap { node in [node.text, node.prompt ?? ""] + node.choices.map(\.text) }
        self.init(
            id: scenario.id, title: scenario.title, kind: .scenario, summary: scenario.summary,
            fields: [
                .id: scenario.id, .title: scenario.title, .summary: scenario.summary,
                .tags: scenario.contentWarnings.joined(separator: " "),
                .body: body.filter { !$0.isEmpty }.joined(separator: "\n"),
            ])
    }
}
