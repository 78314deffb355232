import AttuneCore

// Reading a content file, in Spanish: the fields, conditions, YAML slips and files that
// cannot be read.
extension Spanish {
    /// The block a field is in: "el nodo 'arrival'", "el archivo del tema".
    func owner(_ owner: FieldOwner) -> String {
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
    func shape(_ shape: NodeShape) -> String {
        switch shape {
        case .block: "es un bloque de líneas 'clave: valor'"
        case .list: "es una lista"
        case .alias: "es un alias"
        case .empty: "está vacío"
        case let .text(text): "es el texto '\(text)'"
        }
    }

    func field(_ message: FieldMessage) -> String {
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

    func condition(_ syntax: ConditionSyntax) -> String {
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
            let described = Unicode.Scalar(code).map { hidden(HiddenCharacter($0)) }
                ?? "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            return switch kind {
            case .control, .format: "\(described) no puede ir en una condición; bórralo"
            case .space: "\(described) no puede ir en una condición; usa un espacio común"
            }
        case let .character(character):
            return "el carácter '\(character)' no puede ir en una condición"
        }
    }

    func file(_ message: FileMessage) -> String {
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

    func reading(_ message: ReadingMessage) -> String {
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

    func syntax(_ slip: SyntaxMessage) -> String {
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
}
