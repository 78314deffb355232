import AttuneCore
import AttuneStore
import Foundation

/// The case being played in this shell.
struct ActiveCase {
    let scenario: Scenario
    var playthrough: Playthrough
    /// The playthrough's row in the learner's record, when recording.
    var recordID: Int64?
    /// The last choice's feedback, for `why`.
    var lastChoice: Choice?
    /// Played from a file outside the scenarios folder (`play PATH`): never recorded.
    var fromFile = false

    var engine: ScenarioEngine { ScenarioEngine(scenario) }
}

extension Shell {
    func makePlayerCommands() -> [ShellCommand] {
        [
            ShellCommand(
                name: "scenarios", usage: "scenarios", summary: "List the cases, with where you stand in each.",
                details: "Shows each case's id, title, length, who it is written for, and whether you have not started it, are part way through, or have finished it.",
                example: "scenarios", run: { shell, _ in shell.listScenarios() }),
            ShellCommand(
                name: "play", usage: "play ID or PATH", summary: "Start a case, or continue one where you stopped.",
                details: "Content notes come first. Then read each moment and pick a response by its number. "
                    + "An unfinished case continues where you left it; 'restart' begins it anew. "
                    + "Authors can play a file from anywhere: play ~/drafts/new-case.yaml (nothing is recorded).",
                example: "play maya-quiet-visit", argument: .scenarioOrPath, run: { $0.play($1) }),
            ShellCommand(
                name: "choose", usage: "choose N", summary: "Pick offered choice N (typing the number alone works too).",
                details: "The choice's rating, feedback and the perspectives of the baby, the parent and the practitioner follow, with entries to read.",
                example: "choose 2", run: { $0.choose($1) }),
            ShellCommand(
                name: "back", usage: "back", summary: "Take back your last choice and return to that moment.",
                details: "Everything returns to exactly how it was before the choice, so you can try another response.",
                run: { shell, _ in shell.back() }),
            ShellCommand(
                name: "why", usage: "why", summary: "Show the feedback on your last choice again.",
                run: { shell, _ in shell.why() }),
            ShellCommand(
                name: "stop", usage: "stop", summary: "Leave the case; your place is kept for next time.",
                run: { shell, _ in shell.stopCase() }),
            ShellCommand(
                name: "restart", usage: "restart", summary: "Begin the current case again from the start.",
                details: "Your earlier path stays in your record; the new one starts fresh.",
                run: { shell, _ in shell.restart() }),
            ShellCommand(
                name: "reflect", usage: "reflect [TEXT]", summary: "Write a journal entry tied to this moment.",
                details: "With text, saves it at once. Without, write as many lines as you like and end with a line holding only a full stop (.). Entries stay on this computer.",
                example: "reflect I rushed past her quiet.", argument: .words, run: { $0.reflect($1) }),
            ShellCommand(
                name: "journal", usage: "journal [export FILE]", summary: "Read your journal, or save it (Markdown, or JSON for a .json file).",
                example: "journal export reflections.md", argument: .journal, run: { $0.journal($1) }),
            ShellCommand(
                name: "progress", usage: "progress [export FILE]",
                summary: "Cases done, endings reached, how your choices met the family, and your competency profile.",
                details: "'progress export FILE' writes your record: JSON when FILE ends in .json, Markdown otherwise.",
                example: "progress export my-progress.md", argument: .progress, run: { $0.progress($1) }),
        ]
    }

    var scenarioRenderer: ScenarioRenderer {
        ScenarioRenderer(style: style, width: width(), knowledge: library.knowledge)
    }

    /// Runs a store operation; a failure is reported and play carries on unsaved.
    @discardableResult
    func record<T>(_ what: String, _ operation: (ProgressStore) throws -> T) -> T? {
        guard let store else { return nil }
        do {
            return try operation(store)
        } catch {
            fail("Could not save \(what): \(error)")
            return nil
        }
    }

    func listScenarios() {
        let statuses = store.flatMap { try? $0.statuses() } ?? [:]
        say(scenarioRenderer.list(library.scenarios, statuses: statuses))
    }

