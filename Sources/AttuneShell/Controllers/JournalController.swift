import AttuneCore
import AttunePlay
import AttuneStore
import Foundation

/// The learner's journal and progress: reflections (exact text, drafts line by line), words
/// typed or pasted at a moment, reading, searching, deleting and exporting. The rules are
/// `ReflectionDesk`'s.
final class JournalController: ShellPart {
    unowned let shell: Shell
    var context: ShellContext { shell.context }
    /// The journal, with drafts.
    let desk: ReflectionDesk
    /// While the lines of a reflection are written: TAB is a tab there, not a completion.
    var writingReflection = false

    init(shell: Shell, desk: ReflectionDesk) {
        self.shell = shell
        self.desk = desk
    }

    var play: PlayController { shell.play }
    var session: PlaySession? { play.session }
    var group: GroupController { shell.group }
    var groupMode: Bool { group.groupMode }

    /// Where a reflection written now belongs: the moment of the case in play, if any.
    var reflectionContext: ReflectionContext {
        if let session { return session.reflectionContext }
        return ReflectionContext()
    }

    var savedWords: String { session?.groupSession != nil ? "Saved as a group note." : "Saved to your journal." }

    /// `reflect TEXT` keeps TEXT exactly; `reflect` alone writes a draft line by line.
    func reflect(_ text: String) {
        if groupMode, session?.groupSession == nil {
            fail("In group mode, reflections are group notes kept with a case the room plays. Start one with 'play', "
                + "or continue one with 'group resume N'.")
            return
        }
        guard desk.isAvailable else {
            fail("Your journal cannot be saved in this session (the progress file could not be opened).")
            return
        }
        if !text.allSatisfy({ $0 == " " || $0 == "\t" }) {
            do {
                _ = try desk.save(text, context: reflectionContext)
                say(style.good(savedWords))
            } catch {
                fail(reflectionProblem(error))
            }
            play.choicesReminder()
            return
        }
        guard readMore != nil else {
            fail("Write your reflection after the command, for example: reflect I noticed her quiet.")
            return
        }
        let draft: ReflectionDraft
        do {
            draft = try desk.begin(reflectionContext)
        } catch {
            fail(reflectionProblem(error))
            return
        }
        if let prompt = reflectionContext.prompt { say(style.italic(TextLayout.neutralize(prompt))) }
        say(style.dim("Write as many lines as you like; each is kept as you go. End with a line holding only a full stop (.) "
            + "or press Ctrl-D to save."))
        writeDraft(draft)
    }

    /// The words of `reflect: WORDS`, `reflect WORDS`, or (in a paste) `reflect` with the words
    /// on the lines after it; nil when the text is no reflection.
    static func reflectionWords(_ text: String) -> String? {
        let start = text.drop { $0 == " " || $0 == "\t" }
        guard start.prefix(7).lowercased() == "reflect" else { return nil }
        var rest = start.dropFirst(7)
        if rest.first == ":" {
            rest = rest.dropFirst()
            if rest.first == " " || rest.first == "\t" { rest = rest.dropFirst() }
        } else if let first = rest.first {
            guard first == " " || first == "\t" || first == "\n" else { return nil }
            rest = rest.dropFirst()
        }
        return String(rest)
    }

    /// A block pasted at the prompt. After `reflect` it is the reflection, kept whole; anywhere
    /// else it is never run: the learner is asked whether to keep it.
    func takePaste(_ text: String) {
        context.linesRun += 1
        defer { flushOutput() }
        if let words = Self.reflectionWords(text) {
            reflect(words)
            return
        }
        let count = PastedText.lineCount(text)
        guard isInteractive, desk.isAvailable, !groupMode || session?.groupSession != nil else {
            say("You pasted \(count) lines. Pasted lines are never run as commands; type one command at a time.")
            return
        }
        if confirm("You pasted \(count) lines. Nothing was run. Keep them in your journal as a reflection?") {
            reflect(text)
        } else {
            say("Not kept. Pasted lines are never run as commands; type one command at a time.")
        }
    }

    /// Words typed at a moment that are neither a command nor a choice: offered to the journal.
    func offerToKeep(_ line: String) {
        guard isInteractive, desk.isAvailable, !groupMode || session?.groupSession != nil else {
            fail(shell.proseMessage())
            return
        }
        let count = session?.offered.count ?? 0
        say(count > 0 ? "Those words are not a command or a choice." : "Those words are not a command.")
        if confirm("Keep this in your journal?") {
            reflect(line)
        } else {
            say(style.dim("Not kept. Press Up to bring the words back."
                + (count > 0 ? " To answer, type the number of a choice (1 to \(count))." : "")))
        }
    }

