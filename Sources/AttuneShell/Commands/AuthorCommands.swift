import AttuneCatalog
import AttuneCore
import Foundation

extension Shell {
    func makeAuthorCommands() -> [ShellCommand] {
        [
            ShellCommand(
                name: "lint", usage: "lint [ID or PATH]", summary: "Check cases and knowledge files; every finding located.",
                details: "With no argument, checks the knowledge and scenarios folders in use. With a case id or a path, checks that.",
                example: "lint maya-quiet-visit", argument: .scenarioOrPath, group: .authors, run: { $0.lint($1) }),
            ShellCommand(
                name: "test", usage: "test [ID or PATH]", summary: "Run cases' expected playthroughs (their 'tests:').",
                details: "A case with errors is not tested, and says so. 'test --coverage' also lists the choices, "
                    + "endings and debrief rules that no test exercises.",
                example: "test --coverage maya-quiet-visit", argument: .scenarioOrPath, flags: ["--coverage"], group: .authors, run: { $0.runTests($1) }),
            ShellCommand(
                name: "reload", usage: "reload", summary: "Read the content again from disk, keeping your place in a case.",
                details: "For authors editing in another window: save the file, type 'reload', and carry on from the same moment when it still exists.",
                group: .authors, run: { shell, _ in shell.reload() }),
            ShellCommand(
                name: "goto", usage: "goto NODE", summary: "Author tool: jump to a moment in the current case.",
                details: "Counters and history stay as they are. From here on the path is not recorded in your progress.",
                example: "goto ending-warm", argument: .node, group: .authors, interactiveOnly: true, run: { $0.goto($1) }),
            ShellCommand(
                name: "set", usage: "set VAR N", summary: "Author tool: set a counter in the current case.",
                example: "set trust 2", argument: .variable, group: .authors, interactiveOnly: true, run: { $0.setVariable($1) }),
            ShellCommand(
                name: "vars", usage: "vars", summary: "Author tool: show the counters, visits and choices so far.",
                group: .authors, interactiveOnly: true, run: { shell, _ in shell.showVariables() }),
        ]
    }

    private var authoring: AuthoringRenderer { AuthoringRenderer(style: style, catalog: catalog) }

    /// A path that exists, or nil for a case id.
    private func existingPath(_ argument: String) -> String? {
        let path = (argument as NSString).expandingTildeInPath
        return ContentFiles.entryExists(path) ? path : nil
    }

    func lint(_ arguments: [String]) {
        var targets: [String]
        if let argument = arguments.first {
            if let path = existingPath(argument) {
                targets = [path]
            } else if let scenario = library.scenario(argument) {
                targets = [scenario.file]
            } else {
                fail("'\(argument)' is neither a file nor a case id. Type 'scenarios' to see the cases.")
                return
            }
        } else {
            guard let contentPaths else {
                fail("'lint' needs a case id or a path here.")
                return
            }
            targets = [contentPaths.knowledge]
            if FileManager.default.fileExists(atPath: contentPaths.scenarios) { targets.append(contentPaths.scenarios) }
        }
        do {
            let report = try Linter(fallbackKnowledge: library.knowledge).lint(paths: targets)
            sayFindings { authoring.lint(report, width: $0) }
            if report.errors + report.warnings > 0 { lastCommandFailedBecauseOfFindings() }
        } catch {
            fail("Cannot open \(error.displayPath): \(error.reason).")
        }
    }

    func runTests(_ arguments: [String]) {
        let coverage = arguments.contains("--coverage")
        let arguments = arguments.filter { $0 != "--coverage" }
        var scenarios = library.scenarios
        var diagnostics: [Diagnostic] = []
        if let argument = arguments.first {
            if let path = existingPath(argument) {
                do {
                    let loaded = try loadScenarios(at: path)
                    scenarios = loaded.scenarios
                    diagnostics = loaded.diagnostics
                } catch {
                    fail("Cannot open \(error.displayPath): \(error.reason).")
                    return
                }
            } else if let scenario = library.scenario(argument) {
                scenarios = [scenario]
            } else {
                fail("'\(argument)' is neither a file nor a case id. Type 'scenarios' to see the cases.")
                return
            }
        }
        if !diagnostics.isEmpty { sayFindings { authoring.findings(diagnostics, width: $0) } }
        let untested = UntestedFile.from(diagnostics)
        let results = scenarios.map(ScenarioTestRunner.run)
        say(authoring.tests(results.flatMap { $0 }, untested: untested, cases: scenarios.count + untested.count,
                            lint: "lint", width: width()))
        if coverage {
            say(authoring.coverage(zip(scenarios, results).map { TestCoverage($0, results: $1) }, untested: untested.count,
                                   width: width()))
        }
        if results.joined().contains(where: { !$0.passed }) || !untested.isEmpty { lastCommandFailedBecauseOfFindings() }
    }

