import AttuneCore
import Foundation

extension Spanish {
    public func cohort(_ text: CohortText) -> String {
        switch text {
        case .report(let words): cohortReport(words)
        case .command(let words): cohortCommand(words)
        case .name(let problem): cohortName(problem)
        case .file(let problem): cohortFile(problem)
        case .help(let help): cohortHelp(help)
        }
    }

    private func cohortHelp(_ help: CohortText.Help) -> String {
        switch help {
        case .abstract: "La práctica de una cohorte entre talleres, desde un LRS (Learning Record Store) o desde los archivos que exportaron quienes aprenden."
        case .discussion:
            """
            Desde un LRS: --lrs URL --user USUARIO --cohort NOMBRE ARCHIVO lee cada declaración que quienes \
            aprenden enviaron con 'attune export xapi --cohort NOMBRE', página por página, con las mismas reglas que al \
            enviar (plazo, límites de tamaño, sin redirecciones; la contraseña, como la toma 'export xapi'). Desde \
            archivos: ARCHIVOS... SALIDA lee los archivos de declaraciones que exportaron (attune export xapi ARCHIVO), \
            para un grupo sin LRS.

            El informe muestra primero el plan de conversación (los momentos en que la primera respuesta de la mayoría \
            no captó la señal o fue un riesgo para la seguridad, con qué leer), luego, por caso, quiénes lo empezaron y \
            terminaron y los finales, el reparto de cada decisión con la calificación de cada respuesta, a cada persona \
            por su nombre de cuenta y cada competencia. Las declaraciones que no se entienden (de otras herramientas, de \
            un caso que cambió, copias, retiradas) se cuentan y se nombran, nunca detienen el informe. Las reflexiones \
            aparecen solo con --include-reflections, y solo si quienes aprenden decidieron enviarlas. La extensión del \
            archivo elige el formato: .md, .json o .html. El archivo es privado para ti, como toda exportación.
            """
        case .paths: "Con --lrs: el archivo del informe que se escribe. Sin --lrs: los archivos exportados por quienes aprenden y, al final, el archivo del informe."
        case .lrs: "La dirección xAPI del LRS, por ejemplo https://lrs.example.org/xAPI/"
        case .user: "Usuario del LRS (una cuenta que pueda leer declaraciones)."
        case .password: "Contraseña del LRS. Mejor: define ATTUNE_LRS_PASSWORD, o deja esto fuera y se te pedirá."
        case .cohort: "El nombre de la cohorte, como lo dieron quienes aprenden con 'export xapi --cohort' (necesario con --lrs)."
        case .since: "Solo declaraciones desde este día (por ejemplo 2027-03-01)."
        case .until: "Solo declaraciones anteriores a este día (por ejemplo 2027-04-01)."
        case .insecureHTTP: "Lee de una dirección http:// que no es esta computadora, sin cifrar: tu contraseña y los registros de la cohorte cruzan la red sin protección."
        case .timeout: "Deja de leer después de estos segundos en total (si no se indica, 600)."
        case .includeReflections: "Muestra el texto de las reflexiones que quienes aprenden decidieron enviar (se dejan fuera si no lo pides)."
        case .pageSize: "Con --lrs: declaraciones que se piden por página (si no se indica, 1000; el LRS puede enviar menos)."
        case .valueFiles: "archivos"
        case .valueDate: "fecha"
        case .valueCount: "cantidad"
        }
    }

    private static let cohortStatements = Plural(one: "declaración", other: "declaraciones")
    private static let cohortPeople = Plural(one: "persona", other: "personas")

