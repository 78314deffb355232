extension Spanish {
    public func parser(_ text: ParserText) -> String {
        switch text {
        case let .heading(heading):
            switch heading {
            case .overview: "DESCRIPCIÓN:"
            case .usage: "USO:"
            case .arguments: "ARGUMENTOS:"
            case .options: "OPCIONES:"
            case .subcommands: "SUBCOMANDOS:"
            }
        case .valuesLabel: "valores:"
        case .defaultLabel: "si no se indica:"
        case .subcommandPlaceholder: "<subcomando>"
        case .optionsPlaceholder: "<opciones>"
        case .showVersion: "Muestra la versión."
        case .showHelp: "Muestra esta ayuda."
        case let .seeSubcommandHelp(command): "Para la ayuda de cada uno: '\(command) <subcomando>'."
        case let .seeHelp(command): "Para saber más: '\(command)'."
        case .errorLabel: "Error:"
        case .helpLabel: "Ayuda:"
        case .usageLabel: "Uso:"
        case let .missingArgument(name): "Falta '\(name)'"
        case let .missingOneOf(names): "Falta uno de estos: '\(names.joined(separator: "', '"))'"
        case let .missingValue(name): "Falta el valor de '\(name)'"
        case let .unknownOption(name, suggestion):
            suggestion.map { "No existe la opción '\(name)'. ¿Quisiste decir '\($0)'?" } ?? "No existe la opción '\(name)'"
        case let .unexpectedArguments(values):
            values.count == 1 ? "Sobra '\(values[0])': no se esperaba aquí"
                : "Sobran \(values.count) palabras que no se esperaban: '\(values.joined(separator: "', '"))'"
        case let .invalidValue(value, name, choices):
            (name.map { "El valor '\(value)' no sirve para '\($0)'" } ?? "El valor '\(value)' no sirve.")
                + (choices.isEmpty ? "" : ". Usa uno de estos: \(Self.parserChoices(choices)).")
        case let .takesNoValue(name, value):
            "La opción '\(name)' no lleva valor, pero se le dio '\(value)'."
        }
    }

    private static func parserChoices(_ choices: [String]) -> String {
        let quoted = choices.map { "'\($0)'" }
        guard quoted.count > 1 else { return quoted.joined() }
        return quoted.dropLast().joined(separator: ", ") + " o " + quoted.last!
    }
}
