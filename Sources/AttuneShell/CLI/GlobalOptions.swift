import AttuneCatalog
import ArgumentParser
import AttuneCore
import AttuneStore
import Foundation

/// The language of the command line's own words (`--help`, the manual page, the shell
/// completions, option errors): ArgumentParser reads help before any option is parsed, so
/// `--lang` is looked for in the arguments themselves, then `ATTUNE_LANG` and the locale, as
/// `Language.resolve` decides. A `--lang` Attune does not speak reads as English here; the
/// option's validation then reports it.
enum CommandLineLanguage {
    static let catalog: any MessageCatalog = language(arguments: Array(CommandLine.arguments.dropFirst()),
                                                     environment: ProcessInfo.processInfo.environment).catalog

    /// `--lang es`, `--lang=es`, else the environment's choice.
    static func language(arguments: [String], environment: [String: String]) -> Language {
        var option: String?
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { break }
            if argument == "--lang", index + 1 < arguments.count { option = arguments[index + 1] }
            if argument.hasPrefix("--lang=") { option = String(argument.dropFirst("--lang=".count)) }
        }
        return Language.resolve(option: option, environment: environment) ?? .english
    }

    /// A sentence of the command line, in its language.
    static func text(_ text: CommandLineText) -> String { catalog.shell(.commandLine(text)) }

    /// The help of `export xapi`, `translate` and `cache`, in the command line's language.
    static func help(_ help: TransferText.Help) -> String { catalog.transfer(.help(help)) }

    /// The placeholder of an option's value (`--timeout <seconds>`), in the command line's language.
    static func value(_ value: TransferText.Value) -> String { help(.value(value)) }
}

/// Options every command accepts.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(CommandLineLanguage.text(.knowledgeOption), valueName: CommandLineLanguage.value(.folder)))
    var knowledge: String?

    @Option(name: .long, help: ArgumentHelp(CommandLineLanguage.text(.scenariosOption), valueName: CommandLineLanguage.value(.folder)))
    var scenarios: String?

    @Option(name: .customLong("data-dir"), help: ArgumentHelp(CommandLineLanguage.text(.dataDirOption), valueName: CommandLineLanguage.value(.folder)))
    var dataDir: String?

    @Option(name: .long, help: ArgumentHelp(CommandLineLanguage.text(.colorOption)))
    var color: ColorMode = .auto

    @Flag(name: .customLong("no-cache"), help: ArgumentHelp(CommandLineLanguage.text(.noCacheOption)))
    var noCache = false

    @Option(name: .long, help: ArgumentHelp(CommandLineLanguage.text(.langOption), valueName: CommandLineLanguage.value(.language)))
    var lang: String?

    func validate() throws {
        if let lang, Language(tag: lang) == nil {
            throw ValidationError(CommandLineLanguage.text(.unknownLanguage(lang)))
        }
    }

    @Flag(help: ArgumentHelp(CommandLineLanguage.text(.accessibleOption)))
    var accessible = false
}

/// What a command needs to run: content, styling, and where to write.
struct RunContext {
    let paths: ContentPaths
    let environment: [String: String]
    let style: TextStyle
    let output: StandardStreams
    let dataDirectory: String
    let explicitScenarios: Bool
    let accessible: Bool
    /// Where compiled content is kept between runs; nil with --no-cache.
    let cache: ContentCache?
    /// The language to speak.
    let catalog: any MessageCatalog

    init(options: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
        catalog = (Language.resolve(option: options.lang, environment: environment) ?? .english).catalog
        paths = ContentPaths.locate(knowledge: options.knowledge, scenarios: options.scenarios)
        explicitScenarios = options.scenarios != nil
        accessible = options.accessible || !(environment["ACCESSIBLE"] ?? "").isEmpty && environment["ACCESSIBLE"] != "0"
            || environment["TERM"] == "dumb"
        let outputIsTerminal = TerminalInfo.isTerminal(STDOUT_FILENO)
        style = TextStyle(enabled: options.color.resolve(environment: environment, outputIsTerminal: outputIsTerminal))
        output = StandardStreams.fittedToTerminal(environment: environment)
        dataDirectory = DataDirectory.resolve(option: options.dataDir, environment: environment)
        cache = options.noCache ? nil : ContentCache.defaultDirectory(environment: environment).map {
            ContentCache(directory: $0, version: ContentCache.buildVersion())
        }
    }

    var width: Int { TerminalInfo.width(environment: environment) }

    /// The shell over `library`, with this run's settings. Cases from the bundled folder
    /// share the learner's record; any other folder's cases have records of their own.
    func makeShell(library: ContentLibrary, store: ProgressStore?) -> Shell {
        let shell = Shell(library: library, output: output, style: style, width: { [environment] in TerminalInfo.width(environment: environment) },
              store: store, contentPaths: paths, bundledScenarios: explicitScenarios ? nil : paths.scenarios,
              accessible: accessible, contentCache: cache)
        shell.catalog = catalog
        return shell
    }

    /// Loads the content, printing any problems found in it. A folder that cannot be
    /// opened ends the command with status 2.
    func loadLibrary() throws -> ContentLibrary {
        let library: ContentLibrary
        // The bundled scenarios folder may be absent; one named with --scenarios may not.
        let scenarios = explicitScenarios || FileManager.default.fileExists(atPath: paths.scenarios) ? paths.scenarios : nil
        do {
            library = try ContentLibrary.load(knowledgeDirectory: paths.knowledge, scenarioDirectory: scenarios, cache: cache,
                                              language: catalog.language.rawValue)
        } catch {
            output.writeError(style.error(text(.errorLabel)) + " " + text(.cannotOpenFolder(
                knowledge: error.path == paths.knowledge, path: error.displayPath, reason: catalog.tools(.access(error.problem)))) + "\n")
            throw ExitCode(2)
        }
        report(library.diagnostics)
        return library
    }

    func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        let errors = diagnostics.count(of: .error), warnings = diagnostics.count(of: .warning)
        // The findings keep their caret under the column; the summary is prose, fitted to the window.
        output.writeFindings(diagnostics, renderer: AuthoringRenderer(style: style, catalog: catalog))
        output.writeError(style.dim(text(.contentProblems(errors: errors, warnings: warnings))) + "\n")
    }

    /// A sentence of the command line, in this run's language.
    func text(_ text: CommandLineText) -> String { catalog.shell(.commandLine(text)) }
}
