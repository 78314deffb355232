import AttuneCatalog
import AttuneCore
import AttuneStore
import Foundation

/// Case play as terminal text: moments, feedback, endings, lists. Content is neutralised
/// before printing, like knowledge text.
struct ScenarioRenderer {
    let style: TextStyle
    let width: Int
    let knowledge: KnowledgeBase
    /// Group mode: reflections are group notes.
    var groupMode = false
    /// Accessible mode: words and numbers instead of bars.
    var accessible = false
    /// A scripted run (`attune play --choose`): no hints about what to type next.
    var scripted = false
    /// The learner's language, for ratings (the rest of play is still in English).
    var catalog: any MessageCatalog = English()

    /// The hint under a reflect question, wrapped here (each line dimmed) so it keeps its indent.
    private var reflectHint: String {
        if scripted { return "" }
        return TextLayout.wrap(groupMode ? "(type 'reflect' to add a group note)" : "(type 'reflect' to write in your journal)",
                        width: width, indent: "   ", firstIndent: "  ").map { style.dim($0) }.joined(separator: "\n")
    }

    private func clean(_ text: String) -> String { TextLayout.neutralize(text) }

    private func prose(_ text: String, indent: String = "") -> [String] {
        TextLayout.reflow(clean(text), width: width, indent: indent)
    }

    func rating(_ rating: Rating) -> String {
        switch rating {
        case .attuned: style.good(catalog.rating(rating))
        case .partial: style.caution(catalog.rating(rating))
        case .missed: style.caution(catalog.rating(rating))
        case .unsafe: style.error(catalog.rating(rating))
        }
    }

    /// `scenarios`: id, title, minutes, audience and where the learner stands. `example`: how
    /// 'play' names one of these cases, for the hint.
    func list(_ scenarios: [Scenario], statuses: [String: ScenarioStatus], example: String? = nil) -> String {
        guard !scenarios.isEmpty else {
            return "No cases are available. Check the folder given with --scenarios.\n"
        }
        var lines: [String] = []
        for scenario in scenarios.sorted(by: { $0.id < $1.id }) {
            let status = statuses[scenario.id] ?? .notStarted
            let shownStatus = status == .done ? style.good(status.rawValue)
                : status == .inProgress ? style.caution(status.rawValue) : style.dim(status.rawValue)
            lines.append(style.code(clean(scenario.id)) + "  " + shownStatus)
            lines += TextLayout.wrap(style.bold(clean(scenario.title)), width: width, indent: "    ")
            let audience = scenario.audience.map { knowledge[$0.value]?.title ?? $0.value }.joined(separator: "; ")
            lines += TextLayout.wrap("\(scenario.minutes) min · for \(clean(audience))", width: width, indent: "    ").map(style.dim)
            lines += TextLayout.wrap(clean(scenario.summary), width: width, indent: "    ")
            lines.append("")
        }
        let shown = example.map { " (for example 'play \(clean($0))')" } ?? ""
        lines += TextLayout.wrap("Type 'play' and a case's first word\(shown) to begin or continue it.",
                                 width: width).map(style.dim)
        return lines.joined(separator: "\n") + "\n"
    }

    /// Shown before a case begins.
    func opening(_ scenario: Scenario) -> String {
        var lines = [style.heading(clean(scenario.title))]
        if !scenario.contentWarnings.isEmpty {
            lines += TextLayout.wrap(
                "Content note: this case touches on " + clean(scenario.contentWarnings.joined(separator: ", "))
                    + ". You can leave at any time with 'stop'.",
                width: width).map(style.caution)
        }
        lines += [""] + prose(scenario.summary)
        return lines.joined(separator: "\n") + "\n"
    }

