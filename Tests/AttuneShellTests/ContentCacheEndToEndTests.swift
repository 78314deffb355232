import AttuneCatalog
import AttuneCore
import Foundation
import Testing
@testable import AttuneShell

/// The content cache through the real binary: the same findings from `lint` and `reload`
/// with a cold cache, a warm one and none; `cache status` and `cache clear`; `--no-cache`;
/// and a cache folder that cannot be written, which changes nothing the learner sees.
@Suite("Content cache end to end", .serialized)
struct ContentCacheEndToEndTests {
    /// A scenarios folder holding the bundled cases and the small broken-file fixtures.
    static func brokenFolder() throws -> URL {
        let folder = try temporaryDirectory()
        let bundled = packageRoot.appendingPathComponent("Scenarios")
        for name in try FileManager.default.contentsOfDirectory(atPath: bundled.path) {
            try FileManager.default.copyItem(at: bundled.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let fixtures = packageRoot.appendingPathComponent("Tests/HostileContent")
        for name in try FileManager.default.contentsOfDirectory(atPath: fixtures.path) where name.hasSuffix(".yaml") {
            let data = try Data(contentsOf: fixtures.appendingPathComponent(name))
            // Templates that expand into large files are the core tests' business.
            guard data.count < 20_000, !String(decoding: data, as: UTF8.self).contains("{{") else { continue }
            try data.write(to: folder.appendingPathComponent(name))
        }
        return folder
    }

    @Test("lint and reload give the same findings with no cache, a cold cache and a warm one")
    func sameFindings() throws {
        let folder = try Self.brokenFolder()
        let data = try temporaryDirectory(), cacheHome = try temporaryDirectory()
        defer { for url in [folder, data, cacheHome] { try? FileManager.default.removeItem(at: url) } }
        // A private data folder, so the first run has no note of its own to make about it.
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: data.path)
        let cache = ["XDG_CACHE_HOME": cacheHome.path]
        let shell = ["--scenarios", folder.path, "--data-dir", data.path, "--color", "never"]

        let plain = try runAttune(shell + ["--no-cache"], input: "reload\nquit\n", environment: cache)
        #expect(plain.stderr.contains("[yaml-syntax]") && plain.stdout.contains("Reloaded:"))
        #expect(!FileManager.default.fileExists(atPath: cacheHome.appendingPathComponent("attune").path), "--no-cache writes nothing")
        let cold = try runAttune(shell, input: "reload\nquit\n", environment: cache)
        let warm = try runAttune(shell, input: "reload\nquit\n", environment: cache)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cacheHome.appendingPathComponent("attune").path).count > 20)
        for run in [cold, warm] {
            #expect(run.status == plain.status)
            #expect(run.stdout == plain.stdout)
            #expect(run.stderr == plain.stderr)
        }

