import AttuneCore
import AttuneStore
import Foundation
import Testing
@testable import AttuneShell

/// A line reader that plays back what a person typed, and remembers what the shell puts
/// into the history.
final class ScriptedReader: LineReader {
    var inputs: [LineInput]
    private(set) var remembered: [String] = []
    private(set) var prompts: [String] = []
    let isInteractive: Bool

    init(_ inputs: [LineInput], interactive: Bool = true) {
        self.inputs = inputs
        self.isInteractive = interactive
    }

    func readLine(prompt: String) -> LineInput {
        prompts.append(prompt)
        return inputs.isEmpty ? .endOfInput : inputs.removeFirst()
    }

    func remember(_ line: String) { remembered.append(line) }
}

func lines(_ text: String...) -> [LineInput] { text.map(LineInput.line) }

@Suite("Self-study: the learner's words and a plain player")
struct SelfStudyTests {
    func storeInFolder() throws -> ProgressStore {
        try ProgressStore(directory: try temporaryDirectory().appendingPathComponent("data").path)
    }

    @Test("every corpus sentence round-trips byte for byte through reflect, the journal and its exports")
    func corpusRoundTrip() throws {
        let store = try storeInFolder()
        let (shell, output) = makeShell(store: store)
        shell.execute("play visit")
        for sentence in reflectionCorpus {
            shell.execute("reflect " + sentence)
        }
        #expect(output.errors.isEmpty, "\(output.errors)")
        #expect(try store.journal().map(\.text) == reflectionCorpus)
        let folder = try temporaryDirectory()
        shell.execute("journal export \(folder.path)/journal.json")
        shell.execute("journal export \(folder.path)/journal.md")
        let data = try Data(contentsOf: folder.appendingPathComponent("journal.json"))
        let entries = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(entries.compactMap { $0["text"] as? String } == reflectionCorpus)
        let markdown = try String(contentsOf: folder.appendingPathComponent("journal.md"), encoding: .utf8)
        for sentence in reflectionCorpus { #expect(markdown.contains("\n" + JournalExport.fenced(sentence) + "\n")) }
        #expect(markdown.components(separatedBy: "\n## a line that looks like a heading\n").count == 2
            && markdown.contains("```text\n## a line that looks like a heading\n```\n"),
            "a reflection cannot forge a heading: the line is only inside its fenced block")
    }

    @Test("the corpus round-trips as group notes and into the group export")
    func corpusAsGroupNotes() throws {
        let store = try storeInFolder()
        let (shell, output) = makeShell(store: store)
        shell.execute("group on")
        shell.execute("play visit")
        for sentence in reflectionCorpus { shell.execute("reflect " + sentence) }
        #expect(output.errors.isEmpty, "\(output.errors)")
        let latest = try #require(try store.latestGroupSession())
        let session = try #require(try store.groupSession(latest))
        #expect(session.notes.map(\.text) == reflectionCorpus)
        let export = try temporaryDirectory().appendingPathComponent("group.md")
        shell.execute("group export \(export.path)")
        let markdown = try String(contentsOf: export, encoding: .utf8)
        for sentence in reflectionCorpus { #expect(markdown.contains(MarkdownText.escape(sentence))) }
        #expect(try store.journal().isEmpty, "group notes stay out of the personal journal")
    }

    @Test("a multi-line reflection keeps every line, blank lines and spacing included")
    func multiLineExact() throws {
        let store = try storeInFolder()
        let (shell, _) = makeShell(store: store)
        let typed = ["She's \"fine\", she said.", "", "  I didn't push. \\ # 🙂", "\tשלום"]
        shell.readMore = { _ in .endOfInput }
        var queue = typed.map(LineInput.line) + [.line(".")]
        shell.readMore = { _ in queue.isEmpty ? .endOfInput : queue.removeFirst() }
        shell.execute("reflect")
        #expect(try store.journal().map(\.text) == [typed.joined(separator: "\n")])
    }

    @Test("Ctrl-C clears only the line; Ctrl-C twice offers to discard, and only 'yes' discards")
    func controlCInDraft() throws {
        let store = try storeInFolder()
        let (shell, output) = makeShell(store: store)
        var queue: [LineInput] = [.line("first"), .interrupted, .line("second"), .interrupted, .interrupted, .line("no"),
                                  .line("third"), .line(".")]
        shell.readMore = { _ in queue.isEmpty ? .endOfInput : queue.removeFirst() }
        shell.execute("reflect")
        #expect(output.text.replacingOccurrences(of: "\n", with: " ")
            .contains("Ctrl-C: only the line being typed, if any, was dropped. The line you wrote before it is kept."))
        #expect(try store.journal().map(\.text) == ["first\nsecond\nthird"])
        queue = [.line("to throw away"), .interrupted, .interrupted, .line("yes")]
        shell.execute("reflect")
        #expect(output.text.contains("The reflection was discarded."))
        #expect(try store.journal().count == 1)
        #expect(try store.drafts().isEmpty)
    }

