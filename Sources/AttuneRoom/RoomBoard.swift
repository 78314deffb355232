import Foundation
import Synchronization

/// The moment a room is deciding on, as phones and the projector show it: text only, never
/// ratings or facilitator notes.
public struct RoomMoment: Sendable, Equatable, Codable {
    /// Counts up with each decision the room makes, so a vote for an earlier moment is stale.
    public var decision: Int
    public var caseTitle: String
    public var prompt: String
    public var choices: [String]

    public init(decision: Int, caseTitle: String, prompt: String, choices: [String]) {
        self.decision = decision
        self.caseTitle = caseTitle
        self.prompt = prompt
        self.choices = choices
    }
}

/// After the room chooses: every option offered, with its rating in words and one line of why.
public struct RoomReveal: Sendable, Equatable, Codable {
    public struct Option: Sendable, Equatable, Codable {
        public var number: Int
        public var text: String
        public var rating: String
        public var why: String
        public var votes: Int?

        public init(number: Int, text: String, rating: String, why: String, votes: Int?) {
            self.number = number
            self.text = text
            self.rating = rating
            self.why = why
            self.votes = votes
        }
    }

    public var decision: Int
    public var chosen: Int
    public var options: [Option]

    public init(decision: Int, chosen: Int, options: [Option]) {
        self.decision = decision
        self.chosen = chosen
        self.options = options
    }
}

/// One line of the room summary at an ending.
public struct RoomSummaryLine: Sendable, Equatable, Codable {
    public var moment: String
    public var votes: [Int]?
    public var chosen: String
    public var mostAttuned: String
    public var matched: Bool

    public init(moment: String, votes: [Int]?, chosen: String, mostAttuned: String, matched: Bool) {
        self.moment = moment
        self.votes = votes
        self.chosen = chosen
        self.mostAttuned = mostAttuned
        self.matched = matched
    }
}

/// Why a vote was not counted; each is a clear HTTP answer, and none changes a tally.
public enum VoteRefusal: Error, Sendable, Equatable {
    case notOpen
    case stale
    case notOffered
    case badDevice
}

/// The room's shared state between the trainer's terminal and the phones. Votes are kept
/// per random device token only while a moment is open; what is recorded is the tally.
public final class RoomBoard: Sendable {
    public enum Phase: String, Sendable, Codable {
        /// No moment is open for voting (before `open`, or between decisions).
        case waiting
        case voting
        /// Voting closed by `lock`; the counts are shown.
        case locked
        /// The case has ended; the summary is shown.
        case ended
    }

    struct State {
        var phase: Phase = .waiting
        var moment: RoomMoment?
        var votes: [String: Int] = [:]
        var joined: Set<String> = []
        var lockedCounts: [Int]?
        var reveal: RoomReveal?
        var summary: [RoomSummaryLine]?
        var timerEndsAt: Date?
    }

    /// Needed in every address a phone uses.
    public let code: String
    private let state = Mutex(State())

    public init(code: String = RoomBoard.newCode()) {
        self.code = code
    }

    /// Six characters from an alphabet without look-alikes (no 0/O, 1/I/L).
    public static func newCode() -> String {
        let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<6).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    /// A new moment on screen; votes start only with `open`. The last reveal stays on phones
    /// until then.
    public func show(_ moment: RoomMoment) {
        state.withLock { state in
            guard state.moment != moment else { return }
            state.moment = moment
            state.phase = .waiting
            state.votes = [:]
            state.lockedCounts = nil
            state.summary = nil
        }
    }

    /// Opens voting on the moment shown; false when there is none.
    @discardableResult
    public func openVoting() -> Bool {
        state.withLock { state in
            guard let moment = state.moment, !moment.choices.isEmpty else { return false }
            state.phase = .voting
            state.votes = [:]
            state.lockedCounts = nil
            state.reveal = nil
            return true
        }
    }