    func play(_ arguments: [String]) {
        guard let id = arguments.first else {
            fail("'play' needs a case id, for example: play maya-quiet-visit. Type 'scenarios' to see them.")
            return
        }
        if library.scenario(id) == nil, id.contains("/") || id.hasSuffix(".yaml") || id.hasSuffix(".yml") {
            playFile(id)
            return
        }
        guard let scenario = library.scenario(id) else {
            var message = "There is no case '\(id)'."
            if let guess = closestMatch(to: id, in: library.scenarios.map(\.id)) { message += " Did you mean '\(guess)'?" }
            fail(message + " Type 'scenarios' to see the cases.")
            return
        }
        let engine = ScenarioEngine(scenario)
        say(scenarioRenderer.opening(scenario))
        if isGroupMode { showFacilitation(scenario, node: nil) }
        if let stored = record("your place", { try $0.activePlaythrough(scenario: scenario.id) }) ?? nil {
            let (states, fitted) = replay(stored.choices, engine: engine)
            activeCase = ActiveCase(scenario: scenario, playthrough: Playthrough(scenarioID: scenario.id, states: states),
                                    recordID: stored.id)
            if fitted < stored.choices.count {
                say(style.caution("This case has changed since you started it, so only your first \(fitted) of "
                    + "\(stored.choices.count) choices still fit. You continue from there; 'restart' begins again."))
                for _ in fitted..<stored.choices.count {
                    record("your place") { store in try store.undoLastChoice(playthrough: stored.id, at: now()) }
                }
            } else if !stored.choices.isEmpty {
                say(style.dim("Continuing where you stopped (\(stored.choices.count) choice\(stored.choices.count == 1 ? "" : "s") so far)."))
            }
        } else {
            let recordID = record("the start of this case") { store in
                try store.startPlaythrough(scenario: scenario.id, at: now())
            }
            activeCase = ActiveCase(scenario: scenario, playthrough: Playthrough(scenarioID: scenario.id, start: engine.start()),
                                    recordID: recordID)
        }
        showMoment()
    }

    /// `play PATH`: a case from a file outside the scenarios folder, checked against the
    /// loaded knowledge; nothing is recorded.
    func playFile(_ argument: String) {
        let path = (argument as NSString).expandingTildeInPath
        let loaded: ScenarioLoadResult
        do {
            loaded = try loadScenarios(at: path)
        } catch {
            fail("Cannot open \(error.path): \(error.reason).")
            return
        }
        if loaded.diagnostics.hasErrors || loaded.scenarios.count != 1 {
            say(loaded.diagnostics.map(AuthoringRenderer(style: style).diagnostic).joined(separator: "\n"))
            fail(loaded.scenarios.count > 1 ? "\(path) holds more than one case; name one file."
                : "\(path) has errors (above), so it cannot be played yet.")
            return
        }
        let scenario = loaded.scenarios[0]
        say(scenarioRenderer.opening(scenario))
        say(style.dim("(Playing from a file: nothing is recorded in your progress. 'reload' re-reads it.)"))
        activeCase = ActiveCase(scenario: scenario, playthrough: Playthrough(scenarioID: scenario.id, start: ScenarioEngine(scenario).start()),
                                recordID: nil, fromFile: true)
        showMoment()
    }

    /// The longest prefix of `choices` that still plays in the current content.
    private func replay(_ choices: [String], engine: ScenarioEngine) -> ([PlayState], Int) {
        var states = [engine.start()]
        for id in choices {
            let state = states[states.count - 1]
            guard let choice = engine.offeredChoices(in: state).first(where: { $0.id == id }) else { break }
            states.append(engine.choose(choice, in: state))
        }
        return (states, states.count - 1)
    }

    /// Shows the current moment (or the ending), so the learner is oriented.
    func showMoment() {
        guard let activeCase else { return }
        let engine = activeCase.engine
        let state = activeCase.playthrough.current
        guard let node = engine.node(for: state) else { return }
        pendingTally = nil
        say(scenarioRenderer.moment(node, offered: engine.offeredChoices(in: state)))
        if isGroupMode { showFacilitation(activeCase.scenario, node: node, includeCase: false) }
        offeredPrompt = node.reflect
        if node.isEnding {
            say(scenarioRenderer.ending(node, engine: engine, state: state))
            if node.reflect != nil { offeredPrompt = node.reflect }
        }
    }

    func requireCase(_ command: String) -> ActiveCase? {
        guard let activeCase else {
            fail("'\(command)' works inside a case. Type 'scenarios' to see them and 'play ID' to begin one.")
            return nil
        }
        return activeCase
    }

