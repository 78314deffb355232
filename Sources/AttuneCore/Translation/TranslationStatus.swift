/// `attune translate status`: for each English file and language, how many of its texts
/// are translated, stale and untranslated.
public struct TranslationStatus: Sendable {
    public struct Counts: Sendable, Hashable {
        public var translated = 0
        public var stale = 0
        public var untranslated = 0

        public init(translated: Int = 0, stale: Int = 0, untranslated: Int = 0) {
            self.translated = translated
            self.stale = stale
            self.untranslated = untranslated
        }

        public var total: Int { translated + stale + untranslated }
        /// Rounded down, so 100% means every text.
        public var percent: Int { total == 0 ? 100 : translated * 100 / total }

        init(_ check: TranslationCheck) {
            self.init(translated: check.count(.translated), stale: check.count(.stale), untranslated: check.count(.untranslated))
        }
    }

    public enum State: Sendable, Hashable {
        /// `present`: a translation file exists.
        case counted(Counts, present: Bool)
        /// The English file or the translation has errors, or the English file is missing.
        case unchecked
    }

    public struct File: Sendable, Hashable {
        /// The translation's file name (`maya-quiet-visit.es.yaml`), or the English file's
        /// when there is no translation yet.
        public var name: String
        public var language: String
        public var counts: State
    }

    public var files: [File] = []

    public var total: Counts {
        files.reduce(into: Counts()) { sum, file in
            guard case let .counted(counts, _) = file.counts else { return }
            sum.translated += counts.translated
            sum.stale += counts.stale
            sum.untranslated += counts.untranslated
        }
    }

    /// Reads the English files and translations listed (the I/O edge: files are read here).
    public static func measure(listing: ContentListing, languages: [String], knowledge: KnowledgeBase) -> TranslationStatus {
        var status = TranslationStatus()
        let translations = Set(listing.translations + listing.files.filter(TranslationName.isTranslation))
        var matched = Set<String>()
        for path in listing.files where !TranslationName.isTranslation(path) {
            guard case let .success(source) = ContentFiles.read(path) else { continue }
            let english = EnglishSource.read(source, knowledge: knowledge)
            for language in languages {
                let translationPath = TranslationName.path(of: path, language: language)
                let present = translations.contains(translationPath)
                if present { matched.insert(translationPath) }
                let name = TranslationName.fileName(present ? translationPath : path)
                guard case let .success(read) = english else {
                    status.files.append(File(name: name, language: language, counts: .unchecked))
                    continue
                }
                var file: TranslationFile?
                if present {
                    guard case let .success(text) = ContentFiles.read(translationPath),
                          let parsed = TranslationParser.parse(text, kind: read.kind).file else {
                        status.files.append(File(name: name, language: language, counts: .unchecked))
                        continue
                    }
                    file = parsed
                }
                status.files.append(File(name: name, language: language, counts: .counted(Counts(read.check(file)), present: present)))
            }
        }
        for path in translations.sorted() where !matched.contains(path) {
            guard let name = TranslationName(fileName: TranslationName.fileName(path)), languages.contains(name.language) else { continue }
            status.files.append(File(name: TranslationName.fileName(path), language: name.language, counts: .unchecked))
        }
        return status
    }
}