    /// Closes voting and returns the tally, one count per offered choice; nil when voting
    /// was not open.
    public func lock() -> [Int]? {
        state.withLock { state in
            guard state.phase == .voting, let moment = state.moment else { return nil }
            var counts = Array(repeating: 0, count: moment.choices.count)
            for choice in state.votes.values where choice < counts.count { counts[choice] += 1 }
            state.phase = .locked
            state.lockedCounts = counts
            return counts
        }
    }

    public func reveal(_ reveal: RoomReveal) {
        state.withLock { state in
            state.reveal = reveal
            if state.phase == .voting { state.phase = .waiting }
        }
    }

    public func end(summary: [RoomSummaryLine]) {
        state.withLock { state in
            state.phase = .ended
            state.summary = summary
            state.moment = nil
        }
    }

    public func setTimer(endsAt: Date?) {
        state.withLock { $0.timerEndsAt = endsAt }
    }

    /// A phone's vote (choice numbered from 0) for `decision`. A device may change its vote
    /// until the trainer locks; it counts once.
    public func vote(device: String, decision: Int, choice: Int) throws(VoteRefusal) {
        guard Self.isDeviceToken(device) else { throw .badDevice }
        try state.withLock { (state: inout State) throws(VoteRefusal) in
            guard state.phase == .voting, let moment = state.moment else { throw .notOpen }
            guard moment.decision == decision else { throw .stale }
            guard moment.choices.indices.contains(choice) else { throw .notOffered }
            state.joined.insert(device)
            state.votes[device] = choice
        }
    }

    /// A device token is 16 to 64 characters of letters, digits and hyphens, made by the page.
    public static func isDeviceToken(_ token: String) -> Bool {
        (16...64).contains(token.utf8.count) && token.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 45 }
    }

    /// How many phones have joined, and how many voted on the open moment.
    public var counts: (joined: Int, voted: Int) {
        state.withLock { ($0.joined.count, $0.votes.count) }
    }

    public var phase: Phase { state.withLock { $0.phase } }

    /// What a phone sees; registers the device as joined.
    public func participantView(device: String?, now: Date = Date()) -> ParticipantView {
        state.withLock { state in
            if let device, Self.isDeviceToken(device) { state.joined.insert(device) }
            let voting = state.phase == .voting
            return ParticipantView(
                phase: state.phase, decision: state.moment?.decision, caseTitle: state.moment?.caseTitle,
                prompt: voting ? state.moment?.prompt : nil, choices: voting ? state.moment?.choices ?? [] : [],
                myVote: device.flatMap { state.votes[$0] }, reveal: state.reveal, summary: state.summary)
        }
    }

    /// What the projector shows.
    public func roomView(now: Date = Date()) -> RoomView {
        state.withLock { state in
            RoomView(phase: state.phase, decision: state.moment?.decision, caseTitle: state.moment?.caseTitle,
                     prompt: state.moment?.prompt, choices: state.moment?.choices ?? [], joined: state.joined.count,
                     voted: state.votes.count, counts: state.lockedCounts,
                     timerSeconds: state.timerEndsAt.map { max(0, Int($0.timeIntervalSince(now).rounded(.up))) },
                     reveal: state.reveal, summary: state.summary)
        }
    }
}

public struct ParticipantView: Sendable, Codable, Equatable {
    public var phase: RoomBoard.Phase
    public var decision: Int?
    public var caseTitle: String?
    public var prompt: String?
    public var choices: [String]
    public var myVote: Int?
    public var reveal: RoomReveal?
    public var summary: [RoomSummaryLine]?
}

public struct RoomView: Sendable, Codable, Equatable {
    public var phase: RoomBoard.Phase
    public var decision: Int?
    public var caseTitle: String?
    public var prompt: String?
    public var choices: [String]
    public var joined: Int
    public var voted: Int
    /// The counts, after `lock` only.
    public var counts: [Int]?
    public var timerSeconds: Int?
    public var reveal: RoomReveal?
    public var summary: [RoomSummaryLine]?
}
