import AttuneCore

extension Spanish {
    public func author(_ text: AuthorText) -> String {
        switch text {
        case .command(let words): command(words)
        case .explore(let words): explore(words)
        case .graph(let word): graph(word)
        case .scaffold(let part): scaffold(part)
        case .hidden(let character): hidden(character)
        }
    }

    private func command(_ words: AuthorText.Command) -> String {
        switch words {
        case .fixErrorsFirst: "Primero corrige los errores de arriba; un caso con errores no se puede explorar ni dibujar."
        case .notAnID(let name):
            "'\(name)' no puede ser el id de un caso; usa letras minúsculas, dígitos y guiones, como ana-primera-visita."
        case let .bundledID(name, title):
            "'\(name)' ya es el id de un caso que viene con Attune (\(title)). Elige otro id, por ejemplo \(name)-borrador."
        case .cannotCreateFolder(let folder): "no se puede crear la carpeta \(folder): elige una carpeta donde puedas escribir."
        case .alreadyExists(let path): "\(path) ya existe; elige otro nombre."
        case .cannotWrite(let path): "no se puede escribir \(path): puede que la carpeta no exista o no se pueda escribir en ella."
        case .wrote(let path): "Se escribió \(path). Revísalo con:"
        case .lintExtra:
            "Cada hallazgo se ubica como archivo:línea:columna. Estado de salida: 0 sin hallazgos, 1 con hallazgos, "
                + "2 una ruta que no se puede abrir."
        case .testExtra:
            "Cada objetivo es un archivo, una carpeta o el id de un caso; sin ninguno, todos los casos. "
                + "Estado de salida 1 cuando una prueba falla o un caso tiene errores; la cobertura nunca lo cambia."
        case .lintPathsHelp: "Archivos o carpetas que revisar, o ids de casos."
        case .lintFormatHelp: "text, o json para editores e integración continua."
        case .lintRulesHelp: "Muestra las reglas y lo que encuentra cada una."
        case .testTargetsHelp: "Archivos, carpetas o ids de casos."
        case .testCoverageHelp:
            "Muestra también, por caso y en total, lo que ninguna prueba ejercita: elecciones, finales y reglas de la reflexión final."
        case .exploreTargetHelp: "Un archivo de caso o el id de un caso."
        case .exploreRandomHelp: "Juega además este número de partidas al azar (cada una debe terminar)."
        case .exploreSeedHelp: "La semilla de las partidas al azar."
        case .exploreMaxStatesHelp: "Deja de explorar después de este número de estados y usa el mapa de nodos."
        case .graphTargetHelp: "El id de un caso o un archivo de caso."
        case .graphFormatHelp: "dot o mermaid."
        case .newNameHelp: "El id del caso: letras minúsculas, dígitos y guiones."
        }
    }

    private func explore(_ words: AuthorText.Explore) -> String {
        func paths(_ digits: String?) -> String {
            guard let digits else { return "caminos sin límite (un ciclo se puede recorrer cualquier número de veces)" }
            return digits == "1" ? "1 camino distinto hasta un final" : "\(groupedDigits(digits)) caminos distintos hasta un final"
        }
        func way(_ path: [String]) -> String { path.isEmpty ? "al inicio" : path.joined(separator: ", ") }
        switch words {
        case let .reachableStates(states, count):
            return "\(Plural(one: "estado alcanzable", other: "estados alcanzables")(states)); \(paths(count))"
        case let .tooManyStates(states, count):
            return "más de \(Plural(one: "estado", other: "estados")(states)): se revisó solo el mapa de nodos (sin tomar en cuenta las condiciones); "
                + "como máximo \(paths(count))"
        case .heading(let heading):
            switch heading {
            case .endingsReached: return "Finales a los que se llega"
            case .stuckStates: return "Estados sin salida"
            case .loopsWithNoWayOut: return "Ciclos sin salida"
            case .choicesNeverOffered: return "Elecciones que nunca se ofrecen"
            case .whatTextsAssume: return "Lo que suponen los textos"
            case .randomPlaythroughs: return "Partidas al azar"
            }
        case .none(let heading):
            switch heading {
            case .endingsReached, .stuckStates, .loopsWithNoWayOut: return ": ninguno"
            case .choicesNeverOffered, .randomPlaythroughs: return ": ninguna"
            case .whatTextsAssume: return ": nada"
            }
        case let .endingReached(ending, kind, path):
            return "\(ending) (\(kind.map(self.ending) ?? "")): \(Plural(one: "elección", other: "elecciones")(path.count)): "
                + path.joined(separator: ", ")
        case .neverReached(let ending): return "\(ending): nunca se llega"
        case .reachableInGraph(let reachable): return reachable ? "se llega según el mapa de nodos" : "nunca se llega"
        case let .stuck(node, values, path): return node + (values.isEmpty ? "" : " con \(values)") + ": " + way(path)
        case let .assumptionsHold(count, onlyExplored):
            let explored = onlyExplored ? " explorados" : ""
            return count == 1
                ? ": 1 suposición, verdadera en todos los caminos\(explored)"
                : ": \(grouped(count)) suposiciones, cada una verdadera en todos los caminos\(explored)"
        case let .assumptionsFail(unmet, total):
            return ": \(grouped(unmet)) de \(grouped(total)) \(unmet == 1 ? "es falsa" : "son falsas") en algún camino"
        case .assumptionLine(let line): return "línea \(grouped(line))"
        case let .assumptionFalse(text, route, reason): return " '\(text)': \(way(route)); ahí \(self.reason(reason))"
        case let .randomSummary(runs, seed, ended):
            return " (\(grouped(runs)), semilla \(seed)): " + (ended == 1 ? "1 terminó" : "\(grouped(ended)) terminaron")
        case .didNotEnd: return "no terminó"
        case let .stoppedAt(node, stop, path):
            let why = switch stop {
            case .noChoiceOffered: "no se ofrece ninguna elección"
            case .stillGoing(let choices): "sigue después de \(grouped(choices)) elecciones"
            }
            return " en \(node) (\(why)): " + path.joined(separator: ", ")
        }
    }

