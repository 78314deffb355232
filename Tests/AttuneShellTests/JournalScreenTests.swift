import AttuneCore
@testable import AttuneStore
import Foundation
import Testing
@testable import AttuneShell

private func journalStore() throws -> ProgressStore {
    try ProgressStore(directory: try temporaryDirectory().appendingPathComponent("data").path)
}

/// The text inside each fenced block of a Markdown export, as a renderer reads it.
private func fencedBlocks(_ markdown: String) -> [String] {
    var blocks: [String] = []
    var fence: String?
    var lines: [String] = []
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
        if let open = fence {
            if line == open {
                blocks.append(lines.joined(separator: "\n"))
                fence = nil
            } else {
                lines.append(line)
            }
        } else if line.hasPrefix("```") {
            fence = String(line.prefix { $0 == "`" })
            lines = []
        }
    }
    return blocks
}

@Suite("The journal shows and exports the learner's words exactly")
struct JournalScreenTests {
    @Test("lines that fit are printed exactly: leading spaces, runs of spaces, tabs to the next stop")
    func exactWhenItFits() {
        #expect(VerbatimText.lines("   three in,   three between", width: 60, gutter: "  ")
            == ["     three in,   three between"])
        #expect(VerbatimText.lines("a\tb\t\tc", width: 60) == ["a       b               c"])
        #expect(VerbatimText.lines("\tTab first", width: 60) == ["        Tab first"])
        #expect(VerbatimText.lines("日本\tx", width: 60) == ["日本    x"], "a wide character takes two columns")
        #expect(VerbatimText.lines("one\n\n  two\n", width: 60) == ["one", "", "  two", ""])
    }

    @Test("a line wider than the window wraps between words and continues under its own indent")
    func wrapsUnderItsOwnIndent() {
        let lines = VerbatimText.lines("    four in, and a line that goes on past the edge", width: 24, gutter: "  ")
        #expect(lines == ["      four in, and a", "      line that goes on", "      past the edge"])
        #expect(lines.allSatisfy { TextLayout.visibleWidth($0) <= 24 })
        #expect(VerbatimText.lines("a  b  " + String(repeating: "x", count: 30), width: 12)
            == ["a  b", "xxxxxxxxxxxx", "xxxxxxxxxxxx", "xxxxxx"], "a word longer than a row is split where rows end")
        let deep = VerbatimText.lines(String(repeating: " ", count: 30) + "deep words here", width: 20)
        #expect(deep.allSatisfy { TextLayout.visibleWidth($0) <= 20 }, "\(deep)")
        #expect(deep.joined(separator: " ").split(separator: " ") == ["deep", "words", "here"])
    }

    @Test("control characters never reach the terminal raw")
    func controlCharacters() {
        let lines = VerbatimText.lines("red \u{1B}[31mtext\u{07}", width: 60)
        #expect(lines == ["red \u{FFFD}[31mtext\u{FFFD}"])
    }

    @Test("the journal screen numbers entries and keeps indentation, spacing and tabs as typed")
    func journalScreen() throws {
        let store = try journalStore()
        try store.addJournalEntry(text: "First line.\n  Two spaces in.\nTwo  spaces   and\ta tab.",
                                  context: ReflectionContext(), at: Date())
        let (shell, output) = makeShell(width: 60, store: store)
        shell.execute("journal")
        #expect(output.text.contains("Entry 1 · "))
        #expect(output.text.contains("\n  First line.\n    Two spaces in.\n  Two  spaces   and       a tab.\n"), "\(output.text)")
        #expect(output.text.contains("'journal delete N'"))
        #expect(output.text.split(separator: "\n").allSatisfy { TextLayout.visibleWidth($0) <= 60 })
    }

    @Test("in accessible mode an entry's heading has commas, not dots a screen reader would name")
    func accessibleHeading() {
        let entry = JournalEntry(id: 4, createdAt: Date(timeIntervalSince1970: 0), scenarioID: "visit", text: "x")
        let lines = JournalRenderer(style: .plain, width: 80, accessible: true).entry(entry, titles: [CaseKey(id: "visit"): "A visit"])
        #expect(lines.first?.hasPrefix("Entry 4, ") == true && lines.first?.hasSuffix(", A visit") == true, "\(lines)")
        #expect(!lines.joined().contains("·"))
    }

    @Test("the Markdown export reads as typed and renders exactly: a fenced block, longer than any backticks inside")
    func markdownExport() throws {
        let texts = reflectionCorpus + ["  two in\n\tand a tab\n\n```\nnot the end ```` of it\n", "trailing backslash \\\nnext"]
        let entries = texts.enumerated().map { index, text in
            JournalEntry(id: Int64(index + 1), createdAt: Date(timeIntervalSince1970: 0), text: text)
        }
        let markdown = JournalExport.markdown(entries, titles: [:], exportedAt: Date(timeIntervalSince1970: 0))
        #expect(fencedBlocks(markdown) == texts)
        #expect(!markdown.contains("\u{00A0}"), "no no-break spaces in place of leading spaces")
        #expect(!markdown.contains("\\\\"), "no doubled backslashes")
        #expect(!markdown.contains("  two in\\\n") && !markdown.contains("First line.\\"))
        #expect(markdown.contains("\n`````text\n  two in\n\tand a tab\n"), "the fence is longer than the four backticks inside")
        #expect(markdown.contains("## Entry 2, "))
    }
}

