import AttuneCore

extension Spanish {
    public func shell(_ text: ShellText) -> String {
        switch text {
        case let .usage(id): command(id).usage
        case let .summary(id): command(id).summary
        case let .details(id): command(id).details
        case let .example(id): command(id).example
        case let .terminalUsage(id): command(id).terminal.usage
        case let .terminalSummary(id): command(id).terminal.what
        case let .groupHeading(group): heading(group)
        case let .shellOnly(reason): shellOnly(reason)
        case .helpMore: "Escribe 'help COMANDO' para saber más de un comando. TAB completa comandos y nombres."
        case .helpForTrainersAndAuthors: "Para dirigir un grupo: 'help trainers'. Para escribir casos: 'help authors'."
        case .helpFromTerminal: "Desde tu propia terminal"
        case .helpFormatPointer: "Cómo escribir un caso o un archivo de conocimientos: 'help format'."
        case let .helpRunFromTerminal(command):
            "Ejecútalo desde la línea de comandos de tu terminal como 'attune \(command)', no dentro de Attune."
        case let .helpAliases(aliases): "También: " + aliases.joined(separator: ", ")
        case .helpExampleLabel: "Ejemplo: "
        case .helpFormatHeading: "Cómo escribir casos y conocimientos"
        case let .guide(guide): self.guide(guide)
        case .helpNewCase:
            "'attune new ID --scenarios CARPETA' empieza un caso que pasa lint; 'help authors' muestra los comandos para escribir casos."
        case .welcome: "Attune: practica el trabajo en salud mental infantil. Escribe 'help' para ver los comandos y 'quit' para salir."
        case let .unfinishedCase(title, command): "Tienes un caso sin terminar, '\(title)'. Escribe '\(command)' para seguirlo."
        case .numberOutsideCase:
            "Un número elige una opción dentro de un caso. Escribe 'cases' para ver los casos y 'play' con el nombre de un caso para empezarlo."
        case let .quoteNeverClosed(quote, column):
            "Las comillas (\(quote)) de la columna \(column) nunca se cierran; agrega otra \(quote) al final e inténtalo de nuevo."
        case let .proseAtMoment(choices):
            (choices > 0 ? "Para responder, escribe el número de una opción (de 1 a \(choices)). " : "")
                + "Para guardar tus palabras en tu diario, empieza la línea con 'reflect', por ejemplo: reflect Noté que estaba muy callada."
        case let .unknownCommand(name, suggestion, commandLine):
            "No existe el comando '\(name)'." + (suggestion.map { " ¿Quisiste decir '\($0)'?" } ?? "")
                + (commandLine ? " Escribe 'attune help' para ver los comandos." : " Escribe 'help' para ver los comandos.")
        case let .prompt(prompt): self.prompt(prompt)
        case let .yesNoPrompt(accessible): accessible ? "Escribe sí o no> " : "(sí/no) "
        case .yesWords: "s sí si y yes"
        case let .wrote(what, path): "Se guardó \(what) en \(path)"
        case let .replaced(path, what): "Se reemplazó \(path) con \(what)."
        case let .privateFile(problem, path): "No se pudo escribir \(path): " + privateFile(problem)
        case let .knowledge(text): knowledge(text)
        case let .commandLine(text): commandLine(text)
        }
    }

    private func heading(_ group: CommandGroupName) -> String {
        switch group {
        case .cases: "Casos"
        case .journal: "Tu diario y tu progreso"
        case .knowledge: "Conocimientos"
        case .general: "Attune"
        case .trainers: "Para quien dirige un grupo"
        case .authors: "Para quien escribe casos"
        }
    }

    func shellOnly(_ reason: ShellOnlyReason) -> String {
        switch reason {
        case .leavesShell: "sirve para salir del shell"
        case .readsContentAgain: "vuelve a leer el contenido en un shell abierto"
        case .insideCase: "actúa sobre el caso que estás jugando"
        case .groupMode: "es para quien dirige un grupo en modo grupal"
        }
    }

    private func guide(_ guide: AuthorGuide) -> String {
        switch guide {
        case .authoring: "cada campo de un caso, las condiciones 'when:', las pruebas y los errores comunes de YAML"
        case .knowledge: "temas y entradas de conocimientos, sus ids y sus fuentes"
        case .ratingsPolicy:
            "qué hace que una respuesta esté en sintonía, en parte en sintonía, no capte la señal o sea un riesgo para la seguridad"
        }
    }