    @Test("reflection text never goes into the history; commands do")
    func historyKeepsNoJournalText() throws {
        let store = try storeInFolder()
        let (shell, _) = makeShell(store: store)
        let reader = ScriptedReader(lines("play visit", "reflect Alicia's voice was flat.", "REFLECT loud words", "reflect",
                                          "a private line", ".", "I think she is sad today", "no", "1", "journal", "quit"))
        shell.run(reader: reader)
        #expect(reader.remembered == ["play visit", "reflect", "1", "journal", "quit"])
        #expect(try store.journal().map(\.text) == ["Alicia's voice was flat.", "loud words", "a private line"])
    }

    @Test("prose typed at a moment says how to choose or reflect, and is not saved")
    func typedProse() throws {
        let store = try storeInFolder()
        let (shell, output) = makeShell(store: store)
        shell.execute("play visit")
        shell.execute("I think she is waiting for her mum")
        #expect(output.errors.contains("type the number of a choice (1 to 2)"))
        #expect(output.errors.contains("start the line with 'reflect'"))
        #expect(try store.journal().isEmpty)
    }

    @Test("play finds a case by the start of its name or a word of its title; 'cases' lists them")
    func findingCases() throws {
        let (shell, output) = makeShell(store: try storeInFolder())
        shell.execute("play vis")
        #expect(shell.play.session?.scenario.id == "visit")
        shell.execute("stop")
        shell.execute("play VISIT")
        #expect(shell.play.session?.scenario.id == "visit")
        shell.execute("stop")
        output.clear()
        shell.execute("cases")
        #expect(output.text.contains("A visit"))
        shell.execute("play nothing-like-it")
        #expect(output.errors.contains("There is no case 'nothing-like-it'"))
    }

    @Test("restart asks first; anything but yes keeps the place")
    func restartAsks() throws {
        let (shell, output) = makeShell(store: try storeInFolder())
        shell.execute("play visit")
        shell.execute("1")
        var answers: [LineInput] = [.line("no")]
        shell.readMore = { _ in answers.isEmpty ? .endOfInput : answers.removeFirst() }
        shell.execute("restart")
        #expect(output.text.contains("Begin 'A visit' again from the start?"))
        #expect(shell.play.session?.state.node == "gaze")
        answers = [.line("yes")]
        shell.execute("restart")
        #expect(shell.play.session?.state.node == "arrival")
    }

    @Test("why after resuming shows the last choice's feedback")
    func whyAfterResume() throws {
        let store = try storeInFolder()
        let (first, _) = makeShell(store: store)
        first.execute("play visit")
        first.execute("1")
        first.execute("stop")
        let (again, output) = makeShell(store: store)
        again.execute("play visit")
        again.execute("why")
        #expect(output.errors.isEmpty)
        #expect(output.text.contains("Babies notice who comes to them."))
    }

    @Test("start-up names an unfinished case and an unfinished reflection")
    func startUpNotices() throws {
        let store = try storeInFolder()
        let (first, _) = makeShell(store: store)
        first.execute("play visit")
        first.execute("1")
        var queue = lines("a line kept")
        first.readMore = { _ in queue.isEmpty ? .interrupted : queue.removeFirst() }
        // The window closes during the draft: the reader stops answering with the draft open.
        _ = try store.beginDraft(ReflectionContext(scenario: CaseKey(id: "visit"), node: "gaze"), at: Date())
        let (again, output) = makeShell(store: store)
        again.run(reader: ScriptedReader([]))
        #expect(output.text.contains("You have an unfinished case, 'A visit'. Type 'play visit' to continue it."))
        #expect(output.text.contains("You have an unfinished reflection"))
        #expect(output.text.contains("'draft continue'"))
    }