    /// Reads lines into `draft` until `.` or Ctrl-D saves it. Ctrl-C clears only the line
    /// being typed; a second Ctrl-C in a row offers to discard the whole draft. A pasted block
    /// is added whole, line breaks and all.
    func writeDraft(_ start: ReflectionDraft) {
        guard let readMore else { return }
        var draft = start
        var interruptedBefore = false
        writingReflection = true
        defer { writingReflection = false }
        flushOutput()
        while true {
            let prompt = accessible ? "Reflection, line \(draft.lineCount + 1). A line with only a full stop saves> " : "... "
            switch readMore(prompt) {
            case let .line(line):
                interruptedBefore = false
                if line.trimmingCharacters(in: " \t") == "." {
                    finishDraft(draft)
                    return
                }
                do {
                    try desk.add(line, to: &draft)
                } catch {
                    fail(reflectionProblem(error) + " This line was not kept; the lines before it are.")
                }
            case let .paste(text):
                interruptedBefore = false
                do {
                    try desk.add(pasted: text, to: &draft)
                } catch {
                    fail(reflectionProblem(error) + " The pasted lines were not all kept; type 'draft' to see what was.")
                }
            case .endOfInput:
                finishDraft(draft)
                return
            case .hangUp:
                // The window closed: every line is already kept, and the draft waits for next time.
                shell.finish()
                return
            case .interrupted:
                if interruptedBefore {
                    if confirm("Discard this whole reflection (\(linesWord(draft.lineCount)))? Type yes to discard it; "
                        + "anything else keeps it and you go on writing.") {
                        try? desk.discard(draft)
                        say("The reflection was discarded.")
                        return
                    }
                    say(style.dim("Kept. Go on writing; a line holding only a full stop (.) saves."))
                    interruptedBefore = false
                } else {
                    let kept = switch draft.lineCount {
                    case 0: "Nothing is written yet."
                    case 1: "The line you wrote before it is kept."
                    default: "The \(linesWord(draft.lineCount)) you wrote before it are kept."
                    }
                    say(style.dim("Ctrl-C: only the line being typed, if any, was dropped. \(kept) "
                        + "Go on writing, end with a full stop (.) to save, or press Ctrl-C again to discard the whole reflection."))
                    interruptedBefore = true
                }
                flushOutput()
            }
        }
    }

    private func linesWord(_ count: Int) -> String { count == 1 ? "1 line" : "\(count) lines" }

    private func finishDraft(_ draft: ReflectionDraft) {
        do {
            try desk.finish(draft)
            say(style.good(savedWords))
        } catch .empty {
            say("The reflection was empty, so there was nothing to save.")
        } catch {
            fail(reflectionProblem(error) + " Your lines are kept as a draft: type 'draft' to see them.")
        }
        play.choicesReminder()
    }

    func reflectionProblem(_ error: ReflectionError) -> String {
        switch error {
        case .empty: "The reflection was empty, so nothing was saved."
        case .noJournal: "Your journal cannot be saved in this session (the progress file could not be opened)."
        case let .notSaved(reason): "Could not save your reflection: \(reason)"
        }
    }

    /// At start-up: a reflection left unfinished by a closed window or a crash.
    func noticeUnfinishedDraft() {
        guard let draft = desk.unfinished() else { return }
        say(style.caution("You have an unfinished reflection from \(ScenarioRenderer.timestamp(draft.startedAt))"
            + "\(draftPlace(draft)), \(linesWord(draft.lineCount)).")
            + " Type 'draft' to read it, 'draft continue' to keep writing, 'draft save' to keep it in your journal, "
            + "or 'draft discard' to throw it away.")
    }

    private func draftPlace(_ draft: ReflectionDraft) -> String {
        guard let key = draft.context.scenario, let scenario = library.scenarios.first(where: { origins.key(for: $0) == key })
        else { return "" }
        return " in '\(TextLayout.neutralize(scenario.title))'"
    }

