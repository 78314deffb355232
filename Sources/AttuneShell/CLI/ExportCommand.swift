import ArgumentParser
import AttuneCatalog
import AttuneCore
import AttunePlay
import AttuneRecords
import AttuneStore
import Foundation

/// `attune export xapi ...`
struct ExportCommand: ParsableCommand {
    static let configuration = CommandTable.configuration("export", subcommands: [XAPIExport.self])
}

/// `attune export xapi FILE` or `attune export xapi --lrs URL --user U`
struct XAPIExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xapi", abstract: CommandLineLanguage.help(.xapiAbstract),
        discussion: CommandLineLanguage.help(.xapiDiscussion))

    @Argument(help: ArgumentHelp(CommandLineLanguage.help(.xapiFile), valueName: CommandLineLanguage.value(.file)))
    var file: String?

    @Option(help: ArgumentHelp(CommandLineLanguage.help(.xapiAccount), valueName: CommandLineLanguage.value(.account)))
    var account: String

    @Option(help: ArgumentHelp(CommandLineLanguage.help(.xapiLRS), valueName: CommandLineLanguage.value(.lrs)))
    var lrs: String?

    @Option(help: ArgumentHelp(CommandLineLanguage.help(.xapiUser), valueName: CommandLineLanguage.value(.user)))
    var user: String?

    @Option(help: ArgumentHelp(CommandLineLanguage.help(.xapiPassword), valueName: CommandLineLanguage.value(.password)))
    var password: String?

    @Flag(name: .customLong("insecure-http"), help: ArgumentHelp(CommandLineLanguage.help(.xapiInsecureHTTP)))
    var insecureHTTP = false

    @Option(help: ArgumentHelp(CommandLineLanguage.help(.xapiTimeout), valueName: CommandLineLanguage.value(.seconds)))
    var timeout: Double = 60

    @Flag(help: ArgumentHelp(CommandLineLanguage.help(.xapiIncludeReflections)))
    var includeReflections = false

    @Option(help: ArgumentHelp(CommandLineLanguage.help(.xapiCohort), valueName: CommandLineLanguage.value(.name)))
    var cohort: String?

    @Flag(help: ArgumentHelp(CommandLineLanguage.help(.xapiIncludeDrafts)))
    var includeDrafts = false

    @OptionGroup var options: GlobalOptions

    /// Where an LRS password may come from besides --password.
    static let passwordVariable = "ATTUNE_LRS_PASSWORD"

    func validate() throws {
        let catalog = (Language.resolve(option: options.lang, environment: ProcessInfo.processInfo.environment) ?? .english).catalog
        func problem(_ words: ToolText.Export) -> ValidationError { ValidationError(catalog.tools(.export(words))) }
        if account.trimmingCharacters(in: .whitespaces).isEmpty { throw problem(.accountNeedsName) }
        switch (file, lrs) {
        case (nil, nil): throw problem(.fileOrLRS)
        case (.some, .some): throw problem(.fileAndLRS)
        default: break
        }
        if !(timeout > 0 && timeout <= 3600) { throw problem(.timeoutRange) }
        if let cohort, case .failure(let problem) = CohortName.check(cohort) { throw ValidationError(catalog.cohort(.name(problem.text))) }
    }

    func run() throws {
        let context = RunContext(options: options)
        // The address is checked first: a refused address needs no password and no record.
        var connection: (endpoint: LRSEndpoint, user: String, password: String)?
        if let lrs {
            connection = try connect(lrs, context: context)
        }
        let store: ProgressStore
        do {
            store = try ProgressStore(directory: context.dataDirectory)
        } catch {
            context.output.writeError(context.errorLabel + " \(error.words(context.catalog))\n")
            throw ExitCode(2)
        }
        defer { store.close() }
        context.noteUnreadableRows(store)
        let knowledge = (try? KnowledgeLoader.load(directory: context.paths.knowledge).base) ?? .empty
        let scenarios = (try? ScenarioLoader.load(directory: context.paths.scenarios, knowledge: knowledge).scenarios) ?? []
        let origins = CaseOrigins(bundledFolder: context.explicitScenarios ? nil : context.paths.scenarios)
        // The same cases in each other language Attune speaks, for the statements' language maps:
        // a case's translation where it has one (a text without one stays English).
        var translations: [Language: [CaseKey: Scenario]] = [:]
        for language in Language.allCases where language != .english {
            guard let library = try? ContentLibrary.load(knowledgeDirectory: context.paths.knowledge,
                                                         scenarioDirectory: context.paths.scenarios, language: language.rawValue)
            else { continue }
            translations[language] = Dictionary(library.scenarios.map { (origins.key(for: $0), $0) }, uniquingKeysWith: { first, _ in first })
        }
        let builder = XAPIStatements(account: LearnerAccount(name: account), includeReflections: includeReflections,
                                     scenarios: Dictionary(scenarios.map { (origins.key(for: $0), $0) }, uniquingKeysWith: { first, _ in first }),
                                     translations: translations,
                                     cohort: cohort.flatMap { try? CohortName.check($0).get() },
                                     learnerLanguage: context.catalog.language)
        let statements: [[String: Any]]
        do {
            statements = builder.statements(from: try store.activityLog(includeDrafts: includeDrafts))
        } catch {
            context.output.writeError(context.errorLabel + " \(error.words(context.catalog))\n")
            throw ExitCode(1)
        }
        if let file {
            let path = (file as NSString).expandingTildeInPath
            let outcome: PrivateFile.Outcome
            do {
                outcome = try PrivateFile.write(try XAPIStatements.jsonLines(statements), to: path)
            } catch let error as PrivateFileError {
                context.output.writeError(context.errorLabel + " \(error.message(context.catalog))\n")
                throw ExitCode(2)
            }
            switch outcome {
            case .replaced: context.output.write(context.catalog.tools(.export(.replacedStatements(count: statements.count, path: path))) + "\n")
            case .created: context.output.write(context.catalog.tools(.export(.wroteStatements(count: statements.count, path: path))) + "\n")
            case .standardOutput: break
            }
            return
        }
        guard let connection else { return }
        try send(statements, over: connection, store: store, context: context)
    }

    /// The LRS's address and credentials, or a message and exit status 1.
    private func connect(_ address: String, context: RunContext) throws -> (endpoint: LRSEndpoint, user: String, password: String) {
        try LRSLogin.resolve(address, user: user, password: password, insecureHTTP: insecureHTTP, purpose: .sending,
                             output: context.output, style: context.style, environment: context.environment,
                             catalog: context.catalog)
    }

    private func send(_ statements: [[String: Any]], over connection: (endpoint: LRSEndpoint, user: String, password: String),
                      store: ProgressStore, context: RunContext) throws {
        func fail(_ message: String) -> ExitCode {
            context.output.writeError(context.errorLabel + " \(message)\n")
            return ExitCode(1)
        }
        let endpoint = connection.endpoint
        let client: LRSClient
        do {
            client = try LRSClient(endpoint: endpoint, user: connection.user, password: connection.password,
                                   allowInsecureHTTP: insecureHTTP, limits: LRSClient.Limits(overall: timeout))
        } catch {
            throw fail(context.catalog.transfer(.lrs(error.problem)))
        }
        let already: Set<String>
        do {
            try store.refileSentStatements(normalise: LRSEndpoint.key(for:))
            already = try store.sentStatements(endpoint: endpoint.key)
        } catch {
            throw fail(error.words(context.catalog))
        }
        let fresh = statements.filter { !already.contains($0["id"] as? String ?? "") }
        let report = client.send(fresh)
        do {
            try store.markSent(report.stored, endpoint: endpoint.key, at: Date())
        } catch {
            throw fail(context.catalog.tools(.export(.notMarkedSent(problem: error.words(context.catalog), stored: report.stored.count))))
        }
        if report.problem == nil || !report.stored.isEmpty {
            context.output.write(context.catalog.tools(.export(.sent(count: report.stored.count, endpoint: endpoint.key,
                                                                     sentBefore: already.isEmpty ? 0 : statements.count - fresh.count))) + "\n")
        }
        for id in report.conflicts {
            context.output.writeError(context.style.error(context.catalog.tools(.export(.conflictLabel))) + " "
                + context.catalog.tools(.export(.conflict(id: id))) + "\n")
        }
        if !report.conflicts.isEmpty {
            context.output.writeError(context.catalog.tools(.export(.conflicts(count: report.conflicts.count))) + "\n")
        }
        if let problem = report.problem { throw fail(context.catalog.transfer(.lrs(problem.problem))) }
        if !report.conflicts.isEmpty { throw ExitCode(1) }
    }
}

