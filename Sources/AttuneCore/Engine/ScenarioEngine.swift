/// Why a choice could not be made.
public enum PlayError: Error, Sendable, Equatable {
    /// The number or id does not name a choice offered here.
    case notOffered(String, offered: [String])
    /// The case has ended; nothing more to choose.
    case atEnding
    /// The node offers no choice and is not an ending (a flaw in the case).
    case stuck(node: String)
    /// The state names a node the scenario does not have (content changed under it).
    case unknownNode(String)
}

/// The rules of play for one scenario. Pure: every function takes a state and returns a
/// value; nothing is stored, printed or read.
public struct ScenarioEngine: Sendable {
    public let scenario: Scenario

    public init(_ scenario: Scenario) {
        self.scenario = scenario
    }

    /// The state at the start node, counters at their start values.
    public func start() -> PlayState {
        let variables = Dictionary(scenario.variables.map { ($0.variable, $0.amount) }, uniquingKeysWith: { _, last in last })
        return PlayState(node: scenario.start.value, variables: variables, visits: [scenario.start.value: 1])
    }

    public func node(for state: PlayState) -> ScenarioNode? {
        scenario.node(state.node)
    }

    /// The choices whose `when` holds, in file order; the learner numbers them from 1.
    public func offeredChoices(in state: PlayState) -> [Choice] {
        guard let node = node(for: state), !node.isEnding else { return [] }
        return node.choices.filter { $0.when?.condition.evaluate(in: state) ?? true }
    }

    public func isEnding(_ state: PlayState) -> Bool { node(for: state)?.isEnding ?? false }

    /// A node that is not an ending yet offers nothing: the learner cannot go on.
    public func isStuck(_ state: PlayState) -> Bool {
        !isEnding(state) && offeredChoices(in: state).isEmpty
    }

    /// The offered choice named by a 1-based number or a choice id.
    public func resolve(_ selector: String, in state: PlayState) throws(PlayError) -> Choice {
        guard let node = node(for: state) else { throw .unknownNode(state.node) }
        if node.isEnding { throw .atEnding }
        let offered = offeredChoices(in: state)
        if offered.isEmpty { throw .stuck(node: state.node) }
        if let number = Int(selector), number >= 1, number <= offered.count {
            return offered[number - 1]
        }
        if let choice = offered.first(where: { $0.id == selector }) { return choice }
        throw .notOffered(selector, offered: offered.map(\.id))
    }

    /// The state after taking `choice`: `set` first, then `add`, then on to `next`.
    public func choose(_ choice: Choice, in state: PlayState) -> PlayState {
        var next = state
        for change in choice.set { next.variables[change.variable] = change.amount }
        for change in choice.add {
            next.variables[change.variable] = next.variables[change.variable, default: 0].saturatingAdd(change.amount)
        }
        next.path.append(MadeChoice(node: state.node, choice: choice.id, rating: choice.rating))
        next.node = choice.next.value
        next.visits[choice.next.value, default: 0] += 1
        return next
    }

    public func choose(_ selector: String, in state: PlayState) throws(PlayError) -> (choice: Choice, state: PlayState) {
        let choice = try resolve(selector, in: state)
        return (choice, choose(choice, in: state))
    }

    /// Replays choice ids from the start; every state along the way, the start included.
    public func replay(_ choiceIDs: [String]) throws(PlayError) -> [PlayState] {
        var states = [start()]
        for id in choiceIDs {
            let state = states[states.count - 1]
            guard let choice = offeredChoices(in: state).first(where: { $0.id == id }) else {
                if isEnding(state) { throw .atEnding }
                throw .notOffered(id, offered: offeredChoices(in: state).map(\.id))
            }
            states.append(choose(choice, in: state))
        }
        return states
    }

    /// The ending's debrief items whose `when` holds, in file order.
    public func debrief(for state: PlayState) -> [String] {
        guard let node = node(for: state), node.isEnding else { return [] }
        return node.debrief.filter { $0.when?.condition.evaluate(in: state) ?? true }.map(\.say)
    }

    /// The choice taken at each step, with its node, in order.
    public func choicesMade(in state: PlayState) -> [(node: ScenarioNode, choice: Choice)] {
        state.path.compactMap { made in
            guard let node = scenario.node(made.node),
                  let choice = node.choices.first(where: { $0.id == made.choice }) else { return nil }
            return (node, choice)
        }
    }

    /// Competency ids the path exercised, in the order first met. A choice without its own
    /// list counts toward the scenario's competencies.
    public func competenciesExercised(in state: PlayState) -> [String] {
        var seen: [String] = []
        for (_, choice) in choicesMade(in: state) {
            for id in scenario.competencies(for: choice) where !seen.contains(id) { seen.append(id) }
        }
        return seen
    }
}

extension Int {
    /// The sum, held at `Int.max` or `Int.min` instead of overflowing: a counter in a loop
    /// of `add` never stops play.
    public func saturatingAdd(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        if !overflow { return sum }
        return other > 0 ? Int.max : Int.min
    }
}

/// A case in progress: the states so far, so `back` restores the previous one exactly.
public struct Playthrough: Sendable, Hashable {
    public let scenarioID: String
    public private(set) var states: [PlayState]

    public init(scenarioID: String, start: PlayState) {
        self.scenarioID = scenarioID
        self.states = [start]
    }

    public init(scenarioID: String, states: [PlayState]) {
        precondition(!states.isEmpty, "a playthrough has at least its start state")
        self.scenarioID = scenarioID
        self.states = states
    }

    public var current: PlayState { states[states.count - 1] }

    public var canGoBack: Bool { states.count > 1 }

    public mutating func advance(to state: PlayState) {
        states.append(state)
    }

    /// Undoes the last choice; false when there is none.
    @discardableResult
    public mutating func back() -> Bool {
        guard canGoBack else { return false }
        states.removeLast()
        return true
    }
}
