extension English {
    public func parser(_ text: ParserText) -> String {
        switch text {
        case let .heading(heading):
            switch heading {
            case .overview: "OVERVIEW:"
            case .usage: "USAGE:"
            case .arguments: "ARGUMENTS:"
            case .options: "OPTIONS:"
            case .subcommands: "SUBCOMMANDS:"
            }
        case .valuesLabel: "values:"
        case .defaultLabel: "default:"
        case .subcommandPlaceholder: "<subcommand>"
        case .optionsPlaceholder: "<options>"
        case .showVersion: "Show the version."
        case .showHelp: "Show help information."
        case let .seeSubcommandHelp(command): "See '\(command) <subcommand>' for detailed help."
        case let .seeHelp(command): "See '\(command)' for more information."
        case .errorLabel: "Error:"
        case .helpLabel: "Help:"
        case .usageLabel: "Usage:"
        case let .missingArgument(name): "Missing expected argument '\(name)'"
        case let .missingOneOf(names): "Missing one of: '\(names.joined(separator: "', '"))'"
        case let .missingValue(name): "Missing value for '\(name)'"
        case let .unknownOption(name, suggestion):
            suggestion.map { "Unknown option '\(name)'. Did you mean '\($0)'?" } ?? "Unknown option '\(name)'"
        case let .unexpectedArguments(values):
            values.count == 1 ? "Unexpected argument '\(values[0])'"
                : "\(values.count) unexpected arguments: '\(values.joined(separator: "', '"))'"
        case let .invalidValue(value, name, choices):
            (name.map { "The value '\(value)' is invalid for '\($0)'" } ?? "The value '\(value)' is invalid.")
                + (choices.isEmpty ? "" : ". Please provide one of \(Self.parserChoices(choices)).")
        case let .takesNoValue(name, value):
            "The option '\(name)' does not take any value, but '\(value)' was specified."
        }
    }

    /// "'a', 'b' or 'c'", as swift-argument-parser lists the values an option takes.
    private static func parserChoices(_ choices: [String]) -> String {
        let quoted = choices.map { "'\($0)'" }
        guard quoted.count > 2 else { return quoted.joined(separator: " and ") }
        return quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
    }
}