/// The LRS's address and credentials for `export xapi` and `cohort report`: the address
/// checked first (a refused address needs no password), then the user and password from
/// the options, the address, ATTUNE_LRS_PASSWORD or a prompt with echo off, in that order.
enum LRSLogin {
    enum Purpose {
        case sending, reading
    }

    /// The LRS's address and credentials, or a message and exit status 1.
    static func resolve(_ address: String, user: String?, password: String?, insecureHTTP: Bool, purpose: Purpose,
                        output: OutputSink, style: TextStyle, environment: [String: String], catalog: any MessageCatalog,
                        mayPrompt: Bool = true) throws -> (endpoint: LRSEndpoint, user: String, password: String) {
        let passwordVariable = XAPIExport.passwordVariable
        let sending = purpose == .sending
        func fail(_ message: String) -> ExitCode {
            output.writeError(style.error(catalog.severity(.error) + ":") + " \(message)\n")
            return ExitCode(1)
        }
        func say(_ label: Severity, _ words: ToolText.Export) {
            let tag = catalog.severity(label) + ":"
            output.writeError(style.warning(tag) + " " + catalog.tools(.export(words)) + "\n")
        }
        let endpoint: LRSEndpoint
        do {
            endpoint = try LRSEndpoint(address)
            try LRSClient.checkTransport(endpoint, allowInsecureHTTP: insecureHTTP)
        } catch {
            throw fail(catalog.transfer(.lrs(error.problem)))
        }
        if !endpoint.isEncrypted && !endpoint.isLoopback {
            say(.warning, .unencrypted(endpoint: endpoint.key, sending: sending))
        }
        // Credentials in the address are used only when none are given as options.
        var user = user
        var password = password
        if endpoint.hasEmbeddedCredentials {
            if user == nil && password == nil {
                user = endpoint.user
                password = endpoint.password
                if endpoint.password != nil {
                    say(.note, .passwordInAddress(variable: passwordVariable))
                }
            } else {
                say(.note, .addressCredentialsIgnored)
            }
        } else if password != nil {
            say(.note, .passwordOption(variable: passwordVariable))
        }
        guard let user, !user.isEmpty else {
            throw fail(catalog.tools(.export(.needUser)))
        }
        if password == nil, let fromEnvironment = environment[passwordVariable], !fromEnvironment.isEmpty {
            password = fromEnvironment
        }
        if password == nil, mayPrompt, TerminalInfo.isTerminal(STDIN_FILENO) {
            password = PasswordPrompt.ask(catalog.tools(.export(.passwordPrompt(endpoint: endpoint.key))))
        }
        guard let password else {
            throw fail(catalog.tools(.export(.noPassword(variable: passwordVariable, sending: sending))))
        }
        return (endpoint, user, password)
    }
}

/// Asks for a password on the terminal with echo turned off, so it is neither shown nor
/// left on the screen. Echo comes back however the prompt ends, Ctrl-C included.
enum PasswordPrompt {
    /// The terminal's settings before echo was turned off, for the signal handler.
    nonisolated(unsafe) private static var saved = termios()

    static func ask(_ prompt: String) -> String? {
        let fd = STDIN_FILENO
        guard tcgetattr(fd, &saved) == 0 else { return nil }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        let signals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
        let previous = signals.map { signal($0, { number in
            _ = tcsetattr(STDIN_FILENO, TCSANOW, &PasswordPrompt.saved)
            signal(number, SIG_DFL)
            raise(number)
        }) }
        defer {
            _ = tcsetattr(fd, TCSANOW, &saved)
            for (number, handler) in zip(signals, previous) { signal(number, handler) }
        }
        FileHandle.standardError.write(Data(prompt.utf8))
        guard tcsetattr(fd, TCSAFLUSH, &quiet) == 0 else { return nil }
        let line = readLine(strippingNewline: true)
        FileHandle.standardError.write(Data("\n".utf8))
        return line
    }
}
