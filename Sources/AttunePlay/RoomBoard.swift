import Foundation
import Synchronization

/// The room's state shared between the trainer's terminal and the phones: one `RoomMachine`
/// behind a lock. The trainer's commands reach it through `GroupPlay`; the room server
/// calls `vote` and reads the two views. Neither keeps a copy of its own.
public final class RoomBoard: Sendable {
    /// Needed in every address a phone uses.
    public let code: String
    private let machine = Mutex(RoomMachine())
    /// Keeps the room's state in the record after every change, before a phone is told its
    /// vote is in; it returns why it failed, or nil. Set by the group session in play.
    private let keeper = Mutex<(@Sendable (RoomMachine) -> String?)?>(nil)
    /// What could not be kept after a trainer's event, for the terminal to say.
    private let problems = Mutex<[String]>([])

    public init(code: String = RoomBoard.newCode()) {
        self.code = code
    }

    /// Six characters from an alphabet without look-alikes (no 0/O, 1/I/L).
    public static func newCode() -> String {
        let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<6).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    /// The room's state now.
    public var state: RoomMachine { machine.withLock { $0 } }

    /// Sets (or clears) what keeps each phone vote in the record.
    public func keepState(with keep: (@Sendable (RoomMachine) -> String?)?) {
        keeper.withLock { $0 = keep }
    }

    /// Applies a trainer's event and keeps the result in the record (under the same lock as
    /// the phones' votes, so the record always holds the latest state).
    @discardableResult
    public func apply(_ event: RoomMachine.Event) throws(RoomRefusal) -> [RoomNotice] {
        let keep = keeper.withLock { $0 }
        return try machine.withLock { (machine: inout RoomMachine) throws(RoomRefusal) -> [RoomNotice] in
            let notices = try machine.apply(event)
            if let keep, let problem = keep(machine) { problems.withLock { $0.append(problem) } }
            return notices
        }
    }

    /// What could not be kept in the record since the last call, once.
    public func takeProblems() -> [String] {
        problems.withLock { list in
            defer { list = [] }
            return list
        }
    }

    /// A phone's vote (choice numbered from 0) for `decision`. A device may change its vote
    /// until the trainer locks; it counts once. The vote is kept in the record before this
    /// returns; if it cannot be, it is refused and nothing changes.
    public func vote(device: String, decision: Int, choice: Int) throws(VoteRefusal) {
        guard Self.isDeviceToken(device) else { throw .badDevice }
        let keep = keeper.withLock { $0 }
        try machine.withLock { (machine: inout RoomMachine) throws(VoteRefusal) in
            var next = machine
            guard try next.vote(device: device, decision: decision, choice: choice) else { return }
            if let keep, keep(next) != nil { throw .notSaved }
            machine = next
        }
    }

    /// A device token is 16 to 64 characters of letters, digits and hyphens.
    public static func isDeviceToken(_ token: String) -> Bool {
        (16...64).contains(token.utf8.count)
            && token.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 45 }
    }

    public var phase: RoomPhase { machine.withLock { $0.phase } }

    /// How many phones voted on the open moment.
    public var voted: Int { machine.withLock { $0.ballots.count } }

    /// What a phone sees.
    public func participantView(device: String?, now: Date = Date()) -> ParticipantView {
        machine.withLock { state in
            let voting = state.phase == .voting
            return ParticipantView(
                version: state.version, phase: state.phase, decision: state.moment == nil ? nil : state.decision,
                caseTitle: state.caseTitle, momentNumber: state.moment?.number,
                prompt: state.moment?.prompt, choices: voting ? state.moment?.choices ?? [] : [],
                myVote: device.flatMap { state.ballots[$0] }, reveal: state.revealShown ? state.lastReveal : nil,
                summary: state.phase == .ended ? state.summary : nil, timerSeconds: Self.seconds(state.timerEndsAt, now))
        }
    }

    /// What the projector shows. `joined` is the phones seen lately, which the server knows.
    public func roomView(joined: Int = 0, now: Date = Date()) -> RoomView {
        machine.withLock { state in
            let seconds = Self.seconds(state.timerEndsAt, now)
            return RoomView(
                version: state.version, phase: state.phase, decision: state.moment == nil ? nil : state.decision,
                caseTitle: state.caseTitle, momentNumber: state.moment?.number, story: state.moment?.story,
                prompt: state.moment?.prompt, choices: state.moment?.choices ?? [], joined: joined,
                voted: state.ballots.count, counts: state.phase == .locked ? state.tally?.counts ?? state.phoneCounts : nil,
                timerSeconds: seconds, timeUp: seconds == 0,
                reveal: state.revealShown ? state.lastReveal : nil, summary: state.phase == .ended ? state.summary : nil)
        }
    }

    private static func seconds(_ end: Date?, _ now: Date) -> Int? {
        end.map { max(0, Int($0.timeIntervalSince(now).rounded(.up))) }
    }

    // MARK: Shorthands for tests and tools that drive a board without a case

    /// Shows a moment (votes start only with `open`).
    public func show(_ moment: RoomMoment) {
        _ = try? apply(.show(moment))
    }

    /// Opens voting on the moment shown; false when there is none.
    @discardableResult
    public func openVoting() -> Bool {
        (try? apply(.open)) != nil
    }

    /// Closes voting and returns the phones' counts; nil when voting was not open.
    public func lock() -> [Int]? {
        guard (try? apply(.lock)) != nil else { return nil }
        return machine.withLock { $0.phoneCounts }
    }

    /// The current decision number phones vote on.
    public var decision: Int { machine.withLock { $0.decision } }
}

public struct ParticipantView: Sendable, Codable, Equatable {
    public var version: Int
    public var phase: RoomPhase
    public var decision: Int?
    public var caseTitle: String?
    /// 3 for "Moment 3", which each page words in its language.
    public var momentNumber: Int?
    public var prompt: String?
    /// Only while voting is open.
    public var choices: [String]
    public var myVote: Int?
    /// Only after `reveal`.
    public var reveal: RoomReveal?
    public var summary: RoomSummary?
    public var timerSeconds: Int?
}

public struct RoomView: Sendable, Codable, Equatable {
    public var version: Int
    public var phase: RoomPhase
    public var decision: Int?
    public var caseTitle: String?
    /// 3 for "Moment 3", which each page words in its language.
    public var momentNumber: Int?
    public var story: String?
    public var prompt: String?
    public var choices: [String]
    public var joined: Int
    public var voted: Int
    /// The counts, after `lock` only.
    public var counts: [Int]?
    public var timerSeconds: Int?
    public var timeUp: Bool
    /// Only after `reveal`.
    public var reveal: RoomReveal?
    public var summary: RoomSummary?
}
