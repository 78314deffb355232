import ArgumentParser
import AttuneCore
import AttuneStore
import Foundation

/// `attune`: with no subcommand, the interactive shell.
public struct AttuneCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "attune",
        abstract: "A learning companion for infant and early childhood mental health practice.",
        discussion: """
            With no subcommand, opens the shell: browse and search the knowledge base. \
            Type 'help' inside it. Piped input is read one command per line.
            """,
        subcommands: [
            ShowCommand.self, SearchCommand.self, PlayCommand.self, JournalCommand.self, LintCommand.self, TestCommand.self,
            ExploreCommand.self, GraphCommand.self, NewCommand.self, ExportCommand.self,
        ])

    @OptionGroup var options: GlobalOptions

    @Flag(help: "Start in group mode, for a trainer leading a room (see 'help group' in the shell).")
    var group = false

    public init() {}

    public func run() throws {
        let context = RunContext(options: options)
        let library = try context.loadLibrary()
        var store: ProgressStore?
        var historyPath: String?
        do {
            try DataDirectory.prepare(context.dataDirectory)
            store = try ProgressStore(directory: context.dataDirectory)
            historyPath = (context.dataDirectory as NSString).appendingPathComponent("history")
        } catch {
            context.output.writeError(context.style.warning("warning:")
                + " \(error) You can still read and play, but nothing will be saved this time.\n")
        }
        let shell = Shell(library: library, output: context.output, style: context.style, width: { context.width },
                          store: store, contentPaths: context.paths)
        if group { shell.execute("group on") }
        if TerminalInfo.isTerminal(STDIN_FILENO) {
            guard let reader = LibEditReader(
                programName: "attune", historyPath: historyPath, width: { context.width }, completer: shell.complete)
            else {
                shell.run(reader: PlainLineReader())
                return
            }
            shell.run(reader: reader)
        } else {
            shell.run(reader: PlainLineReader())
        }
    }
}

/// `attune show ID`
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print one knowledge entry, or a topic's entries.")

    @Argument(help: "The entry or topic id, for example tenet.4.")
    var id: String

    @OptionGroup var options: GlobalOptions

    func run() throws {
        try runInShell(options: options, command: ["show", id])
    }
}

/// `attune search WORDS`
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Search the knowledge base; best matches first.")

    @Argument(help: "The words to look for.")
    var words: [String]

    @OptionGroup var options: GlobalOptions

    func validate() throws {
        if words.isEmpty { throw ValidationError("'search' needs one or more words, for example: attune search cortisol") }
    }

    func run() throws {
        try runInShell(options: options, command: ["search"] + words)
    }
}

/// `attune play ID --choose 1,2,1`: a scripted run that prints the transcript and records
/// nothing in the learner's progress.
struct PlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play", abstract: "Play a case with scripted choices and print the transcript (nothing is recorded).")

    @Argument(help: "The case id, for example maya-quiet-visit.")
    var id: String

    @Option(help: ArgumentHelp("The choices to make, by number or choice id, separated by commas.", valueName: "1,2,1"))
    var choose: String = ""

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let steps = choose.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        try runInShell(options: options, commands: [["play", id]] + steps.map { ["choose", $0] })
    }
}

/// `attune journal export FILE`
struct JournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal", abstract: "Export your journal as Markdown: attune journal export FILE.")

    @Argument(help: "'export'")
    var action: String

    @Argument(help: "The Markdown file to write.")
    var file: String

    @OptionGroup var options: GlobalOptions

    func validate() throws {
        if action != "export" { throw ValidationError("Use: attune journal export FILE") }
    }

    func run() throws {
        try runInShell(options: options, commands: [["journal", "export", file]], withStore: true)
    }
}

/// Runs shell commands as a subcommand; the first problem stops the run with status 1.
private func runInShell(options: GlobalOptions, command: [String]) throws {
    try runInShell(options: options, commands: [command])
}

private func runInShell(options: GlobalOptions, commands: [[String]], withStore: Bool = false) throws {
    let context = RunContext(options: options)
    var store: ProgressStore?
    if withStore {
        do {
            store = try ProgressStore(directory: context.dataDirectory)
        } catch {
            context.output.writeError(context.style.error("error:") + " \(error)\n")
            throw ExitCode(2)
        }
    }
    let shell = Shell(library: try context.loadLibrary(), output: context.output, style: context.style,
                      width: { context.width }, store: store)
    for command in commands {
        shell.execute(command.map(quoteIfNeeded).joined(separator: " "))
        if shell.lastCommandFailed { throw ExitCode(1) }
    }
}

private func quoteIfNeeded(_ word: String) -> String {
    guard word.contains(where: { $0 == " " || $0 == "\"" || $0 == "'" || $0 == "\\" }) else { return word }
    return "'" + word.replacingOccurrences(of: "'", with: "'\\''").replacingOccurrences(of: "\\", with: "\\\\") + "'"
}

/// The `attune` executable's entry point.
public enum AttuneMain {
    /// Parses the arguments, runs the command, and exits: 0 success, 1 findings or failed
    /// tests, 2 usage errors or paths that cannot be opened.
    public static func run(arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        do {
            var command = try AttuneCommand.parseAsRoot(arguments)
            try command.run()
            exit(0)
        } catch {
            let code = AttuneCommand.exitCode(for: error)
            let message = AttuneCommand.fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                exit(0)
            }
            if !message.isEmpty { StandardStreams().writeError(message + "\n") }
            exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
