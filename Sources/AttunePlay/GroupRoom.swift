import AttuneCore
import AttuneStore
import Foundation

/// The room's tally for the offered choices, as a trainer types it: `votes 7 4 1`,
/// `votes 7,4,1`, or `votes 7 4 1 of 12` to check it against the room's size.
public struct Tally: Sendable, Equatable {
    public var counts: [Int]
    /// The room's size, when given with `of N`.
    public var roomSize: Int?

    /// More votes for one choice than any room holds; a larger number is a slip.
    public static let largestCount = 100_000

    /// Never overflows: each count is at most `largestCount`.
    public var total: Int { counts.reduce(0) { $0 + min($1, Self.largestCount) } }

    public enum Problem: Error, Sendable, Equatable {
        /// A count (or the room's size) larger than any room.
        case tooLarge(String)
        /// Not one whole number for each offered choice.
        case wrongCount(expected: Int, given: Int)
        case notANumber(String)
        /// `of N` was given, and the votes add up to more than N.
        case moreThanRoom(total: Int, room: Int)
    }

    public init(counts: [Int], roomSize: Int? = nil) {
        self.counts = counts
        self.roomSize = roomSize
    }

    /// Reads the words after `votes` for `offered` choices.
    public static func parse(_ words: [String], offered: Int) throws(Problem) -> Tally {
        var numbers = words.flatMap { $0.split(separator: ",") }.map(String.init).filter { !$0.isEmpty }
        var room: Int?
        if let of = numbers.firstIndex(where: { $0.lowercased() == "of" }) {
            guard of == numbers.count - 2, let size = Int(numbers[of + 1]), size >= 0 else {
                throw .notANumber(numbers[(of + 1)...].joined(separator: " "))
            }
            guard size <= largestCount else { throw .tooLarge(numbers[of + 1]) }
            room = size
            numbers.removeLast(2)
        }
        var counts: [Int] = []
        for word in numbers {
            if !word.isEmpty, word.allSatisfy({ $0.isASCII && $0.isNumber }), Int(word).map({ $0 > largestCount }) ?? true {
                throw .tooLarge(word)
            }
            guard let count = Int(word), count >= 0 else { throw .notANumber(word) }
            counts.append(count)
        }
        guard counts.count == offered else { throw .wrongCount(expected: offered, given: counts.count) }
        let tally = Tally(counts: counts, roomSize: room)
        if let room, tally.total > room { throw .moreThanRoom(total: tally.total, room: room) }
        return tally
    }
}

/// What the room is shown after it chooses, and at the end: every option with its rating,
/// and how the room's choices compare with the most attuned ones offered. Pure values; the
/// shell and the export render them.
public enum GroupRoom {
    public struct RevealedOption: Sendable, Equatable {
        public var number: Int
        public var text: String
        public var rating: Rating
        /// The first sentence of the feedback.
        public var why: String
        public var votes: Int?
        public var chosen: Bool
    }

    public struct SummaryLine: Sendable, Equatable {
        /// The question the room answered (or the moment's first words).
        public var moment: String
        public var tally: [Int]?
        public var chosen: RevealedOption
        /// The best-rated options offered at that moment (first in order on a tie).
        public var mostAttuned: RevealedOption
        public var matched: Bool { chosen.rating == mostAttuned.rating }
    }

    /// Every option that was offered at a decision, with ratings, in the order shown.
    public static func reveal(_ decision: GroupDecision, in scenario: Scenario) -> [RevealedOption] {
        guard let node = scenario.node(decision.node) else { return [] }
        let offered = decision.offered.compactMap { id in node.choices.first { $0.id == id } }
        return offered.enumerated().map { index, choice in
            RevealedOption(number: index + 1, text: choice.text, rating: choice.rating, why: firstSentence(choice.feedback),
                           votes: decision.tally.flatMap { index < $0.count ? $0[index] : nil },
                           chosen: choice.id == decision.choice)
        }
    }

    /// For each decision: the split, the choice taken, the most attuned offered, and whether they match.
    public static func summary(_ decisions: [GroupDecision], in scenario: Scenario) -> [SummaryLine] {
        decisions.compactMap { decision in
            let options = reveal(decision, in: scenario)
            guard let chosen = options.first(where: \.chosen),
                  let best = options.min(by: { rank($0.rating) < rank($1.rating) }) else { return nil }
            let node = scenario.node(decision.node)
            let moment = node?.prompt ?? firstSentence(node?.text ?? "")
            return SummaryLine(moment: moment, tally: decision.tally, chosen: chosen, mostAttuned: best)
        }
    }

    static func rank(_ rating: Rating) -> Int {
        switch rating {
        case .attuned: 0
        case .partial: 1
        case .missed: 2
        case .unsafe: 3
        }
    }

    /// The first sentence of prose, on one line.
    static func firstSentence(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
        var end = flat.endIndex
        var index = flat.startIndex
        while index < flat.endIndex {
            let next = flat.index(after: index)
            if ".!?".contains(flat[index]), next == flat.endIndex || flat[next] == " " {
                end = next
                break
            }
            index = next
        }
        return String(flat[..<end])
    }
}

/// A countdown for small-group discussion. It never interrupts: the front end asks for the
/// time left when the trainer types something, and says (once, then drops it) that the time
/// is up.
public struct DiscussionTimer: Sendable, Equatable {
    public let endsAt: Date

    public init(minutes: Double, from now: Date) {
        endsAt = now.addingTimeInterval(minutes * 60)
    }

    /// Seconds left, never below zero.
    public func remaining(at now: Date) -> Int { max(0, Int(endsAt.timeIntervalSince(now).rounded(.up))) }

    public func isUp(at now: Date) -> Bool { now >= endsAt }
}
