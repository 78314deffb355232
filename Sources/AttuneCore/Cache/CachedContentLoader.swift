import Foundation
import Synchronization

extension ContentLibrary {
    /// `load(knowledgeDirectory:scenarioDirectory:)` through the content cache: the same
    /// library and the same findings, read from snapshots where every file's key still
    /// matches, and from the YAML where anything differs. Without a cache, the YAML.
    ///
    /// With a `language` other than English, its translations are applied (see
    /// `TranslatedContent`); the library's snapshot and its search index are kept per
    /// language, and keyed on the translation files too, so editing one is seen at once.
    public static func load(knowledgeDirectory: String, scenarioDirectory: String?,
                            cache: ContentCache?, language: String? = nil) throws(ContentAccessError) -> ContentLibrary {
        guard let cache else {
            return try load(knowledgeDirectory: knowledgeDirectory, scenarioDirectory: scenarioDirectory, language: language)
        }
        return try CachedContentLoader(cache: cache).load(knowledgeDirectory: knowledgeDirectory, scenarioDirectory: scenarioDirectory,
                                                          language: language)
    }
}

/// The files of one content folder as read for the cache: entries that could not be read
/// are findings, the rest are bytes with their keys.
struct FolderRead: Sendable {
    var failures: [Diagnostic] = []
    var files: [ContentFileBytes] = []
    var keys: [ContentFileKey] = []

    init(_ listing: ContentListing) {
        self.init(listing.files)
        failures = listing.diagnostics + failures
    }

