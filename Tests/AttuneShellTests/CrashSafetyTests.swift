import AttuneCore
import AttuneStore
import Foundation
import Testing
@testable import AttuneShell

@Suite("Crash safety and terminal safety", .serialized)
struct CrashSafetyTests {
    @Test("kill -9 at random moments, 100 times: the database opens, every acknowledged entry is kept, the case resumes")
    func killLoop() throws {
        let directory = try temporaryDirectory()
        let data = directory.appendingPathComponent("data")
        let library = try ContentLibrary.load(knowledgeDirectory: packageRoot.appendingPathComponent("Knowledge").path,
                                              scenarioDirectory: packageRoot.appendingPathComponent("Scenarios").path)
        let engine = ScenarioEngine(try #require(library.scenario("maya-quiet-visit")))
        var generator = SeededGenerator(seed: 99)
        var acknowledged: [String] = []
        for run in 0..<100 {
            let input = directory.appendingPathComponent("in-\(run).txt")
            let output = directory.appendingPathComponent("out-\(run).txt")
            try "play maya-quiet-visit\n1\nreflect entry-\(run)\n2\n1\nprogress\nstop\n".write(to: input, atomically: true, encoding: .utf8)
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            let process = Process()
            process.executableURL = attuneBinary
            process.arguments = ["--data-dir", data.path]
            process.standardInput = try FileHandle(forReadingFrom: input)
            process.standardOutput = try FileHandle(forWritingTo: output)
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Most kills land while commands run and write (after start-up), a few during start-up.
            if Int.random(in: 0..<10, using: &generator) > 0 {
                let deadline = Date().addingTimeInterval(10)
                while Date() < deadline, !((try? String(contentsOf: output, encoding: .utf8))?.contains("Content note") ?? false) {
                    Thread.sleep(forTimeInterval: 0.002)
                }
            }
            Thread.sleep(forTimeInterval: Double.random(in: 0...0.06, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if try String(contentsOf: output, encoding: .utf8).contains("Saved to your journal.") {
                acknowledged.append("entry-\(run)")
            }
            let store = try ProgressStore(directory: data.path)
            let journal = Set(try store.journal().map(\.text))
            #expect(acknowledged.allSatisfy(journal.contains), "run \(run) lost an acknowledged entry")
            if let active = try store.activePlaythrough(CaseKey(id: "maya-quiet-visit")) {
                #expect(throws: Never.self, "run \(run): the stored path no longer replays") {
                    _ = try engine.replay(active.choices)
                }
            }
        }
        #expect(acknowledged.count > 10, "the kills should not all land before the first reflection")
        let resumed = try runAttune(["--data-dir", data.path], input: "play maya-quiet-visit\nquit\n")
        #expect(resumed.status == 0)
        #expect(resumed.stdout.contains("Maya, four months"))
    }

    @Test("escape sequences in content are neutralised before they reach the terminal")
    func terminalInjection() throws {
        let directory = try temporaryDirectory()
        let knowledge = directory.appendingPathComponent("knowledge")
        let scenarios = directory.appendingPathComponent("scenarios")
        try FileManager.default.createDirectory(at: knowledge, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
        try exampleKnowledgeText.replacingOccurrences(of: "title: Nurturing relationships", with: "title: \"Nurturing \\e]0;owned\\a\\e[2J\"")
            .write(to: knowledge.appendingPathComponent("tenets.yaml"), atomically: true, encoding: .utf8)
        try exampleScenarioText.replacingOccurrences(of: "text: You arrive.", with: "text: \"You arrive.\\e[2J\\e]0;owned\\a\"")
            .replacingOccurrences(of: "feedback: Babies notice.", with: "feedback: \"Babies \\e[31mnotice.\"")
            .write(to: scenarios.appendingPathComponent("visit.yaml"), atomically: true, encoding: .utf8)
        let result = try runAttune(["--knowledge", knowledge.path, "--scenarios", scenarios.path, "--data-dir",
                                    directory.appendingPathComponent("data").path, "--color", "never"],
                                   input: "show tenet.1\nsearch nurturing\nplay visit\n1\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("You arrive."))
        #expect(!result.stdout.contains("\u{1B}"), "no escape character reaches the terminal")
        #expect(!result.stdout.contains("\u{07}"))
        #expect(result.stdout.contains("\u{FFFD}"), "the control characters are shown as replacement marks")
    }

    @Test("a data folder that cannot be written gives a clear message; reading still works")
    func readOnlyDataDirectory() throws {
        let result = try runAttune(["--data-dir", "/proc/attune-cannot-exist"], input: "show tenet.4\nplay maya-quiet-visit\n1\n")
        #expect(result.status == 0)
        #expect(result.stderr.contains("/proc/attune-cannot-exist"))
        #expect(result.stderr.contains("nothing will be saved this time"))
        #expect(result.stdout.contains("Ghosts in the nursery"))
        let export = try runAttune(["journal", "export", "/tmp/x.md", "--data-dir", "/proc/attune-cannot-exist"])
        #expect(export.status == 2)
        #expect(export.stderr.contains("cannot create the folder /proc/attune-cannot-exist"))
    }

    @Test("random command lines never crash the shell")
    func commandFuzz() throws {
        var generator = SeededGenerator(seed: 5)
        let words = ["play", "visit", "show", "search", "1", "2", "99", "-1", "back", "why", "stop", "restart", "reflect",
                     "journal", "progress", "group", "on", "off", "votes", "3", "discuss", "goto", "gaze", "set",
                     "trust", "vars", "lint", "test", "help", "tenet.1", "'", "\"", "\\", "é", "\u{1B}[2J", "topics", "choose",
                     "reload", "scenarios", "/nonexistent", ""]
        let store = try ProgressStore(directory: try temporaryDirectory().appendingPathComponent("data").path)
        let (shell, output) = makeShell(store: store)
        shell.readMore = { _ in .endOfInput }
        for _ in 0..<2_000 {
            let line = (0..<Int.random(in: 0...4, using: &generator)).map { _ in words.randomElement(using: &generator)! }
                .joined(separator: " ")
            shell.execute(line)
            output.clear()
        }
        // Reaching here without a crash is the test; the shell still answers.
        shell.execute("help")
        #expect(!output.text.isEmpty)
    }
}
