import AttuneCore

/// The room in Spanish. Terms: the room (the people) is "el grupo"; the page, code and screen
/// are "la sala"; the trainer is "quien facilita"; a tally is "el conteo"; phones are
/// "celulares"; the commands stay as typed ('group on', 'votes 7 4 1', 'lock').
extension Spanish {
    public func room(_ text: RoomText) -> String {
        switch text {
        case let .group(line): group(line)
        case let .phones(line): phones(line)
        case let .screen(line): screen(line)
        case let .page(word): page(word)
        case let .answer(answer): self.answer(answer)
        case let .handout(line): handout(line)
        }
    }

    private static let votes = Plural(one: "voto", other: "votos")
    private static let phoneVotes = Plural(one: "voto desde celular", other: "votos desde celulares")
    private static let choices = Plural(one: "elección", other: "elecciones")
    private static let decisions = Plural(one: "decisión", other: "decisiones")
    private static let notes = Plural(one: "nota", other: "notas")

    /// "7 / 4 / 1, desde celulares, de 12".
    func tallyWords(_ tally: RoomText.Tally) -> String {
        tally.counts.map(String.init).joined(separator: " / ") + (tally.fromPhones ? ", desde celulares" : "")
            + (tally.roomSize.map { ", de \($0)" } ?? "")
    }

    private func keptThings(_ tally: RoomText.Tally?, phoneVotes: Int, phonesTally: String) -> String {
        var kept: [String] = []
        if let tally { kept.append(tally.fromPhones ? phonesTally : "el conteo \(tallyWords(tally))") }
        if phoneVotes > 0 { kept.append(Self.phoneVotes(phoneVotes)) }
        return kept.joined(separator: " y ")
    }

