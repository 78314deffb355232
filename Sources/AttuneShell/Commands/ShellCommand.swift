/// What a command's argument is, so TAB knows what to offer.
enum ArgumentKind {
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
    /// `journal export FILE`: the word `export`, then a path.
    case journal
    /// `group on|off|export FILE`.
    case group
    /// `progress export FILE`.
    case progress
    /// `draft`, `draft continue|save|discard`.
    case draft
}

/// Where a command appears in `help`, and who it is offered to.
enum CommandGroup: CaseIterable {
    case cases, journal, knowledge, general, trainers, authors

    var heading: String {
        switch self {
        case .cases: "Cases"
        case .journal: "Your journal and progress"
        case .knowledge: "Knowledge"
        case .general: "Attune"
        case .trainers: "For trainers leading a group"
        case .authors: "For case authors"
        }
    }

    /// Commands a learner meets in `help`; the others are listed by `help trainers` and `help authors`.
    var isForLearners: Bool { self != .trainers && self != .authors }
}

/// One shell command: its name, how to use it, and what it does. The one list of commands
/// serves the shell and the command line (`attune journal`, `attune progress export F`).
struct ShellCommand {
    let name: String
    var aliases: [String] = []
    /// The usage line, e.g. `show ID`.
    let usage: String
    /// One line for the command list.
    let summary: String
    /// A paragraph for `help NAME`.
    var details: String = ""
    var example: String?
    var argument: ArgumentKind = .none
    /// Options it takes before its argument (`test --coverage`), for completion.
    var flags: [String] = []
    var group: CommandGroup
    /// Works only inside a case or the shell (not as `attune NAME` on the command line).
    var interactiveOnly = false
    /// Set for commands that take free text (`reflect`): the rest of the line exactly as
    /// typed, which is never split, unquoted or kept in the shell history.
    var text: ((Shell, String) -> Void)?
    let run: (Shell, [String]) -> Void

    init(name: String, aliases: [String] = [], usage: String, summary: String, details: String = "", example: String? = nil,
         argument: ArgumentKind = .none, flags: [String] = [], group: CommandGroup, interactiveOnly: Bool = false,
         text: ((Shell, String) -> Void)? = nil, run: @escaping (Shell, [String]) -> Void = { _, _ in }) {
        self.name = name
        self.aliases = aliases
        self.usage = usage
        self.summary = summary
        self.details = details
        self.example = example
        self.argument = argument
        self.flags = flags
        self.group = group
        self.interactiveOnly = interactiveOnly
        self.text = text
        self.run = run
    }

    var names: [String] { [name] + aliases }
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
