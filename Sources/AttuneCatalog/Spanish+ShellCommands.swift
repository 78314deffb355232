import AttuneCore

/// The command table in Spanish. Command names, options and sub-words stay as typed
/// (`play`, `journal export`, `--coverage`); the placeholders a learner replaces are in
/// Spanish (`play CASO`, `search PALABRAS`).
extension Spanish {
    func command(_ id: ShellCommandID) -> CommandWords {
        switch id {
        case .help:
            CommandWords(usage: "help [COMANDO]", summary: "Muestra los comandos, o explica uno.",
                         details: "Sin comando, muestra todos los comandos. Con el nombre de un comando, explica cómo usarlo y da un ejemplo.",
                         example: "help search")
        case .quit:
            CommandWords(usage: "quit", summary: "Sal de Attune. Ctrl-D hace lo mismo.",
                         details: "Todo lo que hiciste ya está guardado; al salir no se pierde nada.")
        case .topics:
            CommandWords(usage: "topics", summary: "Muestra los temas de la base de conocimientos y cuántas entradas tiene cada uno.",
                         details: "Cada tema reúne entradas relacionadas, como los principios de la salud mental infantil o los modelos de programa.",
                         example: "topics")
        case .show:
            CommandWords(usage: "show ID", summary: "Abre una entrada de la base de conocimientos, o muestra las entradas de un tema.",
                         details: "Muestra el título de una entrada, su resumen, el texto completo, los datos, las fuentes y las entradas "
                            + "relacionadas. Con el id de un tema (mira 'topics'), muestra las entradas de ese tema. TAB completa los ids.",
                         example: "show tenet.4")
        case .search:
            CommandWords(usage: "search PALABRAS", summary: "Busca entradas por palabras, primero las que mejor coinciden.",
                         details: "Busca en títulos, resúmenes y textos, sin importar mayúsculas ni terminaciones: 'apego' también "
                            + "encuentra 'apegos'. Primero salen las entradas que tienen todas las palabras.",
                         example: "search cortisol")
        case .cases:
            CommandWords(usage: "cases", summary: "Muestra los casos y en qué punto vas en cada uno.",
                         details: "Muestra el nombre de cada caso, su título, su duración, para quién está escrito, y si aún no lo "
                            + "empiezas, si vas a medias o si ya lo terminaste.",
                         example: "cases")
        case .play:
            CommandWords(usage: "play CASO", summary: "Empieza un caso, o sigue uno donde lo dejaste.",
                         details: "Nombra el caso por su primera palabra o por cualquier palabra de su título: 'play maya' o "
                            + "'play jonah'. Primero vienen los avisos de contenido. Luego lee cada momento y escribe el número de "
                            + "tu respuesta. Un caso sin terminar sigue donde lo dejaste; 'restart' lo empieza de nuevo.",
                         example: "play maya")
        case .choices:
            CommandWords(usage: "choices", summary: "Muestra otra vez este momento y sus opciones.")
        case .choose:
            CommandWords(usage: "choose N", summary: "Elige la opción N (escribir solo el número hace lo mismo).",
                         details: "Después verás cómo le llegó tu elección al bebé y a la familia, desde el lado del bebé, del "
                            + "padre o la madre y el tuyo, y entradas para leer.",
                         example: "choose 2")
        case .back:
            CommandWords(usage: "back", summary: "Deshaz tu última elección y vuelve a ese momento.",
                         details: "Todo vuelve a como estaba antes de la elección, así puedes probar otra respuesta. "
                            + "Si llegaste a un final, ese final queda en tu registro.")
        case .why:
            CommandWords(usage: "why", summary: "Muestra otra vez la retroalimentación de tu última elección.")
        case .stop:
            CommandWords(usage: "stop", summary: "Sal del caso; tu lugar se guarda para la próxima vez.")
        case .restart:
            CommandWords(usage: "restart", summary: "Empieza el caso actual otra vez desde el principio (antes te pregunta).",
                         details: "El camino que hiciste antes queda en tu registro; el nuevo empieza desde cero.")
        case .reflect:
            CommandWords(usage: "reflect [TUS PALABRAS]", summary: "Escribe en tu diario, unido a este momento.",
                         details: "Todo lo que va después de 'reflect ' (o 'reflect:') se guarda tal como lo escribiste, con "
                            + "apóstrofos, tabulaciones y todo. Pega varias líneas después de 'reflect ' y se guardan juntas como "
                            + "una sola reflexión. Sin palabras, escribe todas las líneas que quieras; cada línea se guarda al "
                            + "momento. Una línea con solo un punto (.) o Ctrl-D guarda la entrada. Ctrl-C borra solo la línea "
                            + "que estás escribiendo; un segundo Ctrl-C seguido te pregunta si quieres descartar toda la "
                            + "reflexión. Tu diario se queda en esta computadora y nunca entra en el historial de comandos.",
                         example: "reflect No supe qué decir cuando ella se quedó callada.")
        case .journal:
            CommandWords(usage: "journal [CASO | search PALABRAS | delete N | export ARCHIVO]",
                         summary: "Lee tu diario o una parte, borra una entrada o guárdalo (Markdown, o JSON para un archivo .json).",
                         details: "'journal' muestra todas las entradas, numeradas, con tus palabras tal como las escribiste. "
                            + "'journal maya' muestra las entradas de un caso (nombrado como para 'play'). 'journal search "
                            + "PALABRAS' muestra las entradas que mencionan todas las palabras, en tu texto o en la pregunta, sin "
                            + "importar mayúsculas ni acentos. 'journal delete N' borra la entrada N después de mostrarla y "
                            + "preguntarte; desde entonces tampoco sale en las exportaciones. Las demás entradas conservan su "
                            + "número. 'journal export ARCHIVO' lo guarda: en Markdown, o en JSON para un archivo .json.",
                         example: "journal search biberón")
        case .draft:
            CommandWords(usage: "draft [continue|save|discard]",
                         summary: "Una reflexión sin terminar: léela, sigue escribiéndola, guárdala o descártala.",
                         details: "Una reflexión escrita en varias líneas se guarda línea por línea, así que cerrar la ventana "
                            + "no pierde nada. 'draft' muestra lo escrito; 'draft continue' sigue escribiéndola; 'draft save' la "
                            + "pone en tu diario tal como está; 'draft discard' la descarta.",
                         example: "draft continue")
        case .progress:
            CommandWords(usage: "progress [export ARCHIVO] [--include-drafts]",
                         summary: "Casos terminados, finales alcanzados, cómo le llegaron tus elecciones a la familia y tu perfil de competencias.",
                         details: "'progress export ARCHIVO' escribe tu registro: JSON si el ARCHIVO termina en .json, Markdown si "
                            + "no. Los casos que jugaste desde un borrador (una carpeta distinta de los casos que trae Attune) "
                            + "no se cuentan; agrega --include-drafts para contarlos.",
                         example: "progress export mi-progreso.md")
        case .cohort:
            CommandWords(usage: "cohort report [--lrs URL --user USUARIO --cohort NOMBRE | ARCHIVOS...] ARCHIVO",
                         summary: "La práctica de una cohorte entre talleres, para conversar en el siguiente taller.",
                         details: "'cohort report --lrs URL --user USUARIO --cohort NOMBRE cohorte.html' lee lo que enviaron "
                            + "quienes aprenden con 'export xapi --cohort NOMBRE', con la contraseña de ATTUNE_LRS_PASSWORD, "
                            + "definida antes de abrir Attune (una contraseña escrita aquí quedaría en el historial; 'attune "
                            + "cohort report' en la línea de comandos puede pedirla). 'cohort report maya.jsonl sam.jsonl "
                            + "cohorte.html' lee en su lugar los archivos que exportaron. Primero viene el plan de conversación: "
                            + "los momentos en que más personas no captaron la señal. La extensión elige el formato (.md, .json, "
                            + ".html); agrega --since FECHA, --until FECHA o --include-reflections. Es lo mismo que 'attune "
                            + "cohort report' en la línea de comandos.",
                         example: "cohort report semana1.jsonl semana2.jsonl cohorte.html")
        case .group:
            CommandWords(usage: "group on|off|sessions|resume N|export [N] ARCHIVO|serve",
                         summary: "Modo grupal, para quien dirige un grupo en una sala.",
                         details: "'group on' registra los votos de la sala con cada decisión y mantiene el juego en grupo aparte "
                            + "de tu propio progreso; las reflexiones se vuelven notas del grupo. Cada caso que juega la sala es "
                            + "una sesión grupal propia, que se guarda aunque cierres Attune: 'group sessions' las muestra, "
                            + "'group resume N' sigue una, y 'group export N ARCHIVO' escribe una en Markdown (la más reciente si "
                            + "no das N). Las notas para quien facilita solo aparecen cuando escribes 'notes'. 'group serve' deja "
                            + "que los teléfonos voten desde una página en esta red ('open', 'lock'); 'group serve off' lo "
                            + "detiene. Nunca se piden ni se guardan nombres de participantes.",
                         example: "group resume 2")
        case .votes:
            CommandWords(usage: "votes N N ... [of TOTAL]", summary: "Registra el conteo de la sala para las opciones que se ofrecen.",
                         details: "Un número por cada opción ofrecida, en orden, separados por espacios o comas. Agrega 'of 12' "
                            + "para comparar el total con el número de personas en la sala. Si lo escribes otra vez, reemplaza el "
                            + "conteo anterior. El conteo se dibuja en barras y se guarda con la opción que luego toma el grupo.",
                         example: "votes 7 4 1 of 12")
        case .reveal:
            CommandWords(usage: "reveal", summary: "Después de que la sala elige: cada opción con su calificación y por qué.",
                         details: "Las calificaciones se quedan ocultas hasta que el grupo elige. Entonces 'reveal' muestra cada "
                            + "opción que se ofreció, cómo le llegó a la familia, una línea de por qué, los votos y cuál tomó la sala.")
        case .discuss:
            CommandWords(usage: "discuss", summary: "Preguntas para conversar sobre este caso.")
        case .notes:
            CommandWords(usage: "notes", summary: "Las notas para quien facilita, de este caso y este momento.",
                         details: "Las notas para quien facilita pueden decir qué respuestas el caso considera más en sintonía, "
                            + "por eso solo se muestran cuando las pides. La pantalla puede estar a la vista de todos: piensa en "
                            + "pausar el proyector antes.")
        case .timer:
            CommandWords(usage: "timer MINUTOS|off", summary: "Una cuenta regresiva para conversar en grupos pequeños.",
                         details: "El tiempo que queda aparece después de cualquier cosa que escribas, y cuando se acaba, el "
                            + "siguiente aviso lo dice. Nunca interrumpe una línea que estás escribiendo.",
                         example: "timer 5")
        case .open:
            CommandWords(usage: "open [of TOTAL]", summary: "Abre la votación en los teléfonos para este momento.",
                         details: "Necesita 'group serve'. Los teléfonos muestran la pregunta y las opciones del momento (nunca "
                            + "calificaciones ni notas). Cada teléfono tiene un voto y puede cambiarlo hasta que escribas 'lock'. "
                            + "'open of 12' da el tamaño de la sala: te avisa si se conectan más teléfonos. 'open' otra vez "
                            + "conserva los votos que ya llegaron.",
                         example: "open of 12")
        case .lock:
            CommandWords(usage: "lock", summary: "Cierra la votación y registra el conteo de los teléfonos, como 'votes'.",
                         details: "Los números se dibujan en barras aquí y en la pantalla de la sala. Luego elige la respuesta en "
                            + "la que se pone de acuerdo la sala. Si ningún teléfono votó, escribe el conteo con 'votes'.")
        case .lint:
            CommandWords(usage: "lint [ID o RUTA]", summary: "Revisa casos y archivos de conocimientos; cada hallazgo con su ubicación.",
                         details: "Sin argumento, revisa las carpetas de conocimientos y de casos en uso. Con el id de un caso o una ruta, revisa eso.",
                         example: "lint maya-quiet-visit",
                         terminal: ("attune lint [ARCHIVO]", "revisa casos y conocimientos; cada hallazgo con su ubicación"))
        case .test:
            CommandWords(usage: "test [ID o RUTA]", summary: "Ejecuta los recorridos esperados de los casos (sus 'tests:').",
                         details: "Un caso con errores no se prueba, y lo dice. 'test --coverage' además muestra las elecciones, "
                            + "los finales y las reglas de la reflexión final que ninguna prueba recorre.",
                         example: "test --coverage maya-quiet-visit",
                         terminal: ("attune test [ARCHIVO]", "ejecuta los recorridos esperados de un caso"))
        case .reload:
            CommandWords(usage: "reload", summary: "Vuelve a leer el contenido del disco, sin perder tu lugar en un caso.",
                         details: "Si editas en otra ventana: guarda el archivo, escribe 'reload' y sigue desde el "
                            + "mismo momento, si aún existe.")
        case .goto:
            CommandWords(usage: "goto NODO", summary: "Herramienta de autoría: salta a un momento del caso actual.",
                         details: "Las variables y el historial se quedan como están. Desde aquí, el camino no se registra en tu progreso.",
                         example: "goto ending-warm")
        case .set:
            CommandWords(usage: "set VARIABLE N", summary: "Herramienta de autoría: cambia el valor de una variable del caso actual.",
                         example: "set trust 2")
        case .vars:
            CommandWords(usage: "vars", summary: "Herramienta de autoría: muestra las variables, las visitas y las elecciones hasta ahora.")
        case .new:
            CommandWords(usage: "attune new ID-DEL-CASO", summary: "Empieza un archivo de caso nuevo que pasa lint y test tal como está.",
                         details: "Escribe NOMBRE.yaml en la carpeta de --scenarios si la das, si no en la carpeta actual. Nunca "
                            + "sobrescribe un archivo.",
                         terminal: ("attune new ID-DEL-CASO", "empieza un archivo de caso que pasa lint y test tal como está"))
        case .explore:
            CommandWords(usage: "attune explore CASO",
                         summary: "Cada estado al que se puede llegar en un caso: los finales con un camino más corto, los estados sin salida, las opciones que nunca se ofrecen y cuántos caminos distintos hay.",
                         terminal: ("attune explore CASO", "cada final al que se llega, cada estado sin salida y cada opción sin usar"))
        case .graph:
            CommandWords(usage: "attune graph CASO", summary: "Imprime el grafo de un caso para Graphviz (dot -Tsvg) o Mermaid.",
                         terminal: ("attune graph CASO", "un mapa del caso para Graphviz o Mermaid, con su leyenda"))
        case .translate:
            CommandWords(usage: "attune translate extract ARCHIVO --lang es | status [CARPETAS]",
                         summary: "Traduce casos y conocimientos: empieza un archivo de traducción y mira cuánto le falta a cada uno.",
                         details: "'attune translate extract ARCHIVO --lang es' escribe la traducción de ARCHIVO a su lado (NOMBRE.es.yaml), "
                             + "con cada texto y su inglés como comentario; 'attune translate status' cuenta en cada archivo lo traducido, "
                             + "lo desactualizado y lo que falta por traducir. Consulta docs/translating.md.",
                         terminal: ("attune translate extract ARCHIVO --lang es", "empieza un archivo de traducción junto a un caso o tema"))
        case .export:
            CommandWords(usage: "attune export xapi ARCHIVO", summary: "Exporta tu registro de aprendizaje.")
        case .cache:
            CommandWords(usage: "attune cache [status|clear]",
                         summary: "Dónde se guarda el contenido compilado, y cómo borrarlo (se vuelve a crear al siguiente inicio).")
        }
    }

