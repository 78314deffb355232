import AttuneCatalog
import AttuneCore
import AttunePlay
import AttuneStore
import Foundation

/// The room's screens: the reveal after a decision and the summary at an ending. Fits 72
/// columns; in accessible mode, numbers and words only.
struct GroupRenderer {
    let style: TextStyle
    let width: Int
    let accessible: Bool
    /// The trainer's language.
    var catalog: any MessageCatalog = English()

    private func words(_ line: RoomText.Screen) -> String { catalog.room(.screen(line)) }

    func reveal(_ options: [GroupRoom.RevealedOption]) -> String {
        var lines = [style.heading(words(.revealHeading))]
        for option in options {
            let mark = option.chosen ? (accessible ? words(.roomsChoiceMark) : "► ") : (accessible ? "" : "  ")
            lines += TextLayout.wrap(words(.revealOption(number: option.number, rating: option.rating, votes: option.votes,
                                                         text: TextLayout.neutralize(option.text))),
                                     width: width, indent: "     ", firstIndent: mark)
            lines += TextLayout.wrap(TextLayout.neutralize(option.why), width: width, indent: "     ").map(style.dim)
        }
        if !accessible { lines.append(style.dim(words(.choiceMarkLegend))) }
        return lines.joined(separator: "\n")
    }

    func summary(_ summary: [GroupRoom.SummaryLine]) -> String {
        var lines = ["", style.heading(words(.pathHeading))]
        for (index, line) in summary.enumerated() {
            lines += TextLayout.wrap("\(index + 1). " + TextLayout.neutralize(line.moment), width: width, indent: "     ",
                                     firstIndent: "  ").map(style.bold)
            lines += TextLayout.wrap(words(.pathLine(votes: line.tally, chosen: line.chosen.number, chosenRating: line.chosen.rating,
                                                     matched: line.matched, best: line.mostAttuned.number,
                                                     bestRating: line.mostAttuned.rating)),
                                     width: width, indent: "     ")
        }
        let matched = summary.filter(\.matched).count
        lines += ["", words(.matchedTotal(matched: matched, total: summary.count))]
        return lines.joined(separator: "\n")
    }
}

/// A group session as Markdown: case, date, each decision with its tally, the reveal of
/// every option, feedback, the ending's debrief, the room summary and the notes.
enum GroupExport {
    /// An export is one document in one language; its headings are English so far, so its
    /// ratings are too.
    private static let ratingWords = English()

    static func markdown(_ session: GroupSessionRecord, scenario: Scenario?) -> String {
        var lines = ["# Attune group session \(session.id)", ""]
        lines.append("Started \(ScenarioRenderer.timestamp(session.startedAt))"
            + (session.endedAt.map { ", ended \(ScenarioRenderer.timestamp($0))" } ?? "") + ". No participant names are recorded.")
        lines.append("")
        if let scenario {
            lines += ["## \(scenario.title)", ""]
            let passes = Dictionary(grouping: session.allDecisions, by: \.pass)
            let numbers = Array(1...max(1, session.pass, passes.keys.max() ?? 1))
            for pass in numbers {
                if numbers.count > 1 {
                    lines += ["### Pass \(pass)" + (pass == session.pass ? " (the room's path now)" : " (the room began again after it)"), ""]
                }
                lines += decisions(passes[pass] ?? [], in: scenario)
            }
            if let pending = session.pending, let tally = pending.tally ?? (pending.ballots.isEmpty ? nil : [pending.ballots.count]) {
                let words = pending.tally == nil ? "\(tally[0]) phone votes, not yet counted"
                    : tally.map(String.init).joined(separator: " / ") + (pending.tallySource == .phones ? ", from phones" : "")
                lines += ["The room had not yet chosen at its last moment. Its tally so far: \(words).", ""]
            }
            let summary = GroupRoom.summary(session.decisions, in: scenario)
            if !summary.isEmpty {
                lines += ["### Room summary", "", "| # | Moment | Votes | Chosen | Most attuned offered | Matched |", "|---:|---|---|---|---|---|"]
                for (index, line) in summary.enumerated() {
                    let votes = line.tally.map { $0.map(String.init).joined(separator: " / ") } ?? "not recorded"
                    lines.append("| \(index + 1) | \(cell(line.moment)) | \(votes) | \(line.chosen.number). \(ratingWords.rating(line.chosen.rating)) "
                        + "| \(line.mostAttuned.number). \(ratingWords.rating(line.mostAttuned.rating)) | \(line.matched ? "yes" : "no") |")
                }
                let matched = summary.filter(\.matched).count
                lines += ["", "The room matched the most attuned option at \(matched) of \(summary.count) decisions.", ""]
            }
        } else if let key = session.scenario {
            lines += ["The case '\(key.id)' is not loaded, so only the notes follow.", ""]
        }
        lines += ["## Group notes", ""]
        if session.notes.isEmpty { lines += ["No notes were written.", ""] }
        for note in session.notes {
            lines.append("- \(ScenarioRenderer.timestamp(note.createdAt)): "
                + MarkdownText.escape(note.text).replacingOccurrences(of: "\n", with: "\n  "))
        }
        return inert(lines.joined(separator: "\n") + "\n")
    }

