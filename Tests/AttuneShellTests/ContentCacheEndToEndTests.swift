import Foundation
import Testing

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
        #expect(status.stdout.contains(folder) && status.stdout.contains("files,"))

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
}