    private func cohortReport(_ words: CohortText.Report) -> String {
        let people = Self.cohortPeople, statements = Self.cohortStatements
        switch words {
        case .title(let cohort):
            return cohort.map { "Informe de la cohorte: \($0)" } ?? "Informe de la cohorte"
        case .sourceLRS(let address):
            return "Se leyó del registro de aprendizaje (LRS) en \(address)."
        case .sourceFiles(let files):
            return "Se leyó de \(Plural(one: "archivo exportado", other: "archivos exportados")(files))."
        case let .period(since, until, earliest, latest):
            var parts: [String] = []
            switch (since, until) {
            case let (since?, until?): parts.append("Se pidió del \(cohortDate(since)) hasta el \(cohortDate(until)).")
            case let (since?, nil): parts.append("Se pidió todo desde el \(cohortDate(since)).")
            case let (nil, until?): parts.append("Se pidió todo lo anterior al \(cohortDate(until)).")
            case (nil, nil): break
            }
            if let earliest, let latest {
                parts.append("La práctica contada fue del \(cohortDate(earliest)) al \(cohortDate(latest)).")
            } else {
                parts.append("No se contó ninguna práctica.")
            }
            return parts.joined(separator: " ")
        case let .statementsCounted(read, counted):
            return "\(Plural(one: "declaración leída", other: "declaraciones leídas")(read)); "
                + "\(Plural(one: "contada", other: "contadas")(counted))."
        case let .skipped(reason, count):
            let (one, many) = skipReason(reason)
            return "\(statements(count)) \(count == 1 ? one : many): " + (count == 1 ? "no se contó." : "no se contaron.")
        case .nothingSkipped:
            return "Se contaron todas las declaraciones leídas."
        case .learnersInCohort(let count):
            return "\(people(count)) " + (count == 1 ? "practicó." : "practicaron.")
        case .headingDiscussion:
            return "Plan de conversación para el siguiente taller"
        case .discussionIntro:
            return "Momentos en que la primera respuesta de la mayoría no captó la señal o planteó un riesgo para la seguridad, "
                + "empezando por el que más personas no captaron."
        case .noDiscussionPoints:
            return "En ningún momento la mayoría dejó de captar la señal ni eligió una respuesta con riesgo para la seguridad."
        case .headingCases:
            return "Casos practicados"
        case .noCases:
            return "No se practicó ningún caso."
        case let .caseStartedFinished(started, finished, of):
            return "Lo empezaron \(grouped(started)) de \(people(of)); lo terminaron \(grouped(finished))."
        case let .endingReached(kind, summary, count):
            let times = count == 1 ? "una vez" : "\(grouped(count)) veces"
            guard let kind else { return "Un final que el caso ya no tiene: alcanzado \(times)." }
            let tone = switch kind {
            case .hopeful: "Un final esperanzador"
            case .mixed: "Un final mixto"
            case .concerning: "Un final preocupante"
            }
            return "\(tone), alcanzado \(times): \(summary)"
        case .headingOtherDecisions:
            return "Las demás decisiones"
        case let .decisionCounts(learners, answers):
            let replays = answers > learners
                ? " (\(grouped(answers)) respuestas en total, contando las repeticiones; el reparto cuenta la primera respuesta "
                    + "de cada persona)" : ""
            return "\(people(learners)) " + (learners == 1 ? "respondió" : "respondieron") + "\(replays)."
        case let .missedOrUnsafe(count, of):
            return "\(grouped(count)) de \(grouped(of)) "
                + (count == 1 ? "no captó la señal o eligió" : "no captaron la señal o eligieron")
                + " una respuesta con riesgo para la seguridad."
        case let .optionLearners(count, of):
            return of == 0 ? "0" : "\(grouped(count)) de \(grouped(of))"
        case let .knowledgeLink(title, id):
            return "\(title) (en Attune: show \(id))"
        case .readMore:
            return "Para leer antes de la conversación:"
        case .asked(let prompt):
            return "Pregunta: \(prompt)"
        case .headingLearners:
            return "Cada persona"
        case .noCompetencies:
            return "Aún ninguna competencia puesta en práctica."
        case .headingCompetencies:
            return "Competencias puestas en práctica"
        case let .competencyExercised(learners, of):
            return learners == 0 ? "Nadie la ha puesto en práctica todavía."
                : "La pusieron en práctica \(grouped(learners)) de \(people(of))."
        case .headingReflections:
            return "Reflexiones"
        case .reflectionsLeftOut(let count):
            return (count == 1 ? "Se escribió 1 reflexión" : "Se escribieron \(grouped(count)) reflexiones")
                + "; su texto queda fuera. Agrega --include-reflections para mostrar el texto que cada persona decidió enviar."
        case .reflectionsNoneWithText:
            return "No se envió el texto de ninguna reflexión (cada persona lo envía solo si así lo decide)."
        case .headingAbout:
            return "Sobre este informe"
        case .chartCaption:
            return "El largo de cada barra muestra las primeras respuestas; el patrón indica la calificación."
        case .column(let column):
            return switch column {
            case .option: "Respuesta"
            case .rating: "Calificación"
            case .learners: "Personas"
            case .scenario: "Caso"
            case .started: "Empezados"
            case .finished: "Terminados"
            case .competency: "Competencia"
            case .learner: "Persona"
            }
        }
    }

    /// A skipped statement's reason, after "1 declaración" and after "3 declaraciones".
    private func skipReason(_ reason: CohortText.Skip) -> (one: String, many: String) {
        switch reason {
        case .notJSON: ("no se pudo leer en absoluto (no es una declaración)", "no se pudieron leer en absoluto (no son declaraciones)")
        case .otherTool: ("venía de otra herramienta de aprendizaje", "venían de otras herramientas de aprendizaje")
        case .noLearner: ("no nombraba la cuenta de ninguna persona", "no nombraban la cuenta de ninguna persona")
        case .draftCase: ("era de un caso jugado desde un borrador", "eran de casos jugados desde un borrador")
        case .unknownCase: ("era de un caso que esta copia de Attune no tiene", "eran de casos que esta copia de Attune no tiene")
        case .unknownChoice: ("era de un momento o una elección que el caso ya no tiene (cambió desde entonces)",
                              "eran de momentos o elecciones que los casos ya no tienen (cambiaron desde entonces)")
        case .duplicate: ("era una copia de una declaración ya contada", "eran copias de declaraciones ya contadas")
        case .voided: ("había sido retirada (anulada)", "habían sido retiradas (anuladas)")
        case .voiding: ("retiraba otra declaración (un aviso de anulación)", "retiraban otras declaraciones (avisos de anulación)")
        case .otherCohort: ("se envió para otra cohorte, o para ninguna", "se enviaron para otra cohorte, o para ninguna")
        case .outsidePeriod: ("quedó fuera del periodo pedido", "quedaron fuera del periodo pedido")
        case .notUnderstood: ("tenía una parte que faltaba o que no se entendió", "tenían una parte que faltaba o que no se entendió")
        }
    }

