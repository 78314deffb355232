@testable import AttuneShell
import AttuneCore
import AttuneStore
import Foundation
import Testing

/// The one command table: the shell's dispatch, help and completion, and the command line's
/// subcommands, manual page and completions all list the same commands.
@Suite("One command table", .serialized)
struct CommandTableTests {
    private static let bundled = ["--knowledge", packageRoot.appendingPathComponent("Knowledge").path,
                                  "--scenarios", packageRoot.appendingPathComponent("Scenarios").path]

    @Test("every entry is reachable as 'attune NAME' with help from the table, or says why it works only in the shell")
    func everyEntryReachable() throws {
        let data = try temporaryDirectory().appendingPathComponent("data").path
        for entry in CommandTable.all {
            if let reason = entry.shellOnlyReason {
                #expect(!reason.isEmpty, "\(entry.name) is shell-only with no reason")
                let run = try runAttune([entry.name, "--data-dir", data])
                #expect(run.status == 2, "attune \(entry.name)")
                #expect(run.stderr.contains("works inside the shell: \(reason)"), "attune \(entry.name): \(run.stderr)")
                continue
            }
            let help = try runAttune([entry.name, "--help"], environment: ["COLUMNS": "200"])
            #expect(help.status == 0, "attune \(entry.name) --help: \(help.stderr)")
            #expect(Self.words(help.stdout).contains(Self.words(entry.summary)), "attune \(entry.name) --help: \(help.stdout.prefix(300))")
        }
        #expect(Set(CommandTable.all.map(\.name)).count == CommandTable.all.count, "no name twice")
    }

