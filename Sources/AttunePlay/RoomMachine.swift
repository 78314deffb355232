import AttuneCore
import AttuneStore
import Foundation

/// The moment a room is deciding on, as phones and the projector show it: text only, never
/// ratings or facilitator notes.
public struct RoomMoment: Sendable, Equatable, Codable {
    public var caseTitle: String
    /// 3 for "Moment 3": the moment's place along the room's path, which each page words in
    /// its own language; nil for no moment (the ending, a placeholder).
    public var number: Int?
    /// The moment's story, paragraphs separated by a blank line.
    public var story: String
    /// The node's prompt; empty when it has none (each page then asks in its own language).
    public var prompt: String
    public var choices: [String]
    /// Where the moment stands in its group session, for the record; nil for a board with no case.
    public var place: Place?

    /// A moment's pass, how many decisions of the pass came before it, and its node. A tally
    /// kept in the record names it, so it is only ever restored to the moment it was given for.
    public struct Place: Sendable, Equatable, Codable {
        public var pass: Int
        public var step: Int
        public var node: String
    }

    public init(caseTitle: String, number: Int?, story: String = "", prompt: String, choices: [String], place: Place? = nil) {
        self.caseTitle = caseTitle
        self.number = number
        self.story = story
        self.prompt = prompt
        self.choices = choices
        self.place = place
    }
}

/// After the room chooses: every option offered, with its rating and one line of why. Each
/// page words the rating in its own language.
public struct RoomReveal: Sendable, Equatable, Codable {
    public struct Option: Sendable, Equatable, Codable {
        public var number: Int
        public var text: String
        public var rating: Rating
        public var why: String
        public var votes: Int?

        public init(number: Int, text: String, rating: Rating, why: String, votes: Int?) {
            self.number = number
            self.text = text
            self.rating = rating
            self.why = why
            self.votes = votes
        }
    }

    /// The moment it belongs to (2 for "Moment 2"), so it is never mistaken for the next one's.
    public var momentNumber: Int?
    /// The room's choice, numbered from 1.
    public var chosen: Int
    public var options: [Option]

    public init(momentNumber: Int?, chosen: Int, options: [Option]) {
        self.momentNumber = momentNumber
        self.chosen = chosen
        self.options = options
    }
}

/// The room's path at an ending.
public struct RoomSummary: Sendable, Equatable, Codable {
    public struct Line: Sendable, Equatable, Codable {
        public var moment: String
        public var votes: [Int]?
        /// The option the room chose, numbered from 1, and its rating.
        public var chosen: Int
        public var chosenRating: Rating
        /// The most attuned option offered, and its rating.
        public var mostAttuned: Int
        public var mostAttunedRating: Rating
        public var matched: Bool

        public init(moment: String, votes: [Int]?, chosen: Int, chosenRating: Rating, mostAttuned: Int, mostAttunedRating: Rating,
                    matched: Bool) {
            self.moment = moment
            self.votes = votes
            self.chosen = chosen
            self.chosenRating = chosenRating
            self.mostAttuned = mostAttuned
            self.mostAttunedRating = mostAttunedRating
            self.matched = matched
        }
    }

    public var lines: [Line]
    public var matched: Int { lines.filter(\.matched).count }
    public var total: Int { lines.count }

    public init(lines: [Line]) { self.lines = lines }
}

/// The tally that goes with the room's next choice, and where it came from.
public struct RoomTally: Sendable, Equatable, Codable {
    public var counts: [Int]
    public var roomSize: Int?
    public var source: TallySource

    public init(counts: [Int], roomSize: Int? = nil, source: TallySource) {
        self.counts = counts
        self.roomSize = roomSize
        self.source = source
    }

    /// Never overflows: a count is at most `Tally.largestCount`.
    public var total: Int { counts.reduce(0) { $0 + min($1, Tally.largestCount) } }
}

