import AttuneCore
import AttuneStore
import Foundation
import Testing
@testable import AttuneShell

/// Plays back typed lines and pastes, and tells apart what goes into the history file from
/// what Up recalls in this session only.
private final class PastingReader: LineReader {
    var inputs: [LineInput]
    private(set) var remembered: [String] = []
    private(set) var rememberedForSession: [String] = []
    let isInteractive = true

    init(_ inputs: [LineInput]) { self.inputs = inputs }

    func readLine(prompt: String) -> LineInput { inputs.isEmpty ? .endOfInput : inputs.removeFirst() }
    func remember(_ line: String) { remembered.append(line) }
    func rememberForSession(_ line: String) { rememberedForSession.append(line) }
}

@Suite("Pasting and words in the wrong form")
struct PasteAndFreeTextTests {
    func store() throws -> ProgressStore {
        try ProgressStore(directory: try temporaryDirectory().appendingPathComponent("data").path)
    }

    @Test("pasted bytes: every line break becomes a newline, the last one is dropped, tabs and spaces stay")
    func pastedText() {
        let text = PastedText.text(Array("one\r\ttwo  \r\nthree\n\r".utf8))
        #expect(text == "one\n\ttwo  \nthree\n\n")
        #expect(PastedText.trimmed(text) == "one\n\ttwo  \nthree")
        #expect(PastedText.lineCount(text) == 3)
        #expect(PastedText.isBlock(text))
        #expect(!PastedText.isBlock("one line with a\ttab\r"))
        #expect(PastedText.text([0x61, 0xFF, 0x62]) == "a\u{FFFD}b")
        #expect(PastedText.text(Array("\nline\u{1B}[200~two\u{1B}[201~".utf8)) == "\nlinetwo", "markers are never text")
        #expect(String(String.UnicodeScalarView(PastedText.typable("a\tb\u{1B}[2J\u{7}é🙂\n"))) == "a\tb[2Jé🙂")
    }

    @Test("a completion never inserts an escape, another control or a bidi override")
    func insertable() {
        #expect(Completion.insertable("notes-\u{1B}]0;PWNED\u{07}.md") == "notes-")
        #expect(Completion.insertable("plain name.md") == "plain name.md")
        #expect(Completion.insertable("a\u{202E}b") == "a")
        #expect(Completion.insertable("café/") == "café/")
    }

    @Test("the words of 'reflect WORDS', 'reflect: WORDS' and a pasted 'reflect' block")
    func reflectionWords() {
        #expect(JournalController.reflectionWords("reflect: I felt a pull to fix it.") == "I felt a pull to fix it.")
        #expect(JournalController.reflectionWords("Reflect:I felt") == "I felt")
        #expect(JournalController.reflectionWords("  reflect  two spaces kept") == " two spaces kept")
        #expect(JournalController.reflectionWords("reflect\nline one\nline two") == "line one\nline two")
        #expect(JournalController.reflectionWords("reflection is hard") == nil)
        #expect(JournalController.reflectionWords("I reflect") == nil)
    }

    @Test("a block pasted after 'reflect ' is saved whole; at a moment it is asked about and never run")
    func pastes() throws {
        let store = try store()
        let (shell, output) = makeShell(store: store)
        shell.execute("play visit")
        let block = "a sentence\n2\n\tanother sentence"
        let reader = PastingReader([.paste("reflect " + block), .paste("1\nquit"), .line("no"), .paste(block), .line("yes")])
        shell.run(reader: reader)
        #expect(try store.journal().map(\.text) == [block, block])
        #expect(try store.activityLog().choices.isEmpty, "no pasted line made a choice")
        #expect(output.text.contains("You pasted 2 lines. Nothing was run. Keep them in your journal as a reflection?"))
        #expect(output.text.contains("Not kept. Pasted lines are never run as commands"))
        #expect(reader.remembered.isEmpty && reader.rememberedForSession.isEmpty, "a paste goes into no history")
    }

    @Test("a block pasted into a multi-line reflection joins it, a '.' inside it is text, and each line is kept")
    func pasteInDraft() throws {
        let store = try store()
        let (shell, _) = makeShell(store: store)
        var queue: [LineInput] = [.line("typed first"), .paste("pasted\n.\n  indented"), .line(".")]
        shell.readMore = { _ in queue.isEmpty ? .endOfInput : queue.removeFirst() }
        shell.execute("reflect")
        #expect(try store.journal().map(\.text) == ["typed first\npasted\n.\n  indented"])
    }

    @Test("a sentence typed at a moment is offered to the journal and recalled by Up in this session only")
    func proseAtMoment() throws {
        let store = try store()
        let (shell, output) = makeShell(store: store)
        shell.execute("play visit")
        let reader = PastingReader(lines("She seemed so tired today.", "no", "She cried", "yes", "shwo tenet.4", "reflect: I felt a pull to fix it."))
        shell.run(reader: reader)
        #expect(output.text.contains("Keep this in your journal?"))
        #expect(output.text.contains("Not kept. Press Up to bring the words back."))
        #expect(output.errors.contains("There is no command 'shwo'. Did you mean 'show'?"), "a misspelt command is no sentence")
        #expect(try store.journal().map(\.text) == ["She cried", "I felt a pull to fix it."])
        #expect(reader.rememberedForSession == ["She seemed so tired today.", "She cried"])
        #expect(reader.remembered.contains("shwo tenet.4"), "a misspelt command is remembered as commands are")
        #expect(!reader.remembered.contains { $0.contains("tired") || $0.contains("cried") || $0.contains("pull") })
    }

    @Test("piped: 'reflect:' is reflect, and a sentence still gets the hint without taking the next line")
    func piped() throws {
        let data = try temporaryDirectory().appendingPathComponent("data")
        let result = try runAttune(["--data-dir", data.path, "--color", "never"],
                                   input: "play maya\nreflect: I felt a pull to fix it.\nShe looked away from me.\n1\njournal\n")
        #expect(result.stderr.contains("start the line with 'reflect'"))
        let store = try ProgressStore(directory: data.path)
        #expect(try store.journal().map(\.text) == ["I felt a pull to fix it."])
        #expect(try store.activityLog().choices.count == 1, "the line after the sentence is still a choice")
    }

    @Test("TAB: a tab inside a reflection's words, a draft or a sentence; completions elsewhere")
    func tabCompletion() {
        let (shell, _) = makeShell()
        #expect(shell.complete("reflect I felt").isText)
        #expect(shell.complete("reflect ").isText)
        #expect(shell.complete("reflect: so").isText)
        #expect(shell.complete("She was ").isText)
        #expect(!shell.complete("sh").isText)
        #expect(shell.complete("sh").candidates.contains("show"))
        #expect(!shell.complete("show ten").isText)
        #expect(!shell.complete("reflect").isText, "the command word itself still completes")
        shell.journal.writingReflection = true
        #expect(shell.complete("show ").isText, "a draft's line is all words")
    }
}
