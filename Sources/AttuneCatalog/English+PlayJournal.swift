import AttuneCore

extension English {
    private static let lines = Plural(one: "line", other: "lines")
    private static let entries = Plural(one: "entry", other: "entries")

    func journal(_ text: JournalText) -> String {
        switch text {
        case let .saved(groupNote): groupNote ? "Saved as a group note." : "Saved to your journal."
        case .groupReflectNeedsCase:
            "In group mode, reflections are group notes kept with a case the room plays. Start one with 'play', "
                + "or continue one with 'group resume N'."
        case let .problem(problem):
            switch problem {
            case .empty: "The reflection was empty, so nothing was saved."
            case .noJournal: "Your journal cannot be saved in this session (the progress file could not be opened)."
            case let .notSaved(reason): "Could not save your reflection: \(reason)"
            }
        case .reflectUsage: "Write your reflection after the command, for example: reflect I noticed her quiet."
        case .writeLines:
            "Write as many lines as you like; each is kept as you go. End with a line holding only a full stop (.) "
                + "or press Ctrl-D to save."
        case let .pastedNotRun(lines):
            "You pasted \(lines) lines. Pasted lines are never run as commands; type one command at a time."
        case let .keepPasteQuestion(lines): "You pasted \(lines) lines. Nothing was run. Keep them in your journal as a reflection?"
        case .pasteNotKept: "Not kept. Pasted lines are never run as commands; type one command at a time."
        case let .notACommand(choices): choices ? "Those words are not a command or a choice." : "Those words are not a command."
        case .keepQuestion: "Keep this in your journal?"
        case let .notKept(choices):
            "Not kept. Press Up to bring the words back."
                + (choices > 0 ? " To answer, type the number of a choice (1 to \(choices))." : "")
        case let .linePrompt(line): "Reflection, line \(line). A line with only a full stop saves> "
        case .lineNotKept: "This line was not kept; the lines before it are."
        case .pasteNotAllKept: "The pasted lines were not all kept; type 'draft' to see what was."
        case .keptAsDraft: "Your lines are kept as a draft: type 'draft' to see them."
        case let .discardQuestion(lines):
            "Discard this whole reflection (\(Self.lines(lines)))? Type yes to discard it; "
                + "anything else keeps it and you go on writing."
        case .discarded: "The reflection was discarded."
        case .keptGoOn: "Kept. Go on writing; a line holding only a full stop (.) saves."
        case let .interrupted(linesBefore):
            "Ctrl-C: only the line being typed, if any, was dropped. "
                + (linesBefore == 0 ? "Nothing is written yet."
                    : linesBefore == 1 ? "The line you wrote before it is kept."
                    : "The \(Self.lines(linesBefore)) you wrote before it are kept.")
                + " Go on writing, end with a full stop (.) to save, or press Ctrl-C again to discard the whole reflection."
        case .emptyNothingToSave: "The reflection was empty, so there was nothing to save."
        case let .unfinishedNotice(at, title, lines):
            "You have an unfinished reflection from \(at)\(title.map { " in '\($0)'" } ?? ""), \(Self.lines(lines))."
        case .unfinishedOptions:
            "Type 'draft' to read it, 'draft continue' to keep writing, 'draft save' to keep it in your journal, "
                + "or 'draft discard' to throw it away."
        case .noUnfinished: "There is no unfinished reflection. Type 'reflect' to write one."
        case let .unfinishedFrom(at, title): "Unfinished reflection from \(at)\(title.map { " in '\($0)'" } ?? ""):"
        case .noLinesYet: "(no lines yet)"
        case .draftOptions: "'draft continue' keeps writing, 'draft save' saves it as it is, 'draft discard' throws it away."
        case .draftContinueInShell: "'draft continue' works in the shell. Type 'attune' to open it."
        case .goOnWriting: "Go on writing; a line holding only a full stop (.) or Ctrl-D saves."
        case let .discardUnfinishedQuestion(lines):
            "Discard the unfinished reflection (\(Self.lines(lines)))? It cannot be brought back."
        case .kept: "Kept."
        case .unfinishedDiscarded: "The unfinished reflection was discarded."
        case .draftUsage: "Use 'draft' to read it, 'draft continue', 'draft save' or 'draft discard'."

        case .unavailable: "Your journal is not available in this session (the progress file could not be opened)."
        case let .couldNotRead(problem): "Could not read your journal: \(problem)"
        case .exportUsage: "Use 'journal' to read it or 'journal export FILE' to save it (Markdown, or JSON for a .json file)."
        case let .couldNotPrepare(problem): "Could not prepare your journal for export: \(problem)"
        case .searchUsage:
            "Type the words to look for after 'journal search', for example: journal search bottle. "
                + "Put a phrase in quotes to find it whole: journal search \"felt a pull\"."
        case let .noSuchCase(query):
            "There is no case '\(query)'. Use 'journal' to read your journal, 'journal' and a "
                + "case's first word (for example 'journal maya'), 'journal search WORDS', 'journal delete N' or "
                + "'journal export FILE'. Type 'cases' to see the cases."
        case .empty: "Your journal is empty. During a case, type 'reflect' to write an entry."
        case .footer: "'journal search WORDS' finds entries, 'journal CASE' shows one case's, and 'journal delete N' deletes entry N."
        case let .noEntriesFrom(title):
            "Your journal has no entries from '\(title)' yet. During the case, type 'reflect' to write one."
        case let .entriesFrom(count, title): "\(Self.entries(count)) from '\(title)':"
        case let .noneMention(words): "No entry in your journal mentions \(asked(words))."
        case let .mention(count, words, numbers):
            "\(Self.entries(count)) mention\(count == 1 ? "s" : "") \(asked(words)) "
                + "(entr\(count == 1 ? "y" : "ies") \(numbers.map(String.init).joined(separator: ", "))):"
        case let .entry(id): "Entry \(id)"
        case .draftNotLoaded: "an author's draft, not loaded now"
        case .deleteUsage: "Use 'journal delete N' with the entry's number as the journal shows it, for example: journal delete 3."
        case .whichEntry: "Which entry? " + journal(.deleteUsage)
        case let .notAnEntryNumber(word): "'\(word)' is not an entry number. " + journal(.deleteUsage)
        case let .noEntry(number):
            "There is no entry \(number) in your journal. Type 'journal' to see your entries and their numbers."
        case let .deleteQuestion(number):
            "Delete entry \(number) from your journal? It cannot be brought back, and later exports will not "
                + "have it. Type yes to delete it; anything else keeps it."
        case let .keptNothingDeleted(number):
            "Kept; nothing was deleted. To delete entry \(number) without being asked, type:\n  journal delete \(number) yes"
        case let .nothingDeleted(number):
            "Nothing was deleted: deleting asks first. To delete entry \(number), type:\n  attune journal delete \(number) yes"
        case let .noLongerThere(number): "Entry \(number) is no longer in your journal; nothing else was deleted."
        case let .deleted(number): "Entry \(number) was deleted from your journal."
        case .othersKeepNumbers: "The other entries keep their numbers."
        }
    }

