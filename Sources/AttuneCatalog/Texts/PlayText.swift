import AttuneCore

/// Playing a case alone: the case list, opening, choosing, why, back, restart, progress, the journal and its screens, reflect, and the progress export.
///
/// Each case carries its values; `English` and `Spanish` put it in words (see
/// `MessageCatalog.playing(_:)`). What an author or the learner wrote (titles, prompts,
/// reflections) arrives as a value and is never translated. The journal's words are
/// `JournalText`, the exports' `ExportText`.
public enum PlayText: Sendable, Hashable {
    // MARK: The case list and opening a case
    /// A case's standing in the learner's record, as the list shows it.
    case status(CaseStatus)
    /// No cases were loaded.
    case noCases
    /// Under a case's title: "12 min · for Home visitors; Nurses" (`audience`: the topics' titles, joined).
    case minutesFor(minutes: Int, audience: String)
    /// Under the list: how to open a case, with an example name when there is one.
    case listHint(example: String?)
    /// Before a case: what it touches on (`topics`: the author's words, joined).
    /// `inEnglish`: the topics are the untranslated case's own English words.
    case contentNote(topics: String, inEnglish: Bool = false)
    /// `play` alone.
    case playNeedsCase
    /// `play` with a case already open here, at `moment`; `groupSession` in group mode (may be empty).
    case alreadyOpen(title: String, moment: Int, groupSession: String?)
    /// The heading over the cases a name fits, listed below it as commands.
    case severalCasesFit(query: String)
    /// No case by that name; `guess` is a case id that is close.
    case noSuchCase(query: String, guess: String?)
    /// Another window has the case open.
    case openElsewhere(title: String)
    /// Under the opening of a case played from a file.
    case playingFromFile
    /// An unfinished playthrough continues after `choices` choices.
    case resumed(choices: Int)
    /// The case changed since it was started: the first `kept` of `stored` choices still fit.
    case changed(kept: Int, stored: Int)
    /// In group mode, under the opening.
    case facilitatorNotesHint
    /// `play PATH` could not read the path; `reason` is the system's or the reader's words.
    case cannotOpen(path: String, reason: String)
    case severalCasesInFile(path: String)
    case fileHasErrors(path: String)
    /// A problem saving play, in the record's words; play carries on.
    case couldNotSave(problem: String)

    // MARK: A moment and choosing
    /// "Reflect: " before a moment's or a choice's question (`prompt`: the author's words).
    case reflect(prompt: String)
    /// Under a reflect question: how to answer it.
    case reflectHint(groupNote: Bool)
    /// A moment with no choice offered.
    case gap
    /// Shown once: how to choose among `count` choices.
    case choosingHint(count: Int)
    /// After `why`, `show`, `reflect` and `discuss`: the way back to the choices.
    case choicesReminder
    /// A play command outside a case.
    case worksInsideCase(command: String)
    case chooseNeedsNumber
    case noSuchChoice(selector: String, count: Int)
    case caseHasEnded
    case stuck
    case changedUnderYou

    // MARK: Feedback
    /// The label before a point of view.
    case perspective(Perspective)
    /// The heading over the entries to read after feedback.
    case readMore
    /// `why` at the first moment.
    case noFeedbackYet

    // MARK: Back, restart, leaving
    case atStart
    /// Back, in group mode: the room's choice stays in the record, marked as taken back.
    case backInGroup
    /// Back: from an ending (which stays in the record), or from a moment.
    case back(fromEnding: Bool)
    /// On leaving a case: where its place is kept. `playName`: how `play` names it, nil when
    /// nothing is kept (an ending, or unrecorded play).
    case left(title: String, playName: String?)
    /// On leaving a group's case: `votesKept` when this moment's votes are kept with the place.
    case leftGroup(title: String, session: Int64, votesKept: Bool)
    case restartQuestion(title: String)
    case carryOn
    case restarting(title: String, groupPass: Bool)

    // MARK: Endings
    case endsHere
    /// "a hopeful ending", "an ending".
    case endingKind(EndingKind?)
    case debrief
    case yourPath
    case competenciesExercised
    /// "To close: " before an ending's question (`prompt`: the author's words).
    case toClose(prompt: String)
    case endingHint

    // MARK: Progress
    case yourProgress
    case casesDone(done: Int, of: Int, inProgress: Int)
    case endingsReached
    /// A line under "Endings reached": the case, the kind of ending, when (a timestamp).
    case endingLine(title: String, kind: EndingKind?, at: String)
    case howChoicesMet
    /// After that heading: how many choices in all.
    case choiceCount(Int)
    case competencyProfile
    case competencyProfileNote
    /// A competency whose entry is not loaded.
    case anAreaOfPractice
    /// Accessible mode's bar: "3 of 12".
    case countOf(count: Int, total: Int)
    case journalEntries(Int)
    case nothingPlayedYet
    /// Cases played from an author's draft, not counted.
    case draftsNotCounted(Int)
    case progressUsage
    case progressUnavailable
    case couldNotReadProgress(problem: String)