/// Where the room is in deciding one moment.
public enum RoomPhase: String, Sendable, Codable, CaseIterable {
    /// A moment is shown; voting is not open.
    case reading
    /// Phones may vote, and change their vote.
    case voting
    /// Voting closed; the counts are the moment's tally.
    case locked
    /// The room chose at the last moment; its ratings stay hidden until `reveal`.
    case chosen
    /// The last decision's ratings are shown.
    case revealed
    /// The case ended: the room's path is shown.
    case ended
    /// No case is open for the room (before `play`, after `stop`): voting is over.
    case closed
}

/// Why a phone's vote was not counted; each is a clear HTTP answer, and none changes a tally.
public enum VoteRefusal: Error, Sendable, Equatable {
    case notOpen
    case stale
    case notOffered
    case badDevice
    /// The vote could not be kept in the record, so the phone is not told it is in.
    case notSaved
}

/// What the trainer is told about a change to the room's votes. Every change that sets
/// votes or a tally aside produces one: nothing a phone or the trainer was told is kept is
/// ever dropped silently.
public enum RoomNotice: Sendable, Equatable {
    case opened(choices: Int)
    /// `open` while voting is open: nothing changed.
    case alreadyOpen(voted: Int)
    /// `open` after `lock`: the votes already in are kept, and phones may change them.
    case reopened(kept: Int)
    case locked(RoomTally)
    /// `lock` with no phone vote: an earlier tally, if any, stands.
    case lockedWithoutVotes(kept: RoomTally?)
    /// A new tally took the place of an earlier one.
    case replaced(earlier: RoomTally, by: RoomTally)
    /// Choosing while voting was open: voting closed first and the phones' tally goes with the choice.
    case lockedForChoice(RoomTally?)
    /// The room left this moment (`back`, `restart`) with votes or a tally that no choice took.
    case setAside(voted: Int, tally: RoomTally?)
}

/// Why the trainer's event could not be applied.
public enum RoomRefusal: Error, Sendable, Equatable {
    case noMoment
    case nothingToVoteOn
    case notVoting
    case noRevealYet
    /// A choice while voting is open must lock first (`lockForChoice`).
    case stillVoting
}

/// The room's state for the moment in front of it, as a value. The shell, the phones and the
/// projector are views of it; `RoomBoard` shares it between them behind a lock, and
/// `GroupPlay` drives it from the trainer's commands and keeps it in the record.
///
/// Invariant: a phone's vote or a typed tally leaves this value only (1) with the choice the
/// room makes, as that decision's tally, or (2) with a `RoomNotice` that tells the trainer.
public struct RoomMachine: Sendable, Equatable {
    public private(set) var phase: RoomPhase = .closed
    public private(set) var moment: RoomMoment?
    /// The case's title, kept at the ending, when no moment is in front of the room.
    public private(set) var caseTitle: String?
    /// Counts up with each moment shown; a phone's vote names it, so a vote for an earlier moment is stale.
    public private(set) var decision = 0
    /// Phone votes for this moment: device token to the offered choice's index.
    public private(set) var ballots: [String: Int] = [:]
    /// The tally that goes with the room's next choice.
    public private(set) var tally: RoomTally?
    /// The last decision's options and ratings, shown only after `reveal`.
    public private(set) var lastReveal: RoomReveal?
    public private(set) var revealShown = false
    public private(set) var summary: RoomSummary?
    public private(set) var timerEndsAt: Date?
    /// Counts up with every change to what a page shows.
    public private(set) var version = 0

    public init() {}

    /// The trainer's and the phones' events.
    public enum Event: Sendable, Equatable {
        /// A moment to decide on, with no earlier decision to reveal (a start, `back`, `restart`, a resume).
        case show(RoomMoment, ballots: [String: Int] = [:], tally: RoomTally? = nil)
        case open
        case lock
        /// The trainer chose while voting was open: voting closes first, and the phones' tally goes with the choice.
        case lockForChoice
        case typed(RoomTally)
        /// The room chose; `next` is the moment it leads to (nil at an ending, with the summary).
        case chose(RoomReveal, next: RoomMoment?, summary: RoomSummary?)
        case reveal
        case close
        case timer(Date?)
    }

