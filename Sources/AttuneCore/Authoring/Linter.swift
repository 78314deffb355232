/// What `lint` found, and over how many files.
public struct LintReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var filesChecked: Int

    public var errors: Int { diagnostics.count(of: .error) }
    public var warnings: Int { diagnostics.count(of: .warning) }
}

/// Checks knowledge and scenario files: everything the loaders report, then what can
/// happen in play for each scenario that loaded without errors.
public struct Linter: Sendable {
    /// The knowledge base scenarios are checked against when the files linted include no
    /// knowledge topics.
    public var fallbackKnowledge: KnowledgeBase
    public var stateLimit: Int

    public init(fallbackKnowledge: KnowledgeBase, stateLimit: Int = StateSpace.defaultLimit) {
        self.fallbackKnowledge = fallbackKnowledge
        self.stateLimit = stateLimit
    }

    /// Lints files on disk. A path that cannot be opened is an error, not a finding.
    public func lint(paths: [String]) throws(ContentAccessError) -> LintReport {
        var listing = try ContentFiles.list(paths)
        // A folder's translations are checked with it (see Translation/).
        listing.files += listing.translations
        let read = ContentFiles.readAll(listing)
        var report = lint(sources: read.sources, englishOnDisk: { path in
            ContentFiles.entryExists(path) ? try? ContentFiles.read(path).get() : nil
        })
        report.diagnostics = (read.diagnostics + report.diagnostics).limitedPerFile()
        report.filesChecked = listing.count
        return report
    }

    /// Lints file contents: knowledge topics first (their entries are what the scenarios
    /// among the same files are checked against), then scenarios.
    /// A translation (`NAME.es.yaml`) is checked against its English file among `sources`,
    /// else the one `englishOnDisk` reads beside it.
    public func lint(sources: [SourceText], englishOnDisk: (String) -> SourceText? = { _ in nil }) -> LintReport {
        var knowledgeSources: [SourceText] = [], scenarioSources: [SourceText] = []
        var translations: [SourceText] = []
        var diagnostics: [Diagnostic] = []
        for source in sources {
            if TranslationName.isTranslation(source.path) {
                translations.append(source)
                continue
            }
            switch Self.kind(of: source) {
            case .knowledge: knowledgeSources.append(source)
            case .scenario: scenarioSources.append(source)
            case .unknown:
                // A syntax error is more useful than "not content" when the file does not parse.
                let composed = YAMLComposer.compose(source)
                if composed.node == nil {
                    diagnostics += composed.diagnostics
                } else {
                    diagnostics.append(source.diagnostic(line: 1, column: 1, .fileKind(.neither),
                        rule: .notContent))
                }
            }
        }
        var knowledge = fallbackKnowledge
        if !knowledgeSources.isEmpty {
            let result = KnowledgeLoader.load(sources: knowledgeSources)
            diagnostics += result.diagnostics
            knowledge = result.base
        }
        let scenarios = ScenarioLoader.load(sources: scenarioSources, knowledge: knowledge)
        diagnostics += scenarios.diagnostics
        let byPath = Dictionary(scenarioSources.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        for scenario in scenarios.scenarios {
            diagnostics += analyze(scenario, source: byPath[scenario.file])
        }
        diagnostics += TranslationLint.check(translations, among: sources, scenarios: scenarios.scenarios, knowledge: knowledge,
                                             englishOnDisk: englishOnDisk)
        return LintReport(diagnostics: diagnostics.limitedPerFile(), filesChecked: sources.count)
    }

    /// The play-analysis findings for one scenario that loaded without errors.
    public func analyze(_ scenario: Scenario, source: SourceText?) -> [Diagnostic] {
        let analysis = ScenarioAnalysis(scenario, limit: stateLimit)
        var diagnostics: [Diagnostic] = []
        func diagnostic(at location: SourceLocation, _ message: PlayMessage, rule: RuleID) -> Diagnostic {
            Diagnostic(at: location, .play(message), rule: rule,
                       excerpt: source?.excerpt(line: location.line, column: location.column))
        }
        if !analysis.isComplete {
            diagnostics.append(diagnostic(at: scenario.location,
                                          .stateSpaceLimit(limit: stateLimit, assumptions: !scenario.assumptions.isEmpty),
                                          rule: .stateSpaceLimit))
        }
        var omitted = 0
        var firstOmitted: SourceLocation?
        for rule in LintRules.analysisRules {
            for finding in rule.check(analysis) {
                guard diagnostics.count < Diagnostic.perFileLimit else {
                    omitted += 1
                    firstOmitted = min(firstOmitted ?? finding.location, finding.location)
                    continue
                }
                diagnostics.append(diagnostic(at: finding.location, finding.message, rule: rule.id))
            }
        }
        if let firstOmitted { diagnostics.append(Diagnostic.omitted(omitted, at: firstOmitted)) }
        return diagnostics
    }

    enum Kind { case knowledge, scenario, unknown }

    /// A file's kind from its first top-level key line: `topic:` or `scenario:`.
    static func kind(of source: SourceText) -> Kind {
        let keys: [(prefix: [UInt8], kind: Kind)] = [
            (Array("scenario:".utf8), .scenario), (Array("scenario :".utf8), .scenario),
            (Array("topic:".utf8), .knowledge), (Array("topic :".utf8), .knowledge),
        ]
        return source.text.utf8.withContiguousStorageIfAvailable { bytes -> Kind in
            var lineStart = 0
            while lineStart < bytes.count {
                for key in keys where bytes.count - lineStart >= key.prefix.count {
                    if zip(bytes[lineStart...], key.prefix).allSatisfy({ $0 == $1 }) { return key.kind }
                }
                guard let newline = bytes[lineStart...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else { break }
                lineStart = newline + 1
            }
            return .unknown
        } ?? .unknown
    }
}