    private func group(_ line: RoomText.Group) -> String {
        switch line {
        case let .forGroupMode(command): "'\(command)' es para el modo grupal. Escribe primero 'group on'."
        case .resumeUsage: "Usa 'group resume N' con un número de 'group sessions', por ejemplo: group resume 2"
        case let .exportNeedsFile(number):
            "Después del número de sesión, indica el archivo que quieres escribir, por ejemplo: group export \(number) sesion.md "
                + "(o '-' para verla aquí)."
        case let .exportNeedsFileAfter(number):
            "Después del número de sesión, indica el archivo que quieres escribir, por ejemplo: group export \(number) sesion.md"
        case .exportNumberUsage: "Usa 'group export N ARCHIVO' con un número de 'group sessions', o 'group export ARCHIVO' para la más reciente."
        case .exportUsage: "Usa 'group export ARCHIVO' para la sesión más reciente, o 'group export N ARCHIVO', por ejemplo: group export sesion.md"
        case .usage: "Usa 'group on', 'group off', 'group sessions', 'group resume N', 'group export [N] ARCHIVO' o 'group serve'."
        case .alreadyOn: "El modo grupal ya está activado."
        case .alreadyOff: "El modo grupal ya está desactivado."
        case .needsStore: "El modo grupal necesita un lugar donde guardar los votos del grupo, y no se pudo abrir el archivo de progreso."
        case let .leftCase(title): "Saliste de '\(title)'; se guarda tu propio lugar en el caso."
        case .groupModeOn: "El modo grupal está activado."
        case .groupModeHelp:
            "'play' empieza un caso desde el principio para el grupo, aparte de tu propio progreso; 'group resume N' continúa "
                + "una sesión anterior. 'votes 7 4 1' anota el conteo del grupo, 'reveal' compara las opciones cuando el grupo "
                + "ya eligió, 'notes' muestra las notas para quien facilita (la pantalla puede estar compartida) y las "
                + "reflexiones se vuelven notas del grupo. No se anota ningún nombre."
        case .groupModeOff: "El modo grupal está desactivado. Se guardan todas las sesiones: 'group sessions' las muestra."
        case let .couldNotStart(error): "No se pudo empezar la sesión grupal: \(error)"
        case let .sessionBegins(id): "Empieza la sesión grupal \(id)."
        case let .sessionContinues(id): "Continúa la sesión grupal \(id)."
        case .noSessionsWithoutStore: "No hay sesiones grupales: no se pudo abrir el archivo de progreso."
        case let .noSuchSession(id): "No existe la sesión grupal \(id). Escribe 'group sessions' para verlas."
        case let .sessionCaseNotLoaded(id, caseID):
            "La sesión grupal \(id) usó un caso que ahora no está cargado ('\(caseID)'). 'group export \(id) ARCHIVO' la escribe de todos modos."
        case let .openElsewhere(id):
            "La sesión grupal \(id) está abierta en otra ventana de Attune. Continúa allí, o escribe primero 'stop' en esa ventana."
        case let .keptFromBefore(tally, phoneVotes):
            "Se guardó de antes para este momento: "
                + keptThings(tally, phoneVotes: phoneVotes, phonesTally: tally.map {
                    "el conteo de los celulares " + $0.counts.map(String.init).joined(separator: " / ")
                        + " (\(Self.votes($0.counts.reduce(0, +))))"
                } ?? "")
                + ". Va con la elección del grupo; 'votes' lo reemplaza."
        case let .couldNotSave(problem): "No se pudo guardar: \(problem)"
        case let .couldNotReadSessions(error): "No se pudieron leer las sesiones grupales: \(error)"
        case .noSessionsYet: "Todavía no hay sesiones grupales. Escribe 'group on' y luego 'play' para jugar un caso con el grupo."
        case .sessionsHeading: "Sesiones grupales"
        case let .sessionLine(number, started, title, decisions, notes, open):
            "\(number). \(started) · \(title ?? "sin caso") · \(Self.decisions(decisions)), \(Self.notes(notes)) · \(open ? "abierta" : "terminada")"
        case .sessionsHint: "'group resume N' continúa una; 'group export N ARCHIVO' la escribe."
        case let .privateOnSharedScreen(screen):
            switch screen {
            case .journal: "Esto muestra tu diario privado en la pantalla compartida."
            case .journalEntries: "Esto muestra entradas de tu diario privado en la pantalla compartida."
            case .journalEntry: "Esto muestra una entrada de tu diario privado en la pantalla compartida."
            case .progress: "Esto muestra tu progreso privado en la pantalla compartida."
            case .facilitatorNotes:
                "Esto muestra las notas para quien facilita, que pueden decir cuáles respuestas están más en sintonía, en la pantalla compartida."
            }
        case let .showAgain(command, plural):
            "Pausa el proyector y luego escribe de nuevo '\(command)' para \(plural ? "mostrarlas" : "mostrarlo")."
        case .facilitatorNotesTitle: "Notas para quien facilita."
        case .noFacilitatorNotes: "Este caso no tiene notas para quien facilita en este momento."
        case .forTheFacilitator: "Para quien facilita"
        case .toDiscuss: "Para conversar"
        case .atThisMoment: "En este momento: "
        case .noDiscussionPrompts:
            "Este caso no tiene preguntas para conversar. Podrías preguntar: ¿qué notaron primero y qué sintieron?"
        case .noChoicesToVoteOn: "En este momento no hay elecciones para votar."
        case .nothingToVoteOn: "En este momento no hay nada que votar."
        case let .votesMoreThanRoom(total, room):
            "Los votos suman \(total), más que las \(room) personas del grupo. Vuelve a contar, o quita 'of \(room)'."
        case let .votesTooLarge(word, choices, example):
            "\(word) es más de lo que cabe en cualquier grupo. Escribe un número entero para cada una de las \(choices) "
                + "elecciones, por ejemplo: votes \(example)"
        case let .votesWrongCount(choices, example):
            "Escribe un número entero para cada una de las \(choices) elecciones, en orden, por ejemplo: votes \(example)"
        case .phonesStillOpen:
            "La votación en los celulares sigue abierta; 'lock' contará los votos de los celulares en lugar de este conteo."
        case let .votedOfRoom(voted, room): "Votaron \(voted) de las \(room) personas del grupo."
        case .revealTooEarly:
            "Las calificaciones quedan ocultas hasta que el grupo elija. Escribe primero la elección del grupo y luego 'reveal'."
        case .noTimer: "No hay ningún temporizador en marcha. 'timer 5' pone cinco minutos."
        case .timerOff: "El temporizador está apagado."
        case .timerUsage: "Usa 'timer MINUTOS' con un número del 1 al 180, por ejemplo: timer 5. 'timer off' lo detiene."
        case let .timerStarted(minutes):
            "Temporizador: \(spanishMinutes(minutes)) para conversar. El tiempo que queda se muestra cada vez que escribes."
        case let .timeLeft(minutes, seconds):
            "Tiempo que queda para conversar: \(minutes):" + (seconds < 10 ? "0\(seconds)" : "\(seconds)")
        case .timeUp: "Se acabó el tiempo para conversar."
        case .noSessionToExportWithoutStore: "No hay ninguna sesión grupal que exportar: no se pudo abrir el archivo de progreso."
        case .noSessionToExportYet: "Todavía no hay ninguna sesión grupal. Escribe 'group on' y 'play' con un caso para empezar una."
        case let .couldNotReadSession(error): "No se pudo leer la sesión grupal: \(error)"
        case let .votingOpened(choices):
            "La votación está abierta en los celulares: \(Self.choices(choices)). Escribe 'lock' para cerrarla."
        case let .votingAlreadyOpen(voted):
            "La votación ya está abierta, y se guardan \(voted == 1 ? "el voto que ya llegó" : "los \(grouped(voted)) votos que ya llegaron"). "
                + "Escribe 'lock' para cerrarla."
        case let .votingReopened(kept):
            "La votación está abierta otra vez. Se guardan \(kept == 1 ? "el voto que ya llegó" : "los \(grouped(kept)) votos que ya llegaron"), "
                + "y los celulares pueden cambiarlos; 'lock' los vuelve a contar."
        case let .lockedWithoutVotes(kept):
            "La votación está cerrada. Ningún celular votó"
                + (kept.map { ", así que queda el conteo \(tallyWords($0))." }
                    ?? ". Escribe el conteo del grupo con 'votes', por ejemplo: votes 7 4 1")
        case let .tallyReplaced(tally, earlier):
            "Este conteo (\(tallyWords(tally))) reemplazó al que se \(earlier.fromPhones ? "contó desde los celulares" : "escribió") "
                + "antes (\(tallyWords(earlier)))."
        case let .lockedForChoice(tally):
            tally.map { "La votación se cerró antes de la elección; el conteo (\(tallyWords($0))) va con ella." }
                ?? "La votación se cerró antes de la elección. Ningún celular había votado, así que no va ningún conteo con ella."
        case .notUsedLabel: "Sin usar: "
        case let .notUsed(tally, phoneVotes):
            keptThings(tally, phoneVotes: phoneVotes, phonesTally: tally.map { "el conteo \(tallyWords($0))" } ?? "")
                + ", del momento que el grupo dejó sin elegir."
        case let .chartHeading(fromPhones): fromPhones ? "Los votos de los celulares" : "Los votos del grupo"
        case let .chartTotal(total): " (\(total) en total)"
        case let .chartAccessibleHeading(fromPhones, total):
            "Los votos del grupo\(fromPhones ? " desde los celulares" : ""), \(total) en total:"
        case let .chartAccessibleLine(number, votes, text): "Elección \(number), \(Self.votes(votes)): \(text)"
        case .chooseNow: "Ahora elige la respuesta en la que el grupo se pone de acuerdo."
        }
    }

