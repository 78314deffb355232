import AttuneCore
import AttuneStore
import Foundation
import Testing
@testable import AttuneShell

/// Issue 22, items 11 and 12: what an author or learner is told to type can be copied as it is.
@Suite("Copyable hints")
struct AuthorHintsEndToEndTests {
    @Test("new's 'Check it with' command is on a line of its own, whole, even at 40 columns")
    func newCheckCommandIsWhole() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let created = try runAttune(["new", "ana-first-visit", "--scenarios", folder.path], environment: ["COLUMNS": "40"])
        #expect(created.status == 0, "\(created.stderr)")
        let file = folder.appendingPathComponent("ana-first-visit.yaml").path
        #expect(created.stdout.contains("Check it with:\n  attune lint \(file) && attune test \(file)\n"), "\(created.stdout)")
    }

    @Test("a path with a space is quoted in the command, so it can be pasted into a shell")
    func newQuotesPath() throws {
        let parent = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let folder = parent.appendingPathComponent("my drafts")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let created = try runAttune(["new", "ana-first-visit", "--scenarios", folder.path])
        let file = folder.appendingPathComponent("ana-first-visit.yaml").path
        #expect(created.stdout.contains("  attune lint '\(file)' && attune test '\(file)'\n"), "\(created.stdout)")
    }

    @Test("the greeting names an unfinished case by its short name")
    func resumeHintUsesShortName() throws {
        let store = try ProgressStore(directory: try temporaryDirectory().path)
        let fixture = fixtureLibrary()
        var maya = fixture.scenarios[0]
        maya.title = "Maya, four months: a quiet home visit"
        let library = ContentLibrary(knowledge: fixture.knowledge, scenarios: [maya], diagnostics: [])
        let first = Shell(library: library, output: CapturedOutput(), store: store, bundledScenarios: fixtureScenarioFolder)
        first.execute("play maya")
        first.execute("1")
        let output = CapturedOutput()
        let again = Shell(library: library, output: output, store: store, bundledScenarios: fixtureScenarioFolder)
        again.run(reader: ScriptedReader([]))
        let text = output.text.replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("Type 'play maya' to continue it."), "\(output.text)")
        #expect(!output.text.contains("play visit"))
    }
}

@Suite("Help for authors")
struct HelpAuthorsTests {
    @Test("'help authors' names new, explore and graph, which run from the terminal")
    func helpAuthorsListsTerminalTools() throws {
        let (shell, output) = makeShell(width: 40)
        shell.execute("help authors")
        for command in ["attune new CASE-ID", "attune explore CASE", "attune graph CASE", "attune lint [FILE]"] {
            #expect(output.text.contains("\n  \(command)\n"), "\(command)")
        }
        #expect(output.text.split(separator: "\n").allSatisfy { $0.count <= 40 })
    }
}

@Suite("The cases hint")
struct CasesHintTests {
    @Test("the 'cases' hint's example is a case in the loaded folder")
    func casesHintNamesALoadedCase() throws {
        let (shell, output) = makeShell(width: 100)
        shell.execute("cases")
        #expect(output.text.contains("(for example 'play visit')"), "\(output.text)")
        #expect(!output.text.contains("play maya"))
    }
}
