import Foundation

extension Spanish {
    public func transfer(_ text: TransferText) -> String {
        switch text {
        case .lrs(let problem): lrs(problem)
        case .help(let help): transferHelp(help)
        case .cannotOpenFile(let path): "no se puede abrir \(path): no existe ese archivo."
        }
    }

    /// "4.2 segundos" under ten seconds, else "42 segundos" (US Spanish writes a decimal point).
    static func seconds(_ value: Double) -> String {
        value < 10 ? String(format: "%.1f segundos", value) : "\(Int(value.rounded())) segundos"
    }

    /// "1 MB", "64 KB", "200 bytes".
    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MB" : bytes >= 1024 ? "\(bytes >> 10) KB" : "\(bytes) bytes"
    }

    private func connection(_ why: TransferText.Connection) -> String {
        switch why {
        case .cannotStart: "no se pudo iniciar la conexión en esta computadora"
        case .refused: "nada respondió en esa dirección (se rechazó la conexión)"
        case .nameNotFound: "no se encontró el nombre del LRS; revisa que la dirección esté bien escrita"
        case .cutOff: "se cortó la conexión"
        case .certificate:
            "no se pudo hacer una conexión segura (no se aceptó el certificado del LRS). "
                + "Revisa la dirección con quien administra el LRS"
        case .invalidAnswer: "la respuesta no era una respuesta web válida"
        case .unusableAddress: "no se puede usar la dirección (solo sirven las que empiezan con http:// o https://)"
        case .other: "falló la conexión"
        }
    }

    private func attempt(_ last: TransferText.Attempt) -> String {
        switch last {
        case .busy: "el LRS dijo que estaba demasiado ocupado (429)"
        case .serverError(let status): "el LRS tuvo un problema propio (respondió \(status))"
        case .didNotFinish(let seconds): "no terminó de responder en \(Self.seconds(seconds))"
        case .connection(let why): connection(why)
        }
    }

    private func nothingMore(_ purpose: TransferText.Purpose) -> String {
        purpose == .sending ? "No se envió nada más." : "No se escribió el informe."
    }

    private func lrs(_ problem: TransferText.LRS) -> String {
        let administrator = "Revisa la dirección con quien administra el LRS."
        switch problem {
        case .notAnAddress(let shown):
            return "'\(shown)' no es una dirección web. Escribe la dirección xAPI del LRS tal como te la dio quien lo "
                + "administra, empezando con https://; por ejemplo, https://lrs.example.org/xAPI/"
        case .addressHasQuery(let shown):
            return "La dirección del LRS '\(shown)' tiene una parte después de '?'. Escribe la dirección xAPI sin esa parte; "
                + "por ejemplo, https://lrs.example.org/xAPI/"
        case let .impossiblePort(shown, port):
            return "La dirección del LRS '\(shown)' indica el puerto \(port), que ninguna computadora puede tener (los puertos "
                + "van del 1 al 65535). Revisa el número después de ':' con quien administra el LRS; por ejemplo, "
                + "https://lrs.example.org:8443/xAPI/"
        case .unusableAddress(let shown):
            return "'\(shown)' no es una dirección web que se pueda usar. Escribe la dirección xAPI del LRS; por ejemplo, "
                + "https://lrs.example.org/xAPI/"
        case .userHasColon:
            return "El usuario del LRS no puede llevar ':'. Revísalo con quien administra el LRS."
        case .notEncrypted(let endpoint):
            return "\(endpoint) no está cifrada (empieza con http://, no con https://). Tu contraseña y tus registros "
                + "cruzarían la red como texto legible para cualquiera en el camino. No se envió nada. Usa la dirección "
                + "https:// del LRS (pídesela a quien lo administra). Solo si tienes la certeza de que la red es privada, "
                + "agrega --insecure-http para enviar de todos modos."
        case let .tooLarge(endpoint, limit, purpose):
            return "El LRS en \(endpoint) mandó una respuesta de más de \(Self.size(limit)), mucho más de lo que manda un "
                + "LRS; Attune dejó de leerla. \(nothingMore(purpose)) \(administrator)"
        case let .compressed(endpoint, encoding, purpose):
            return "El LRS en \(endpoint) mandó una respuesta comprimida (\(encoding)) aunque Attune pide las respuestas "
                + "tal cual; una respuesta comprimida puede ocupar mucho más de lo que parece al descomprimirse, así que "
                + "Attune no la leyó. \(nothingMore(purpose)) \(administrator)"
        case let .failed(endpoint, why, purpose):
            return "No se pudo \(purpose == .sending ? "enviar al" : "leer del") LRS en \(endpoint): \(connection(why))."
        case let .unreachable(endpoint, tries, elapsed, last, outOfTime, overall, purpose):
            return "No se pudo llegar al LRS en \(endpoint) tras \(tries) \(tries == 1 ? "intento" : "intentos") "
                + "en \(Self.seconds(elapsed)): \(last.map(attempt) ?? "sin respuesta")"
                + (outOfTime ? ", y se acabó el tiempo permitido para \(purpose == .sending ? "enviar" : "leer") "
                    + "(\(Self.seconds(overall)), --timeout)" : "")
                + ". Revisa la dirección y tu conexión, o pregunta a quien administra el LRS, y luego vuelve a ejecutar el "
                + (purpose == .sending ? "mismo comando; las declaraciones ya enviadas no se envían dos veces."
                    : "mismo comando.")
        case let .redirected(status, target, purpose):
            let whereTo = target.map { "hacia \($0)" } ?? "sin decir hacia dónde"
            switch purpose {
            case .sending:
                return "La dirección del LRS respondió con una redirección (\(status)) \(whereTo). Attune no sigue "
                    + "redirecciones al enviar, así que tu contraseña y tus registros van solo a la dirección que diste. "
                    + "No se marcó nada como enviado. Si esa es la nueva dirección del LRS, confírmala con quien lo "
                    + "administra y vuelve a ejecutar el comando con --lrs y la nueva dirección."
            case .reading:
                return "La dirección del LRS respondió con una redirección (\(status)) \(whereTo). Attune no sigue "
                    + "redirecciones, así que tu contraseña va solo a la dirección que diste. No se escribió el informe. "
                    + "Si esa es la nueva dirección del LRS, confírmala con quien lo administra e indícala con --lrs."
            }
        case let .refused(status, purpose):
            switch purpose {
            case .sending:
                return "El LRS rechazó el usuario o la contraseña (respondió \(status)). Revísalos con quien administra "
                    + "el LRS. No se marcó nada como enviado."
            case .reading:
                return "El LRS rechazó el usuario o la contraseña (respondió \(status)), o esa cuenta no tiene permiso para "
                    + "leer declaraciones. Revísalos con quien administra el LRS: para leer una cohorte hace falta una "
                    + "cuenta con permiso para leer declaraciones. No se escribió el informe."
            }
        case let .webPage(gist, purpose):
            let expected = purpose == .sending ? "la lista de declaraciones guardadas que manda un LRS"
                : "una lista de declaraciones"
            let consequence = purpose == .sending ? "No se marcó nada como enviado." : "No se escribió el informe."
            return "La respuesta no vino de un LRS: era una página web (\"\(gist)\"), no \(expected). \(consequence) "
                + "Esto suele querer decir que la red pide iniciar sesión primero (la red de un hotel, de un hospital o "
                + "para visitantes): abre un navegador web, inicia sesión y vuelve a ejecutar el comando. Si no es eso, "
                + "revisa la dirección con quien administra el LRS."
        case let .notListed(status, gist):
            return "El LRS respondió \(status) sin indicar qué declaraciones guardó" + (gist.map { " (\"\($0)\")" } ?? "")
                + ", así que ninguna puede contarse como enviada. No se marcó nada como enviado. " + administrator
        case let .rejected(status, gist):
            return "El LRS no aceptó las declaraciones (respondió \(status))" + (gist.map { ": \"\($0)\"" } ?? "")
                + ". No se envió nada más. Si vuelve a pasar, muestra este mensaje a quien administra el LRS."
        case .statementWithoutID:
            return "El LRS no puede confirmar una declaración sin id, así que no se envió."
        case .notJSON:
            return "Una declaración no se pudo escribir como JSON, así que no se envió nada más."
        case let .unconfirmed(status, count):
            let one = count == 1
            return "El LRS respondió \(status) pero no confirmó \(count) de las declaraciones: no "
                + "\(one ? "indicó su id" : "indicó sus ids") ni \(one ? "la devolvió" : "las devolvió") cuando se le "
                + "\(one ? "pidió" : "pidieron"). \(one ? "No se marcó como enviada y se enviará" : "No se marcaron como enviadas y se enviarán") "
                + "de nuevo la próxima vez. Si vuelve a pasar, pregunta a quien administra el LRS."
        case .listAnswered(let status):
            return "El LRS respondió \(status) a una solicitud de declaraciones."
        case .requestNotMade:
            return "No se pudo armar la solicitud de las declaraciones de la cohorte con la dirección del LRS."
        case let .pagesForever(endpoint, pages):
            return "El LRS en \(endpoint) siguió mandando más páginas: Attune se detuvo después de "
                + "\(Plural(one: "página", other: "páginas")(pages)). No se escribió el informe. Si la cohorte de verdad es tan grande, indica un periodo más corto "
                + "con --since y --until; si no, muestra este mensaje a quien administra el LRS."
        case let .tooMuchInAll(endpoint, limit):
            return "El LRS en \(endpoint) mandó más de \(Self.size(limit)) en total; Attune dejó de leer. No se escribió "
                + "el informe. Indica un periodo más corto con --since y --until, o muestra este mensaje a quien "
                + "administra el LRS."
        case let .nextPageElsewhere(endpoint, more):
            return "El LRS en \(endpoint) indicó su siguiente página en otra dirección (\(more)). Attune envía tu "
                + "contraseña solo a la dirección que diste, así que no la siguió. No se escribió el informe. Muestra "
                + "este mensaje a quien administra el LRS."
        case let .pagesInCircle(endpoint, pages):
            return "El LRS en \(endpoint) mandó la misma página una y otra vez (su enlace 'more' volvió al mismo punto "
                + "después de \(Plural(one: "página", other: "páginas")(pages))), así que no se pudieron leer todas sus declaraciones. No se "
                + "escribió el informe. Muestra este mensaje a quien administra el LRS."
        case let .cohortNotAnswered(status, gist):
            return "El LRS no respondió a la solicitud de las declaraciones de la cohorte (respondió \(status))"
                + (gist.map { ": \"\($0)\"" } ?? "") + ". No se escribió el informe. Si vuelve a pasar, muestra este "
                + "mensaje a quien administra el LRS."
        case let .notStatements(endpoint, gist):
            return "El LRS en \(endpoint) respondió con algo que no es una lista de declaraciones"
                + (gist.map { " (\"\($0)\")" } ?? " (una respuesta vacía)") + ". No se escribió el informe. " + administrator
        }
    }
}
