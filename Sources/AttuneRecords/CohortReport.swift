import AttuneCore
import Foundation

/// What a cohort did between workshops, read from its xAPI statements (``CohortTally``):
/// the model the Markdown, JSON and HTML renderings are made from. Every name and text in
/// it comes from the cases and the knowledge base, except learners' account names and (when
/// asked for) reflections, which came from the statements and are treated as hostile by
/// every renderer.
public struct CohortReport: Sendable, Codable, Equatable {
    /// The cohort asked for, if any (files may be read without one).
    public var cohort: String?
    /// Where the statements came from.
    public var source: Source
    /// The period asked for, and the one the counted statements cover.
    public var period: Period
    /// Statements read, and how many of them were counted.
    public var statementsRead: Int
    public var statementsCounted: Int
    /// Statements not counted, by reason, most frequent first; never fatal.
    public var skipped: [Skip]
    /// Learners with at least one counted statement.
    public var learnerCount: Int
    public var cases: [CaseRow]
    /// Every decision the cohort met: the discussion plan (``DecisionRow/isDiscussionPoint``)
    /// first, most missed first, then the others in case order.
    public var decisions: [DecisionRow]
    /// Each learner's row, in name order, made as it is read (renderers walk these, a row at
    /// a time); encoded under the key `learners`.
    public var learnerRows: LearnerRows
    public var competencies: [CompetencyRow]
    /// Reflection texts: nil unless asked for (`--include-reflections`).
    public var reflections: [ReflectionRow]?
    /// Reflections written, whether or not their text is shown or was sent.
    public var reflectionCount: Int

    public enum Source: Sendable, Codable, Equatable {
        case lrs(address: String)
        case files(count: Int)
    }

    public struct Period: Sendable, Codable, Equatable {
        public var since: Date?
        public var until: Date?
        public var earliest: Date?
        public var latest: Date?
    }

    public struct Skip: Sendable, Codable, Equatable {
        public var reason: CohortSkip
        public var count: Int
    }

    public struct Ending: Sendable, Codable, Equatable {
        public var kind: EndingKind?
        /// The ending's opening words, from the case.
        public var summary: String
        /// Times the ending was reached.
        public var count: Int
    }

    public struct CaseRow: Sendable, Codable, Equatable {
        public var id: String
        public var title: String
        public var learnersStarted: Int
        public var learnersFinished: Int
        public var endings: [Ending]
    }

    public struct Option: Sendable, Codable, Equatable {
        public var id: String
        public var text: String
        public var rating: Rating
        /// Learners whose first answer here was this option.
        public var learners: Int
        /// Every time it was chosen, replays included.
        public var answers: Int
    }

    public struct KnowledgeLink: Sendable, Codable, Equatable {
        public var id: String
        public var title: String
    }

    public struct DecisionRow: Sendable, Codable, Equatable {
        public var caseID: String
        public var caseTitle: String
        public var nodeID: String
        /// The moment in the case's words: the opening of its text.
        public var moment: String
        /// The question the learners answered there, if the case asks one.
        public var prompt: String?
        /// Learners who answered here (each counted once, by their first answer).
        public var learners: Int
        public var answers: Int
        public var options: [Option]
        /// Learners whose first answer missed the cue or raised a safety concern.
        public var missedOrUnsafe: Int
        /// Most learners missed the cue or chose an unsafe response: for the next workshop.
        public var isDiscussionPoint: Bool
        public var knowledge: [KnowledgeLink]
    }

    public struct RatingCount: Sendable, Codable, Equatable {
        public var rating: Rating
        public var count: Int
    }

    public struct CompetencyCount: Sendable, Codable, Equatable {
        public var id: String
        public var title: String
        public var count: Int
    }

    public struct LearnerRow: Sendable, Codable, Equatable {
        /// The account name the learner chose (hostile text: escape when rendering).
        public var name: String
        public var casesStarted: Int
        public var casesFinished: Int
        public var ratings: [RatingCount]
        public var competencies: [CompetencyCount]
    }

    public struct CompetencyRow: Sendable, Codable, Equatable {
        public var id: String
        public var title: String
        public var learners: Int
    }

    public struct ReflectionRow: Sendable, Codable, Equatable {
        public var learner: String
        public var caseTitle: String?
        public var text: String
    }

    /// The decisions for the next workshop's discussion.
    public var discussionPlan: [DecisionRow] { decisions.filter(\.isDiscussionPoint) }

    /// The learners' rows as an array, every one made at once: for tests and small reports;
    /// a renderer walks ``learnerRows`` instead. Setting it keeps the array given.
    public var learners: [LearnerRow] {
        get { Array(learnerRows) }
        set { learnerRows = LearnerRows(newValue) }
    }

    private enum CodingKeys: String, CodingKey {
        case cohort, source, period, statementsRead, statementsCounted, skipped, learnerCount, cases, decisions
        case learnerRows = "learners"
        case competencies, reflections, reflectionCount
    }
}

/// Why a statement was not counted. Each is counted and named in the report; none stops it.
public enum CohortSkip: String, Sendable, Codable, CaseIterable, Equatable {
    /// A line of a file that is not a JSON object.
    case notJSON
    /// A statement made by another tool (not about an Attune case).
    case otherTool
    /// An Attune statement without an account name for its learner.
    case noLearner
    /// About a case played from an author's draft.
    case draftCase
    /// About a case that is not in this copy of Attune.
    case unknownCase
    /// About a moment or choice the case no longer has (it changed since).
    case unknownChoice
    /// The same statement id again.
    case duplicate
    /// A statement that a later statement voided (withdrew).
    case voided
    /// A voiding statement itself.
    case voiding
    /// Sent for another cohort, or for none.
    case otherCohort
    /// Outside the period asked for.
    case outsidePeriod
    /// An Attune statement with a part missing or malformed (no id, no time, unknown verb).
    case notUnderstood
}
