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

    /// The block a field is in: "el nodo 'arrival'", "el archivo del tema".
    private func owner(_ owner: FieldOwner) -> String {
        switch owner {
        case .scenarioFile: "el archivo del caso"
        case .topicFile: "el archivo del tema"
        case .scenario: "el caso"
        case .facilitator: "'facilitator'"
        case .nodes: "'nodes'"
        case let .node(id): "el nodo '\(id)'"
        case let .choice(id, position, node): "la elección \(id.map { "'\($0)'" } ?? "\(position)") del nodo '\(node)'"
        case let .perspectives(choice): "'perspectives' en \(self.owner(choice))"
        case let .debriefItem(node): "un punto de la reflexión final ('debrief') en \(self.owner(node))"
        case let .test(name): name.map { "la prueba '\($0)'" } ?? "una prueba sin nombre"
        case let .expect(test): "'expect' en \(self.owner(test))"
        case let .entry(id): id.map { "la entrada '\($0)'" } ?? "una entrada"
        }
    }

    /// How a value looks, as the end of "pero ...": "es una lista", "está vacío".
    private func shape(_ shape: NodeShape) -> String {
        switch shape {
        case .block: "es un bloque de líneas 'clave: valor'"
        case .list: "es una lista"
        case .alias: "es un alias"
        case .empty: "está vacío"
        case let .text(text): "es el texto '\(text)'"
        }
    }

    private func field(_ message: FieldMessage) -> String {
        func guess(_ suggestion: String?) -> String { suggestion.map { " (¿quisiste decir '\($0)'?)" } ?? "" }
        switch message {
        case let .notABlock(what, found):
            return "\(owner(what)) debería ser un bloque de líneas 'clave: valor', pero \(shape(found))"
        case let .keyNotPlain(what, found):
            return "una clave en \(owner(what)) debe ser una palabra sencilla, pero \(shape(found))"
        case let .unknownKey(key, what, suggestion):
            return "la clave '\(key)' en \(owner(what)) no es del formato; se va a ignorar\(guess(suggestion))"
        case let .missingField(key, what):
            return "falta el campo obligatorio '\(key)' en \(owner(what))"
        case let .noValue(key, what):
            return "'\(key)' en \(owner(what)) no tiene valor"
        case let .notText(field, what, found):
            return "'\(field)' en \(owner(what)) debería ser texto, pero \(shape(found))"
        case let .nodeIDNotText(found):
            return "el id de un nodo en 'nodes' debería ser texto, pero \(shape(found))"
        case .commentCutsText:
            return "este '#' empieza un comentario de YAML, así que el resto de la línea queda fuera del texto; "
                + "si es parte del texto, pon todo el texto entre comillas"
        case let .notWholeNumber(field, what, found):
            return "'\(field)' en \(owner(what)) debería ser un número entero, pero \(shape(found))"
        case let .numberTooLarge(field, what, written, limit):
            let bound = limit.map { "; las variables se mantienen entre -\(grouped($0)) y \(grouped($0))" } ?? ""
            return "'\(field)' en \(owner(what)) vale \(written), un número demasiado grande\(bound)"
        case let .notAList(field, what, example, found):
            return "'\(field)' en \(owner(what)) debería ser una lista, como [\(example)], pero \(shape(found))"
        case let .notAListOfItems(field, what, found):
            return "'\(field)' en \(owner(what)) debería ser una lista de elementos, pero \(shape(found))"
        case let .notNamedTexts(field, what, found):
            return "'\(field)' en \(owner(what)) debería ser un bloque de líneas 'nombre: valor', pero \(shape(found))"
        case let .notCounters(field, what, found, fix):
            return "'\(field)' en \(owner(what)) debería ser un bloque de pares 'nombre: número', como { trust: 1 }, pero "
                + shape(found) + (fix.map { "; " + syntax($0) } ?? "")
        case let .conditionNotText(field, found):
            return "'\(field)' debería ser una condición escrita como texto, como 'trust >= 1', pero \(shape(found))"
        case let .condition(written, syntax):
            return "en la condición '\(written)': \(condition(syntax))"
        case let .duplicateScenarioID(id, file):
            return "el id de caso '\(id)' ya lo usa \(file); cada id debe ser único"
        case let .duplicateEntryID(id, earlier):
            return "el id de entrada '\(id)' ya se usa en \(earlier); cada id debe ser único"
        case let .duplicateChoiceID(id, node, line):
            return "el id de elección '\(id)' ya se usa en el nodo '\(node)', en la línea \(line); cada elección de un nodo "
                + "debe tener su propio id"
        case let .fileNameMismatch(kind, id, file):
            let which = kind == .topic ? "el id del tema" : "el id del caso"
            return "\(which), '\(id)', no coincide con el nombre del archivo, '\(file)'; deben ser iguales"
        case let .invalidID(kind, id):
            let allowed = kind == .entry ? "letras minúsculas, dígitos, guiones y puntos" : "letras minúsculas, dígitos y guiones"
            let which = switch kind {
            case .scenario: "el id de caso"
            case .node: "el id de nodo"
            case .choice: "el id de elección"
            case .topic: "el id de tema"
            case .entry: "el id de entrada"
            }
            return "\(which) '\(id)' solo puede usar \(allowed)"
        case .nodesEmpty:
            return "'nodes' está vacío; un caso necesita por lo menos un inicio y un final"
        case let .nodesNotABlock(found):
            return "'nodes' debería ser un bloque de ids de nodo, cada uno con su texto y sus elecciones, pero \(shape(found))"
        case let .badEndingKind(written):
            return "'ending' debe ser hopeful, mixed o concerning, no '\(written)'"
        case let .endingWithChoices(node):
            return "el nodo '\(node)' es un final, así que no puede tener elecciones; quita 'ending' o las elecciones"
        case let .emptyChoiceList(node):
            return "el nodo '\(node)' tiene una lista de elecciones vacía y no es un final, así que quien aprende no podría seguir"
        case let .noChoices(node):
            return "el nodo '\(node)' no tiene elecciones y no es un final, así que quien aprende no podría seguir; "
                + "agrega elecciones o 'ending: hopeful|mixed|concerning'"
        case let .unusedDebrief(node):
            return "el nodo '\(node)' no es un final, así que su reflexión final ('debrief') nunca se muestra"
        case let .badRating(written, suggestion):
            return "'rating' debe ser attuned, partial, missed o unsafe, no '\(written)'\(guess(suggestion))"
        case let .testBadRating(written):
            return "'\(written)' no es una calificación; usa attuned, partial, missed o unsafe"
        case let .missingFeedback(what):
            return "\(owner(what)) no tiene 'feedback'; cada elección necesita retroalimentación sobre por qué importa"
        case let .missingRefs(what):
            return "\(owner(what)) no tiene 'refs'; nombra por lo menos una entrada de conocimientos en la que se apoye "
                + "la retroalimentación"
        case let .entryNeedsSource(what):
            return "\(owner(what)) necesita por lo menos una fuente en 'sources'"
        }
    }

    private func condition(_ syntax: ConditionSyntax) -> String {
        func token(_ token: ConditionSyntax.Token) -> String {
            switch token {
            case let .written(text): "'\(text)'"
            case .end: "el final de la condición"
            }
        }
        switch syntax {
        case let .tooLong(length, limit):
            return "esta condición tiene \(grouped(length)) caracteres; una condición tiene como máximo \(grouped(limit)), "
                + "así que escribe una más corta (una variable puede representar una lista larga de elecciones)"
        case let .trailing(found):
            return "sobra \(token(found)) después de una condición completa; une las condiciones con 'and' u 'or'"
        case let .tooDeep(limit):
            return "aquí hay más de \(limit) niveles de paréntesis y 'not' uno dentro de otro; escribe la condición de forma más sencilla"
        case let .expected(what, found, unclosedAt):
            let expected = switch what {
            case .closingBracket: "un ')' de cierre"
            case .nodeInVisited: "el id de un nodo dentro de visited( )"
            case .closeAfterNode: "')' después del id del nodo"
            case .nodeInChose: "el id de un nodo dentro de chose( ), como chose(arrival.greet-baby)"
            case .dotInChose: "'.' entre el id del nodo y el id de la elección, como chose(arrival.greet-baby)"
            case .choiceAfterDot: "el id de una elección después del '.'"
            case .closeAfterChoice: "')' después del id de la elección"
            }
            let but = found.map { ", pero se encontró \(token($0))" } ?? ""
            let unclosed = unclosedAt.map { " (el '(' de la columna \($0) de la condición no se cierra)" } ?? ""
            return "se esperaba \(expected)\(but)\(unclosed)"
        case let .unknownFunction(word, suggestion):
            let meant = suggestion.map { " (¿quisiste decir '\($0)( )'?)" } ?? ""
            return "'\(word)( )' no es parte del lenguaje de condiciones\(meant); una condición puede usar "
                + "visited(nodo) y chose(nodo.elección)"
        case let .comparisonExpected(word):
            return "se esperaba una comparación después de '\(word)', como '\(word) >= 1'"
        case let .numberExpected(op):
            return "se esperaba un número entero después de '\(op)'"
        case let .conditionExpected(found):
            return "se esperaba una condición (una comparación, visited(...), chose(...), true, false, 'not' o '('), "
                + "pero se encontró \(token(found))"
        case let .numberTooLarge(limit):
            return "este número es demasiado grande; las variables se mantienen entre -\(grouped(limit)) y \(grouped(limit))"
        case let .reversedComparison(written, meant):
            return "'\(written)' no es una comparación; escribe '\(meant)' (el '=' va segundo)"
        case .singleEquals:
            return "un solo '=' no es una comparación; escribe '==' para comparar"
        case .commaInChose:
            return "chose( ) une el id del nodo y el id de la elección con un '.', como chose(arrival.greet-baby), no con una ','"
        case let .sign(sign, meaning):
            let word = switch meaning {
            case .and: "'and'"
            case .or: "'or'"
            case .not: "'not' (o '!=')"
            }
            return "'\(sign)' no es parte del lenguaje de condiciones; escribe \(word)"
        case let .invisible(code, kind):
            let hex = String(code, radix: 16, uppercase: true)
            let point = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            return switch kind {
            case .control: "un carácter de control invisible (\(point)) no puede ir en una condición; bórralo"
            case .space: "un espacio o salto de línea especial (\(point)) no puede ir en una condición; usa un espacio común"
            case .format: "un carácter de formato invisible (\(point)) no puede ir en una condición; bórralo"
            }
        case let .character(character):
            return "el carácter '\(character)' no puede ir en una condición"
        }
    }

    private func file(_ message: FileMessage) -> String {
        switch message {
        case .nameNotUTF8:
            return "el nombre de este archivo no es texto UTF-8 válido (los caracteres marcados), así que Attune no puede "
                + "abrirlo; cámbiale el nombre usando letras comunes"
        case .link:
            return "esto es un enlace (un acceso directo a un archivo que está en otro lugar); Attune no sigue enlaces en "
                + "el contenido, así que no se leyó nada de lo que apunta. Pon aquí el archivo mismo en vez de un enlace"
        case .folder:
            return "esto es una carpeta, no un archivo de contenido; cámbiale el nombre para que no termine en .yaml, "
                + "o sácala de la carpeta de contenido"
        case let .special(kind):
            let what = switch kind {
            case .fifo: "una tubería con nombre (FIFO)"
            case .characterDevice: "un dispositivo"
            case .blockDevice: "un disco"
            case .socket: "un socket"
            case .other: "un archivo especial"
            }
            return "esto es \(what), no un archivo de contenido; Attune solo lee archivos de texto comunes, así que sácalo "
                + "de la carpeta de contenido"
        case let .tooLarge(tenths, limit):
            let shown = tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
            return "el archivo pesa \(shown) MB; un archivo de contenido pesa como máximo \(limit) MB, así que "
                + "probablemente no es un caso ni un tema"
        case .disappeared: return "este archivo desapareció mientras se leía"
        case .permissionDenied: return "este archivo no se puede leer: permiso denegado (revisa sus permisos)"
        case .deviceOrSocket:
            return "esto es un dispositivo o un socket, no un archivo de contenido; sácalo de la carpeta de contenido"
        case let .cannotOpen(system): return "este archivo no se puede abrir (el sistema dice: \(system))"
        case let .cannotRead(system): return "este archivo no se puede leer (el sistema dice: \(system))"
        }
    }

    /// "un carácter de control invisible (U+001B)".
    private func hidden(_ character: HiddenCharacter) -> String {
        switch character.kind {
        case .control: "un carácter de control invisible (\(character.codePoint))"
        case .space: "un espacio o salto de línea especial (\(character.codePoint))"
        case .format: "un carácter de formato invisible (\(character.codePoint))"
        }
    }

    private func reading(_ message: ReadingMessage) -> String {
        func shown(_ shown: ReadingMessage.Shown) -> String {
            switch shown {
            case let .character(character): "'\(character)'"
            case let .hidden(character): hidden(character)
            case .unknown: "este carácter"
            }
        }
        switch message {
        case let .duplicateKeyAbove(key, line):
            return "'\(key)' ya está escrito en la línea \(grouped(line)) de este bloque; solo se lee el primero, así que "
                + "quita este o cámbiale el nombre"
        case let .duplicateKeys(keys):
            return "la clave \(keys.map { "'\($0)'" }.joined(separator: ", ")) aparece más de una vez en el mismo bloque; deja una"
        case .emptyFile: return "el archivo está vacío; necesita por lo menos sus campos principales"
        case .notYAMLText: return "el archivo no se pudo leer como texto YAML; guárdalo como texto simple en UTF-8"
        case .unreadable: return "el archivo no se pudo leer como YAML"
        case .tooComplicated: return "el archivo es demasiado grande o complicado para leerlo"
        case .notUTF8: return "el archivo no es texto UTF-8 válido; guárdalo como UTF-8"
        case .binary: return "el archivo contiene datos binarios (un byte cero); los archivos de contenido deben ser texto simple"
        case let .hiddenInFile(character, pasted):
            return "aquí hay \(hidden(character)) en el archivo; los archivos de contenido son solo texto simple, así que bórralo"
                + (pasted ? " (suele venir de copiar texto de otro programa)" : "")
        case let .hiddenInText(character, bidirectional):
            let why = bidirectional
                ? "invierte o reordena el texto que se muestra después, así que quien lee no vería lo que está escrito"
                : "llegaría a las exportaciones y a otros programas como un código de control, que puede borrar una pantalla, "
                    + "cambiar colores o escribir en el portapapeles"
            return "el texto tiene \(hidden(character)) aquí; \(why). Bórralo"
        case let .anchorsAndAliases(more):
            let others = switch more {
            case 0: ""
            case 1: " (y 1 más en este archivo)"
            default: " (y \(grouped(more)) más en este archivo)"
            }
            return "el contenido de Attune no usa anclas ni alias de YAML (& y *); escribe el texto completo\(others)"
        case let .bracketsTooDeep(limit):
            return "aquí hay más de \(limit) niveles de corchetes o llaves uno dentro de otro; el contenido nunca necesita tantos"
        case .tab: return "aquí hay un tabulador; YAML usa solo espacios para la sangría"
        case let .cannotStart(character): return "\(shown(character)) no puede empezar un valor aquí; pon el texto entre comillas"
        case let .anchorStart(character):
            return "\(shown(character)) no puede empezar un valor: en YAML, '&' y '*' ahí crean anclas y alias, que el contenido "
                + "no usa; pon el texto entre comillas"
        case .unexpectedColon: return "aquí sobran los dos puntos (':'); si el texto lleva dos puntos, pon todo el texto entre comillas"
        case .complexKey: return "'?' aquí empieza una clave compleja de YAML, que el contenido no usa; pon el texto entre comillas"
        case .keysNotLinedUp: return "esta línea no está alineada con las claves de arriba; revisa su sangría"
        case .listNotLinedUp: return "esta línea no está alineada con los elementos de la lista de arriba; revisa su sangría"
        case .listItemHere:
            return "aquí no puede empezar un elemento de lista '- '; revisa la sangría o pon el texto entre comillas"
        case .keyWithoutColonOrTooLong:
            return "una clave sin ':' después, o una clave de más de 1,024 caracteres; escribe un 'clave: valor' corto"
        case .keyWithoutColon: return "una clave sin ':' después; escribe 'clave: valor'"
        case .endsInsideValue: return "el archivo termina dentro de un valor sin terminar; puede faltar cerrar unas comillas o un corchete"
        case .valueMissing:
            return "aquí falta un valor, o empieza con un carácter que necesita comillas; pon el texto entre comillas"
        case .listNotClosedHere: return "aquí una lista entre [ ] no se cierra; agrega ']' o pon el texto entre comillas"
        case .blockNotClosedHere: return "aquí un bloque entre { } no se cierra; agrega '}' o pon el texto entre comillas"
        case .spaceNeeded: return "aquí hace falta un espacio o el final de la línea; si es texto, ponlo entre comillas"
        case .textAfterValue:
            return "sobra texto después del final de un valor (después de unas comillas de cierre, o después de '|' o '>'); "
                + "pon todo el texto entre comillas"
        case .zeroIndentation: return "un número después de '|' o '>' fija la sangría y no puede ser 0; quítalo"
        case .unknownEscape:
            return "una secuencia de escape desconocida dentro de comillas dobles; escribe \\\\ para una barra invertida, "
                + "o usa comillas simples"
        case .badCharacterCode:
            return "un escape \\u o \\x dentro de comillas dobles que no es un código de carácter válido; "
                + "escribe el carácter mismo, o usa comillas simples"
        case .documentIndicator: return "una línea que empieza con '---' o '...' dentro de un valor; pon el texto entre comillas"
        case .secondDocument:
            return "aquí empieza un segundo documento; un archivo de contenido tiene un solo documento, así que quita la "
                + "línea '---' o revisa la sangría"
        case .nestedTooDeep:
            return "aquí hay listas y bloques uno dentro de otro a más de 1,000 niveles; el contenido nunca necesita más "
                + "de unos pocos, así que probablemente este no es un archivo de contenido"
        case .typeTag: return "'!' aquí empieza una etiqueta de tipo de YAML, que el contenido no usa; pon el texto entre comillas"
        case .directive:
            return "una línea que empieza con '%' es una directiva de YAML, que el contenido no usa; quítala o pon el texto "
                + "entre comillas"
        case .cannotRead:
            return "esta línea no se puede leer como YAML; compara sus comillas, sus dos puntos y su sangría con las líneas de arriba"
        }
    }

    private func syntax(_ slip: SyntaxMessage) -> String {
        switch slip {
        case let .quoteNeverClosed(quote):
            "este texto entre comillas nunca se cierra; agrega la \(quote) de cierre donde termina el texto"
        case let .quoteRunsOn(quote, line):
            "este texto entre comillas no se cierra en su línea, así que sigue hasta la línea \(grouped(line)); "
                + "agrega la \(quote) de cierre donde termina el texto"
        case .tab:
            "aquí hay un tabulador; YAML usa solo espacios para la sangría, así que usa espacios"
        case .listNeverClosed:
            "esta lista entre [ ] nunca se cierra; agrega ']' donde termina la lista"
        case .blockNeverClosed:
            "este bloque entre { } nunca se cierra; agrega '}' donde termina el bloque"
        case .quotationMarkClosesEarly:
            "estas \" cierran el texto entre comillas, pero el texto sigue después; dentro de \"...\" escribe \\\" "
                + "para unas comillas, o pon todo el texto en su propia línea después de '>'"
        case let .apostropheClosesEarly(example):
            "este apóstrofo cierra antes de tiempo el texto entre comillas; dentro de '...' escribe '' para un apóstrofo"
                + (example.map { " (\($0))" } ?? "") + ", o pon el texto entre comillas dobles"
        case let .spaceAfterColon(written, fixed):
            "a '\(written)' le falta un espacio después de los dos puntos; escribe '\(fixed)'"
        case let .missingColon(key, fixed):
            "a '\(key)' le faltan los dos puntos (':') después; escribe '\(fixed)'"
        case let .indentedTooFar(key, above):
            "'\(key)' tiene más sangría que '\(above)', en la línea de arriba; alinéalo con las claves de arriba "
                + "(o, si esta línea es parte del texto, pon el texto entre comillas)"
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

    // MARK: Rules

    public func ruleSummary(_ rule: RuleID) -> String {
        switch rule {
        case .yamlSyntax:
            "El archivo no se puede leer como texto YAML: un error de sintaxis, no está en UTF-8, tiene datos binarios o "
                + "caracteres de control, pesa más de 4 MB, está anidado demasiado hondo, usa anclas o alias de YAML, o no es "
                + "un archivo común que se pueda leer."
        case .duplicateKey:
            "Una clave aparece dos veces en un mismo bloque (por ejemplo, dos nodos con el mismo id)."
        case .missingField:
            "Falta un campo obligatorio o no tiene valor."
        case .wrongType:
            "Un campo tiene un valor del tipo equivocado (texto donde va una lista o un número, ...)."
        case .unknownKey:
            "Una clave que el formato no conoce, muy probablemente un error de escritura; se ignora."
        case .invalidID:
            "Un id usa caracteres que no son letras minúsculas, dígitos y guiones (y puntos en las entradas)."
        case .invalidValue:
            "Una calificación o un tipo de final fuera de las palabras permitidas, o un número demasiado grande (las "
                + "variables se mantienen entre -1,000,000 y 1,000,000)."
        case .fileNameMismatch:
            "El nombre del archivo y el id del caso (o del tema) no coinciden."
        case .duplicateID:
            "Dos elecciones de un nodo, dos entradas o dos archivos de caso comparten un id."
        case .unknownRef:
            "Un id en 'refs', 'audience', 'competencies', 'knowledge' o 'see' que no está en la base de conocimientos."
        case .unknownNode:
            "'start', 'next', una condición o una prueba nombra un nodo que no existe."
        case .unknownChoice:
            "Una condición chose(nodo.elección) nombra una elección que el nodo no tiene."
        case .unknownVariable:
            "Una condición, un 'add', un 'set' o una prueba usa una variable que no está declarada en 'variables'."
        case .badCondition:
            "Una condición 'when' que no sigue la gramática de las condiciones, o que es demasiado larga (1,000 "
                + "caracteres) o tiene demasiados niveles (32)."
        case .missingFeedback:
            "Una elección sin retroalimentación sobre por qué importa."
        case .missingRefs:
            "Una elección que no nombra ninguna entrada de conocimientos para su retroalimentación."
        case .noChoices:
            "Un nodo que no es un final y no tiene elecciones: quien aprende no podría seguir."
        case .endingWithChoices:
            "Un final que también tiene elecciones."
        case .unusedDebrief:
            "Una reflexión final ('debrief') en un nodo que no es un final; nunca se muestra."
        case .badTest:
            "Una prueba elige un id de elección que el caso no tiene, o espera un final que no lo es."
        case .notContent:
            "Un archivo YAML que no es un tema de conocimientos ('topic:') ni un caso ('scenario:'), o uno entre los casos "
                + "que no es un caso (entre los temas, que no es un tema): un solo hallazgo, no uno por campo."
        case .commentInText:
            "Texto sin comillas seguido de ' #' y una palabra: YAML lee ahí un comentario y deja fuera el resto de la línea."
        case .hiddenCharacter:
            "El texto tiene un carácter de control escrito como escape de YAML (\"\\e[2J\", \"\\x9b\", \"\\0\", \"\\r\") o "
                + "un control bidireccional: llegaría tal cual a las exportaciones, o haría que el texto se lea distinto "
                + "de como está escrito."
        case .tooManyProblems:
            "Más de \(grouped(Diagnostic.perFileLimit)) hallazgos en un archivo: los demás se cuentan en una nota, "
                + "puesta en el primero que se deja fuera."
        case .unreachableNode:
            "Un nodo al que ningún camino desde 'start' puede llegar."
        case .unreachableEnding:
            "Un final al que ningún camino desde 'start' puede llegar."
        case .stuckState:
            "Un momento al que se puede llegar donde no se cumple la condición de ninguna elección: quien aprende no podría seguir."
        case .noWayOut:
            "Un círculo de elecciones desde el que no se puede llegar a ningún final."
        case .neverOffered:
            "Una elección cuya condición nunca se cumple en ningún camino posible."
        case .unmetAssumption:
            "Un texto cuyo 'assumes:' es falso en un camino que lo muestra: un momento, un final, un punto de la reflexión "
                + "final o la retroalimentación de una elección que habla de algo que quien aprende quizá no hizo. Se "
                + "señala con el camino más corto en que pasa."
        case .stateSpaceLimit:
            "Un caso con más estados distintos de los que lint explora (\(grouped(StateSpace.defaultLimit))): solo se "
                + "revisa a qué nodos se puede llegar según el mapa de nodos, no se buscan momentos sin salida ni "
                + "elecciones que nunca se ofrecen, y lo que suponen los textos solo se revisa en los caminos explorados."
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
