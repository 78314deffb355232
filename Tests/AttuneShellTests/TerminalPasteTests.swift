import AttuneStore
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

private let pasteTmuxPath = tmuxPath
/// The same real terminal as the other tmux tests (TmuxSession.swift).
private typealias PasteTerminal = TmuxSession

/// Pasting, TAB and words typed in the wrong place, in a real terminal.
@Suite("Terminal pasting and free text", .serialized, .enabled(if: pasteTmuxPath != nil, "tmux is not installed; `make test` installs it"))
struct TerminalPasteTests {
    /// The paste: a sentence, "2", a sentence; with a tab, an apostrophe, accents, emoji.
    static let pasted = ["She said it's \"fine\".\tI wasn't sure.", "2", "  Then Maya looked away — très vite 🙂"]

    fileprivate func maya(_ terminal: PasteTerminal, data: URL) throws {
        try terminal.start("\(attuneBinary.path) --data-dir \(data.path) --color never")
        _ = try terminal.waitFor("the prompt") { PasteTerminal.lastLine($0) == "attune>" }
        try terminal.send("play maya", "Enter")
        _ = try terminal.waitFor("the first moment") { PasteTerminal.lastLine($0).hasSuffix("moment 1>") }
    }

    /// The screen once a reflection is saved and the prompt is drawn again. Waiting for the
    /// saved line alone can catch the screen between it and the prompt, on the hint line.
    fileprivate func waitUntilSaved(_ terminal: PasteTerminal) throws -> String {
        try terminal.waitFor("the reflection saved, and the prompt back") {
            $0.contains("Saved to your journal.") && PasteTerminal.lastLine($0).hasSuffix(">")
        }
    }

    fileprivate func quit(_ terminal: PasteTerminal) throws {
        try terminal.send("C-u", "quit", "Enter")
        let deadline = Date().addingTimeInterval(10)
        while (try? terminal.format("#{pane_dead}")) == "0", Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    }

    @Test("a block pasted after 'reflect ' is one reflection, kept whole, with or without bracketed paste; no line becomes a choice",
          arguments: [true, false])
    func pasteAfterReflect(bracketed: Bool) throws {
        let data = try temporaryDirectory().appendingPathComponent("data")
        let terminal = PasteTerminal()
        try maya(terminal, data: data)
        try terminal.send("-l", "reflect ")
        try terminal.paste(Self.pasted.joined(separator: "\n") + "\n", bracketed: bracketed)
        let saved = try waitUntilSaved(terminal)
        #expect(PasteTerminal.lastLine(saved).hasSuffix("moment 1>"), "no pasted line made a choice")
        #expect(!saved.contains("Partly attuned") && !saved.contains("There is no command"))
        try quit(terminal)
        let store = try ProgressStore(directory: data.path)
        #expect(try store.journal().map(\.text) == [Self.pasted.joined(separator: "\n")])
        #expect(try store.activityLog().choices.isEmpty)
    }

    @Test("a block pasted at a moment is never run: the learner is asked, and yes keeps it in the journal")
    func pasteAtMomentAsks() throws {
        let data = try temporaryDirectory().appendingPathComponent("data")
        let terminal = PasteTerminal()
        try maya(terminal, data: data)
        let block = "1\nplay theo\nI felt rushed."
        try terminal.paste(block + "\n", bracketed: true)
        _ = try terminal.waitFor("the question") { $0.contains("You pasted 3 lines.") && PasteTerminal.lastLine($0) == "(yes/no)" }
        try terminal.send("yes", "Enter")
        let saved = try waitUntilSaved(terminal)
        #expect(PasteTerminal.lastLine(saved).hasSuffix("Maya · moment 1>"))
        // Without bracketed paste as well: asked, and no leaves nothing behind.
        try terminal.paste(block, bracketed: false)
        _ = try terminal.waitFor("the second question") { $0.components(separatedBy: "You pasted 3 lines.").count == 3 }
        try terminal.send("no", "Enter")
        let kept = try terminal.waitFor("not kept") { $0.contains("Not kept.") }
        #expect(PasteTerminal.lastLine(kept).hasSuffix("Maya · moment 1>"))
        try quit(terminal)
        let store = try ProgressStore(directory: data.path)
        #expect(try store.journal().map(\.text) == [block])
        #expect(try store.activityLog().choices.isEmpty, "the pasted '1' chose nothing")
    }

    @Test("a block pasted inside a multi-line reflection joins it whole, and the draft's prompt stays its own")
    func pasteInsideDraft() throws {
        let data = try temporaryDirectory().appendingPathComponent("data")
        let terminal = PasteTerminal()
        try maya(terminal, data: data)
        try terminal.send("reflect", "Enter")
        _ = try terminal.waitFor("the draft prompt") { PasteTerminal.lastLine($0) == "..." }
        try terminal.send("-l", "First, typed.")
        try terminal.send("Enter")
        _ = try terminal.waitFor("the typed line kept") { $0.contains("First, typed.") && PasteTerminal.lastLine($0) == "..." }
        try terminal.paste("pasted one\n.\n\tpasted three\n", bracketed: true)
        Thread.sleep(forTimeInterval: 1.2)
        let screen = try terminal.screen()
        #expect(PasteTerminal.lastLine(screen) == "...", "the draft prompt is not replaced by the case's")
        #expect(!screen.contains("Saved"), "a pasted '.' is text, not the end of the draft")
        try terminal.send(".", "Enter")
        _ = try terminal.waitFor("saved") { $0.contains("Saved to your journal.") }
        try quit(terminal)
        let store = try ProgressStore(directory: data.path)
        let text = try store.journal().map(\.text)
        #expect(text == ["First, typed.\npasted one\n.\n\tpasted three"], "\(text.map { $0.debugDescription })")
    }