    /// Applies `event`, returning what the trainer should be told.
    @discardableResult
    public mutating func apply(_ event: Event) throws(RoomRefusal) -> [RoomNotice] {
        var notices: [RoomNotice] = []
        switch event {
        case let .show(moment, ballots, tally):
            notices += setAside()
            self.moment = moment
            caseTitle = moment.caseTitle
            decision += 1
            self.ballots = ballots
            self.tally = tally
            phase = .reading
            lastReveal = nil
            revealShown = false
            summary = nil
        case .open:
            guard let moment, !moment.choices.isEmpty, phase != .ended, phase != .closed else {
                throw moment == nil || phase == .closed || phase == .ended ? .noMoment : .nothingToVoteOn
            }
            switch phase {
            case .voting: return [.alreadyOpen(voted: ballots.count)]
            case .locked: notices.append(.reopened(kept: ballots.count))
            default: notices.append(.opened(choices: moment.choices.count))
            }
            phase = .voting
            revealShown = false
        case .lock:
            guard phase == .voting else { throw .notVoting }
            phase = .locked
            notices.append(lockNotice())
        case .lockForChoice:
            guard phase == .voting else { throw .notVoting }
            phase = .locked
            if case let .replaced(earlier, _) = lockNotice(), earlier.source == .typed {
                notices.append(.replaced(earlier: earlier, by: tally ?? earlier))
            }
            notices.append(.lockedForChoice(tally))
        case let .typed(typed):
            guard moment != nil, phase != .ended, phase != .closed else { throw .noMoment }
            if let earlier = tally { notices.append(.replaced(earlier: earlier, by: typed)) }
            tally = typed
        case let .chose(reveal, next, summary):
            guard moment != nil else { throw .noMoment }
            guard phase != .voting else { throw .stillVoting }
            // The tally and votes went with the decision.
            ballots = [:]
            tally = nil
            lastReveal = reveal
            revealShown = false
            self.summary = summary
            decision += 1
            moment = next
            if let next { caseTitle = next.caseTitle }
            phase = next == nil ? .ended : .chosen
        case .reveal:
            guard lastReveal != nil else { throw .noRevealYet }
            revealShown = true
            if phase == .chosen || phase == .reading { phase = .revealed }
        case .close:
            notices += setAside()
            phase = .closed
            moment = nil
            caseTitle = nil
            ballots = [:]
            tally = nil
            lastReveal = nil
            revealShown = false
            summary = nil
            decision += 1
        case let .timer(date):
            timerEndsAt = date
        }
        version += 1
        return notices
    }

    /// A phone's vote (choice numbered from 0) for moment `number`; false when it changed nothing.
    @discardableResult
    public mutating func vote(device: String, decision number: Int, choice: Int) throws(VoteRefusal) -> Bool {
        guard phase == .voting, let moment else { throw .notOpen }
        guard number == decision else { throw .stale }
        guard moment.choices.indices.contains(choice) else { throw .notOffered }
        guard ballots[device] != choice else { return false }
        ballots[device] = choice
        version += 1
        return true
    }

    /// `lock`: the phones' votes become the moment's tally, unless none voted.
    private mutating func lockNotice() -> RoomNotice {
        guard let moment, !ballots.isEmpty else { return .lockedWithoutVotes(kept: tally) }
        var counts = Array(repeating: 0, count: moment.choices.count)
        for choice in ballots.values where counts.indices.contains(choice) { counts[choice] += 1 }
        let counted = RoomTally(counts: counts, roomSize: tally?.roomSize, source: .phones)
        defer { tally = counted }
        if let earlier = tally, earlier != counted { return .replaced(earlier: earlier, by: counted) }
        return .locked(counted)
    }

    /// What leaving this moment without a choice sets aside, said out loud.
    private func setAside() -> [RoomNotice] {
        ballots.isEmpty && tally == nil ? [] : [.setAside(voted: ballots.count, tally: tally)]
    }

    /// The phones' votes so far, counted per offered choice.
    public var phoneCounts: [Int] {
        var counts = Array(repeating: 0, count: moment?.choices.count ?? 0)
        for choice in ballots.values where counts.indices.contains(choice) { counts[choice] += 1 }
        return counts
    }
}
