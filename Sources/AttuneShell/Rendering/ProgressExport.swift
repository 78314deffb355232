import AttuneCatalog
import AttuneCore
import AttuneStore
import Foundation

/// A learner's record for them to keep or share: Markdown to read, JSON for programs.
/// A case is named by its id and origin (`scenarios`): a draft's ending is never listed under
/// the real case, and a draft is marked as one (it is in the record only when asked for).
struct ProgressExport {
    let summary: ProgressSummary
    let log: ActivityLog
    let library: ContentLibrary
    /// The loaded cases by the record they belong to; drafts only when they are counted.
    let scenarios: [CaseKey: Scenario]
    let exportedAt: Date
    /// The export's language: one document in one language, headings and ratings alike. JSON
    /// keeps its keys and values as ids, in English.
    var catalog: any MessageCatalog = English()

    private func words(_ text: ExportText) -> String { catalog.playing(.export(text)) }

    private func title(_ key: CaseKey) -> String {
        let title = scenarios[key]?.title ?? key.id
        return key.origin == CaseKey.bundledOrigin ? title : words(.draftFrom(title: title, folder: key.origin))
    }

    private static func key(_ playthrough: ActivityLog.Playthrough) -> CaseKey {
        CaseKey(id: playthrough.scenarioID, origin: playthrough.origin)
    }

    /// A choice in words: its text where the case is loaded.
    private func choiceText(_ step: ActivityLog.Choice, in key: CaseKey) -> String {
        scenarios[key]?.node(step.node)?.choices.first { $0.id == step.choice }?.text
            .split(whereSeparator: \.isNewline).joined(separator: " ")
            ?? words(key.origin == CaseKey.bundledOrigin || scenarios[key] != nil ? .earlierVersionChoice : .draftChoiceNotLoaded)
    }

    func markdown() -> String {
        var lines = [words(.progressTitle), "", words(.exported(at: ScenarioRenderer.timestamp(exportedAt))), ""]
        lines.append(words(.progressTotals(done: summary.finishedCases.filter { scenarios[$0] != nil }.count, of: scenarios.count,
                                           journalEntries: summary.journalEntries)))
        lines += ["", "## " + catalog.playing(.endingsReached), ""]
        if summary.endings.isEmpty { lines.append(words(.noneYet)) }
        for ending in summary.endings {
            lines.append("- " + catalog.playing(.endingLine(title: title(ending.key), kind: ending.kind,
                                                            at: ScenarioRenderer.timestamp(ending.reachedAt))))
        }
        let choices = words(.choicesColumn)
        lines += ["", "## " + words(.howChoicesMet), "", "| \(words(.ratingColumn)) | \(choices) |", "|---|---:|"]
        for rating in Rating.allCases { lines.append("| \(catalog.rating(rating)) | \(summary.ratingCounts[rating] ?? 0) |") }
        lines += ["", "## " + catalog.playing(.competencyProfile), "", "| \(words(.competencyColumn)) | \(choices) |", "|---|---:|"]
        for (id, count) in summary.competencies.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
            lines.append("| \(library.knowledge[id]?.title ?? id) | \(count) |")
        }
        lines += ["", "## " + words(.paths), ""]
        for playthrough in log.playthroughs where playthrough.status != "abandoned" {
            let steps = log.choices.filter { $0.playthrough == playthrough.id }
            let state = words(playthrough.status == "finished" ? .reached(playthrough.endingKind) : .inProgress)
            lines.append("- \(title(Self.key(playthrough))), \(ScenarioRenderer.timestamp(playthrough.startedAt)), \(state):")
            for (number, step) in steps.enumerated() {
                lines.append("  \(number + 1). \(choiceText(step, in: Self.key(playthrough))) (\(catalog.rating(step.rating)))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private struct JSONExport: Encodable {
        /// `draft`: the folder of an author's draft; absent for a case that ships with Attune.
        struct Ending: Encodable { let scenario, ending: String; let draft, kind: String?; let reachedAt: Date }
        struct Path: Encodable {
            let scenario: String
            let draft: String?
            let startedAt: Date
            let status: String
            let ending: String?
            let choices: [Step]
        }
        struct Step: Encodable { let node, choice, rating: String; let competencies: [String]; let madeAt: Date }
        let exportedAt: Date
        let casesDone: [String]
        let casesInProgress: [String]
        /// Draft cases done and in progress, "folder: id"; present only when drafts were asked for.
        let draftsDone: [String]?
        let draftsInProgress: [String]?
        let endings: [Ending]
        let ratings: [String: Int]
        let competencies: [String: Int]
        let journalEntries: Int
        let paths: [Path]
    }

    private static func draft(_ origin: String) -> String? { origin == CaseKey.bundledOrigin ? nil : origin }

    func json() throws -> String {
        let paths = log.playthroughs.filter { $0.status != "abandoned" }.map { playthrough in
            JSONExport.Path(
                scenario: playthrough.scenarioID, draft: Self.draft(playthrough.origin), startedAt: playthrough.startedAt, status: playthrough.status,
                ending: playthrough.ending,
                choices: log.choices.filter { $0.playthrough == playthrough.id }.map {
                    JSONExport.Step(node: $0.node, choice: $0.choice, rating: $0.rating.rawValue,
                                    competencies: $0.competencies, madeAt: $0.madeAt)
                })
        }
        func bundled(_ keys: Set<CaseKey>) -> [String] { keys.filter { $0.origin == CaseKey.bundledOrigin }.map(\.id).sorted() }
        func drafts(_ keys: Set<CaseKey>) -> [String]? {
            let drafts = keys.filter { $0.origin != CaseKey.bundledOrigin }
            return drafts.isEmpty ? nil : drafts.map { "\($0.origin): \($0.id)" }.sorted()
        }
        let export = JSONExport(
            exportedAt: exportedAt, casesDone: bundled(summary.finishedCases), casesInProgress: bundled(summary.inProgressCases),
            draftsDone: drafts(summary.finishedCases), draftsInProgress: drafts(summary.inProgressCases),
            endings: summary.endings.map {
                .init(scenario: $0.scenarioID, ending: $0.ending, draft: Self.draft($0.key.origin), kind: $0.kind?.rawValue,
                      reachedAt: $0.reachedAt)
            },
            ratings: Dictionary(uniqueKeysWithValues: Rating.allCases.map { ($0.rawValue, summary.ratingCounts[$0] ?? 0) }),
            competencies: summary.competencies, journalEntries: summary.journalEntries, paths: paths)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(export), as: UTF8.self) + "\n"
    }
}

extension [CaseKey: String] {
    /// The title of the case a journal entry was written in, by its id and origin: a draft's
    /// entry is never titled as the bundled case it shares an id with, nor the other way round.
    /// A case that is not loaded: its id, or "an author's draft, not loaded now" for a draft.
    func title(for entry: JournalEntry, catalog: any MessageCatalog = English()) -> String? {
        guard let key = entry.caseKey else { return nil }
        return self[key] ?? (entry.isFromDraft ? catalog.playing(.journal(.draftNotLoaded)) : key.id)
    }
}
