import AttuneCore

/// `attune translate`: starting a translation file and seeing how far each one has got
/// (docs/translating.md).
///
/// Each case carries its values; `English` and `Spanish` put it in words (see
/// `MessageCatalog.translate(_:)`).
public enum TranslateText: Sendable, Hashable {
    /// What `extract` says.
    public enum Extract: Sendable, Hashable {
        /// The skeleton's first line (a YAML comment, without `# `): `file` is the English file's name.
        case header(language: Language, file: String)
        /// Above a stale text in the skeleton: `current` is the English text's hash now.
        case staleNote(current: String)
        /// Written: `texts` in all, `translated` kept, `stale` kept but to check.
        case wrote(path: String, texts: Int, translated: Int, stale: Int)
        /// The output exists and neither --force nor --output was given.
        case exists(path: String)
        /// The file named is itself a translation.
        case isTranslation(path: String, source: String)
        /// The English file has errors (listed above): no skeleton from a broken file.
        case sourceHasErrors(path: String)
        /// The target language is English (no --lang, and the locale is English).
        case needsLanguage
        case cannotWrite(path: String)
        /// The existing translation has errors (listed above); its texts that could be read are kept.
        case existingHasErrors(path: String)
    }

    /// What `status` says.
    public enum Status: Sendable, Hashable {
        /// One English file and its translation into `language`: counts and percent translated.
        case file(name: String, language: Language, translated: Int, stale: Int, untranslated: Int, percent: Int)
        /// An English file with no translation into `language` yet.
        case none(name: String, language: Language, texts: Int)
        /// A translation that could not be checked (its findings: `attune lint`).
        case unchecked(name: String)
        /// Every file together.
        case total(files: Int, translated: Int, stale: Int, untranslated: Int, percent: Int)
        /// No case or topic files where it looked.
        case nothing
        /// After the list when something is stale or untranslated.
        case hint
    }

    case extract(Extract)
    case status(Status)
    /// When a case with no translation into the learner's language is opened: it is shown in English.
    case caseNotTranslated
    /// Beside a case in the list (`cases`) that has no translation into the learner's language.
    case listedInEnglish
}
