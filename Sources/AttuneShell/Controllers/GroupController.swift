import AttuneCatalog
import AttuneCore
import AttunePlay
import AttuneStore
import Foundation

/// Group mode, for a trainer leading a room: group sessions, the room's tally, the reveal,
/// facilitator notes and the discussion timer. The room's rules are `GroupPlay`'s and
/// `RoomBoard`'s; phones are `RoomController`'s.
final class GroupController: ShellPart {
    unowned let shell: Shell
    var context: ShellContext { shell.context }
    /// Group mode: play is recorded for the room, apart from personal progress.
    var groupMode = false { didSet { context.narrow = groupMode } }
    /// The group session most recently played, for `group export` with no number.
    var lastGroupSession: Int64?
    /// The small-group discussion timer, while one runs.
    var timer: DiscussionTimer?
    /// The room's shared state in group mode, which the room page serves; one for the whole run,
    /// so the join link and code stay the same.
    var board: RoomBoard?
    /// The room's run through the case in play, in group mode.
    var groupPlay: GroupPlay?
    /// A private screen (`journal`, `progress`, `notes`) asked for once in group mode: typed
    /// again at once, it is shown.
    var sharedScreen = SharedScreen()

    init(shell: Shell) { self.shell = shell }

    var play: PlayController { shell.play }
    var session: PlaySession? {
        get { play.session }
        set { play.session = newValue }
    }

    func group(_ arguments: [String]) {
        switch arguments.first?.lowercased() {
        case "on": startGroupMode()
        case "off": stopGroupMode()
        case "sessions": listGroupSessions()
        case "serve": shell.room.serve(Array(arguments.dropFirst()))
        case "resume":
            guard arguments.count == 2, let number = Int64(arguments[1]) else {
                fail("Use 'group resume N' with a number from 'group sessions', for example: group resume 2")
                return
            }
            resumeGroupSession(number)
        case "export":
            switch arguments.count {
            case 2 where Int64(arguments[1]) != nil:
                // 'group export 1' (or 'group export 1 ""', whose empty name the line drops): a
                // session number without a file, never a file named '1'.
                fail("Give a file to write after the session number, for example: group export \(arguments[1]) session.md "
                    + "(or '-' to show it here).")
            case 2: exportGroup(nil, to: arguments[1])
            case 3:
                guard let number = Int64(arguments[1]) else {
                    fail("Use 'group export N FILE' with a number from 'group sessions', or 'group export FILE' for the latest.")
                    return
                }
                guard !arguments[2].trimmingCharacters(in: .whitespaces).isEmpty else {
                    fail("Give a file to write after the session number, for example: group export \(number) session.md")
                    return
                }
                exportGroup(number, to: arguments[2])
            default: fail("Use 'group export FILE' for the latest session, or 'group export N FILE', for example: group export session.md")
            }
        default:
            fail("Use 'group on', 'group off', 'group sessions', 'group resume N', 'group export [N] FILE' or 'group serve'.")
        }
    }

    func startGroupMode() {
        guard !groupMode else {
            fail("Group mode is already on.")
            return
        }
        guard store != nil else {
            fail("Group mode needs somewhere to keep the room's votes, and the progress file could not be opened.")
            return
        }
        if let current = session {
            session = nil
            current.end()
            say("You left '\(TextLayout.neutralize(current.scenario.title))'; your own place in it is kept.")
        }
        groupMode = true
        if board == nil { board = RoomBoard() }
        say(TextLayout.wrap(style.bold("Group mode is on.") + " 'play' starts a case fresh for the room, apart from your own "
            + "progress; 'group resume N' continues an earlier session. 'votes 7 4 1' records the room's tally, 'reveal' "
            + "compares the options once the room has chosen, 'notes' shows the facilitator notes (the screen may be "
            + "shared), and reflections become group notes. No names are recorded.",
            width: width()).joined(separator: "\n"))
    }