    @Test("help, completion, the command line, the manual page and the shell completions list the same commands")
    func sameCommandsEverywhere() throws {
        let store = try ProgressStore(directory: try temporaryDirectory().appendingPathComponent("data").path)
        let (shell, output) = makeShell(width: 200, store: store)
        shell.execute("help")
        shell.execute("help trainers")
        shell.execute("help authors")
        for entry in CommandTable.inShell {
            #expect(output.text.contains(entry.usage), "help lists \(entry.name)")
        }
        // TAB as the first word, in group mode where the trainers' commands are offered too.
        shell.execute("group on")
        let offered = Set(shell.complete("").candidates)
        #expect(offered == Set(CommandTable.inShell.flatMap(\.names)))

        let commandLine = Set(CommandTable.all.filter { $0.shellOnlyReason == nil }.map(\.name))
        #expect(Set(AttuneCommand.configuration.subcommands.compactMap { $0.configuration.commandName }) == commandLine)

        // The manual page is made by generate-manual from this dump; the completions by the program.
        let dump = try runAttune(["--experimental-dump-help"])
        let json = try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any]
        let command = json?["command"] as? [String: Any]
        let manual = Set(((command?["subcommands"] as? [[String: Any]]) ?? []).compactMap { $0["commandName"] as? String })
        #expect(manual.subtracting(["help"]) == commandLine.subtracting(["help"]), "the manual page's commands")
        for shellName in ["bash", "zsh", "fish"] {
            let script = try runAttune(["--generate-completion-script", shellName]).stdout
            for name in commandLine {
                #expect(script.contains(name), "the \(shellName) completion offers \(name)")
            }
        }
    }

    @Test("scripts/generate-pages.sh writes a manual page and completions that name every command of the command line",
          .enabled(if: FileManager.default.isExecutableFile(
              atPath: attuneBinary.deletingLastPathComponent().appendingPathComponent("generate-manual").path),
                   "swift-argument-parser's generate-manual is not built; `make test` builds it"))
    func generatedPages() throws {
        let folder = try temporaryDirectory().appendingPathComponent("pages")
        let process = Process()
        process.executableURL = packageRoot.appendingPathComponent("scripts/generate-pages.sh")
        process.arguments = [attuneBinary.path, attuneBinary.deletingLastPathComponent().appendingPathComponent("generate-manual").path,
                             folder.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let manual = try String(contentsOf: folder.appendingPathComponent("attune.1"), encoding: .utf8)
        for entry in CommandTable.all where entry.shellOnlyReason == nil {
            #expect(manual.contains(".It Em \(entry.name)\n") || manual.contains(".It Em \"\(entry.name),"), "the manual page names \(entry.name)")
            #expect(manual.contains(entry.summary.prefix(30)), "the manual page describes \(entry.name)")
        }
        for entry in CommandTable.all where entry.shellOnlyReason != nil {
            #expect(!manual.contains(".It Em \(entry.name)\n"), "the manual page leaves out the shell-only \(entry.name)")
        }
        for shellName in ["bash", "zsh", "fish"] {
            let script = try String(contentsOf: folder.appendingPathComponent("completion.\(shellName)"), encoding: .utf8)
            for entry in CommandTable.all where entry.shellOnlyReason == nil {
                #expect(script.contains(entry.name), "completion.\(shellName) offers \(entry.name)")
            }
        }
    }

    @Test("TAB after a command offers its sub-words, every one of which its usage names")
    func subWordsCompleted() throws {
        let (shell, _) = makeShell()
        #expect(shell.complete("group ").candidates == ["export", "off", "on", "resume", "serve", "sessions"])
        #expect(shell.complete("draft ").candidates == ["continue", "discard", "save"])
        #expect(shell.complete("progress ").candidates == ["export"])
        #expect(shell.complete("journal ").candidates.contains("search"))
        for entry in CommandTable.all where entry.name != "help" {
            for word in entry.subWords {
                #expect(entry.usage.contains(word.name), "\(entry.name)'s usage names '\(word.name)'")
                // TAB completes it from its first letters, whatever else the first word may be
                // (a file for `cohort report`, a case for `journal`).
                guard entry.inShell else { continue }
                let typed = "\(entry.name) \(word.name.prefix(3))"
                #expect(shell.complete(typed).candidates.contains(word.name), "TAB after '\(typed)' offers '\(word.name)'")
            }
        }
    }

    @Test("lint and test give the same report from the command line and in the shell, for the same folders")
    func lintAndTestAgree() throws {
        let root = try temporaryDirectory()
        let folder = root.appendingPathComponent("cases")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try ScenarioScaffold.text(id: "ana-visit").replacingOccurrences(of: "rating: missed", with: "rating: mised")
            .write(to: folder.appendingPathComponent("ana-visit.yaml"), atomically: true, encoding: .utf8)
        try ScenarioScaffold.text(id: "ben-visit")
            .write(to: folder.appendingPathComponent("ben-visit.yaml"), atomically: true, encoding: .utf8)
        let data = root.appendingPathComponent("data").path
        let environment = ["COLUMNS": "100"]
        let options = ["--data-dir", data, "--color", "never"]
        let opened = ["--scenarios", folder.path, "--knowledge", packageRoot.appendingPathComponent("Knowledge").path]
        // (command line, shell opened with, line typed in the shell)
        let runs: [([String], [String], String)] = [
            (["lint"] + opened, opened, "lint"),
            (["lint", folder.path], Self.bundled, "lint \(folder.path)"),
            (["lint", "ben-visit"] + opened, opened, "lint ben-visit"),
            (["test", "ben-visit"] + opened, opened, "test ben-visit"),
            (["test", "--coverage", folder.path], Self.bundled, "test --coverage \(folder.path)"),
        ]
        for (arguments, shellOptions, line) in runs {
            let direct = try runAttune(arguments + options, environment: environment)
            let inside = try runAttune(shellOptions + options, input: line + "\nquit\n", environment: environment)
            #expect(!direct.stdout.isEmpty)
            // The same report; the shell names its own lint command ('lint', not 'attune lint'), and
            // shows the findings met while reading a case where the command line writes them to
            // standard error.
            let report = Self.words(direct.stdout.replacingOccurrences(of: "attune lint", with: "lint"))
            #expect(Self.words(inside.stdout).contains(report), "'\(line)' in the shell:\n\(inside.stdout)\n---\nattune \(arguments.joined(separator: " ")):\n\(direct.stdout)")
        }
    }

    /// Text with every run of spaces and line breaks made one space: the same words, however wrapped.
    static func words(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }
}
