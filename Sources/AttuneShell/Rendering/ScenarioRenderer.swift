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
    /// The learner's language. The case's own words (titles, texts, choices, feedback) are the
    /// author's and are shown as written.
    var catalog: any MessageCatalog = English()

    private func words(_ text: PlayText) -> String { catalog.playing(text) }

    /// The hint under a reflect question, wrapped here (each line dimmed) so it keeps its indent.
    private var reflectHint: String {
        if scripted { return "" }
        return TextLayout.wrap(words(.reflectHint(groupNote: groupMode)), width: width, indent: "   ", firstIndent: "  ").map { style.dim($0) }.joined(separator: "\n")
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
    /// 'play' names one of these cases, for the hint. `inEnglish`: the cases with no
    /// translation into the learner's language, marked so before they are opened.
    func list(_ scenarios: [Scenario], statuses: [String: ScenarioStatus], example: String? = nil,
              inEnglish: Set<String> = []) -> String {
        guard !scenarios.isEmpty else {
            return words(.noCases) + "\n"
        }
        var lines: [String] = []
        for scenario in scenarios.sorted(by: { $0.id < $1.id }) {
            let status = statuses[scenario.id] ?? .notStarted
            let shownStatus = switch status {
            case .done: style.good(words(.status(.done)))
            case .inProgress: style.caution(words(.status(.inProgress)))
            case .notStarted: style.dim(words(.status(.notStarted)))
            }
            let language = inEnglish.contains(scenario.id) ? style.dim(" · " + catalog.translate(.listedInEnglish)) : ""
            lines.append(style.code(clean(scenario.id)) + "  " + shownStatus + language)
            lines += TextLayout.wrap(style.bold(clean(scenario.title)), width: width, indent: "    ")
            let audience = scenario.audience.map { knowledge[$0.value]?.title ?? $0.value }.joined(separator: "; ")
            lines += TextLayout.wrap(words(.minutesFor(minutes: scenario.minutes, audience: clean(audience))), width: width, indent: "    ").map(style.dim)
            lines += TextLayout.wrap(clean(scenario.summary), width: width, indent: "    ")
            lines.append("")
        }
        lines += TextLayout.wrap(words(.listHint(example: example.map(clean))), width: width).map(style.dim)
        return lines.joined(separator: "\n") + "\n"
    }

    /// Shown before a case begins. `inEnglish`: the case has no translation into the
    /// learner's language, which is said before anything else in English.
    func opening(_ scenario: Scenario, inEnglish: Bool = false) -> String {
        var lines = [style.heading(clean(scenario.title))]
        if inEnglish { lines += TextLayout.wrap(catalog.translate(.caseNotTranslated), width: width).map(style.dim) }
        if !scenario.contentWarnings.isEmpty {
            lines += TextLayout.wrap(
                words(.contentNote(topics: clean(scenario.contentWarnings.joined(separator: ", ")), inEnglish: inEnglish)), width: width).map(style.caution)
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
            lines += [""] + TextLayout.wrap(style.italic(words(.reflect(prompt: clean(reflect)))), width: width)
                + [reflectHint]
        }
        guard !node.isEnding else { return lines.joined(separator: "\n") + "\n" }
        if let prompt = node.prompt {
            lines += ["", style.bold(clean(prompt))]
        }
        if offered.isEmpty {
            lines += ["", style.caution(words(.gap))]
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
            (words(.perspective(.baby)), choice.perspectives.baby), (words(.perspective(.parent)), choice.perspectives.parent),
            (words(.perspective(.practitioner)), choice.perspectives.practitioner),
        ]
        for (who, text) in views {
            guard let text else { continue }
            lines += [""] + TextLayout.wrap(clean(text), width: width, indent: "  ", firstIndent: style.bold(who + ": "))
        }
        if !choice.refs.isEmpty {
            lines += ["", style.dim(words(.readMore))]
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
            lines += [""] + TextLayout.wrap(style.italic(words(.reflect(prompt: clean(reflect)))), width: width)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// At an ending: the debrief that applies, the path with its ratings, the competencies
    /// exercised, and the closing reflection.
    func ending(_ node: ScenarioNode, engine: ScenarioEngine, state: PlayState) -> String {
        var lines = ["", style.heading(words(.endsHere)) + style.dim(" (\(words(.endingKind(node.ending))))")]
        let debrief = engine.debrief(for: state)
        if !debrief.isEmpty {
            lines += ["", style.heading(words(.debrief))]
            for item in debrief { lines += prose(item) + [""] }
            lines.removeLast()
        }
        // In group mode the room summary that follows shows the path.
        if !groupMode {
            lines += ["", style.heading(words(.yourPath))]
            for (index, step) in engine.choicesMade(in: state).enumerated() {
                lines += TextLayout.wrap(clean(step.choice.text), width: width, indent: "      ",
                                         firstIndent: "  \(index + 1). ")
                lines.append("      " + rating(step.choice.rating))
            }
        }
        let competencies = engine.competenciesExercised(in: state)
        if !competencies.isEmpty {
            lines += ["", style.heading(words(.competenciesExercised))]
            for id in competencies {
                lines += TextLayout.wrap(clean(knowledge[id]?.title ?? id), width: width, indent: "    ", firstIndent: "  ")
            }
        }
        if let reflect = node.reflect {
            lines += ["", TextLayout.wrap(style.italic(words(.toClose(prompt: clean(reflect)))), width: width).joined(separator: "\n"),
                      reflectHint]
        }
        if !scripted { lines += ["", endingHint()] }
        return lines.joined(separator: "\n") + "\n"
    }

    func endingHint() -> String {
        TextLayout.wrap(words(.endingHint), width: width)
            .map(style.dim).joined(separator: "\n")
    }

    /// `scenarios`: the loaded cases by the record they belong to.
    func progress(_ summary: ProgressSummary, scenarios: [CaseKey: Scenario]) -> String {
        var lines = [style.heading(words(.yourProgress))]
        let done = summary.finishedCases.filter { scenarios[$0] != nil }.count
        let going = summary.inProgressCases.filter { scenarios[$0] != nil }.count
        lines += TextLayout.wrap(words(.casesDone(done: done, of: scenarios.count, inProgress: going)), width: width)
        let endings = summary.endings.filter { scenarios[$0.key] != nil }
        if !endings.isEmpty {
            lines += ["", style.heading(words(.endingsReached))]
            for ending in endings {
                let title = clean(scenarios[ending.key]?.title ?? ending.scenarioID)
                lines += TextLayout.wrap(words(.endingLine(title: title, kind: ending.kind, at: Self.timestamp(ending.reachedAt))),
                                         width: width, indent: "    ", firstIndent: "  ")
            }
        }
        let total = summary.ratingCounts.values.reduce(0, +)
        if total > 0 {
            lines += ["", style.heading(words(.howChoicesMet)) + style.dim(" (\(words(.choiceCount(total))))")]
            // Wide enough for the longest rating in this language (never cut), and 16 at least.
            let labelWidth = max(16, Rating.allCases.map { catalog.rating($0).count }.max() ?? 0)
            for rating in Rating.allCases {
                let count = summary.ratingCounts[rating] ?? 0
                lines.append(barLine(label: catalog.rating(rating), labelWidth: labelWidth, count: count, of: total))
            }
        }
        if !summary.competencies.isEmpty {
            lines += ["", style.heading(words(.competencyProfile)) + style.dim(" " + words(.competencyProfileNote))]
            let most = summary.competencies.values.max() ?? 1
            let ordered = summary.competencies.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            let titleWidth = min(34, width / 2, ordered.map { (knowledge[$0.key]?.title ?? $0.key).count }.max() ?? 0)
            for (id, count) in ordered {
                let title = clean(knowledge[id]?.title ?? words(.anAreaOfPractice))
                if title.count > titleWidth, !accessible {
                    // A name is never cut: a long one has a line of its own, its bar below it.
                    lines += TextLayout.wrap(title, width: width, indent: "    ", firstIndent: "  ")
                    lines.append(barLine(label: "", labelWidth: titleWidth, count: count, of: most))
                } else {
                    lines.append(barLine(label: title, labelWidth: titleWidth, count: count, of: most))
                }
            }
        }
        lines += ["", words(.journalEntries(summary.journalEntries))]
        if total == 0 { lines += ["", style.dim(words(.nothingPlayedYet))] }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "  label   ████ 3": a bar scaled to the room left on the line; in accessible mode,
    /// "  label: 3 of 12" with no block characters.
    private func barLine(label: String, labelWidth: Int, count: Int, of total: Int) -> String {
        if accessible { return "  \(label): \(words(.countOf(count: count, total: total)))" }
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
