import Synchronization

/// Built once, on first use, from any thread.
private final class LazyIndex: Sendable {
    private let storage = Mutex<SearchIndex?>(nil)

    func value(_ build: () -> SearchIndex) -> SearchIndex {
        storage.withLock { stored in
            if let stored { return stored }
            let built = build()
            stored = built
            return built
        }
    }
}

/// Everything Attune teaches from, loaded and indexed: the knowledge base, the scenarios,
/// one search index over both, and every problem found while loading.
public struct ContentLibrary: Sendable {
    public let knowledge: KnowledgeBase
    public let scenarios: [Scenario]
    public let diagnostics: [Diagnostic]
    private let searchIndex: LazyIndex

    public init(knowledge: KnowledgeBase, scenarios: [Scenario] = [], diagnostics: [Diagnostic] = []) {
        self.knowledge = knowledge
        self.scenarios = scenarios
        self.diagnostics = diagnostics
        self.searchIndex = LazyIndex()
    }

    /// The search index over entries and cases, built on first use: most runs never search,
    /// and building it is a large part of start-up.
    public var index: SearchIndex {
        searchIndex.value { SearchIndex(knowledge: knowledge, extra: scenarios.map(SearchDocument.init(scenario:))) }
    }

    public static let empty = ContentLibrary(knowledge: .empty)

    public func scenario(_ id: String) -> Scenario? {
        scenarios.first { $0.id == id }
    }

    /// Reads the knowledge folder, then the scenarios folder (checked against the
    /// knowledge). Problems inside files are diagnostics; a folder that cannot be opened
    /// is an error. No scenarios folder is allowed: the knowledge base works alone.
    public static func load(knowledgeDirectory: String, scenarioDirectory: String?) throws(ContentAccessError) -> ContentLibrary {
        let knowledge = try KnowledgeLoader.load(directory: knowledgeDirectory)
        guard let scenarioDirectory else {
            return ContentLibrary(knowledge: knowledge.base, diagnostics: knowledge.diagnostics)
        }
        let scenarios = try ScenarioLoader.load(directory: scenarioDirectory, knowledge: knowledge.base)
        return ContentLibrary(
            knowledge: knowledge.base, scenarios: scenarios.scenarios,
            diagnostics: knowledge.diagnostics + scenarios.diagnostics)
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
