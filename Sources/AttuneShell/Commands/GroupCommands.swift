import AttuneCore
import AttuneStore
import Foundation

extension Shell {
    func makeGroupCommands() -> [ShellCommand] {
        [
            ShellCommand(
                name: "group", usage: "group on|off|export FILE", summary: "Group mode, for a trainer leading a room.",
                details: "'group on' records the room's votes with each decision, keeps group play apart from your own "
                    + "progress, and keeps reflections as group notes. Facilitator notes appear only when you type "
                    + "'notes'. No participant names are asked for or stored. 'group export FILE' writes the session as Markdown.",
                example: "group on", argument: .group, group: .trainers, run: { $0.group($1) }),
            ShellCommand(
                name: "votes", usage: "votes N N ...", summary: "Group mode: record the room's tally for the offered choices.",
                details: "One number per offered choice, in order. The tally is drawn as a bar chart and kept with the choice the group then takes.",
                example: "votes 7 4 1", group: .trainers, interactiveOnly: true, run: { $0.votes($1) }),
            ShellCommand(
                name: "discuss", usage: "discuss", summary: "Group mode: discussion prompts for this moment.",
                group: .trainers, interactiveOnly: true, run: { shell, _ in shell.discuss() }),
            ShellCommand(
                name: "notes", usage: "notes", summary: "Group mode: the facilitator notes for this case and moment.",
                details: "Facilitator notes can say which responses the case treats as most attuned, so they are shown "
                    + "only when you ask. The screen may be shared: consider pausing the projector first.",
                group: .trainers, interactiveOnly: true, run: { shell, _ in shell.facilitatorNotes() }),
        ]
    }

    var isGroupMode: Bool { groupSession != nil }

    func group(_ arguments: [String]) {
        switch arguments.first?.lowercased() {
        case "on":
            startGroupMode()
        case "off":
            guard let ended = groupSession else {
                fail("Group mode is already off.")
                return
            }
            do {
                try store?.endGroupSession(ended, at: now())
            } catch {
                fail("Could not record the end of the group session: \(error)")
            }
            groupSession = nil
            pendingTally = nil
            if self.session != nil {
                self.session = nil
                say("You left the case the group was playing; it is kept with the group session.")
            }
            say("Group mode is off. 'group export FILE' still writes the session that just ended.")
        case "export":
            guard arguments.count == 2 else {
                fail("Use 'group export FILE', for example: group export session.md")
                return
            }
            exportGroup(to: arguments[1])
        default:
            fail("Use 'group on', 'group off' or 'group export FILE'.")
        }
    }

    func startGroupMode() {
        guard groupSession == nil else {
            fail("Group mode is already on.")
            return
        }
        guard store != nil else {
            fail("Group mode needs somewhere to keep the room's votes, and the progress file could not be opened.")
            return
        }
        let started: Int64
        do {
            started = try store!.startGroupSession(at: now())
        } catch {
            fail("Could not start the group session: \(error)")
            return
        }
        groupSession = started
        if let current = session {
            session = nil
            say("You left '\(TextLayout.neutralize(current.scenario.title))'; your own place in it is kept.")
        }
        say(TextLayout.wrap(style.bold("Group mode is on.") + " 'play' starts a case fresh for the room, apart from your own "
            + "progress. 'votes 7 4 1' records the room's tally; 'notes' shows the facilitator notes (the screen may be "
            + "shared); 'discuss' shows prompts; reflections become group notes. No names are recorded.",
            width: width()).joined(separator: "\n"))
    }

    func facilitatorNotes() {
        guard isGroupMode else {
            fail("'notes' is for group mode. Type 'group on' first.")
            return
        }
        guard let current = requireCase("notes") else { return }
        say(style.caution("Facilitator notes. The screen may be shared."))
        let before = current.scenario.facilitator?.notes == nil && current.node?.facilitator == nil
        if before {
            say("This case has no facilitator notes for this moment.")
            return
        }
        showFacilitation(current.scenario, node: current.node, discussion: false)
    }

