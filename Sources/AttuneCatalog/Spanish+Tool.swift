import AttuneCore

extension Spanish {
    public func tools(_ text: ToolText) -> String {
        switch text {
        case .xapi(let words): xapi(words)
        case .export(let words): export(words)
        case .record(let words): record(words)
        case .dataFolder(let words): dataFolder(words)
        case .cache(let words): cache(words)
        case let .saved(saved, path, replaced):
            replaced ? "Se reemplazó \(path) con \(self.saved(saved))." : "Se guardó \(self.saved(saved)) en \(path)."
        case .access(let reason): access(reason)
        case .author(let words): author(words)
        }
    }

    private func access(_ reason: ContentAccessError.Reason) -> String {
        switch reason {
        case .noSuchFolder: "la carpeta no existe"
        case .noSuchFile: "no existe ese archivo ni esa carpeta"
        case .brokenLink(let target): "es un enlace a '\(target)', que no existe"
        case .linkLoop: "los enlaces de esta ruta vuelven sobre sí mismos en un ciclo, así que no llevan a nada"
        case .folderOnTheWayLocked: "no se puede abrir una carpeta del camino (revisa sus permisos)"
        case .partIsFile: "una parte de esta ruta es un archivo, no una carpeta"
        case .tooLong: "la ruta es demasiado larga"
        case .cannotOpen(let system): "no se puede abrir (\(system))"
        case .notAFolder: "es un archivo, no una carpeta"
        case .folderUnreadable: "no se puede leer la carpeta (revisa sus permisos)"
        }
    }

    private func author(_ words: ToolText.Author) -> String {
        switch words {
        case .noFolderToReload: return "En esta sesión no hay ninguna carpeta desde donde volver a cargar."
        case let .cannotReload(path, reason): return "No se puede volver a cargar: \(path): \(access(reason)). No se cambió nada."
        case let .reloaded(entries, cases):
            return "Se volvió a cargar: \(Plural(one: "entrada", other: "entradas")(entries)), \(Plural(one: "caso", other: "casos")(cases))."
        case .caseDidNotLoad(let id):
            return "El caso '\(id)' no se cargó esta vez (mira arriba), así que sigues con la versión que tenías. Corrige el "
                + "archivo y escribe 'reload' otra vez."
        case .sameMoment: return "Sigues en el mismo momento."
        case .pathChanged:
            return "El camino hasta este momento cambió: te quedas aquí con las mismas variables, pero 'back' empieza desde "
                + "aquí y este camino ya no se registra."
        case let .momentGone(node, command, resumes):
            return "El momento '\(node)' ya no existe, así que saliste del caso. "
                + (resumes ? "'\(command)' sigue desde el último momento de tu camino que todavía encaja." : "'\(command)' lo empieza de nuevo.")
        case .pathNotRecorded: return "(Herramientas de autor: este camino ya no se registra en tu progreso.)"
        case .gotoNeedsNode(let example): return "'goto' necesita el id de un nodo, por ejemplo: goto \(example)"
        case let .noSuchNode(id, guess): return "El caso no tiene el nodo '\(id)'." + (guess.map { " ¿Quisiste decir '\($0)'?" } ?? "")
        case .setUsage: return "Usa 'set VARIABLE N' con un número entero, por ejemplo: set trust 2"
        case let .noSuchCounter(name, guess, declared):
            return "El caso no tiene la variable '\(name)'." + (guess.map { " ¿Quisiste decir '\($0)'?" } ?? "")
                + (declared.isEmpty ? " No declara ninguna." : " Sus variables: \(declared.joined(separator: ", ")).")
        case .countersHeading: return "Variables"
        case .noneDeclared: return "(ninguna declarada)"
        case .startsAt(let value): return "(empieza en \(value))"
        case .visitedHeading: return "Visitados"
        case .choicesSoFarHeading: return "Elecciones hasta ahora"
        case .noneYet: return "(ninguna)"
        case let .cannotOpenPath(path, reason): return "no se puede abrir \(path): \(access(reason))."
        case let .unknownTarget(argument, folder, guess):
            return "'\(argument)' no es un archivo ni el id de un caso" + (folder.map { " en \($0)" } ?? "") + "."
                + (guess.map { " ¿Quisiste decir '\($0)'?" } ?? "")
        case .lintNeedsTarget: return "'lint' necesita aquí el id de un caso o una ruta."
        }
    }

    private func xapi(_ words: ToolText.XAPI) -> String {
        switch words {
        case .verb(let verb):
            switch verb {
            case .attempted: "intentó"
            case .responded: "respondió"
            case .commented: "comentó"
            case .completed: "completó"
            }
        case .journalActivity: "Diario de Attune"
        case .draftCase(let title): "\(title) (borrador de un autor)"
        }
    }

    private func saved(_ saved: ToolText.Saved) -> String {
        switch saved {
        case let .groupSession(id, decisions, notes):
            "la sesión de grupo \(id) (\(Plural(one: "decisión", other: "decisiones")(decisions)), \(Plural(one: "nota", other: "notas")(notes)))"
        }
    }

