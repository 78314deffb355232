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

        /// Loads through `cache`, uses the entries, the cases and the search index, waits for
        /// the cache files, and says what came from the snapshots and what from the YAML.
        func counted(_ cache: ContentCache) throws -> CacheReport.Counts {
            let report = CacheReport()
            let library = try CachedContentLoader(cache: cache, report: report).load(knowledgeDirectory: knowledge,
                                                                                     scenarioDirectory: scenarios)
            #expect(library.knowledge.count > 100 && !library.scenarios.isEmpty && !library.index.search("cortisol").isEmpty)
            ContentCache.waitForWrites()
            return report.value
        }

        func cacheFiles() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: cacheFolder)) ?? []).sorted()
        }

        /// The builds (their tags) that have snapshots in the cache folder.
        func buildsKept() -> Set<String> {
            Set(cacheFiles().compactMap(CacheFileName.init).filter { $0.kind == .snapshot }.map(\.build))
        }
    }

    /// The bundled content's 25 files, each read from the YAML, and the index built.
    static let cold = CacheReport.Counts(library: false, fromSnapshots: 0, parsed: 25, index: false)
    /// The same, every one from its snapshot.
    static let warm = CacheReport.Counts(library: true, fromSnapshots: 25, parsed: 0, index: true)

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

        // Another version: the YAML is read again, and its snapshots sit beside this
        // version's, which are left as they were.
        let other = try space.load(space.cache(version: "another"))
        #expect(other.knowledge["tenet.4"]?.title == "Ghosts in the nursery")
        Self.same(plain, other)
        #expect(try String(contentsOfFile: doctoredPath, encoding: .utf8) == doctoredText)
        let otherPath = doctoredPath.replacingOccurrences(of: ".\(space.cache().build).json", with: ".\(space.cache(version: "another").build).json")
        #expect(otherPath != doctoredPath)
        #expect(try String(contentsOfFile: otherPath, encoding: .utf8).contains("\"attune\":\"another\""))
        #expect(try space.load(space.cache()).knowledge["tenet.4"]?.title == "Doctored title")

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
        let mark = ContentCache.markName(space.cache().build)
        #expect(!files.isEmpty && files.allSatisfy { $0.hasSuffix(".json") || $0 == ContentCache.sealKeyName || $0 == mark })
        #expect(files.contains(ContentCache.sealKeyName) && files.contains(mark))
        for name in files {
            #expect(stat(space.cacheFolder + "/" + name, &info) == 0 && info.st_mode & 0o777 == 0o600, "\(name)")
        }
        #expect(space.cache().status() == ContentCache.Status(files: files.count - 2, bytes: space.cache().status().bytes,
                                                              builds: 1, includesThisBuild: true))
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

    // MARK: Several builds in one folder

    @Test("two builds taking turns over one cache folder both start warm: each reads only its own snapshots")
    func twoBuildsTakingTurnsStayWarm() throws {
        let space = try Workspace()
        defer { try? FileManager.default.removeItem(at: space.root) }
        let installed = space.cache(version: "1.0 build 70090264-1"), fromSource = space.cache(version: "1.0 build 115000000-2")
        #expect(installed.build != fromSource.build)
        #expect(try space.counted(installed) == Self.cold)
        #expect(try space.counted(fromSource) == Self.cold)
        for round in 1...3 {
            #expect(try space.counted(installed) == Self.warm, "round \(round), the installed build")
            #expect(try space.counted(fromSource) == Self.warm, "round \(round), the build from the source")
        }
        #expect(space.buildsKept() == [installed.build, fromSource.build])
        let status = installed.status()
        #expect(status.builds == 2 && status.includesThisBuild && status.files == 2 * (25 + 2))
        #expect(space.cache(version: "a third").status().includesThisBuild == false)
        Self.same(try space.load(nil), try space.load(fromSource))
    }

    @Test("a build not started for 30 days loses its snapshots; a warm start the same day writes nothing")
    func unusedBuildsAreSweptAfterTheAgeLimit() throws {
        let space = try Workspace()
        defer { try? FileManager.default.removeItem(at: space.root) }
        #expect(ContentCache.unusedDays == 30)
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        func cache(_ version: String, day: Double) -> ContentCache {
            ContentCache(directory: space.cacheFolder, version: version, now: { start.addingTimeInterval(day * 86_400) })
        }
        #expect(try space.counted(cache("old", day: 0)) == Self.cold)
        #expect(try space.counted(cache("new", day: 10)) == Self.cold)
        #expect(space.buildsKept() == [cache("old", day: 0).build, cache("new", day: 0).build], "ten days: both kept")

        // The next day's first start renews the mark; a later start that day leaves it alone.
        let mark = space.cacheFolder + "/" + ContentCache.markName(cache("new", day: 0).build)
        func marked() throws -> Date? { try FileManager.default.attributesOfItem(atPath: mark)[.modificationDate] as? Date }
        #expect(try space.counted(cache("new", day: 31)) == Self.warm)
        #expect(try marked() == start.addingTimeInterval(31 * 86_400))
        #expect(space.buildsKept() == [cache("new", day: 0).build], "31 days after its last start, the old build's snapshots are gone")
        #expect(!space.cacheFiles().contains(ContentCache.markName(cache("old", day: 0).build)))
        #expect(try space.counted(cache("new", day: 31.9)) == Self.warm)
        #expect(try marked() == start.addingTimeInterval(31 * 86_400))

        // The old build, started again, reads the YAML and keeps its snapshots again.
        #expect(try space.counted(cache("old", day: 32)) == Self.cold)
        #expect(try space.counted(cache("old", day: 32)) == Self.warm)
        #expect(space.buildsKept().count == 2)
    }

    @Test("only the 3 builds started most recently keep their snapshots")
    func buildsBeyondTheCapAreSwept() throws {
        let space = try Workspace()
        defer { try? FileManager.default.removeItem(at: space.root) }
        #expect(ContentCache.keptBuilds == 3)
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        func cache(_ number: Int, day: Double) -> ContentCache {
            ContentCache(directory: space.cacheFolder, version: "build \(number)", now: { start.addingTimeInterval(day * 86_400) })
        }
        for number in 1...4 {
            #expect(try space.counted(cache(number, day: Double(number))) == Self.cold)
        }
        #expect(space.buildsKept() == Set((2...4).map { cache($0, day: 0).build }), "the first build, started longest ago, went")
        #expect(try space.counted(cache(2, day: 5)) == Self.warm)
        #expect(try space.counted(cache(1, day: 6)) == Self.cold)
        #expect(space.buildsKept() == Set([1, 2, 4].map { cache($0, day: 0).build }), "build 3 is now the one started longest ago")
        #expect(space.cacheFiles().filter { $0.hasPrefix("build-") }.count == 3)
        #expect(space.cacheFiles().filter { $0.hasSuffix(".json") }.count == 3 * (25 + 2))
    }

    @Test("'clear' removes every build's snapshots and marks, and nothing that is not the cache's")
    func clearRemovesEveryBuild() throws {
        let space = try Workspace()
        defer { try? FileManager.default.removeItem(at: space.root) }
        for version in ["one", "two"] { _ = try space.counted(space.cache(version: version)) }
        try Data("my own note".utf8).write(to: URL(fileURLWithPath: space.cacheFolder + "/notes.txt"))
        let files = space.cacheFiles()
        #expect(space.buildsKept().count == 2 && files.count == 2 * (25 + 2 + 1) + 2)
        #expect(space.cache(version: "one").clear() == files.count - 1)
        #expect(space.cacheFiles() == ["notes.txt"])
        #expect(space.cache(version: "two").status() == ContentCache.Status(files: 0, bytes: 0, builds: 0, includesThisBuild: false))
    }

    @Test("foreign, damaged and left-over files in the cache folder are ignored, never fatal; the sweep removes only the cache's own")
    func foreignAndDamagedFilesAreIgnored() throws {
        let space = try Workspace()
        defer { try? FileManager.default.removeItem(at: space.root) }
        let plain = try space.load(nil)
        #expect(try space.counted(space.cache()) == Self.cold)
        let folder = space.cacheFolder
        func put(_ name: String, _ text: String) throws { try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name)) }
        let library = try #require(space.cacheFiles().first { $0.hasPrefix("library-") })
        #expect(library.hasSuffix(".\(space.cache().build).json"))
        let precious = space.root.appendingPathComponent("precious.txt").path
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: precious))
        let stranger = "bbbbbbbbbbbb", garbled = "cccccccccccc"
        try put("notes.txt", "someone's note")                                      // not the cache's: kept
        try put("build-not-a-tag.used", "x")                                        // not the cache's: kept
        try FileManager.default.createDirectory(atPath: folder + "/file-0.\(stranger).json", withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: folder + "/library-1.\(stranger).json", withDestinationPath: precious)
        try FileManager.default.createSymbolicLink(atPath: folder + "/" + ContentCache.markName(stranger), withDestinationPath: precious)
        try put("index-2.json", "\u{0}garbage{")                                     // from before builds were told apart
        try put(ContentCache.markName(garbled), "\u{0}")                             // a damaged mark, still a recent file
        try put("file-3.\(garbled).json", "\u{0}garbage{")
        try put("file-4.\(space.cache().build).json.tmp-1-2", "cut short")           // a write cut short
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -2 * 86_400)],
                                              ofItemAtPath: folder + "/file-4.\(space.cache().build).json.tmp-1-2")
        // This build's own library snapshot, damaged.
        try put(library, "\u{0}garbage{")

        // This build reads the YAML for the findings, and the rest from its snapshots.
        #expect(try space.counted(space.cache()) == CacheReport.Counts(library: false, fromSnapshots: 25, parsed: 0, index: true))
        Self.same(plain, try space.load(space.cache()))
        // A new build's first start sweeps: the links and the old-style file go (not what the
        // links lead to), the folder named like a snapshot and the names not ours stay.
        let another = space.cache(version: "another")
        Self.same(plain, try space.load(another))
        let left = Set(space.cacheFiles())
        #expect(try String(contentsOfFile: precious, encoding: .utf8) == "keep me")
        for kept in ["notes.txt", "build-not-a-tag.used", "file-0.\(stranger).json", "file-3.\(garbled).json", ContentCache.markName(garbled)] {
            #expect(left.contains(kept), "\(kept)")
        }
        for gone in ["library-1.\(stranger).json", ContentCache.markName(stranger), "index-2.json",
                     "file-4.\(space.cache().build).json.tmp-1-2"] {
            #expect(!left.contains(gone), "\(gone)")
        }
        #expect(space.buildsKept() == [space.cache().build, another.build, garbled, stranger], "the folder counts as \(stranger)'s snapshot")
        #expect(try space.counted(space.cache()) == Self.warm)
        #expect(try space.counted(another) == Self.warm)
        #expect(space.cache().status().builds == 3, "a folder is not counted as a snapshot")
    }

    @Test("the cache's own names, read back: snapshots of a build, marks, temporary files; anything else is not ours")
    func cacheFileNames() {
        let tag = "0123456789ab"
        #expect(CacheFileName("file-\(String(repeating: "f", count: 64)).\(tag).json") == CacheFileName(kind: .snapshot, build: tag, isTemporary: false))
        #expect(CacheFileName("library-1.\(tag).json.tmp-12-34") == CacheFileName(kind: .snapshot, build: tag, isTemporary: true))
        #expect(CacheFileName("index-\(String(repeating: "0", count: 64)).json") == CacheFileName(kind: .snapshot, build: "", isTemporary: false))
        #expect(CacheFileName("build-\(tag).used") == CacheFileName(kind: .mark, build: tag, isTemporary: false))
        #expect(CacheFileName("build-\(tag).used.tmp-1-2") == CacheFileName(kind: .mark, build: tag, isTemporary: true))
        for foreign in ["seal.key", "seal.key.tmp-1-2", "notes.txt", "build-\(tag.uppercased()).used", "build-x.used", "file-1.txt",
                        "library-1.\(tag).json~", ".DS_Store", "" ] {
            #expect(CacheFileName(foreign) == nil, "\(foreign)")
        }
    }
}
