import AttuneCatalog
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

    /// A sentence of the journal in the learner's language.
    func words(_ text: JournalText) -> String { catalog.playing(.journal(text)) }

    var savedWords: String { words(.saved(groupNote: session?.groupSession != nil)) }

    /// `reflect TEXT` keeps TEXT exactly; `reflect` alone writes a draft line by line.
    func reflect(_ text: String) {
        if groupMode, session?.groupSession == nil {
            fail(words(.groupReflectNeedsCase))
            return
        }
        guard desk.isAvailable else {
            fail(words(.problem(.noJournal)))
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
            fail(words(.reflectUsage))
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
        say(style.dim(words(.writeLines)))
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
            say(words(.pastedNotRun(lines: count)))
            return
        }
        if confirm(words(.keepPasteQuestion(lines: count))) {
            reflect(text)
        } else {
            say(words(.pasteNotKept))
        }
    }

    /// Words typed at a moment that are neither a command nor a choice: offered to the journal.
    func offerToKeep(_ line: String) {
        guard isInteractive, desk.isAvailable, !groupMode || session?.groupSession != nil else {
            fail(shell.proseMessage())
            return
        }
        let count = session?.offered.count ?? 0
        say(words(.notACommand(choices: count > 0)))
        if confirm(words(.keepQuestion)) {
            reflect(line)
        } else {
            say(style.dim(words(.notKept(choices: count))))
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
            let prompt = accessible ? words(.linePrompt(line: draft.lineCount + 1)) : "... "
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
                    fail(reflectionProblem(error) + " " + words(.lineNotKept))
                }
            case let .paste(text):
                interruptedBefore = false
                do {
                    try desk.add(pasted: text, to: &draft)
                } catch {
                    fail(reflectionProblem(error) + " " + words(.pasteNotAllKept))
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
                    if confirm(words(.discardQuestion(lines: draft.lineCount))) {
                        try? desk.discard(draft)
                        say(words(.discarded))
                        return
                    }
                    say(style.dim(words(.keptGoOn)))
                    interruptedBefore = false
                } else {
                    say(style.dim(words(.interrupted(linesBefore: draft.lineCount))))
                    interruptedBefore = true
                }
                flushOutput()
            }
        }
    }

    private func finishDraft(_ draft: ReflectionDraft) {
        do {
            try desk.finish(draft)
            say(style.good(savedWords))
        } catch .empty {
            say(words(.emptyNothingToSave))
        } catch {
            fail(reflectionProblem(error) + " " + words(.keptAsDraft))
        }
        play.choicesReminder()
    }

    func reflectionProblem(_ error: ReflectionError) -> String {
        switch error {
        case .empty: words(.problem(.empty))
        case .noJournal: words(.problem(.noJournal))
        case let .notSaved(reason): words(.problem(.notSaved(reason: reason)))
        }
    }

    /// At start-up: a reflection left unfinished by a closed window or a crash.
    func noticeUnfinishedDraft() {
        guard let draft = desk.unfinished() else { return }
        say(style.caution(words(.unfinishedNotice(at: ScenarioRenderer.timestamp(draft.startedAt), title: draftPlace(draft),
                                                  lines: draft.lineCount)))
            + " " + words(.unfinishedOptions))
    }

    /// The title of the case a draft was begun in, when that case is loaded.
    private func draftPlace(_ draft: ReflectionDraft) -> String? {
        guard let key = draft.context.scenario, let scenario = library.scenarios.first(where: { origins.key(for: $0) == key })
        else { return nil }
        return TextLayout.neutralize(scenario.title)
    }

    func draft(_ arguments: [String]) {
        guard let draft = desk.unfinished() else {
            say(words(.noUnfinished))
            return
        }
        switch arguments.first?.lowercased() {
        case nil:
            say(style.dim(words(.unfinishedFrom(at: ScenarioRenderer.timestamp(draft.startedAt), title: draftPlace(draft)))))
            if let prompt = draft.context.prompt { say(style.italic(TextLayout.neutralize(prompt))) }
            say(draft.text.isEmpty ? words(.noLinesYet) : TextLayout.neutralize(draft.text))
            say(style.dim(words(.draftOptions)))
        case "continue":
            guard readMore != nil else {
                fail(words(.draftContinueInShell))
                return
            }
            if !draft.text.isEmpty { say(TextLayout.neutralize(draft.text)) }
            say(style.dim(words(.goOnWriting)))
            writeDraft(draft)
        case "save":
            finishDraft(draft)
        case "discard":
            guard confirm(words(.discardUnfinishedQuestion(lines: draft.lineCount)), whenUnattended: true) else {
                say(words(.kept))
                return
            }
            do {
                try desk.discard(draft)
                say(words(.unfinishedDiscarded))
            } catch {
                fail(reflectionProblem(error))
            }
        default:
            fail(words(.draftUsage))
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
            fail(catalog.playing(.progressUsage))
            return
        }
        guard let store else {
            fail(catalog.playing(.progressUnavailable))
            return
        }
        let path = Shell.absolutePath(arguments[1])
        let text: String
        do {
            let export = ProgressExport(summary: try store.progress(includeDrafts: includeDrafts),
                                        log: try store.activityLog(includeDrafts: includeDrafts), library: library,
                                        scenarios: progressScenarios(includeDrafts: includeDrafts), exportedAt: now(),
                                        catalog: catalog)
            text = path.lowercased().hasSuffix(".json") ? try export.json() : export.markdown()
        } catch {
            fail(catalog.playing(.couldNotReadProgress(problem: "\(error)")))
            return
        }
        saveExport(text, to: path, saved: .progress)
    }

    static let includeDraftsOption = "--include-drafts"

    /// Writes an export readable by its owner alone and says where, in the learner's language
    /// (`-`: standard output, with nothing added). As `savePrivately`, with words from the catalog.
    func saveExport(_ text: String, to path: String, saved: ExportText.Saved) {
        do {
            switch try PrivateFile.write(text, to: path, output: output) {
            case .created: say(catalog.playing(.export(.wrote(saved, path: path))))
            case .replaced: say(catalog.playing(.export(.replaced(saved, path: path))))
            case .standardOutput: break
            }
        } catch {
            fail(catalog.shell(.privateFile(error.problem, path: error.path)))
        }
    }

    /// The loaded cases by the record they belong to: the bundled ones, and drafts when asked for.
    func progressScenarios(includeDrafts: Bool) -> [CaseKey: Scenario] {
        Dictionary(library.scenarios.map { (origins.key(for: $0), $0) }.filter { includeDrafts || $0.0.origin == CaseKey.bundledOrigin },
                   uniquingKeysWith: { first, _ in first })
    }

    func showProgress(includeDrafts: Bool = false) {
        guard let store else {
            fail(catalog.playing(.progressUnavailable))
            return
        }
        do {
            let summary = try store.progress(includeDrafts: includeDrafts)
            say(play.scenarioRenderer.progress(summary, scenarios: progressScenarios(includeDrafts: includeDrafts)))
            if summary.draftsLeftOut > 0 {
                say(TextLayout.wrap(catalog.playing(.draftsNotCounted(summary.draftsLeftOut)), width: width())
                    .joined(separator: "\n"))
            }
        } catch {
            fail(catalog.playing(.couldNotReadProgress(problem: "\(error)")))
        }
    }
}