    private static let shellErrors = Plural(one: "error", other: "errores")
    private static let shellWarnings = Plural(one: "advertencia", other: "advertencias")

    func commandLine(_ text: CommandLineText) -> String {
        switch text {
        case .abstract: "Un compañero de aprendizaje para la práctica en salud mental infantil y de la primera infancia."
        case .discussion:
            """
            Sin comando, abre el shell: juega casos, escribe en tu diario, lee y busca en la base de \
            conocimientos. Adentro, escribe 'help'. Si le pasas comandos por una tubería, lee uno por línea.

            Cada comando del shell también funciona desde aquí, una vez: 'attune cases', 'attune show tenet.4', \
            'attune search cortisol', 'attune journal', 'attune journal export ARCHIVO', 'attune progress', \
            'attune progress export ARCHIVO', 'attune help'.

            Idioma: inglés o español, con --lang en o --lang es; sin esa opción, ATTUNE_LANG, si no \
            LC_ALL, LC_MESSAGES o LANG (es_US.UTF-8 habla español); si ninguna lo dice, inglés.
            """
        case .groupFlag: "Empieza en modo grupal, para quien dirige un grupo en una sala (mira 'help trainers' en el shell)."
        case .serveFlag: "Con --group: sirve la página de la sala para que los teléfonos voten (mira 'help group')."
        case .bindOption:
            "Con --serve: las direcciones donde escuchar, separadas por comas (si no: las direcciones de esta computadora en la red local)."
        case .portOption: "Con --serve: el puerto donde escuchar (si no: 8765)."
        case .serveNeedsGroup: "--serve va con --group: attune --group --serve"
        case .bindNeedsServe: "--bind va con --serve: attune --group --serve --bind 127.0.0.1"
        case .portNeedsServe: "--port va con --serve: attune --group --serve --port 8765"
        case let .unknownOption(option): "No existe la opción '\(option)'. Escribe 'attune --help' para ver las opciones."
        case .knowledgeOption: "Carpeta de los archivos de temas de conocimientos (si no: la carpeta Knowledge/ incluida)."
        case .scenariosOption: "Carpeta de los archivos de casos (si no: la carpeta Scenarios/ incluida)."
        case .dataDirOption:
            "Carpeta de tu progreso, tu diario y tu historial (si no: $ATTUNE_HOME, o $XDG_DATA_HOME/attune, o ~/.local/share/attune)."
        case .colorOption: "Cuándo usar color: auto, always o never. NO_COLOR apaga 'auto'."
        case .noCacheOption:
            "Lee de nuevo cada archivo de contenido, sin la copia compilada que se guarda en $XDG_CACHE_HOME/attune (si no: ~/.cache/attune)."
        case .langOption:
            "Idioma: en o es (si no: $ATTUNE_LANG, o $LC_ALL, $LC_MESSAGES o $LANG; si ninguna lo dice, inglés)."
        case .accessibleOption:
            "Modo accesible para lectores de pantalla y pantallas braille: sin color ni barras, y avisos que dicen qué "
                + "esperan (también ACCESSIBLE=1, o TERM=dumb)."
        case let .unknownLanguage(tag): "Attune habla inglés (--lang en) y español (--lang es), no '\(tag)'."
        case .errorLabel: "error:"
        case .warningLabel: "advertencia:"
        case .noteLabel: "nota:"
        case let .nothingSaved(reason): "\(reason) Puedes leer y jugar, pero esta vez no se guardará nada."
        case let .worksInsideShell(command, reason):
            "'\(command)' funciona dentro del shell: \(shellOnly(reason)). Escribe 'attune' para abrirlo."
        case .playExtra: "Abre un caso en el shell; con --choose, imprime en su lugar un recorrido con las elecciones dadas (no se registra nada)."
        case .playCaseArgument: "El caso: su nombre o una palabra de su título, por ejemplo maya."
        case .playChooseOption: "Las elecciones del recorrido, por número o por id de la opción, separadas por comas."
        case let .stepNotTaken(step, count, choice):
            "No se pudo dar el paso \(step) de \(count) ('\(choice)'); los pasos anteriores sí se jugaron."
        case let .example(example): "Ejemplo: attune \(example)"
        case .wordsArgument: "Lo que recibe el comando, como en el shell: mira el uso de arriba."
        case let .cannotOpenFolder(knowledge, path, reason):
            "no se puede abrir la carpeta de \(knowledge ? "conocimientos" : "casos") \(path): \(reason). "
                + "Indícala con --\(knowledge ? "knowledge" : "scenarios") CARPETA."
        case let .contentProblems(errors, warnings):
            "Problemas en el contenido: \(counts(errors: errors, warnings: warnings)). Se dejaron fuera las entradas que no se "
                + "pudieron leer y los casos con errores; todo lo demás está disponible."
        }
    }

    /// "2 errores y 1 advertencia".
    private func counts(errors: Int, warnings: Int) -> String {
        switch (errors, warnings) {
        case (0, 0): "ningún problema"
        case (_, 0): Self.shellErrors(errors)
        case (0, _): Self.shellWarnings(warnings)
        default: "\(Self.shellErrors(errors)) y \(Self.shellWarnings(warnings))"
        }
    }
}
