/// What can happen in a case, worked out once and shared by the analysis lint rules and
/// `attune explore`: the reachable state space, or the node graph when that is too large.
public struct ScenarioAnalysis: Sendable {
    public let scenario: Scenario
    public let space: StateSpace
    /// Nodes reachable from the start (through the state space, or the node graph as a fallback).
    public let reachableNodes: Set<String>
    /// For each reachable state: can an ending still be reached from it?
    public let reachesEnding: [Bool]

    public init(_ scenario: Scenario, limit: Int = StateSpace.defaultLimit) {
        self.scenario = scenario
        space = StateSpace(scenario, limit: limit)
        if space.isComplete {
            reachableNodes = Set(space.states.map { scenario.nodes[$0.node].id })
            reachesEnding = space.statesReachingAnEnding()
        } else {
            reachableNodes = NodeGraph(scenario).reachable
            reachesEnding = []
        }
    }

    public var isComplete: Bool { space.isComplete }

    /// Endings reached, each with one shortest path (choice ids).
    public func endings() -> [(ending: ScenarioNode, path: [String])] {
        guard isComplete else { return [] }
        var found: [String: Int] = [:]
        for (index, state) in space.states.enumerated() where space.isEnding(index) {
            let id = scenario.nodes[state.node].id
            if found[id] == nil { found[id] = index }
        }
        return scenario.endings.compactMap { ending in
            found[ending.id].map { (ending, space.path(to: $0)) }
        }
    }

    /// Reachable states that are not endings yet offer no choice: one per node, with a path.
    public func stuckStates() -> [(node: ScenarioNode, path: [String], values: String)] {
        guard isComplete else { return [] }
        var seen: Set<Int> = []
        var result: [(ScenarioNode, [String], String)] = []
        for (index, state) in space.states.enumerated()
        where !space.isEnding(index) && space.edges[index].isEmpty && seen.insert(state.node).inserted {
            result.append((scenario.nodes[state.node], space.path(to: index), describeValues(state)))
        }
        return result
    }

    /// Reachable states with choices from which no ending can be reached: a loop with no
    /// way out. One per node, with a path.
    public func trappedStates() -> [(node: ScenarioNode, path: [String])] {
        guard isComplete else { return [] }
        var seen: Set<Int> = []
        var result: [(ScenarioNode, [String])] = []
        for (index, state) in space.states.enumerated()
        where !reachesEnding[index] && !space.edges[index].isEmpty && seen.insert(state.node).inserted {
            result.append((scenario.nodes[state.node], space.path(to: index)))
        }
        return result
    }

    /// Choices at reachable nodes that no reachable state offers.
    public func neverOffered() -> [(node: ScenarioNode, choice: Choice)] {
        guard isComplete else { return [] }
        var offered: Set<String> = []
        for (index, list) in space.edges.enumerated() {
            let node = scenario.nodes[space.states[index].node]
            for edge in list { offered.insert("\(node.id).\(node.choices[edge.choice].id)") }
        }
        return scenario.nodes.filter { reachableNodes.contains($0.id) && !$0.isEnding }.flatMap { node in
            node.choices.filter { !offered.contains("\(node.id).\($0.id)") }.map { (node, $0) }
        }
    }

    /// Distinct paths from the start to an ending; nil when loops make them unbounded.
    public func pathCount() -> PathCount? {
        isComplete ? space.pathCount() : NodeGraph(scenario).pathCount()
    }

    private func describeValues(_ state: StateSpace.State) -> String {
        zip(space.trackedVariables, state.values).map { "\($0.0) = \($0.1)" }.joined(separator: ", ")
    }
}
