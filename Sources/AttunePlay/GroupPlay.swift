import AttuneCatalog
import AttuneCore
import AttuneStore
import Foundation

/// A room's run through one case: the rules of group play, with no terminal. It owns the
/// case in play (`PlaySession`, recording into the group session) and drives the shared
/// `RoomBoard` that phones and the projector read. The shell renders what it returns.
///
/// Invariant (tested against a model in `GroupPlayModelTests`): no phone vote that was
/// answered "Your vote is in" and no typed tally is ever discarded silently. Each is either
/// recorded with the decision it was given for, kept in the record's pending tally until the
/// room chooses (across `stop`, quitting and a crash), or named in a `RoomNotice` when the
/// room leaves the moment without choosing (`back`, `restart`).
public final class GroupPlay {
    public let play: PlaySession
    public let board: RoomBoard
    public let sessionID: Int64
    private let store: ProgressStore
    private var pass: Int

    /// What opening found: how the case was resumed, and what it restored of an unfinished vote.
    public struct Opening: Sendable, Equatable {
        public var outcome: OpenOutcome
        /// Phone votes and a tally kept from before, restored to the moment they were given for.
        public var restoredVotes: Int
        public var restoredTally: RoomTally?
    }

    private init(play: PlaySession, board: RoomBoard, sessionID: Int64, store: ProgressStore, pass: Int) {
        self.play = play
        self.board = board
        self.sessionID = sessionID
        self.store = store
        self.pass = pass
    }

    /// Opens group session `id` on `scenario` (continuing where the room stopped, on the same
    /// pass) and puts its moment on `board`. Nil when another Attune window has the session open.
    public static func open(_ scenario: Scenario, key: CaseKey, session id: Int64, store: ProgressStore, board: RoomBoard,
                            now: @escaping () -> Date = Date.init) -> (GroupPlay, Opening)? {
        let (play, outcome) = PlaySession.open(scenario, key: key, store: store, recording: .group(id), now: now)
        guard outcome != .openElsewhere else {
            play.end()
            return nil
        }
        let record = try? store.groupSession(id)
        let group = GroupPlay(play: play, board: board, sessionID: id, store: store, pass: record?.pass ?? 1)
        var opening = Opening(outcome: outcome, restoredVotes: 0, restoredTally: nil)
        var ballots: [String: Int] = [:]
        var tally: RoomTally?
        if let pending = record?.pending, RoomMoment.Place(pass: pending.pass, step: pending.step, node: pending.node) == group.place,
           pending.ballots.values.allSatisfy({ $0 >= 0 && $0 < play.offered.count }) {
            ballots = pending.ballots
            tally = pending.tally.map { RoomTally(counts: $0, roomSize: pending.roomSize, source: pending.tallySource ?? .typed) }
            if tally == nil, !ballots.isEmpty {
                // Voting was open when the room stopped: the votes in become the moment's tally.
                var counts = Array(repeating: 0, count: play.offered.count)
                for choice in ballots.values { counts[choice] += 1 }
                tally = RoomTally(counts: counts, source: .phones)
            }
            opening.restoredVotes = ballots.count
            opening.restoredTally = tally
        }
        board.keepState(with: group.keeper())
        group.publish(ballots: ballots, tally: tally)
        return (group, opening)
    }

    /// Keeps the moment's votes and tally in the record after every change to the board.
    private func keeper() -> @Sendable (RoomMachine) -> String? {
        let store = self.store, id = sessionID
        return { machine in
            // Closing the room (`stop`, quitting) leaves the record as it was, to resume from.
            guard machine.phase != .closed else { return nil }
            var pending: GroupPending?
            if let place = machine.moment?.place, machine.phase != .ended, !machine.ballots.isEmpty || machine.tally != nil {
                pending = GroupPending(pass: place.pass, step: place.step, node: place.node, voting: machine.phase == .voting,
                                       tally: machine.tally?.counts, tallySource: machine.tally?.source,
                                       roomSize: machine.tally?.roomSize, ballots: machine.ballots)
            }
            do {
                try store.saveGroupPending(session: id, pending, at: Date())
                return nil
            } catch {
                return (error as? StoreError)?.description ?? "\(error)"
            }
        }
    }

    private var place: RoomMoment.Place { RoomMoment.Place(pass: pass, step: play.state.path.count, node: play.state.node) }

    /// The moment in front of the room, as phones and the projector show it.
    var moment: RoomMoment? {
        guard let node = play.node, !node.isEnding else { return nil }
        let place = self.place
        return RoomMoment(caseTitle: TerminalText.neutralize(play.scenario.title), number: play.momentNumber,
                          story: TerminalText.neutralize(node.text), prompt: TerminalText.neutralize(node.prompt ?? ""),
                          choices: play.offered.map { TerminalText.neutralize($0.text) },
                          place: place)
    }

    /// Shows the room's current moment afresh (or the ending's path).
    private func publish(ballots: [String: Int] = [:], tally: RoomTally? = nil) {
        if let moment {
            _ = try? board.apply(.show(moment, ballots: ballots, tally: tally))
        } else {
            _ = try? board.apply(.show(RoomMoment(caseTitle: TerminalText.neutralize(play.scenario.title), number: nil,
                                                  prompt: "", choices: [])))
            _ = try? board.apply(.chose(lastReveal ?? RoomReveal(momentNumber: nil, chosen: 0, options: []), next: nil,
                                        summary: roomSummary))
        }
    }