    func stopGroupMode() {
        guard groupMode else {
            fail("Group mode is already off.")
            return
        }
        play.sayWhereLeft()
        endGroupPlay()
        shell.room.stopRoom()
        groupMode = false
        timer = nil
        say("Group mode is off. Every session is kept: 'group sessions' lists them.")
    }

    /// Leaves the room's case, marking its session as ended (it can be resumed, with any tally
    /// and phone votes not yet taken with a choice).
    func endGroupPlay() {
        guard let group = groupPlay else { return }
        _ = group.close(at: now())
        groupPlay = nil
        session = nil
        reportSaveProblems(group)
    }

    /// `play` in group mode: a new group session for this case.
    func startGroupPlay(_ scenario: Scenario) {
        guard let store else { return }
        play.leaveCurrentCase()
        let key = origins.key(for: scenario)
        let id: Int64
        do {
            id = try store.startGroupSession(key, at: now())
        } catch {
            fail("Could not start the group session: \(error)")
            return
        }
        lastGroupSession = id
        say(style.dim("Group session \(id) begins."))
        openGroupPlay(scenario, key: key, session: id)
    }

    func resumeGroupSession(_ id: Int64) {
        guard let store else {
            fail("There are no group sessions: the progress file could not be opened.")
            return
        }
        guard let record = try? store.groupSession(id), let key = record.scenario else {
            fail("There is no group session \(id). Type 'group sessions' to see them.")
            return
        }
        guard let scenario = library.scenarios.first(where: { origins.key(for: $0) == key }) else {
            fail("Group session \(id) played a case that is not loaded now ('\(TextLayout.neutralize(key.id))'). "
                + "'group export \(id) FILE' still writes it.")
            return
        }
        if !groupMode { startGroupMode() }
        play.leaveCurrentCase()
        try? store.reopenGroupSession(id)
        lastGroupSession = id
        say(style.dim("Group session \(id) continues."))
        openGroupPlay(scenario, key: key, session: id)
    }

    /// Opens a group session's case on the room's board and shows where the room stands.
    private func openGroupPlay(_ scenario: Scenario, key: CaseKey, session id: Int64) {
        guard let store, let board else { return }
        guard let (group, opening) = GroupPlay.open(scenario, key: key, session: id, store: store, board: board, now: now) else {
            fail("Group session \(id) is open in another Attune window. Carry on there, or type 'stop' in that window first.")
            return
        }
        groupPlay = group
        session = group.play
        play.showOpening(scenario, outcome: opening.outcome)
        if opening.restoredVotes > 0 || opening.restoredTally != nil {
            var kept: [String] = []
            if let tally = opening.restoredTally {
                kept.append(tally.source == .phones
                    ? "the phones' tally " + tally.counts.map(String.init).joined(separator: " / ") + " (\(counted(tally.total, "vote")))"
                    : "the tally \(Self.tallyWords(tally))")
            }
            if opening.restoredVotes > 0, opening.restoredTally?.source != .phones { kept.append(counted(opening.restoredVotes, "phone vote")) }
            say("Kept from before for this moment: " + kept.joined(separator: " and ") + ". It goes with the room's choice; 'votes' replaces it.")
        }
        reportSaveProblems(group)
        play.showMoment()
    }