    func choose(_ arguments: [String]) {
        guard var current = requireCase("choose") else { return }
        guard let selector = arguments.first else {
            fail("'choose' needs the number of a choice, for example: choose 1")
            return
        }
        let engine = current.engine
        let state = current.playthrough.current
        let step: (choice: Choice, state: PlayState)
        do {
            step = try engine.choose(selector, in: state)
        } catch {
            switch error {
            case let .notOffered(_, offered):
                fail("There is no choice \(selector) here; pick a number from 1 to \(offered.count).")
            case .atEnding:
                fail("This case has ended. Type 'back' to try another way, or 'restart' to begin again.")
            case .stuck:
                fail("This moment offers no way on (a gap in the case). Type 'back' or 'stop'.")
            case .unknownNode:
                fail("This case has changed under you; type 'restart' to begin it again.")
            }
            return
        }
        let competencies = current.scenario.competencies(for: step.choice)
        if let recordID = current.recordID {
            record("your choice") { store in
                try store.recordChoice(playthrough: recordID, step: state.path.count, node: state.node, choice: step.choice.id,
                                       rating: step.choice.rating, competencies: competencies, at: now())
            }
        }
        if let session = groupSession {
            let offered = engine.offeredChoices(in: state).map(\.id)
            let tally = pendingTally?.count == offered.count ? pendingTally : nil
            record("the group's decision") { store in
                try store.recordGroupDecision(session: session, scenario: current.scenario.id, node: state.node,
                                              choice: step.choice.id, rating: step.choice.rating, offered: offered,
                                              tally: tally, at: now())
            }
        }
        current.playthrough.advance(to: step.state)
        current.lastChoice = step.choice
        say(scenarioRenderer.feedback(step.choice))
        if let node = engine.node(for: step.state), node.isEnding, let recordID = current.recordID {
            record("the ending") { store in try store.finish(playthrough: recordID, ending: node.id, kind: node.ending, at: now()) }
        }
        activeCase = current
        showMoment()
        if step.choice.reflect != nil, offeredPrompt == nil { offeredPrompt = step.choice.reflect }
    }

    func back() {
        guard var current = requireCase("back") else { return }
        guard current.playthrough.canGoBack else {
            fail("You are at the start of the case; there is no choice to take back.")
            return
        }
        let engine = current.engine
        let wasEnding = engine.isEnding(current.playthrough.current)
        current.playthrough.back()
        if let recordID = current.recordID {
            if wasEnding {
                // The ending stays in the record; the path continues as a new playthrough.
                let path = current.playthrough.current.path
                let steps = engine.choicesMade(in: current.playthrough.current)
                current.recordID = record("your place") { store in
                    let id = try store.startPlaythrough(scenario: current.scenario.id, at: now())
                    for (index, made) in path.enumerated() {
                        try store.recordChoice(playthrough: id, step: index, node: made.node, choice: made.choice,
                                               rating: made.rating,
                                               competencies: current.scenario.competencies(for: steps[index].choice), at: now())
                    }
                    return id
                }
            } else {
                record("your place") { store in try store.undoLastChoice(playthrough: recordID, at: now()) }
            }
        }
        if let session = groupSession {
            record("the group's decision") { store in try store.undoLastGroupDecision(session: session, at: now()) }
        }
        current.lastChoice = nil
        activeCase = current
        say(style.dim("Back to the moment before your last choice."))
        showMoment()
    }

    func why() {
        guard let current = requireCase("why") else { return }
        guard let choice = current.lastChoice else {
            fail("There is no feedback to show yet; make a choice first.")
            return
        }
        say(scenarioRenderer.feedback(choice))
    }

    func stopCase() {
        guard let current = requireCase("stop") else { return }
        activeCase = nil
        offeredPrompt = nil
        let ended = current.engine.isEnding(current.playthrough.current)
        say(ended ? "You left '\(current.scenario.title)'." :
            "You left '\(current.scenario.title)'. Your place is kept; 'play \(current.scenario.id)' continues it.")
    }

    func restart() {
        guard let current = requireCase("restart") else { return }
        let engine = current.engine
        let recordID = current.fromFile ? nil
            : record("the new start") { store in try store.startPlaythrough(scenario: current.scenario.id, at: now()) }
        activeCase = ActiveCase(scenario: current.scenario, playthrough: Playthrough(scenarioID: current.scenario.id, start: engine.start()),
                                recordID: recordID, fromFile: current.fromFile)
        say(style.dim("Starting '\(current.scenario.title)' again."))
        showMoment()
    }

