import ArgumentParser
import AttuneCatalog

/// What a command's argument is, so TAB knows what to offer.
enum ArgumentKind: Sendable {
    case none
    case command
    case entryOrTopic
    case words
    case path
    case scenario
    case scenarioOrPath
    /// A node of the case being played.
    case node
    /// A counter of the case being played.
    case variable
}

/// A word a command takes first (`group on`, `journal export FILE`), and what follows it.
struct SubWord: Sendable {
    let name: String
    var then: ArgumentKind = .none

    init(_ name: String, then: ArgumentKind = .none) {
        self.name = name
        self.then = then
    }
}

/// How a command is reached from the terminal's command line.
enum CommandLineForm {
    /// `attune NAME WORDS...` runs it once, as the shell would.
    case once
    /// A command of its own with options (`attune lint --format json`), parsed by ArgumentParser.
    case own(ParsableCommand.Type)
    /// Only inside the shell, for the reason given (shown by `attune NAME`).
    case shellOnly(reason: ShellOnlyReason)

    /// Acts on the case being played.
    static let insideCase = CommandLineForm.shellOnly(reason: .insideCase)
    /// For a trainer leading a room in group mode.
    static let inGroupMode = CommandLineForm.shellOnly(reason: .groupMode)
}

extension CommandLineForm: @unchecked Sendable {}

/// Where a command appears in `help`, and who it is offered to.
enum CommandGroup: CaseIterable, Sendable {
    case cases, journal, knowledge, general, trainers, authors

    /// Its heading in `help`, in the catalog.
    var heading: CommandGroupName {
        switch self {
        case .cases: .cases
        case .journal: .journal
        case .knowledge: .knowledge
        case .general: .general
        case .trainers: .trainers
        case .authors: .authors
        }
    }

    /// Commands a learner meets in `help`; the others are listed by `help trainers` and `help authors`.
    var isForLearners: Bool { self != .trainers && self != .authors }
}

/// One command: its name, how to use it, what it does, and how it is reached from the shell
/// and from the command line. `CommandTable` holds them all. The words a person reads (usage,
/// summary, details, example) come from the catalog, by the command's name (`ShellCommandID`);
/// an entry whose name is not there yet shows the words written in its table entry, in
/// every language, until they are moved into the catalog.
struct ShellCommand: Sendable {
    let name: String
    var aliases: [String] = []
    /// The words of an entry not yet in the catalog (see above).
    private let written: (usage: String, summary: String, details: String, example: String?)
    var argument: ArgumentKind = .none
    /// Options it takes before its argument (`test --coverage`), for completion.
    var flags: [String] = []
    /// The words it takes first (`group on|off|...`), for completion.
    var subWords: [SubWord] = []
    var group: CommandGroup
    /// How `attune NAME` reaches it.
    var commandLine: CommandLineForm = .once
    /// Whether the shell runs it (`attune explore` and its like run only from the command line).
    var inShell = true
    /// For `help authors`: how it is typed at the terminal's command line, and what it does
    /// there (the catalog's words for an entry it knows).
    private var writtenFromTerminal: (usage: String, what: String)?
    /// Set for commands that take free text (`reflect`): the rest of the line exactly as
    /// typed, which is never split, unquoted or kept in the shell history.
    var text: (@Sendable (Shell, String) -> Void)?
    let run: @Sendable (Shell, [String]) -> Void

    init(name: String, aliases: [String] = [], usage: String = "", summary: String = "", details: String = "", example: String? = nil,
         argument: ArgumentKind = .none, flags: [String] = [], subWords: [SubWord] = [], group: CommandGroup,
         commandLine: CommandLineForm = .once, inShell: Bool = true, fromTerminal: (usage: String, what: String)? = nil, text: (@Sendable (Shell, String) -> Void)? = nil,
         run: @escaping @Sendable (Shell, [String]) -> Void = { _, _ in }) {
        self.name = name
        self.aliases = aliases
        self.written = (usage, summary, details, example)
        self.argument = argument
        self.flags = flags
        self.subWords = subWords
        self.group = group
        self.commandLine = commandLine
        self.inShell = inShell
        self.writtenFromTerminal = fromTerminal
        self.text = text
        self.run = run
    }

    var names: [String] { [name] + aliases }

    /// Its name in the catalog; nil for an entry whose words are still written in the table.
    var id: ShellCommandID? { ShellCommandID(rawValue: name) }

    /// The usage line, e.g. `show ID`.
    func usage(_ catalog: any MessageCatalog) -> String { id.map { catalog.shell(.usage($0)) } ?? written.usage }
    /// One line for the command list.
    func summary(_ catalog: any MessageCatalog) -> String { id.map { catalog.shell(.summary($0)) } ?? written.summary }
    /// A paragraph for `help NAME`; empty when the summary says it all.
    func details(_ catalog: any MessageCatalog) -> String { id.map { catalog.shell(.details($0)) } ?? written.details }
    /// An example command line, if it has one.
    func example(_ catalog: any MessageCatalog) -> String? {
        guard let id else { return written.example }
        let example = catalog.shell(.example(id))
        return example.isEmpty ? nil : example
    }
    /// For `help authors`: how it is typed at the terminal's command line and what it does there.
    func fromTerminal(_ catalog: any MessageCatalog) -> (usage: String, what: String)? {
        guard let id else { return writtenFromTerminal }
        let usage = catalog.shell(.terminalUsage(id))
        return usage.isEmpty ? nil : (usage, catalog.shell(.terminalSummary(id)))
    }

    /// The English words, for tests that compare with English output.
    var usage: String { usage(English()) }
    var summary: String { summary(English()) }
    var details: String { details(English()) }

    /// Why `attune NAME` does not run it, when it works only inside the shell.
    var shellOnly: ShellOnlyReason? {
        if case let .shellOnly(reason) = commandLine { return reason }
        return nil
    }

    /// The reason in English, for tests that compare with English output.
    var shellOnlyReason: String? { shellOnly.map { English().shell(.shellOnly($0)) } }
}

/// A command line cut into the command word and the rest, before any quote handling, so
/// free text keeps every character the learner typed.
struct CommandLineParts: Equatable {
    /// The first word as typed (case kept).
    var name: String
    /// Everything after the command word and the one space or tab that follows it.
    var rest: String

    init?(_ line: String) {
        let start = line.drop { $0 == " " || $0 == "\t" }
        guard !start.isEmpty else { return nil }
        let name = start.prefix { $0 != " " && $0 != "\t" }
        self.name = String(name)
        var after = start.dropFirst(name.count)
        if let first = after.first, first == " " || first == "\t" { after = after.dropFirst() }
        rest = String(after)
    }
}