    /// A day as "6 de diciembre de 2026" (UTC).
    private func cohortDate(_ date: Date) -> String {
        let months = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
                      "noviembre", "diciembre"]
        let parts = CohortDay(date)
        return "\(parts.day) de \(months[parts.month - 1]) de \(parts.year)"
    }

    private func cohortCommand(_ words: CohortText.Command) -> String {
        switch words {
        case let .progress(pages, statements):
            return "Leyendo la cohorte: \(Plural(one: "página", other: "páginas")(pages)), \(Self.cohortStatements(statements))…"
        case let .wrote(path, learners, statements):
            return "Se escribió el informe de la cohorte en \(path): \(Self.cohortPeople(learners)), "
                + "\(Plural(one: "declaración contada", other: "declaraciones contadas")(statements))."
        case .stopped(let path):
            return "Se dejó de leer la cohorte del LRS: no se escribió nada en \(path)."
        case .needsReportFile:
            return "Indica el archivo donde escribir el informe."
        case .lrsNeedsCohort:
            return "Con --lrs, indica el nombre de la cohorte con --cohort NOMBRE."
        case .lrsNeedsReportFile:
            return "Indica el archivo donde escribir el informe, por ejemplo cohorte.html."
        case .lrsOnlyReportFile:
            return "Con --lrs, indica solo el archivo donde escribir el informe (las declaraciones vienen del LRS)."
        case .filesThenReport:
            return "Indica los archivos que exportaron quienes aprenden y después el archivo donde escribir el informe, por "
                + "ejemplo 'attune cohort report maya.jsonl sam.jsonl cohorte.html'; o lee de un LRS con --lrs URL --user "
                + "USUARIO --cohort NOMBRE ARCHIVO."
        case .needsExtension(let path):
            return "Termina el nombre del informe en .md, .json o .html: la extensión elige el formato (\(path) no termina en "
                + "ninguna de ellas)."
        case .needsDay(let option):
            return "\(option) necesita un día escrito como año-mes-día, por ejemplo 2027-03-01."
        case .sinceBeforeUntil:
            return "La fecha de --since debe ser anterior a la de --until."
        case .timeoutRange:
            return "--timeout necesita un número de segundos mayor que 0 y de 86400 como máximo."
        case .pageSizeRange:
            return "--page-size necesita un número de declaraciones del 1 al 100000."
        case let .cannotRender(format, reason):
            return "No se pudo escribir el informe como \(format): \(reason)"
        case .shellUsage:
            return "Usa 'cohort report' con un LRS (--lrs URL --user USUARIO --cohort NOMBRE ARCHIVO) o con los archivos que "
                + "exportaron quienes aprenden (ARCHIVOS... ARCHIVO). Escribe 'help cohort' para saber más."
        case .shellNoPasswordOption(let variable):
            return "En el shell, no escribas --password: una línea escrita aquí puede quedar en el historial. Define "
                + "\(variable) antes de abrir Attune, o usa 'attune cohort report' en la línea de comandos, que la pide "
                + "sin mostrarla."
        case .shellPasswordFromEnvironment(let variable):
            return "En el shell, la contraseña del LRS viene de \(variable): sal, defínela y vuelve a abrir Attune, o usa "
                + "'attune cohort report' en la línea de comandos, que la pide sin mostrarla. No se leyó nada."
        }
    }

    private func cohortName(_ problem: CohortText.Name) -> String {
        let example = "por ejemplo spring-2027 o riverside.group-b"
        switch problem {
        case .empty:
            return "--cohort necesita el nombre que quien facilita le dio al grupo, \(example)."
        case let .tooLong(length, maximum):
            return "El nombre de la cohorte tiene \(grouped(length)) caracteres; usa \(maximum) como máximo, \(example)."
        case .notAllowed(let shown):
            return "'\(shown)' no puede ser el nombre de una cohorte: usa letras (de la a a la z, sin acentos), dígitos, '-', '_' "
                + "y '.', y empieza con una letra o un dígito, \(example). Usa exactamente el nombre que quien facilita le dio "
                + "al grupo: el informe encuentra tus registros por ese nombre."
        }
    }

    private func cohortFile(_ problem: CohortText.File) -> String {
        switch problem {
        case .missing(let path):
            "No hay ningún archivo en \(path). Revisa el nombre, o indica la carpeta donde está."
        case .folder(let path):
            "\(path) es una carpeta. Indica los archivos que exportaron quienes aprenden (por ejemplo \(CohortText.inside(path, "*.jsonl")))."
        case .cannotOpen(let path):
            "No se pudo abrir \(path) (¿no tienes permiso?). Revisa que puedas leerlo."
        case let .cannotFinish(path, reason):
            "No se pudo leer \(path) hasta el final (\(reason))."
        }
    }
}