    /// Notes for the trainer: the case's background and discussion prompts, and this moment's line.
    func showFacilitation(_ scenario: Scenario, node: ScenarioNode?, notes showNotes: Bool = true, discussion: Bool = true) {
        var lines: [String] = []
        if let facilitation = scenario.facilitator {
            if showNotes, let notes = facilitation.notes {
                lines += [style.heading("For the facilitator")] + TextLayout.reflow(TextLayout.neutralize(notes), width: width())
            }
            if discussion, !facilitation.discussion.isEmpty {
                lines += ["", style.heading("To discuss")]
                for prompt in facilitation.discussion {
                    lines += TextLayout.wrap(TextLayout.neutralize(prompt), width: width(), indent: "    ", firstIndent: "  - ")
                }
            }
        }
        if showNotes, let line = node?.facilitator {
            if !lines.isEmpty { lines.append("") }
            lines += TextLayout.wrap(style.caution("Facilitator: ") + TextLayout.neutralize(line), width: width())
        }
        if !lines.isEmpty { say("\n" + lines.joined(separator: "\n")) }
    }

    func discuss() {
        guard isGroupMode else {
            fail("'discuss' is for group mode. Type 'group on' first.")
            return
        }
        guard let current = requireCase("discuss") else { return }
        if current.scenario.facilitator?.discussion.isEmpty ?? true {
            say("This case has no discussion prompts. You might ask: what did you notice first, and what did you feel?")
        } else {
            showFacilitation(current.scenario, node: current.node, notes: false)
        }
        choicesReminder()
    }

    func votes(_ arguments: [String]) {
        guard isGroupMode else {
            fail("'votes' is for group mode. Type 'group on' first.")
            return
        }
        guard let current = requireCase("votes") else { return }
        let offered = current.offered
        guard !offered.isEmpty else {
            fail("There are no choices to vote on at this moment.")
            return
        }
        let numbers = arguments.flatMap { $0.split(separator: ",") }.map { Int($0) }
        guard numbers.count == offered.count, numbers.allSatisfy({ ($0 ?? -1) >= 0 }) else {
            let example = [7, 4, 1, 0, 0, 0, 0, 0, 0][..<min(offered.count, 9)].map(String.init).joined(separator: " ")
            fail("Give one whole number for each of the \(offered.count) choices, in order, for example: votes \(example)")
            return
        }
        let tally = numbers.compactMap { $0 }
        pendingTally = tally
        say(voteChart(tally, choices: offered))
    }

    /// The tally as horizontal bars, one per choice, with short labels for a projector.
    func voteChart(_ tally: [Int], choices: [Choice]) -> String {
        let total = tally.reduce(0, +)
        let most = max(tally.max() ?? 0, 1)
        if accessible {
            var lines = ["The room's votes, \(total) in all:"]
            for (index, choice) in choices.enumerated() {
                lines += TextLayout.wrap("Choice \(index + 1), \(tally[index]) vote\(tally[index] == 1 ? "" : "s"): "
                    + TextLayout.neutralize(choice.text), width: width(), indent: "    ", firstIndent: "  ")
            }
            lines.append("Now choose the response the group settles on.")
            return lines.joined(separator: "\n")
        }
        let labelWidth = min(28, width() / 2 - 2)
        let barCells = max(4, min(30, width() - labelWidth - 10))
        var lines = [style.heading("The room's votes") + style.dim(" (\(total) in all)"), ""]
        for (index, choice) in choices.enumerated() {
            var label = "\(index + 1). " + TextLayout.neutralize(choice.text)
            if label.count > labelWidth { label = String(label.prefix(labelWidth - 1)) + "…" }
            let bar = ScenarioRenderer.bar(tally[index], of: most, cells: barCells)
            lines.append("  " + label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + "  " + style.code(bar)
                + " \(tally[index])")
            lines.append("")
        }
        lines.append(style.dim("Now choose the response the group settles on."))
        return lines.joined(separator: "\n")
    }

    func exportGroup(to argument: String) {
        guard let store else {
            fail("There is no group session to export: the progress file could not be opened.")
            return
        }
        let path = Self.absolutePath(argument)
        let session: GroupSessionRecord
        do {
            guard let id = try groupSession ?? store.latestGroupSession(), let found = try store.groupSession(id) else {
                fail("There is no group session yet. Type 'group on' to start one.")
                return
            }
            session = found
        } catch {
            fail("Could not read the group session: \(error)")
            return
        }
        guard savePrivately(GroupExport.markdown(session, library: library), to: path) else { return }
        let decisions = session.decisions.count, notes = session.notes.count
        say("Wrote the group session (\(decisions) decision\(decisions == 1 ? "" : "s"), \(notes) note\(notes == 1 ? "" : "s")) to \(path).")
    }
}

