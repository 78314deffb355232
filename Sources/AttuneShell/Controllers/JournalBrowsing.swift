import AttuneCatalog
import AttuneCore
import AttuneStore
import Foundation

/// `journal`: the learner's journal, whole, for one case or by words; deleting an entry;
/// exporting it. Entries are numbered once, for good: the same number on every screen,
/// in exports and in `journal delete N`, and a deleted entry's number is never reused.
extension JournalController {
    var journalRenderer: JournalRenderer { JournalRenderer(style: style, width: width(), accessible: accessible, catalog: catalog) }

    func journal(_ arguments: [String]) {
        guard let store else {
            fail(words(.unavailable))
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
            fail(words(.couldNotRead(problem: "\(error)")))
        }
    }

    private func exportJournal(_ arguments: [String], from store: ProgressStore) throws(StoreError) {
        guard arguments.count == 2 else {
            fail(words(.exportUsage))
            return
        }
        let entries = try store.journal()
        let path = Shell.absolutePath(arguments[1])
        let text: String
        do {
            text = path.lowercased().hasSuffix(".json") ? try JournalExport.json(entries)
                : JournalExport.markdown(entries, titles: scenarioTitles, exportedAt: now(), catalog: catalog)
        } catch {
            fail(words(.couldNotPrepare(problem: "\(error)")))
            return
        }
        saveExport(text, to: path, saved: .journal(entries: entries.count))
    }

    private func searchJournal(_ words: [String], in store: ProgressStore) throws(StoreError) {
        guard !words.isEmpty else {
            fail(self.words(.searchUsage))
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
            var lines = [catalog.playing(.severalCasesFit(query: TerminalText.quoted(query)))]
            for match in matches { lines.append("  journal \(match.id)   \(TextLayout.neutralize(match.title))") }
            fail(lines.joined(separator: "\n"))
        case .none:
            fail(words(.noSuchCase(query: TerminalText.quoted(query))))
        }
    }

    private func deleteJournalEntry(_ arguments: [String], from store: ProgressStore) throws(StoreError) {
        guard let word = arguments.first else {
            fail(words(.whichEntry))
            return
        }
        guard let number = Int64(word), number > 0 else {
            fail(words(.notAnEntryNumber(TerminalText.quoted(word))))
            return
        }
        let answeredYes = arguments.count == 2 && ["yes", "y"].contains(arguments[1].lowercased())
        guard arguments.count == 1 || answeredYes else {
            fail(words(.deleteUsage))
            return
        }
        guard let entry = try store.journal().first(where: { $0.id == number }) else {
            fail(words(.noEntry(number)))
            return
        }
        guard group.confirmPrivateOnSharedScreen("journal delete \(number)", what: .journalEntry) else { return }
        say(journalRenderer.entry(entry, titles: scenarioTitles).joined(separator: "\n"))
        guard answeredYes || confirm(words(.deleteQuestion(number))) else {
            // The command on a line of its own, whole, to copy.
            guard readMore == nil else {
                say(words(.keptNothingDeleted(number)))
                return
            }
            fail(words(.nothingDeleted(number)))
            return
        }
        guard try store.deleteJournalEntry(number) else {
            fail(words(.noLongerThere(number)))
            return
        }
        say(style.good(words(.deleted(number))) + " " + words(.othersKeepNumbers))
    }

    /// What to type again to show a private screen in group mode, as the learner typed it.
    private func typedAgain(_ command: String, _ words: [String]) -> String {
        ([command] + words.map { $0.contains(" ") ? "\"\($0)\"" : $0 }).joined(separator: " ")
    }
}
