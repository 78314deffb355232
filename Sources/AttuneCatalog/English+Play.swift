import AttuneCore

extension English {
    private static let choices = Plural(one: "choice", other: "choices")
    private static let cases = Plural(one: "case", other: "cases")

    public func playing(_ text: PlayText) -> String {
        switch text {
        case let .status(status):
            switch status {
            case .notStarted: "not started"
            case .inProgress: "in progress"
            case .done: "done"
            }
        case .noCases: "No cases are available. Check the folder given with --scenarios."
        case let .minutesFor(minutes, audience): "\(minutes) min · for \(audience)"
        case let .listHint(example):
            "Type 'play' and a case's first word\(example.map { " (for example 'play \($0)')" } ?? "") to begin or continue it."
        case let .contentNote(topics, _): "Content note: this case touches on \(topics). You can leave at any time with 'stop'."
        case .playNeedsCase: "'play' needs a case, for example: play maya. Type 'cases' to see them."
        case let .alreadyOpen(title, moment, groupSession):
            "'\(title)' is open here already, at moment \(moment)"
                + (groupSession.map { " (group session \($0))." } ?? ".") + " 'restart' begins it again."
        case let .severalCasesFit(query): "More than one case fits '\(query)':"
        case let .noSuchCase(query, guess):
            "There is no case '\(query)'." + (guess.map { " Did you mean 'play \($0)'?" } ?? "") + " Type 'cases' to see them."
        case let .openElsewhere(title):
            "'\(title)' is open in another Attune window. Carry on there, or type "
                + "'stop' in that window first; two windows on one case would undo each other's choices."
        case .playingFromFile: "(Playing from a file: nothing is recorded in your progress. 'reload' re-reads it.)"
        case let .resumed(choices):
            "Continuing where you stopped (\(Self.choices(choices)) so far). 'why' shows the "
                + "feedback on your last one; 'restart' begins again."
        case let .changed(kept, stored):
            "This case has changed since you started it, so only your first \(grouped(kept)) of \(grouped(stored)) choices "
                + "still fit. You continue from there; 'restart' begins again."
        case .facilitatorNotesHint: "Facilitator notes for this case: type 'notes' (the screen may be shared)."
        case let .cannotOpen(path, reason): "Cannot open \(path): \(reason)."
        case let .severalCasesInFile(path): "\(path) holds more than one case; name one file."
        case let .fileHasErrors(path): "\(path) has errors (above), so it cannot be played yet."
        case let .couldNotSave(problem): "Could not save: \(problem)"

        case let .reflect(prompt): "Reflect: \(prompt)"
        case let .reflectHint(groupNote):
            groupNote ? "(type 'reflect' to add a group note)" : "(type 'reflect' to write in your journal)"
        case .gap: "This moment offers no way on; the case has a gap here. Type 'back' or 'stop'."
        case let .choosingHint(count): "Type \(count == 1 ? "1" : "1-\(count)") to choose, or 'help'."
        case .choicesReminder: "Type 'choices' to see this moment's choices again."
        case let .worksInsideCase(command):
            "'\(command)' works inside a case. Type 'cases' to see them and 'play' with a case's name to begin one."
        case .chooseNeedsNumber: "'choose' needs the number of a choice, for example: choose 1"
        case let .noSuchChoice(selector, count): "There is no choice \(selector) here; type a number from 1 to \(count)."
        case .caseHasEnded: "This case has ended. Type 'back' to try another way, or 'restart' to begin again."
        case .stuck: "This moment offers no way on (a gap in the case). Type 'back' or 'stop'."
        case .changedUnderYou: "This case has changed under you; type 'restart' to begin it again."

        case let .perspective(perspective):
            switch perspective {
            case .baby: "The baby"
            case .parent: "The parent"
            case .practitioner: "You, the practitioner"
            }
        case .readMore: "Read more (show ID):"
        case .noFeedbackYet:
            "There is no feedback to show yet: this is the first moment of the case. Type a choice's number first."

        case .atStart: "You are at the start of the case; there is no choice to take back."
        case .backInGroup:
            "Back to the moment before the room's last choice. That choice and its tally stay in the "
                + "session's record, marked as taken back."
        case let .back(fromEnding):
            fromEnding ? "Back to the moment before the ending. The ending stays in the record."
                : "Back to the moment before your last choice."
        case let .left(title, playName):
            "You left '\(title)'." + (playName.map { " Your place is kept: 'play \($0)' continues it." } ?? "")
        case let .leftGroup(title, session, votesKept):
            "You left '\(title)'. The room's place\(votesKept ? " and this moment's votes are" : " is") kept: "
                + "'group resume \(session)' continues it."
        case let .restartQuestion(title): "Begin '\(title)' again from the start? Your path so far stays in your record."
        case .carryOn: "You carry on where you are."
        case let .restarting(title, groupPass):
            "Starting '\(title)' again" + (groupPass ? ", as a new pass in this group session." : ".")

        case .endsHere: "The case ends here"
        case let .endingKind(kind): kind.map { "a \(endingWord($0)) ending" } ?? "an ending"
        case .debrief: "Debrief"
        case .yourPath: "Your path"
        case .competenciesExercised: "Competencies exercised"
        case let .toClose(prompt): "To close: \(prompt)"
        case .endingHint: "Type 'back' to try another way, 'restart' to begin again, or 'cases' for other cases."

        case .yourProgress: "Your progress"
        case let .casesDone(done, of, inProgress):
            "Cases done: \(done) of \(of)" + (inProgress == 0 ? "" : "; in progress: \(inProgress)")
        case .endingsReached: "Endings reached"
        case let .endingLine(title, kind, at): "\(title): \(playing(.endingKind(kind))), \(at)"
        case .howChoicesMet: "How your choices met the family"
        case let .choiceCount(count): Self.choices(count)
        case .competencyProfile: "Competency profile"
        case .competencyProfileNote: "(choices that exercised each area)"
        case .anAreaOfPractice: "an area of practice"
        case let .countOf(count, total): "\(count) of \(total)"
        case let .journalEntries(count): "Journal entries: \(count)"
        case .nothingPlayedYet: "Nothing played yet. Type 'scenarios' to choose a case."
        case let .draftsNotCounted(count):
            "Not counted: \(Self.cases(count)) you played from an author's draft (a folder other than the "
                + "cases Attune comes with). 'progress --include-drafts' counts them too."
        case .progressUsage:
            "Use 'progress' to see it or 'progress export FILE' to save it (.json for JSON, else Markdown); "
                + "add --include-drafts to count the cases you played from a draft."
        case .progressUnavailable: "Your progress is not available in this session (the progress file could not be opened)."
        case let .couldNotReadProgress(problem): "Could not read your progress: \(problem)"

        case let .journal(text): journal(text)
        case let .export(text): export(text)
        }
    }

    /// The word for a kind of ending, as authors write it.
    private func endingWord(_ kind: EndingKind) -> String {
        switch kind {
        case .hopeful: "hopeful"
        case .mixed: "mixed"
        case .concerning: "concerning"
        }
    }
}