    /// Scenario files at a path (file or folder), checked against the loaded knowledge.
    func loadScenarios(at path: String) throws(ContentAccessError) -> ScenarioLoadResult {
        try ScenarioLoader.load(paths: [path], knowledge: library.knowledge)
    }

    func reload() {
        guard let contentPaths else {
            fail("There is no folder to reload from in this session.")
            return
        }
        let fresh: ContentLibrary
        do {
            let scenarios = FileManager.default.fileExists(atPath: contentPaths.scenarios) ? contentPaths.scenarios : nil
            fresh = try ContentLibrary.load(knowledgeDirectory: contentPaths.knowledge, scenarioDirectory: scenarios,
                                            cache: contentCache)
        } catch {
            fail("Cannot reload: \(error.displayPath): \(error.reason). Nothing was changed.")
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
        replaceLibrary(fresh)
        if !fresh.diagnostics.isEmpty { sayFindings { authoring.findings(fresh.diagnostics, width: $0) } }
        say("Reloaded: \(counted(fresh.knowledge.count, "entry", plural: "entries")), \(counted(fresh.scenarios.count, "case")).")
        guard let current = session else { return }
        guard let scenario = playedFile ?? fresh.scenarios.first(where: { origins.key(for: $0) == current.key }) else {
            say(style.caution("The case '\(current.scenario.id)' did not load this time (see above), so you carry on with "
                + "the version you had. Fix the file and type 'reload' again."))
            return
        }
        switch current.replace(with: scenario) {
        case .sameMoment:
            say(style.dim("You are at the same moment."))
        case .pathChanged:
            say(style.caution("The path to this moment changed, so you stay here with the same counters, but 'back' "
                + "starts from here and this path is no longer recorded."))
        case let .momentRemoved(node):
            session = nil
            let resumes = current.recording == .personal
            say(style.caution("The moment '\(node)' no longer exists, so you have left the case. "
                + (resumes ? "'play \(playName(scenario))' continues from the last moment of your path that still fits."
                    : "'play \(playName(scenario))' begins it again.")))
            return
        }
        showMoment()
    }

    private func noteRecordingStopped(_ stopped: Bool) {
        if stopped { say(style.dim("(Author tools: this path is no longer recorded in your progress.)")) }
    }

    func goto(_ arguments: [String]) {
        guard let current = requireCase("goto") else { return }
        guard let id = arguments.first else {
            fail("'goto' needs a node id, for example: goto \(current.scenario.nodes.last?.id ?? "arrival")")
            return
        }
        guard current.scenario.node(id) != nil else {
            var message = "The case has no node '\(TextLayout.neutralize(id))'."
            if let guess = closestMatch(to: id, in: current.scenario.nodes.map(\.id)) { message += " Did you mean '\(guess)'?" }
            fail(message)
            return
        }
        noteRecordingStopped(current.jump(to: id))
        showMoment()
    }

    func setVariable(_ arguments: [String]) {
        guard let current = requireCase("set") else { return }
        guard arguments.count == 2, let value = Int(arguments[1]) else {
            fail("Use 'set VAR N' with a whole number, for example: set trust 2")
            return
        }
        let name = arguments[0]
        let declared = current.scenario.variables.map(\.variable)
        guard declared.contains(name) else {
            var message = "The case has no counter '\(TextLayout.neutralize(name))'."
            if let guess = closestMatch(to: name, in: declared) { message += " Did you mean '\(guess)'?" }
            fail(message + (declared.isEmpty ? " It declares none." : " Its counters: \(declared.joined(separator: ", "))."))
            return
        }
        noteRecordingStopped(current.setVariable(name, to: value))
        say("\(name) = \(value)")
    }

    func showVariables() {
        guard let current = requireCase("vars") else { return }
        let state = current.state
        var lines = [style.heading("Counters")]
        if current.scenario.variables.isEmpty { lines.append("  (none declared)") }
        for variable in current.scenario.variables {
            lines.append("  \(variable.variable) = \(state.variables[variable.variable] ?? 0)  " + style.dim("(starts at \(variable.amount))"))
        }
        lines += ["", style.heading("Visited")]
        lines.append("  " + current.scenario.nodes.filter { state.hasVisited($0.id) }
            .map { state.visits[$0.id, default: 0] > 1 ? "\($0.id) ×\(state.visits[$0.id]!)" : $0.id }.joined(separator: ", "))
        lines += ["", style.heading("Choices so far")]
        lines.append(state.path.isEmpty ? "  (none)" : "  " + state.path.map { "\($0.node).\($0.choice)" }.joined(separator: ", "))
        say(lines.joined(separator: "\n"))
    }
}
