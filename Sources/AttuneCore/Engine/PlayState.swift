/// One choice taken on the way through a case.
public struct MadeChoice: Sendable, Hashable, Codable {
    public var node: String
    public var choice: String
    public var rating: Rating

    public init(node: String, choice: String, rating: Rating) {
        self.node = node
        self.choice = choice
        self.rating = rating
    }
}

/// Where a learner is in a case: the node, the counters, how often each node was entered,
/// and the choices taken. A value: the engine returns new states, never changes one.
public struct PlayState: Sendable, Hashable, Codable, ConditionContext {
    public var node: String
    public var variables: [String: Int]
    public var visits: [String: Int]
    public var path: [MadeChoice]

    public init(node: String, variables: [String: Int], visits: [String: Int] = [:], path: [MadeChoice] = []) {
        self.node = node
        self.variables = variables
        self.visits = visits
        self.path = path
    }

    public func value(of variable: String) -> Int { variables[variable] ?? 0 }

    public func hasVisited(_ node: String) -> Bool { (visits[node] ?? 0) > 0 }

    public func hasChosen(node: String, choice: String) -> Bool {
        path.contains { $0.node == node && $0.choice == choice }
    }
}
