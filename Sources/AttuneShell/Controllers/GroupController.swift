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
                fail(words(.resumeUsage))
                return
            }
            resumeGroupSession(number)
        case "export":
            switch arguments.count {
            case 2 where Int64(arguments[1]) != nil:
                // 'group export 1' (or 'group export 1 ""', whose empty name the line drops): a
                // session number without a file, never a file named '1'.
                fail(words(.exportNeedsFile(number: arguments[1])))
            case 2: exportGroup(nil, to: arguments[1])
            case 3:
                guard let number = Int64(arguments[1]) else {
                    fail(words(.exportNumberUsage))
                    return
                }
                guard !arguments[2].trimmingCharacters(in: .whitespaces).isEmpty else {
                    fail(words(.exportNeedsFileAfter(number: number)))
                    return
                }
                exportGroup(number, to: arguments[2])
            default: fail(words(.exportUsage))
            }
        default:
            fail(words(.usage))
        }
    }

    func startGroupMode() {
        guard !groupMode else {
            fail(words(.alreadyOn))
            return
        }
        guard store != nil else {
            fail(words(.needsStore))
            return
        }
        if let current = session {
            session = nil
            current.end()
            say(words(.leftCase(title: TextLayout.neutralize(current.scenario.title))))
        }
        groupMode = true
        if board == nil { board = RoomBoard() }
        say(TextLayout.wrap(style.bold(words(.groupModeOn)) + " " + words(.groupModeHelp), width: width()).joined(separator: "\n"))
    }

    func stopGroupMode() {
        guard groupMode else {
            fail(words(.alreadyOff))
            return
        }
        play.sayWhereLeft()
        endGroupPlay()
        shell.room.stopRoom()
        groupMode = false
        timer = nil
        say(words(.groupModeOff))
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
            fail(words(.couldNotStart(error: "\(error)")))
            return
        }
        lastGroupSession = id
        say(style.dim(words(.sessionBegins(id))))
        openGroupPlay(scenario, key: key, session: id)
    }

    func resumeGroupSession(_ id: Int64) {
        guard let store else {
            fail(words(.noSessionsWithoutStore))
            return
        }
        guard let record = try? store.groupSession(id), let key = record.scenario else {
            fail(words(.noSuchSession(id)))
            return
        }
        guard let scenario = library.scenarios.first(where: { origins.key(for: $0) == key }) else {
            fail(words(.sessionCaseNotLoaded(session: id, caseID: TextLayout.neutralize(key.id))))
            return
        }
        if !groupMode { startGroupMode() }
        play.leaveCurrentCase()
        try? store.reopenGroupSession(id)
        lastGroupSession = id
        say(style.dim(words(.sessionContinues(id))))
        openGroupPlay(scenario, key: key, session: id)
    }

    /// Opens a group session's case on the room's board and shows where the room stands.
    private func openGroupPlay(_ scenario: Scenario, key: CaseKey, session id: Int64) {
        guard let store, let board else { return }
        guard let (group, opening) = GroupPlay.open(scenario, key: key, session: id, store: store, board: board, now: now) else {
            fail(words(.openElsewhere(id)))
            return
        }
        groupPlay = group
        session = group.play
        play.showOpening(scenario, outcome: opening.outcome)
        if opening.restoredVotes > 0 || opening.restoredTally != nil {
            let phoneVotes = opening.restoredTally?.source != .phones ? opening.restoredVotes : 0
            say(words(.keptFromBefore(tally: opening.restoredTally?.words, phoneVotes: phoneVotes)))
        }
        reportSaveProblems(group)
        play.showMoment()
    }

    /// What the trainer is told about a change to the room's votes.
    func say(_ notices: [RoomNotice]) {
        for notice in notices {
            switch notice {
            case let .opened(choices):
                say(words(.votingOpened(choices: choices)))
            case let .alreadyOpen(voted):
                say(words(.votingAlreadyOpen(voted: voted)))
            case let .reopened(kept):
                say(words(.votingReopened(kept: kept)))
            case let .locked(tally):
                if let session { say(voteChart(tally, choices: session.offered)) }
            case let .lockedWithoutVotes(kept):
                say(words(.lockedWithoutVotes(kept: kept?.words)))
            case let .replaced(earlier, tally):
                if tally.source == .phones, let session { say(voteChart(tally, choices: session.offered)) }
                say(style.dim(words(.tallyReplaced(tally: tally.words, earlier: earlier.words))))
            case let .lockedForChoice(tally):
                say(words(.lockedForChoice(tally?.words)))
            case let .setAside(voted, tally):
                let phoneVotes = tally?.source != .phones ? voted : 0
                say(style.caution(words(.notUsedLabel)) + words(.notUsed(tally: tally?.words, phoneVotes: phoneVotes)))
            }
        }
    }

    /// The room's words in the trainer's language.
    func words(_ line: RoomText.Group) -> String { catalog.room(.group(line)) }

    func reportSaveProblems(_ group: GroupPlay) {
        for problem in group.takeSaveProblems() { fail(words(.couldNotSave(problem: problem))) }
    }

    func listGroupSessions() {
        guard let store else {
            fail(words(.noSessionsWithoutStore))
            return
        }
        let sessions: [GroupSessionSummary]
        do {
            sessions = try store.groupSessions()
        } catch {
            fail(words(.couldNotReadSessions(error: "\(error)")))
            return
        }
        guard !sessions.isEmpty else {
            say(words(.noSessionsYet))
            return
        }
        var lines = [style.heading(words(.sessionsHeading))]
        for summary in sessions {
            let title = summary.scenario.flatMap { key in library.scenarios.first { origins.key(for: $0) == key }?.title }
                ?? summary.scenario?.id
            lines += TextLayout.wrap(words(.sessionLine(number: summary.id, started: ScenarioRenderer.timestamp(summary.startedAt),
                                                        title: title.map(TextLayout.neutralize), decisions: summary.decisions,
                                                        notes: summary.notes, open: summary.endedAt == nil)),
                                     width: width(), indent: "     ", firstIndent: "  ")
        }
        lines.append(style.dim(words(.sessionsHint)))
        say(lines.joined(separator: "\n"))
    }

    /// In group mode the screen is shared: a private screen is shown only when asked for twice in a row.
    func confirmPrivateOnSharedScreen(_ command: String, what: RoomText.PrivateScreen, them: Bool = false) -> Bool {
        guard groupMode else { return true }
        if sharedScreen.mayShow(command, line: context.linesRun) { return true }
        say(style.caution(words(.privateOnSharedScreen(what))) + " " + words(.showAgain(command: command, plural: them)))
        return false
    }

    func facilitatorNotes() {
        guard groupMode else {
            fail(words(.forGroupMode(command: "notes")))
            return
        }
        guard let current = play.requireCase("notes") else { return }
        guard confirmPrivateOnSharedScreen("notes", what: .facilitatorNotes, them: true) else { return }
        say(style.caution(words(.facilitatorNotesTitle)))
        if current.scenario.facilitator?.notes == nil && current.node?.facilitator == nil {
            say(words(.noFacilitatorNotes))
            return
        }
        showFacilitation(current.scenario, node: current.node, discussion: false)
    }

    /// Notes for the trainer: the case's notes and discussion prompts, and this moment's line.
    func showFacilitation(_ scenario: Scenario, node: ScenarioNode?, notes showNotes: Bool = true, discussion: Bool = true) {
        var lines: [String] = []
        if let facilitation = scenario.facilitator {
            if showNotes, let notes = facilitation.notes {
                lines += [style.heading(words(.forTheFacilitator))] + TextLayout.reflow(TextLayout.neutralize(notes), width: width())
            }
            if discussion, !facilitation.discussion.isEmpty {
                lines += ["", style.heading(words(.toDiscuss))]
                for prompt in facilitation.discussion {
                    lines += TextLayout.wrap(TextLayout.neutralize(prompt), width: width(), indent: "    ", firstIndent: "  - ")
                }
            }
        }
        if showNotes, let line = node?.facilitator {
            if !lines.isEmpty { lines.append("") }
            lines += TextLayout.wrap(style.caution(words(.atThisMoment)) + TextLayout.neutralize(line), width: width())
        }
        if !lines.isEmpty { say("\n" + lines.joined(separator: "\n")) }
    }

    func discuss() {
        guard groupMode else {
            fail(words(.forGroupMode(command: "discuss")))
            return
        }
        guard let current = play.requireCase("discuss") else { return }
        if current.scenario.facilitator?.discussion.isEmpty ?? true {
            say(words(.noDiscussionPrompts))
        } else {
            showFacilitation(current.scenario, node: current.node, notes: false)
        }
        play.choicesReminder()
    }

    func votes(_ arguments: [String]) {
        guard groupMode else {
            fail(words(.forGroupMode(command: "votes")))
            return
        }
        guard let current = play.requireCase("votes") else { return }
        let offered = current.offered
        guard !offered.isEmpty else {
            fail(words(.noChoicesToVoteOn))
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
                fail(words(.votesMoreThanRoom(total: total, room: room)))
            case let .tooLarge(word):
                fail(words(.votesTooLarge(word: TextLayout.neutralize(word), choices: offered.count, example: example)))
            case .wrongCount, .notANumber:
                fail(words(.votesWrongCount(choices: offered.count, example: example)))
            }
            return
        }
        let notices: [RoomNotice]
        do {
            notices = try group.setTally(tally)
        } catch {
            fail(words(.nothingToVoteOn))
            return
        }
        say(voteChart(RoomTally(counts: tally.counts, roomSize: tally.roomSize, source: .typed), choices: offered))
        say(notices)
        if board?.phase == .voting {
            say(style.dim(words(.phonesStillOpen)))
        }
        reportSaveProblems(group)
        if let room = tally.roomSize, tally.total < room {
            say(style.dim(words(.votedOfRoom(voted: tally.total, room: room))))
        }
    }

    /// The tally as horizontal bars, one per choice, with short labels for a projector; in
    /// accessible mode, words and numbers.
    func voteChart(_ tally: RoomTally, choices: [Choice]) -> String {
        let counts = tally.counts
        if accessible {
            var lines = [words(.chartAccessibleHeading(fromPhones: tally.source == .phones, total: tally.total))]
            for (index, choice) in choices.enumerated() {
                lines += TextLayout.wrap(words(.chartAccessibleLine(number: index + 1, votes: counts[index], text: TextLayout.neutralize(choice.text))),
                                         width: width(), indent: "    ", firstIndent: "  ")
            }
            lines.append(words(.chooseNow))
            return lines.joined(separator: "\n")
        }
        let most = max(counts.max() ?? 0, 1)
        let labelWidth = min(28, width() / 2 - 2)
        let barCells = max(4, min(30, width() - labelWidth - 10))
        var lines = [style.heading(words(.chartHeading(fromPhones: tally.source == .phones))) + style.dim(words(.chartTotal(tally.total))), ""]
        for (index, choice) in choices.enumerated() {
            var label = "\(index + 1). " + TextLayout.neutralize(choice.text)
            if label.count > labelWidth { label = String(label.prefix(labelWidth - 1)) + "…" }
            let bar = ScenarioRenderer.bar(counts[index], of: most, cells: barCells)
            lines.append("  " + label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + "  " + style.code(bar)
                + " \(counts[index])")
            lines.append("")
        }
        lines.append(style.dim(words(.chooseNow)))
        return lines.joined(separator: "\n")
    }

    /// The options at the decision just made, with their ratings; only after the room chose.
    func reveal() {
        guard groupMode else {
            fail(words(.forGroupMode(command: "reveal")))
            return
        }
        guard play.requireCase("reveal") != nil, let group = groupPlay else { return }
        guard !group.play.state.path.isEmpty, let (_, options) = group.reveal() else {
            fail(words(.revealTooEarly))
            return
        }
        say(GroupRenderer(style: style, width: width(), accessible: accessible, catalog: catalog).reveal(options))
    }

    func timerCommand(_ arguments: [String]) {
        guard groupMode else {
            fail(words(.forGroupMode(command: "timer")))
            return
        }
        guard let first = arguments.first else {
            if let timer { say(timerLine(timer)) } else { say(words(.noTimer)) }
            return
        }
        if first.lowercased() == "off" {
            timer = nil
            _ = try? board?.apply(.timer(nil))
            say(words(.timerOff))
            return
        }
        guard let minutes = Double(first.replacingOccurrences(of: ",", with: ".")), minutes > 0, minutes <= 180 else {
            fail(words(.timerUsage))
            return
        }
        timer = DiscussionTimer(minutes: minutes, from: now())
        _ = try? board?.apply(.timer(timer?.endsAt))
        say(words(.timerStarted(minutes: minutes)))
    }

    func timerLine(_ timer: DiscussionTimer) -> String {
        let left = timer.remaining(at: now())
        return style.dim(words(.timeLeft(minutes: left / 60, seconds: left % 60)))
    }

    /// After each command, and before each prompt: the time left, or that the time is up (once).
    func timerNotice(beforePrompt: Bool) {
        guard let current = timer else { return }
        if current.isUp(at: now()) {
            timer = nil
            say(style.caution(words(.timeUp)))
        } else if !beforePrompt {
            say(timerLine(current))
        }
    }

    func exportGroup(_ number: Int64?, to argument: String) {
        guard let store else {
            fail(words(.noSessionToExportWithoutStore))
            return
        }
        let path = Shell.absolutePath(argument)
        let record: GroupSessionRecord
        do {
            guard let id = try GroupSessionToExport.choose(named: number, playing: session?.groupSession, playedLast: lastGroupSession,
                                                           latest: store.latestGroupSession) else {
                fail(words(.noSessionToExportYet))
                return
            }
            guard let found = try store.groupSession(id) else {
                fail(words(.noSuchSession(id)))
                return
            }
            record = found
        } catch {
            fail(words(.couldNotReadSession(error: "\(error)")))
            return
        }
        // The case the session played; by id alone when it was loaded from another folder since.
        let scenario = record.scenario.flatMap { key in
            library.scenarios.first { origins.key(for: $0) == key } ?? library.scenarios.first { $0.id == key.id }
        }
        savePrivately(GroupExport.markdown(record, scenario: scenario, catalog: catalog), to: path,
                      saying: .groupSession(id: record.id, decisions: record.decisions.count, notes: record.notes.count))
    }
}

extension RoomTally {
    /// The tally as the catalog words it.
    var words: RoomText.Tally { RoomText.Tally(counts: counts, fromPhones: source == .phones, roomSize: roomSize) }
}
