import AttuneCore
@testable import AttuneShell
@testable import AttuneStore
import Foundation
import Testing

/// Issue 23 (third hardening round): what reaches the terminal and the files from names,
/// journal text and content; the small command-line slips.
@Suite("Hardening, third round", .serialized)
struct HardeningRoundThreeTests {
    private static let bundled = ["--knowledge", packageRoot.appendingPathComponent("Knowledge").path,
                                  "--scenarios", packageRoot.appendingPathComponent("Scenarios").path]

    @Test("'help graph', 'help explore' and 'help lint' show the command line's help; 'help play' the shell's")
    func helpForCommandLineCommands() throws {
        let data = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        for name in ["graph", "explore", "lint", "test", "play"] {
            let piped = try runAttune(Self.bundled + ["--data-dir", data.path, "--color", "never"], input: "help \(name)\nquit\n")
            #expect(!piped.stdout.contains("There is no command"), "help \(name): \(piped.stdout.suffix(400))")
            #expect(piped.stdout.contains(name))
            let direct = try runAttune(["help", name] + Self.bundled + ["--data-dir", data.path, "--color", "never"])
            #expect(!(direct.stdout + direct.stderr).contains("There is no command"), "attune help \(name): \(direct.stdout)")
        }
        let graph = try runAttune(["help", "graph", "--data-dir", data.path, "--color", "never"] + Self.bundled)
        #expect(graph.stdout.contains("Graphviz"), "\(graph.stdout)")
    }

    @Test("a zero byte in a piped reflection does not cut the rest of the line")
    func nulInReflection() throws {
        let data = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let result = try runAttune(Self.bundled + ["--data-dir", data.path, "--color", "never"],
                                   input: "reflect before\u{0}after the zero byte\njournal\nquit\n")
        #expect(result.stdout.contains("after the zero byte"), "\(result.stdout.suffix(300))")
        #expect(!result.stdout.contains("\u{0}"))
    }

    @Test("journal text keeps a bidirectional override, but shows it safely")
    func bidiInJournal() throws {
        let data = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let result = try runAttune(Self.bundled + ["--data-dir", data.path, "--color", "never"],
                                   input: "reflect she paid \u{202E}0001\u{202C} for the visit\njournal\nquit\n")
        #expect(result.stdout.contains("she paid"), "\(result.stdout.suffix(300))")
        #expect(!result.stdout.unicodeScalars.contains { TerminalText.isBidiControl($0) })
        let store = try ProgressStore(directory: data.path)
        defer { store.close() }
        #expect(try store.journal().contains { $0.text.contains("\u{202E}") }, "the journal keeps what was typed")
    }

    @Test("a file name with colour, conceal or bidi codes reaches no message raw")
    func hostileFileNames() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("Scenarios")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["\u{1B}[8mconcealed.yaml", "\u{1B}[30;40mblack.yaml", "evil\u{202E}lmy.yaml", "iso\u{2067}late.yaml"] {
            try Data("scenario: nope\n".utf8).write(to: folder.appendingPathComponent(name))
        }
        for color in ["never", "always"] {
            let result = try runAttune(["lint", folder.path, "--color", color, "--data-dir", root.appendingPathComponent("d").path])
            let output = result.stdout + result.stderr
            #expect(result.status == 1)
            #expect(output.contains("concealed.yaml") && output.contains("black.yaml"), "\(output.prefix(500))")
            #expect(!output.contains("\u{1B}[8m") && !output.contains("\u{1B}[30;40m"), "\(output.debugDescription.prefix(800))")
            #expect(!output.unicodeScalars.contains { TerminalText.isBidiControl($0) })
        }
        #expect(TextLayout.sanitizeForTerminal("\u{1B}[1;31merror:\u{1B}[0m \u{1B}[8mx") == "\u{1B}[1;31merror:\u{1B}[0m \u{FFFD}[8mx")
    }

    @Test("'export xapi FILE' says Replaced when the file was there, Wrote when it is new")
    func xapiExportSaysReplaced() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("record.jsonl").path
        let arguments = ["export", "xapi", file, "--account", "me", "--data-dir", root.appendingPathComponent("d").path] + Self.bundled
        let first = try runAttune(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Wrote 0 statements to \(file)"), "\(first.stdout)")
        let second = try runAttune(arguments)
        #expect(second.stdout.contains("Replaced \(file) with 0 statements"), "\(second.stdout)")
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).allSatisfy { !$0.contains(".attune-export-") })
    }

    @Test("'group export 1' with an empty file name writes no file named '1', and says what to give")
    func groupExportNeedsAFile() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try runAttune(Self.bundled + ["--data-dir", root.appendingPathComponent("d").path, "--color", "never"],
                                   input: "group export 1 ''\ngroup export 1 \"\"\ngroup export 1\nquit\n", in: root)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("1").path))
        #expect((result.stdout + result.stderr).contains("Give a file to write after the session number"), "\(result.stdout + result.stderr)")
    }

    @Test("a group export carries no control or bidi character from the case or the notes, to a file or to '-'")
    func groupExportIsInert() throws {
        let fixture = packageRoot.appendingPathComponent("Tests/HostileContent/title-escape-sequences.yaml").path
        let knowledge = try KnowledgeLoader.load(directory: packageRoot.appendingPathComponent("Knowledge").path).base
        let loaded = try ScenarioLoader.load(paths: [fixture], knowledge: knowledge)
        let scenario = try #require(loaded.scenarios.first)
        #expect(scenario.title.contains("\u{1B}"), "the fixture's title holds escapes")
        let note = JournalEntry(id: 1, createdAt: Date(), scenarioID: nil, nodeID: nil, prompt: nil,
                                text: "a note \u{1B}]52;c;aGk=\u{07} with \u{202E}reversed\u{9B}31m text", groupSession: 1)
        let record = GroupSessionRecord(id: 1, startedAt: Date(), endedAt: nil, scenario: nil, allDecisions: [], notes: [note],
                                        pending: nil)
        let markdown = GroupExport.markdown(record, scenario: scenario)
        #expect(markdown.contains("A visit") && markdown.contains("reversed"))
        #expect(!markdown.unicodeScalars.contains { TerminalText.isUnsafe($0) && $0 != "\n" && $0 != "\t" },
                "\(markdown.debugDescription.prefix(600))")
    }

    @Test("'cache clear' on a cache folder that is a link removes nothing and says why")
    func cacheClearRefusesALink() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let precious = root.appendingPathComponent("precious")
        try FileManager.default.createDirectory(at: precious, withIntermediateDirectories: true)
        for name in ["file-1.json", "index-2.json", "library-3.json"] {
            try Data("keep".utf8).write(to: precious.appendingPathComponent(name))
        }
        let cacheHome = root.appendingPathComponent("cache")
        try FileManager.default.createDirectory(at: cacheHome, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: cacheHome.appendingPathComponent("attune").path, withDestinationPath: precious.path)
        let result = try runAttune(["cache", "clear", "--color", "never"], environment: ["XDG_CACHE_HOME": cacheHome.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("is a link to another folder"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: precious.path).count == 3)
    }
}
