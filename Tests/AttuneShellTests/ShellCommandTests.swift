import AttuneCore
import Foundation
import Testing
@testable import AttuneShell

@Suite("Shell commands")
struct ShellCommandTests {
    @Test("show prints title, summary, body, facts, sources and see-also")
    func show() {
        let (shell, output) = makeShell()
        shell.execute("show tenet.1")
        #expect(output.text == """
            Nurturing relationships
            tenet.1 · tenet · Tenets of infant mental health

            Babies grow within relationships.

            Babies grow within relationships. Serve and return builds the brain.

            - first point
            - second point

            Facts
              ages  Birth to 3

            Sources
              - Weatherston (2000), The infant mental health specialist

            See also
              tenet.4  Ghosts in the nursery

            """)
        #expect(output.errors.isEmpty)
        #expect(!shell.lastCommandFailed)
    }

    @Test("show with a topic id lists the topic's entries")
    func showTopic() {
        let (shell, output) = makeShell()
        shell.execute("show tenets")
        #expect(output.text.contains("tenet.1  Nurturing relationships"))
        #expect(output.text.contains("tenet.4  Ghosts in the nursery"))
    }

    @Test("show of an unknown id suggests ids that start with it")
    func showUnknownPrefix() {
        let (shell, output) = makeShell()
        shell.execute("show tenet")
        #expect(output.errors == "There is no entry 'tenet'. Entries starting with it: tenet.1, tenet.4.\n")
        #expect(output.text.isEmpty)
        #expect(shell.lastCommandFailed)
    }

    @Test("show of a misspelt id suggests the closest")
    func showTypo() {
        let (shell, output) = makeShell()
        shell.execute("show tenet,4")
        #expect(output.errors.contains("Did you mean 'tenet.1'?") || output.errors.contains("Did you mean 'tenet.4'?"))
    }

    @Test("show without an id explains what it needs")
    func showNoID() {
        let (shell, output) = makeShell()
        shell.execute("show")
        #expect(output.errors.contains("'show' needs an entry id, for example: show tenet.4"))
    }

    @Test("topics lists each topic with its entry count")
    func topics() {
        let (shell, output) = makeShell()
        shell.execute("topics")
        #expect(output.text.contains("tenets  Tenets of infant mental health · 2 entries"))
    }

    @Test("search ranks and shows a snippet")
    func search() {
        let (shell, output) = makeShell(width: 120)
        shell.execute("search cortisol")
        #expect(output.text.hasPrefix("1.  tenet.4  Ghosts in the nursery\n"))
        #expect(output.text.contains("as cortisol does under stress"))
    }

    @Test("search with no match says so and suggests what to do")
    func searchNothing() {
        let (shell, output) = makeShell()
        shell.execute("search zebra")
        #expect(output.text.contains("Nothing matches 'zebra'"))
    }

    @Test("search with no words explains")
    func searchEmpty() {
        let (shell, output) = makeShell()
        shell.execute("search")
        #expect(output.errors.contains("'search' needs one or more words"))
    }

    @Test("an unknown command suggests the nearest one")
    func unknownCommand() {
        let (shell, output) = makeShell(width: 120)
        shell.execute("serch cortisol")
        #expect(output.errors == "There is no command 'serch'. Did you mean 'search'? Type 'help' to see the commands.\n")
    }

    @Test("an unclosed quote is located and nothing runs")
    func unclosedQuote() {
        let (shell, output) = makeShell()
        shell.execute("search \"toxic stress")
        #expect(output.errors.contains("The quote (\") at column 8 is never closed"))
        #expect(output.text.isEmpty)
    }

    @Test("help lists every command; help NAME explains one with an example")
    func help() {
        let (shell, output) = makeShell()
        shell.execute("help")
        for name in ["help", "topics", "show", "search", "quit"] {
            #expect(output.text.contains(name))
        }
        output.clear()
        shell.execute("help show")
        #expect(output.text.hasPrefix("show ID\n"))
        #expect(output.text.contains("Example: show tenet.4"))
        output.clear()
        shell.execute("help nothing")
        #expect(output.errors.contains("There is no command 'nothing'"))
    }

    @Test("help format names each guide by its whole path: beside its summary when there is room, above it when not")
    func helpFormat() {
        let guides = BundledContent.find(executable: BundledContent.runningExecutable(),
                                         currentDirectory: FileManager.default.currentDirectoryPath).guides
        for width in [40, 100] {
            let (shell, output) = makeShell(width: width)
            shell.execute("help format")
            let lines = output.text.components(separatedBy: "\n")
            for guide in ["authoring.md", "knowledge.md", "ratings-policy.md"] {
                let path = (guides as NSString).appendingPathComponent(guide)
                #expect(FileManager.default.fileExists(atPath: path), "\(path)")
                let line = lines.first { $0.contains(path) }
                #expect(line != nil, "\(path) whole on one line at \(width) columns: \(output.text)")
                let beside = (line?.count ?? 0) > path.count + 4
                #expect(beside == (path.count + 28 <= width), "\(line ?? "")")
            }
            #expect(lines.allSatisfy { $0.count <= width || $0.hasPrefix("  " + guides) }, "\(output.text)")
        }
    }

    @Test("quit and exit end the loop; blank lines do nothing")
    func quit() {
        let (shell, output) = makeShell()
        shell.execute("   ")
        #expect(!shell.isFinished)
        #expect(output.text.isEmpty && output.errors.isEmpty)
        shell.execute("exit")
        #expect(shell.isFinished)
    }

    @Test("the loop reads until end of input, and Ctrl-C does not end it")
    func loop() {
        let (shell, output) = makeShell()
        final class Script: LineReader {
            var inputs: [LineInput] = [.line("topics"), .interrupted, .line("show tenet.4")]
            func readLine(prompt: String) -> LineInput { inputs.isEmpty ? .endOfInput : inputs.removeFirst() }
            func remember(_ line: String) {}
            var isInteractive: Bool { false }
        }
        shell.run(reader: Script())
        #expect(output.text.contains("Topics"))
        #expect(output.text.contains("Ghosts in the nursery"))
        #expect(shell.isFinished)
    }

    @Test("quoted words keep their spaces; backslash escapes")
    func words() throws {
        #expect(try ShellWords.split("search 'toxic stress' now") == ["search", "toxic stress", "now"])
        #expect(try ShellWords.split(#"play my\ case.yaml"#) == ["play", "my case.yaml"])
        #expect(try ShellWords.split("  ") == [])
        #expect(throws: ShellWords.UnclosedQuote(quote: "'", column: 6)) { try ShellWords.split("show 'x") }
    }
}

@Suite("Completion")
struct CompletionTests {
    @Test("the first word completes to command names")
    func commands() {
        let (shell, _) = makeShell()
        #expect(shell.complete("sh") == Completion(word: "sh", candidates: ["show"]))
        #expect(shell.complete("").candidates.contains("search"))
        #expect(shell.complete("q").candidates == ["quit"])
    }

    @Test("show completes entry and topic ids")
    func ids() {
        let (shell, _) = makeShell()
        let completion = shell.complete("show ten")
        #expect(completion.candidates == ["tenet.1", "tenet.4", "tenets"])
        #expect(completion.commonPrefix == "tenet")
        #expect(shell.complete("show tenet.4").candidates == ["tenet.4"])
    }

    @Test("help completes command names; search offers nothing")
    func arguments() {
        let (shell, _) = makeShell()
        #expect(shell.complete("help sea").candidates == ["search"])
        #expect(shell.complete("search cor").candidates.isEmpty)
        #expect(shell.complete("show tenet.1 ").candidates.isEmpty)
    }

    @Test("paths complete files and mark folders")
    func paths() throws {
        let directory = try temporaryDirectory()
        try "x".write(to: directory.appendingPathComponent("case.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("cases"), withIntermediateDirectories: true)
        let found = Shell.paths(startingWith: directory.path + "/ca")
        #expect(found == [directory.path + "/case.yaml", directory.path + "/cases/"])
    }

    @Test("completions list in columns, down then across")
    func columnLayout() {
        #expect(columns(["a", "b", "c", "d", "e"], width: 9) == "a  c  e\nb  d")
    }
}

import Foundation
