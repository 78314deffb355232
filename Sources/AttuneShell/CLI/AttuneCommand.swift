import ArgumentParser
import AttuneCatalog
import AttuneCore
import AttuneStore
import Foundation

/// `attune`: with no subcommand, the interactive shell; `attune COMMAND ...` runs any shell
/// command (`attune journal`, `attune progress export FILE`, `attune show tenet.4`) once.
public struct AttuneCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "attune",
        abstract: CommandLineLanguage.text(.abstract),
        discussion: CommandLineLanguage.text(.discussion),
        version: AttuneVersion.current,
        // Every command of the table reachable from here, in the table's order.
        subcommands: CommandTable.commandLineCommands)

    @OptionGroup var options: GlobalOptions

    @Flag(help: ArgumentHelp(CommandLineLanguage.text(.groupFlag)))
    var group = false

    @Flag(help: ArgumentHelp(CommandLineLanguage.text(.serveFlag)))
    var serve = false

    @Option(help: ArgumentHelp(CommandLineLanguage.text(.bindOption), valueName: "address"))
    var bind: String?

    @Option(help: ArgumentHelp(CommandLineLanguage.text(.portOption), valueName: "port"))
    var port: UInt16?

    public init() {}

    public func validate() throws {
        if serve && !group { throw ValidationError(CommandLineLanguage.text(.serveNeedsGroup)) }
        if bind != nil && !serve { throw ValidationError(CommandLineLanguage.text(.bindNeedsServe)) }
        if port != nil && !serve { throw ValidationError(CommandLineLanguage.text(.portNeedsServe)) }
    }

    public func run() throws {
        var first: [String]?
        if serve { first = ["group", "serve"] + (bind.map { ["--bind", $0] } ?? []) + (port.map { ["--port", String($0)] } ?? []) }
        try openShell(options: options, group: group, first: first)
    }

    /// The first word that is neither an option nor an option's value: a subcommand's or a
    /// shell command's name.
    static func firstCommandWord(in arguments: [String]) -> String? {
        // --generate-completion-script's value is a shell's name, not a command.
        let takesValue: Set = ["--knowledge", "--scenarios", "--data-dir", "--color", "--lang", "--bind", "--port",
                               "--generate-completion-script"]
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { return index + 1 < arguments.count ? arguments[index + 1] : nil }
            if !argument.hasPrefix("-") || argument == "-" { return argument }
            index += takesValue.contains(argument) ? 2 : 1
        }
        return nil
    }

    /// The names (and aliases) `attune NAME` takes: every table entry not marked shell-only.
    static var subcommandNames: Set<String> {
        Set(configuration.subcommands.flatMap { [$0.configuration.commandName].compactMap { $0 } + $0.configuration.aliases })
    }
}

/// `attune WORD ...` for a word that is no command of the command line: an unknown word, or a
/// command that works only inside the shell. It says so.
struct ShellCommandLine: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "attune")

    @OptionGroup var options: GlobalOptions

    @Argument(parsing: .allUnrecognized)
    var words: [String] = []

    func validate() throws {
        if let option = words.first(where: { $0.hasPrefix("--") }), option == words.first {
            throw ValidationError(CommandLineLanguage.text(.unknownOption(option)))
        }
    }

    func run() throws {
        // Only options, such as an option's value taken for a word: the shell, as `attune` alone.
        guard !words.isEmpty else { return try openShell(options: options, group: false) }
        try runShellCommand(options: options, words: words)
    }
}

/// Opens the interactive shell (or reads piped commands), with `first` run before the prompt.
func openShell(options: GlobalOptions, group: Bool, first: [String]? = nil) throws {
    let context = RunContext(options: options)
    let library = try context.loadLibrary()
    var store: ProgressStore?
    var historyPath: String?
    do {
        if let notice = try DataDirectory.prepare(context.dataDirectory) {
            context.output.writeError(context.style.warning(context.text(.noteLabel)) + " \(context.catalog.tools(.dataFolder(notice)))\n")
        }
        store = try ProgressStore(directory: context.dataDirectory)
        context.noteUnreadableRows(store)
        historyPath = DataDirectory.historyPath(in: context.dataDirectory, output: context.output, style: context.style,
                                                catalog: context.catalog)
    } catch {
        context.output.writeError(context.style.warning(context.text(.warningLabel)) + " "
            + context.text(.nothingSaved(reason: context.words(error))) + "\n")
    }
    let shell = context.makeShell(library: library, store: store)
    if group { shell.execute("group on") }
    if let first {
        shell.execute(first.map(quoteIfNeeded).joined(separator: " "))
        if shell.lastCommandFailed {
            store?.close()
            throw ExitCode(1)
        }
    }
    if TerminalInfo.isTerminal(STDIN_FILENO),
       let reader = LibEditReader(programName: "attune", historyPath: historyPath, width: { context.width },
                                  completer: shell.complete) {
        shell.run(reader: reader)
    } else {
        LibEditReader.catchTermination()
        shell.run(reader: PlainLineReader())
    }
    store?.close()
}

