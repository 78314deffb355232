/// The command line parser's own words (swift-argument-parser writes them in English): the
/// headings and fixed lines of `attune --help`, and its usage errors. `ParserWords` in
/// AttuneShell reads what the parser wrote and puts it in the chosen language; each case
/// carries the parts the parser named (an option, a value), never a sentence of its own.
///
/// `English` writes each exactly as swift-argument-parser does, so English output is
/// unchanged; `Spanish` puts it in Spanish.
public enum ParserText: Sendable, Hashable {
    public enum Heading: Sendable, Hashable, CaseIterable {
        case overview, usage, arguments, options, subcommands
    }

    /// "OVERVIEW:" and the other headings of a help page.
    case heading(Heading)
    /// Inside an option's help: "values:" and "default:" (as in "(values: a, b; default: a)").
    case valuesLabel
    case defaultLabel
    /// The placeholders of a usage line: "<subcommand>" and "<options>".
    case subcommandPlaceholder
    case optionsPlaceholder
    /// The help of `--version` and `-h, --help`.
    case showVersion
    case showHelp
    /// Under a list of subcommands: `command` is "attune export".
    case seeSubcommandHelp(command: String)
    /// Under a usage error: `command` is "attune export xapi --help".
    case seeHelp(command: String)
    /// The labels of a usage error's lines: "Error:", "Help:", "Usage:".
    case errorLabel
    case helpLabel
    case usageLabel

    // Usage errors. `name` is written as the user would type it ("--account <account>").
    case missingArgument(name: String)
    case missingOneOf(names: [String])
    case missingValue(name: String)
    case unknownOption(name: String, suggestion: String?)
    case unexpectedArguments(values: [String])
    /// `name` is nil when the parser did not say which; `choices` the values it takes.
    case invalidValue(value: String, name: String?, choices: [String])
    case takesNoValue(name: String, value: String)
}
