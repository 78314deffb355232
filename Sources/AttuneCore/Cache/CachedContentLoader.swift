import Foundation
import Synchronization

extension ContentLibrary {
    /// `load(knowledgeDirectory:scenarioDirectory:)` through the content cache: the same
    /// library and the same findings, read from snapshots where every file's key still
    /// matches, and from the YAML where anything differs. Without a cache, the YAML.
    public static func load(knowledgeDirectory: String, scenarioDirectory: String?,
                            cache: ContentCache?) throws(ContentAccessError) -> ContentLibrary {
        guard let cache else { return try load(knowledgeDirectory: knowledgeDirectory, scenarioDirectory: scenarioDirectory) }
        return try CachedContentLoader(cache: cache).load(knowledgeDirectory: knowledgeDirectory, scenarioDirectory: scenarioDirectory)
    }
}

/// The files of one content folder as read for the cache: entries that could not be read
/// are findings, the rest are bytes with their keys.
struct FolderRead: Sendable {
    var failures: [Diagnostic] = []
    var files: [ContentFileBytes] = []
    var keys: [ContentFileKey] = []

    init(_ listing: ContentListing) {
        failures = listing.diagnostics
        for path in listing.files {
            switch ContentFiles.readBytes(path) {
            case let .success(file):
                files.append(file)
                keys.append(ContentFileKey(file))
            case let .failure(diagnostic): failures.append(diagnostic)
            }
        }
    }

    /// A lookup of each file's text, for the excerpts of cross-check findings: a file is
    /// decoded once, on its first finding.
    func sources() -> (String) -> SourceText? {
        var decoded: [String: SourceText?] = [:]
        return { path in
            if let known = decoded[path] { return known }
            let source = files.first(where: { $0.path == path }).flatMap { try? ContentFiles.decode($0.bytes, path: path).get() }
            decoded[path] = source
            return source
        }
    }
}

/// What one load through the cache took from the snapshots and what it read from the
/// YAML, so that tests judge the cache by what it did rather than by time. Entries, cases
/// and the index of a warm start are counted when first used.
final class CacheReport: Sendable {
    struct Counts: Equatable, Sendable {
        /// The whole library's findings came from its snapshot.
        var library = false
        /// Content files taken from their snapshots, and content files parsed from the YAML.
        var fromSnapshots = 0
        var parsed = 0
        /// The search index: from its snapshot (true), built (false), not used yet (nil).
        var index: Bool?
    }

    private let counts = Mutex(Counts())
    var value: Counts { counts.withLock { $0 } }
    func note(_ change: (inout Counts) -> Void) { counts.withLock { change(&$0) } }
}

/// Loading through the cache. See `ContentCache` for the files and their guarantees.
struct CachedContentLoader: Sendable {
    let cache: ContentCache
    var report: CacheReport?

    init(cache: ContentCache, report: CacheReport? = nil) {
        self.cache = cache
        self.report = report
    }