    private func prompt(_ prompt: PromptText) -> String {
        switch prompt {
        case let .outside(accessible): accessible ? "Attune. Escribe un comando, o help> " : "attune> "
        case let .ending(name, accessible):
            accessible ? "\(name), el final. Escribe back, restart, reflect u otro comando> " : "\(name) · final> "
        case let .moment(name, number, choices, room, accessible):
            accessible ? "\(name), momento \(number)\(room). Escribe el número de una opción, de 1 a \(choices), o un comando> "
                : "\(name) · momento \(number)\(room)> "
        case let .phonesVoted(count, accessible):
            accessible ? (count == 1 ? ", votó 1 teléfono" : ", votaron \(grouped(count)) teléfonos")
                : (count == 1 ? " · 1 votó" : " · \(count) votaron")
        case let .timeIsUp(accessible): accessible ? ", se acabó el tiempo" : " · se acabó el tiempo"
        case let .timeLeft(seconds, accessible):
            accessible ? ", " + timeLeft(seconds) : " · \(seconds / 60):" + (seconds % 60 < 10 ? "0" : "") + "\(seconds % 60)"
        }
    }

    private static let minutes = Plural(one: "minuto", other: "minutos")
    private static let seconds = Plural(one: "segundo", other: "segundos")

    /// "quedan 2 minutos y 5 segundos", "queda 1 segundo".
    private func timeLeft(_ left: Int) -> String {
        let minutes = left / 60, seconds = left % 60
        switch (minutes, seconds) {
        case (0, _): return (seconds == 1 ? "queda " : "quedan ") + Self.seconds(seconds)
        case (_, 0): return (minutes == 1 ? "queda " : "quedan ") + Self.minutes(minutes)
        default: return "quedan \(Self.minutes(minutes)) y \(Self.seconds(seconds))"
        }
    }

    private func privateFile(_ problem: PrivateFileProblem) -> String {
        switch problem {
        case let .noFolder(folder): "la carpeta \(folder) no existe."
        case .isFolder: "es una carpeta. Elige otro nombre de archivo."
        case .isLink: "es un enlace a otro archivo. Elige otro nombre de archivo."
        case .notOrdinary: "no es un archivo común (es un dispositivo o una tubería). Elige otro nombre de archivo."
        case .cannotWriteThere: "no se puede escribir en ese lugar. Elige otra carpeta."
        case .diskFull: "el disco está lleno."
        case .diskFullNothingChanged: "el disco está lleno. No se cambió nada."
        case let .system(reason): "\(reason)."
        case let .systemNothingChanged(reason): "\(reason). No se cambió nada."
        }
    }

    private func knowledge(_ text: KnowledgeText) -> String {
        switch text {
        case .empty: "La base de conocimientos está vacía. Revisa la carpeta que diste con --knowledge."
        case .topicsHeading: "Temas"
        case let .entryCount(count): count == 1 ? "1 entrada" : "\(grouped(count)) entradas"
        case .topicsFooter: "Escribe 'show TEMA' para ver las entradas de un tema y 'show ID' para abrir una."
        case .facts: "Datos"
        case .sources: "Fuentes"
        case .seeAlso: "Ver también"
        case .notInBase: "(no está en la base de conocimientos)"
        case let .nothingMatches(query):
            "Nada coincide con '\(query)'. Prueba con menos palabras o con otras, o escribe 'topics' para ver los temas."
        case .caseLabel: " (caso)"
        case .searchFooter: "Escribe 'show ID' para abrir una entrada."
        case .showNeedsID: "'show' necesita el id de una entrada, por ejemplo: show tenet.4. Escribe 'topics' para ver los temas."
        case let .showTakesOneID(words): "'show' recibe un solo id; para buscar palabras, usa 'search \(words)'."
        case let .unknownEntry(id, starting, more, suggestion):
            "No existe la entrada '\(id)'." + (!starting.isEmpty
                ? " Entradas que empiezan así: \(starting.joined(separator: ", "))\(more ? ", ..." : "")."
                : suggestion.map { " ¿Quisiste decir '\($0)'?" } ?? " Prueba 'search \(id)' o 'topics'.")
        case .searchNeedsWords: "'search' necesita una o más palabras, por ejemplo: search cortisol"
        }
    }
}
