/// Everything Attune teaches from, loaded and indexed: the knowledge base and its search
/// index, plus every problem found while loading.
public struct ContentLibrary: Sendable {
    public var knowledge: KnowledgeBase
    public var index: SearchIndex
    public var diagnostics: [Diagnostic]

    public init(knowledge: KnowledgeBase, diagnostics: [Diagnostic] = []) {
        self.knowledge = knowledge
        self.index = SearchIndex(knowledge: knowledge)
        self.diagnostics = diagnostics
    }

    public static let empty = ContentLibrary(knowledge: .empty)

    /// Reads the knowledge folder. Problems inside files are diagnostics; a folder that
    /// cannot be opened is an error.
    public static func load(knowledgeDirectory: String) throws(ContentAccessError) -> ContentLibrary {
        let result = try KnowledgeLoader.load(directory: knowledgeDirectory)
        return ContentLibrary(knowledge: result.base, diagnostics: result.diagnostics)
    }
}
