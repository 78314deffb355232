import AttuneStore
import Foundation
import Testing

/// TAB completion, history across runs and Ctrl-C, through libedit in a real terminal.
@Suite("Terminal end to end", .serialized, .enabled(if: tmuxPath != nil, "tmux is not installed; `make test` installs it"))
struct TerminalEndToEndTests {
    @Test("TAB completes, Ctrl-C clears the line, history survives a restart")
    func interactiveSession() throws {
        let parent = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let data = parent.appendingPathComponent("data")
        let command = "\(attuneBinary.path) --data-dir \(data.path) --color never"

        let first = TmuxSession()
        try first.start(command)
        _ = try first.waitFor("the prompt") { TmuxSession.lastLine($0) == "attune>" }

        // "sh" + TAB completes to the only command that fits.
        try first.send("sh", "Tab")
        _ = try first.waitFor("'show ' after TAB") { TmuxSession.lastLine($0) == "attune> show" }

        // "show ten" + TAB lists the tenet ids.
        try first.send("ten", "Tab")
        let listed = try first.waitFor("the tenet ids") { screen in
            (1...6).allSatisfy { screen.contains("tenet.\($0)") }
        }
        #expect(TmuxSession.lastLine(listed).hasPrefix("attune> show tenet"))

        // Ctrl-C mid-line drops the line and leaves the shell running.
        try first.send("C-c")
        _ = try first.waitFor("a fresh prompt after Ctrl-C") { screen in
            screen.contains("^C") && TmuxSession.lastLine(screen) == "attune>"
        }
        #expect(first.isRunning)

        try first.send("show tenet.4", "Enter")
        _ = try first.waitFor("the entry") { $0.contains("Ghosts in the nursery") }
        try first.send("quit", "Enter")
        let deadline = Date().addingTimeInterval(10)
        while first.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(!first.isRunning, "quit ends the shell")

        // History is private and kept across runs.
        let history = data.appendingPathComponent("history").path
        let attributes = try FileManager.default.attributesOfItem(atPath: history)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let folder = try FileManager.default.attributesOfItem(atPath: data.path)
        #expect((folder[.posixPermissions] as? Int).map { $0 & 0o077 } == 0)

        let second = TmuxSession()
        try second.start(command)
        _ = try second.waitFor("the prompt") { TmuxSession.lastLine($0) == "attune>" }
        try second.send("Up")
        _ = try second.waitFor("'quit' recalled") { TmuxSession.lastLine($0) == "attune> quit" }
        try second.send("Up")
        _ = try second.waitFor("'show tenet.4' recalled") { TmuxSession.lastLine($0) == "attune> show tenet.4" }

        // Ctrl-D on an empty line leaves cleanly.
        try second.send("C-u", "C-d")
        let end = Date().addingTimeInterval(10)
        while second.isRunning, Date() < end { Thread.sleep(forTimeInterval: 0.05) }
        #expect(!second.isRunning, "Ctrl-D ends the shell")
    }

    @Test("a multi-line reflection survives Ctrl-C and a closed window, line by line, and never enters the history")
    func draftSurvivesClosedWindow() throws {
        let parent = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let data = parent.appendingPathComponent("data")
        let command = "\(attuneBinary.path) --data-dir \(data.path) --color never"
        let typed = ["I didn't expect Alicia's silence", "to feel so heavy — «lourd» 🙂", "  and \"fine\" wasn't fine."]

        let first = TmuxSession()
        try first.start(command, columns: 60)
        _ = try first.waitFor("the prompt") { TmuxSession.lastLine($0) == "attune>" }
        try first.send("play maya", "Enter")
        _ = try first.waitFor("the first moment") { TmuxSession.lastLine($0).hasSuffix("moment 1>") }
        try first.send("reflect", "Enter")
        _ = try first.waitFor("the draft prompt") { TmuxSession.lastLine($0) == "..." }
        for line in typed {
            try first.send("-l", line)
            try first.send("Enter")
            _ = try first.waitFor("the line kept") { $0.contains(line.trimmingCharacters(in: .whitespaces)) && TmuxSession.lastLine($0) == "..." }
        }
        // Ctrl-C on a half-typed line clears only that line.
        try first.send("-l", "half a thought")
        try first.send("C-c")
        _ = try first.waitFor("the Ctrl-C note") { $0.contains("only the line being typed, if any, was dropped") }
        #expect(first.isRunning)
        // The window closes mid-draft.
        try first.closeWindow()
        Thread.sleep(forTimeInterval: 0.3)

        let second = TmuxSession()
        try second.start(command, columns: 60)
        let greeting = try second.waitFor("the unfinished reflection notice") { $0.contains("unfinished reflection") }
        #expect(greeting.contains("3 lines"))
        try second.send("draft save", "Enter")
        _ = try second.waitFor("saved") { $0.contains("Saved to your journal.") }
        let store = try ProgressStore(directory: data.path)
        #expect(try store.journal().map(\.text) == [typed.joined(separator: "\n")])
        // Up recalls commands, never the reflection's lines.
        try second.send("Up")
        _ = try second.waitFor("'draft save' recalled") { TmuxSession.lastLine($0) == "attune> draft save" }
        try second.send("Up")
        _ = try second.waitFor("'reflect' recalled") { TmuxSession.lastLine($0) == "attune> reflect" }
        try second.send("Up")
        _ = try second.waitFor("'play maya' recalled") { TmuxSession.lastLine($0) == "attune> play maya" }
        let history = try String(contentsOf: data.appendingPathComponent("history"), encoding: .utf8)
        #expect(!history.contains("Alicia") && !history.contains("heavy"))
        try second.send("C-u", "quit", "Enter")
    }

