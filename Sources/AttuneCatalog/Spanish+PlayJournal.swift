import AttuneCore

extension Spanish {
    private static let lines = Plural(one: "línea", other: "líneas")
    private static let entries = Plural(one: "entrada", other: "entradas")

    func journal(_ text: JournalText) -> String {
        switch text {
        case let .saved(groupNote): groupNote ? "Se guardó como nota del grupo." : "Se guardó en tu diario."
        case .groupReflectNeedsCase:
            "En modo de grupo, las reflexiones son notas del grupo que se guardan con un caso que juega el grupo. "
                + "Empieza uno con 'play', o sigue uno con 'group resume N'."
        case let .problem(problem):
            switch problem {
            case .empty: "La reflexión estaba vacía, así que no se guardó nada."
            case .noJournal: "Tu diario no se puede guardar en esta sesión (no se pudo abrir el archivo de progreso)."
            case let .notSaved(reason): "No se pudo guardar tu reflexión: \(reason)"
            }
        case .reflectUsage: "Escribe tu reflexión después del comando, por ejemplo: reflect Noté que estaba callada."
        case .writeLines:
            "Escribe todas las líneas que quieras; cada una se guarda al momento. Termina con una línea que tenga "
                + "solo un punto (.) o presiona Ctrl-D para guardar."
        case let .pastedNotRun(lines):
            "Pegaste \(Self.lines(lines)). Las líneas pegadas nunca se ejecutan como comandos; escribe un comando a la vez."
        case let .keepPasteQuestion(lines):
            "Pegaste \(Self.lines(lines)). No se ejecutó nada. ¿Quieres guardarlas en tu diario como una reflexión?"
        case .pasteNotKept: "No se guardó. Las líneas pegadas nunca se ejecutan como comandos; escribe un comando a la vez."
        case let .notACommand(choices): choices ? "Esas palabras no son un comando ni una elección." : "Esas palabras no son un comando."
        case .keepQuestion: "¿Quieres guardar esto en tu diario?"
        case let .notKept(choices):
            "No se guardó. Presiona la flecha hacia arriba para recuperar las palabras."
                + (choices > 0 ? " Para responder, escribe el número de una elección (del 1 al \(choices))." : "")
        case let .linePrompt(line): "Reflexión, línea \(line). Una línea con solo un punto guarda> "
        case .lineNotKept: "Esta línea no se guardó; las anteriores sí."
        case .pasteNotAllKept: "No se guardaron todas las líneas pegadas; escribe 'draft' para ver cuáles sí."
        case .keptAsDraft: "Tus líneas se guardan como borrador: escribe 'draft' para verlas."
        case let .discardQuestion(lines):
            "¿Descartar toda esta reflexión (\(Self.lines(lines)))? Escribe 'yes' para descartarla; "
                + "cualquier otra respuesta la conserva y sigues escribiendo."
        case .discarded: "Se descartó la reflexión."
        case .keptGoOn: "Se conserva. Sigue escribiendo; una línea con solo un punto (.) guarda."
        case let .interrupted(linesBefore):
            "Ctrl-C: solo se quitó la línea que estabas escribiendo, si había una. "
                + (linesBefore == 0 ? "Todavía no hay nada escrito."
                    : linesBefore == 1 ? "La línea que escribiste antes se conserva."
                    : "Las \(Self.lines(linesBefore)) que escribiste antes se conservan.")
                + " Sigue escribiendo, termina con un punto (.) para guardar, o presiona Ctrl-C otra vez para descartar "
                + "toda la reflexión."
        case .emptyNothingToSave: "La reflexión estaba vacía, así que no había nada que guardar."
        case let .unfinishedNotice(at, title, lines):
            "Tienes una reflexión sin terminar del \(at)\(title.map { " en '\($0)'" } ?? ""), \(Self.lines(lines))."
        case .unfinishedOptions:
            "Escribe 'draft' para leerla, 'draft continue' para seguir escribiendo, 'draft save' para guardarla en tu "
                + "diario, o 'draft discard' para descartarla."
        case .noUnfinished: "No hay ninguna reflexión sin terminar. Escribe 'reflect' para escribir una."
        case let .unfinishedFrom(at, title): "Reflexión sin terminar del \(at)\(title.map { " en '\($0)'" } ?? ""):"
        case .noLinesYet: "(todavía sin líneas)"
        case .draftOptions:
            "Con 'draft continue' sigues escribiendo, con 'draft save' la guardas tal como está, con 'draft discard' la descartas."
        case .draftContinueInShell: "'draft continue' funciona dentro de Attune. Escribe 'attune' para abrirlo."
        case .goOnWriting: "Sigue escribiendo; una línea con solo un punto (.) o Ctrl-D guarda."
        case let .discardUnfinishedQuestion(lines):
            "¿Descartar la reflexión sin terminar (\(Self.lines(lines)))? No se podrá recuperar."
        case .kept: "Se conserva."
        case .unfinishedDiscarded: "Se descartó la reflexión sin terminar."
        case .draftUsage: "Usa 'draft' para leerla, 'draft continue', 'draft save' o 'draft discard'."

        case .unavailable: "Tu diario no está disponible en esta sesión (no se pudo abrir el archivo de progreso)."
        case let .couldNotRead(problem): "No se pudo leer tu diario: \(problem)"
        case .exportUsage:
            "Usa 'journal' para leerlo o 'journal export ARCHIVO' para guardarlo (Markdown, o JSON para un archivo .json)."
        case let .couldNotPrepare(problem): "No se pudo preparar tu diario para exportarlo: \(problem)"
        case .searchUsage:
            "Escribe las palabras que buscas después de 'journal search', por ejemplo: journal search biberón. "
                + "Pon una frase entre comillas para buscarla entera: journal search \"sentí presión\"."
        case let .noSuchCase(query):
            "No hay ningún caso '\(query)'. Usa 'journal' para leer tu diario, 'journal' y la primera palabra de un "
                + "caso (por ejemplo, 'journal maya'), 'journal search PALABRAS', 'journal delete N' o "
                + "'journal export ARCHIVO'. Escribe 'cases' para ver los casos."
        case .empty: "Tu diario está vacío. Durante un caso, escribe 'reflect' para escribir una entrada."
        case .footer:
            "Con 'journal search PALABRAS' buscas entradas, con 'journal CASO' ves las de un caso y con "
                + "'journal delete N' borras la entrada N."
        case let .noEntriesFrom(title):
            "Tu diario todavía no tiene entradas de '\(title)'. Durante el caso, escribe 'reflect' para escribir una."
        case let .entriesFrom(count, title): "\(Self.entries(count)) de '\(title)':"
        case let .noneMention(words): "Ninguna entrada de tu diario menciona \(asked(words))."
        case let .mention(count, words, numbers):
            (count == 1 ? "1 entrada menciona" : "\(grouped(count)) entradas mencionan") + " \(asked(words)) "
                + "(\(count == 1 ? "entrada" : "entradas") \(numbers.map(String.init).joined(separator: ", "))):"
        case let .entry(id): "Entrada \(id)"
        case .draftNotLoaded: "un borrador de caso que no está cargado ahora"
        case .deleteUsage:
            "Usa 'journal delete N' con el número de la entrada tal como lo muestra el diario, por ejemplo: journal delete 3."
        case .whichEntry: "¿Qué entrada? " + journal(.deleteUsage)
        case let .notAnEntryNumber(word): "'\(word)' no es un número de entrada. " + journal(.deleteUsage)
        case let .noEntry(number):
            "No hay ninguna entrada \(number) en tu diario. Escribe 'journal' para ver tus entradas y sus números."
        case let .deleteQuestion(number):
            "¿Borrar la entrada \(number) de tu diario? No se podrá recuperar, y las exportaciones que hagas después "
                + "no la tendrán. Escribe 'yes' para borrarla; cualquier otra respuesta la conserva."
        case let .keptNothingDeleted(number):
            "Se conserva; no se borró nada. Para borrar la entrada \(number) sin que se te pregunte, escribe:\n"
                + "  journal delete \(number) yes"
        case let .nothingDeleted(number):
            "No se borró nada: antes de borrar, se pregunta. Para borrar la entrada \(number), escribe:\n"
                + "  attune journal delete \(number) yes"
        case let .noLongerThere(number): "La entrada \(number) ya no está en tu diario; no se borró nada más."
        case let .deleted(number): "Se borró la entrada \(number) de tu diario."
        case .othersKeepNumbers: "Las demás entradas conservan sus números."
        }
    }