    @Test("exports say the full path they wrote")
    func exportsEchoFullPath() throws {
        let (shell, output) = makeShell(store: try storeInFolder())
        let folder = try temporaryDirectory()
        let previous = FileManager.default.currentDirectoryPath
        _ = FileManager.default.changeCurrentDirectoryPath(folder.path)
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        shell.execute("journal export mine.md")
        shell.execute("progress export ./sub/../p.json")
        let real = URL(fileURLWithPath: folder.path).standardizedFileURL.path
        let said = output.text.replacingOccurrences(of: "\n", with: " ")
        #expect(said.contains("to \(real)/mine.md"))
        #expect(said.contains("to \(real)/p.json"))
    }

    @Test("help is grouped; author commands stay out of the learner's list and suggestions")
    func groupedHelp() throws {
        let (shell, output) = makeShell(store: try storeInFolder())
        shell.execute("help")
        #expect(output.text.contains("Cases\n"))
        #expect(output.text.contains("Your journal and progress\n"))
        #expect(!output.text.contains("goto NODE"))
        shell.execute("help authors")
        #expect(output.text.contains("goto NODE"))
        shell.execute("gotto")
        #expect(!output.errors.contains("goto"))
        shell.execute("jornal")
        #expect(output.errors.contains("Did you mean 'journal'?"))
        output.clear()
        shell.execute("help format")
        let guide = try #require(output.text.split(separator: " ").first { $0.hasSuffix("docs/authoring.md:") }).dropLast()
        #expect(FileManager.default.fileExists(atPath: String(guide)), "help format names the guide in the repository")
    }

    @Test("learner-facing play shows titles and words, never node or competency ids")
    func noInternalIDs() throws {
        let (shell, output) = makeShell(store: try storeInFolder())
        for line in ["play visit", "1", "1", "progress", "journal"] { shell.execute(line) }
        #expect(shell.prompt == "A visit · ending> ")
        for id in ["arrival", "gaze", "ending: warm", "competency.reflection", "greet-baby"] {
            #expect(!output.text.contains(id), "'\(id)' reached the learner")
        }
    }

    @Test("the prompt names the case and the moment; the first moment gives a hint")
    func promptInWords() throws {
        let (shell, output) = makeShell(store: try storeInFolder())
        shell.execute("play visit")
        #expect(shell.prompt == "A visit · moment 1> ")
        #expect(output.text.contains("Type 1-2 to choose, or 'help'."))
        shell.execute("1")
        #expect(shell.prompt == "A visit · moment 2> ")
        shell.execute("choices")
        #expect(output.text.contains("And now?"))
    }

    @Test("accessible mode: no bars or colour, labels first, prompts that say what they accept")
    func accessibleMode() throws {
        let output = CapturedOutput()
        let shell = Shell(library: fixtureLibrary(), output: output, style: TextStyle(enabled: true), width: { 60 },
                          store: try storeInFolder(), bundledScenarios: fixtureScenarioFolder, accessible: true)
        for line in ["play visit", "1", "1", "progress"] { shell.execute(line) }
        #expect(!output.text.contains("█"))
        #expect(!output.text.contains("\u{1B}["))
        #expect(output.text.contains("Attuned: 2 of 2"))
        shell.execute("back")
        #expect(shell.prompt.contains("Type a choice number from 1 to"))
        shell.execute("group on")
        shell.execute("play visit")
        shell.execute("votes 3 4")
        #expect(output.text.contains("Choice 1, 3 votes: Greet the baby."))
        #expect(!output.text.contains("█"))
    }

