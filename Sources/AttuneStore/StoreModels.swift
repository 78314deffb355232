import AttuneCore
import Foundation

/// Which case a record belongs to: its id and where it was loaded from. Two files that
/// share an id (a bundled case and an author's draft of it) never share a record.
public struct CaseKey: Sendable, Hashable, Codable, Comparable {
    /// The origin of the cases that ship with Attune.
    public static let bundledOrigin = "bundled"

    public var id: String
    /// `bundled`, or the absolute folder the case file was read from.
    public var origin: String

    public init(id: String, origin: String = CaseKey.bundledOrigin) {
        self.id = id
        self.origin = origin
    }

    public static func < (lhs: CaseKey, rhs: CaseKey) -> Bool { (lhs.id, lhs.origin) < (rhs.id, rhs.origin) }
}

/// A case the learner has started and not finished or left.
public struct StoredPlaythrough: Sendable, Hashable {
    public var id: Int64
    public var key: CaseKey
    public var scenarioID: String { key.id }
    public var startedAt: Date
    /// The choice ids still in effect (undone ones excluded), in order.
    public var choices: [String]
}

/// One journal entry, tied to the moment it was written.
public struct JournalEntry: Sendable, Hashable, Codable {
    public var id: Int64
    public var createdAt: Date
    public var scenarioID: String?
    /// Where the case was loaded from: nil for the cases that ship with Attune, or the
    /// folder of the draft it was written in. With `scenarioID`, it names the case.
    public var origin: String? = nil
    public var nodeID: String?
    public var prompt: String?
    public var text: String
    /// Set for a group note: the group session it belongs to.
    public var groupSession: Int64?

    /// The case the entry was written in, as the record knows it.
    public var caseKey: CaseKey? { scenarioID.map { CaseKey(id: $0, origin: origin ?? CaseKey.bundledOrigin) } }
    /// Whether it was written in an author's draft rather than a case that ships with Attune.
    public var isFromDraft: Bool { origin != nil }
}

/// Where a room's tally came from: typed by the trainer (`votes`), or counted from phones (`lock`).
public enum TallySource: String, Sendable, Hashable, Codable {
    case typed
    case phones
}

/// One decision a group took, with the room's votes for each offered choice.
public struct GroupDecision: Sendable, Hashable {
    public var scenarioID: String
    public var node: String
    public var choice: String
    public var rating: Rating
    public var offered: [String]
    public var tally: [Int]?
    public var madeAt: Date
    /// The pass through the case it belongs to: 1, then one more with each `restart`.
    public var pass: Int = 1
    public var tallySource: TallySource?
    /// The room's size, when the trainer gave it with `of N`.
    public var roomSize: Int?
    /// When `back` took it back; it stays in the record, marked.
    public var takenBackAt: Date?

    public init(scenarioID: String, node: String, choice: String, rating: Rating, offered: [String], tally: [Int]?,
                madeAt: Date, pass: Int = 1, tallySource: TallySource? = nil, roomSize: Int? = nil, takenBackAt: Date? = nil) {
        self.scenarioID = scenarioID
        self.node = node
        self.choice = choice
        self.rating = rating
        self.offered = offered
        self.tally = tally
        self.madeAt = madeAt
        self.pass = pass
        self.tallySource = tallySource
        self.roomSize = roomSize
        self.takenBackAt = takenBackAt
    }
}

/// A moment's tally and phone votes not yet taken with a choice: kept so that quitting, a
/// crash or `stop` loses none of them.
public struct GroupPending: Sendable, Hashable {
    public var pass: Int
    /// How many decisions of the pass came before this moment.
    public var step: Int
    public var node: String
    /// Whether phones were voting when it was kept.
    public var voting: Bool
    public var tally: [Int]?
    public var tallySource: TallySource?
    public var roomSize: Int?
    /// Phone votes: device token to the index of the offered choice.
    public var ballots: [String: Int]