    @Test("TAB in a reflection is a tab; TAB never writes a file name's escape sequence to the terminal")
    func tabs() throws {
        let folder = try temporaryDirectory()
        let data = folder.appendingPathComponent("data")
        _ = FileManager.default.createFile(atPath: folder.appendingPathComponent("notes-\u{1B}]0;PWNED\u{07}.md").path, contents: Data())
        let terminal = PasteTerminal()
        try terminal.start("\(attuneBinary.path) --data-dir \(data.path) --color never", in: folder.path)
        _ = try terminal.waitFor("the prompt") { PasteTerminal.lastLine($0) == "attune>" }
        let title = try terminal.format("#{pane_title}")
        try terminal.send("-l", "reflect Before")
        try terminal.send("Tab")
        try terminal.send("-l", "after")
        try terminal.send("Enter")
        _ = try terminal.waitFor("saved") { $0.contains("Saved to your journal.") }
        try terminal.send("-l", "journal export no")
        try terminal.send("Tab")
        let listed = try terminal.waitFor("the name listed, made harmless") { $0.contains("notes-\u{FFFD}]0;PWNED\u{FFFD}.md") }
        #expect(PasteTerminal.lastLine(listed) == "attune> journal export notes-")
        #expect(try terminal.format("#{pane_title}") == title, "the window title was not changed")
        try quit(terminal)
        let store = try ProgressStore(directory: data.path)
        #expect(try store.journal().map(\.text) == ["Before\tafter"])
    }

    @Test("'reflect:' is reflect; a sentence at a moment is offered to the journal, Up recalls it, the history file never holds it")
    func wordsInTheWrongForm() throws {
        let data = try temporaryDirectory().appendingPathComponent("data")
        let terminal = PasteTerminal()
        try maya(terminal, data: data)
        try terminal.send("-l", "reflect: I felt a pull to fix it.")
        try terminal.send("Enter")
        _ = try terminal.waitFor("saved") { $0.contains("Saved to your journal.") }
        try terminal.send("-l", "I wonder whether Alicia's tired.")
        try terminal.send("Enter")
        _ = try terminal.waitFor("the offer") { $0.contains("Keep this in your journal?") && PasteTerminal.lastLine($0) == "(yes/no)" }
        Thread.sleep(forTimeInterval: 0.8)
        #expect(PasteTerminal.lastLine(try terminal.screen()) == "(yes/no)", "the question's prompt is not replaced by the case's")
        try terminal.send("no", "Enter")
        _ = try terminal.waitFor("not kept") { $0.contains("Not kept. Press Up") }
        try terminal.send("Up")
        _ = try terminal.waitFor("the words recalled") { PasteTerminal.lastLine($0) == "Maya · moment 1> I wonder whether Alicia's tired." }
        try terminal.send("Enter")
        _ = try terminal.waitFor("the offer again") { $0.components(separatedBy: "Keep this in your journal?").count == 3 }
        try terminal.send("yes", "Enter")
        _ = try terminal.waitFor("saved again") { $0.components(separatedBy: "Saved to your journal.").count == 3 }
        try quit(terminal)
        let store = try ProgressStore(directory: data.path)
        #expect(try store.journal().map(\.text) == ["I felt a pull to fix it.", "I wonder whether Alicia's tired."])
        let history = try String(contentsOf: data.appendingPathComponent("history"), encoding: .utf8)
        #expect(!history.contains("pull") && !history.contains("wonder") && !history.contains("Alicia"))
    }

    @Test("bracketed paste is turned off when Attune leaves, by quit or by SIGTERM")
    func bracketedPasteOffAfterward() throws {
        for ending in ["quit", "SIGTERM"] {
            let data = try temporaryDirectory().appendingPathComponent("data")
            let terminal = PasteTerminal()
            // After Attune, `cat -v` shows whatever the terminal sends, markers included.
            try terminal.start("sh -c '\(attuneBinary.path) --data-dir \(data.path) --color never; echo ENDED; exec cat -v'")
            _ = try terminal.waitFor("the prompt") { PasteTerminal.lastLine($0) == "attune>" }
            if ending == "quit" {
                try terminal.send("quit", "Enter")
            } else {
                let shell = try #require(pid_t(try terminal.format("#{pane_pid}")))
                let child = try spawn(["/usr/bin/pgrep", "-P", "\(shell)"]).trimmingCharacters(in: .whitespacesAndNewlines)
                kill(try #require(pid_t(child)), SIGTERM)
            }
            _ = try terminal.waitFor("Attune ended (\(ending))") { $0.contains("ENDED") }
            try terminal.paste("after\n", bracketed: true)
            let screen = try terminal.waitFor("the paste shown by cat") { $0.components(separatedBy: "after").count >= 3 }
            #expect(!screen.contains("[200~"), "bracketed paste still on after \(ending)")
        }
    }
}