    @Test("a draft case with a bundled id keeps its own record")
    func draftWithBundledID() throws {
        let store = try storeInFolder()
        let folder = try temporaryDirectory()
        let bundledFile = folder.appendingPathComponent("bundled/visit.yaml")
        try FileManager.default.createDirectory(at: bundledFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        let library = fixtureLibrary()
        var bundled = library.scenarios[0]
        bundled.file = bundledFile.path
        var draft = library.scenarios[0]
        draft.file = folder.appendingPathComponent("drafts/visit.yaml").path
        let output = CapturedOutput()
        let real = Shell(library: ContentLibrary(knowledge: library.knowledge, scenarios: [bundled], diagnostics: []),
                         output: output, store: store, bundledScenarios: bundledFile.deletingLastPathComponent().path)
        real.execute("play visit")
        real.execute("1")
        let author = Shell(library: ContentLibrary(knowledge: library.knowledge, scenarios: [draft], diagnostics: []),
                           output: output, store: store, bundledScenarios: bundledFile.deletingLastPathComponent().path)
        author.execute("play visit")
        #expect(author.play.session?.state.node == "arrival", "the draft starts fresh")
        author.execute("2")
        author.execute("2")
        real.execute("stop")
        real.execute("play visit")
        #expect(real.play.session?.state.path.map(\.choice) == ["greet-baby"])
    }

    /// Issue 22, item 9: the draft's choices, ending and journal entries stay out of the
    /// learner's progress and are never titled as the real case, in either window.
    @Test("a draft with a bundled id never counts in progress, and each journal entry is titled by its own case")
    func draftStaysOutOfTheRecord() throws {
        let store = try storeInFolder()
        let folder = try temporaryDirectory()
        let library = fixtureLibrary()
        var bundled = library.scenarios[0]
        bundled.file = folder.appendingPathComponent("bundled/visit.yaml").path
        var draft = library.scenarios[0]
        draft.file = folder.appendingPathComponent("drafts/visit.yaml").path
        draft.title = "My draft visit"
        let bundledFolder = folder.appendingPathComponent("bundled").path
        let realOutput = CapturedOutput()
        let real = Shell(library: ContentLibrary(knowledge: library.knowledge, scenarios: [bundled], diagnostics: []),
                         output: realOutput, store: store, bundledScenarios: bundledFolder)
        let authorOutput = CapturedOutput()
        let author = Shell(library: ContentLibrary(knowledge: library.knowledge, scenarios: [draft], diagnostics: []),
                           output: authorOutput, store: store, bundledScenarios: bundledFolder)
        for line in ["play visit", "1", "reflect In the real case."] { real.execute(line) }
        for line in ["play visit", "2", "reflect In the draft.", "1"] { author.execute(line) }
        #expect(author.play.session?.isAtEnding == true)

        realOutput.clear()
        real.execute("progress")
        #expect(realOutput.text.contains("Cases done: 0 of 1; in progress: 1"))
        #expect(!realOutput.text.contains("Endings reached"))
        #expect(realOutput.text.contains("(1 choice)"))
        #expect(realOutput.text.contains("Not counted: 1 case you played from an author's draft"))
        #expect(realOutput.text.contains("'progress --include-drafts' counts them too."))
        real.execute("progress --include-drafts")
        #expect(realOutput.text.contains("(3 choices)"))

        realOutput.clear()
        real.execute("journal")
        #expect(realOutput.text.contains("· A visit\n  What first?") || realOutput.text.contains("· A visit"))
        #expect(realOutput.text.components(separatedBy: "· A visit").count == 2, "\(realOutput.text)")
        #expect(realOutput.text.contains("· an author's draft, not loaded now"))
        authorOutput.clear()
        author.execute("journal")
        #expect(authorOutput.text.components(separatedBy: "· My draft visit").count == 2, "\(authorOutput.text)")
        #expect(authorOutput.text.contains("· visit"))

        let markdown = folder.appendingPathComponent("p.md")
        real.execute("progress export \(markdown.path)")
        let text = try String(contentsOf: markdown, encoding: .utf8)
        #expect(!text.contains("ending"), "\(text)")
        #expect(text.contains("- A visit, "))
        let drafts = folder.appendingPathComponent("drafts").path
        real.execute("progress export \(markdown.path) --include-drafts")
        let withDrafts = try String(contentsOf: markdown, encoding: .utf8)
        #expect(withDrafts.contains("- visit (a draft, from \(drafts)): a concerning ending"))
        #expect(withDrafts.contains("  1. a choice in a draft that is not loaded now (Missed the cue)"))
        #expect(!withDrafts.contains("- A visit: "))
        author.execute("progress export \(markdown.path) --include-drafts")
        let fromDraft = try String(contentsOf: markdown, encoding: .utf8)
        #expect(fromDraft.contains("- My draft visit (a draft, from \(drafts)): a concerning ending"))
        #expect(fromDraft.contains("  1. Start the forms. (Missed the cue)"))
        #expect(!fromDraft.contains("- A visit"))
    }
}