        let lintPlain = try runAttune(["lint", "--no-cache", folder.path, "--color", "never"], environment: cache)
        #expect(lintPlain.status == 1 && lintPlain.stdout.contains("[yaml-syntax]"))
        for _ in 0..<2 {
            let lint = try runAttune(["lint", folder.path, "--color", "never"], environment: cache)
            #expect(lint.stdout == lintPlain.stdout && lint.stderr == lintPlain.stderr && lint.status == lintPlain.status)
        }
    }

    @Test("'cache status' says where the cache is and how large; 'cache clear' empties it; the next start fills it again")
    func statusAndClear() throws {
        let cacheHome = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: cacheHome) }
        let cache = ["XDG_CACHE_HOME": cacheHome.path]
        let folder = cacheHome.appendingPathComponent("attune").path

        let empty = try runAttune(["cache", "status"], environment: cache)
        #expect(empty.status == 0 && empty.stdout.contains("it is empty now"))
        #expect(try runAttune(["show", "tenet.4"], environment: cache).status == 0)
        let status = try runAttune(["cache", "status"], environment: cache)
        #expect(status.stdout.contains(folder) && status.stdout.contains("files,") && status.stdout.contains("for this copy of Attune."))

        let cleared = try runAttune(["cache", "clear"], environment: cache)
        #expect(cleared.status == 0 && cleared.stdout.contains("Removed the compiled content"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        let again = try runAttune(["cache", "clear"], environment: cache)
        #expect(again.stdout.contains("There was no compiled content to remove"))
        #expect(try runAttune(["search", "cortisol"], environment: cache).stdout.contains("toxic-stress.cortisol"))
        #expect(try !FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)

        // Each build of Attune keeps its own snapshots: the version in them names this build.
        let library = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasPrefix("library-") })
        let snapshot = try String(contentsOfFile: folder + "/" + library, encoding: .utf8)
        #expect(snapshot.contains(" build "))

        let nowhere = try runAttune(["cache", "status"], environment: ["XDG_CACHE_HOME": "relative", "HOME": "relative"])
        #expect(nowhere.status == 1 && nowhere.stderr.contains("there is no cache folder"))
    }

    @Test("a cache folder that cannot be written: the same answers, nothing said, status 0")
    func unwritableCache() throws {
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let blocker = scratch.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: blocker)
        let plain = try runAttune(["search", "cortisol", "--no-cache"])
        for home in [blocker.path, blocker.path + "/below"] {
            let run = try runAttune(["search", "cortisol"], environment: ["XDG_CACHE_HOME": home])
            #expect(run.status == 0 && run.stdout == plain.stdout && run.stderr.isEmpty)
        }
    }

    /// Runs `program` (a copy of the binary) as `runAttune` runs the binary, output through files.
    static func run(_ program: URL, _ arguments: [String], environment: [String: String]) throws -> ProcessResult {
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let output = scratch.appendingPathComponent("stdout"), errors = scratch.appendingPathComponent("stderr")
        for file in [output, errors] { _ = FileManager.default.createFile(atPath: file.path, contents: nil) }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        process.waitUntilExit()
        return ProcessResult(status: process.terminationStatus, stdout: try String(contentsOf: output, encoding: .utf8),
                             stderr: try String(contentsOf: errors, encoding: .utf8))
    }

    @Test("two copies of Attune taking turns over one cache folder keep their snapshots side by side; status names both; clear removes all")
    func twoCopiesShareOneFolder() throws {
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        // Two builds, as an installed release and `make run` are: copies of the binary, one a
        // byte longer, so each has its own version.
        let installed = scratch.appendingPathComponent("installed/attune"), fromSource = scratch.appendingPathComponent("source/attune")
        for (copy, extra) in [(installed, 0), (fromSource, 1)] {
            try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: attuneBinary, to: copy)
            if extra > 0 {
                let handle = try FileHandle(forWritingTo: copy)
                try handle.seekToEnd()
                try handle.write(contentsOf: Data(repeating: 0, count: extra))
                try handle.close()
            }
        }
        let cacheHome = scratch.appendingPathComponent("cache")
        let environment = ["XDG_CACHE_HOME": cacheHome.path, "ATTUNE_HOME": scratch.appendingPathComponent("data").path]
        let folder = cacheHome.appendingPathComponent("attune").path
        let search = ["search", "cortisol", "--knowledge", packageRoot.appendingPathComponent("Knowledge").path,
                      "--scenarios", packageRoot.appendingPathComponent("Scenarios").path, "--color", "never"]
        let expected = try runAttune(search + ["--no-cache"]).stdout
        #expect(expected.contains("toxic-stress.cortisol"))
        for copy in [installed, fromSource] {
            let run = try Self.run(copy, search, environment: environment)
            #expect(run.status == 0 && run.stdout == expected && run.stderr.isEmpty)
        }
        // Every snapshot as written by the two first starts: later starts of either copy
        // rewrite none of them (each reads its own, so each starts warm).
        func snapshots() throws -> [String: [String]] {
            var result: [String: [String]] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".json") {
                var info = stat()
                #expect(lstat(folder + "/" + name, &info) == 0)
                result[name] = ["\(info.st_ino)", "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"]
            }
            return result
        }
        let first = try snapshots()
        #expect(first.keys.filter { $0.hasPrefix("library-") }.count == 2, "a library snapshot for each copy")
        for copy in [installed, fromSource, installed, fromSource] {
            let run = try Self.run(copy, search, environment: environment)
            #expect(run.status == 0 && run.stdout == expected)
        }
        #expect(try snapshots() == first)

        let status = try Self.run(installed, ["cache", "status"], environment: environment)
        #expect(status.stdout.contains("for 2 copies of Attune that share this folder (an installed copy and one built from the source, say): this one and another."))
        #expect(status.stdout.contains("not started for 30 days") && status.stdout.contains("only the 3 copies started most recently"))
        let third = try runAttune(["cache", "status"], environment: environment)
        #expect(third.stdout.contains("for 2 other copies of Attune that share this folder"))
        #expect(third.stdout.contains("; this one makes its own on its next start."))
        let cleared = try runAttune(["cache", "clear"], environment: environment)
        #expect(cleared.status == 0 && cleared.stdout.contains("Removed the compiled content"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test("'cache status' in words for one copy, several copies, and only other copies; sizes in KB and MB")
    func statusInWords() {
        func status(_ builds: Int, _ mine: Bool, bytes: Int = 2_400_000) -> String {
            let contents = CacheStatusCommand.contents(ContentCache.Status(files: 27 * builds, bytes: bytes, builds: builds,
                                                                           includesThisBuild: mine))
            return String(English().tools(.cache(.holds(folder: "F", contents))).dropFirst("The compiled content is kept in F: ".count))
        }
        #expect(status(1, true) == "27 files, 2.3 MB, for this copy of Attune. 'attune cache clear' removes them; "
            + "the next start makes them again from the content files.")
        #expect(status(1, true, bytes: 10).hasPrefix("27 files, 1 KB, for this copy"))
        #expect(status(3, true).hasPrefix("81 files, 2.3 MB, for 3 copies of Attune that share this folder (an installed copy and "
            + "one built from the source, say): this one and 2 others. Each copy keeps its own, so each starts quickly; a copy not "
            + "started for 30 days loses its files, and only the 3 copies started most recently keep theirs. 'attune cache clear' "
            + "removes them all;"))
        #expect(status(1, false).contains("for another copy of Attune that shares this folder (an installed copy and one built "
            + "from the source, say); this one makes its own on its next start."))
        for text in [status(1, true), status(2, true), status(3, true), status(1, false), status(2, false)] {
            #expect(!text.contains("build") || text.contains("built from the source"), "no word of builds or tags: \(text)")
        }
    }
}
