import AttuneCore

extension Spanish {
    public func translate(_ text: TranslateText) -> String {
        switch text {
        case let .extract(extract): self.extract(extract)
        case let .status(status): self.status(status)
        case .caseNotTranslated: "Este caso aún no está traducido; se muestra en inglés."
        case .listedInEnglish: "en inglés"
        }
    }

    private static let texts = Plural(one: "texto", other: "textos")
    private static let translated = Plural(one: "traducido", other: "traducidos")
    private static let stale = Plural(one: "desactualizado", other: "desactualizados")

    private func languageName(_ language: Language) -> String {
        switch language {
        case .english: "inglés"
        case .spanish: "español"
        }
    }

    private func extract(_ text: TranslateText.Extract) -> String {
        switch text {
        case let .header(language, file):
            return "Traducción al \(languageName(language)) de \(file): escribe cada texto entre las comillas de su "
                + "'text: \"\"', debajo de su inglés (consulta docs/translating.md)."
        case let .staleNote(current):
            return "El inglés de abajo cambió después de traducirlo: revisa el texto y luego pon 'from: \(current)'"
        case let .wrote(path, texts, translated, stale):
            var done: [String] = []
            if translated > 0 { done.append(Self.translated(translated)) }
            if stale > 0 { done.append("\(grouped(stale)) por revisar porque el inglés cambió") }
            let kept = done.isEmpty ? "" : " (" + done.joined(separator: ", ") + ")"
            return "Se escribió \(path): \(Self.texts(texts))\(kept). Escribe cada traducción entre las comillas de su "
                + "'text: \"\"' y luego revisa el archivo con:"
        case let .exists(path):
            return "\(path) ya existe. Agrega --force para escribirlo de nuevo (se conservan sus textos traducidos), "
                + "o --output ARCHIVO para escribir en otro lugar."
        case let .isTranslation(path, source):
            return "\(path) ya es una traducción; nombra su archivo en inglés, \(source)."
        case let .sourceHasErrors(path):
            return "\(path) tiene los errores de arriba; corrígelos primero, para que la traducción parta del inglés tal como quedará."
        case .needsLanguage:
            return "Di a qué idioma traducir con --lang, así: attune translate extract ARCHIVO --lang es"
        case let .cannotWrite(path):
            return "no se puede escribir \(path): puede que la carpeta no exista o no se pueda escribir en ella."
        case let .existingHasErrors(path):
            return "\(path) tiene los problemas de arriba; se conservan los textos que se pudieron leer."
        }
    }

    private func status(_ text: TranslateText.Status) -> String {
        switch text {
        case let .file(name, language, translated, stale, untranslated, percent):
            return "\(name) (\(languageName(language))): \(Self.translated(translated)), \(Self.stale(stale)), "
                + "\(grouped(untranslated)) sin traducir, \(percent)% hecho"
        case let .none(name, language, texts):
            return "\(name) (\(languageName(language))): aún sin traducción, \(Self.texts(texts)) por traducir"
        case let .unchecked(name):
            return "\(name): tiene errores y no se puede contar; 'attune lint' los muestra"
        case let .total(files, translated, stale, untranslated, percent):
            return "En total, \(files == 1 ? "1 archivo" : "\(grouped(files)) archivos"): \(Self.translated(translated)), "
                + "\(Self.stale(stale)), \(grouped(untranslated)) sin traducir, \(percent)% hecho"
        case .nothing:
            return "Aquí no hay casos ni temas de conocimientos que traducir."
        case .hint:
            return "Los textos desactualizados y sin traducir se muestran en inglés. 'attune lint' muestra dónde está cada "
                + "uno; 'attune translate extract ARCHIVO --lang es' empieza o actualiza una traducción."
        }
    }
}