    /// Entering a node: its text, then the reflect prompt, the question and the choices.
    /// `briefly` (for `choices`) leaves out the moment's story and shows the question and choices.
    func moment(_ node: ScenarioNode, offered: [Choice], briefly: Bool = false) -> String {
        var lines = briefly ? [] : [""] + prose(node.text)
        // An ending's reflect prompt closes the debrief instead (see `ending`).
        if let reflect = node.reflect, !node.isEnding, !briefly {
            lines += [""] + TextLayout.wrap(style.italic("Reflect: " + clean(reflect)), width: width)
                + [reflectHint]
        }
        guard !node.isEnding else { return lines.joined(separator: "\n") + "\n" }
        if let prompt = node.prompt {
            lines += ["", style.bold(clean(prompt))]
        }
        if offered.isEmpty {
            lines += ["", style.caution("This moment offers no way on; the case has a gap here. Type 'back' or 'stop'.")]
        } else {
            lines.append("")
            for (index, choice) in offered.enumerated() {
                let number = "\(index + 1). "
                lines += TextLayout.wrap(clean(choice.text), width: width, indent: "     ", firstIndent: "  " + style.code(number))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// After a choice: the rating in words, the feedback, the perspectives, the entries to read,
    /// and the choice's reflect question unless the moment that follows asks its own (one
    /// question on a screen, the one `reflect` files the answer under).
    func feedback(_ choice: Choice, reflect showReflect: Bool = true) -> String {
        var lines = ["", rating(choice.rating)]
        lines += prose(choice.feedback)
        let views: [(String, String?)] = [
            ("The baby", choice.perspectives.baby), ("The parent", choice.perspectives.parent),
            ("You, the practitioner", choice.perspectives.practitioner),
        ]
        for (who, text) in views {
            guard let text else { continue }
            lines += [""] + TextLayout.wrap(clean(text), width: width, indent: "  ", firstIndent: style.bold(who + ": "))
        }
        if !choice.refs.isEmpty {
            lines += ["", style.dim("Read more (show ID):")]
            for reference in choice.refs {
                let title = clean(knowledge[reference.value]?.title ?? "")
                let id = "  " + clean(reference.value) + "  "
                if id.count <= width / 2 {
                    // The title wraps under itself.
                    lines += TextLayout.wrap(title, width: width, indent: String(repeating: " ", count: id.count),
                                             firstIndent: "  " + style.code(clean(reference.value)) + "  ")
                } else {
                    // A long id on its own line, the title under it.
                    lines += ["  " + style.code(clean(reference.value))] + TextLayout.wrap(title, width: width, indent: "      ")
                }
            }
        }
        if showReflect, let reflect = choice.reflect {
            lines += [""] + TextLayout.wrap(style.italic("Reflect: " + clean(reflect)), width: width)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// At an ending: the debrief that applies, the path with its ratings, the competencies
    /// exercised, and the closing reflection.
    func ending(_ node: ScenarioNode, engine: ScenarioEngine, state: PlayState) -> String {
        let kind = node.ending.map { "a \($0.rawValue) ending" } ?? "an ending"
        var lines = ["", style.heading("The case ends here") + style.dim(" (\(kind))")]
        let debrief = engine.debrief(for: state)
        if !debrief.isEmpty {
            lines += ["", style.heading("Debrief")]
            for item in debrief { lines += prose(item) + [""] }
            lines.removeLast()
        }
        // In group mode the room summary that follows shows the path.
        if !groupMode {
            lines += ["", style.heading("Your path")]
            for (index, step) in engine.choicesMade(in: state).enumerated() {
                lines += TextLayout.wrap(clean(step.choice.text), width: width, indent: "      ",
                                         firstIndent: "  \(index + 1). ")
                lines.append("      " + rating(step.choice.rating))
            }
        }
        let competencies = engine.competenciesExercised(in: state)
        if !competencies.isEmpty {
            lines += ["", style.heading("Competencies exercised")]
            for id in competencies {
                lines += TextLayout.wrap(clean(knowledge[id]?.title ?? id), width: width, indent: "    ", firstIndent: "  ")
            }
        }
        if let reflect = node.reflect {
            lines += ["", TextLayout.wrap(style.italic("To close: " + clean(reflect)), width: width).joined(separator: "\n"),
                      reflectHint]
        }
        if !scripted { lines += ["", endingHint()] }
        return lines.joined(separator: "\n") + "\n"
    }

    func endingHint() -> String {
        TextLayout.wrap("Type 'back' to try another way, 'restart' to begin again, or 'cases' for other cases.", width: width)
            .map(style.dim).joined(separator: "\n")
    }

    /// `scenarios`: the loaded cases by the record they belong to.
    func progress(_ summary: ProgressSummary, scenarios: [CaseKey: Scenario]) -> String {
        var lines = [style.heading("Your progress")]
        let done = summary.finishedCases.filter { scenarios[$0] != nil }.count
        let going = summary.inProgressCases.filter { scenarios[$0] != nil }.count
        lines += TextLayout.wrap("Cases done: \(done) of \(scenarios.count)" + (going == 0 ? "" : "; in progress: \(going)"),
                                 width: width)
        let endings = summary.endings.filter { scenarios[$0.key] != nil }
        if !endings.isEmpty {
            lines += ["", style.heading("Endings reached")]
            for ending in endings {
                let title = clean(scenarios[ending.key]?.title ?? ending.scenarioID)
                let kind = ending.kind.map { "a \($0.rawValue) ending" } ?? "an ending"
                lines += TextLayout.wrap("\(title): \(kind), \(Self.timestamp(ending.reachedAt))",
                                         width: width, indent: "    ", firstIndent: "  ")
            }
        }
        let total = summary.ratingCounts.values.reduce(0, +)
        if total > 0 {
            lines += ["", style.heading("How your choices met the family") + style.dim(" (\(total) choice\(total == 1 ? "" : "s"))")]
            for rating in Rating.allCases {
                let count = summary.ratingCounts[rating] ?? 0
                lines.append(barLine(label: catalog.rating(rating), labelWidth: 16, count: count, of: total))
            }
        }
        if !summary.competencies.isEmpty {
            lines += ["", style.heading("Competency profile") + style.dim(" (choices that exercised each area)")]
            let most = summary.competencies.values.max() ?? 1
            let ordered = summary.competencies.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            let titleWidth = min(34, width / 2, ordered.map { (knowledge[$0.key]?.title ?? $0.key).count }.max() ?? 0)
            for (id, count) in ordered {
                let title = clean(knowledge[id]?.title ?? "an area of practice")
                if title.count > titleWidth, !accessible {
                    // A name is never cut: a long one has a line of its own, its bar below it.
                    lines += TextLayout.wrap(title, width: width, indent: "    ", firstIndent: "  ")
                    lines.append(barLine(label: "", labelWidth: titleWidth, count: count, of: most))
                } else {
                    lines.append(barLine(label: title, labelWidth: titleWidth, count: count, of: most))
                }
            }
        }
        lines += ["", "Journal entries: \(summary.journalEntries)"]
        if total == 0 { lines += ["", style.dim("Nothing played yet. Type 'scenarios' to choose a case.")] }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "  label   ████ 3": a bar scaled to the room left on the line; in accessible mode,
    /// "  label: 3 of 12" with no block characters.
    private func barLine(label: String, labelWidth: Int, count: Int, of total: Int) -> String {
        if accessible { return "  \(label): \(count) of \(total)" }
        let room = max(4, min(20, width - labelWidth - 10))
        return "  " + label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + "  "
            + Self.bar(count, of: total, cells: room) + " \(count)"
    }

    /// A horizontal bar of at most `cells` block characters, at least one for a count above zero.
    static func bar(_ count: Int, of total: Int, cells: Int) -> String {
        let filled = total == 0 ? 0 : Int((Double(count) / Double(total) * Double(cells)).rounded())
        return String(repeating: "█", count: max(filled, count > 0 ? 1 : 0))
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