    /// The searched words, each quoted as typed: "'bottle' and 'night'".
    private func asked(_ words: [String]) -> String {
        words.map { "'\($0)'" }.joined(separator: " and ")
    }

    func export(_ text: ExportText) -> String {
        switch text {
        case let .wrote(saved, path): "Wrote \(self.saved(saved)) to \(path)"
        case let .replaced(saved, path): "Replaced \(path) with \(self.saved(saved))."
        case .journalTitle: "# Attune journal"
        case let .journalExported(at, entries): "Exported \(at). \(Self.entries(entries))."
        case let .journalEntry(id, at, title): "## Entry \(id), \(at)" + (title.map { ": \($0)" } ?? "")
        case .progressTitle: "# Attune progress"
        case let .exported(at): "Exported \(at)."
        case let .progressTotals(done, of, journalEntries): "Cases done: \(done) of \(of). Journal entries: \(journalEntries)."
        case .noneYet: "None yet."
        case .howChoicesMet: "How choices met the family"
        case .ratingColumn: "Rating"
        case .choicesColumn: "Choices"
        case .competencyColumn: "Competency"
        case .paths: "Paths"
        case let .reached(kind): "reached \(playing(.endingKind(kind)))"
        case .inProgress: "in progress"
        case let .draftFrom(title, folder): "\(title) (a draft, from \(folder))"
        case .earlierVersionChoice: "a choice from an earlier version of the case"
        case .draftChoiceNotLoaded: "a choice in a draft that is not loaded now"
        }
    }

    private func saved(_ saved: ExportText.Saved) -> String {
        switch saved {
        case .progress: "your progress"
        case let .journal(entries): "\(grouped(entries)) journal \(entries == 1 ? "entry" : "entries")"
        }
    }
}
