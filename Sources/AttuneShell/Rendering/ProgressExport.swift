import AttuneCore
import AttuneStore
import Foundation

/// A learner's record for them to keep or share: Markdown to read, JSON for programs.
struct ProgressExport {
    let summary: ProgressSummary
    let log: ActivityLog
    let library: ContentLibrary
    let exportedAt: Date

    private func title(_ id: String) -> String { library.scenario(id)?.title ?? id }

    /// A choice in words: its text where the case is loaded.
    private func choiceText(_ step: ActivityLog.Choice, in scenarioID: String) -> String {
        library.scenario(scenarioID)?.node(step.node)?.choices.first { $0.id == step.choice }?.text
            .split(whereSeparator: \.isNewline).joined(separator: " ") ?? "a choice from an earlier version of the case"
    }

    private static func kind(_ kind: EndingKind?) -> String { kind.map { "a \($0.rawValue) ending" } ?? "an ending" }

    func markdown() -> String {
        var lines = ["# Attune progress", "", "Exported \(ScenarioRenderer.timestamp(exportedAt)).", ""]
        lines.append("Cases done: \(Set(summary.finishedCases.map(\.id)).count) of \(library.scenarios.count). "
            + "Journal entries: \(summary.journalEntries).")
        lines += ["", "## Endings reached", ""]
        if summary.endings.isEmpty { lines.append("None yet.") }
        for ending in summary.endings {
            lines.append("- \(title(ending.scenarioID)): \(Self.kind(ending.kind)), "
                + ScenarioRenderer.timestamp(ending.reachedAt))
        }
        lines += ["", "## How choices met the family", "", "| Rating | Choices |", "|---|---:|"]
        for rating in Rating.allCases { lines.append("| \(rating.words) | \(summary.ratingCounts[rating] ?? 0) |") }
        lines += ["", "## Competency profile", "", "| Competency | Choices |", "|---|---:|"]
        for (id, count) in summary.competencies.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
            lines.append("| \(library.knowledge[id]?.title ?? id) | \(count) |")
        }
        lines += ["", "## Paths", ""]
        for playthrough in log.playthroughs where playthrough.status != "abandoned" {
            let steps = log.choices.filter { $0.playthrough == playthrough.id }
            let state = playthrough.status == "finished" ? "reached \(Self.kind(playthrough.endingKind))" : "in progress"
            lines.append("- \(title(playthrough.scenarioID)), \(ScenarioRenderer.timestamp(playthrough.startedAt)), \(state):")
            for (number, step) in steps.enumerated() {
                lines.append("  \(number + 1). \(choiceText(step, in: playthrough.scenarioID)) (\(step.rating.words))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private struct JSONExport: Encodable {
        struct Ending: Encodable { let scenario, ending: String; let kind: String?; let reachedAt: Date }
        struct Path: Encodable {
            let scenario: String
            let startedAt: Date
            let status: String
            let ending: String?
            let choices: [Step]
        }
        struct Step: Encodable { let node, choice, rating: String; let competencies: [String]; let madeAt: Date }
        let exportedAt: Date
        let casesDone: [String]
        let casesInProgress: [String]
        let endings: [Ending]
        let ratings: [String: Int]
        let competencies: [String: Int]
        let journalEntries: Int
        let paths: [Path]
    }

    func json() throws -> String {
        let paths = log.playthroughs.filter { $0.status != "abandoned" }.map { playthrough in
            JSONExport.Path(
                scenario: playthrough.scenarioID, startedAt: playthrough.startedAt, status: playthrough.status,
                ending: playthrough.ending,
                choices: log.choices.filter { $0.playthrough == playthrough.id }.map {
                    JSONExport.Step(node: $0.node, choice: $0.choice, rating: $0.rating.rawValue,
                                    competencies: $0.competencies, madeAt: $0.madeAt)
                })
        }
        let export = JSONExport(
            exportedAt: exportedAt, casesDone: Set(summary.finishedCases.map(\.id)).sorted(),
            casesInProgress: Set(summary.inProgressCases.map(\.id)).sorted(),
            endings: summary.endings.map { .init(scenario: $0.scenarioID, ending: $0.ending, kind: $0.kind?.rawValue, reachedAt: $0.reachedAt) },
            ratings: Dictionary(uniqueKeysWithValues: Rating.allCases.map { ($0.rawValue, summary.ratingCounts[$0] ?? 0) }),
            competencies: summary.competencies, journalEntries: summary.journalEntries, paths: paths)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(export), as: UTF8.self) + "\n"
    }
}