    public init(pass: Int, step: Int, node: String, voting: Bool, tally: [Int]?, tallySource: TallySource?,
                roomSize: Int?, ballots: [String: Int]) {
        self.pass = pass
        self.step = step
        self.node = node
        self.voting = voting
        self.tally = tally
        self.tallySource = tallySource
        self.roomSize = roomSize
        self.ballots = ballots
    }
}

/// A room's run through one case: its decisions with their tallies, and its notes.
public struct GroupSessionRecord: Sendable, Hashable {
    public var id: Int64
    public var startedAt: Date
    public var endedAt: Date?
    /// The case the room played; nil only for a session that never began one.
    public var scenario: CaseKey?
    /// The pass the room is on now.
    public var pass: Int = 1
    /// Every decision of every pass in the order made, taken-back ones included (marked).
    public var allDecisions: [GroupDecision]
    public var notes: [JournalEntry]
    /// A moment's tally or phone votes not yet taken with a choice.
    public var pending: GroupPending?

    /// The path the room is on: this pass's decisions still in effect.
    public var decisions: [GroupDecision] { allDecisions.filter { $0.pass == pass && $0.takenBackAt == nil } }
}

/// One line of `group sessions`.
public struct GroupSessionSummary: Sendable, Hashable {
    public var id: Int64
    public var startedAt: Date
    public var endedAt: Date?
    public var scenario: CaseKey?
    public var decisions: Int
    public var notes: Int
}

/// The learner's record in order, for exports and learning records.
public struct ActivityLog: Sendable, Hashable {
    public struct Playthrough: Sendable, Hashable {
        public var id: Int64
        public var scenarioID: String
        public var origin: String
        public var startedAt: Date
        public var status: String
        public var ending: String?
        public var endingKind: EndingKind?
        public var finishedAt: Date?
    }

    public struct Choice: Sendable, Hashable {
        public var id: Int64
        public var playthrough: Int64
        public var step: Int
        public var node: String
        public var choice: String
        public var rating: Rating
        public var competencies: [String]
        public var madeAt: Date
    }

    public var playthroughs: [Playthrough]
    public var choices: [Choice]
    public var journal: [JournalEntry]
}

public enum ScenarioStatus: String, Sendable, Hashable {
    case notStarted = "not started"
    case inProgress = "in progress"
    case done
}

/// What `progress` shows.
public struct ProgressSummary: Sendable, Hashable {
    public struct Ending: Sendable, Hashable {
        public var key: CaseKey
        public var scenarioID: String { key.id }
        public var ending: String
        public var kind: EndingKind?
        public var reachedAt: Date
    }

    public var finishedCases: Set<CaseKey>
    public var inProgressCases: Set<CaseKey>
    public var endings: [Ending]
    public var ratingCounts: [Rating: Int]
    /// Choices that exercised each competency id.
    public var competencies: [String: Int]
    public var journalEntries: Int
    /// Cases played from an author's draft that were left out (none when drafts were asked for).
    public var draftsLeftOut = 0
}

/// A reflection being written line by line, kept so that nothing typed is lost.
public struct ReflectionDraft: Sendable, Hashable {
    public var id: Int64
    public var startedAt: Date
    public var updatedAt: Date
    public var context: ReflectionContext
    /// The lines entered so far, joined by newlines.
    public var text: String
    public var lineCount: Int
}

/// Where a reflection was written: the case and moment, the prompt offered, and the group
/// session when it is a group note.
public struct ReflectionContext: Sendable, Hashable {
    public var scenario: CaseKey?
    public var node: String?
    public var playthrough: Int64?
    public var prompt: String?
    public var groupSession: Int64?

    public init(scenario: CaseKey? = nil, node: String? = nil, playthrough: Int64? = nil, prompt: String? = nil,
                groupSession: Int64? = nil) {
        self.scenario = scenario
        self.node = node
        self.playthrough = playthrough
        self.prompt = prompt
        self.groupSession = groupSession
    }
}
