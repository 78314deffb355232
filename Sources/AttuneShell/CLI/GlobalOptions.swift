import AttuneCatalog
import ArgumentParser
import AttuneCore
import AttuneStore
import Foundation

/// Options every command accepts.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder of knowledge topic files (default: the bundled Knowledge/).", valueName: "dir"))
    var knowledge: String?

    @Option(name: .long, help: ArgumentHelp("Folder of scenario files (default: the bundled Scenarios/).", valueName: "dir"))
    var scenarios: String?

    @Option(name: .customLong("data-dir"), help: ArgumentHelp(
        "Folder for your progress, journal and history (default: $ATTUNE_HOME, else $XDG_DATA_HOME/attune, else ~/.local/share/attune).",
        valueName: "dir"))
    var dataDir: String?

    @Option(name: .long, help: "When to use colour: auto, always or never. NO_COLOR turns off 'auto'.")
    var color: ColorMode = .auto

    @Flag(name: .customLong("no-cache"), help: "Read every content file afresh, without the compiled copy kept in $XDG_CACHE_HOME/attune (default ~/.cache/attune).")
    var noCache = false

    @Option(name: .long, help: ArgumentHelp(
        "Language: en or es (default: $ATTUNE_LANG, else $LC_ALL, $LC_MESSAGES or $LANG; English otherwise). "
            + "Lint and test reports and ratings so far.", valueName: "lang"))
    var lang: String?

    func validate() throws {
        if let lang, Language(tag: lang) == nil {
            throw ValidationError("Attune speaks English (--lang en) and Spanish (--lang es), not '\(lang)'.")
        }
    }

    @Flag(help: "Accessible mode for screen readers and braille displays: no colour or bars, prompts that say what they accept (also ACCESSIBLE=1, or TERM=dumb).")
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
            let which = error.path == paths.knowledge ? "knowledge" : "scenarios"
            output.writeError(style.error("error:") + " cannot open the \(which) folder \(error.displayPath): \(error.reason). "
                + "Point to it with --\(which) DIR.\n")
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
        output.writeError(style.dim("Content problems: \(describeCounts(errors: errors, warnings: warnings)). "
            + "Entries that could not be read, and cases with errors, were left out; everything else is available.") + "\n")
    }
}
