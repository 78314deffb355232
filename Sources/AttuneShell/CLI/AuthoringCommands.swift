import AttuneCatalog
import ArgumentParser
import AttuneCore
import Foundation

/// Where a command's scenarios come from: paths to files or folders, or ids of loaded cases.
struct ScenarioTargets {
    var scenarios: [Scenario] = []
    var diagnostics: [Diagnostic] = []
}

extension RunContext {
    /// The knowledge base alone, for checking an author's scenarios against it.
    func loadKnowledgeOnly() throws -> KnowledgeBase {
        do {
            return try KnowledgeLoader.load(directory: paths.knowledge).base
        } catch {
            output.writeError(errorLabel + " " + text(.cannotOpenFolder(
                knowledge: true, path: error.displayPath, reason: catalog.tools(.access(error.problem)))) + "\n")
            throw ExitCode(2)
        }
    }

    /// Resolves each target: an existing file or folder is read as scenarios; anything else
    /// is a case id from the scenarios folder. Unknown ids and unreadable paths exit 2.
    func scenarios(_ targets: [String], knowledge: KnowledgeBase) throws -> ScenarioTargets {
        var result = ScenarioTargets()
        let targets = targets.isEmpty ? [paths.scenarios] : targets
        var bundled: [Scenario]?
        for target in targets {
            // Anything at the path counts, a dangling link or a named pipe included: reading
            // it says what is wrong with it, located.
            if ContentFiles.entryExists(target) {
                do {
                    let loaded = try ScenarioLoader.load(paths: [target], knowledge: knowledge)
                    result.scenarios += loaded.scenarios
                    result.diagnostics += loaded.diagnostics
                } catch {
                    output.writeError(errorLabel + " "
                        + catalog.tools(.author(.cannotOpenPath(path: error.displayPath, reason: error.problem))) + "\n")
                    throw ExitCode(2)
                }
            } else {
                if bundled == nil {
                    bundled = (try? ScenarioLoader.load(directory: paths.scenarios, knowledge: knowledge))?.scenarios ?? []
                }
                guard let scenario = bundled?.first(where: { $0.id == target }) else {
                    let guess = closestMatch(to: target, in: bundled?.map(\.id) ?? [])
                    output.writeError(errorLabel + " " + catalog.tools(.author(.unknownTarget(
                        argument: TerminalText.neutralize(target), folder: TerminalText.neutralize(paths.scenarios), guess: guess))) + "\n")
                    throw ExitCode(2)
                }
                result.scenarios.append(scenario)
            }
        }
        return result
    }
}

extension RunContext {
    /// One target's scenarios, which must load without errors (exit 1 otherwise).
    func cleanScenarios(_ target: String, renderer: AuthoringRenderer) throws -> ScenarioTargets {
        let resolved = try scenarios([target], knowledge: try loadKnowledgeOnly())
        if resolved.diagnostics.hasErrors {
            output.writeFindings(resolved.diagnostics, renderer: renderer)
            output.writeError(catalog.author(.command(.fixErrorsFirst)) + "\n")
            throw ExitCode(1)
        }
        return resolved
    }
}

/// A sentence of the author's commands in the command line's language (for help, which is
/// read before the options are).
private func said(_ words: AuthorText.Command) -> String { CommandLineLanguage.catalog.author(.command(words)) }

extension RunContext {
    /// A sentence of the author's commands in this run's language.
    func said(_ words: AuthorText.Command) -> String { catalog.author(.command(words)) }
}

enum LintFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `attune lint PATH...`
struct LintCommand: ParsableCommand {
    static let configuration = CommandTable.configuration(
        "lint", extra: said(.lintExtra))

    @Argument(help: ArgumentHelp(said(.lintPathsHelp)))
    var paths: [String] = []

    @Option(help: ArgumentHelp(said(.lintFormatHelp)))
    var format: LintFormat = .text