    // MARK: The trainer's events

    /// `open`: phones may vote on this moment.
    public func open() throws(RoomRefusal) -> [RoomNotice] {
        guard !play.offered.isEmpty else { throw .nothingToVoteOn }
        return try board.apply(.open)
    }

    /// `lock`: voting closes and the phones' votes become the moment's tally.
    public func lock() throws(RoomRefusal) -> [RoomNotice] {
        try board.apply(.lock)
    }

    /// `votes 7 4 1`: the room's tally, typed.
    public func setTally(_ tally: Tally) throws(RoomRefusal) -> [RoomNotice] {
        try board.apply(.typed(RoomTally(counts: tally.counts, roomSize: tally.roomSize, source: .typed)))
    }

    /// The tally that would go with a choice made now.
    public var tally: RoomTally? { board.state.tally }

    /// The room's choice. Voting still open is closed first, and the phones' tally goes with
    /// the choice; the decision's ratings stay hidden on the pages until `reveal`.
    public func choose(_ selector: String) throws(PlayError) -> (ChoiceOutcome, [RoomNotice]) {
        _ = try play.engine.choose(selector, in: play.state)
        var notices: [RoomNotice] = []
        if board.phase == .voting { notices += (try? board.apply(.lockForChoice)) ?? [] }
        let number = play.momentNumber
        let outcome = try play.choose(selector, tally: board.state.tally)
        let reveal = revealOfLastDecision(number: number)
        _ = try? board.apply(.chose(reveal ?? RoomReveal(momentNumber: number, chosen: 0, options: []), next: moment,
                                    summary: play.isAtEnding ? roomSummary : nil))
        return (outcome, notices)
    }

    /// `reveal`: the last decision's options and ratings, on the pages too. Nil before the room chose.
    public func reveal() -> (GroupDecision, [GroupRoom.RevealedOption])? {
        guard let decision = lastDecision else { return nil }
        if board.state.lastReveal == nil, let reveal = revealOfLastDecision(number: play.momentNumber - 1) {
            // After a resume the board has no reveal yet: the last decision's is shown.
            _ = try? board.apply(.chose(reveal, next: moment, summary: play.isAtEnding ? roomSummary : nil))
        }
        _ = try? board.apply(.reveal)
        return (decision, GroupRoom.reveal(decision, in: play.scenario))
    }

    /// `back`: the last decision is taken back and stays in the record, marked, with its tally.
    public func back() -> (BackOutcome, [RoomNotice]) {
        let outcome = play.back()
        guard case .returned = outcome else { return (outcome, []) }
        let notices = (try? board.apply(.show(moment ?? placeholder))) ?? []
        return (outcome, notices)
    }

    /// `restart`: a new pass through the case within the session; earlier passes stay in the record.
    public func restart() -> [RoomNotice] {
        play.restart()
        pass = (try? store.groupSession(sessionID)?.pass) ?? pass + 1
        return (try? board.apply(.show(moment ?? placeholder))) ?? []
    }

    /// `stop`, quitting, `group off`: the room closes; its place, tally and votes stay in the
    /// record for `group resume`.
    public func close(at date: Date) -> (votes: Int, tally: RoomTally?) {
        let state = board.state
        _ = try? board.apply(.close)
        board.keepState(with: nil)
        play.end()
        try? store.endGroupSession(sessionID, at: date)
        return (state.ballots.count, state.tally)
    }

    /// Problems keeping the room's state, for the front end to report once.
    public func takeSaveProblems() -> [String] {
        play.takeSaveProblems() + board.takeProblems()
    }

    // MARK: What the room is shown

    /// The decisions of the path the room is on.
    public var decisions: [GroupDecision] { (try? store.groupSession(sessionID)?.decisions) ?? [] }

    private var lastDecision: GroupDecision? { decisions.last }

    private func revealOfLastDecision(number: Int) -> RoomReveal? {
        guard let decision = lastDecision else { return nil }
        let options = GroupRoom.reveal(decision, in: play.scenario)
        return RoomReveal(momentNumber: number, chosen: options.first(where: \.chosen)?.number ?? 0,
                          options: options.map { .init(number: $0.number, text: TerminalText.neutralize($0.text),
                                                       rating: $0.rating, why: TerminalText.neutralize($0.why),
                                                       votes: $0.votes) })
    }

    private var lastReveal: RoomReveal? { revealOfLastDecision(number: max(1, play.momentNumber - 1)) }

    /// The room's path at an ending: for each decision, the split, the choice and the most attuned offered.
    public var summary: [GroupRoom.SummaryLine] { GroupRoom.summary(decisions, in: play.scenario) }

    private var roomSummary: RoomSummary {
        RoomSummary(lines: summary.map { line in
            .init(moment: TerminalText.neutralize(line.moment), votes: line.tally,
                  chosen: line.chosen.number, chosenRating: line.chosen.rating,
                  mostAttuned: line.mostAttuned.number, mostAttunedRating: line.mostAttuned.rating, matched: line.matched)
        })
    }

    private var placeholder: RoomMoment {
        RoomMoment(caseTitle: TerminalText.neutralize(play.scenario.title), number: nil, prompt: "", choices: [])
    }
}
