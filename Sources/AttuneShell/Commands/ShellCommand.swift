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
}

/// One shell command: its name, how to use it, and what it does.
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
    let run: (Shell, [String]) -> Void

    var names: [String] { [name] + aliases }
}
