import AttuneCore
import AttuneStore
import Foundation

/// `journal`: the learner's journal, whole, for one case or by words; deleting an entry;
/// exporting it. Entries are numbered once, for good: the same number on every screen,
/// in exports and in `journal delete N`, and a deleted entry's number is never reused.
extension JournalController {
    static let journalDetails = "'journal' shows every entry, numbered, with your words exactly as you typed them. "
        + "'journal maya' shows the entries from one case (named as for 'play'). 'journal search WORDS' shows the entries "
        + "that mention all the words, in your text or the prompt, whatever the capitals or accents. 'journal delete N' "
        + "deletes entry N after showing it and asking; it is then gone from later exports too. The other entries keep "
        + "their numbers. 'journal export FILE' saves it: Markdown, or JSON for a .json file."

    var journalRenderer: JournalRenderer { JournalRenderer(style: style, width: width(), accessible: accessible) }

    func journal(_ arguments: [String]) {
        guard let store else {
            fail("Your journal is not available in this session (the progress file could not be opened).")
            return
        }
        do {
            switch arguments.first?.lowercased() {
            case nil:
                guard group.confirmPrivateOnSharedScreen("journal", what: .journal) else { return }
                say(journalRenderer.journal(try store.journal(), titles: scenarioTitles))
            case "export":
                try exportJournal(arguments, from: store)
            case "search":
                try searchJournal(Array(arguments.dropFirst()), in: store)
            case "delete":
                try deleteJournalEntry(Array(arguments.dropFirst()), from: store)
            default:
                try showJournal(ofCase: arguments.joined(separator: " "), in: store)
            }
        } catch {
            fail("Could not read your journal: \(error)")
        }
    }

    private func exportJournal(_ arguments: [String], from store: ProgressStore) throws(StoreError) {
        guard arguments.count == 2 else {
            fail("Use 'journal' to read it or 'journal export FILE' to save it (Markdown, or JSON for a .json file).")
            return
        }
        let entries = try store.journal()
        let path = Shell.absolutePath(arguments[1])
        let text: String
        do {
            text = path.lowercased().hasSuffix(".json") ? try JournalExport.json(entries)
                : JournalExport.markdown(entries, titles: scenarioTitles, exportedAt: now())
        } catch {
            fail("Could not prepare your journal for export: \(error)")
            return
        }
        savePrivately(text, to: path, saying: "\(entries.count) journal entr\(entries.count == 1 ? "y" : "ies")")
    }

    private func searchJournal(_ words: [String], in store: ProgressStore) throws(StoreError) {
        guard !words.isEmpty else {
            fail("Type the words to look for after 'journal search', for example: journal search bottle. "
                + "Put a phrase in quotes to find it whole: journal search \"felt a pull\".")
            return
        }
        guard group.confirmPrivateOnSharedScreen(typedAgain("journal search", words), what: .journalEntries,
                                           them: true) else { return }
        say(journalRenderer.search(try store.searchJournal(words), words: words, titles: scenarioTitles))
    }

    private func showJournal(ofCase query: String, in store: ProgressStore) throws(StoreError) {
        switch library.findScenario(query) {
        case let .found(scenario):
            guard group.confirmPrivateOnSharedScreen("journal " + query, what: .journalEntries, them: true)
            else { return }
            let entries = try store.journal(of: origins.key(for: scenario))
            say(journalRenderer.journal(entries, of: scenario.title, titles: scenarioTitles))
        case let .several(matches):
            var lines = ["More than one case fits '\(TerminalText.quoted(query))':"]
            for match in matches { lines.append("  journal \(match.id)   \(TextLayout.neutralize(match.title))") }
            fail(lines.joined(separator: "\n"))
        case .none:
            fail("There is no case '\(TerminalText.quoted(query))'. Use 'journal' to read your journal, 'journal' and a "
                + "case's first word (for example 'journal maya'), 'journal search WORDS', 'journal delete N' or "
                + "'journal export FILE'. Type 'cases' to see the cases.")
        }
    }

    private func deleteJournalEntry(_ arguments: [String], from store: ProgressStore) throws(StoreError) {
        let usage = "Use 'journal delete N' with the entry's number as the journal shows it, for example: journal delete 3."
        guard let word = arguments.first else {
            fail("Which entry? " + usage)
            return
        }
        guard let number = Int64(word), number > 0 else {
            fail("'\(TerminalText.quoted(word))' is not an entry number. " + usage)
            return
        }
        let answeredYes = arguments.count == 2 && ["yes", "y"].contains(arguments[1].lowercased())
        guard arguments.count == 1 || answeredYes else {
            fail(usage)
            return
        }
        guard let entry = try store.journal().first(where: { $0.id == number }) else {
            fail("There is no entry \(number) in your journal. Type 'journal' to see your entries and their numbers.")
            return
        }
        guard group.confirmPrivateOnSharedScreen("journal delete \(number)", what: .journalEntry) else { return }
        say(journalRenderer.entry(entry, titles: scenarioTitles).joined(separator: "\n"))
        let question = "Delete entry \(number) from your journal? It cannot be brought back, and later exports will not "
            + "have it. Type yes to delete it; anything else keeps it."
        guard answeredYes || confirm(question) else {
            // The command on a line of its own, whole, to copy.
            guard readMore == nil else {
                say("Kept; nothing was deleted. To delete entry \(number) without being asked, type:\n"
                    + "  journal delete \(number) yes")
                return
            }
            fail("Nothing was deleted: deleting asks first. To delete entry \(number), type:\n"
                + "  attune journal delete \(number) yes")
            return
        }
        guard try store.deleteJournalEntry(number) else {
            fail("Entry \(number) is no longer in your journal; nothing else was deleted.")
            return
        }
        say(style.good("Entry \(number) was deleted from your journal.") + " The other entries keep their numbers.")
    }

    /// What to type again to show a private screen in group mode, as the learner typed it.
    private func typedAgain(_ command: String, _ words: [String]) -> String {
        ([command] + words.map { $0.contains(" ") ? "\"\($0)\"" : $0 }).joined(separator: " ")
    }
}