    @Flag(help: ArgumentHelp(said(.lintRulesHelp)))
    var rules = false

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let context = RunContext(options: options)
        let renderer = AuthoringRenderer(style: context.style, catalog: context.catalog)
        if rules {
            let width = LintRules.all.map(\.id.rawValue.count).max() ?? 0
            let severities = Severity.allCases.map { context.catalog.severity($0).count }.max() ?? 7
            for rule in LintRules.all {
                let severity = context.catalog.severity(rule.severity).padding(toLength: severities, withPad: " ", startingAt: 0)
                context.output.write(rule.id.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
                    + "  \(severity)  \(context.catalog.ruleSummary(rule.id))\n")
            }
            return
        }
        let knowledge = (try? KnowledgeLoader.load(directory: context.paths.knowledge).base) ?? .empty
        let checks = context.authorChecks(knowledge: knowledge, renderer: renderer)
        let report: LintReport
        do {
            report = try checks.lint(paths)
        } catch {
            context.output.writeError(context.errorLabel + " \(error.message(context.catalog))\n")
            throw ExitCode(2)
        }
        // JSON is for programs: never rewrapped. Findings keep their excerpt and caret aligned.
        context.output.writePreformatted(format == .json
            ? renderer.lintJSON(report) : renderer.lint(report, width: context.output.fittingWidth(isError: false)))
        if report.errors + report.warnings > 0 { throw ExitCode(1) }
    }
}

/// `attune test PATH...`
struct TestCommand: ParsableCommand {
    static let configuration = CommandTable.configuration(
        "test", extra: said(.testExtra))

    @Argument(help: ArgumentHelp(said(.testTargetsHelp)))
    var targets: [String] = []

    @Flag(help: ArgumentHelp(said(.testCoverageHelp)))
    var coverage = false

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let context = RunContext(options: options)
        let renderer = AuthoringRenderer(style: context.style, catalog: context.catalog)
        let checks = context.authorChecks(knowledge: try context.loadKnowledgeOnly(), renderer: renderer)
        let run: AuthorChecks.TestRun
        do {
            run = try checks.test(targets)
        } catch {
            context.output.writeError(context.errorLabel + " \(error.message(context.catalog))\n")
            throw ExitCode(2)
        }
        if !run.diagnostics.isEmpty { context.output.writeFindings(run.diagnostics, renderer: renderer) }
        let width = TerminalInfo.fittingWidth(fd: STDOUT_FILENO, environment: context.environment)
        context.output.write(checks.report(run, coverage: coverage, width: width))
        if run.failed { throw ExitCode(1) }
    }
}

extension RunContext {
    /// `lint` and `test` over this run's folders; a case id names a case of the scenarios folder.
    func authorChecks(knowledge: KnowledgeBase, renderer: AuthoringRenderer) -> AuthorChecks {
        AuthorChecks(paths: paths, scenariosNamed: explicitScenarios, knowledge: knowledge, loadedCases: { [paths] in
            (try? ScenarioLoader.load(directory: paths.scenarios, knowledge: knowledge))?.scenarios ?? []
        }, renderer: renderer)
    }
}

/// `attune explore PATH`
struct ExploreCommand: ParsableCommand {
    static let configuration = CommandTable.configuration("explore")

    @Argument(help: ArgumentHelp(said(.exploreTargetHelp)))
    var target: String

    @Option(help: ArgumentHelp(said(.exploreRandomHelp)))
    var random: Int?

    @Option(help: ArgumentHelp(said(.exploreSeedHelp)))
    var seed: UInt64 = 1

    @Option(name: .customLong("max-states"), help: ArgumentHelp(said(.exploreMaxStatesHelp)))
    var maxStates: Int = StateSpace.defaultLimit

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let context = RunContext(options: options)
        let renderer = AuthoringRenderer(style: context.style, catalog: context.catalog)
        let resolved = try context.cleanScenarios(target, renderer: renderer)
        var failed = false
        for scenario in resolved.scenarios {
            let analysis = ScenarioAnalysis(scenario, limit: maxStates)
            let randomReport = random.map { RandomPlay.run(scenario, runs: $0, seed: seed) }
            context.output.write(renderer.exploration(analysis, random: randomReport, seed: random == nil ? nil : seed))
            failed = failed || !analysis.stuckStates().isEmpty || !analysis.trappedStates().isEmpty
                || !(randomReport?.unfinished.isEmpty ?? true)
        }
        if failed { throw ExitCode(1) }
    }
}

