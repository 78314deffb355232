import ArgumentParser
import AttuneCatalog
import AttuneCore
import AttuneRecords
import Foundation

/// `attune cohort report ...`
struct CohortCommand: ParsableCommand {
    static let configuration = CommandTable.configuration("cohort", subcommands: [CohortReportCommand.self])
}

/// `attune cohort report --lrs URL --user U --cohort NAME FILE`, or `attune cohort report FILES... OUT`.
struct CohortReportCommand: ParsableCommand {
    private static func help(_ help: CohortText.Help) -> String { CommandLineLanguage.catalog.cohort(.help(help)) }

    static let configuration = CommandConfiguration(
        commandName: "report", abstract: help(.abstract), discussion: help(.discussion))

    @Argument(help: ArgumentHelp(help(.paths), valueName: help(.valueFiles)))
    var paths: [String] = []

    @Option(help: ArgumentHelp(help(.lrs), valueName: CommandLineLanguage.value(.lrs)))
    var lrs: String?

    @Option(help: ArgumentHelp(help(.user), valueName: CommandLineLanguage.value(.user)))
    var user: String?

    @Option(help: ArgumentHelp(help(.password), valueName: CommandLineLanguage.value(.password)))
    var password: String?

    @Option(help: ArgumentHelp(help(.cohort), valueName: CommandLineLanguage.value(.name)))
    var cohort: String?

    @Option(help: ArgumentHelp(help(.since), valueName: help(.valueDate)))
    var since: String?

    @Option(help: ArgumentHelp(help(.until), valueName: help(.valueDate)))
    var until: String?

    @Flag(name: .customLong("insecure-http"), help: ArgumentHelp(help(.insecureHTTP)))
    var insecureHTTP = false

    @Option(help: ArgumentHelp(help(.timeout), valueName: CommandLineLanguage.value(.seconds)))
    var timeout: Double = 600

    @Flag(help: ArgumentHelp(help(.includeReflections)))
    var includeReflections = false

    @Option(name: .customLong("page-size"), help: ArgumentHelp(help(.pageSize), valueName: help(.valueCount)))
    var pageSize: Int = 1000

    @OptionGroup var options: GlobalOptions

    func validate() throws {
        let catalog = (Language.resolve(option: options.lang, environment: ProcessInfo.processInfo.environment) ?? .english).catalog
        if let problem = Self.check(paths: paths, lrs: lrs, cohort: cohort, since: since, until: until, timeout: timeout,
                                    pageSize: pageSize) {
            throw ValidationError(catalog.cohort(problem))
        }
    }

    /// The checks that need nothing but the words typed, shared with the shell: the first
    /// problem found, or nil.
    static func check(paths: [String], lrs: String?, cohort: String?, since: String?, until: String?, timeout: Double,
                      pageSize: Int = 1000) -> CohortText? {
        if lrs != nil {
            guard cohort != nil else { return .command(.lrsNeedsCohort) }
            guard paths.count == 1 else { return .command(paths.isEmpty ? .lrsNeedsReportFile : .lrsOnlyReportFile) }
        } else if paths.count < 2 {
            return .command(.filesThenReport)
        }
        if let cohort, case .failure(let problem) = CohortName.check(cohort) { return .name(problem.text) }
        if let output = paths.last, output != "-", CohortFormat(path: output) == nil { return .command(.needsExtension(path: output)) }
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, CohortDate.parse(value) == nil { return .command(.needsDay(option: name)) }
        }
        if let since, let until, let start = CohortDate.parse(since), let end = CohortDate.parse(until), start >= end {
            return .command(.sinceBeforeUntil)
        }
        if !(timeout > 0 && timeout <= 86_400) { return .command(.timeoutRange) }
        if !(1...100_000).contains(pageSize) { return .command(.pageSizeRange) }
        return nil
    }

    func run() throws {
        let context = RunContext(options: options)
        // The content in the report's language: case titles, moments, responses and competency
        // names as the learners read them, translated where the content is.
        let knowledge: KnowledgeBase, scenarios: [Scenario]
        if let library = try? ContentLibrary.load(knowledgeDirectory: context.paths.knowledge,
                                                  scenarioDirectory: context.paths.scenarios,
                                                  language: context.catalog.language.rawValue) {
            (knowledge, scenarios) = (library.knowledge, library.scenarios)
        } else {
            // A folder that cannot be opened: what can be read is counted, the rest skipped and named.
            knowledge = (try? KnowledgeLoader.load(directory: context.paths.knowledge).base) ?? .empty
            scenarios = (try? ScenarioLoader.load(directory: context.paths.scenarios, knowledge: knowledge).scenarios) ?? []
        }
        let progress = CohortProgressLine(environment: context.environment)
        let succeeded = CohortReportRun(
            paths: paths, lrs: lrs, user: user, password: password, cohort: cohort, since: since, until: until,
            insecureHTTP: insecureHTTP, timeout: timeout, includeReflections: includeReflections, pageSize: pageSize
        ).run(knowledge: knowledge, scenarios: scenarios, output: context.output, style: context.style,
              environment: context.environment, catalog: context.catalog, mayPrompt: true, progress: progress.show)
        if !succeeded { throw ExitCode(1) }
    }
}

