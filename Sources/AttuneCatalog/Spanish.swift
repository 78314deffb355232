import AttuneCore

/// Attune's messages in US (Latin American) Spanish, speaking to the learner or author as
/// tú (docs/translating.md, "Register"). Ids, field names and what the author wrote stay as
/// they are: an author types them.
public struct Spanish: MessageCatalog {
    public init() {}
    public var language: Language { .spanish }

    public func rating(_ rating: Rating) -> String {
        switch rating {
        case .attuned: "En sintonía"
        case .partial: "En parte en sintonía"
        case .missed: "No captó la señal"
        case .unsafe: "Riesgo para la seguridad"
        }
    }

    public func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "advertencia"
        case .note: "nota"
        }
    }

    private static let errors = Plural(one: "error", other: "errores")
    private static let warnings = Plural(one: "advertencia", other: "advertencias")
    private static let files = Plural(one: "archivo", other: "archivos")
    private static let parts = Plural(one: "parte más", other: "partes más")

    public func message(_ message: DiagnosticMessage) -> String {
        switch message {
        case let .play(play): self.play(play)
        case let .reference(reference): self.reference(reference)
        case let .field(field): self.field(field)
        case let .file(file): self.file(file)
        case let .reading(reading): self.reading(reading)
        case let .syntax(slip): syntax(slip)
        case let .fileKind(kind): fileKind(kind)
        case let .translation(translation): self.translation(translation)
        case let .tooManyProblems(count):
            count == 1
                ? "y 1 problema más en este archivo, que no se muestra; corrige los de arriba y vuelve a revisar"
                : "y \(grouped(count)) problemas más en este archivo, que no se muestran; corrige los de arriba y vuelve a revisar"
        }
    }

    private func play(_ message: PlayMessage) -> String {
        switch message {
        case let .unreachableNode(node, start):
            return "al nodo '\(node)' nunca se llega desde '\(start)'"
        case let .unreachableEnding(ending):
            return "al final '\(ending)' nunca se llega: ningún camino de elecciones lleva a él"
        case let .stuckState(node, values, route):
            let with = values.isEmpty ? "" : " (con \(values))"
            return "en el nodo '\(node)' no se cumple la condición de ninguna elección\(with), así que quien aprende "
                + "no podría seguir; una forma de llegar ahí: \(way(route))"
        case let .noWayOut(node, route):
            return "desde el nodo '\(node)' no se puede llegar a ningún final: las elecciones solo dan vueltas; "
                + "una forma de llegar ahí: \(way(route))"
        case let .neverOffered(choice, node, condition):
            let why = condition.map { " ('\($0)' nunca se cumple cuando el caso llega ahí)" } ?? ""
            return "la elección '\(choice)' del nodo '\(node)' nunca se ofrece\(why)"
        case let .unmetAssumption(unmet):
            return assumption(unmet)
        case let .stateSpaceLimit(limit, assumptions):
            let checked = "este caso tiene más de \(grouped(limit)) estados distintos, así que solo se revisó a qué nodos "
                + "se puede llegar según el mapa de nodos (sin tomar en cuenta las condiciones), y no se buscaron "
                + "momentos sin salida ni elecciones que nunca se ofrecen"
            guard assumptions else { return checked }
            return checked + "; lo que suponen sus textos ('assumes:') solo se revisó en los caminos de los primeros "
                + "\(grouped(limit)) estados, así que un camino señalado es real, pero puede haber otros"
        }
    }

    /// "el inicio", or the choice ids in order.
    private func way(_ route: [String]) -> String {
        route.isEmpty ? "el inicio" : route.joined(separator: ", ")
    }

    private func assumption(_ unmet: UnmetAssumptionMessage) -> String {
        let way = unmet.route.isEmpty
            ? "desde el inicio"
            : "eligiendo " + unmet.route.map { "\"\($0.text)\" (\($0.id))" }.joined(separator: ", luego ")
        let because = "\(way); ahí \(reason(unmet.reason))"
        switch unmet.subject {
        case let .moment(node):
            return "el momento '\(node)' supone '\(unmet.assumes)', pero quien aprende puede llegar a él sin que eso "
                + "se cumpla, \(because)"
        case let .ending(node):
            return "el final '\(node)' supone '\(unmet.assumes)', pero quien aprende puede llegar a él sin que eso "
                + "se cumpla, \(because)"
        case let .feedback(node, choice):
            return "la retroalimentación de la elección '\(choice)' en '\(node)' supone '\(unmet.assumes)', pero quien "
                + "aprende puede leerla sin que eso se cumpla, \(because)"
        case let .debrief(ending):
            return "este punto de la reflexión final del final '\(ending)' supone '\(unmet.assumes)', pero quien "
                + "aprende puede verlo sin que eso se cumpla, \(because)"
        }
    }

    private func reference(_ message: ReferenceMessage) -> String {
        func guess(_ suggestion: String?) -> String { suggestion.map { " (¿quisiste decir '\($0)'?)" } ?? "" }
        func names(_ place: ReferenceMessage.Place) -> String {
            switch place {
            case let .field(field): "'\(field)' nombra"
            case let .condition(condition): "la condición '\(condition)' nombra"
            case let .test(test): "la prueba '\(test)' nombra"
            case let .testEnding(test): "la prueba '\(test)' espera el final"
            }
        }
        switch message {
        case let .unknownEntry(id, place, suggestion):
            return "\(names(place)) '\(id)', que no es una entrada de la base de conocimientos\(guess(suggestion))"
        case let .unknownNode(id, place, suggestion):
            return "\(names(place)) '\(id)', que no es un nodo de este caso\(guess(suggestion))"
        case let .unknownVariable(name, suggestion):
            return "'\(name)' no es una variable declarada"
                + (suggestion == nil ? "; declárala en 'variables:' con su valor inicial" : guess(suggestion))
        case let .unknownChoice(condition, choice, node, suggestion):
            return "la condición '\(condition)' nombra la elección '\(choice)', que el nodo '\(node)' no tiene\(guess(suggestion))"
        case let .testUnknownChoice(test, choice, suggestion):
            return "la prueba '\(test)' elige '\(choice)', que no es el id de ninguna elección de este caso\(guess(suggestion))"
        case let .testEndingNotEnding(test, node):
            return "la prueba '\(test)' espera el final '\(node)', pero ese nodo no es un final"
        }
    }

    private func fileKind(_ kind: FileKindMessage) -> String {
        switch kind {
        case .neither:
            "este archivo no es un tema de conocimientos (no tiene una línea 'topic:') ni un caso (no tiene una línea 'scenario:')"
        case .topicAmongCases:
            "este archivo es un tema de conocimientos (tiene una línea 'topic:'), no un caso; muévelo a la carpeta de conocimientos"
        case .notACase:
            "este archivo no es un caso: no tiene una línea 'scenario:' ni 'nodes:'; un archivo de caso empieza con 'scenario: <su id>'"
        case .caseAmongTopics:
            "este archivo es un caso (tiene una línea 'scenario:'), no un tema de conocimientos; muévelo a la carpeta de casos"
        case .notATopic:
            "este archivo no es un tema de conocimientos: no tiene una línea 'topic:' ni 'entries:'; un archivo de tema "
                + "empieza con 'topic: <su id>'"
        }
    }

    // MARK: Conditions

    /// A condition is "una condición": true and false agree with it.
    private func truth(_ value: Bool) -> String { value ? "verdadera" : "falsa" }

    public func reason(_ reason: ConditionReason) -> String {
        switch reason {
        case let .always(value): "siempre es \(truth(value))"
        case let .counter(name, value): "\(name) vale \(value)"
        case let .visited(node, visited): "el momento '\(node)' \(visited ? "ya se visitó" : "no se visitó")"
        case let .chose(node, choice, made): "la elección \(node).\(choice) \(made ? "ya se hizo" : "no se hizo")"
        case let .named(condition, value, because): "`\(condition)` es \(truth(value)) (\(self.reason(because)))"
        case let .parts(parts, more): list(parts.map(self.reason) + (more > 0 ? [Self.parts(more)] : []))
        }
    }

    public func sentence(_ reason: ConditionReason) -> String {
        guard case let .named(condition, value, because) = reason else { return self.reason(reason) }
        return "`\(condition)` es \(truth(value)) porque \(self.reason(because))"
    }

    /// "a, b y c"; "e" before a word that starts with an "i" sound ("a e i").
    private func list(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        let lower = last.lowercased()
        let and = (lower.hasPrefix("i") || lower.hasPrefix("hi")) && !lower.hasPrefix("hie") ? " e " : " y "
        return items.dropLast().joined(separator: ", ") + and + last
    }

    // MARK: Tests

    public func failure(_ failure: TestFailure) -> String {
        switch failure {
        case let .step(number, choice, node, problem):
            return "paso \(number) ('\(choice)' en el nodo '\(node)'): \(step(problem))"
        case let .wrongEnding(expected, reached, reachedEnding):
            let there = reachedEnding ? "al final '\(reached)'" : "al nodo '\(reached)', que no es un final"
            return "se esperaba el final '\(expected)', pero las elecciones llevan \(there)"
        case let .notVisited(node):
            return "se esperaba pasar por el nodo '\(node)', pero no se pasó por ahí"
        case let .visited(node):
            return "se esperaba no pasar por el nodo '\(node)', pero se pasó por ahí"
        case let .counter(name, expected, actual):
            return "se esperaba \(name) = \(expected), pero vale \(actual)"
        case let .ratings(expected, actual):
            func names(_ ratings: [Rating]) -> String { ratings.map(\.rawValue).joined(separator: ", ") }
            return "se esperaban las calificaciones [\(names(expected))], pero resultaron [\(names(actual))]"
        case let .debriefMissing(text, hidden, shown):
            let item = hidden.map {
                "el punto con ese texto (línea \($0.line)) no se mostró: su condición \(sentence($0.why)); "
            } ?? ""
            let what = shown.isEmpty ? "no se mostró ninguna reflexión final" : "la reflexión final que se mostró fue:\n\(shown)"
            return "se esperaba que la reflexión final incluyera \"\(text)\", pero \(item)\(what)"
        }
    }

    private func step(_ problem: StepProblem) -> String {
        func offered(_ ids: [String]) -> String { ids.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: ", ") }
        func hidden(_ choices: [HiddenChoice]) -> String {
            choices.map { "; '\($0.text)' (\($0.id)) no se ofreció: su condición \(sentence($0.why))" }.joined()
        }
        switch problem {
        case let .notOffered(text, why, ids):
            return "la elección '\(text)' no se ofreció: su condición \(sentence(why)); las elecciones que se ofrecen son "
                + offered(ids)
        case let .noNumber(number, ids, choices):
            let count = ids.count == 1 ? "solo se ofrece 1 elección" : "solo se ofrecen \(ids.count) elecciones"
            return "aquí no hay elección \(number): \(count) (\(offered(ids)))" + hidden(choices)
        case let .noChoice(selector, ids):
            return "este momento no tiene la elección '\(selector)'; las elecciones que se ofrecen son \(offered(ids))"
        case let .alreadyEnded(node):
            return "el caso ya terminó en '\(node)'; la prueba tiene más elecciones que pasos"
        case let .stuck(node, choices):
            return "el nodo '\(node)' no ofrece ninguna elección en este estado, así que no se puede seguir" + hidden(choices)
        case let .unknownNode(node):
            return "el caso no tiene un nodo '\(node)'"
        }
    }

    // MARK: Reports

    public func report(_ message: ReportMessage) -> String {
        switch message {
        case let .lintSummary(files, errors, warnings, omitted):
            let counts = switch (errors, warnings) {
            case (0, 0): "sin problemas"
            case (_, 0): Self.errors(errors)
            case (0, _): Self.warnings(warnings)
            default: "\(Self.errors(errors)) y \(Self.warnings(warnings))"
            }
            let checked = files == 1 ? "Se revisó 1 archivo" : "Se revisaron \(Self.files(files))"
            let more = switch omitted {
            case 0: ""
            case 1: ", y 1 más que no se muestra"
            default: ", y \(grouped(omitted)) más que no se muestran"
            }
            return "\(checked): \(counts)\(more)."
        case .testPassed: return "PASA"
        case .testFailed: return "FALLA"
        case .testsNotRun: return "Pruebas sin correr"
        case let .testsNotRunBecause(file, errors, command):
            let fix = errors == 1 ? "1 error; corrígelo" : "\(grouped(errors)) errores; corrígelos"
            return "en \(file): este caso tiene \(fix) primero (\(command))."
        case let .testSummary(passed, failed, untested):
            let passedText = passed == 1 ? "1 pasó" : "\(grouped(passed)) pasaron"
            let failedText = failed == 1 ? "1 falló" : "\(grouped(failed)) fallaron"
            let cases = switch untested {
            case 0: ""
            case 1: "; 1 caso sin probar por sus errores"
            default: "; \(grouped(untested)) casos sin probar por sus errores"
            }
            return "\(passedText), \(failedText)\(cases)"
        case .noCases:
            return "No se encontraron casos ahí, así que no hay pruebas que correr."
        case .noTests:
            return "No hay pruebas que correr: escribe una sección 'tests:' en el caso (docs/authoring.md, Tests)."
        case let .coverageOf(scenario): return "Cobertura de \(scenario)"
        case .coverageTotal: return "Cobertura total"
        case let .coverageTotalCases(cases, unmeasured):
            let measured = cases == 1 ? "1 caso" : "\(grouped(cases)) casos"
            let left = switch unmeasured {
            case 0: ""
            case 1: "; 1 caso con errores sin medir"
            default: "; \(grouped(unmeasured)) casos con errores sin medir"
            }
            return "(\(measured)\(left))"
        case let .tally(covered, total, percent): return "\(covered) de \(total) (\(percent)%)"
        case .tallyNone: return "ninguna"
        case let .ratingTally(rating, covered, total): return "\(rating.rawValue) \(covered) de \(total)"
        case let .choicesMade(tally): return "elecciones hechas: \(tally)"
        case let .endingsReached(tally): return "finales alcanzados: \(tally)"
        case let .debriefShown(tally): return "reglas de la reflexión final mostradas: \(tally)"
        case .everythingExercised: return "Las pruebas recorren cada elección, cada final y cada regla de la reflexión final."
        case .choicesNoTestMakes: return "Elecciones que ninguna prueba hace:"
        case .endingsNoTestReaches: return "Finales a los que ninguna prueba llega:"
        case .debriefNoTestShows: return "Reglas de la reflexión final que ninguna prueba muestra:"
        case let .missedChoice(node, choice, rating, line, text):
            return "\(node).\(choice) (\(rating.rawValue), línea \(line)): \"\(text)\""
        case let .missedDebrief(ending, line, when, say):
            return "\(ending) (línea \(line)): cuando \(when): \"\(say)\""
        }
    }
}