    func load(knowledgeDirectory: String, scenarioDirectory: String?) throws(ContentAccessError) -> ContentLibrary {
        cache.noteUse()
        let knowledgeRead = FolderRead(try ContentFiles.list(directory: knowledgeDirectory))
        let scenarioRead = try scenarioDirectory.map { path throws(ContentAccessError) in FolderRead(try ContentFiles.list([path])) }
        let folders = ContentDigest.of([Self.absolute(knowledgeDirectory), knowledgeDirectory,
                                        scenarioDirectory.map(Self.absolute) ?? "", scenarioDirectory ?? ""])
        let libraryKey = key(folders: folders, knowledge: knowledgeRead, scenarios: scenarioRead)
        let complete = knowledgeRead.failures.isEmpty && (scenarioRead?.failures.isEmpty ?? true)
        let index = indexLoader(name: cache.snapshotName("index-\(folders)"), libraryKey: libraryKey)

        // Nothing changed since the last run: the findings from the library snapshot, the
        // rest when first used.
        if complete, let snapshot = decode(LibrarySnapshot.self, cache.read(cache.snapshotName("library-\(folders)"))),
           snapshot.format == CacheFormat.version, snapshot.attune == cache.version, snapshot.libraryKey == libraryKey {
            report?.note { $0.library = true }
            let knowledge = Lazy { knowledgeResult(knowledgeRead).base }
            let digest = snapshot.knowledgeDigest
            let scenarios = Lazy { [self] in
                scenarioRead.map { scenarioResult($0, knowledge: knowledge.value, digest: digest).scenarios } ?? []
            }
            // The index snapshot needs neither the entries nor the cases; only a rebuild does.
            return ContentLibrary(knowledge: knowledge, scenarios: scenarios, diagnostics: snapshot.diagnostics) {
                index({ knowledge.value }, { scenarios.value })
            }
        }

        let knowledge = knowledgeResult(knowledgeRead)
        let digest = Self.digest(of: knowledge.base)
        let scenarios = scenarioRead.map { scenarioResult($0, knowledge: knowledge.base, digest: digest) }
        let diagnostics = knowledge.diagnostics + (scenarios?.diagnostics ?? [])
        if complete {
            let snapshot = LibrarySnapshot(format: CacheFormat.version, attune: cache.version, libraryKey: libraryKey,
                                           knowledgeDigest: digest, diagnostics: diagnostics)
            cache.writeLater(cache.snapshotName("library-\(folders)")) { encode(snapshot) }
        }
        let base = knowledge.base, cases = scenarios?.scenarios ?? []
        return ContentLibrary(knowledge: Lazy(value: base), scenarios: Lazy(value: cases), diagnostics: diagnostics) {
            index({ base }, { cases })
        }
    }

    // MARK: Folders, file by file

    /// The knowledge folder: each file from its snapshot when its key matches, else from
    /// the YAML (and its snapshot written); then the files checked against each other.
    func knowledgeResult(_ read: FolderRead) -> KnowledgeLoadResult {
        var failures = read.failures
        var files: [KnowledgeFileResult] = []
        for (file, key) in zip(read.files, read.keys) {
            let name = fileName(kind: "knowledge", key)
            if let snapshot = decode(KnowledgeFileSnapshot.self, cache.read(name), file: key.path), snapshot.format == CacheFormat.version,
               snapshot.attune == cache.version, snapshot.key == key, snapshot.result.path == key.path {
                files.append(snapshot.result)
                report?.note { $0.fromSnapshots += 1 }
                continue
            }
            report?.note { $0.parsed += 1 }
            switch ContentFiles.decode(file.bytes, path: file.path) {
            case let .failure(diagnostic): failures.append(diagnostic)
            case let .success(source):
                let result = KnowledgeLoader.parseFile(source)
                files.append(result)
                let snapshot = KnowledgeFileSnapshot(format: CacheFormat.version, attune: cache.version, key: key, result: result)
                cache.writeLater(name) { encode(snapshot, file: key.path) }
            }
        }
        var result = KnowledgeLoader.assemble(files, source: read.sources())
        result.diagnostics = (failures + result.diagnostics).limitedPerFile()
        return result
    }

