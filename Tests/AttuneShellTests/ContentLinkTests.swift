import Foundation
import Testing

/// Issue 23, item 4: a symbolic link inside a content folder is refused with a located
/// finding that names the link, never its target; nothing outside the folder is read or
/// shown, by any loader (knowledge, cases and the tests inside them), in lint's text and
/// JSON output and everywhere else. The links are made by the test (git stores links, and
/// their targets are on this computer).
@Suite("Content links", .serialized)
struct ContentLinkTests {
    /// A fake credential in a file outside the content, and the marker of this run's
    /// environment (what /proc/self/environ would print).
    static let credential = "ghp_FAKEcredential0123456789"
    static let canary = "attune-canary-4c1d"

    struct Folders {
        let root: URL
        var knowledge: URL { root.appendingPathComponent("Knowledge") }
        var scenarios: URL { root.appendingPathComponent("Scenarios") }
        var options: [String] {
            ["--knowledge", knowledge.path, "--scenarios", scenarios.path, "--data-dir", root.appendingPathComponent("data").path,
             "--color", "never"]
        }

        init() throws {
            root = try temporaryDirectory()
            let manager = FileManager.default
            try manager.createDirectory(at: knowledge, withIntermediateDirectories: true)
            try manager.createDirectory(at: scenarios, withIntermediateDirectories: true)
            for file in try manager.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("Knowledge").path) where file.hasSuffix(".yaml") {
                try manager.copyItem(at: packageRoot.appendingPathComponent("Knowledge").appendingPathComponent(file), to: knowledge.appendingPathComponent(file))
            }
            try Data(fixtureScenarioText.utf8).write(to: scenarios.appendingPathComponent("visit.yaml"))
            let outside = root.appendingPathComponent("outside")
            try manager.createDirectory(at: outside, withIntermediateDirectories: true)
            let credentials = outside.appendingPathComponent("git-credentials")
            try Data("https://alice:\(ContentLinkTests.credential)@github.com\n".utf8).write(to: credentials)
            let goodCase = outside.appendingPathComponent("elsewhere.yaml")
            try Data(fixtureScenarioText.replacingOccurrences(of: "scenario: visit", with: "scenario: elsewhere").utf8).write(to: goodCase)
            for folder in [knowledge, scenarios] {
                try manager.createSymbolicLink(atPath: folder.appendingPathComponent("env.yaml").path,
                                               withDestinationPath: "/proc/self/environ")
                try manager.createSymbolicLink(atPath: folder.appendingPathComponent("creds.yaml").path,
                                               withDestinationPath: credentials.path)
            }
            // A link to a good case outside, and one to a good file inside: refused all the same.
            try manager.createSymbolicLink(atPath: scenarios.appendingPathComponent("elsewhere.yaml").path,
                                           withDestinationPath: goodCase.path)
            try manager.createSymbolicLink(atPath: knowledge.appendingPathComponent("again.yaml").path,
                                           withDestinationPath: "tenets.yaml")
        }
    }

    /// Nothing from outside the folders, and no link target, in `output`.
    static func checkNothingLeaked(_ output: String, _ label: String, root: URL) {
        #expect(!output.contains(credential), "\(label): the credential was printed: \(output.prefix(800))")
        #expect(!output.contains(canary), "\(label): the environment was printed: \(output.prefix(800))")
        #expect(!output.contains("/proc/self/environ"), "\(label): a link target was printed")
        #expect(!output.contains("git-credentials") && !output.contains("outside/"), "\(label): a link target was printed")
    }

    static func run(_ arguments: [String], input: String = "", in folders: Folders) throws -> ProcessResult {
        try runAttune(arguments, input: input, environment: ["ATTUNE_TEST_CANARY": canary, "COLUMNS": "200"])
    }

    @Test("lint, text and JSON: each link is a located finding naming the link, and nothing it leads to is shown")
    func lintRefusesLinks() throws {
        let folders = try Folders()
        defer { try? FileManager.default.removeItem(at: folders.root) }
        let text = try Self.run(["lint", folders.knowledge.path, folders.scenarios.path] + folders.options, in: folders)
        let output = text.stdout + text.stderr
        #expect(text.status == 1)
        Self.checkNothingLeaked(output, "lint", root: folders.root)
        for link in ["Knowledge/env.yaml", "Knowledge/creds.yaml", "Knowledge/again.yaml", "Scenarios/env.yaml",
                     "Scenarios/creds.yaml", "Scenarios/elsewhere.yaml"] {
            let line = output.split(separator: "\n").first { $0.contains(link + ":1:1: error:") }
            #expect(line?.contains("this is a link") == true, "\(link): \(output.prefix(1500))")
        }
        let json = try Self.run(["lint", "--format", "json", folders.knowledge.path, folders.scenarios.path] + folders.options,
                                in: folders)
        #expect(json.status == 1)
        Self.checkNothingLeaked(json.stdout + json.stderr, "lint --format json", root: folders.root)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        let linkFindings = findings.filter { ($0["message"] as? String)?.contains("this is a link") == true }
        #expect(linkFindings.count == 6, "\(json.stdout.prefix(1500))")
        // A link named on the command line is refused too.
        let named = try Self.run(["lint", folders.scenarios.appendingPathComponent("creds.yaml").path] + folders.options, in: folders)
        #expect(named.status == 1)
        #expect(named.stdout.contains("creds.yaml:1:1: error: this is a link"), "\(named.stdout)")
        Self.checkNothingLeaked(named.stdout + named.stderr, "lint one link", root: folders.root)
    }

    @Test("every loader: show, search, the shell's cases, play, test and explore read the real files and leave the links")
    func loadersRefuseLinks() throws {
        let folders = try Folders()
        defer { try? FileManager.default.removeItem(at: folders.root) }
        let shell = try Self.run(folders.options, input: "cases\nshow tenet.4\nquit\n", in: folders)
        Self.checkNothingLeaked(shell.stdout + shell.stderr, "shell", root: folders.root)
        #expect(shell.stdout.contains("A visit"))
        #expect(!shell.stdout.contains("elsewhere"))
        for arguments in [["show", "tenet.4"], ["search", "nursery"], ["play", "visit", "--choose", "1"],
                          ["test", folders.scenarios.path], ["explore", folders.scenarios.appendingPathComponent("env.yaml").path],
                          ["graph", folders.scenarios.appendingPathComponent("creds.yaml").path]] {
            let run = try Self.run(arguments + folders.options, in: folders)
            Self.checkNothingLeaked(run.stdout + run.stderr, "attune \(arguments[0])", root: folders.root)
        }
    }
}
