import AttuneCatalog
import AttuneCore
import AttunePlay
import AttuneStore
import Foundation

/// Playing a case on one's own: listing, opening, choosing, back, restart, and where play
/// stands. The rules are `PlaySession`'s; this renders what it returns.
final class PlayController: ShellPart {
    unowned let shell: Shell
    var context: ShellContext { shell.context }
    /// The case being played, if any.
    var session: PlaySession?
    /// Whether the "type 1-3 to choose" hint has been shown in this run.
    var choosingHintShown = false
    /// A scripted run (`attune play --choose`): no hints about what to type next.
    var scripted = false

    init(shell: Shell) { self.shell = shell }

    var group: GroupController { shell.group }
    var groupMode: Bool { group.groupMode }
    var groupPlay: GroupPlay? { group.groupPlay }

    var scenarioRenderer: ScenarioRenderer {
        ScenarioRenderer(style: style, width: width(), knowledge: library.knowledge, groupMode: groupMode,
                         accessible: accessible, scripted: scripted, catalog: catalog)
    }

    /// Reports what could not be saved; play carries on.
    func reportSaveProblems() {
        if let groupPlay { return group.reportSaveProblems(groupPlay) }
        for problem in session?.takeSaveProblems() ?? [] { fail("Could not save: \(problem)") }
    }

    func listScenarios() {
        var statuses: [String: ScenarioStatus] = [:]
        if let stored = try? store?.statuses() {
            for scenario in library.scenarios { statuses[scenario.id] = stored[origins.key(for: scenario)] }
        }
        // The hint's example is a case in this folder, by the name 'play' takes.
        let example = library.scenarios.min { $0.id < $1.id }.map(playName)
        say(scenarioRenderer.list(library.scenarios, statuses: statuses, example: example))
    }

    func play(_ arguments: [String]) {
        guard !arguments.isEmpty else {
            fail("'play' needs a case, for example: play maya. Type 'cases' to see them.")
            return
        }
        let query = arguments.joined(separator: " ")
        if library.scenario(query) == nil, query.contains("/") || query.hasSuffix(".yaml") || query.hasSuffix(".yml") {
            playFile(query)
            return
        }
        switch library.findScenario(query) {
        case let .found(scenario):
            if let current = session, current.key == origins.key(for: scenario), !current.isAtEnding {
                say("'\(TextLayout.neutralize(scenario.title))' is open here already, at moment \(current.momentNumber)"
                    + (groupMode ? " (group session \(current.groupSession.map(String.init) ?? ""))." : ".")
                    + " 'restart' begins it again.")
                showChoices()
                return
            }
            guard groupMode else {
                leaveCurrentCase()
                begin(scenario, key: origins.key(for: scenario), recording: .personal)
                return
            }
            group.startGroupPlay(scenario)
        case let .several(matches):
            var lines = ["More than one case fits '\(TextLayout.neutralize(query))':"]
            for match in matches { lines.append("  play \(match.id)   \(TextLayout.neutralize(match.title))") }
            fail(lines.joined(separator: "\n"))
        case .none:
            var message = "There is no case '\(TextLayout.neutralize(query))'."
            if let guess = closestMatch(to: query.lowercased(), in: library.scenarios.map(\.id)) {
                message += " Did you mean 'play \(guess)'?"
            }
            fail(message + " Type 'cases' to see them.")
        }
    }

    /// Opens a case in a new play session and shows where the learner stands.
    func begin(_ scenario: Scenario, key: CaseKey, recording: Recording, fromFile: Bool = false) {
        let (opened, outcome) = PlaySession.open(scenario, key: key, store: store, recording: recording, now: now)
        if outcome == .openElsewhere {
            fail("'\(TextLayout.neutralize(scenario.title))' is open in another Attune window. Carry on there, or type "
                + "'stop' in that window first; two windows on one case would undo each other's choices.")
            return
        }
        session = opened
        showOpening(scenario, outcome: outcome, fromFile: fromFile)
        reportSaveProblems()
        showMoment()
    }