@Suite("journal CASE, journal search, journal delete", .serialized)
struct JournalCommandsTests {
    @Test("journal delete asks first, showing the entry; only yes deletes; numbers stay; exports leave it out")
    func deleteAsksFirst() throws {
        let store = try journalStore()
        for text in ["Keep this one.", "A mistaken paste.\n2\nanother line", "Keep this too."] {
            try store.addJournalEntry(text: text, context: ReflectionContext(), at: Date())
        }
        let (shell, output) = makeShell(width: 80, store: store)
        var answers: [LineInput] = [.line("no")]
        shell.readMore = { _ in answers.isEmpty ? .endOfInput : answers.removeFirst() }
        shell.execute("journal delete 2")
        #expect(output.text.contains("Entry 2 · "))
        #expect(output.text.contains("  A mistaken paste.\n  2\n  another line\n"))
        #expect(output.text.contains("Delete entry 2 from your journal?"))
        #expect(output.text.contains("Kept; nothing was deleted."))
        #expect(output.text.contains("\n  journal delete 2 yes\n"), "the command to copy is on its own line")
        #expect(try store.journal().count == 3)

        answers = [.line("yes")]
        output.clear()
        shell.execute("journal delete 2")
        #expect(output.text.contains("Entry 2 was deleted from your journal."))
        #expect(try store.journal().map(\.text) == ["Keep this one.", "Keep this too."])

        output.clear()
        shell.execute("journal")
        #expect(output.text.contains("Entry 1 · ") && output.text.contains("Entry 3 · ") && !output.text.contains("Entry 2 "))
        let file = try temporaryDirectory().appendingPathComponent("j.md")
        shell.execute("journal export \(file.path)")
        let markdown = try String(contentsOf: file, encoding: .utf8)
        #expect(!markdown.contains("mistaken paste") && markdown.contains("## Entry 3, "))
    }

    @Test("journal delete explains each slip", arguments: [
        ("journal delete", "Which entry? Use 'journal delete N'"),
        ("journal delete two", "'two' is not an entry number."),
        ("journal delete 0", "'0' is not an entry number."),
        ("journal delete 99", "There is no entry 99 in your journal. Type 'journal' to see your entries and their numbers."),
        ("journal delete 1 2", "Use 'journal delete N' with the entry's number"),
        ("journal search", "Type the words to look for after 'journal search'"),
    ])
    func deleteSlips(typed: String, message: String) throws {
        let store = try journalStore()
        try store.addJournalEntry(text: "only one", context: ReflectionContext(), at: Date())
        let (shell, output) = makeShell(width: 200, store: store)
        shell.execute(typed)
        #expect(output.errors.contains(message), "\(output.errors)")
        #expect(try store.journal().count == 1)
    }

    @Test("a group note is not in the journal and cannot be deleted by its number")
    func groupNotesStayOut() throws {
        let store = try journalStore()
        let (shell, output) = makeShell(store: store)
        shell.execute("group on")
        shell.execute("play visit")
        shell.execute("reflect The room's note.")
        shell.execute("group off")
        let session = try #require(try store.latestGroupSession())
        let note = try #require(try store.groupSession(session)?.notes.first)
        output.clear()
        shell.execute("journal delete \(note.id) yes")
        #expect(output.errors.contains("There is no entry \(note.id) in your journal."))
        shell.execute("journal search room")
        #expect(output.text.contains("No entry in your journal mentions 'room'."))
    }

    @Test("TAB completes the journal's words and case names")
    func completion() {
        let (shell, _) = makeShell()
        #expect(shell.complete("journal ").candidates == ["delete", "export", "search", "visit"])
        #expect(shell.complete("journal s").candidates == ["search"])
    }
}

