import AttuneCore
import AttuneStore
import Foundation
import Testing
@testable import AttuneShell

@Suite("Group mode", .serialized)
struct GroupModeTests {
    private func groupShell() throws -> (Shell, CapturedOutput, ProgressStore) {
        let store = try ProgressStore(directory: try temporaryDirectory().appendingPathComponent("data").path)
        let (shell, output) = makeShell(width: 100, store: store)
        return (shell, output, store)
    }

    @Test("votes are drawn as bars and kept with the choice the group takes; notes are group notes")
    func votes() throws {
        let (shell, output, store) = try groupShell()
        shell.execute("group on")
        #expect(output.text.contains("Group mode is on."))
        shell.execute("play visit")
        output.clear()
        shell.execute("votes 7 3")
        #expect(output.text.contains("The room's votes (10 in all)"))
        #expect(output.text.contains("1. Greet the baby.            ██████████████████████████████ 7"))
        #expect(output.text.contains("2. Start the forms.           █████████████ 3"))
        #expect(output.text.split(separator: "\n").allSatisfy { $0.count <= 72 }, "bars fit the projector's 72 columns")
        shell.execute("1")
        shell.execute("reflect The room noticed the stillness.")
        #expect(output.text.contains("Saved as a group note."))
        let latest = try #require(try store.latestGroupSession())
        let session = try #require(try store.groupSession(latest))
        #expect(session.decisions.map(\.choice) == ["greet-baby"])
        #expect(session.decisions.first?.tally == [7, 3])
        #expect(session.notes.map(\.text) == ["The room noticed the stillness."])
        #expect(try store.journal().isEmpty, "group notes are not the learner's private journal")
    }

    @Test("vote counts must match the offered choices; group commands need group mode")
    func voteMistakes() throws {
        let (shell, output, _) = try groupShell()
        shell.execute("votes 1 2")
        #expect(output.errors.contains("'votes' is for group mode"))
        shell.execute("discuss")
        #expect(output.errors.contains("'discuss' is for group mode"))
        shell.execute("group on")
        shell.execute("play visit")
        shell.execute("votes 1")
        #expect(output.errors.contains("Give one whole number for each of the 2 choices"))
        shell.execute("votes 1 -2")
        #expect(output.errors.contains("Give one whole number for each of the 2 choices"))
        shell.execute("group sideways")
        #expect(output.errors.replacingOccurrences(of: "\n", with: " ")
            .contains("Use 'group on', 'group off', 'group sessions', 'group resume N', 'group export [N] FILE' or 'group serve'."))
        shell.execute("group off")
        shell.execute("group off")
        #expect(output.errors.contains("Group mode is already off."))
    }

    @Test("back takes the group's decision back too")
    func back() throws {
        let (shell, _, store) = try groupShell()
        for line in ["group on", "play visit", "votes 1 4", "2", "back", "votes 5 0", "1"] { shell.execute(line) }
        let latest = try #require(try store.latestGroupSession())
        let session = try #require(try store.groupSession(latest))
        #expect(session.decisions.map(\.choice) == ["greet-baby"])
        #expect(session.decisions.map(\.tally) == [[5, 0]])
    }

    @Test("a piped group session exports every tally, the path, feedback, debrief and notes as Markdown")
    func pipedExport() throws {
        let directory = try temporaryDirectory()
        let export = directory.appendingPathComponent("session.md")
        let input = """
            play maya-quiet-visit
            notes
            notes
            discuss
            votes 6 2 1
            1
            votes 1 5 2 0
            2
            reflect The room wondered about the ceiling fan.
            group export \(export.path)
            quit

            """
        let result = try runAttune(["--group", "--data-dir", directory.appendingPathComponent("data").path], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("For the facilitator"))
        #expect(result.stdout.contains("At this moment: "))
        #expect(result.stdout.contains("The room's votes (9 in all)"))
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.count <= 72 || $0.contains("█") || $0.hasPrefix("Wrote") },
                "short lines for a projector")
        let markdown = try String(contentsOf: export, encoding: .utf8)
        #expect(markdown.hasPrefix("# Attune group session"))
        #expect(markdown.contains("No participant names are recorded."))
        #expect(markdown.contains("## Maya, four months: a quiet home visit"))
        #expect(markdown.contains("**(the room's choice)** | 6 |"))
        #expect(markdown.contains("| 2 |"))
        #expect(markdown.contains("| 1 |"))
        #expect(markdown.contains("**(the room's choice)** | 5 |"))
        #expect(markdown.contains("| 0 |"))
        #expect(markdown.contains("The group chose: "))
        #expect(markdown.contains("*Attuned*"))
        #expect(markdown.contains("The group stopped before an ending"))
        #expect(markdown.contains("## Group notes"))
        #expect(markdown.contains("The room wondered about the ceiling fan."))
        let mode = try FileManager.default.attributesOfItem(atPath: export.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test("a group that reaches an ending has its debrief in the export")
    func exportWithEnding() throws {
        let (shell, _, _) = try groupShell()
        for line in ["group on", "play visit", "votes 3 1", "1", "1"] { shell.execute(line) }
        let file = try temporaryDirectory().appendingPathComponent("g.md")
        shell.execute("group export \(file.path)")
        let markdown = try String(contentsOf: file, encoding: .utf8)
        #expect(markdown.contains("### The ending (a hopeful ending)"))
        #expect(markdown.contains("### Room summary"))
        #expect(markdown.contains("The room matched the most attuned option at 2 of 2 decisions."))
        #expect(markdown.contains("You greeted the baby first."))
        #expect(markdown.contains("No votes were recorded for this decision."))
    }

    @Test("progress export writes Markdown or JSON")
    func progressExport() throws {
        let (shell, output) = makeShell(store: try ProgressStore(directory: try temporaryDirectory().path))
        for line in ["play visit", "1", "1"] { shell.execute(line) }
        let folder = try temporaryDirectory()
        shell.execute("progress export \(folder.appendingPathComponent("p.md").path)")
        shell.execute("progress export \(folder.appendingPathComponent("p.json").path)")
        #expect(output.errors.isEmpty)
        let markdown = try String(contentsOf: folder.appendingPathComponent("p.md"), encoding: .utf8)
        #expect(markdown.contains("- A visit: a hopeful ending"))
        #expect(markdown.contains("| Attuned | 2 |"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("p.json"))) as? [String: Any]
        #expect(json?["casesDone"] as? [String] == ["visit"])
        #expect((json?["ratings"] as? [String: Int])?["attuned"] == 2)
        shell.execute("progress export /nonexistent/folder/p.md")
        #expect(output.errors.contains("Could not write /nonexistent/folder/p.md"))
    }
}

