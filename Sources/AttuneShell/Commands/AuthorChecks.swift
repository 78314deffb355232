import AttuneCatalog
import AttuneCore
import Foundation

/// `lint` and `test`: one implementation, used by the shell (`lint`, `test`) and by the command
/// line (`attune lint`, `attune test`), so the two give the same findings and the same report
/// for the same folders.
struct AuthorChecks {
    /// The knowledge and scenarios folders in use; nil when the content was given in memory.
    let paths: ContentPaths?
    /// Whether the scenarios folder was named (`--scenarios DIR`), so a missing one is reported.
    var scenariosNamed = false
    /// The knowledge cases are checked against.
    let knowledge: KnowledgeBase
    /// The cases a case id may name, read when a target is no path.
    let loadedCases: () -> [Scenario]
    let renderer: AuthoringRenderer
    /// How the reports name the lint command: "lint" in the shell, "attune lint" on the command line.
    var lintCommand = "attune lint"

    /// Why a check could not run; the front end says it (the command line as an error, exit 2).
    struct Problem: Error, Equatable {
        let text: ToolText.Author

        /// The problem in `catalog`'s language, after "error:" on the command line.
        func message(_ catalog: any MessageCatalog) -> String { catalog.tools(.author(text)) }

        /// The message as a sentence of its own, for the shell.
        func sentence(_ catalog: any MessageCatalog) -> String {
            let message = message(catalog)
            return message.prefix(1).uppercased() + message.dropFirst()
        }
    }

    /// A test run: the cases' results, and the findings met while reading them.
    struct TestRun {
        var scenarios: [Scenario] = []
        /// Findings met while reading the targets (a case with errors is not tested).
        var diagnostics: [Diagnostic] = []
        var results: [[ScenarioTestResult]] = []

        var untested: [UntestedFile] { UntestedFile.from(diagnostics) }
        /// Whether a test failed or a case could not be tested (exit status 1 on the command line).
        var failed: Bool { results.joined().contains(where: { !$0.passed }) || !untested.isEmpty }
    }

    /// The paths `lint` checks: each argument that is a path, or the file of the case it names;
    /// with none, the knowledge and scenarios folders in use.
    func lintTargets(_ arguments: [String]) throws(Problem) -> [String] {
        guard !arguments.isEmpty else {
            guard let paths else { throw Problem(text: .lintNeedsTarget) }
            var targets = [paths.knowledge]
            if scenariosNamed || FileManager.default.fileExists(atPath: paths.scenarios) { targets.append(paths.scenarios) }
            return targets
        }
        return try arguments.map { argument throws(Problem) in
            switch try resolve(argument) {
            case let .path(path): path
            case let .scenario(scenario): scenario.file
            }
        }
    }

    /// The findings of `lint` over the targets (see `lintTargets`).
    func lint(_ arguments: [String]) throws(Problem) -> LintReport {
        let targets = try lintTargets(arguments)
        do {
            return try Linter(fallbackKnowledge: knowledge).lint(paths: targets)
        } catch {
            throw Problem(text: .cannotOpenPath(path: error.displayPath, reason: error.problem))
        }
    }

    /// Runs the tests of each target (a file, a folder or a case id); with none, every case of
    /// the scenarios folder.
    func test(_ arguments: [String]) throws(Problem) -> TestRun {
        var run = TestRun()
        // A translation (`maya-quiet-visit.es.yaml`) has no tests of its own: it is tested
        // through its English case, once, however the file was named (`Scenarios/maya*`).
        var named = Set<String>()
        let targets = (arguments.isEmpty ? (paths.map { [$0.scenarios] } ?? []) : arguments)
            .map { target in
                guard let source = TranslationName.sourcePath(of: target), FileManager.default.fileExists(atPath: source) else { return target }
                return source
            }
            .filter { named.insert($0).inserted }
        if targets.isEmpty { run.scenarios = loadedCases() }
        for target in targets {
            switch try resolve(target) {
            case let .scenario(scenario):
                run.scenarios.append(scenario)
            case let .path(path):
                do {
                    let loaded = try ScenarioLoader.load(paths: [path], knowledge: knowledge)
                    run.scenarios += loaded.scenarios
                    run.diagnostics += loaded.diagnostics
                } catch {
                    throw Problem(text: .cannotOpenPath(path: error.displayPath, reason: error.problem))
                }
            }
        }
        run.results = run.scenarios.map(ScenarioTestRunner.run)
        return run
    }

    /// The test report, with coverage when asked, laid out for `width`.
    func report(_ run: TestRun, coverage: Bool, width: Int?) -> String {
        let untested = run.untested
        var text = renderer.tests(run.results.flatMap { $0 }, untested: untested, cases: run.scenarios.count + untested.count,
                                  lint: lintCommand, width: width)
        if coverage {
            text += renderer.coverage(zip(run.scenarios, run.results).map { TestCoverage($0, results: $1) },
                                      untested: untested.count, width: width)
        }
        return text
    }

    private enum Target {
        case path(String)
        case scenario(Scenario)
    }

    /// An existing file or folder, a path that looks like one (which then cannot be opened), or
    /// a case id.
    private func resolve(_ argument: String) throws(Problem) -> Target {
        let path = (argument as NSString).expandingTildeInPath
        // Anything at the path counts, a dangling link or a named pipe included: reading it
        // says what is wrong with it, located.
        if ContentFiles.entryExists(path) || path.contains("/") || path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
            return .path(path)
        }
        let cases = loadedCases()
        if let scenario = cases.first(where: { $0.id == argument }) { return .scenario(scenario) }
        throw Problem(text: .unknownTarget(argument: TerminalText.neutralize(argument),
                                           folder: paths.map { TerminalText.neutralize($0.scenarios) },
                                           guess: closestMatch(to: argument, in: cases.map(\.id))))
    }
}