    private func export(_ words: ToolText.Export) -> String {
        let statements = Plural(one: "declaración", other: "declaraciones")
        switch words {
        case let .wroteStatements(count, path):
            return "\(count == 1 ? "Se guardó" : "Se guardaron") \(statements(count)) en \(path)."
        case let .replacedStatements(count, path): return "Se reemplazó \(path) con \(statements(count))."
        case let .sent(count, endpoint, before):
            let new = count == 1 ? "1 declaración nueva" : "\(grouped(count)) declaraciones nuevas"
            return "\(count == 1 ? "Se envió" : "Se enviaron") \(new) a \(endpoint)"
                + (before == 0 ? "" : before == 1 ? "; 1 ya se había enviado antes" : "; \(grouped(before)) ya se habían enviado antes") + "."
        case .conflictLabel: return "conflicto:"
        case .conflict(let id):
            return "no se envió la declaración \(id): el LRS ya tiene otra declaración distinta con este id."
        case .conflicts(let count):
            let what = count == 1 ? "1 declaración tuvo un conflicto y no se marcó" : "\(grouped(count)) declaraciones tuvieron un conflicto y no se marcaron"
            return "\(what) como enviada\(count == 1 ? "" : "s"). Esto pasa cuando se usó el mismo nombre de cuenta en otra "
                + "computadora o con otro registro; prueba con otro --account o pregunta a quien administra el LRS."
        case let .notMarkedSent(problem, stored):
            let what = stored == 1 ? "1 declaración nueva que Attune no pudo marcar como enviada"
                : "\(grouped(stored)) declaraciones nuevas que Attune no pudo marcar como enviadas"
            return "\(problem) El LRS tiene \(what); si las envías otra vez, no se guardarán dos veces."
        case .accountNeedsName: return "--account necesita un nombre."
        case .fileOrLRS: return "Indica un ARCHIVO donde escribir, o --lrs URL con --user para enviar."
        case .fileAndLRS: return "Indica un ARCHIVO o --lrs, no los dos."
        case .timeoutRange: return "--timeout necesita un número de segundos, mayor que 0 y como máximo 3600."
        case let .unencrypted(endpoint, sending):
            return "\(sending ? "se envía a" : "se lee de") \(endpoint) sin cifrar, como pide --insecure-http: tu contraseña "
                + "y tus registros cruzan la red como texto legible."
        case .passwordInAddress(let variable):
            return "una contraseña escrita en la dirección la pueden ver otras personas que usan esta computadora (en la lista "
                + "de programas en marcha), y puede quedar en el historial de tu terminal. La próxima vez, define \(variable) "
                + "o no la escribas, y Attune te la pedirá."
        case .addressCredentialsIgnored:
            return "no se usó el usuario ni la contraseña escritos en la dirección, porque se dio --user o --password."
        case .passwordOption(let variable):
            return "una contraseña dada con --password la pueden ver otras personas que usan esta computadora, y puede quedar "
                + "en el historial de tu terminal. La próxima vez, define \(variable) o no uses --password, y Attune te la pedirá."
        case .needUser: return "Indica tu usuario del LRS con --user."
        case .passwordPrompt(let endpoint): return "Contraseña del LRS en \(endpoint): "
        case let .noPassword(variable, sending):
            return "No hay contraseña para el LRS: --lrs necesita --user y --password, o la contraseña en \(variable) (más "
                + "seguro: otras personas que usan esta computadora pueden ver una línea de comandos), o una terminal donde "
                + "pedirla. " + (sending ? "No se envió nada." : "No se leyó nada.")
        }
    }

    private func record(_ words: ToolText.Record) -> String {
        switch words {
        case .cannotCreateFolder(let folder):
            return "Attune no puede crear la carpeta \(folder) para tu progreso; elige otra con --data-dir."
        case .folderIsFile(let folder):
            return "\(folder) es un archivo, no una carpeta; elige una carpeta para tu progreso con --data-dir."
        case let .notOrdinaryFile(file, isLink):
            return "\(file) \(isLink ? "es un enlace a otro archivo" : "no es un archivo común"), así que Attune no lo usará "
                + "para tu registro. Muévelo a otro lugar o elige otra carpeta con --data-dir."
        case let .cannotWriteFile(folder, reason):
            return "Attune no puede escribir su archivo de progreso en \(folder) (\(reason)); elige con --data-dir una "
                + "carpeta donde se pueda escribir."
        case let .newerVersion(path, copy):
            return "Tu archivo de progreso \(path) lo escribió una versión más nueva de Attune, así que esta versión no lo "
                + "cambiará. Actualiza Attune para seguir." + (copy.map { " Hay una copia en \($0)." } ?? "")
        case let .damaged(path, copy):
            return "Tu archivo de progreso \(path) está dañado y no se puede abrir; Attune no lo ha cambiado. "
                + (copy.map { "Se guardó una copia en \($0). " } ?? "")
                + "Para empezar un registro nuevo, mueve el archivo dañado a otro lugar; el anterior queda en la copia."
        case let .couldNotOpen(path, detail): return "No se pudo abrir tu archivo de progreso \(path): \(detail)"
        case let .couldNotSave(path, detail): return "Attune no pudo guardar en \(path): \(detail)"
        case let .couldNotRead(path, detail): return "Attune no pudo leer \(path): \(detail)"
        case let .unreadable(parts, total, path):
            let named = parts.map { part in
                let what = switch part.table {
                case "playthrough": "un caso que jugaste"
                case "choice": "una elección que hiciste"
                case "journal": "una entrada del diario"
                case "draft": "una reflexión sin terminar"
                case "groupSession": "una sesión de grupo"
                case "groupDecision": "una decisión de grupo"
                case "groupPending": "un conteo de grupo en curso"
                default: "un registro"
                }
                return what + (part.row.map { " (fila \($0) de la tabla '\(part.table)')" } ?? " (en la tabla '\(part.table)')")
            }
            let list = named.count <= 1 ? named.joined() : named.dropLast().joined(separator: ", ") + " y " + named[named.count - 1]
            let more = total > named.count ? ", y \(grouped(total - named.count)) más" : ""
            return total == 1
                ? "No se pudo leer una parte de tu registro: \(list)\(more). Se conserva en \(path) y queda fuera de lo que "
                    + "Attune muestra y exporta; el resto de tu registro funciona como siempre."
                : "No se pudieron leer \(grouped(total)) partes de tu registro: \(list)\(more). Se conservan en \(path) y quedan "
                    + "fuera de lo que Attune muestra y exporta; el resto de tu registro funciona como siempre."
        }
    }

