import ArgumentParser
import AttuneCatalog
import AttuneCore

/// The command line's side of `CommandTable`: every entry reachable as `attune NAME` becomes a
/// subcommand, so `attune NAME --help`, the manual page and the shell completions list exactly
/// the table's commands. An entry with options of its own brings its `ParsableCommand`; any
/// other is a `RunOnceCommand`, which runs it once as the shell would.
extension CommandTable {
    /// The entries `attune NAME` runs, with the type ArgumentParser parses each with.
    static var commandLineCommands: [ParsableCommand.Type] {
        let once = runOnce.count
        var slots = runOnceTypes(from: FirstSlot.self, count: once)
        return all.compactMap { entry -> ParsableCommand.Type? in
            switch entry.commandLine {
            case let .own(type): return type
            case .once:
                return slots.isEmpty ? nil : slots.removeFirst()
            case .shellOnly: return nil
            }
        }
    }

    /// The entries run once through the shell (`attune journal`, `attune show tenet.4`).
    static var runOnce: [ShellCommand] {
        all.filter { if case .once = $0.commandLine { true } else { false } }
    }

    /// One `RunOnceCommand` type for each of `count` entries: the n-th is told apart by its slot.
    private static func runOnceTypes<Slot: CommandSlot>(from slot: Slot.Type, count: Int) -> [ParsableCommand.Type] {
        count == 0 ? [] : [RunOnceCommand<Slot>.self] + runOnceTypes(from: NextSlot<Slot>.self, count: count - 1)
    }
}

/// Which entry of `CommandTable.runOnce` a `RunOnceCommand` stands for. ArgumentParser needs a
/// type per subcommand; these give each entry one without a second list of names.
protocol CommandSlot { static var index: Int { get } }
enum FirstSlot: CommandSlot { static var index: Int { 0 } }
enum NextSlot<Previous: CommandSlot>: CommandSlot { static var index: Int { Previous.index + 1 } }

/// `attune NAME WORDS...`: one shell command from the command line, run once; its name, help
/// and usage come from its table entry.
struct RunOnceCommand<Slot: CommandSlot>: ParsableCommand {
    static var entry: ShellCommand { CommandTable.runOnce[Slot.index] }

    static var configuration: CommandConfiguration {
        let entry = entry
        let catalog = CommandLineLanguage.catalog
        let example = entry.example(catalog).map { CommandLineLanguage.text(.example($0)) } ?? ""
        return CommandConfiguration(commandName: entry.name, abstract: entry.summary(catalog), usage: "attune " + entry.usage(catalog),
                                    discussion: [entry.details(catalog), example].filter { !$0.isEmpty }.joined(separator: "\n\n"),
                                    aliases: entry.aliases)
    }

    /// The words after the name, shown in `--help` only for a command that takes any.
    static var wordsHelp: ArgumentHelp {
        let entry = entry
        let takesWords = entry.argument != .none || !entry.subWords.isEmpty || !entry.flags.isEmpty || entry.text != nil
        return ArgumentHelp(CommandLineLanguage.text(.wordsArgument), valueName: "words",
                            visibility: takesWords ? .default : .hidden)
    }

    @OptionGroup var options: GlobalOptions

    @Argument(parsing: .allUnrecognized, help: Self.wordsHelp)
    var words: [String] = []

    init() {}

    func run() throws {
        try runShellCommand(options: options, words: [Self.entry.name] + words)
    }
}