    /// What the trainer is told about a change to the room's votes.
    func say(_ notices: [RoomNotice]) {
        for notice in notices {
            switch notice {
            case let .opened(choices):
                say("Voting is open on phones: \(counted(choices, "choice")). Type 'lock' to close it.")
            case let .alreadyOpen(voted):
                say("Voting is already open, and the \(counted(voted, "vote")) in are kept. Type 'lock' to close it.")
            case let .reopened(kept):
                say("Voting is open again. The \(counted(kept, "vote")) already in are kept and phones may change them; "
                    + "'lock' counts them again.")
            case let .locked(tally):
                if let session { say(voteChart(tally, choices: session.offered)) }
            case let .lockedWithoutVotes(kept):
                say("Voting is closed. No phone voted" + (kept.map { ", so the tally \(Self.tallyWords($0)) stands." }
                    ?? ". Type the room's tally with 'votes', for example: votes 7 4 1"))
            case let .replaced(earlier, tally):
                if tally.source == .phones, let session { say(voteChart(tally, choices: session.offered)) }
                say(style.dim("This tally (\(Self.tallyWords(tally))) replaced the one \(earlier.source == .typed ? "typed" : "counted from phones") "
                    + "before (\(Self.tallyWords(earlier)))."))
            case let .lockedForChoice(tally):
                say(tally.map { "Voting closed before the choice; the tally (\(Self.tallyWords($0))) goes with it." }
                    ?? "Voting closed before the choice. No phone had voted, so no tally goes with it.")
            case let .setAside(voted, tally):
                var what: [String] = []
                if let tally { what.append("the tally \(Self.tallyWords(tally))") }
                if voted > 0, tally?.source != .phones { what.append(counted(voted, "phone vote")) }
                say(style.caution("Not used: ") + what.joined(separator: " and ")
                    + " for the moment the room left without choosing.")
            }
        }
    }

    /// "7 / 4 / 1, from phones".
    static func tallyWords(_ tally: RoomTally) -> String {
        tally.counts.map(String.init).joined(separator: " / ") + (tally.source == .phones ? ", from phones" : "")
            + (tally.roomSize.map { ", of \($0)" } ?? "")
    }

    func reportSaveProblems(_ group: GroupPlay) {
        for problem in group.takeSaveProblems() { fail("Could not save: \(problem)") }
    }

    func listGroupSessions() {
        guard let store else {
            fail("There are no group sessions: the progress file could not be opened.")
            return
        }
        let sessions: [GroupSessionSummary]
        do {
            sessions = try store.groupSessions()
        } catch {
            fail("Could not read the group sessions: \(error)")
            return
        }
        guard !sessions.isEmpty else {
            say("There are no group sessions yet. Type 'group on', then 'play' a case with the room.")
            return
        }
        var lines = [style.heading("Group sessions")]
        for summary in sessions {
            let title = summary.scenario.flatMap { key in library.scenarios.first { origins.key(for: $0) == key }?.title }
                ?? summary.scenario?.id ?? "no case"
            let state = summary.endedAt == nil ? "open" : "ended"
            lines += TextLayout.wrap("\(summary.id). \(ScenarioRenderer.timestamp(summary.startedAt)) · "
                + TextLayout.neutralize(title) + " · \(summary.decisions) decision\(summary.decisions == 1 ? "" : "s"), "
                + "\(summary.notes) note\(summary.notes == 1 ? "" : "s") · \(state)", width: width(), indent: "     ", firstIndent: "  ")
        }
        lines.append(style.dim("'group resume N' continues one; 'group export N FILE' writes it."))
        say(lines.joined(separator: "\n"))
    }

    /// In group mode the screen is shared: a private screen is shown only when asked for twice in a row.
    func confirmPrivateOnSharedScreen(_ command: String, what: String, them: Bool = false) -> Bool {
        guard groupMode else { return true }
        if sharedScreen.mayShow(command, line: context.linesRun) { return true }
        say(style.caution("This shows \(what) on the shared screen.") + " Pause the projector, then type '\(command)' again to show \(them ? "them" : "it").")
        return false
    }

    func facilitatorNotes() {
        guard groupMode else {
            fail("'notes' is for group mode. Type 'group on' first.")
            return
        }
        guard let current = play.requireCase("notes") else { return }
        guard confirmPrivateOnSharedScreen("notes", what: "the facilitator notes, which can name the most attuned responses,", them: true) else { return }
        say(style.caution("Facilitator notes."))
        if current.scenario.facilitator?.notes == nil && current.node?.facilitator == nil {
            say("This case has no facilitator notes for this moment.")
            return
        }
        showFacilitation(current.scenario, node: current.node, discussion: false)
    }

