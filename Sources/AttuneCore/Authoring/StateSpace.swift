/// Every state a learner can reach in a case, where a state is what decides the choices
/// offered and what lint checks in it: the node, the counters that conditions read, whether
/// the nodes named in `visited(...)` were entered and the choices named in `chose(...)` were
/// taken. The conditions read are the choices' `when:`, every `assumes:`, and the `when:` of
/// a debrief item that has an `assumes:`. Counters no such condition reads are left out, so
/// they cannot multiply the states.
///
/// Exploration stops at `limit` states (a case whose counters grow in a loop has no end of
/// states); then `isComplete` is false and callers fall back to the node graph.
public struct StateSpace: Sendable {
    public struct State: Hashable, Sendable {
        public var node: Int
        public var values: [Int]
        public var flags: [Bool]
    }

    public struct Edge: Sendable, Hashable {
        public var choice: Int
        public var target: Int
    }

    public let scenario: Scenario
    public private(set) var states: [State] = []
    public private(set) var edges: [[Edge]] = []
    /// For each state, the edge it was first reached by (breadth-first, so shortest).
    public private(set) var parents: [(state: Int, choice: Int)?] = []
    public private(set) var isComplete = true

    private let nodeIDs: [String]
    private let nodeIndex: [String: Int]
    /// The counters conditions read, in the order of `State.values`.
    public let trackedVariables: [String]
    private let variableIndex: [String: Int]
    private let trackedVisits: [String: Int]
    private let trackedChoices: [String: Int]

    public static let defaultLimit = 200_000