    /// `text` with every control character but line feed and tab, and every bidirectional
    /// control, replaced by U+FFFD: content and notes may hold them (written as YAML escapes,
    /// or typed), and an export is read in terminals, editors and other programs, on screen
    /// or with `-` straight to the terminal.
    static func inert(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: TerminalText.isUnsafe) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(TerminalText.isUnsafe(scalar) ? "\u{FFFD}" : scalar) }
        return String(scalars)
    }

    private static func decisions(_ decisions: [GroupDecision], in scenario: Scenario) -> [String] {
        let engine = ScenarioEngine(scenario)
        var lines = ["#### Path taken", ""]
        if decisions.isEmpty { lines += ["The room has made no decision on this pass yet.", ""] }
        var states = [engine.start()]
        for (number, decision) in decisions.enumerated() {
            guard let node = scenario.node(decision.node),
                  let choice = node.choices.first(where: { $0.id == decision.choice }) else { continue }
            // A decision taken back leaves the path where it was; the record keeps it, marked.
            while states.count > 1, states[states.count - 1].node != decision.node { states.removeLast() }
            if states[states.count - 1].node != decision.node { states = [engine.start()] }
            let options = GroupRoom.reveal(decision, in: scenario)
            let takenBack = decision.takenBackAt.map { " *(taken back with 'back' at \(ScenarioRenderer.timestamp($0)); kept here with its tally)*" } ?? ""
            lines.append("\(number + 1). **\(cell(node.prompt ?? options.first?.text ?? ""))**\(takenBack)")
            lines.append("")
            lines += ["   | Option | Votes | How it met the family |", "   |---|---:|---|"]
            for option in options {
                let chosen = option.chosen ? " **(the room's choice)**" : ""
                lines.append("   | \(option.number). \(cell(option.text))\(chosen) | \(option.votes.map(String.init) ?? "–") "
                    + "| \(ratingWords.rating(option.rating)): \(cell(option.why)) |")
            }
            if decision.tally == nil {
                lines += ["", "   No votes were recorded for this decision."]
            } else {
                lines += ["", "   Votes " + (decision.tallySource == .phones ? "counted from phones" : "typed by the trainer")
                    + (decision.roomSize.map { ", in a room of \($0)" } ?? "") + "."]
            }
            lines += ["", "   The group chose: \(choice.text) — *\(ratingWords.rating(choice.rating))*", ""]
            lines += ["   " + choice.feedback.split(whereSeparator: \.isNewline).joined(separator: " "), ""]
            states.append(engine.choose(choice, in: states[states.count - 1]))
        }
        // Where the path in effect ends: its decisions replayed without the taken-back ones.
        let state = (try? engine.replay(decisions.filter { $0.takenBackAt == nil }.map(\.choice)))?.last ?? engine.start()
        if let ending = engine.node(for: state), ending.isEnding {
            lines += ["### The ending (\(ending.ending.map { "a \($0.rawValue) ending" } ?? "an ending"))", ""]
            let debrief = engine.debrief(for: state)
            lines += debrief.isEmpty ? ["No debrief applies to this path.", ""]
                : debrief.flatMap { [$0.split(whereSeparator: \.isNewline).joined(separator: " "), ""] }
        } else if !decisions.isEmpty {
            lines += ["The group stopped before an ending.", ""]
        }
        return lines
    }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
