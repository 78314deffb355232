import AttuneCore
import AttuneStore
import Foundation
import Testing
@testable import AttuneShell

private func storeInTemporaryFolder() throws -> ProgressStore {
    try ProgressStore(directory: try temporaryDirectory().appendingPathComponent("data").path)
}

@Suite("Player")
struct PlayerTests {
    @Test("play shows the content note, the moment, the journal prompt and numbered choices")
    func play() throws {
        let (shell, output) = makeShell(store: try storeInTemporaryFolder())
        shell.execute("play visit")
        let text = output.text
        #expect(text.hasPrefix("A visit\nContent note: this case touches on low mood."))
        #expect(text.contains("You arrive. The baby is very still."))
        #expect(text.contains("Reflect: What might the stillness say?"))
        #expect(text.contains("What first?\n\n  1. Greet the baby.\n  2. Start the forms.\n"))
        #expect(shell.play.session?.state.node == "arrival")
    }

    @Test("a choice shows the rating in words, feedback, perspectives and refs; offered choices follow the conditions")
    func choose() throws {
        let (shell, output) = makeShell(store: try storeInTemporaryFolder())
        shell.execute("play visit")
        output.clear()
        shell.execute("1")
        let text = output.text
        #expect(text.contains("Attuned\nBabies notice who comes to them."))
        #expect(text.contains("The baby: Someone came down to me."))
        #expect(text.contains("The parent: She came for my baby."))
        #expect(text.contains("Read more (show ID):\n  tenet.1  Nurturing relationships"))
        #expect(text.contains("  1. Wait for her.\n  2. Talk on."))
        #expect(shell.play.session?.state.node == "gaze")
        shell.execute("back")
        shell.execute("choose 2")
        #expect(output.text.contains("Missed the cue"))
        output.clear()
        shell.execute("why")
        #expect(output.text.contains("The forms can wait."))
        #expect(!output.text.contains("Wait for her."), "why repeats the feedback, not the moment")
    }

    @Test("an ending shows its debrief, the path with ratings, competencies and the closing prompt")
    func ending() throws {
        let (shell, output) = makeShell(store: try storeInTemporaryFolder())
        shell.execute("play visit")
        shell.execute("1")
        output.clear()
        shell.execute("1")
        let text = output.text
        // One question on the screen: the ending's own closing question, which 'reflect' files under.
        #expect(!text.contains("Reflect: What was it like to wait?"))
        #expect(text.contains("A warm moment."))
        #expect(text.contains("Debrief\nYou waited.\n\nYou greeted the baby first."))
        #expect(text.contains("Your path\n  1. Greet the baby.\n      Attuned\n  2. Wait for her.\n      Attuned"))
        #expect(text.contains("Competencies exercised\n  Reflection"))
        #expect(text.contains("To close: What will you bring to supervision?"))
    }

    @Test("back from an ending and a different choice gives a different ending; both are recorded")
    func backToAnotherEnding() throws {
        let store = try storeInTemporaryFolder()
        let (shell, output) = makeShell(store: store)
        for line in ["play visit", "1", "1"] { shell.execute(line) }
        #expect(output.text.contains("A warm moment."))
        output.clear()
        shell.execute("back")
        #expect(output.text.contains("Back to the moment before the ending. The ending stays in the record."))
        #expect(shell.play.session?.state.node == "gaze")
        shell.execute("2")
        #expect(output.text.contains("It stays flat."))
        #expect(output.text.contains("The silence stayed."))
        #expect(try store.progress().endings.map(\.ending) == ["warm", "flat"])
    }

    @Test("stop keeps the place; play resumes at the same moment with the same counters")
    func resume() throws {
        let store = try storeInTemporaryFolder()
        let (shell, _) = makeShell(store: store)
        for line in ["play visit", "1", "stop"] { shell.execute(line) }
        #expect(shell.prompt == "attune> ")
        let (again, output) = makeShell(store: store)
        again.execute("play visit")
        #expect(output.text.contains("Continuing where you stopped (1 choice so far)."))
        #expect(output.text.contains("The baby looks away."))
        #expect(output.text.contains("1. Wait for her."), "the condition trust >= 1 holds again")
        #expect(again.play.session?.state.node == "gaze")
        again.execute("scenarios")
        #expect(output.text.contains("visit  in progress"))
    }

    @Test("restart begins again; the old path is left out of progress")
    func restart() throws {
        let store = try storeInTemporaryFolder()
        let (shell, output) = makeShell(store: store)
        for line in ["play visit", "2", "restart"] { shell.execute(line) }
        #expect(output.text.contains("Starting 'A visit' again."))
        #expect(shell.play.session?.state.node == "arrival")
        #expect(try store.progress().ratingCounts.isEmpty)
    }

