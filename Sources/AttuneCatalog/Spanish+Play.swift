import AttuneCore

extension Spanish {
    private static let choices = Plural(one: "elección", other: "elecciones")
    private static let cases = Plural(one: "caso", other: "casos")

    public func playing(_ text: PlayText) -> String {
        switch text {
        case let .status(status):
            switch status {
            case .notStarted: "sin empezar"
            case .inProgress: "en curso"
            case .done: "terminado"
            }
        case .noCases: "No hay casos disponibles. Revisa la carpeta que diste con --scenarios."
        case let .minutesFor(minutes, audience): "\(minutes) min · para \(audience)"
        case let .listHint(example):
            "Escribe 'play' y la primera palabra de un caso\(example.map { " (por ejemplo, 'play \($0)')" } ?? "") "
                + "para empezarlo o seguirlo."
        case let .contentNote(topics, inEnglish):
            inEnglish
                ? "Aviso de contenido (los temas, en inglés): \(topics). Puedes salir en cualquier momento con 'stop'."
                : "Aviso de contenido: este caso trata de \(topics). Puedes salir en cualquier momento con 'stop'."
        case .playNeedsCase: "A 'play' le falta un caso, por ejemplo: play maya. Escribe 'cases' para verlos."
        case let .alreadyOpen(title, moment, groupSession):
            "'\(title)' ya está abierto aquí, en el momento \(moment)"
                + (groupSession.map { " (sesión de grupo \($0))." } ?? ".") + " Con 'restart' empieza de nuevo."
        case let .severalCasesFit(query): "Hay más de un caso que corresponde a '\(query)':"
        case let .noSuchCase(query, guess):
            "No hay ningún caso '\(query)'." + (guess.map { " ¿Quisiste decir 'play \($0)'?" } ?? "")
                + " Escribe 'cases' para verlos."
        case let .openElsewhere(title):
            "'\(title)' está abierto en otra ventana de Attune. Sigue allí, o escribe primero 'stop' en esa "
                + "ventana: dos ventanas en un mismo caso desharían las elecciones de la otra."
        case .playingFromFile: "(Juegas desde un archivo: nada se guarda en tu progreso. Con 'reload' se vuelve a leer.)"
        case let .resumed(choices):
            "Sigues donde te quedaste (\(Self.choices(choices)) hasta ahora). Con 'why' ves la "
                + "retroalimentación de la última; con 'restart' empiezas de nuevo."
        case let .changed(kept, stored):
            "Este caso cambió desde que lo empezaste, así que solo tus primeras \(grouped(kept)) de \(grouped(stored)) "
                + "elecciones siguen valiendo. Sigues desde ahí; con 'restart' empiezas de nuevo."
        case .facilitatorNotesHint:
            "Notas para quien facilita este caso: escribe 'notes' (puede que la pantalla esté compartida)."
        case let .cannotOpen(path, reason): "No se puede abrir \(path): \(reason)."
        case let .severalCasesInFile(path): "\(path) tiene más de un caso; indica un solo archivo."
        case let .fileHasErrors(path): "\(path) tiene errores (arriba), así que todavía no se puede jugar."
        case let .couldNotSave(problem): "No se pudo guardar: \(problem)"

        case let .reflect(prompt): "Para reflexionar: \(prompt)"
        case let .reflectHint(groupNote):
            groupNote ? "(escribe 'reflect' para agregar una nota del grupo)" : "(escribe 'reflect' para escribir en tu diario)"
        case .gap: "Este momento no tiene salida; al caso le falta algo aquí. Escribe 'back' o 'stop'."
        case let .choosingHint(count): "Escribe \(count == 1 ? "1" : "un número del 1 al \(count)") para elegir, o 'help'."
        case .choicesReminder: "Escribe 'choices' para ver de nuevo las elecciones de este momento."
        case let .worksInsideCase(command):
            "'\(command)' funciona dentro de un caso. Escribe 'cases' para verlos y 'play' con el nombre de un caso "
                + "para empezarlo."
        case .chooseNeedsNumber: "A 'choose' le falta el número de una elección, por ejemplo: choose 1"
        case let .noSuchChoice(selector, count):
            "Aquí no hay ninguna elección \(selector); escribe un número del 1 al \(count)."
        case .caseHasEnded:
            "Este caso terminó. Escribe 'back' para probar otro camino, o 'restart' para empezar de nuevo."
        case .stuck: "Este momento no tiene salida (al caso le falta algo aquí). Escribe 'back' o 'stop'."
        case .changedUnderYou: "Este caso cambió mientras jugabas; escribe 'restart' para empezarlo de nuevo."

        case let .perspective(perspective):
            switch perspective {
            case .baby: "El bebé"
            case .parent: "La madre o el padre"
            case .practitioner: "Tú, como profesional"
            }
        case .readMore: "Para leer más (show ID):"
        case .noFeedbackYet:
            "Todavía no hay retroalimentación que mostrar: este es el primer momento del caso. Primero escribe "
                + "el número de una elección."

        case .atStart: "Estás al inicio del caso; no hay ninguna elección que deshacer."
        case .backInGroup:
            "De vuelta al momento antes de la última elección del grupo. Esa elección y su conteo de votos quedan "
                + "en el registro de la sesión, marcados como deshechos."
        case let .back(fromEnding):
            fromEnding ? "De vuelta al momento antes del final. El final queda en el registro."
                : "De vuelta al momento antes de tu última elección."
        case let .left(title, playName):
            "Saliste de '\(title)'." + (playName.map { " Tu lugar se guarda: con 'play \($0)' sigues." } ?? "")
        case let .leftGroup(title, session, votesKept):
            "Saliste de '\(title)'. "
                + (votesKept ? "El lugar del grupo y los votos de este momento se guardan" : "El lugar del grupo se guarda")
                + ": con 'group resume \(session)' siguen."
        case let .restartQuestion(title):
            "¿Empezar '\(title)' de nuevo desde el inicio? Tu camino hasta ahora queda en tu registro."
        case .carryOn: "Sigues donde estás."
        case let .restarting(title, groupPass):
            "Empiezas '\(title)' de nuevo" + (groupPass ? ", como un nuevo recorrido en esta sesión grupal." : ".")

        case .endsHere: "Aquí termina el caso"
        case let .endingKind(kind): kind.map { "un final \(endingWord($0))" } ?? "un final"
        case .debrief: "Reflexión final"
        case .yourPath: "Tu camino"
        case .competenciesExercised: "Competencias que pusiste en práctica"
        case let .toClose(prompt): "Para cerrar: \(prompt)"
        case .endingHint:
            "Escribe 'back' para probar otro camino, 'restart' para empezar de nuevo, o 'cases' para ver otros casos."

        case .yourProgress: "Tu progreso"
        case let .casesDone(done, of, inProgress):
            "Casos terminados: \(done) de \(of)" + (inProgress == 0 ? "" : "; en curso: \(inProgress)")
        case .endingsReached: "Finales alcanzados"
        case let .endingLine(title, kind, at): "\(title): \(playing(.endingKind(kind))), \(at)"
        case .howChoicesMet: "Cómo respondieron tus elecciones a la familia"
        case let .choiceCount(count): Self.choices(count)
        case .competencyProfile: "Perfil de competencias"
        case .competencyProfileNote: "(elecciones que pusieron en práctica cada área)"
        case .anAreaOfPractice: "un área de la práctica"
        case let .countOf(count, total): "\(count) de \(total)"
        case let .journalEntries(count): "Entradas del diario: \(count)"
        case .nothingPlayedYet: "Todavía no hay casos jugados. Escribe 'scenarios' para elegir uno."
        case let .draftsNotCounted(count):
            "Sin contar: \(Self.cases(count)) que jugaste desde un borrador (una carpeta distinta de "
                + "los casos que trae Attune). Con 'progress --include-drafts' también se cuentan."
        case .progressUsage:
            "Usa 'progress' para verlo o 'progress export ARCHIVO' para guardarlo (.json para JSON; si no, Markdown); "
                + "agrega --include-drafts para contar los casos que jugaste desde un borrador."
        case .progressUnavailable: "Tu progreso no está disponible en esta sesión (no se pudo abrir el archivo de progreso)."
        case let .couldNotReadProgress(problem): "No se pudo leer tu progreso: \(problem)"

        case let .journal(text): journal(text)
        case let .export(text): export(text)
        }
    }

    /// A kind of ending, after "un final".
    private func endingWord(_ kind: EndingKind) -> String {
        switch kind {
        case .hopeful: "esperanzador"
        case .mixed: "mixto"
        case .concerning: "preocupante"
        }
    }
}