    /// The searched words, each quoted as typed: "'biberón' y 'noche'".
    private func asked(_ words: [String]) -> String {
        words.map { "'\($0)'" }.joined(separator: " y ")
    }

    func export(_ text: ExportText) -> String {
        switch text {
        case let .wrote(saved, path): "Se guardó \(self.saved(saved)) en \(path)"
        case let .replaced(saved, path): "Se reemplazó \(path) con \(self.saved(saved))."
        case .journalTitle: "# Diario de Attune"
        case let .journalExported(at, entries): "Exportado el \(at). \(Self.entries(entries))."
        case let .journalEntry(id, at, title): "## Entrada \(id), \(at)" + (title.map { ": \($0)" } ?? "")
        case .progressTitle: "# Progreso en Attune"
        case let .exported(at): "Exportado el \(at)."
        case let .progressTotals(done, of, journalEntries):
            "Casos terminados: \(done) de \(of). Entradas del diario: \(journalEntries)."
        case .noneYet: "Todavía ninguno."
        case .howChoicesMet: "Cómo respondieron las elecciones a la familia"
        case .ratingColumn: "Valoración"
        case .choicesColumn: "Elecciones"
        case .competencyColumn: "Competencia"
        case .paths: "Caminos"
        case let .reached(kind): "llegó a \(playing(.endingKind(kind)))"
        case .inProgress: "en curso"
        case let .draftFrom(title, folder): "\(title) (un borrador, de \(folder))"
        case .earlierVersionChoice: "una elección de una versión anterior del caso"
        case .draftChoiceNotLoaded: "una elección de un borrador que no está cargado ahora"
        }
    }

    private func saved(_ saved: ExportText.Saved) -> String {
        switch saved {
        case .progress: "tu progreso"
        case let .journal(entries): entries == 1 ? "1 entrada del diario" : "\(grouped(entries)) entradas del diario"
        }
    }
}
