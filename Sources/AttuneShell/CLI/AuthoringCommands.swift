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
            output.writeError(style.error("error:") + " cannot open the knowledge folder \(error.displayPath): \(error.reason). "
                + "Point to it with --knowledge DIR.\n")
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
                    output.writeError(style.error("error:") + " cannot open \(error.displayPath): \(error.reason).\n")
                    throw ExitCode(2)
                }
            } else {
                if bundled == nil {
                    bundled = (try? ScenarioLoader.load(directory: paths.scenarios, knowledge: knowledge))?.scenarios ?? []
                }
                guard let scenario = bundled?.first(where: { $0.id == target }) else {
                    var message = "'\(TerminalText.neutralize(target))' is neither a file nor a case id in "
                        + "\(TerminalText.neutralize(paths.scenarios))."
                    if let guess = closestMatch(to: target, in: bundled?.map(\.id) ?? []) { message += " Did you mean '\(guess)'?" }
                    output.writeError(style.error("error:") + " " + message + "\n")
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
            output.writeError("Fix the errors above first; a case with errors cannot be explored or drawn.\n")
            throw ExitCode(1)
        }
        return resolved
    }
}

enum LintFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `attune lint PATH...`
struct LintCommand: ParsableCommand {
    static let configuration = CommandTable.configuration(
        "lint", extra: "Every finding is located as file:line:col. Exit status: 0 clean, 1 findings, 2 a path that cannot be opened.")

    @Argument(help: "Files or folders to check, or case ids.")
    var paths: [String] = []

    @Option(help: "text, or json for editors and CI.")
    var format: LintFormat = .text

    @Flag(help: "List the rules and what each catches.")
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
        "test", extra: "Each target is a file, a folder or a case id; with none, every case. "
            + "Exit status 1 when a test fails or a case has errors; coverage never changes it.")

    @Argument(help: "Files, folders or case ids.")
    var targets: [String] = []

    @Flag(help: "Also list, per case and in total, what no test exercises: choices, endings and debrief rules.")
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

    @Argument(help: "A scenario file or case id.")
    var target: String

    @Option(help: "Also play this many random playthroughs (each must end).")
    var random: Int?

    @Option(help: "Seed for the random playthroughs.")
    var seed: UInt64 = 1

    @Option(name: .customLong("max-states"), help: "Stop exploring after this many states and use the node graph.")
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

    @Argument(help: "A case id or scenario file.")
    var target: String

    @Option(help: "dot or mermaid.")
    var format: GraphFormat = .dot

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let context = RunContext(options: options)
        let renderer = AuthoringRenderer(style: context.style, catalog: context.catalog)
        let resolved = try context.cleanScenarios(target, renderer: renderer)
        // DOT and Mermaid go to other programs: their lines are never rewrapped.
        for scenario in resolved.scenarios { context.output.writePreformatted(GraphExport.render(scenario, format: format)) }
    }
}

extension GraphFormat: ExpressibleByArgument {}

/// `attune new NAME`
struct NewCommand: ParsableCommand {
    static let configuration = CommandTable.configuration("new")

    @Argument(help: "The case id: lowercase letters, digits and hyphens.")
    var name: String

    @OptionGroup var options: GlobalOptions

    func validate() throws {
        if !isIdentifier(name) {
            throw ValidationError("'\(name)' cannot be a case id; use lowercase letters, digits and hyphens, like ana-first-visit.")
        }
    }

    func run() throws {
        let context = RunContext(options: options)
        let bundled = ContentPaths.locate(knowledge: nil, scenarios: nil).scenarios
        if let clash = bundledCaseIDs(in: bundled)[name] {
            context.output.writeError(context.style.error("error:") + " '\(name)' is already the id of a case that comes with "
                + "Attune (\(clash)). Choose another id, for example \(name)-draft.\n")
            throw ExitCode(2)
        }
        let folder = (options.scenarios.map { ($0 as NSString).expandingTildeInPath }) ?? FileManager.default.currentDirectoryPath
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            context.output.writeError(context.style.error("error:") + " cannot create the folder \(folder): "
                + "choose a folder you can write to.\n")
            throw ExitCode(2)
        }
        let path = Shell.absolutePath((folder as NSString).appendingPathComponent(name + ".yaml"))
        guard !FileManager.default.fileExists(atPath: path) else {
            context.output.writeError(context.style.error("error:") + " \(path) already exists; choose another name.\n")
            throw ExitCode(2)
        }
        do {
            try ScenarioScaffold.text(id: name).write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            context.output.writeError(context.style.error("error:") + " cannot write \(path): the folder may not exist or be writable.\n")
            throw ExitCode(2)
        }
        // The command is copied whole: on a line of its own, never wrapped.
        context.output.write("Wrote \(path). Check it with:\n")
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
