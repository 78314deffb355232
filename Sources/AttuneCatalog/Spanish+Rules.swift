import AttuneCore

// What each lint rule catches, in Spanish, for `attune lint --rules`.
extension Spanish {
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
        case .translationFormat:
            "Un archivo de traducción (NOMBRE.es.yaml junto a NOMBRE.yaml) que no sigue el formato: un texto que no está "
                + "escrito como '{from: ..., text: ...}', un 'from:' que no son 8 caracteres de 0-9 y a-f, un 'language:' o "
                + "un 'translation:' que no coincide, o una clave del archivo en inglés ('next', 'rating', 'when', 'refs'): una "
                + "traducción solo tiene textos."
        case .translationSource:
            "Una traducción cuyo archivo en inglés no está a su lado (se cambió de nombre o se quitó), o tiene errores."
        case .translationUnknownID:
            "Una traducción nombra un nodo, una elección o una entrada que el archivo en inglés ya no tiene, o un texto "
                + "que el inglés no tiene en ese lugar; nunca se muestra."
        case .translationStale:
            "Un texto traducido cuyo inglés cambió después de traducirlo ('from:' ya no coincide): se muestra el inglés "
                + "hasta que alguien revise la traducción y actualice su 'from:'."
        case .translationUntranslated:
            "Textos aún sin traducir (faltan, o 'text: \"\"'): se muestran en inglés."
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
}

extension Spanish {
    /// Lo que lint dice de un archivo de traducción (docs/translating.md).
    func translation(_ message: TranslationMessage) -> String {
        func guess(_ suggestion: String?) -> String { suggestion.map { " (¿quisiste decir '\($0)'?)" } ?? "" }
        switch message {
        case let .stale(path, current):
            return "el inglés de '\(path)' cambió después de traducirlo, así que se muestra el inglés; revisa la "
                + "traducción con el inglés y luego pon 'from: \(current)'"
        case let .unknownID(kind, id, suggestion):
            return "el archivo en inglés no tiene \(identifierName(kind)) '\(id)', así que esta traducción nunca se muestra\(guess(suggestion))"
        case let .noEnglish(path):
            return "el archivo en inglés no tiene un texto en '\(path)', así que esta traducción nunca se muestra; quítala"
        case let .untranslated(path):
            return "'\(path)' aún no está traducido; se muestra el inglés"
        case let .untranslatedCount(count, total):
            return count == 1 ? "1 de \(Self.texts(total)) aún no está traducido; se muestra en inglés"
                : "\(grouped(count)) de \(Self.texts(total)) aún no están traducidos; se muestran en inglés"
        case let .sourceMissing(fileName):
            return "este archivo traduce '\(fileName)', que no está en esta carpeta; nombra cada traducción como su "
                + "archivo en inglés (NOMBRE.es.yaml junto a NOMBRE.yaml), o quítala"
        case let .sourceHasErrors(fileName):
            return "el archivo en inglés '\(fileName)' tiene errores, así que esta traducción no se revisa; corrígelos primero"
        case let .badHash(written):
            return "'from: \(written)' no es la huella del texto en inglés: son 8 caracteres de 0-9 y a-f, como los "
                + "escribe 'attune translate extract'"
        case let .missingHash(path):
            return "el texto en '\(path)' no tiene 'from:'; 'attune translate extract' escribe uno para cada texto"
        case let .wrongLanguage(written, fileName):
            return "'language: \(written)' no coincide con el nombre del archivo, que dice '\(fileName)'"
        case let .wrongID(written, expected):
            return "'translation: \(written)' no coincide con el archivo en inglés que tiene al lado, que es '\(expected)'"
        case let .notATextBlock(path, found):
            return "'\(path)' debe escribirse como '{from: ..., text: ...}', pero \(shape(found))"
        case let .notABlock(path, found):
            return path.isEmpty ? "un archivo de traducción debe ser un bloque de líneas 'clave: valor', pero \(shape(found))"
                : "'\(path)' debe ser un bloque de líneas 'clave: valor', pero \(shape(found))"
        case let .notAList(path, found):
            return "'\(path)' debe ser una lista de elementos '- {from: ..., text: ...}', en el orden del inglés, pero \(shape(found))"
        case let .notText(key, found):
            return "'\(key)' debe ser un solo texto, pero \(shape(found))"
        case let .unknownKey(key, path, suggestion):
            let place = path.isEmpty ? "al principio de una traducción" : "en '\(path)'"
            return "una traducción no tiene la clave '\(key)' \(place); se ignora\(guess(suggestion))"
        case let .notTranslatable(key):
            return "'\(key)' viene del archivo en inglés y nunca se traduce (una traducción solo tiene textos); quítalo"
        case let .missingKey(key):
            return key == "translation"
                ? "el archivo no tiene una línea 'translation:' que diga qué traduce (el id del caso, o el nombre del archivo del tema)"
                : "el archivo no tiene una línea '\(key):' (como '\(key): es')"
        }
    }

    /// "el id de nodo", for "no tiene ...".
    private func identifierName(_ kind: IdentifierKind) -> String {
        switch kind {
        case .scenario: "el caso"
        case .node: "el nodo"
        case .choice: "la elección"
        case .topic: "el tema"
        case .entry: "la entrada"
        }
    }

    private static let texts = Plural(one: "texto", other: "textos")
}