    /// The files at `paths` (translations: a translation that cannot be read is a finding
    /// of lint's, and only keeps the content in English here).
    init(_ paths: [String]) {
        for path in paths {
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

    func load(knowledgeDirectory: String, scenarioDirectory: String?, language: String? = nil) throws(ContentAccessError) -> ContentLibrary {
        cache.noteUse()
        let knowledgeListing = try ContentFiles.list(directory: knowledgeDirectory)
        let scenarioListing = try scenarioDirectory.map { path throws(ContentAccessError) in try ContentFiles.list([path]) }
        let knowledgeRead = FolderRead(knowledgeListing)
        let scenarioRead = scenarioListing.map(FolderRead.init)
        // The translations shown, when the language is not English: read (and keyed) like
        // the content, so an edited translation is a different library.
        let translated = language.flatMap { TranslatedContent.isTranslation($0) ? $0 : nil }
        let translationRead = translated.map { language in
            (knowledge: FolderRead(TranslationFiles.paths(knowledgeListing, language: language)),
             scenarios: FolderRead(scenarioListing.map { TranslationFiles.paths($0, language: language) } ?? []))
        }
        let folders = ContentDigest.of([Self.absolute(knowledgeDirectory), knowledgeDirectory,
                                        scenarioDirectory.map(Self.absolute) ?? "", scenarioDirectory ?? ""])
        let libraryKey = key(folders: folders, knowledge: knowledgeRead, scenarios: scenarioRead, language: translated,
                             translations: translationRead.map { [$0.knowledge, $0.scenarios] } ?? [])
        let named = translated.map { "\(folders)-\($0)" } ?? folders
        let complete = knowledgeRead.failures.isEmpty && (scenarioRead?.failures.isEmpty ?? true)
        let index = indexLoader(name: cache.snapshotName("index-\(named)"), libraryKey: libraryKey, language: translated)

        // The English content, from snapshots and YAML; its findings from the library
        // snapshot when nothing changed since the last run.
        let knowledge: Lazy<KnowledgeBase>, scenarios: Lazy<[Scenario]>, diagnostics: [Diagnostic]
        if complete, let snapshot = decode(LibrarySnapshot.self, cache.read(cache.snapshotName("library-\(named)"))),
           snapshot.format == CacheFormat.version, snapshot.attune == cache.version, snapshot.libraryKey == libraryKey {
            report?.note { $0.library = true }
            let english = Lazy { knowledgeResult(knowledgeRead).base }
            let digest = snapshot.knowledgeDigest
            knowledge = english
            scenarios = Lazy { [self] in
                scenarioRead.map { scenarioResult($0, knowledge: english.value, digest: digest).scenarios } ?? []
            }
            diagnostics = snapshot.diagnostics
        } else {
            let read = knowledgeResult(knowledgeRead)
            let digest = Self.digest(of: read.base)
            let cases = scenarioRead.map { scenarioResult($0, knowledge: read.base, digest: digest) }
            diagnostics = read.diagnostics + (cases?.diagnostics ?? [])
            if complete {
                let snapshot = LibrarySnapshot(format: CacheFormat.version, attune: cache.version, libraryKey: libraryKey,
                                               knowledgeDigest: digest, diagnostics: diagnostics)
                cache.writeLater(cache.snapshotName("library-\(named)")) { encode(snapshot) }
            }
            knowledge = Lazy(value: read.base)
            scenarios = Lazy(value: cases?.scenarios ?? [])
        }
        guard let translated, let translationRead else {
            // The index snapshot needs neither the entries nor the cases; only a rebuild does.
            return ContentLibrary(knowledge: knowledge, scenarios: scenarios, diagnostics: diagnostics) {
                index({ knowledge.value }, { scenarios.value })
            }
        }
        let applied = Lazy { [self] in
            TranslatedContent.apply(language: translated, knowledge: knowledge.value, scenarios: scenarios.value,
                                    translations: translationFiles(translationRead.knowledge, kind: .knowledge)
                                        + translationFiles(translationRead.scenarios, kind: .scenario))
        }
        let shownKnowledge = Lazy { applied.value.knowledge }, shownScenarios = Lazy { applied.value.scenarios }
        return ContentLibrary(knowledge: shownKnowledge, scenarios: shownScenarios, diagnostics: diagnostics, language: translated,
                              translation: Lazy { applied.value.translation }) {
            index({ shownKnowledge.value }, { shownScenarios.value })
        }
    }

    /// Translation files, each from its snapshot when its key matches, else from the YAML.
    func translationFiles(_ read: FolderRead, kind: TranslationFile.Kind) -> [TranslationFile] {
        var files: [TranslationFile] = []
        for (file, key) in zip(read.files, read.keys) {
            let name = fileName(kind: "translation-\(kind.rawValue)", key)
            if let snapshot = decode(TranslationFileSnapshot.self, cache.read(name)), snapshot.format == CacheFormat.version,
               snapshot.attune == cache.version, snapshot.key == key, snapshot.file.path == key.path {
                files.append(snapshot.file)
                report?.note { $0.fromSnapshots += 1 }
                continue
            }
            report?.note { $0.parsed += 1 }
            guard case let .success(source) = ContentFiles.decode(file.bytes, path: file.path),
                  let parsed = TranslationParser.parse(source, kind: kind).file else { continue }
            files.append(parsed)
            let snapshot = TranslationFileSnapshot(format: CacheFormat.version, attune: cache.version, key: key, file: parsed)
            cache.writeLater(name) { encode(snapshot) }
        }
        return files
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
    func indexLoader(name: String, libraryKey: String, language: String? = nil)
        -> @Sendable (_ knowledge: () -> KnowledgeBase, _ scenarios: () -> [Scenario]) -> SearchIndex {
        { [self] knowledge, scenarios in
            if let snapshot = decode(SearchIndexSnapshot.self, cache.read(name)), snapshot.format == CacheFormat.version,
               snapshot.attune == cache.version, snapshot.libraryKey == libraryKey, snapshot.storage.isConsistent {
                report?.note { $0.index = true }
                return SearchIndex(storage: snapshot.storage)
            }
            report?.note { $0.index = false }
            let index = SearchIndex(knowledge: knowledge(), extra: scenarios().map(SearchDocument.init(scenario:)), language: language)
            let snapshot = SearchIndexSnapshot(format: CacheFormat.version, attune: cache.version, libraryKey: libraryKey,
                                               storage: index.storage)
            cache.writeLater(name) { encode(snapshot) }
            return index
        }
    }

    // MARK: Keys and names

    /// Everything the library depends on: the format, the version, the folders, and every
    /// file's key in order (knowledge, then scenarios, which a marker keeps apart).
    /// With a language, its name and its translation files' keys too.
    private func key(folders: String, knowledge: FolderRead, scenarios: FolderRead?, language: String? = nil,
                     translations: [FolderRead] = []) -> String {
        var parts = ["\(CacheFormat.version)", cache.version, folders]
        var reads: [(String, FolderRead?)] = [("knowledge", knowledge), ("scenarios", scenarios)]
        if let language {
            parts += ["language", language]
            reads += translations.map { ("translations", $0) }
        }
        for (marker, read) in reads {
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