/// `attune graph ID --format dot|mermaid`
struct GraphCommand: ParsableCommand {
    static let configuration = CommandTable.configuration("graph")

    @Argument(help: ArgumentHelp(said(.graphTargetHelp)))
    var target: String

    @Option(help: ArgumentHelp(said(.graphFormatHelp)))
    var format: GraphFormat = .dot

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let context = RunContext(options: options)
        let renderer = AuthoringRenderer(style: context.style, catalog: context.catalog)
        let resolved = try context.cleanScenarios(target, renderer: renderer)
        // DOT and Mermaid go to other programs: their lines are never rewrapped.
        for scenario in resolved.scenarios {
            context.output.writePreformatted(GraphExport.render(scenario, format: format) { context.catalog.author(.graph($0)) })
        }
    }
}

extension GraphFormat: ExpressibleByArgument {}

/// `attune new NAME`
struct NewCommand: ParsableCommand {
    static let configuration = CommandTable.configuration("new")

    @Argument(help: ArgumentHelp(said(.newNameHelp)))
    var name: String

    @OptionGroup var options: GlobalOptions

    func validate() throws {
        if !isIdentifier(name) {
            throw ValidationError(said(.notAnID(name: name)))
        }
    }

    func run() throws {
        let context = RunContext(options: options)
        let bundled = ContentPaths.locate(knowledge: nil, scenarios: nil).scenarios
        if let clash = bundledCaseIDs(in: bundled)[name] {
            context.output.writeError(context.errorLabel + " " + context.said(.bundledID(name: name, title: clash)) + "\n")
            throw ExitCode(2)
        }
        let folder = (options.scenarios.map { ($0 as NSString).expandingTildeInPath }) ?? FileManager.default.currentDirectoryPath
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            context.output.writeError(context.errorLabel + " " + context.said(.cannotCreateFolder(folder: folder)) + "\n")
            throw ExitCode(2)
        }
        let path = Shell.absolutePath((folder as NSString).appendingPathComponent(name + ".yaml"))
        guard !FileManager.default.fileExists(atPath: path) else {
            context.output.writeError(context.errorLabel + " " + context.said(.alreadyExists(path: path)) + "\n")
            throw ExitCode(2)
        }
        do {
            try ScenarioScaffold.text(id: name) { context.catalog.author(.scaffold($0)) }
                .write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            context.output.writeError(context.errorLabel + " " + context.said(.cannotWrite(path: path)) + "\n")
            throw ExitCode(2)
        }
        // The command is copied whole: on a line of its own, never wrapped.
        context.output.write(context.said(.wrote(path: path)) + "\n")
        context.output.writePreformatted("  attune lint \(Self.shellQuoted(path)) && attune test \(Self.shellQuoted(path))\n")
    }

    /// A path as a shell reads it: quoted when it holds anything but plain characters.
    static func shellQuoted(_ path: String) -> String {
        let plain = path.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "/._-+,=:@%".unicodeScalars.contains($0) }
        return plain && !path.isEmpty ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The ids of the cases that ship with Attune, with their titles; read cheaply from
    /// each file's `scenario:` and `title:` lines.
    private func bundledCaseIDs(in folder: String) -> [String: String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [:] }
        var ids: [String: String] = [:]
        for name in names where name.hasSuffix(".yaml") {
            guard let text = try? String(contentsOfFile: (folder as NSString).appendingPathComponent(name), encoding: .utf8)
            else { continue }
            var id: String?, title = ""
            for line in text.split(separator: "\n").prefix(20) {
                if line.hasPrefix("scenario:") { id = line.dropFirst(9).trimmingCharacters(in: " \"'") }
                if line.hasPrefix("title:") { title = line.dropFirst(6).trimmingCharacters(in: " \"'") }
            }
            if let id { ids[id] = title }
        }
        return ids
    }
}