    /// Notes for the trainer: the case's notes and discussion prompts, and this moment's line.
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
            lines += TextLayout.wrap(style.caution("At this moment: ") + TextLayout.neutralize(line), width: width())
        }
        if !lines.isEmpty { say("\n" + lines.joined(separator: "\n")) }
    }

    func discuss() {
        guard groupMode else {
            fail("'discuss' is for group mode. Type 'group on' first.")
            return
        }
        guard let current = play.requireCase("discuss") else { return }
        if current.scenario.facilitator?.discussion.isEmpty ?? true {
            say("This case has no discussion prompts. You might ask: what did you notice first, and what did you feel?")
        } else {
            showFacilitation(current.scenario, node: current.node, notes: false)
        }
        play.choicesReminder()
    }

    func votes(_ arguments: [String]) {
        guard groupMode else {
            fail("'votes' is for group mode. Type 'group on' first.")
            return
        }
        guard let current = play.requireCase("votes") else { return }
        let offered = current.offered
        guard !offered.isEmpty else {
            fail("There are no choices to vote on at this moment.")
            return
        }
        guard let group = groupPlay else { return }
        let tally: Tally
        do {
            tally = try Tally.parse(arguments, offered: offered.count)
        } catch {
            let example = [7, 4, 1, 0, 0, 0, 0, 0, 0][..<min(offered.count, 9)].map(String.init).joined(separator: " ")
            switch error {
            case let .moreThanRoom(total, room):
                fail("The votes add up to \(total), more than the \(room) in the room. Count again, or leave out 'of \(room)'.")
            case let .tooLarge(word):
                fail("\(TextLayout.neutralize(word)) is more than any room holds. Give one whole number for each of the "
                    + "\(offered.count) choices, for example: votes \(example)")
            case .wrongCount, .notANumber:
                fail("Give one whole number for each of the \(offered.count) choices, in order, for example: votes \(example)")
            }
            return
        }
        let notices: [RoomNotice]
        do {
            notices = try group.setTally(tally)
        } catch {
            fail("There is nothing to vote on at this moment.")
            return
        }
        say(voteChart(RoomTally(counts: tally.counts, roomSize: tally.roomSize, source: .typed), choices: offered))
        say(notices)
        if board?.phase == .voting {
            say(style.dim("Voting on phones is still open; 'lock' will count the phones' votes in place of this tally."))
        }
        reportSaveProblems(group)
        if let room = tally.roomSize, tally.total < room {
            say(style.dim("\(tally.total) of the \(room) in the room voted."))
        }
    }

    /// The tally as horizontal bars, one per choice, with short labels for a projector; in
    /// accessible mode, words and numbers.
    func voteChart(_ tally: RoomTally, choices: [Choice]) -> String {
        let counts = tally.counts
        if accessible {
            var lines = ["The room's votes\(tally.source == .phones ? " from phones" : ""), \(tally.total) in all:"]
            for (index, choice) in choices.enumerated() {
                lines += TextLayout.wrap("Choice \(index + 1), \(counts[index]) vote\(counts[index] == 1 ? "" : "s"): "
                    + TextLayout.neutralize(choice.text), width: width(), indent: "    ", firstIndent: "  ")
            }
            lines.append("Now choose the response the group settles on.")
            return lines.joined(separator: "\n")
        }
        let most = max(counts.max() ?? 0, 1)
        let labelWidth = min(28, width() / 2 - 2)
        let barCells = max(4, min(30, width() - labelWidth - 10))
        var lines = [style.heading(tally.source == .phones ? "The phones' votes" : "The room's votes")
            + style.dim(" (\(tally.total) in all)"), ""]
        for (index, choice) in choices.enumerated() {
            var label = "\(index + 1). " + TextLayout.neutralize(choice.text)
            if label.count > labelWidth { label = String(label.prefix(labelWidth - 1)) + "…" }
            let bar = ScenarioRenderer.bar(counts[index], of: most, cells: barCells)
            lines.append("  " + label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + "  " + style.code(bar)
                + " \(counts[index])")
            lines.append("")
        }
        lines.append(style.dim("Now choose the response the group settles on."))
        return lines.joined(separator: "\n")
    }

    /// The options at the decision just made, with their ratings; only after the room chose.
    func reveal() {
        guard groupMode else {
            fail("'reveal' is for group mode. Type 'group on' first.")
            return
        }
        guard play.requireCase("reveal") != nil, let group = groupPlay else { return }
        guard !group.play.state.path.isEmpty, let (_, options) = group.reveal() else {
            fail("Ratings stay hidden until the room has chosen. Take the group's choice first, then type 'reveal'.")
            return
        }
        say(GroupRenderer(style: style, width: width(), accessible: accessible, catalog: catalog).reveal(options))
    }

    func timerCommand(_ arguments: [String]) {
        guard groupMode else {
            fail("'timer' is for group mode. Type 'group on' first.")
            return
        }
        guard let first = arguments.first else {
            if let timer { say(timerLine(timer)) } else { say("No timer is running. 'timer 5' starts five minutes.") }
            return
        }
        if first.lowercased() == "off" {
            timer = nil
            _ = try? board?.apply(.timer(nil))
            say("The timer is off.")
            return
        }
        guard let minutes = Double(first.replacingOccurrences(of: ",", with: ".")), minutes > 0, minutes <= 180 else {
            fail("Use 'timer MINUTES' with a number from 1 to 180, for example: timer 5. 'timer off' stops it.")
            return
        }
        timer = DiscussionTimer(minutes: minutes, from: now())
        _ = try? board?.apply(.timer(timer?.endsAt))
        say("Timer: \(Self.minutesWords(minutes)) for discussion. The time left shows whenever you type.")
    }

    static func minutesWords(_ minutes: Double) -> String {
        minutes == minutes.rounded() ? "\(Int(minutes)) minute\(minutes == 1 ? "" : "s")" : "\(minutes) minutes"
    }

    func timerLine(_ timer: DiscussionTimer) -> String {
        let left = timer.remaining(at: now())
        return style.dim("Discussion time left: \(left / 60):" + String(format: "%02d", left % 60))
    }

    /// After each command, and before each prompt: the time left, or that the time is up (once).
    func timerNotice(beforePrompt: Bool) {
        guard let current = timer else { return }
        if current.isUp(at: now()) {
            timer = nil
            say(style.caution("Time is up for the discussion."))
        } else if !beforePrompt {
            say(timerLine(current))
        }
    }

    func exportGroup(_ number: Int64?, to argument: String) {
        guard let store else {
            fail("There is no group session to export: the progress file could not be opened.")
            return
        }
        let path = Shell.absolutePath(argument)
        let record: GroupSessionRecord
        do {
            guard let id = try GroupSessionToExport.choose(named: number, playing: session?.groupSession, playedLast: lastGroupSession,
                                                           latest: store.latestGroupSession) else {
                fail("There is no group session yet. Type 'group on' and 'play' a case to start one.")
                return
            }
            guard let found = try store.groupSession(id) else {
                fail("There is no group session \(id). Type 'group sessions' to see them.")
                return
            }
            record = found
        } catch {
            fail("Could not read the group session: \(error)")
            return
        }
        // The case the session played; by id alone when it was loaded from another folder since.
        let scenario = record.scenario.flatMap { key in
            library.scenarios.first { origins.key(for: $0) == key } ?? library.scenarios.first { $0.id == key.id }
        }
        let decisions = record.decisions.count, notes = record.notes.count
        savePrivately(GroupExport.markdown(record, scenario: scenario), to: path, saying: "group session \(record.id) "
            + "(\(decisions) decision\(decisions == 1 ? "" : "s"), \(notes) note\(notes == 1 ? "" : "s"))")
    }
}