    public init(_ scenario: Scenario, limit: Int = StateSpace.defaultLimit) {
        self.scenario = scenario
        nodeIDs = scenario.nodes.map(\.id)
        nodeIndex = Dictionary(nodeIDs.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        var variables: [String] = [], visits: [String] = [], choices: [String] = []
        var read = scenario.nodes.flatMap { $0.choices.compactMap { $0.when?.condition } }
        for assumption in scenario.assumptions {
            read.append(assumption.assumes.condition)
            if let shown = assumption.shownWhen { read.append(shown) }
        }
        for condition in read {
            for reference in condition.references {
                switch reference {
                case let .variable(name) where !variables.contains(name): variables.append(name)
                case let .node(id) where !visits.contains(id): visits.append(id)
                case let .choice(node, choice) where !choices.contains("\(node).\(choice)"): choices.append("\(node).\(choice)")
                default: break
                }
            }
        }
        trackedVariables = variables
        variableIndex = Dictionary(variables.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        trackedVisits = Dictionary(visits.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        trackedChoices = Dictionary(choices.enumerated().map { ($0.element, visits.count + $0.offset) },
                                    uniquingKeysWith: { first, _ in first })
        explore(limit: limit)
    }

    /// A state as the conditions read it: the tracked counters, visits and choices.
    struct View: ConditionContext {
        let state: State
        let space: StateSpace
        func value(of variable: String) -> Int { space.variableIndex[variable].map { state.values[$0] } ?? 0 }
        func hasVisited(_ node: String) -> Bool { space.trackedVisits[node].map { state.flags[$0] } ?? false }
        func hasChosen(node: String, choice: String) -> Bool {
            space.trackedChoices["\(node).\(choice)"].map { state.flags[$0] } ?? false
        }
    }

    /// What a condition reads in the state at `index`. Exact for every condition the space
    /// tracks (see the type's comment); anything else reads as 0 or false.
    func context(of index: Int) -> View { View(state: states[index], space: self) }

    /// The choices (indices into the node's list) offered in a state.
    public func offered(in state: State) -> [Int] {
        let node = scenario.nodes[state.node]
        guard !node.isEnding else { return [] }
        let view = View(state: state, space: self)
        return node.choices.indices.filter { node.choices[$0].when?.condition.evaluate(in: view) ?? true }
    }

    private mutating func explore(limit: Int) {
        guard let start = nodeIndex[scenario.start.value] else { return }
        var startValues = [Int](repeating: 0, count: trackedVariables.count)
        for variable in scenario.variables {
            if let index = variableIndex[variable.variable] { startValues[index] = variable.amount }
        }
        var flags = [Bool](repeating: false, count: trackedVisits.count + trackedChoices.count)
        if let index = trackedVisits[scenario.start.value] { flags[index] = true }
        var index: [State: Int] = [:]
        func add(_ state: State, parent: (Int, Int)?) -> Int? {
            if let existing = index[state] { return existing }
            guard states.count < limit else { return nil }
            index[state] = states.count
            states.append(state)
            edges.append([])
            parents.append(parent)
            return states.count - 1
        }
        _ = add(State(node: start, values: startValues, flags: flags), parent: nil)
        var cursor = 0
        while cursor < states.count {
            let state = states[cursor]
            let node = scenario.nodes[state.node]
            for choiceIndex in offered(in: state) {
                let choice = node.choices[choiceIndex]
                guard let target = nodeIndex[choice.next.value] else { continue }
                var next = state
                next.node = target
                for change in choice.set { if let i = variableIndex[change.variable] { next.values[i] = change.amount } }
                for change in choice.add {
                    if let i = variableIndex[change.variable] { next.values[i] = next.values[i].saturatingAdd(change.amount) }
                }
                if let i = trackedVisits[choice.next.value] { next.flags[i] = true }
                if let i = trackedChoices["\(node.id).\(choice.id)"] { next.flags[i] = true }
                guard let targetIndex = add(next, parent: (cursor, choiceIndex)) else {
                    isComplete = false
                    return
                }
                edges[cursor].append(Edge(choice: choiceIndex, target: targetIndex))
            }
            cursor += 1
        }
    }

    // MARK: Questions

    public func isEnding(_ state: Int) -> Bool { scenario.nodes[states[state].node].isEnding }

    /// The choice ids from the start to `state`, shortest first found.
    public func path(to state: Int) -> [String] {
        route(to: state).map(\.id)
    }

    /// The choices from the start to `state`, shortest first found.
    public func route(to state: Int) -> [Choice] {
        var choices: [Choice] = []
        var current = state
        while let parent = parents[current] {
            choices.append(scenario.nodes[states[parent.state].node].choices[parent.choice])
            current = parent.state
        }
        return choices.reversed()
    }

    /// States from which some ending can be reached.
    public func statesReachingAnEnding() -> [Bool] {
        var reverse = [[Int]](repeating: [], count: states.count)
        for (from, list) in edges.enumerated() {
            for edge in list { reverse[edge.target].append(from) }
        }
        var reaches = states.indices.map(isEnding)
        var queue = states.indices.filter { reaches[$0] }
        while let state = queue.popLast() {
            for previous in reverse[state] where !reaches[previous] {
                reaches[previous] = true
                queue.append(previous)
            }
        }
        return reaches
    }

    /// The number of distinct choice sequences from the start to an ending, or nil when a
    /// loop on the way to an ending makes it unbounded.
    public func pathCount() -> PathCount? {
        guard !states.isEmpty else { return .zero }
        let useful = statesReachingAnEnding()
        // Depth-first post-order over useful states; a grey state met again is a loop.
        var color = [UInt8](repeating: 0, count: states.count)
        var count = [PathCount](repeating: .zero, count: states.count)
        var stack: [(state: Int, edge: Int)] = [(0, 0)]
        guard useful[0] else { return .zero }
        color[0] = 1
        while !stack.isEmpty {
            let (state, edge) = stack[stack.count - 1]
            if isEnding(state) {
                count[state] = .one
                color[state] = 2
                stack.removeLast()
                continue
            }
            if edge < edges[state].count {
                stack[stack.count - 1].edge += 1
                let target = edges[state][edge].target
                guard useful[target] else { continue }
                switch color[target] {
                case 0:
                    color[target] = 1
                    stack.append((target, 0))
                case 1:
                    return nil
                default:
                    break
                }
            } else {
                var total = PathCount.zero
                for edge in edges[state] where useful[edge.target] { total += count[edge.target] }
                count[state] = total
                color[state] = 2
                stack.removeLast()
            }
        }
        return count[0]
    }
}

/// The node graph alone, with conditions ignored: the fallback when the state space is
/// too large to explore, and an upper bound on what can happen.
public struct NodeGraph: Sendable {
    public let scenario: Scenario
    public let reachable: Set<String>

    public init(_ scenario: Scenario) {
        self.scenario = scenario
        var seen: Set<String> = []
        var queue = [scenario.start.value]
        while let id = queue.popLast() {
            guard seen.insert(id).inserted, let node = scenario.node(id) else { continue }
            queue += node.choices.map(\.next.value)
        }
        reachable = seen.filter { scenario.node($0) != nil }
    }

    /// Paths from the start to an ending ignoring conditions (an upper bound), or nil with loops.
    public func pathCount() -> PathCount? {
        var memo: [String: PathCount] = [:]
        var visiting: Set<String> = []
        var stack: [(String, Int)] = [(scenario.start.value, 0)]
        visiting.insert(scenario.start.value)
        while !stack.isEmpty {
            let (id, edge) = stack[stack.count - 1]
            guard let node = scenario.node(id) else {
                memo[id] = .zero
                visiting.remove(id)
                stack.removeLast()
                continue
            }
            if node.isEnding {
                memo[id] = .one
                visiting.remove(id)
                stack.removeLast()
                continue
            }
            if edge < node.choices.count {
                stack[stack.count - 1].1 += 1
                let next = node.choices[edge].next.value
                if memo[next] != nil { continue }
                if visiting.contains(next) { return nil }
                visiting.insert(next)
                stack.append((next, 0))
            } else {
                memo[id] = node.choices.reduce(PathCount.zero) { $0 + (memo[$1.next.value] ?? .zero) }
                visiting.remove(id)
                stack.removeLast()
            }
        }
        return memo[scenario.start.value] ?? .zero
    }
}