    /// The scenarios folder, as `knowledgeResult`; a file's snapshot also needs the same
    /// knowledge ids, since its findings depend on them.
    func scenarioResult(_ read: FolderRead, knowledge: KnowledgeBase, digest: String) -> ScenarioLoadResult {
        var failures = read.failures
        var files: [ScenarioFileResult] = []
        for (file, key) in zip(read.files, read.keys) {
            let name = fileName(kind: "scenario", key)
            if let snapshot = decode(ScenarioFileSnapshot.self, cache.read(name), file: key.path), snapshot.format == CacheFormat.version,
               snapshot.attune == cache.version, snapshot.key == key, snapshot.knowledgeDigest == digest,
               snapshot.result.path == key.path {
                files.append(snapshot.result)
                report?.note { $0.fromSnapshots += 1 }
                continue
            }
            report?.note { $0.parsed += 1 }
            switch ContentFiles.decode(file.bytes, path: file.path) {
            case let .failure(diagnostic): failures.append(diagnostic)
            case let .success(source):
                let result = ScenarioLoader.parseFile(source, knowledge: knowledge)
                files.append(result)
                let snapshot = ScenarioFileSnapshot(format: CacheFormat.version, attune: cache.version, key: key,
                                                    knowledgeDigest: digest, result: result)
                cache.writeLater(name) { encode(snapshot, file: key.path) }
            }
        }
        var result = ScenarioLoader.assemble(files, source: read.sources())
        result.diagnostics = (failures + result.diagnostics).limitedPerFile()
        return result
    }

    /// The search index: from its snapshot when it was made for this library, else built
    /// and its snapshot written.
    func indexLoader(name: String, libraryKey: String)
        -> @Sendable (_ knowledge: () -> KnowledgeBase, _ scenarios: () -> [Scenario]) -> SearchIndex {
        { [self] knowledge, scenarios in
            if let snapshot = decode(SearchIndexSnapshot.self, cache.read(name)), snapshot.format == CacheFormat.version,
               snapshot.attune == cache.version, snapshot.libraryKey == libraryKey, snapshot.storage.isConsistent {
                report?.note { $0.index = true }
                return SearchIndex(storage: snapshot.storage)
            }
            report?.note { $0.index = false }
            let index = SearchIndex(knowledge: knowledge(), extra: scenarios().map(SearchDocument.init(scenario:)))
            let snapshot = SearchIndexSnapshot(format: CacheFormat.version, attune: cache.version, libraryKey: libraryKey,
                                               storage: index.storage)
            cache.writeLater(name) { encode(snapshot) }
            return index
        }
    }

    // MARK: Keys and names

    /// Everything the library depends on: the format, the version, the folders, and every
    /// file's key in order (knowledge, then scenarios, which a marker keeps apart).
    private func key(folders: String, knowledge: FolderRead, scenarios: FolderRead?) -> String {
        var parts = ["\(CacheFormat.version)", cache.version, folders]
        for (marker, read) in [("knowledge", knowledge), ("scenarios", scenarios)] {
            guard let read else { continue }
            parts.append(marker)
            for key in read.keys { parts += [key.path, "\(key.size)", "\(key.modified)", key.digest] }
        }
        return ContentDigest.of(parts)
    }

    /// One file's snapshot is named by what it stands for (its kind and path) and by the
    /// build, so an edited file's new snapshot replaces the old one of the same build, and
    /// another build's stays beside it.
    private func fileName(kind: String, _ key: ContentFileKey) -> String {
        cache.snapshotName("file-\(ContentDigest.of([kind, Self.absolute(key.path), key.path]))")
    }

    /// The knowledge ids a scenario's findings depend on.
    static func digest(of knowledge: KnowledgeBase) -> String {
        ContentDigest.of(knowledge.ids)
    }

    static func absolute(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

// MARK: Encoding

/// JSON through Foundation's Codable: measured against a binary property list, it decoded
/// about twice as fast on Linux (README, "The content cache").
private func encode(_ value: some Encodable, file: String? = nil) -> [UInt8]? {
    let encoder = JSONEncoder()
    if let file { encoder.userInfo[.contentFile] = file }
    return (try? encoder.encode(value)).map { [UInt8]($0) }
}

/// A snapshot, or nil for a missing, damaged, cut-short or foreign file.
private func decode<T: Decodable>(_ type: T.Type, _ bytes: [UInt8]?, file: String? = nil) -> T? {
    guard let bytes else { return nil }
    let decoder = JSONDecoder()
    if let file { decoder.userInfo[.contentFile] = file }
    return try? decoder.decode(type, from: Data(bytes))
}
