import AttuneCore
import Foundation

/// Counts a cohort's statements into a ``CohortReport``, one statement at a time, so the
/// statements themselves are never held. What grows with the number of statements (the
/// ids seen, to drop duplicates, and each learner's first answer at each decision) is kept
/// by a ``CohortSpill``: in memory up to a limit, then in a private temporary file, so the
/// memory a report takes stays flat as the cohort grows; what is kept per learner (a name,
/// the cases started and finished, counts) is small.
///
/// Every statement is counted or skipped for a named reason (``CohortSkip``), never fatal:
/// another tool's statements, a case or choice this copy of Attune does not have, the same
/// id twice, a voided statement. Voided statements are dropped however they arrive: give
/// the ids voided (``voided``) before adding, as both readers do (an LRS leaves them out
/// itself; files are read twice, the first time only for voiding statements).
public struct CohortTally {
    public struct Options: Sendable {
        public var cohort: String?
        /// Statements before `since` or at or after `until` (by their own time) are skipped;
        /// an LRS applies the same filter by the time it stored them.
        public var since: Date?
        public var until: Date?
        public var includeReflections: Bool
        /// Whether `since` and `until` are checked here; false when the LRS applied them.
        public var checksPeriod: Bool

        public init(cohort: String? = nil, since: Date? = nil, until: Date? = nil, includeReflections: Bool = false,
                    checksPeriod: Bool = true) {
            self.cohort = cohort
            self.since = since
            self.until = until
            self.includeReflections = includeReflections
            self.checksPeriod = checksPeriod
        }
    }

    private struct DecisionKey: Hashable {
        var scenario: Int
        var node: String
    }

    private struct DecisionState {
        /// The decision's number in the spill (its first answers are kept there).
        var number: Int
        var answers: [Int]
    }

    private typealias LearnerState = CohortLearnerState

    private let scenarios: [Scenario]
    private let scenarioIndex: [String: Int]
    /// Every competency the cases exercise, in the order the cases name them, and each one's place.
    private let competencyIDs: [String]
    private let competencyIndex: [String: Int]
    private let knowledge: KnowledgeBase
    private let options: Options
    /// Ids voided by a voiding statement (lower case).
    public var voided: Set<String> = []

    /// The ids seen and the first answers (shared by copies of this tally).
    private let spill: CohortSpill
    private var learnerIndex: [String: Int] = [:]
    private var learners: [LearnerState] = []
    private var decisions: [DecisionKey: DecisionState] = [:]
    private var endings: [Int: [String: Int]] = [:]
    private var skips: [CohortSkip: Int] = [:]
    private var read = 0
    private var counted = 0
    private var earliest: Date?
    private var latest: Date?
    private var reflections: [CohortReport.ReflectionRow] = []
    private var reflectionCount = 0