    /// "5 minutos", "1 minuto", "2.5 minutos".
    private func spanishMinutes(_ minutes: Double) -> String {
        guard minutes == minutes.rounded() else { return "\(minutes) minutos" }
        return minutes == 1 ? "1 minuto" : "\(Int(minutes)) minutos"
    }

    private func handout(_ line: RoomText.Handout) -> String {
        switch line {
        case let .title(id): "# Sesión grupal \(id) de Attune"
        case let .started(at, ended):
            "Empezó el \(at)" + (ended.map { " y terminó el \($0)" } ?? "") + ". No se anota el nombre de ningún participante."
        case let .pass(number, current):
            "### Recorrido \(number)" + (current ? " (el camino actual del grupo)" : " (después, el grupo empezó de nuevo)")
        case let .pending(tally, uncounted):
            "El grupo todavía no había elegido en su último momento. Su conteo hasta entonces: "
                + (tally.map { $0.counts.map(String.init).joined(separator: " / ") + ($0.fromPhones ? ", desde celulares" : "") }
                    ?? (uncounted == 1 ? "1 voto desde celular, todavía sin contar" : "\(grouped(uncounted)) votos desde celulares, todavía sin contar"))
                + "."
        case .summaryHeading: "### Resumen del grupo"
        case .summaryColumns:
            "| # | Momento | Votos | Elegida | La más en sintonía que se ofrecía | ¿Coincidió? |\n|---:|---|---|---|---|---|"
        case .notRecorded: "sin anotar"
        case .yes: "sí"
        case .no: "no"
        case let .caseNotLoaded(caseID): "El caso '\(caseID)' no está cargado, así que solo siguen las notas."
        case .notesHeading: "## Notas del grupo"
        case .noNotes: "No se escribió ninguna nota."
        case .pathTaken: "#### Camino recorrido"
        case .noDecisionYet: "El grupo todavía no ha tomado ninguna decisión en este recorrido."
        case let .takenBack(at): " *(se deshizo con 'back' el \(at); se guarda aquí con su conteo)*"
        case .optionColumns: "   | Opción | Votos | Cómo respondió a la familia |\n   |---|---:|---|"
        case .roomsChoice: " **(la elección del grupo)**"
        case .noVotesForDecision: "   No se anotaron votos para esta decisión."
        case let .votesSource(fromPhones, roomSize):
            "   Votos " + (fromPhones ? "contados desde los celulares" : "escritos por quien facilita")
                + (roomSize.map { ", en un grupo de \($0) personas" } ?? "") + "."
        case let .groupChose(text, rating): "   El grupo eligió: \(text) — *\(self.rating(rating))*"
        case let .endingHeading(kind):
            switch kind {
            case .hopeful: "### El final (un final esperanzador)"
            case .mixed: "### El final (un final mixto)"
            case .concerning: "### El final (un final preocupante)"
            case nil: "### El final"
            }
        case .noDebrief: "Ninguna reflexión final corresponde a este camino."
        case .stoppedBeforeEnding: "El grupo se detuvo antes de llegar a un final."
        }
    }