    @Test("reflect saves an entry tied to the moment and the prompt offered; journal lists and exports it")
    func reflect() throws {
        let store = try storeInTemporaryFolder()
        let (shell, output) = makeShell(store: store)
        shell.execute("play visit")
        shell.execute("reflect She seemed to be waiting for someone.")
        #expect(output.text.contains("Saved to your journal."))
        let entry = try #require(try store.journal().first)
        #expect(entry.scenarioID == "visit")
        #expect(entry.nodeID == "arrival")
        #expect(entry.prompt == "What might the stillness say?")
        output.clear()
        shell.execute("journal")
        #expect(output.text.contains("· A visit\n"))
        #expect(output.text.contains("She seemed to be waiting for someone."))
        let file = try temporaryDirectory().appendingPathComponent("journal.md")
        shell.execute("journal export \(file.path)")
        let markdown = try String(contentsOf: file, encoding: .utf8)
        #expect(markdown.hasPrefix("# Attune journal"))
        #expect(markdown.contains(": A visit\n\n> What might the stillness say?\n\n```text\nShe seemed to be waiting for someone.\n```"))
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let jsonFile = file.deletingLastPathComponent().appendingPathComponent("journal.json")
        shell.execute("journal export \(jsonFile.path)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: jsonFile)) as? [[String: Any]]
        #expect(json?.first?["text"] as? String == "She seemed to be waiting for someone.")
        #expect(json?.first?["nodeID"] as? String == "arrival")
        shell.execute("journal export /nonexistent/folder/j.md")
        #expect(output.errors.contains("Could not write /nonexistent/folder/j.md"))
    }

    @Test("reflect with no text reads lines until a lone full stop")
    func multilineReflect() throws {
        let store = try storeInTemporaryFolder()
        let (shell, output) = makeShell(store: store)
        var lines = ["First line.", "Second line.", " . "]
        shell.readMore = { _ in lines.isEmpty ? .endOfInput : .line(lines.removeFirst()) }
        shell.execute("reflect")
        #expect(output.text.replacingOccurrences(of: "\n", with: " ").contains("End with a line holding only a full stop (.)"))
        #expect(try store.journal().map(\.text) == ["First line.\nSecond line."])
        // Input that ends (Ctrl-D) before the full stop saves what was written.
        lines = ["unfinished"]
        shell.execute("reflect")
        #expect(try store.journal().map(\.text).last == "unfinished")
        #expect(try store.drafts().isEmpty)
    }

    @Test("progress shows cases done, endings, rating counts and competencies")
    func progress() throws {
        let (shell, output) = makeShell(store: try storeInTemporaryFolder())
        for line in ["play visit", "1", "1"] { shell.execute(line) }
        output.clear()
        shell.execute("progress")
        let text = output.text
        #expect(text.contains("Cases done: 1 of 1"))
        #expect(text.contains("A visit: a hopeful ending"))
        #expect(text.contains("Attuned           ████████████████████ 2"))
        #expect(text.contains("Reflection  ████████████████████ 2"))
    }

    @Test("mistakes in play are explained and change nothing", arguments: [
        ("choose 1", "'choose' works inside a case"),
        ("back", "'back' works inside a case"),
        ("play nowhere", "There is no case 'nowhere'."),
        ("play visti", "Did you mean 'play visit'?"),
        ("play", "'play' needs a case, for example: play maya."),
    ])
    func outsideCase(line: String, message: String) throws {
        let (shell, output) = makeShell(store: try storeInTemporaryFolder())
        shell.execute(line)
        #expect(output.errors.contains(message))
        #expect(shell.prompt == "attune> ")
    }

    @Test("a choice that is not offered, or back at the start, is explained")
    func badChoices() throws {
        let (shell, output) = makeShell(store: try storeInTemporaryFolder())
        shell.execute("play visit")
        shell.execute("7")
        #expect(output.errors.contains("There is no choice 7 here; type a number from 1 to 2."))
        shell.execute("back")
        #expect(output.errors.contains("You are at the start of the case"))
        shell.execute("why")
        #expect(output.errors.contains("There is no feedback to show yet"))
        shell.execute("2")
        shell.execute("choose wait")
        #expect(output.errors.contains("There is no choice wait here"), "the condition trust >= 1 does not hold")
        #expect(shell.play.session?.state.node == "gaze")
    }

    @Test("without a store, play works and reflect says it cannot save")
    func noStore() {
        let (shell, output) = makeShell()
        shell.execute("play visit")
        shell.execute("1")
        #expect(output.text.contains("Attuned"))
        shell.execute("reflect a thought")
        #expect(output.errors.contains("cannot be saved in this session"))
    }

    @Test("TAB completes case ids after play, and journal export")
    func completion() {
        let (shell, _) = makeShell()
        #expect(shell.complete("play v").candidates == ["visit"])
        #expect(shell.complete("journal e").candidates == ["export"])
    }
}