/// A group session as Markdown: case, date, path taken, tally per decision, feedback,
/// debrief, notes.
enum GroupExport {
    static func markdown(_ session: GroupSessionRecord, library: ContentLibrary) -> String {
        var lines = ["# Attune group session", ""]
        lines.append("Started \(ScenarioRenderer.timestamp(session.startedAt))"
            + (session.endedAt.map { ", ended \(ScenarioRenderer.timestamp($0))" } ?? "") + ". No participant names are recorded.")
        lines.append("")
        for run in runs(of: session.decisions, library: library) {
            let scenario = run.scenario
            lines += ["## \(scenario.title)", "", "Case `\(scenario.id)`, from \(ScenarioRenderer.timestamp(run.decisions[0].madeAt)).", ""]
            let engine = ScenarioEngine(scenario)
            var state = engine.start()
            lines += ["### Path taken", ""]
            for (number, decision) in run.decisions.enumerated() {
                guard let node = scenario.node(decision.node),
                      let choice = node.choices.first(where: { $0.id == decision.choice }) else { continue }
                let offered = decision.offered.compactMap { id in node.choices.first { $0.id == id } }
                lines.append("\(number + 1). **\(node.prompt ?? "At '\(node.id)'")**")
                lines.append("")
                if let tally = decision.tally, tally.count == offered.count {
                    lines += ["   | Choice | Votes |", "   |---|---:|"]
                    for (index, option) in offered.enumerated() {
                        let chosen = option.id == choice.id ? " (chosen)" : ""
                        lines.append("   | \(index + 1). \(cell(option.text))\(chosen) | \(tally[index]) |")
                    }
                    lines.append("")
                } else {
                    lines += ["   No votes were recorded for this decision.", ""]
                }
                lines.append("   The group chose: \(choice.text) — *\(choice.rating.words)*")
                lines.append("")
                lines.append("   " + choice.feedback.split(whereSeparator: \.isNewline).joined(separator: " "))
                lines.append("")
                state = engine.choose(choice, in: state)
            }
            if let ending = engine.node(for: state), ending.isEnding {
                lines += ["### Ending: \(ending.id) (\(ending.ending?.rawValue ?? ""))", ""]
                let debrief = engine.debrief(for: state)
                lines += debrief.isEmpty ? ["No debrief applies to this path.", ""]
                    : debrief.flatMap { [$0.split(whereSeparator: \.isNewline).joined(separator: " "), ""] }
            } else {
                lines += ["The group stopped before an ending, at '\(state.node)'.", ""]
            }
        }
        lines += ["## Group notes", ""]
        if session.notes.isEmpty { lines += ["No notes were written.", ""] }
        for note in session.notes {
            var context = ScenarioRenderer.timestamp(note.createdAt)
            if let scenario = note.scenarioID { context += ", \(scenario)" + (note.nodeID.map { " (\($0))" } ?? "") }
            lines.append("- \(context): " + note.text.split(whereSeparator: \.isNewline).joined(separator: " "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// Splits decisions into runs through one case each: a new run begins when the case
    /// changes or a decision does not follow on from the one before.
    static func runs(of decisions: [GroupDecision], library: ContentLibrary) -> [(scenario: Scenario, decisions: [GroupDecision])] {
        var runs: [(scenario: Scenario, decisions: [GroupDecision])] = []
        var state: PlayState?
        for decision in decisions {
            guard let scenario = library.scenario(decision.scenarioID) else { continue }
            let engine = ScenarioEngine(scenario)
            if let current = state, runs.last?.scenario.id == scenario.id, current.node == decision.node,
               let choice = engine.offeredChoices(in: current).first(where: { $0.id == decision.choice }) {
                runs[runs.count - 1].decisions.append(decision)
                state = engine.choose(choice, in: current)
                continue
            }
            let start = engine.start()
            runs.append((scenario, [decision]))
            if start.node == decision.node, let choice = engine.offeredChoices(in: start).first(where: { $0.id == decision.choice }) {
                state = engine.choose(choice, in: start)
            } else {
                state = nil
            }
        }
        return runs
    }
}
