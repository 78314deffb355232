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
    /// An export is one document in one language, the trainer's: `catalog`'s.
    static func markdown(_ session: GroupSessionRecord, scenario: Scenario?, catalog: any MessageCatalog = English()) -> String {
        func words(_ line: RoomText.Handout) -> String { catalog.room(.handout(line)) }
        var lines = [words(.title(session.id)), ""]
        lines.append(words(.started(at: ScenarioRenderer.timestamp(session.startedAt), ended: session.endedAt.map(ScenarioRenderer.timestamp))))
        lines.append("")
        if let scenario {
            lines += ["## \(scenario.title)", ""]
            let passes = Dictionary(grouping: session.allDecisions, by: \.pass)
            let numbers = Array(1...max(1, session.pass, passes.keys.max() ?? 1))
            for pass in numbers {
                if numbers.count > 1 {
                    lines += [words(.pass(pass, current: pass == session.pass)), ""]
                }
                lines += decisions(passes[pass] ?? [], in: scenario, catalog: catalog)
            }
            if let pending = session.pending, pending.tally != nil || !pending.ballots.isEmpty {
                let tally = pending.tally.map { RoomText.Tally(counts: $0, fromPhones: pending.tallySource == .phones) }
                lines += [words(.pending(tally: tally, uncounted: pending.ballots.count)), ""]
            }
            let summary = GroupRoom.summary(session.decisions, in: scenario)
            if !summary.isEmpty {
                lines += [words(.summaryHeading), ""] + words(.summaryColumns).split(separator: "\n").map(String.init)
                for (index, line) in summary.enumerated() {
                    let votes = line.tally.map { $0.map(String.init).joined(separator: " / ") } ?? words(.notRecorded)
                    lines.append("| \(index + 1) | \(cell(line.moment)) | \(votes) | \(line.chosen.number). \(catalog.rating(line.chosen.rating)) "
                        + "| \(line.mostAttuned.number). \(catalog.rating(line.mostAttuned.rating)) | \(words(line.matched ? .yes : .no)) |")
                }
                let matched = summary.filter(\.matched).count
                lines += ["", catalog.room(.screen(.matchedTotal(matched: matched, total: summary.count))), ""]
            }
        } else if let key = session.scenario {
            lines += [words(.caseNotLoaded(caseID: key.id)), ""]
        }
        lines += [words(.notesHeading), ""]
        if session.notes.isEmpty { lines += [words(.noNotes), ""] }
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

    private static func decisions(_ decisions: [GroupDecision], in scenario: Scenario, catalog: any MessageCatalog) -> [String] {
        func words(_ line: RoomText.Handout) -> String { catalog.room(.handout(line)) }
        let engine = ScenarioEngine(scenario)
        var lines = [words(.pathTaken), ""]
        if decisions.isEmpty { lines += [words(.noDecisionYet), ""] }
        var states = [engine.start()]
        for (number, decision) in decisions.enumerated() {
            guard let node = scenario.node(decision.node),
                  let choice = node.choices.first(where: { $0.id == decision.choice }) else { continue }
            // A decision taken back leaves the path where it was; the record keeps it, marked.
            while states.count > 1, states[states.count - 1].node != decision.node { states.removeLast() }
            if states[states.count - 1].node != decision.node { states = [engine.start()] }
            let options = GroupRoom.reveal(decision, in: scenario)
            let takenBack = decision.takenBackAt.map { words(.takenBack(at: ScenarioRenderer.timestamp($0))) } ?? ""
            lines.append("\(number + 1). **\(cell(node.prompt ?? options.first?.text ?? ""))**\(takenBack)")
            lines.append("")
            lines += words(.optionColumns).split(separator: "\n").map(String.init)
            for option in options {
                let chosen = option.chosen ? words(.roomsChoice) : ""
                lines.append("   | \(option.number). \(cell(option.text))\(chosen) | \(option.votes.map(String.init) ?? "–") "
                    + "| \(catalog.rating(option.rating)): \(cell(option.why)) |")
            }
            if decision.tally == nil {
                lines += ["", words(.noVotesForDecision)]
            } else {
                lines += ["", words(.votesSource(fromPhones: decision.tallySource == .phones, roomSize: decision.roomSize))]
            }
            lines += ["", words(.groupChose(text: choice.text, rating: choice.rating)), ""]
            lines += ["   " + choice.feedback.split(whereSeparator: \.isNewline).joined(separator: " "), ""]
            states.append(engine.choose(choice, in: states[states.count - 1]))
        }
        // Where the path in effect ends: its decisions replayed without the taken-back ones.
        let state = (try? engine.replay(decisions.filter { $0.takenBackAt == nil }.map(\.choice)))?.last ?? engine.start()
        if let ending = engine.node(for: state), ending.isEnding {
            lines += [words(.endingHeading(ending.ending)), ""]
            let debrief = engine.debrief(for: state)
            lines += debrief.isEmpty ? [words(.noDebrief), ""]
                : debrief.flatMap { [$0.split(whereSeparator: \.isNewline).joined(separator: " "), ""] }
        } else if !decisions.isEmpty {
            lines += [words(.stoppedBeforeEnding), ""]
        }
        return lines
    }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
