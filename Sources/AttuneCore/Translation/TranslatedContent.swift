/// How much of a case or topic a language's translation covers.
public enum TranslationCoverage: Sendable, Hashable, Codable {
    /// No translation file: everything is shown in English.
    case none
    /// Some texts are shown in English (untranslated, or stale since the English changed).
    case partial(translated: Int, total: Int)
    case complete
}

/// A library's translation: its language and each case's and topic's coverage.
public struct LibraryTranslation: Sendable {
    public var language: String
    /// By case id.
    public var cases: [String: TranslationCoverage] = [:]
    /// By topic id.
    public var topics: [String: TranslationCoverage] = [:]

    public init(language: String) {
        self.language = language
    }
}

/// The content shown in another language: each case and topic through its translation file
/// beside it (`NAME.es.yaml`), text by text. A text whose translation is current is shown
/// translated; a stale or missing one in English, so a fix made to the English is never
/// hidden by an older translation. Ids, conditions, ratings and everything else that makes
/// a case what it is come from the English file alone.
public enum TranslatedContent {
    /// Whether `language` asks for translations at all (English is the source language).
    public static func isTranslation(_ language: String?) -> Bool {
        guard let language else { return false }
        return !language.isEmpty && language != "en"
    }

    /// The English content with `translations` applied. A translation is found by its path:
    /// beside its case's or topic's file, named for `language`.
    public static func apply(language: String, knowledge: KnowledgeBase, scenarios: [Scenario],
                             translations: [TranslationFile]) -> (knowledge: KnowledgeBase, scenarios: [Scenario], translation: LibraryTranslation) {
        let byPath = Dictionary(translations.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        var result = LibraryTranslation(language: language)
        func coverage(_ check: TranslationCheck) -> TranslationCoverage {
            let translated = check.count(.translated)
            return translated == check.total ? .complete : .partial(translated: translated, total: check.total)
        }
        let translatedScenarios = scenarios.map { scenario -> Scenario in
            guard let file = byPath[TranslationName.path(of: scenario.file, language: language)], file.kind == .scenario else {
                result.cases[scenario.id] = TranslationCoverage.none
                return scenario
            }
            let applied = TranslationCheck.apply(file, to: scenario)
            result.cases[scenario.id] = coverage(applied.check)
            return applied.scenario
        }
        var entries = Dictionary(knowledge.ids.compactMap { knowledge[$0] }.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var topics: [KnowledgeTopic] = []
        for topic in knowledge.topics {
            guard let file = byPath[TranslationName.path(of: topic.file, language: language)], file.kind == .knowledge else {
                result.topics[topic.id] = TranslationCoverage.none
                topics.append(topic)
                continue
            }
            let texts = TopicTexts(topic: topic, entries: topic.entryIDs.compactMap { entries[$0] })
            let applied = TranslationCheck.apply(file, to: texts)
            result.topics[topic.id] = coverage(applied.check)
            topics.append(applied.topic.topic)
            for entry in applied.topic.entries { entries[entry.id] = entry }
        }
        let base = KnowledgeBase(topics: topics, entries: knowledge.ids.compactMap { entries[$0] })
        return (base, translatedScenarios, result)
    }
}

/// Reading a language's translation files from content folders (the I/O edge).
public enum TranslationFiles {
    /// The translations into `language` among a listing's (a folder's), or beside a file
    /// named on its own, read as `kind`. One that cannot be read is left out: its case or
    /// topic is shown in English (lint says why).
    public static func read(_ listing: ContentListing, language: String, kind: TranslationFile.Kind) -> [TranslationFile] {
        paths(listing, language: language).compactMap { path in
            guard case let .success(source) = ContentFiles.read(path) else { return nil }
            return TranslationParser.parse(source, kind: kind).file
        }
    }

    /// The translation files into `language` a listing holds: those found in its folders,
    /// and those beside the files it names.
    public static func paths(_ listing: ContentListing, language: String) -> [String] {
        let found = listing.translations.filter { TranslationName(fileName: TranslationName.fileName($0))?.language == language }
        let beside = listing.files.map { TranslationName.path(of: $0, language: language) }
            .filter { !found.contains($0) && ContentFiles.entryExists($0) }
        return found + beside
    }
}