    private func phones(_ line: RoomText.Phones) -> String {
        switch line {
        case .notRunning: "La página de la sala no está en marcha."
        case .stopped: "La página de la sala se detuvo; los celulares ya no pueden llegar a ella."
        case .alreadyRunning: "La página de la sala ya está en marcha, con el mismo enlace y el mismo código."
        case .bindUsage: "Usa '--bind DIRECCIÓN', por ejemplo --bind 127.0.0.1."
        case .portUsage: "Usa '--port N' con un número, por ejemplo --port 8765."
        case .serveUsage: "Usa 'group serve', 'group serve --bind DIRECCIÓN --port N' o 'group serve off'."
        case .noNetwork:
            "Esta computadora no está en ninguna red local, así que los celulares no pueden llegar a ella. Conéctate a la red "
                + "del lugar, o usa 'group serve --bind 127.0.0.1' para probar las páginas en esta computadora."
        case .running: "La página de la sala está en marcha."
        case .joinAt: "Los celulares de esta red entran en:"
        case let .roomCode(code): "Código de la sala: \(code)"
        case let .projector(link): "Pantalla de la sala para el proyector: \(link)room"
        case .plainHTTP:
            "HTTP simple en esta red, sin nombres ni cuentas. 'open' abre una votación, 'lock' la cierra, 'group serve off' detiene la página."
        case .openUsage: "Usa 'open', u 'open of 12' con el número de personas del grupo."
        case .caseEnded: "El caso terminó: no hay nada que votar."
        case .lockNotOpen: "La votación no está abierta. Escribe primero 'open', o da el conteo del grupo con 'votes'."
        case let .needsGroupMode(command): "'\(command)' es para el modo grupal con celulares. Escribe 'group on' y luego 'group serve'."
        case let .needsRoomPage(command):
            "'\(command)' necesita la página de la sala. Escribe primero 'group serve', o da el conteo con 'votes'."
        case let .joined(joined, voted):
            "Celulares: \(joined) \(joined == 1 ? "conectado" : "conectados")" + (voted.map { ", \($0) \($0 == 1 ? "votó" : "votaron")." } ?? ".")
        case let .moreThanRoom(joined, room): "Se conectaron más celulares (\(joined)) que las \(room) personas del grupo."
        case .joinedTwice: " Quizás alguien entró dos veces, o desde fuera del grupo; el conteo cuenta cada celular una sola vez."
        case let .notAnAddress(host): "'\(host)' no es una dirección de esta computadora en la que Attune pueda escuchar."
        case let .refusedConnection(host): "Attune no pudo escuchar en \(host): el sistema rechazó una conexión nueva."
        case let .portInUse(port, free):
            "Otro programa está usando el puerto \(port). "
                + (free.map { "'group serve --port \($0)' usa uno libre." } ?? "Con 'group serve --port 0', Attune elige uno libre.")
        case let .portNeedsRights(port):
            "El puerto \(port) necesita permisos de administrador. 'group serve --port 8765' usa uno común."
        case let .couldNotListen(host): "Attune no pudo escuchar en \(host)."
        }
    }

    private func screen(_ line: RoomText.Screen) -> String {
        switch line {
        case .revealHeading: "Cómo respondió cada opción a la familia"
        case .roomsChoiceMark: "La elección del grupo. "
        case let .revealOption(number, rating, votes, text):
            "\(number). \(self.rating(rating))\(votes.map { " (\(Self.votes($0)))" } ?? ""): \(text)"
        case .choiceMarkLegend: "► señala la elección del grupo."
        case .pathHeading: "El camino del grupo"
        case let .pathLine(votes, chosen, chosenRating, matched, best, bestRating):
            (votes.map { "Votos " + $0.map(String.init).joined(separator: ", ") + ". " } ?? "No se anotaron votos. ")
                + "Eligió \(chosen), \(rating(chosenRating))"
                + (matched ? "; entre las más en sintonía." : "; la más en sintonía que se ofrecía: \(best), \(rating(bestRating)).")
        case let .matchedTotal(matched, total):
            "El grupo coincidió con la opción más en sintonía en \(matched) de \(total) \(total == 1 ? "decisión" : "decisiones")."
        }
    }
}