    func draft(_ arguments: [String]) {
        guard let draft = desk.unfinished() else {
            say("There is no unfinished reflection. Type 'reflect' to write one.")
            return
        }
        switch arguments.first?.lowercased() {
        case nil:
            say(style.dim("Unfinished reflection from \(ScenarioRenderer.timestamp(draft.startedAt))\(draftPlace(draft)):"))
            if let prompt = draft.context.prompt { say(style.italic(TextLayout.neutralize(prompt))) }
            say(draft.text.isEmpty ? "(no lines yet)" : TextLayout.neutralize(draft.text))
            say(style.dim("'draft continue' keeps writing, 'draft save' saves it as it is, 'draft discard' throws it away."))
        case "continue":
            guard readMore != nil else {
                fail("'draft continue' works in the shell. Type 'attune' to open it.")
                return
            }
            if !draft.text.isEmpty { say(TextLayout.neutralize(draft.text)) }
            say(style.dim("Go on writing; a line holding only a full stop (.) or Ctrl-D saves."))
            writeDraft(draft)
        case "save":
            finishDraft(draft)
        case "discard":
            guard confirm("Discard the unfinished reflection (\(linesWord(draft.lineCount)))? It cannot be brought back.",
                          whenUnattended: true) else {
                say("Kept.")
                return
            }
            do {
                try desk.discard(draft)
                say("The unfinished reflection was discarded.")
            } catch {
                fail(reflectionProblem(error))
            }
        default:
            fail("Use 'draft' to read it, 'draft continue', 'draft save' or 'draft discard'.")
        }
    }

    /// The loaded cases' titles by the record they belong to: a draft's entries are titled as
    /// the draft, the real case's as the real case, whichever is loaded.
    var scenarioTitles: [CaseKey: String] {
        Dictionary(library.scenarios.map { (origins.key(for: $0), $0.title) }, uniquingKeysWith: { first, _ in first })
    }

    /// `progress [export FILE] [--include-drafts]`. Cases played from an author's draft (a
    /// folder other than the bundled one) count only with `--include-drafts`.
    func progress(_ arguments: [String]) {
        let includeDrafts = arguments.contains { $0.lowercased() == Self.includeDraftsOption }
        let arguments = arguments.filter { $0.lowercased() != Self.includeDraftsOption }
        guard let first = arguments.first else {
            guard group.confirmPrivateOnSharedScreen("progress", what: .progress) else { return }
            showProgress(includeDrafts: includeDrafts)
            return
        }
        guard first.lowercased() == "export", arguments.count == 2 else {
            fail("Use 'progress' to see it or 'progress export FILE' to save it (.json for JSON, else Markdown); "
                + "add --include-drafts to count the cases you played from a draft.")
            return
        }
        guard let store else {
            fail("Your progress is not available in this session (the progress file could not be opened).")
            return
        }
        let path = Shell.absolutePath(arguments[1])
        let text: String
        do {
            let export = ProgressExport(summary: try store.progress(includeDrafts: includeDrafts),
                                        log: try store.activityLog(includeDrafts: includeDrafts), library: library,
                                        scenarios: progressScenarios(includeDrafts: includeDrafts), exportedAt: now())
            text = path.lowercased().hasSuffix(".json") ? try export.json() : export.markdown()
        } catch {
            fail("Could not read your progress: \(error)")
            return
        }
        savePrivately(text, to: path, saying: "your progress")
    }

    static let includeDraftsOption = "--include-drafts"

    /// The loaded cases by the record they belong to: the bundled ones, and drafts when asked for.
    func progressScenarios(includeDrafts: Bool) -> [CaseKey: Scenario] {
        Dictionary(library.scenarios.map { (origins.key(for: $0), $0) }.filter { includeDrafts || $0.0.origin == CaseKey.bundledOrigin },
                   uniquingKeysWith: { first, _ in first })
    }

    func showProgress(includeDrafts: Bool = false) {
        guard let store else {
            fail("Your progress is not available in this session (the progress file could not be opened).")
            return
        }
        do {
            let summary = try store.progress(includeDrafts: includeDrafts)
            say(play.scenarioRenderer.progress(summary, scenarios: progressScenarios(includeDrafts: includeDrafts)))
            if summary.draftsLeftOut > 0 {
                let cases = summary.draftsLeftOut == 1 ? "1 case" : "\(summary.draftsLeftOut) cases"
                say(TextLayout.wrap("Not counted: \(cases) you played from an author's draft (a folder other than the "
                    + "cases Attune comes with). 'progress --include-drafts' counts them too.", width: width())
                    .joined(separator: "\n"))
            }
        } catch {
            fail("Could not read your progress: \(error)")
        }
    }
}