    private func graph(_ word: GraphWord) -> String {
        switch word {
        case .legend: "Leyenda"
        case .choice(let rating):
            switch rating {
            case .attuned: "una elección en sintonía"
            case .partial: "una elección en parte en sintonía"
            case .missed: "una elección que no captó la señal"
            case .unsafe: "una elección con riesgo para la seguridad"
            }
        case .dashed: "línea discontinua: se ofrece solo cuando se cumple su condición [entre corchetes]"
        case .start(let doubleSides): doubleSides ? "caja de doble borde: donde empieza el caso" : "borde grueso: donde empieza el caso"
        case .filled(let kind): "relleno: un \(ending(kind))"
        case .ending(let kind): ending(kind)
        }
    }

    /// "final esperanzador", as the glossary says the kinds of ending.
    private func ending(_ kind: EndingKind) -> String {
        switch kind {
        case .hopeful: "final esperanzador"
        case .mixed: "final mixto"
        case .concerning: "final preocupante"
        }
    }

    private func scaffold(_ part: ScaffoldText) -> String {
        switch part {
        case .header:
            "Un caso nuevo. Reemplaza el texto, agrega momentos y mantén `attune lint` y\n"
                + "`attune test` sin hallazgos mientras escribes. La guía: docs/authoring.md (attune help format)."
        case .title: "Un caso nuevo"
        case .summary: "Una o dos oraciones que se muestran en la lista de casos."
        case .facilitatorNotes: "Contexto para quien facilita un grupo."
        case .discussion: "¿Qué notaron primero?"
        case .arrival: "Describe el lugar, la familia y el bebé, y lo que nota la persona profesional\nal llegar."
        case .reflect: "¿Qué podría estar diciéndote el bebé?"
        case .prompt: "¿Qué haces primero?"
        case .babyFirstChoice: "Saludas primero al bebé, a su altura, y esperas."
        case .babyFirstFeedback:
            "Di por qué esto importa para el bebé, la madre o el padre y la persona profesional,\n"
                + "con una voz reflexiva, y nombra la idea en la que se apoya."
        case .babyPerspective: "Lo que el bebé podría vivir."
        case .parentPerspective: "Lo que la madre o el padre podría pensar o sentir."
        case .practitionerPerspective: "Lo que la persona profesional podría notar en sí misma."
        case .paperworkChoice: "Empiezas con el papeleo."
        case .paperworkFeedback: "Di qué podría pasar por alto esta elección, sin juzgar, y qué podría\nayudar la próxima vez."
        case .hopefulText: "Lo que pasa cuando la persona profesional sigue la iniciativa del bebé."
        case .hopefulDebrief: "Saludaste primero al bebé."
        case .hopefulReflect: "¿Qué llevarás a tu próxima sesión de supervisión?"
        case .mixedText: "Lo que pasa cuando la visita empieza con los formularios."
        case .mixedDebrief: "Los formularios quedaron listos; el bebé esperó."
        case .babyFirstTest: "primero el bebé"
        case .paperworkTest: "primero el papeleo"
        case .debriefIncludes: "primero al bebé"
        }
    }

    /// "un carácter de control invisible (U+001B, escape)": nunca el carácter mismo.
    func hidden(_ character: HiddenCharacter) -> String {
        let named = "\(character.codePoint)" + (character.name.map { ", " + characterName($0) } ?? "")
        return switch character.kind {
        case .control: "un carácter de control invisible (\(named))"
        case .space: "un espacio o salto de línea especial (\(named))"
        case .format: "un carácter de formato invisible (\(named))"
        }
    }

    private func characterName(_ name: HiddenCharacter.Name) -> String {
        switch name {
        case .zeroByte: "un byte cero"
        case .bell: "campana"
        case .backspace: "retroceso"
        case .tab: "tabulación"
        case .lineFeed: "salto de línea"
        case .verticalTab: "tabulación vertical"
        case .formFeed: "salto de página"
        case .carriageReturn: "retorno de carro"
        case .escape: "escape"
        case .delete: "suprimir"
        case .nextLine: "línea siguiente"
        case .controlSequenceIntroducer: "inicio de secuencia de control"
        case .noBreakSpace: "espacio de no separación"
        case .lineSeparator: "separador de línea"
        case .paragraphSeparator: "separador de párrafo"
        case .zeroWidthSpace: "espacio de ancho cero"
        case .leftToRightEmbedding: "incrustación de izquierda a derecha"
        case .rightToLeftEmbedding: "incrustación de derecha a izquierda"
        case .popDirectionalFormatting: "fin de formato direccional"
        case .leftToRightOverride: "forzado de izquierda a derecha"
        case .rightToLeftOverride: "forzado de derecha a izquierda"
        case .leftToRightIsolate: "aislamiento de izquierda a derecha"
        case .rightToLeftIsolate: "aislamiento de derecha a izquierda"
        case .firstStrongIsolate: "aislamiento según el primer carácter fuerte"
        case .popDirectionalIsolate: "fin de aislamiento direccional"
        case .byteOrderMark: "marca de orden de bytes"
        }
    }
}
