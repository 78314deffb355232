import Foundation
import Testing
@testable import AttuneCore

#if canImport(Glibc)
import Glibc
#endif

/// The content cache: a warm start gives exactly what reading the YAML gives, and every way
/// a cache can be wrong (stale, damaged, another version, unwritable) falls back to the YAML.
@Suite("Content cache", .serialized)
struct ContentCacheTests {
    /// A copy of the bundled content in a scratch folder, with a cache folder beside it.
    struct Workspace {
        let root: URL
        var knowledge: String { root.appendingPathComponent("Knowledge").path }
        var scenarios: String { root.appendingPathComponent("Scenarios").path }
        var cacheFolder: String { root.appendingPathComponent("cache/attune").path }

        init() throws {
            root = try hostileScratch()
            let bundled = URL(fileURLWithPath: bundledKnowledge).deletingLastPathComponent()
            for folder in ["Knowledge", "Scenarios"] {
                try FileManager.default.copyItem(at: bundled.appendingPathComponent(folder),
                                                 to: root.appendingPathComponent(folder))
            }
        }

        func cache(version: String = AttuneVersion.current) -> ContentCache {
            ContentCache(directory: cacheFolder, version: version)
        }

        /// Loads through `cache` (nil: the YAML alone) and waits for the cache files it writes.
        func load(_ cache: ContentCache?) throws -> ContentLibrary {
            let library = try ContentLibrary.load(knowledgeDirectory: knowledge, scenarioDirectory: scenarios, cache: cache)
            ContentCache.waitForWrites()
            return library
        }