    // MARK: The journal, reflect and drafts
    case journal(JournalText)
    /// The progress and journal exports.
    case export(ExportText)

    /// Where a case stands for the learner.
    public enum CaseStatus: Sendable, Hashable, CaseIterable {
        case notStarted, inProgress, done
    }

    /// The three points of view feedback can take.
    public enum Perspective: Sendable, Hashable, CaseIterable {
        case baby, parent, practitioner
    }
}

/// The journal: reflect, drafts, the journal's screens, search, delete.
public enum JournalText: Sendable, Hashable {
    /// Why a reflection was not kept.
    public enum Problem: Sendable, Hashable {
        case empty
        case noJournal
        /// `reason`: the record's words.
        case notSaved(reason: String)
    }

    case saved(groupNote: Bool)
    case groupReflectNeedsCase
    case problem(Problem)
    case reflectUsage
    /// Before writing a reflection line by line.
    case writeLines
    case pastedNotRun(lines: Int)
    case keepPasteQuestion(lines: Int)
    case pasteNotKept
    /// Words at the prompt that are neither a command nor (when `choices`) a choice.
    case notACommand(choices: Bool)
    case keepQuestion
    /// After declining: the words come back with Up; to answer, a number up to `choices` (0: none).
    case notKept(choices: Int)
    /// Accessible mode's prompt for line `line` of a reflection.
    case linePrompt(line: Int)
    /// After a problem: this line was not kept, those before it were.
    case lineNotKept
    case pasteNotAllKept
    case keptAsDraft
    case discardQuestion(lines: Int)
    case discarded
    case keptGoOn
    /// Ctrl-C while writing, with `linesBefore` lines kept.
    case interrupted(linesBefore: Int)
    case emptyNothingToSave
    /// At start-up: a reflection left unfinished at `at`, in case `title` (if known), of `lines` lines.
    case unfinishedNotice(at: String, title: String?, lines: Int)
    /// After that notice: what can be done with the draft.
    case unfinishedOptions
    case noUnfinished
    case unfinishedFrom(at: String, title: String?)
    case noLinesYet
    case draftOptions
    case draftContinueInShell
    case goOnWriting
    case discardUnfinishedQuestion(lines: Int)
    case kept
    case unfinishedDiscarded
    case draftUsage

    // The journal's screens.
    case unavailable
    case couldNotRead(problem: String)
    case exportUsage
    case couldNotPrepare(problem: String)
    case searchUsage
    case noSuchCase(query: String)
    case empty
    case footer
    case noEntriesFrom(title: String)
    case entriesFrom(count: Int, title: String)
    case noneMention(words: [String])
    case mention(count: Int, words: [String], numbers: [Int64])
    /// "Entry 3", heading an entry.
    case entry(Int64)
    /// An entry written in an author's draft that is not loaded now.
    case draftNotLoaded
    case deleteUsage
    case whichEntry
    case notAnEntryNumber(String)
    case noEntry(Int64)
    case deleteQuestion(Int64)
    /// Declined at the prompt: the command that deletes without asking, on a line of its own.
    case keptNothingDeleted(Int64)
    /// Not asked (no terminal): the command that deletes, on a line of its own.
    case nothingDeleted(Int64)
    case noLongerThere(Int64)
    case deleted(Int64)
    case othersKeepNumbers
}

/// The journal and progress exports, and what saving one says.
public enum ExportText: Sendable, Hashable {
    /// What was saved: the progress, or `entries` journal entries.
    public enum Saved: Sendable, Hashable {
        case progress
        case journal(entries: Int)
    }

    case wrote(Saved, path: String)
    case replaced(Saved, path: String)

    // The journal in Markdown.
    case journalTitle
    case journalExported(at: String, entries: Int)
    case journalEntry(id: Int64, at: String, title: String?)

    // Progress in Markdown.
    case progressTitle
    case exported(at: String)
    case progressTotals(done: Int, of: Int, journalEntries: Int)
    case noneYet
    case howChoicesMet
    case ratingColumn
    case choicesColumn
    case competencyColumn
    case paths
    /// A path's state: the ending reached, or in progress.
    case reached(EndingKind?)
    case inProgress
    /// A case from an author's draft, in `folder`.
    case draftFrom(title: String, folder: String)
    case earlierVersionChoice
    case draftChoiceNotLoaded
}