@Suite("journal commands end to end", .serialized)
struct JournalEndToEndTests {
    /// A data folder holding three entries in Maya, one in Jonah and a group note.
    func seeded() throws -> String {
        let data = try temporaryDirectory().appendingPathComponent("data").path
        let store = try ProgressStore(directory: data)
        let maya = ReflectionContext(scenario: CaseKey(id: "maya-quiet-visit"), prompt: "What might the stillness say?")
        try store.addJournalEntry(text: "  I wanted to fix it.\n\tThen I waited.", context: maya, at: Date())
        try store.addJournalEntry(text: "Naïve of me: the crèche never called.", context: ReflectionContext(), at: Date())
        try store.addJournalEntry(text: "Jonah's father watched the door.",
                                  context: ReflectionContext(scenario: CaseKey(id: "jonah-first-week")), at: Date())
        let room = try store.startGroupSession(CaseKey(id: "maya-quiet-visit"), at: Date())
        try store.addJournalEntry(text: "A group note about Maya.",
                                  context: ReflectionContext(scenario: CaseKey(id: "maya-quiet-visit"), groupSession: room),
                                  at: Date())
        store.close()
        return data
    }

    @Test("journal CASE takes the words play takes, lists several, and shows only that case's own entries")
    func journalOfCase() throws {
        let data = try seeded()
        let maya = try runAttune(["journal", "maya", "--data-dir", data], environment: ["COLUMNS": "60"])
        #expect(maya.status == 0)
        #expect(maya.stdout.contains("1 entry from 'Maya, four months: a quiet home visit':"), "\(maya.stdout)")
        #expect(maya.stdout.contains("\n    I wanted to fix it.\n          Then I waited.\n"), "\(maya.stdout)")
        #expect(!maya.stdout.contains("Jonah") && !maya.stdout.contains("group note"))
        let several = try runAttune(["journal", "n", "--data-dir", data])
        #expect(several.status == 1)
        #expect(several.stderr.contains("More than one case fits 'n':"))
        #expect(several.stderr.contains("journal nadia-supervision-hour"))
        let unknown = try runAttune(["journal", "zebra", "--data-dir", data])
        #expect(unknown.status == 1 && unknown.stderr.contains("There is no case 'zebra'."))
        let empty = try runAttune(["journal", "theo", "--data-dir", data])
        #expect(empty.stdout.contains("Your journal has no entries from 'Theo, two years: after the party' yet."))
    }

    @Test("journal search is case- and accent-insensitive and names each hit's number")
    func search() throws {
        let data = try seeded()
        let hits = try runAttune(["journal", "search", "CRECHE", "--data-dir", data])
        #expect(hits.stdout.contains("1 entry mentions 'CRECHE' (entry 2):"), "\(hits.stdout)")
        #expect(hits.stdout.contains("Entry 2 · "))
        let prompt = try runAttune(["journal", "search", "stillness", "--data-dir", data])
        #expect(prompt.stdout.contains("(entry 1)"))
        let none = try runAttune(["journal", "search", "group", "note", "--data-dir", data])
        #expect(none.stdout.contains("No entry in your journal mentions 'group' and 'note'."))
    }

    @Test("journal delete from the command line asks for yes, and says what to type")
    func deleteFromCommandLine() throws {
        let data = try seeded()
        let asked = try runAttune(["journal", "delete", "2", "--data-dir", data])
        #expect(asked.status == 1)
        #expect(asked.stdout.contains("Naïve of me"))
        #expect(asked.stderr.contains("Nothing was deleted: deleting asks first. To delete entry 2, type:\n"
            + "  attune journal delete 2 yes"))
        let piped = try runAttune(["--data-dir", data], input: "journal delete 2\nno\n")
        #expect(piped.stdout.contains("Kept; nothing was deleted."))
        let confirmed = try runAttune(["--data-dir", data], input: "journal delete 2\nyes\njournal\n")
        #expect(confirmed.stdout.contains("Entry 2 was deleted from your journal."))
        #expect(confirmed.stdout.contains("Entry 1 · ") && confirmed.stdout.contains("Entry 3 · "))
        let direct = try runAttune(["journal", "delete", "3", "yes", "--data-dir", data])
        #expect(direct.status == 0 && direct.stdout.contains("Entry 3 was deleted"))
        let json = try runAttune(["journal", "export", "-", "--data-dir", data])
        #expect(!json.stdout.contains("crèche") && !json.stdout.contains("Jonah's father"))
        let store = try ProgressStore(directory: data)
        #expect(try store.journal().map(\.id) == [1])
    }
}