@Suite("Export mistakes")
struct ExportMistakeTests {
    @Test("group export before any session, and wrong export arguments, are explained")
    func groupAndJournalMistakes() throws {
        let store = try ProgressStore(directory: try temporaryDirectory().appendingPathComponent("data").path)
        let (shell, output) = makeShell(store: store)
        shell.execute("group export /tmp/never.md")
        #expect(output.errors.contains("There is no group session yet. Type 'group on' and 'play' a case to start one."))
        shell.execute("group export")
        #expect(output.errors.contains("Use 'group export FILE' for the latest session"))
        shell.execute("journal export")
        #expect(output.errors.contains("Use 'journal' to read it or 'journal export FILE'"))
        shell.execute("progress send x")
        #expect(output.errors.contains("Use 'progress' to see it or 'progress export FILE'"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never.md"))
    }

    @Test("an export into a missing folder names the folder")
    func missingFolder() throws {
        let store = try ProgressStore(directory: try temporaryDirectory().appendingPathComponent("data").path)
        let (shell, output) = makeShell(width: 200, store: store)
        shell.execute("journal export /nonexistent/folder/j.md")
        #expect(output.errors.contains("the folder /nonexistent/folder does not exist"))
    }

    @Test("export xapi explains missing or conflicting targets and bad LRS addresses")
    func xapiUsage() throws {
        let data = try temporaryDirectory().appendingPathComponent("data").path
        let neither = try runAttune(["export", "xapi", "--account", "a", "--data-dir", data])
        #expect(neither.status == 2)
        #expect(neither.stderr.contains("Give a FILE to write, or --lrs URL"))
        let both = try runAttune(["export", "xapi", "x.jsonl", "--lrs", "http://127.0.0.1:9/", "--user", "u", "--password", "p",
                                  "--account", "a", "--data-dir", data])
        #expect(both.status == 2)
        let noPassword = try runAttune(["export", "xapi", "--lrs", "http://127.0.0.1:9/", "--user", "u", "--account", "a"])
        #expect(noPassword.stderr.contains("--lrs needs --user and --password"))
        let badAddress = try runAttune(["export", "xapi", "--lrs", "lrs.example.org", "--user", "u", "--password", "p",
                                        "--account", "a", "--data-dir", data])
        #expect(badAddress.status == 1)
        #expect(badAddress.stderr.contains("is not a web address"))
        let missingFolder = try runAttune(["export", "xapi", "/nonexistent/folder/x.jsonl", "--account", "a", "--data-dir", data])
        #expect(missingFolder.status == 2)
        #expect(missingFolder.stderr.contains("the folder /nonexistent/folder does not exist"))
    }
}
