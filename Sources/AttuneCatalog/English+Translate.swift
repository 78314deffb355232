import AttuneCore

extension English {
    public func translate(_ text: TranslateText) -> String {
        switch text {
        case let .extract(extract): self.extract(extract)
        case let .status(status): self.status(status)
        case .caseNotTranslated: "This case is not translated yet; it is shown in English."
        case .listedInEnglish: "in English"
        }
    }

    private static let texts = Plural(one: "text", other: "texts")

    private func languageName(_ language: Language) -> String {
        switch language {
        case .english: "English"
        case .spanish: "Spanish"
        }
    }

    private func extract(_ text: TranslateText.Extract) -> String {
        switch text {
        case let .header(language, file):
            return "\(languageName(language)) translation of \(file): write each text between the quotes of its "
                + "'text: \"\"', under its English (see docs/translating.md)."
        case let .staleNote(current):
            return "The English below has changed since this was translated: check the text, then set 'from: \(current)'"
        case let .wrote(path, texts, translated, stale):
            var done: [String] = []
            if translated > 0 { done.append("\(grouped(translated)) translated") }
            if stale > 0 { done.append("\(grouped(stale)) to check because the English changed") }
            let kept = done.isEmpty ? "" : " (" + done.joined(separator: ", ") + ")"
            return "Wrote \(path): \(Self.texts(texts))\(kept). Write each translation between the quotes of its "
                + "'text: \"\"', then check the file with:"
        case let .exists(path):
            return "\(path) already exists. Add --force to write it again (its translated texts are kept), "
                + "or --output FILE to write somewhere else."
        case let .isTranslation(path, source):
            return "\(path) is a translation itself; name its English file, \(source)."
        case let .sourceHasErrors(path):
            return "\(path) has the errors above; fix them first, so the translation starts from the English as it will be."
        case .needsLanguage:
            return "Say which language to translate into with --lang, like: attune translate extract FILE --lang es"
        case let .cannotWrite(path):
            return "cannot write \(path): the folder may not exist or be writable."
        case let .existingHasErrors(path):
            return "\(path) has the problems above; the texts that could be read are kept."
        }
    }

    private func status(_ text: TranslateText.Status) -> String {
        switch text {
        case let .file(name, language, translated, stale, untranslated, percent):
            return "\(name) (\(languageName(language))): \(grouped(translated)) translated, \(grouped(stale)) stale, "
                + "\(grouped(untranslated)) untranslated, \(percent)% done"
        case let .none(name, language, texts):
            return "\(name) (\(languageName(language))): no translation yet, \(Self.texts(texts)) to translate"
        case let .unchecked(name):
            return "\(name): has errors and cannot be counted; 'attune lint' lists them"
        case let .total(files, translated, stale, untranslated, percent):
            return "In all, \(files == 1 ? "1 file" : "\(grouped(files)) files"): \(grouped(translated)) translated, "
                + "\(grouped(stale)) stale, \(grouped(untranslated)) untranslated, \(percent)% done"
        case .nothing:
            return "No cases or knowledge topics here to translate."
        case .hint:
            return "Stale and untranslated texts are shown in English. 'attune lint' shows where each one is; "
                + "'attune translate extract FILE --lang es' starts or updates a translation."
        }
    }
}
