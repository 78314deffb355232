/// What `attune lint` says about a translation file: the format's findings, then each text
/// against its English (stale, no longer in the English, untranslated), every one at its
/// place in the translation.
public enum TranslationLint {
    /// How many untranslated texts are listed one by one; the rest are in the file's summary.
    public static let untranslatedListed = 20

    /// The English file a translation sits beside, as lint found it.
    public enum English: Sendable {
        case read(EnglishSource)
        /// Not beside it; `fileName`: the name looked for.
        case missing(fileName: String)
        /// There, with errors of its own (reported for it).
        case broken(fileName: String)
    }

    public static func check(_ translation: SourceText, english: English) -> [Diagnostic] {
        guard case let .read(source) = english else {
            let message: TranslationMessage = switch english {
            case let .missing(name): .sourceMissing(fileName: name)
            case let .broken(name): .sourceHasErrors(fileName: name)
            case .read: .sourceMissing(fileName: "")
            }
            var findings = [translation.diagnostic(line: 1, column: 1, .translation(message), rule: .translationSource)]
            if case .missing = english {
                // Its own format is still checked, so nothing else waits for the English file.
                findings += TranslationParser.parse(translation, kind: TranslationParser.guessKind(translation)).diagnostics
            }
            return findings.limitedPerFile()
        }
        let parsed = TranslationParser.parse(translation, kind: source.kind)
        var findings = parsed.diagnostics
        guard let file = parsed.file else { return findings }
        func report(_ location: SourceLocation, _ message: TranslationMessage, _ rule: RuleID) {
            findings.append(translation.diagnostic(line: location.line, column: location.column, .translation(message), rule: rule))
        }
        if let declared = file.declaredID, declared.value != source.id {
            report(declared.location, .wrongID(written: quoted(declared.value, limit: 40), expected: source.id), .translationFormat)
        }
        let check = source.check(file)
        for entry in check.entries where entry.state == .stale {
            guard let written = entry.translation else { continue }
            report(written.location, .stale(path: entry.path.shownPath, current: TranslationHash.of(entry.english)), .translationStale)
        }
        for extra in check.extras {
            switch extra {
            case let .unknownID(path, kind, location, suggestion):
                report(location, .unknownID(kind, id: quoted(path.last ?? "", limit: 60), suggestion: suggestion), .translationUnknownID)
            case let .noEnglish(path, location):
                report(location, .noEnglish(path: path.shownPath), .translationUnknownID)
            }
        }
        let untranslated = check.entries.filter { $0.state == .untranslated }
        // A translation nearly done lists what is left, one note per text; one still partial
        // (a knowledge topic whose other entries no translated case needs yet) gets a single
        // note counting them, so `attune lint` on a whole folder stays readable.
        if untranslated.count <= untranslatedListed {
            for entry in untranslated {
                report(entry.translation?.textLocation ?? file.nearestBlock(to: entry.path), .untranslated(path: entry.path.shownPath),
                       .translationUntranslated)
            }
        } else {
            report(file.declaredID?.location ?? file.root, .untranslatedCount(count: untranslated.count, total: check.total),
                   .translationUntranslated)
        }
        return findings.sortedByLocation().limitedPerFile()
    }
}

extension TranslationLint {
    /// Each translation against its English file: one of `sources` (read already by the
    /// linter: `scenarios` are those that loaded without errors, `knowledge` the topics),
    /// else the file beside it on disk.
    static func check(_ translations: [SourceText], among sources: [SourceText], scenarios: [Scenario], knowledge: KnowledgeBase,
                      englishOnDisk: (String) -> SourceText?) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let listed = Set(sources.map(\.path))
        for translation in translations {
            let englishPath = TranslationName.sourcePath(of: translation.path) ?? translation.path
            let name = TranslationName.fileName(englishPath)
            let english: English
            if listed.contains(englishPath) {
                if let scenario = scenarios.first(where: { $0.file == englishPath }) {
                    english = .read(.scenario(scenario))
                } else if let topic = knowledge.topics.first(where: { $0.file == englishPath }) {
                    let entries = topic.entryIDs.compactMap { knowledge[$0] }
                    english = .read(.topic(TopicTexts(topic: topic, entries: entries), id: fileStem(englishPath)))
                } else {
                    english = .broken(fileName: name)
                }
            } else if let source = englishOnDisk(englishPath) {
                switch EnglishSource.read(source, knowledge: knowledge) {
                case let .success(read): english = .read(read)
                case .failure: english = .broken(fileName: name)
                }
            } else {
                english = .missing(fileName: name)
            }
            findings += check(translation, english: english)
        }
        return findings
    }
}