        func cacheFiles() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: cacheFolder)) ?? []).sorted()
        }
    }

    /// Everything a learner or an author can see of a library, search included.
    static func same(_ lhs: ContentLibrary, _ rhs: ContentLibrary, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(lhs.diagnostics == rhs.diagnostics, sourceLocation: sourceLocation)
        #expect(lhs.knowledge.topics == rhs.knowledge.topics, sourceLocation: sourceLocation)
        #expect(lhs.knowledge.entries == rhs.knowledge.entries, sourceLocation: sourceLocation)
        #expect(lhs.scenarios == rhs.scenarios, sourceLocation: sourceLocation)
        for query in ["cortisol", "disorganized attachment", "trauma", "maya", "home visiting", "tenet.4", "xylophone"] {
            #expect(lhs.index.search(query) == rhs.index.search(query), "search '\(query)'", sourceLocation: sourceLocation)
        }
    }

    @Test("the bundled content: no cache, a cold cache and a warm cache give the same entries, cases, findings and searches")
    func bundledContentIsTheSame() throws {
        let space = try Workspace()
        let plain = try space.load(nil)
        let cold = try space.load(space.cache())
        #expect(space.cacheFiles().contains { $0.hasPrefix("library-") })
        #expect(space.cacheFiles().filter { $0.hasPrefix("file-") }.count == 25)
        Self.same(plain, cold)
        ContentCache.waitForWrites()
        #expect(space.cacheFiles().contains { $0.hasPrefix("index-") }, "the first search writes the index")
        let warm = try space.load(space.cache())
        Self.same(plain, warm)
        Self.same(plain, try space.load(space.cache()))
        #expect(plain.knowledge.count > 100 && plain.scenarios.count >= 10)
    }

    @Test("the broken-file fixtures give identical findings with and without a cache, as scenarios and as knowledge")
    func hostileFixturesGiveTheSameFindings() throws {
        // Each fixture goes where an author would put it: topics among the bundled
        // knowledge, everything else among the cases.
        let space = try Workspace()
        defer { try? FileManager.default.removeItem(at: space.root) }
        for name in try FileManager.default.contentsOfDirectory(atPath: space.scenarios) {
            try FileManager.default.removeItem(atPath: space.scenarios + "/" + name)
        }
        for name in HostileFixture.names {
            let bytes = try HostileFixture.load(name).bytes
            let isTopic = Linter.kind(of: SourceText(path: name, text: String(decoding: bytes, as: UTF8.self))) == .knowledge
            try Data(bytes).write(to: URL(fileURLWithPath: (isTopic ? space.knowledge : space.scenarios) + "/" + name))
        }
        let plain = try space.load(nil)
        #expect(plain.diagnostics.count > 50)
        let cold = try space.load(space.cache())
        let warm = try space.load(space.cache())
        #expect(cold.diagnostics == plain.diagnostics)
        #expect(warm.diagnostics == plain.diagnostics)
        #expect(warm.scenarios == plain.scenarios)
        #expect(warm.knowledge.entries == plain.knowledge.entries)
    }

    @Test("a warm start uses the snapshots; another Attune version, a damaged or cut-short file are not used")
    func foreignOrDamagedSnapshotsAreNotUsed() throws {
        let space = try Workspace()
        let plain = try space.load(nil)
        _ = try space.load(space.cache())
        // Doctor one knowledge file's snapshot, keeping its key and its form (a one-line
        // sed edit): the seal no longer matches, so the YAML is read and the real title shown.
        let names = space.cacheFiles().filter { $0.hasPrefix("file-") }
        var doctored: [String] = []
        for name in names {
            let path = space.cacheFolder + "/" + name
            let text = try String(contentsOfFile: path, encoding: .utf8)
            guard text.contains("\"id\":\"tenet.4\""), text.contains("\"title\":\"Ghosts in the nursery\"") else { continue }
            try text.replacingOccurrences(of: "\"title\":\"Ghosts in the nursery\"", with: "\"title\":\"Doctored title\"")
                .write(toFile: path, atomically: true, encoding: .utf8)
            doctored.append(path)
        }
        #expect(doctored.count == 1, "one topic file's snapshot holds tenet.4 (another entry has the same title)")
        let doctoredPath = try #require(doctored.first)
        let doctoredBytes = try Data(contentsOf: URL(fileURLWithPath: doctoredPath))
        #expect(try space.load(space.cache()).knowledge["tenet.4"]?.title == "Ghosts in the nursery")
        // The refused snapshot was made again from the YAML, sealed (entries are decoded when
        // first used, so that write follows the title's lookup).
        ContentCache.waitForWrites()
        #expect(try Data(contentsOf: URL(fileURLWithPath: doctoredPath)) != doctoredBytes)

        // The seal is the only reason: the same doctored body sealed with the cache's key is
        // shown, so a warm start really reads the snapshots.
        let key = try #require(space.cache().sealKey(creating: false))
        let body = Array(doctoredBytes.drop { $0 != UInt8(ascii: "\n") }.dropFirst())
        try Data(ContentCache.seal(body, key: key)).write(to: URL(fileURLWithPath: doctoredPath))
        #expect(try space.load(space.cache()).knowledge["tenet.4"]?.title == "Doctored title")
        // Sealed with another key, or with the seal line removed: refused.
        let otherKey = try #require(ContentCache(directory: space.root.appendingPathComponent("other-cache").path).sealKey(creating: true))
        try Data(ContentCache.seal(body, key: otherKey)).write(to: URL(fileURLWithPath: doctoredPath))
        #expect(try space.load(space.cache()).knowledge["tenet.4"]?.title == "Ghosts in the nursery")
        ContentCache.waitForWrites()
        try Data(body).write(to: URL(fileURLWithPath: doctoredPath))
        #expect(try space.load(space.cache()).knowledge["tenet.4"]?.title == "Ghosts in the nursery")
        ContentCache.waitForWrites()
        try Data(ContentCache.seal(body, key: key)).write(to: URL(fileURLWithPath: doctoredPath))
        #expect(try space.load(space.cache()).knowledge["tenet.4"]?.title == "Doctored title")

        // The same file writable by others, or owned by another user, is not trusted: the
        // YAML is read and a private snapshot replaces it.
        let doctoredText = try String(contentsOfFile: doctoredPath, encoding: .utf8)
        #expect(chmod(doctoredPath, 0o666) == 0)
        #expect(try space.load(space.cache()).knowledge["tenet.4"]?.title == "Ghosts in the nursery")
        ContentCache.waitForWrites()
        var info = stat()
        #expect(stat(doctoredPath, &info) == 0 && info.st_mode & 0o777 == 0o600)
        if geteuid() == 0 {
            try doctoredText.write(toFile: doctoredPath, atomically: false, encoding: .utf8)
            #expect(chown(doctoredPath, 65534, 65534) == 0)
            #expect(try space.load(space.cache()).knowledge["tenet.4"]?.title == "Ghosts in the nursery")
            ContentCache.waitForWrites()
        }
        try doctoredText.write(toFile: doctoredPath, atomically: false, encoding: .utf8)

        // Another version: the YAML is read again, and its snapshots replace the old ones.
        let other = try space.load(space.cache(version: "another"))
        #expect(other.knowledge["tenet.4"]?.title == "Ghosts in the nursery")
        Self.same(plain, other)
        #expect(try String(contentsOfFile: doctoredPath, encoding: .utf8).contains("\"attune\":\"another\""))

        // Every cache file cut short, then every one replaced by noise.
        for damage in [{ (bytes: Data) in bytes.prefix(bytes.count / 2) }, { _ in Data("\u{0}garbage{".utf8) }] {
            for name in space.cacheFiles() {
                let path = space.cacheFolder + "/" + name
                try damage(try Data(contentsOf: URL(fileURLWithPath: path))).write(to: URL(fileURLWithPath: path))
            }
            Self.same(plain, try space.load(space.cache(version: "another")))
        }
    }

    @Test("a case's assumes: comes back from the cache; a snapshot of the format before assumes: (1) is not used")
    func assumptionsAndTheFormatBefore() throws {
        let space = try Workspace()
        defer { try? FileManager.default.removeItem(at: space.root) }
        try ScenarioScaffold.text(id: "ana-visit")
            .replacingOccurrences(of: "        say: You met the baby first.\n",
                                  with: "        say: You met the baby first.\n        assumes: chose(arrival.notice-baby)\n")
            .write(toFile: space.scenarios + "/ana-visit.yaml", atomically: true, encoding: .utf8)
        func assumes(_ library: ContentLibrary) -> String? {
            library.scenarios.first { $0.id == "ana-visit" }?.node("hopeful-ending")?.debrief.first?.assumes?.text
        }
        let plain = try space.load(nil)
        #expect(assumes(plain) == "chose(arrival.notice-baby)")
        _ = try space.load(space.cache())
        let warm = try space.load(space.cache())
        Self.same(plain, warm)
        #expect(assumes(warm) == "chose(arrival.notice-baby)")

        // The case's snapshot as Attune wrote it before 'assumes:' existed: the same, without it.
        let name = try #require(space.cacheFiles().first { name in
            name.hasPrefix("file-") && (try? String(contentsOfFile: space.cacheFolder + "/" + name, encoding: .utf8))?.contains("ana-visit") == true
        })
        let path = URL(fileURLWithPath: space.cacheFolder + "/" + name)
        func withoutAssumptions(_ value: Any) -> Any {
            if let object = value as? [String: Any] { return object.filter { $0.key != "assumes" }.mapValues(withoutAssumptions) }
            if let array = value as? [Any] { return array.map(withoutAssumptions) }
            return value
        }
        // Snapshots are sealed: the body is read and written back under the cache's own key.
        ContentCache.waitForWrites()
        let key = try #require(space.cache().sealKey(creating: false))
        func rewrite(format: Int) throws {
            let body = try #require(ContentCache.unseal(Array(try Data(contentsOf: path)), key: key))
            var object = try #require(withoutAssumptions(try JSONSerialization.jsonObject(with: Data(body))) as? [String: Any])
            object["format"] = format
            try Data(ContentCache.seal(Array(try JSONSerialization.data(withJSONObject: object)), key: key)).write(to: path)
        }
        // Marked with the current format, it is read, and the assumption is lost: what an old
        // snapshot would do if the format had not changed.
        try rewrite(format: CacheFormat.version)
        #expect(assumes(try space.load(space.cache())) == nil)
        // Marked with the format before, it is not used: the YAML is read again.
        try rewrite(format: 1)
        #expect(CacheFormat.version > 1)
        let fresh = try space.load(space.cache())
        #expect(assumes(fresh) == "chose(arrival.notice-baby)")
        Self.same(plain, fresh)
    }

    @Test("a search index snapshot whose columns do not fit together is rebuilt, not used")
    func inconsistentIndexIsRebuilt() throws {
        let space = try Workspace()
        let plain = try space.load(nil)
        _ = try space.load(space.cache()).index
        ContentCache.waitForWrites()
        let name = try #require(space.cacheFiles().first { $0.hasPrefix("index-") })
        let cache = space.cache()
        var snapshot = try JSONDecoder().decode(SearchIndexSnapshot.self, from: Data(try #require(cache.read(name))))
        snapshot.storage.postingDocuments = PackedIntegers(snapshot.storage.postingDocuments.values.map { $0 + 10_000 })
        #expect(cache.write(name, Array(try JSONEncoder().encode(snapshot))))
        Self.same(plain, try space.load(space.cache()))
    }

    @Test("a file changed in the same second with the same size is read again (the content hash is in the key)")
    func sameSecondSameSizeEditIsSeen() throws {
        let space = try Workspace()
        _ = try space.load(space.cache())
        let file = space.knowledge + "/tenets.yaml"
        var info = stat()
        #expect(stat(file, &info) == 0)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "Ghosts in the nursery", with: "Ghosts in the NURSERY")
        #expect(edited.utf8.count == text.utf8.count && edited != text)
        try edited.write(toFile: file, atomically: false, encoding: .utf8)
        var times = [info.st_atim, info.st_mtim]
        #expect(utimensat(AT_FDCWD, file, &times, 0) == 0)
        var after = stat()
        #expect(stat(file, &after) == 0 && after.st_mtim.tv_sec == info.st_mtim.tv_sec && after.st_mtim.tv_nsec == info.st_mtim.tv_nsec)
        let warm = try space.load(space.cache())
        #expect(warm.knowledge["tenet.4"]?.title == "Ghosts in the NURSERY")
        Self.same(try space.load(nil), warm)
    }

    @Test("an edited case is read again alone; a removed and an added file are seen; findings match the YAML")
    func editedRemovedAndAddedFiles() throws {
        let space = try Workspace()
        _ = try space.load(space.cache())
        func modified() -> [String: Date] {
            var result: [String: Date] = [:]
            for name in space.cacheFiles() where name.hasPrefix("file-") {
                let attributes = try? FileManager.default.attributesOfItem(atPath: space.cacheFolder + "/" + name)
                result[name] = attributes?[.modificationDate] as? Date
            }
            return result
        }
        let before = modified()
        Thread.sleep(forTimeInterval: 0.05)

        // Edit one case: a broken 'next' gives a finding and leaves the case out.
        let maya = space.scenarios + "/maya-quiet-visit.yaml"
        let text = try String(contentsOfFile: maya, encoding: .utf8)
        try text.replacingOccurrences(of: "start: fifth-visit", with: "start: sixth-visit").write(toFile: maya, atomically: true, encoding: .utf8)
        let edited = try space.load(space.cache())
        Self.same(try space.load(nil), edited)
        #expect(edited.diagnostics.contains { $0.location.file == maya })
        #expect(!edited.scenarios.contains { $0.id == "maya-quiet-visit" })
        let after = modified()
        let rewritten = after.filter { before[$0.key] != $0.value }
        #expect(rewritten.count == 1, "only the edited case's snapshot is written again")

        // Remove a knowledge file: its entries are gone, and the cases that named them say so.
        try FileManager.default.removeItem(atPath: space.knowledge + "/courses.yaml")
        let removed = try space.load(space.cache())
        Self.same(try space.load(nil), removed)

        // Add a case.
        let added = space.scenarios + "/maya-copy.yaml"
        try text.replacingOccurrences(of: "scenario: maya-quiet-visit", with: "scenario: maya-copy").write(toFile: added, atomically: true, encoding: .utf8)
        let withAdded = try space.load(space.cache())
        Self.same(try space.load(nil), withAdded)
        #expect(withAdded.scenarios.contains { $0.id == "maya-copy" })
    }

    @Test("a cache folder that cannot be written: the content loads the same, and nothing is said")
    func unwritableCacheFolder() throws {
        let space = try Workspace()
        let blocker = space.root.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: blocker)
        let cache = ContentCache(directory: blocker.path + "/attune")
        let plain = try space.load(nil)
        Self.same(plain, try space.load(cache))
        Self.same(plain, try space.load(cache))
        // A cache path that is a file, not a folder.
        Self.same(plain, try space.load(ContentCache(directory: blocker.path)))
    }

    @Test("cache files are private (0600 in a 0700 folder), whole (no temporary files left), and 'clear' removes them")
    func filesArePrivateAndWhole() throws {
        let space = try Workspace()
        _ = try space.load(space.cache()).index
        ContentCache.waitForWrites()
        var info = stat()
        #expect(stat(space.cacheFolder, &info) == 0 && info.st_mode & 0o777 == 0o700)
        let files = space.cacheFiles()
        #expect(!files.isEmpty && files.allSatisfy { $0.hasSuffix(".json") || $0 == ContentCache.sealKeyName })
        #expect(files.contains(ContentCache.sealKeyName))
        for name in files {
            #expect(stat(space.cacheFolder + "/" + name, &info) == 0 && info.st_mode & 0o777 == 0o600, "\(name)")
        }
        #expect(space.cache().status().files == files.count - 1)
        #expect(space.cache().clear() == files.count)
        #expect(space.cacheFiles().isEmpty)
    }

    @Test("'clear' on a cache folder that is a link removes nothing, in the folder it leads to or anywhere else")
    func clearDoesNotFollowALink() throws {
        let space = try Workspace()
        _ = try space.load(space.cache()).index
        ContentCache.waitForWrites()
        // The real cache moved aside, and a link in its place; and a folder of someone's
        // files, named like cache files, that a link could lead to.
        let elsewhere = space.root.appendingPathComponent("precious").path
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        for name in ["file-1.json", "index-2.json", "library-3.json", ContentCache.sealKeyName] {
            try Data("keep me".utf8).write(to: URL(fileURLWithPath: elsewhere + "/" + name))
        }
        try FileManager.default.removeItem(atPath: space.cacheFolder)
        try FileManager.default.createSymbolicLink(atPath: space.cacheFolder, withDestinationPath: elsewhere)
        #expect(space.cache().isLink)
        #expect(space.cache().clear() == 0)
        #expect(space.cache().status().files == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).count == 4)
        // Nor is it read or written through.
        Self.same(try space.load(nil), try space.load(space.cache()))
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).count == 4)
    }
}