    /// - Parameter scenarios: the cases that ship with Attune (drafts are never counted).
    /// - Parameter memoryLimit: how many ids, and first answers, are held in memory before
    ///   the rest go to a temporary file (tests make it small); the default is
    ///   ``CohortSpill/defaultMemoryLimit``.
    public init(scenarios: [Scenario], knowledge: KnowledgeBase, options: Options, memoryLimit: Int = 98_304) {
        spill = CohortSpill(memoryLimit: memoryLimit)
        self.scenarios = scenarios
        scenarioIndex = Dictionary(scenarios.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        self.knowledge = knowledge
        self.options = options
        var order: [String] = []
        var known = Set<String>()
        for scenario in scenarios {
            for id in scenario.competencies.map(\.value) + scenario.nodes.flatMap({ $0.choices.flatMap { $0.competencies.map(\.value) } })
            where known.insert(id).inserted { order.append(id) }
        }
        competencyIDs = order
        competencyIndex = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($0.element, $0.offset) })
    }

    /// Statements read so far.
    public var statementsRead: Int { read }

    /// Whether the ids or first answers have outgrown memory and gone to the scratch file.
    public var hasSpilled: Bool { spill.hasSpilled }

    /// The target of a voiding statement in `value`, if it is one (for a first pass).
    public static func voidedTarget(of value: Any) -> String? {
        voidedTarget(of: CohortRawStatement(value))
    }

    static func voidedTarget(of raw: CohortRawStatement?) -> String? {
        if case let .voiding(_, target) = CohortStatement.read(raw, cohort: nil) { return target }
        return nil
    }

    /// Counts one statement (a parsed JSON value), or skips it for a reason.
    public mutating func add(_ value: Any) {
        add(raw: CohortRawStatement(value))
    }

    /// Counts one statement's parts (nil: not a JSON object), or skips it for a reason.
    mutating func add(raw: CohortRawStatement?) {
        read += 1
        let statement = CohortStatement.read(raw, cohort: options.cohort)
        switch statement {
        case .skipped(let reason): skip(reason)
        case .voiding: skip(.voiding)
        case .started(let header, let scenario):
            guard let (index, learner) = admit(header, scenario: scenario) else { return }
            learners[learner].start(index)
        case .finished(let header, let scenario, let ending):
            guard let (index, learner) = admit(header, scenario: scenario) else { return }
            learners[learner].finish(index)
            endings[index, default: [:]][ending ?? "", default: 0] += 1
        case .answered(let header, let scenario, let node, let choice, let recorded):
            guard let index = scenarioIndex[scenario] else { return skip(.unknownCase) }
            guard let moment = scenarios[index].node(node), let option = moment.choices.firstIndex(where: { $0.id == choice })
            else { return skip(.unknownChoice) }
            guard let (_, learner) = admit(header, scenario: scenario) else { return }
            let chosen = moment.choices[option]
            learners[learner].start(index)
            learners[learner].counts[Self.ratingIndex(recorded ?? chosen.rating)] += 1
            for competency in scenarios[index].competencies(for: chosen) {
                // Every competency a case exercises is in the table, made from the same cases.
                if let place = competencyIndex[competency] { learners[learner].counts[Rating.allCases.count + place] += 1 }
            }
            let key = DecisionKey(scenario: index, node: node)
            var state = decisions[key]
                ?? DecisionState(number: decisions.count, answers: [Int](repeating: 0, count: moment.choices.count))
            state.answers[option] += 1
            spill.answer(decision: state.number, learner: learner, at: header.timestamp, option: option)
            decisions[key] = state
        case .reflected(let header, let scenario, let text):
            if let scenario, scenarioIndex[scenario] == nil { return skip(.unknownCase) }
            guard let (_, learner) = admit(header, scenario: nil) else { return }
            reflectionCount += 1
            if options.includeReflections, let text, !text.isEmpty {
                reflections.append(.init(learner: learners[learner].name, caseTitle: scenario.flatMap { scenarioIndex[$0] }.map { scenarios[$0].title },
                                         text: text))
            }
        }
    }

    private mutating func skip(_ reason: CohortSkip) {
        skips[reason, default: 0] += 1
    }

    /// Checks what every counted statement must pass (period, voided, duplicate), in an
    /// order that never lets a duplicate hide a voided statement, and registers the learner.
    private mutating func admit(_ header: CohortStatement.Header, scenario: String?) -> (Int, Int)? {
        var index = -1
        if let scenario {
            guard let found = scenarioIndex[scenario] else {
                skip(.unknownCase)
                return nil
            }
            index = found
        }
        if voided.contains(header.id.uuidString.lowercased()) {
            skip(.voided)
            return nil
        }
        if options.checksPeriod {
            if let since = options.since, header.timestamp < since { skip(.outsidePeriod); return nil }
            if let until = options.until, header.timestamp >= until { skip(.outsidePeriod); return nil }
        }
        guard spill.insert(header.id) else {
            skip(.duplicate)
            return nil
        }
        counted += 1
        if earliest.map({ header.timestamp < $0 }) ?? true { earliest = header.timestamp }
        if latest.map({ header.timestamp > $0 }) ?? true { latest = header.timestamp }
        if let learner = learnerIndex[header.learner] { return (index, learner) }
        learners.append(LearnerState(name: header.learner, cases: scenarios.count, competencies: competencyIDs.count))
        learnerIndex[header.learner] = learners.count - 1
        return (index, learners.count - 1)
    }

    private static func ratingIndex(_ rating: Rating) -> Int {
        Rating.allCases.firstIndex(of: rating) ?? 0
    }

    // MARK: The report

    /// The report of everything added so far.
    public func report(source: CohortReport.Source) -> CohortReport {
        let cases = scenarios.indices.compactMap(caseRow)
        var decisionRows: [CohortReport.DecisionRow] = []
        let firsts = spill.firstCounts()
        for (index, scenario) in scenarios.enumerated() {
            for node in scenario.nodes where !node.choices.isEmpty {
                if let state = decisions[DecisionKey(scenario: index, node: node.id)] {
                    decisionRows.append(decisionRow(scenario, node, state, firsts: firsts[state.number] ?? [:]))
                }
            }
        }
        let plan = decisionRows.enumerated().filter { $0.element.isDiscussionPoint }.sorted { left, right in
            let a = left.element, b = right.element
            // The larger share first (cross-multiplied: exact), then more learners, then case order.
            let shareA = a.missedOrUnsafe * max(b.learners, 1), shareB = b.missedOrUnsafe * max(a.learners, 1)
            if shareA != shareB { return shareA > shareB }
            if a.learners != b.learners { return a.learners > b.learners }
            return left.offset < right.offset
        }.map(\.element)
        let ordered = plan + decisionRows.filter { !$0.isDiscussionPoint }
        let skipped = skips.map { CohortReport.Skip(reason: $0.key, count: $0.value) }.sorted {
            $0.count != $1.count ? $0.count > $1.count
                : CohortSkip.allCases.firstIndex(of: $0.reason)! < CohortSkip.allCases.firstIndex(of: $1.reason)!
        }
        return CohortReport(
            cohort: options.cohort, source: source,
            period: .init(since: options.since, until: options.until, earliest: earliest, latest: latest),
            statementsRead: read, statementsCounted: counted, skipped: skipped, learnerCount: learners.count,
            cases: cases, decisions: ordered,
            learnerRows: .init(states: learners, competencyIDs: competencyIDs, competencyTitles: competencyIDs.map(title(of:))),
            competencies: competencyRows(),
            reflections: options.includeReflections ? reflections : nil, reflectionCount: reflectionCount)
    }

    private func caseRow(_ index: Int) -> CohortReport.CaseRow? {
        let started = learners.count { $0.started(index) }
        guard started > 0 else { return nil }
        let scenario = scenarios[index]
        let reached = endings[index] ?? [:]
        var rows: [CohortReport.Ending] = scenario.endings.compactMap { node in
            guard let count = reached[node.id] else { return nil }
            return .init(kind: node.ending, summary: Self.opening(node.text), count: count)
        }
        let unknown = reached.filter { scenario.node($0.key)?.isEnding != true }.values.reduce(0, +)
        if unknown > 0 { rows.append(.init(kind: nil, summary: "", count: unknown)) }
        return .init(id: scenario.id, title: scenario.title, learnersStarted: started,
                     learnersFinished: learners.count { $0.finished(index) }, endings: rows)
    }

    private func decisionRow(_ scenario: Scenario, _ node: ScenarioNode, _ state: DecisionState,
                             firsts: [Int: Int]) -> CohortReport.DecisionRow {
        var firstCounts = [Int](repeating: 0, count: node.choices.count)
        for (option, count) in firsts { firstCounts[option] += count }
        let options = node.choices.enumerated().map { offset, choice in
            CohortReport.Option(id: choice.id, text: choice.text, rating: choice.rating, learners: firstCounts[offset],
                                answers: state.answers[offset])
        }
        let learnerCount = firstCounts.reduce(0, +)
        let concerning = options.filter { $0.rating == .missed || $0.rating == .unsafe }.map(\.learners).reduce(0, +)
        var links: [CohortReport.KnowledgeLink] = []
        var linked = Set<String>()
        // What the moment's responses cite, the attuned ones' first (what the discussion is
        // heading for); the case's own reading only when the responses cite nothing.
        let cited = node.choices.sorted { ($0.rating == .attuned ? 0 : 1) < ($1.rating == .attuned ? 0 : 1) }
            .flatMap { $0.refs.map(\.value) }
        for id in cited.isEmpty ? scenario.knowledge.map(\.value) : cited where linked.insert(id).inserted {
            if let entry = knowledge[id], links.count < Self.maximumLinks { links.append(.init(id: id, title: entry.title)) }
        }
        return .init(caseID: scenario.id, caseTitle: scenario.title, nodeID: node.id,
                     moment: Self.opening(node.text), prompt: node.prompt.map { Self.opening($0) },
                     learners: learnerCount, answers: state.answers.reduce(0, +), options: options,
                     missedOrUnsafe: concerning, isDiscussionPoint: concerning * 2 > learnerCount,
                     knowledge: links)
    }

    /// Every competency the cases exercise, with how many learners exercised it.
    private func competencyRows() -> [CohortReport.CompetencyRow] {
        competencyIDs.enumerated().map { place, id in
            CohortReport.CompetencyRow(id: id, title: title(of: id), learners: learners.count { $0.competencyCount(place) > 0 })
        }.sorted { $0.learners != $1.learners ? $0.learners > $1.learners : $0.title < $1.title }
    }

    private func title(of id: String) -> String { knowledge[id]?.title ?? id }

    /// The most knowledge links a decision shows.
    static let maximumLinks = 6

    /// The first sentence of a case's text, at most 140 characters.
    static func opening(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        var end = flat.endIndex
        if let stop = flat.firstRange(of: ". ") { end = flat.index(after: stop.lowerBound) }
        let sentence = String(flat[..<end])
        return sentence.count <= 140 ? sentence : String(sentence.prefix(139)) + "…"
    }
}