    /// The case's opening, and how play continues from where it stopped.
    func showOpening(_ scenario: Scenario, outcome: OpenOutcome, fromFile: Bool = false) {
        say(scenarioRenderer.opening(scenario))
        // In another language, a case with no translation says it is shown in English.
        if library.translation(of: scenario.id) == TranslationCoverage.none { say(style.dim(catalog.translate(.caseNotTranslated))) }
        if fromFile { say(style.dim("(Playing from a file: nothing is recorded in your progress. 'reload' re-reads it.)")) }
        switch outcome {
        case .fresh, .openElsewhere:
            break
        case let .resumed(choices):
            say(style.dim("Continuing where you stopped (\(choices) choice\(choices == 1 ? "" : "s") so far). 'why' shows the "
                + "feedback on your last one; 'restart' begins again."))
        case let .changed(kept, stored):
            say(style.caution("This case has changed since you started it, so only your first \(kept) of \(stored) choices "
                + "still fit. You continue from there; 'restart' begins again."))
        }
        if groupMode { say(style.dim("Facilitator notes for this case: type 'notes' (the screen may be shared).")) }
    }

    /// `play PATH`: a case from a file outside the scenarios folder, checked against the
    /// loaded knowledge; nothing is recorded.
    func playFile(_ argument: String) {
        let path = (argument as NSString).expandingTildeInPath
        let loaded: ScenarioLoadResult
        do {
            loaded = try shell.author.loadScenarios(at: path)
        } catch {
            fail("Cannot open \(error.displayPath): \(error.reason).")
            return
        }
        if loaded.diagnostics.hasErrors || loaded.scenarios.count != 1 {
            sayFindings { AuthoringRenderer(style: style, catalog: catalog).findings(loaded.diagnostics, width: $0) }
            fail(loaded.scenarios.count > 1 ? "\(path) holds more than one case; name one file."
                : "\(path) has errors (above), so it cannot be played yet.")
            return
        }
        let scenario = loaded.scenarios[0]
        leaveCurrentCase()
        begin(scenario, key: origins.key(for: scenario), recording: .none, fromFile: true)
    }

    /// Shows the current moment (or the ending), so the learner is oriented.
    func showMoment() {
        guard let session, let node = session.node else { return }
        let offered = session.offered
        say(scenarioRenderer.moment(node, offered: offered))
        if node.isEnding {
            say(scenarioRenderer.ending(node, engine: session.engine, state: session.state))
            if let groupPlay {
                say(GroupRenderer(style: style, width: width(), accessible: accessible, catalog: catalog).summary(groupPlay.summary))
            }
        } else if !offered.isEmpty, !choosingHintShown, !scripted {
            choosingHintShown = true
            say(style.dim("Type \(offered.count == 1 ? "1" : "1-\(offered.count)") to choose, or 'help'."))
        }
    }

    func showChoices() {
        guard let session = requireCase("choices"), let node = session.node else { return }
        say(scenarioRenderer.moment(node, offered: session.offered, briefly: true))
        if node.isEnding { say(scenarioRenderer.endingHint()) }
    }

    /// After `why`, `show`, `reflect` and `discuss` inside a case: the way back to the choices.
    func choicesReminder() {
        guard let session, !session.isAtEnding else { return }
        say(style.dim("Type 'choices' to see this moment's choices again."))
    }

    func requireCase(_ command: String) -> PlaySession? {
        guard let session else {
            fail("'\(command)' works inside a case. Type 'cases' to see them and 'play' with a case's name to begin one.")
            return nil
        }
        return session
    }