    @Test("phones voting update the prompt line in place, and the line being typed stays whole")
    func liveVoteCount() throws {
        let parent = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let data = parent.appendingPathComponent("data")
        let session = TmuxSession()
        try session.start("\(attuneBinary.path) --group --serve --bind 127.0.0.1 --port 0 --data-dir \(data.path) --color never",
                          columns: 72)
        let joined = try session.waitFor("the join link") { $0.contains("Room code:") }
        let link = try #require(joined.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.hasPrefix("http://127.0.0.1:") && $0.hasSuffix("/") })
        let (port, code) = try #require(RoomEndToEndTests.parts(of: link))
        try session.send("play maya", "Enter")
        _ = try session.waitFor("the first moment") { $0.contains("What do you do first?") }
        try session.send("open", "Enter")
        _ = try session.waitFor("voting open") { TmuxSession.lastLine($0).hasPrefix("Maya · moment 1 · 0 voted>") }
        // Half a sentence typed, with an apostrophe, an accent and an emoji; then phones vote.
        try session.send("-l", "reflect Elle n'a rien dit, très calme ☕")
        let body = RawHTTP.request(port, "GET", "/r/\(code)/state")?.body ?? ""
        let decision = (try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])?["decision"] as? Int ?? 0
        for phone in 0..<3 { #expect(RawHTTP.vote(port, code: code, device: "p\(phone)", decision: decision, choice: 0) == 200) }
        let updated = try session.waitFor("three votes on the prompt") { $0.contains("Maya · moment 1 · 3 voted> reflect Elle n'a rien dit, très calme ☕") }
        #expect(updated.components(separatedBy: "Maya · moment 1 · ").count == 2, "the prompt is drawn again in place, not added")
        try session.send("Enter")
        _ = try session.waitFor("the group note") { $0.contains("Saved") || $0.contains("saved") }
        try session.send("quit", "Enter")
        let store = try ProgressStore(directory: data.path)
        #expect(try store.groupSession(1)?.notes.first?.text == "Elle n'a rien dit, très calme ☕")
        #expect(try store.groupSession(1)?.pending?.ballots.count == 3, "the phones' votes are kept for the room")
    }

    @Test("at 40 columns in accessible mode the prompt's words wrap between words, then a short prompt")
    func accessiblePromptAtForty() throws {
        let parent = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let session = TmuxSession()
        try session.start("\(attuneBinary.path) --accessible --data-dir \(parent.appendingPathComponent("data").path)", columns: 40)
        _ = try session.waitFor("the prompt") { TmuxSession.lastLine($0).hasSuffix(">") }
        try session.send("play maya", "Enter")
        let screen = try session.waitFor("the moment's prompt") { TmuxSession.lastLine($0) == ">" }
        let lines = screen.components(separatedBy: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(lines.suffix(3).joined(separator: " ").contains("Maya, moment 1. Type a choice number from 1 to 3, or a command."))
        #expect(lines.allSatisfy { $0.count <= 40 })
        try session.send("1", "Enter")
        _ = try session.waitFor("moment 2") { $0.contains("Maya, moment 2. Type a choice") }
    }

    @Test("TAB after 'group ' lists every sub-word of the command table, sessions, resume and serve included")
    func groupSubWordsInTerminal() throws {
        let parent = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let session = TmuxSession()
        try session.start("\(attuneBinary.path) --data-dir \(parent.appendingPathComponent("data").path) --color never --group")
        _ = try session.waitFor("the prompt") { TmuxSession.lastLine($0) == "attune>" }
        try session.send("group ")
        _ = try session.waitFor("the typed word") { TmuxSession.lastLine($0).hasPrefix("attune> group") }
        Thread.sleep(forTimeInterval: 0.3)
        try session.send("Tab")
        Thread.sleep(forTimeInterval: 0.3)
        try session.send("Tab")
        let listed = try session.waitFor("the group sub-words") { screen in
            ["sessions", "resume", "serve", "export", "off"].allSatisfy { screen.contains($0) }
        }
        #expect(TmuxSession.lastLine(listed).hasPrefix("attune> group"))
        try session.send("se")
        Thread.sleep(forTimeInterval: 0.3)
        try session.send("Tab")
        _ = try session.waitFor("'se' narrows to sessions and serve") { screen in
            TmuxSession.lastLine(screen).hasPrefix("attune> group se") && screen.contains("serve     sessions")
        }
        try session.send("C-c")
        try session.send("quit", "Enter")
    }
}
