/// What the content cache writes, one Codable value per cache file, encoded as JSON (see
/// README, "The content cache", for why JSON). Every snapshot names the cache format and
/// the Attune version that wrote it; a snapshot from any other is not used.
enum CacheFormat {
    /// Raise whenever a snapshot type or anything inside it changes shape or meaning.
    static let version = 4
}

/// One knowledge topic file, read and checked on its own.
struct KnowledgeFileSnapshot: Codable, Sendable {
    var format: Int
    var attune: String
    var key: ContentFileKey
    var result: KnowledgeFileResult
}

/// One scenario file, read and checked against the knowledge ids whose digest it names.
struct ScenarioFileSnapshot: Codable, Sendable {
    var format: Int
    var attune: String
    var key: ContentFileKey
    var knowledgeDigest: String
    var result: ScenarioFileResult
}

/// A whole library's outcome: the keys of every file it was read from and every finding.
/// The entries and cases themselves are in the per-file snapshots, read when first needed.
struct LibrarySnapshot: Codable, Sendable {
    var format: Int
    var attune: String
    /// A digest of every file's key, the folders and the version: equal keys, equal library.
    var libraryKey: String
    var knowledgeDigest: String
    var diagnostics: [Diagnostic]
}

/// One translation file, read on its own (see Translation/).
struct TranslationFileSnapshot: Codable, Sendable {
    var format: Int
    var attune: String
    var key: ContentFileKey
    var file: TranslationFile
}

/// The search index over a library, valid for the library with the same key.
struct SearchIndexSnapshot: Codable, Sendable {
    var format: Int
    var attune: String
    var libraryKey: String
    var storage: SearchIndex.Storage
}