    func reflect(_ arguments: [String]) {
        var text = arguments.joined(separator: " ")
        if text.isEmpty {
            guard let readContinuation else {
                fail("Write your reflection after the command, for example: reflect I noticed her quiet.")
                return
            }
            if let prompt = offeredPrompt { say(style.italic(prompt)) }
            say(style.dim("Write your reflection. End with a line holding only a full stop (.)."))
            flushOutput()
            var lines: [String] = []
            while true {
                guard let line = readContinuation("... ") else {
                    fail("Nothing was saved: the reflection was not finished with a line holding only '.'.")
                    return
                }
                if line.trimmingCharacters(in: " \t") == "." { break }
                lines.append(line)
            }
            text = lines.joined(separator: "\n").trimmingCharacters(in: " \t\n")
        }
        guard !text.isEmpty else {
            fail("The reflection was empty, so nothing was saved.")
            return
        }
        guard store != nil else {
            fail("Your journal cannot be saved in this session (the progress file could not be opened).")
            return
        }
        let current = activeCase
        let saved = record("your reflection") { store in
            try store.addJournalEntry(text: text, scenario: current?.scenario.id, node: current?.playthrough.current.node,
                                      playthrough: current?.recordID, prompt: offeredPrompt, groupSession: groupSession,
                                      at: now())
        }
        if saved != nil { say(style.good(isGroupMode ? "Saved as a group note." : "Saved to your journal.")) }
    }

    func journal(_ arguments: [String]) {
        guard let store else {
            fail("Your journal is not available in this session (the progress file could not be opened).")
            return
        }
        let entries: [JournalEntry]
        do {
            entries = try store.journal()
        } catch {
            fail("Could not read your journal: \(error)")
            return
        }
        guard let first = arguments.first else {
            say(scenarioRenderer.journal(entries, titles: scenarioTitles))
            return
        }
        guard first == "export", arguments.count == 2 else {
            fail("Use 'journal' to read it or 'journal export FILE' to save it as Markdown.")
            return
        }
        let path = (arguments[1] as NSString).expandingTildeInPath
        let text: String
        do {
            text = path.lowercased().hasSuffix(".json") ? try JournalExport.json(entries)
                : JournalExport.markdown(entries, titles: scenarioTitles, exportedAt: now())
        } catch {
            fail("Could not prepare your journal for export: \(error)")
            return
        }
        guard savePrivately(text, to: path) else { return }
        say("Wrote \(entries.count) journal entr\(entries.count == 1 ? "y" : "ies") to \(path).")
    }

    var scenarioTitles: [String: String] {
        Dictionary(library.scenarios.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
    }

    func progress(_ arguments: [String]) {
        guard let first = arguments.first else {
            showProgress()
            return
        }
        guard first == "export", arguments.count == 2 else {
            fail("Use 'progress' to see it or 'progress export FILE' to save it (.json for JSON, else Markdown).")
            return
        }
        guard let store else {
            fail("Your progress is not available in this session (the progress file could not be opened).")
            return
        }
        let path = (arguments[1] as NSString).expandingTildeInPath
        let text: String
        do {
            let export = ProgressExport(summary: try store.progress(), log: try store.activityLog(), library: library,
                                        exportedAt: now())
            text = path.lowercased().hasSuffix(".json") ? try export.json() : export.markdown()
        } catch {
            fail("Could not read your progress: \(error)")
            return
        }
        if savePrivately(text, to: path) { say("Wrote your progress to \(path).") }
    }

    /// Writes an export readable by its owner alone; on failure says so and returns false.
    func savePrivately(_ text: String, to path: String) -> Bool {
        do {
            try PrivateFile.write(text, to: path)
            return true
        } catch {
            fail(error.description)
            return false
        }
    }

    func showProgress() {
        guard let store else {
            fail("Your progress is not available in this session (the progress file could not be opened).")
            return
        }
        do {
            say(scenarioRenderer.progress(try store.progress(), scenarios: library.scenarios))
        } catch {
            fail("Could not read your progress: \(error)")
        }
    }
}

/// The journal as a Markdown document, or JSON for other programs.
enum JournalExport {
    static func json(_ entries: [JournalEntry]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(entries), as: UTF8.self) + "\n"
    }

    static func markdown(_ entries: [JournalEntry], titles: [String: String], exportedAt: Date) -> String {
        var lines = ["# Attune journal", "", "Exported \(ScenarioRenderer.timestamp(exportedAt)). \(entries.count) entries.", ""]
        for entry in entries {
            var heading = "## \(ScenarioRenderer.timestamp(entry.createdAt))"
            if let scenario = entry.scenarioID {
                heading += ": \(titles[scenario] ?? scenario)"
                if let node = entry.nodeID { heading += " (\(node))" }
            }
            lines += [heading, ""]
            if let prompt = entry.prompt { lines += ["> \(prompt)", ""] }
            lines += [entry.text, ""]
        }
        return lines.joined(separator: "\n")
    }
}
