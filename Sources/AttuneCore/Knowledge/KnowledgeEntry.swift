/// One entry of the knowledge base: a condition, tenet, program model, concept...
public struct KnowledgeEntry: Sendable, Hashable, Identifiable, Codable {
    public struct Fact: Sendable, Hashable, Codable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public var id: String
    public var topic: String
    public var title: String
    public var kind: String
    public var summary: String
    public var body: String
    /// A key/value table in file order (program models use it for ages, delivery, staff...).
    public var facts: [Fact]
    public var sources: [String]
    /// Related entry ids, with where each was written so a dangling one can be located.
    public var see: [Located<String>]
    public var tags: [String]
    /// Where the entry's `id` is written.
    public var location: SourceLocation

    public init(
        id: String, topic: String, title: String, kind: String, summary: String, body: String,
        facts: [Fact] = [], sources: [String], see: [Located<String>] = [], tags: [String] = [],
        location: SourceLocation
    ) {
        self.id = id
        self.topic = topic
        self.title = title
        self.kind = kind
        self.summary = summary
        self.body = body
        self.facts = facts
        self.sources = sources
        self.see = see
        self.tags = tags
        self.location = location
    }
}

/// A topic file: a titled group of entries.
public struct KnowledgeTopic: Sendable, Hashable, Identifiable, Codable {
    public var id: String
    public var title: String
    public var summary: String
    /// Entry ids in file order.
    public var entryIDs: [String]
    public var file: String

    public init(id: String, title: String, summary: String, entryIDs: [String], file: String) {
        self.id = id
        self.title = title
        self.summary = summary
        self.entryIDs = entryIDs
        self.file = file
    }
}

/// The loaded knowledge base: topics in file order and entries by id.
public struct KnowledgeBase: Sendable {
    public private(set) var topics: [KnowledgeTopic]
    private var entriesByID: [String: KnowledgeEntry]

    public init(topics: [KnowledgeTopic] = [], entries: [KnowledgeEntry] = []) {
        self.topics = topics
        self.entriesByID = Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public static let empty = KnowledgeBase()

    public subscript(id: String) -> KnowledgeEntry? { entriesByID[id] }

    public func contains(_ id: String) -> Bool { entriesByID[id] != nil }

    /// Every entry, topic by topic in file order.
    public var entries: [KnowledgeEntry] {
        topics.flatMap { $0.entryIDs.compactMap { entriesByID[$0] } }
    }

    /// All entry ids, sorted, for completion and suggestions.
    public var ids: [String] { entriesByID.keys.sorted() }

    public var count: Int { entriesByID.count }
}