/// One run of the cohort report, from the command line or the shell: read, count, render,
/// write the private file, and say what was written.
struct CohortReportRun {
    var paths: [String]
    var lrs: String?
    var user: String?
    var password: String?
    var cohort: String?
    var since: String?
    var until: String?
    var insecureHTTP: Bool
    var timeout: Double
    var includeReflections: Bool
    var pageSize = 1000

    /// Whether the report was written; problems are written to `output`'s error stream.
    /// `progress` is called as pages arrive, and with "" when reading is over. `stop` (the
    /// shell's Ctrl-C) ends reading from an LRS: then nothing is written, and that is said.
    func run(knowledge: KnowledgeBase, scenarios: [Scenario], output: OutputSink, style: TextStyle,
             environment: [String: String], catalog: any MessageCatalog, mayPrompt: Bool, stop: LRSClient.StopCheck? = nil,
             progress: (String) -> Void) -> Bool {
        func fail(_ message: String) -> Bool {
            output.writeError(style.error(catalog.severity(.error) + ":") + " \(message)\n")
            return false
        }
        func fail(_ text: CohortText) -> Bool { fail(catalog.cohort(text)) }
        guard let target = paths.last else { return fail(.command(.needsReportFile)) }
        let format = CohortFormat(path: target) ?? .markdown
        let path = (target as NSString).expandingTildeInPath
        // Said before the statements are read (minutes, from a large LRS), not after.
        do {
            try PrivateFile.check(path)
        } catch {
            return fail(error.message(catalog))
        }
        let name = cohort.flatMap { try? CohortName.check($0).get() }
        let sinceDate = since.flatMap(CohortDate.parse), untilDate = until.flatMap(CohortDate.parse)
        var tally = CohortTally(scenarios: scenarios, knowledge: knowledge, options: .init(
            cohort: name, since: sinceDate, until: untilDate,
            includeReflections: includeReflections, checksPeriod: lrs == nil))
        let source: CohortReport.Source
        if let lrs, let name {
            let login: (endpoint: LRSEndpoint, user: String, password: String)
            do {
                login = try LRSLogin.resolve(lrs, user: user, password: password, insecureHTTP: insecureHTTP, purpose: .reading,
                                             output: output, style: style, environment: environment, catalog: catalog,
                                             mayPrompt: mayPrompt)
            } catch {
                return false
            }
            do {
                let client = try LRSClient(endpoint: login.endpoint, user: login.user, password: login.password,
                                           allowInsecureHTTP: insecureHTTP,
                                           limits: .init(overall: timeout, maxResponseBytes: 32 << 20))
                try client.readCohort(CohortQuery(cohort: name, since: sinceDate, until: untilDate, pageSize: pageSize),
                                      into: &tally, progress: { pages, statements in
                    progress(catalog.cohort(.command(.progress(pages: pages, statements: statements))))
                }, stop: stop)
            } catch is LRSReadStopped {
                // Asked for, not a failure: said plainly; the report file, if one was there, is untouched.
                progress("")
                output.write(catalog.cohort(.command(.stopped(path: path))) + "\n")
                return false
            } catch let error as LRSError {
                progress("")
                return fail(catalog.transfer(.lrs(error.problem)))
            } catch {
                // Only an LRSError is thrown; anything else is shown as it describes itself.
                progress("")
                return fail("\(error)")
            }
            progress("")
            source = .lrs(address: login.endpoint.key)
        } else {
            let inputs = paths.dropLast().map { ($0 as NSString).expandingTildeInPath }
            do {
                try CohortFiles.read(Array(inputs), into: &tally)
            } catch {
                return fail(.file(error.text))
            }
            source = .files(count: inputs.count)
        }
        let report = tally.report(source: source)
        // Rendered straight into the private file a chunk at a time, never held whole; named
        // only once it is complete.
        do {
            let outcome = try PrivateFile.write(to: path, output: output) { chunks in
                let sink = CohortSink<PrivateFileError> { bytes throws(PrivateFileError) in try chunks.write(bytes) }
                try format.render(report, catalog: catalog, into: sink)
            }
            if outcome != .standardOutput {
                output.write(catalog.cohort(.command(.wrote(path: path, learners: report.learnerCount,
                                                            statements: report.statementsCounted))) + "\n")
            }
        } catch let error as PrivateFileError {
            return fail(error.message(catalog))
        } catch {
            return fail(.command(.cannotRender(format: format.rawValue, reason: error.localizedDescription)))
        }
        return true
    }
}

/// The line that says how many pages have arrived, rewritten in place on standard error
/// when it is a terminal (never in a pipe or a file), cut to the window's width so it
/// never wraps; an empty text clears it.
struct CohortProgressLine {
    let enabled: Bool
    let width: Int

    init(environment: [String: String]) {
        enabled = TerminalInfo.isTerminal(STDERR_FILENO)
        width = TerminalInfo.width(fd: STDERR_FILENO, environment: environment)
    }

    func show(_ text: String) {
        guard enabled else { return }
        let fitted = text.count < width ? text : String(text.prefix(max(width - 2, 1))) + "…"
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + fitted).utf8))
    }
}