/// `attune COMMAND WORDS...`: one shell command from the command line; status 1 when it
/// could not do what was asked.
func runShellCommand(options: GlobalOptions, words: [String]) throws {
    let context = RunContext(options: options)
    let probe = context.makeShell(library: ContentLibrary(knowledge: KnowledgeBase(topics: [], entries: []), scenarios: [],
                                                          diagnostics: []), store: nil)
    let name = words[0].lowercased()
    guard let command = probe.command(named: name) else {
        context.output.writeError(context.style.error(context.text(.errorLabel)) + " "
            + probe.unknownCommandMessage(words[0], commandLine: true) + "\n")
        throw ExitCode(2)
    }
    if let reason = command.shellOnly {
        context.output.writeError(context.style.error(context.text(.errorLabel)) + " "
            + context.text(.worksInsideShell(command: command.name, reason: reason)) + "\n")
        throw ExitCode(2)
    }
    var store: ProgressStore?
    if command.group != .knowledge, command.group != .general {
        do {
            store = try ProgressStore(directory: context.dataDirectory)
        } catch {
            context.output.writeError(context.style.error(context.text(.errorLabel)) + " \(context.words(error))\n")
            throw ExitCode(2)
        }
        context.noteUnreadableRows(store)
    }
    let shell = context.makeShell(library: try context.loadLibrary(), store: store)
    let rest = Array(words.dropFirst())
    if command.text != nil {
        shell.execute(command.name + " " + rest.joined(separator: " "))
    } else {
        shell.execute(([command.name] + rest).map(quoteIfNeeded).joined(separator: " "))
    }
    store?.close()
    if shell.lastCommandFailed { throw ExitCode(1) }
}

/// `attune play CASE`: opens the shell in that case. With `--choose 1,2,1`, a scripted run
/// that prints the transcript and records nothing.
struct PlayCommand: ParsableCommand {
    static let configuration = CommandTable.configuration("play", extra: CommandLineLanguage.text(.playExtra))

    @Argument(help: ArgumentHelp(CommandLineLanguage.text(.playCaseArgument)))
    var id: String

    @Option(help: ArgumentHelp(CommandLineLanguage.text(.playChooseOption), valueName: "1,2,1"))
    var choose: String?

    @OptionGroup var options: GlobalOptions

    func run() throws {
        guard let choose else {
            try openShell(options: options, group: false, first: ["play", id])
            return
        }
        let steps = choose.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let context = RunContext(options: options)
        let shell = context.makeShell(library: try context.loadLibrary(), store: nil)
        shell.play.scripted = true
        shell.execute("play " + quoteIfNeeded(id))
        if shell.lastCommandFailed { throw ExitCode(1) }
        for (index, step) in steps.enumerated() {
            shell.execute("choose " + quoteIfNeeded(step))
            if shell.lastCommandFailed {
                // Nothing is recorded in a scripted run; say which step stopped it.
                context.output.writeError(context.text(.stepNotTaken(step: index + 1, of: steps.count,
                                                                     choice: TextLayout.neutralize(step))) + "\n")
                throw ExitCode(1)
            }
        }
    }
}

func quoteIfNeeded(_ word: String) -> String {
    guard word.contains(where: { $0 == " " || $0 == "\"" || $0 == "'" || $0 == "\\" }) else { return word }
    return "'" + word.replacingOccurrences(of: "'", with: "'\\''").replacingOccurrences(of: "\\", with: "\\\\") + "'"
}

/// The `attune` executable's entry point.
public enum AttuneMain {
    /// Parses the arguments, runs the command, and exits: 0 success, 1 findings or failed
    /// tests, 2 usage errors or paths that cannot be opened.
    public static func run(arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        do {
            if let word = AttuneCommand.firstCommandWord(in: arguments), !AttuneCommand.subcommandNames.contains(word) {
                let command = try ShellCommandLine.parse(arguments)
                try command.run()
                finish(0)
            }
            var command = try AttuneCommand.parseAsRoot(arguments)
            try command.run()
            finish(0)
        } catch {
            let code = AttuneCommand.exitCode(for: error)
            // The parser's own words (headings, usage errors) in the command line's language.
            let message = ParserWords.localized(AttuneCommand.fullMessage(for: error), CommandLineLanguage.catalog)
            if code == .success {
                if !message.isEmpty { StandardStreams.fittedToTerminal().write(message + "\n") }
                finish(0)
            }
            if !message.isEmpty { StandardStreams.fittedToTerminal().writeError(message + "\n") }
            finish(code == .validationFailure ? 2 : code.rawValue)
        }
    }

    /// Exits once the content cache's background writes are done (exit skips `defer`).
    private static func finish(_ status: Int32) -> Never {
        ContentCache.waitForWrites()
        exit(status)
    }
}
