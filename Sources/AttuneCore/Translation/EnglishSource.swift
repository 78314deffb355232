/// The English file a translation translates, read for its texts: a case or a knowledge
/// topic file.
public enum EnglishSource: Sendable {
    case scenario(Scenario)
    /// A topic file's topic and entries; `id` is the file's name without `.yaml`.
    case topic(TopicTexts, id: String)

    public var kind: TranslationFile.Kind {
        switch self {
        case .scenario: .scenario
        case .topic: .knowledge
        }
    }

    /// What `translation:` names: the case's id, or the topic file's name without `.yaml`.
    public var id: String {
        switch self {
        case let .scenario(scenario): scenario.id
        case let .topic(_, id): id
        }
    }

    /// How each text stands in `translation` (or, with none, every text untranslated).
    public func check(_ translation: TranslationFile?) -> TranslationCheck {
        switch self {
        case let .scenario(scenario):
            translation.map { TranslationCheck.apply($0, to: scenario).check } ?? TranslationCheck.untranslated(scenario)
        case let .topic(topic, _):
            translation.map { TranslationCheck.apply($0, to: topic).check } ?? TranslationCheck.untranslated(topic)
        }
    }

    /// The translation file to fill in (see `TranslationSkeleton`).
    public func skeleton(language: String, existing: TranslationFile?, comments: TranslationSkeleton.Comments) -> String {
        TranslationSkeleton.render(id: id, language: language, check: check(existing), comments: comments)
    }

    /// Why an English file cannot be translated: its errors.
    public struct Problems: Error, Sendable {
        public var findings: [Diagnostic]
    }

    /// Whether the file is a case (its texts are read against the knowledge base's ids).
    public static func isCase(_ source: SourceText) -> Bool { Linter.kind(of: source) == .scenario }

    /// The English file's texts, or its findings when it cannot be read without errors
    /// (a translation of a broken file would miss what the fix adds). A file that is
    /// neither a case nor a topic gives a `not-content` finding.
    public static func read(_ source: SourceText, knowledge: KnowledgeBase) -> Result<EnglishSource, Problems> {
        switch Linter.kind(of: source) {
        case .scenario:
            let parsed = ScenarioLoader.parse(source, knowledge: knowledge)
            guard let scenario = parsed.scenario, !parsed.diagnostics.hasErrors else { return .failure(Problems(findings: parsed.diagnostics.errorsOnly)) }
            return .success(.scenario(scenario))
        case .knowledge:
            let parsed = KnowledgeLoader.parseFile(source)
            guard let topic = parsed.topic, !parsed.diagnostics.hasErrors else { return .failure(Problems(findings: parsed.diagnostics.errorsOnly)) }
            return .success(.topic(TopicTexts(topic: topic, entries: parsed.entries), id: fileStem(source.path)))
        case .unknown:
            let composed = YAMLComposer.compose(source)
            if composed.node == nil { return .failure(Problems(findings: composed.diagnostics)) }
            return .failure(Problems(findings: [source.diagnostic(line: 1, column: 1, .fileKind(.neither), rule: .notContent)]))
        }
    }
}

extension Array where Element == Diagnostic {
    fileprivate var errorsOnly: [Diagnostic] { filter { $0.severity == .error } }
}
