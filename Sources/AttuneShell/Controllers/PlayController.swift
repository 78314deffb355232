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

    /// A sentence of play in the learner's language.
    func words(_ text: PlayText) -> String { catalog.playing(text) }

    var scenarioRenderer: ScenarioRenderer {
        ScenarioRenderer(style: style, width: width(), knowledge: library.knowledge, groupMode: groupMode,
                         accessible: accessible, scripted: scripted, catalog: catalog)
    }

    /// Reports what could not be saved; play carries on.
    func reportSaveProblems() {
        if let groupPlay { return group.reportSaveProblems(groupPlay) }
        for problem in session?.takeSaveProblems() ?? [] { fail(words(.couldNotSave(problem: problem))) }
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
            fail(words(.playNeedsCase))
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
                say(words(.alreadyOpen(title: TextLayout.neutralize(scenario.title), moment: current.momentNumber,
                                       groupSession: groupMode ? current.groupSession.map(String.init) ?? "" : nil)))
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
            var lines = [words(.severalCasesFit(query: TextLayout.neutralize(query)))]
            for match in matches { lines.append("  play \(match.id)   \(TextLayout.neutralize(match.title))") }
            fail(lines.joined(separator: "\n"))
        case .none:
            let guess = closestMatch(to: query.lowercased(), in: library.scenarios.map(\.id))
            fail(words(.noSuchCase(query: TextLayout.neutralize(query), guess: guess)))
        }
    }

    /// Opens a case in a new play session and shows where the learner stands.
    func begin(_ scenario: Scenario, key: CaseKey, recording: Recording, fromFile: Bool = false) {
        let (opened, outcome) = PlaySession.open(scenario, key: key, store: store, recording: recording, now: now)
        if outcome == .openElsewhere {
            fail(words(.openElsewhere(title: TextLayout.neutralize(scenario.title))))
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
        if fromFile { say(style.dim(words(.playingFromFile))) }
        switch outcome {
        case .fresh, .openElsewhere:
            break
        case let .resumed(choices):
            say(style.dim(words(.resumed(choices: choices))))
        case let .changed(kept, stored):
            say(style.caution(words(.changed(kept: kept, stored: stored))))
        }
        if groupMode { say(style.dim(words(.facilitatorNotesHint))) }
    }

    /// `play PATH`: a case from a file outside the scenarios folder, checked against the
    /// loaded knowledge; nothing is recorded.
    func playFile(_ argument: String) {
        let path = (argument as NSString).expandingTildeInPath
        let loaded: ScenarioLoadResult
        do {
            loaded = try shell.author.loadScenarios(at: path)
        } catch {
            fail(words(.cannotOpen(path: error.displayPath, reason: catalog.tools(.access(error.problem)))))
            return
        }
        if loaded.diagnostics.hasErrors || loaded.scenarios.count != 1 {
            sayFindings { AuthoringRenderer(style: style, catalog: catalog).findings(loaded.diagnostics, width: $0) }
            fail(words(loaded.scenarios.count > 1 ? .severalCasesInFile(path: path) : .fileHasErrors(path: path)))
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
            say(style.dim(words(.choosingHint(count: offered.count))))
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
        say(style.dim(words(.choicesReminder)))
    }

    func requireCase(_ command: String) -> PlaySession? {
        guard let session else {
            fail(words(.worksInsideCase(command: command)))
            return nil
        }
        return session
    }

    func choose(_ arguments: [String]) {
        guard let session = requireCase("choose") else { return }
        guard let selector = arguments.first else {
            fail(words(.chooseNeedsNumber))
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
                fail(words(.noSuchChoice(selector: TextLayout.neutralize(selector), count: offered.count)))
            case .atEnding:
                fail(words(.caseHasEnded))
            case .stuck:
                fail(words(.stuck))
            case .unknownNode:
                fail(words(.changedUnderYou))
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
            fail(words(.atStart))
            return
        }
        reportSaveProblems()
        group.say(notices)
        if groupMode {
            say(style.dim(words(.backInGroup)))
        } else {
            say(style.dim(words(.back(fromEnding: leftEnding))))
        }
        showMoment()
    }

    func why() {
        guard let session = requireCase("why") else { return }
        guard let choice = session.lastChoice else {
            fail(words(.noFeedbackYet))
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
            let votesKept = group.board?.state.tally != nil || (group.board?.voted ?? 0) > 0
            say(words(.leftGroup(title: title, session: id, votesKept: votesKept)))
        } else if current.isAtEnding || current.recording == .none {
            say(words(.left(title: title, playName: nil)))
        } else {
            say(words(.left(title: title, playName: playName(current.scenario))))
        }
    }

    func restart() {
        guard let current = requireCase("restart") else { return }
        if current.playthrough.canGoBack,
           !confirm(words(.restartQuestion(title: TextLayout.neutralize(current.scenario.title))), whenUnattended: true) {
            say(words(.carryOn))
            return
        }
        if let groupPlay {
            group.say(groupPlay.restart())
        } else {
            current.restart()
        }
        reportSaveProblems()
        say(style.dim(words(.restarting(title: TextLayout.neutralize(current.scenario.title), groupPass: groupMode))))
        showMoment()
    }
}
