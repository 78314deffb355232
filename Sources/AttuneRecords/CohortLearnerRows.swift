import AttuneCore
import Foundation

/// One learner as ``CohortTally`` keeps them, in two small arrays rather than two sets and a
/// dictionary of strings (measured before: 456 bytes a learner in four allocations; now two).
/// The report's learner rows are made from these one at a time (``CohortReport/LearnerRows``).
struct CohortLearnerState: Sendable {
    var name: String
    /// Per case: ``startedFlag`` and ``finishedFlag``.
    var cases: [UInt8]
    /// The count of each rating (``Rating/allCases`` order), then of each competency (the
    /// tally's competency order).
    var counts: [Int]

    init(name: String, cases: Int, competencies: Int) {
        self.name = name
        self.cases = [UInt8](repeating: 0, count: cases)
        counts = [Int](repeating: 0, count: Rating.allCases.count + competencies)
    }

    static let startedFlag: UInt8 = 1
    static let finishedFlag: UInt8 = 2

    mutating func start(_ scenario: Int) { cases[scenario] |= Self.startedFlag }
    mutating func finish(_ scenario: Int) { cases[scenario] |= Self.startedFlag | Self.finishedFlag }
    func started(_ scenario: Int) -> Bool { cases[scenario] & Self.startedFlag != 0 }
    func finished(_ scenario: Int) -> Bool { cases[scenario] & Self.finishedFlag != 0 }
    var startedCount: Int { cases.count { $0 & Self.startedFlag != 0 } }
    var finishedCount: Int { cases.count { $0 & Self.finishedFlag != 0 } }
    func ratingCount(_ index: Int) -> Int { counts[index] }
    func competencyCount(_ index: Int) -> Int { counts[Rating.allCases.count + index] }
}

extension CohortReport {
    /// The learners' rows in name order, made one at a time as they are read rather than held:
    /// a report from ``CohortTally`` keeps the tally's compact per-learner state (which it
    /// holds anyway, shared, not copied) and the order of the names, so a renderer walking
    /// 8,000 learners holds one row at a time, never 8,000 rows of arrays and strings.
    ///
    /// A collection of ``LearnerRow`` like an array: encoded as an array (the same bytes),
    /// decoded from one, and equal to another with the same rows in the same order, however
    /// each is kept. Rows given as an array (decoded, or set through ``CohortReport/learners``)
    /// are kept as that array.
    public struct LearnerRows: RandomAccessCollection, Sendable, Codable, Equatable {
        private enum Storage: Sendable {
            case rows([LearnerRow])
            case tally(Table)
        }

        /// What the rows are made from: the tally's learners, the order of their names, and
        /// the competencies (the tally's order) with their titles.
        struct Table: Sendable {
            var states: [CohortLearnerState]
            var order: [Int]
            var competencyIDs: [String]
            var competencyTitles: [String]
        }

        private let storage: Storage

        /// Rows kept as they are given.
        public init(_ rows: [LearnerRow] = []) {
            storage = .rows(rows)
        }

        /// Rows made from `states` when read, sorted by name as a person would (`Ana`, `ben`, `learner-2`, `learner-10`).
        init(states: [CohortLearnerState], competencyIDs: [String], competencyTitles: [String]) {
            let order = states.indices.sorted {
                states[$0].name.localizedStandardCompare(states[$1].name) == .orderedAscending
            }
            storage = .tally(Table(states: states, order: order, competencyIDs: competencyIDs,
                                   competencyTitles: competencyTitles))
        }

        public var startIndex: Int { 0 }

        public var endIndex: Int {
            switch storage {
            case .rows(let rows): rows.count
            case .tally(let table): table.order.count
            }
        }

        public subscript(position: Int) -> LearnerRow {
            switch storage {
            case .rows(let rows): rows[position]
            case .tally(let table): Self.row(table.states[table.order[position]], table)
            }
        }

        /// One learner's row: every rating's count, and the competencies they exercised, most first.
        private static func row(_ learner: CohortLearnerState, _ table: Table) -> LearnerRow {
            LearnerRow(
                name: learner.name, casesStarted: learner.startedCount, casesFinished: learner.finishedCount,
                ratings: Rating.allCases.enumerated().map { .init(rating: $0.element, count: learner.ratingCount($0.offset)) },
                competencies: table.competencyIDs.indices.filter { learner.competencyCount($0) > 0 }
                    .map { .init(id: table.competencyIDs[$0], title: table.competencyTitles[$0], count: learner.competencyCount($0)) }
                    .sorted { $0.count != $1.count ? $0.count > $1.count : $0.title < $1.title })
        }

        public init(from decoder: any Decoder) throws {
            storage = .rows(try [LearnerRow](from: decoder))
        }

        /// As an array of rows, a row at a time (the bytes an array's encoding writes).
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.unkeyedContainer()
            for row in self { try container.encode(row) }
        }

        public static func == (left: LearnerRows, right: LearnerRows) -> Bool {
            left.elementsEqual(right)
        }
    }
}