    private func dataFolder(_ words: ToolText.DataFolder) -> String {
        switch words {
        case let .cannotKeep(path, reason):
            let why = switch reason {
            case .isFile: "es un archivo, no una carpeta"
            case .cannotCreate: "no se pudo crear la carpeta (¿se puede escribir en ese lugar?)"
            case .notWritable: "no se puede escribir en la carpeta; elige otra con --data-dir"
            }
            return "Attune no puede guardar tus datos en \(path): \(why)."
        case .madePrivate(let path):
            return "Otras personas de esta computadora podían leer tu carpeta de datos \(path); ahora es privada, solo para ti."
        case .noHistory(let path): return "\(path) no es un archivo común, así que esta vez no se guarda el historial de comandos."
        }
    }

    private func cache(_ words: ToolText.Cache) -> String {
        let files = Plural(one: "archivo", other: "archivos")
        switch words {
        case .empty(let folder):
            return "El contenido compilado se guarda en \(folder); ahora está vacío y se crea en el próximo inicio."
        case let .holds(folder, contents): return "El contenido compilado se guarda en \(folder): \(describe(contents))"
        case .noCacheNote: return "Con --no-cache, Attune vuelve a leer los archivos de contenido y no toca esta carpeta."
        case .isLink(let folder):
            return "la carpeta de caché \(folder) es un enlace a otra carpeta, así que Attune no la usa y no borró nada "
                + "(vaciarla borraría archivos de la carpeta a la que lleva). Si no necesitas el enlace, bórralo tú; "
                + "entonces Attune crea una carpeta propia."
        case .nothingToRemove(let folder): return "No había contenido compilado que borrar en \(folder)."
        case let .removed(folder, count):
            return "Se borró el contenido compilado de \(folder) (\(files(count))). El próximo inicio vuelve a leer los "
                + "archivos de contenido."
        case .noFolder:
            return "no hay carpeta de caché: Attune no sabe dónde está tu carpeta personal (HOME no está definida o no es una "
                + "ruta completa), así que cada vez vuelve a leer los archivos de contenido. No se pierde nada."
        }
    }

    /// What the cache holds, and whose it is when other copies of Attune share the folder.
    private func describe(_ status: ToolText.CacheContents) -> String {
        let amount = "\(Plural(one: "archivo", other: "archivos")(status.files)), \(status.size)"
        let clear = "'attune cache clear' los borra; el próximo inicio los vuelve a crear a partir de los archivos de contenido."
        if status.builds == 1, status.includesThisBuild { return "\(amount), para esta copia de Attune. \(clear)" }
        let example = "(por ejemplo, una copia instalada y otra compilada desde el código fuente)"
        let whose = switch (status.builds, status.includesThisBuild) {
        case (2, true): "para 2 copias de Attune que comparten esta carpeta \(example): esta y otra"
        case let (count, true): "para \(count) copias de Attune que comparten esta carpeta \(example): esta y \(count - 1) más"
        case (1, _): "para otra copia de Attune que comparte esta carpeta \(example); esta crea los suyos en su próximo inicio"
        case let (count, _):
            "para otras \(count) copias de Attune que comparten esta carpeta \(example); esta crea los suyos en su próximo inicio"
        }
        return "\(amount), \(whose). Cada copia guarda los suyos, así que cada una inicia rápido; una copia que no se inicia "
            + "en \(status.unusedDays) días pierde sus archivos, y solo las \(status.keptBuilds) copias iniciadas más "
            + "recientemente conservan los suyos. 'attune cache clear' los borra todos; el próximo inicio los vuelve a crear "
            + "a partir de los archivos de contenido."
    }
}