    func choose(_ arguments: [String]) {
        guard let session = requireCase("choose") else { return }
        guard let selector = arguments.first else {
            fail("'choose' needs the number of a choice, for example: choose 1")
            return
        }
        let outcome: ChoiceOutcome
        do {
            if let groupPlay {
                let (made, notices) = try groupPlay.choose(selector)
                group.say(notices)
                outcome = made
            } else {
                outcome = try session.choose(selector)
            }
        } catch {
            switch error {
            case let .notOffered(_, offered):
                fail("There is no choice \(TextLayout.neutralize(selector)) here; type a number from 1 to \(offered.count).")
            case .atEnding:
                fail("This case has ended. Type 'back' to try another way, or 'restart' to begin again.")
            case .stuck:
                fail("This moment offers no way on (a gap in the case). Type 'back' or 'stop'.")
            case .unknownNode:
                fail("This case has changed under you; type 'restart' to begin it again.")
            }
            return
        }
        reportSaveProblems()
        say(scenarioRenderer.feedback(outcome.choice, reflect: session.node?.reflect == nil))
        showMoment()
    }

    func back() {
        guard let session = requireCase("back") else { return }
        var notices: [RoomNotice] = []
        let outcome: BackOutcome
        if let groupPlay { (outcome, notices) = groupPlay.back() } else { outcome = session.back() }
        guard case let .returned(leftEnding) = outcome else {
            fail("You are at the start of the case; there is no choice to take back.")
            return
        }
        reportSaveProblems()
        group.say(notices)
        if groupMode {
            say(style.dim("Back to the moment before the room's last choice. That choice and its tally stay in the "
                + "session's record, marked as taken back."))
        } else {
            say(style.dim(leftEnding ? "Back to the moment before the ending. The ending stays in the record."
                : "Back to the moment before your last choice."))
        }
        showMoment()
    }

    func why() {
        guard let session = requireCase("why") else { return }
        guard let choice = session.lastChoice else {
            fail("There is no feedback to show yet: this is the first moment of the case. Type a choice's number first.")
            return
        }
        say(scenarioRenderer.feedback(choice, reflect: session.node?.reflect == nil))
        choicesReminder()
    }

    func stopCase() {
        guard requireCase("stop") != nil else { return }
        leaveCurrentCase()
    }

    /// The shortest name `play` takes for a case: its first word when that finds it alone, else its id.
    func playName(_ scenario: Scenario) -> String {
        let short = Shell.shortName(scenario.title).lowercased()
        if case let .found(found) = library.findScenario(short), found.id == scenario.id, !short.contains(" ") { return short }
        return scenario.id
    }

    /// Before another case opens: the one in play is left, saying where its place is kept.
    func leaveCurrentCase() {
        guard session != nil else { return }
        sayWhereLeft()
        if groupPlay != nil { group.endGroupPlay() } else { session?.end() }
        session = nil
    }

    /// On leaving a case (`stop`, `quit`, Ctrl-D, `group off`): where its place is kept and how to come back.
    func sayWhereLeft() {
        guard let current = session else { return }
        let title = TextLayout.neutralize(current.scenario.title)
        if let id = current.groupSession {
            let kept = (group.board?.state.tally != nil || (group.board?.voted ?? 0) > 0) ? " and this moment's votes are" : " is"
            say("You left '\(title)'. The room's place\(kept) kept: 'group resume \(id)' continues it.")
        } else if current.isAtEnding || current.recording == .none {
            say("You left '\(title)'.")
        } else {
            say("You left '\(title)'. Your place is kept: 'play \(playName(current.scenario))' continues it.")
        }
    }

    func restart() {
        guard let current = requireCase("restart") else { return }
        if current.playthrough.canGoBack,
           !confirm("Begin '\(TextLayout.neutralize(current.scenario.title))' again from the start? Your path so far stays in your record.",
                    whenUnattended: true) {
            say("You carry on where you are.")
            return
        }
        if let groupPlay {
            group.say(groupPlay.restart())
        } else {
            current.restart()
        }
        reportSaveProblems()
        say(style.dim("Starting '\(TextLayout.neutralize(current.scenario.title))' again"
            + (groupMode ? ", as a new pass in this group session." : ".")))
        showMoment()
    }
}
