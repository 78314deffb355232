import AttuneCatalog
import AttuneCore
import AttunePlay
import Foundation

/// Author tools in the shell: lint, test, reload, and jumping about the case in play.
final class AuthorController: ShellPart {
    unowned let shell: Shell
    var context: ShellContext { shell.context }
    /// Where the content was read from, for `reload` and `lint`; nil when given in memory.
    let contentPaths: ContentPaths?
    /// Where `reload` keeps compiled content; nil reads the YAML every time (`--no-cache`).
    let contentCache: ContentCache?

    init(shell: Shell, contentPaths: ContentPaths?, contentCache: ContentCache?) {
        self.shell = shell
        self.contentPaths = contentPaths
        self.contentCache = contentCache
    }

    var play: PlayController { shell.play }
    var session: PlaySession? {
        get { play.session }
        set { play.session = newValue }
    }

    private var authoring: AuthoringRenderer { AuthoringRenderer(style: style, catalog: catalog) }

    /// `lint` and `test` as the command line runs them, over the folders in use.
    var checks: AuthorChecks {
        AuthorChecks(paths: contentPaths, knowledge: library.knowledge, loadedCases: { [library] in library.scenarios },
                     renderer: authoring, lintCommand: "lint")
    }

    func lint(_ arguments: [String]) {
        let report: LintReport
        do {
            report = try checks.lint(arguments)
        } catch {
            return fail(error.sentence(catalog))
        }
        sayFindings { authoring.lint(report, width: $0) }
        if report.errors + report.warnings > 0 { lastCommandFailedBecauseOfFindings() }
    }

    func runTests(_ arguments: [String]) {
        let coverage = arguments.contains("--coverage")
        let run: AuthorChecks.TestRun
        do {
            run = try checks.test(arguments.filter { $0 != "--coverage" })
        } catch {
            return fail(error.sentence(catalog))
        }
        if !run.diagnostics.isEmpty { sayFindings { authoring.findings(run.diagnostics, width: $0) } }
        say(checks.report(run, coverage: coverage, width: width()))
        if run.failed { lastCommandFailedBecauseOfFindings() }
    }

    /// Scenario files at a path (file or folder), checked against the loaded knowledge.
    func loadScenarios(at path: String) throws(ContentAccessError) -> ScenarioLoadResult {
        try ScenarioLoader.load(paths: [path], knowledge: library.knowledge)
    }

    func reload() {
        guard let contentPaths else {
            fail(words(.noFolderToReload))
            return
        }
        let fresh: ContentLibrary
        do {
            let scenarios = FileManager.default.fileExists(atPath: contentPaths.scenarios) ? contentPaths.scenarios : nil
            fresh = try ContentLibrary.load(knowledgeDirectory: contentPaths.knowledge, scenarioDirectory: scenarios,
                                            cache: contentCache, language: library.language)
        } catch {
            fail(words(.cannotReload(path: error.displayPath, reason: error.problem)))
            return
        }
        // A case played from a file is reloaded from that file.
        var playedFile: Scenario?
        if let current = session, !library.scenarios.contains(where: { $0.file == current.scenario.file }) {
            switch Result(catching: { () throws(ContentAccessError) in try loadScenarios(at: current.scenario.file) }) {
            case let .success(result):
                playedFile = result.scenarios.first { $0.id == current.scenario.id }
                if !result.diagnostics.isEmpty { sayFindings { authoring.findings(result.diagnostics, width: $0) } }
            case .failure: break
            }
        }
        shell.replaceLibrary(fresh)
        if !fresh.diagnostics.isEmpty { sayFindings { authoring.findings(fresh.diagnostics, width: $0) } }
        say(words(.reloaded(entries: fresh.knowledge.count, cases: fresh.scenarios.count)))
        guard let current = session else { return }
        guard let scenario = playedFile ?? fresh.scenarios.first(where: { origins.key(for: $0) == current.key }) else {
            say(style.caution(words(.caseDidNotLoad(id: current.scenario.id))))
            return
        }
        switch current.replace(with: scenario) {
        case .sameMoment:
            say(style.dim(words(.sameMoment)))
        case .pathChanged:
            say(style.caution(words(.pathChanged)))
        case let .momentRemoved(node):
            session = nil
            let resumes = current.recording == .personal
            say(style.caution(words(.momentGone(node: node, command: "play \(play.playName(scenario))", resumes: resumes))))
            return
        }
        play.showMoment()
    }

    private func noteRecordingStopped(_ stopped: Bool) {
        if stopped { say(style.dim(words(.pathNotRecorded))) }
    }

    func goto(_ arguments: [String]) {
        guard let current = play.requireCase("goto") else { return }
        guard let id = arguments.first else {
            fail(words(.gotoNeedsNode(example: current.scenario.nodes.last?.id ?? "arrival")))
            return
        }
        guard current.scenario.node(id) != nil else {
            fail(words(.noSuchNode(id: TextLayout.neutralize(id), guess: closestMatch(to: id, in: current.scenario.nodes.map(\.id)))))
            return
        }
        noteRecordingStopped(current.jump(to: id))
        play.showMoment()
    }

    func setVariable(_ arguments: [String]) {
        guard let current = play.requireCase("set") else { return }
        guard arguments.count == 2, let value = Int(arguments[1]) else {
            fail(words(.setUsage))
            return
        }
        let name = arguments[0]
        let declared = current.scenario.variables.map(\.variable)
        guard declared.contains(name) else {
            fail(words(.noSuchCounter(name: TextLayout.neutralize(name), guess: closestMatch(to: name, in: declared), declared: declared)))
            return
        }
        noteRecordingStopped(current.setVariable(name, to: value))
        say("\(name) = \(value)")
    }

    func showVariables() {
        guard let current = play.requireCase("vars") else { return }
        let state = current.state
        var lines = [style.heading(words(.countersHeading))]
        if current.scenario.variables.isEmpty { lines.append("  " + words(.noneDeclared)) }
        for variable in current.scenario.variables {
            lines.append("  \(variable.variable) = \(state.variables[variable.variable] ?? 0)  " + style.dim(words(.startsAt(variable.amount))))
        }
        lines += ["", style.heading(words(.visitedHeading))]
        lines.append("  " + current.scenario.nodes.filter { state.hasVisited($0.id) }
            .map { state.visits[$0.id, default: 0] > 1 ? "\($0.id) ×\(state.visits[$0.id]!)" : $0.id }.joined(separator: ", "))
        lines += ["", style.heading(words(.choicesSoFarHeading))]
        lines.append(state.path.isEmpty ? "  " + words(.noneYet) : "  " + state.path.map { "\($0.node).\($0.choice)" }.joined(separator: ", "))
        say(lines.joined(separator: "\n"))
    }

    /// An author tool's sentence in the session's language.
    private func words(_ text: ToolText.Author) -> String { catalog.tools(.author(text)) }
}
