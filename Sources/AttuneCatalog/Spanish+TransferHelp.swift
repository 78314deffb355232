extension Spanish {
    func transferHelp(_ help: TransferText.Help) -> String {
        switch help {
        case .xapiAbstract:
            "Tu registro como declaraciones xAPI 1.0.3: en un archivo (una línea JSON por declaración) o enviado a un LRS "
                + "(\"Learning Record Store\", un almacén de registros de aprendizaje)."
        case .xapiDiscussion:
            """
            Una declaración por cada caso que empezaste, cada elección que hiciste (con su calificación y sus \
            competencias), cada reflexión que escribiste y cada caso que terminaste. Solo te identifica el nombre \
            de cuenta que indiques. El texto de tus reflexiones va solo con --include-reflections. Los ids de las \
            declaraciones salen de tu registro, así que enviar de nuevo nunca guarda una declaración dos veces; \
            las que ya se enviaron a ese LRS se omiten. Con --cohort NOMBRE, cada declaración nombra la cohorte \
            que te dio quien facilita (como actividad de agrupación, urn:attune:cohort:NOMBRE), para que su \
            'attune cohort report' la encuentre; las declaraciones enviadas con una cohorte son declaraciones \
            nuevas, así que si envías con --cohort después de haber enviado sin ella, se envían todas una vez más.

            La contraseña: define ATTUNE_LRS_PASSWORD, o no la indiques y Attune te la pedirá (no se ve nada \
            mientras escribes). --password también sirve, pero otras personas que usan esta computadora pueden \
            ver una línea de comandos (en la lista de programas en marcha), igual que una contraseña escrita en la \
            dirección. El usuario y la contraseña escritos en la dirección (https://nombre:contraseña@servidor/) \
            se usan solo si no se da --user ni --password; nunca se muestran ni se guardan, y la contraseña se \
            oculta en todos los mensajes, aunque la dirección esté mal escrita o el LRS la repita.

            Las declaraciones van solo a la dirección indicada: no se siguen redirecciones, y se rechaza http:// \
            sin cifrar salvo que el LRS esté en esta computadora (o agregues --insecure-http). Una declaración \
            cuenta como enviada solo cuando el LRS la confirma por su id.
            """
        case .xapiFile: "El archivo que se escribe (una línea JSON por declaración). Omítelo al enviar con --lrs."
        case .xapiAccount: "El nombre que te identifica en los registros (el que tú elijas)."
        case .xapiLRS: "La dirección xAPI del LRS; por ejemplo, https://lrs.example.org/xAPI/"
        case .xapiUser: "Tu usuario del LRS."
        case .xapiPassword: "La contraseña del LRS. Mejor: define ATTUNE_LRS_PASSWORD, o no la indiques y Attune te la pedirá."
        case .xapiInsecureHTTP:
            "Envía a una dirección http:// que no es esta computadora, sin cifrar: tu contraseña y tus registros cruzan la red como texto legible."
        case .xapiTimeout: "Deja de intentar enviar después de estos segundos en total (60 si no lo indicas)."
        case .xapiIncludeReflections: "Incluye el texto de tus reflexiones (no va si no lo pides)."
        case .xapiCohort:
            "Marca cada declaración con la cohorte que nombró quien facilita, para que su informe de la cohorte (attune cohort report) te incluya; sin esto, quedas fuera."
        case .xapiIncludeDrafts:
            "Incluye los casos que jugaste desde un borrador (una carpeta distinta de la de los casos que trae Attune), como actividades aparte (no van si no lo pides)."
        case .extractAbstract:
            "Escribe el archivo de traducción para llenar: cada texto con su inglés como comentario, encima de un 'text: \"\"' vacío."
        case .extractDiscussion:
            "Escribe NOMBRE.es.yaml junto a NOMBRE.yaml (con --lang es). Si ya existe, agrega --force para escribirlo de "
                + "nuevo: se conservan sus textos traducidos, y se marcan aquellos cuyo inglés cambió. Estado de salida 2 "
                + "si no se puede leer o escribir el archivo; 1 si tiene errores."
        case .extractFile: "Un archivo de caso o de un tema de la base de conocimientos."
        case .extractOutput: "Escribe aquí en lugar de junto al archivo en inglés."
        case .extractForce: "Escribe encima de un archivo de traducción que ya existe (se conservan sus textos traducidos)."
        case .statusAbstract:
            "Para cada archivo de casos y de temas: cuántos textos están traducidos, desactualizados (el inglés cambió desde entonces) y sin traducir."
        case .statusDiscussion:
            "Sin carpetas, las carpetas de conocimientos y de casos en uso. --lang es cuenta solo las traducciones al "
                + "español; sin esa opción, cada idioma que Attune habla además del inglés. Estado de salida 0; 2 si no se "
                + "puede abrir una carpeta."
        case .statusPaths: "Carpetas o archivos que revisar."
        case .cacheStatusAbstract: "Dice dónde se guarda el contenido compilado y cuánto ocupa."
        case .cacheClearAbstract: "Borra el contenido compilado; el próximo inicio vuelve a leer los archivos de contenido."
        case .value(let value):
            switch value {
            case .file: "archivo"
            case .account: "cuenta"
            case .lrs: "dirección"
            case .user: "usuario"
            case .password: "contraseña"
            case .seconds: "segundos"
            case .name: "nombre"
            case .paths: "rutas"
            case .folder: "carpeta"
            case .language: "idioma"
            }
        }
    }
}
