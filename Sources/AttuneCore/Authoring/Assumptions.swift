/// A text of a case that says what it takes for granted about the route that shows it: the
/// `assumes:` of a moment (for an ending, its text), of a choice (its feedback) or of a
/// debrief item. Lint checks each over every route that shows the text (`UnmetAssumptionRule`).
public struct Assumption: Sendable, Hashable {
    public enum Text: Sendable, Hashable {
        /// A moment's text, reflect question and prompt, or an ending's text: shown on arrival.
        case moment(node: String)
        /// A choice's feedback, perspectives and reflect question: shown once it is made,
        /// so read with the choice made and its `set:` and `add:` applied.
        case feedback(node: String, choice: String)
        /// An ending's debrief item (its position in the list, from 0): shown at the ending
        /// when its `when:` holds.
        case debrief(node: String, item: Int)
    }

    public var text: Text
    public var assumes: WrittenCondition
    /// Beyond reaching the text, what shows it: a debrief item's `when:`.
    public var shownWhen: Condition?
}

extension Scenario {
    /// Every `assumes:` in the case, in file order.
    public var assumptions: [Assumption] {
        var found: [Assumption] = []
        for node in nodes {
            if let assumes = node.assumes { found.append(Assumption(text: .moment(node: node.id), assumes: assumes)) }
            for choice in node.choices {
                if let assumes = choice.assumes {
                    found.append(Assumption(text: .feedback(node: node.id, choice: choice.id), assumes: assumes))
                }
            }
            for (index, item) in node.debrief.enumerated() {
                if let assumes = item.assumes {
                    found.append(Assumption(text: .debrief(node: node.id, item: index), assumes: assumes,
                                            shownWhen: item.when?.condition))
                }
            }
        }
        return found
    }
}

/// An assumption that is false on a route that shows its text, with a shortest such route.
public struct UnmetAssumption: Sendable {
    public var assumption: Assumption
    /// The choices made from the start, in order; empty when the text is the start's.
    public var route: [Choice]
    /// Why the assumption is false at the end of the route, from its values: "trust is 0",
    /// "the choice arrival.greet was not made".
    public var reason: ConditionReason

    /// The finding, as a typed message: which text, what it assumes, a route on which a
    /// learner is shown it without that, and why.
    public func message(in scenario: Scenario) -> UnmetAssumptionMessage {
        let subject: UnmetAssumptionMessage.Subject
        switch assumption.text {
        case let .moment(node):
            subject = scenario.node(node)?.isEnding == true ? .ending(node: node) : .moment(node: node)
        case let .feedback(node, choice):
            subject = .feedback(node: node, choice: choice)
        case let .debrief(node, _):
            subject = .debrief(ending: node)
        }
        let written = assumption.assumes.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return UnmetAssumptionMessage(
            subject: subject, assumes: quoted(written, limit: 120),
            route: route.map { .init(text: quoted($0.text.shortened(to: 40), limit: 60), id: $0.id) }, reason: reason)
    }
}

extension ScenarioAnalysis {
    /// Each `assumes:` that is false somewhere its text is shown, with a shortest route there.
    ///
    /// Checked over the explored states: states are found breadth-first, so the first one
    /// met that shows the text with the assumption false ends a shortest route. When the
    /// exploration stopped at its limit, every route reported is still real, but routes
    /// past the limit are not checked (lint's state-space-limit note says so).
    public func unmetAssumptions() -> [UnmetAssumption] {
        let assumptions = scenario.assumptions
        guard !assumptions.isEmpty else { return [] }
        let nodeIndex = Dictionary(scenario.nodes.enumerated().map { ($0.element.id, $0.offset) },
                                   uniquingKeysWith: { first, _ in first })
        // The assumptions to check on arrival at each node, and on taking each choice.
        var onArrival: [Int: [Int]] = [:]
        var onChoice: [Int: [Int: [Int]]] = [:]
        for (index, assumption) in assumptions.enumerated() {
            switch assumption.text {
            case let .moment(node):
                if let node = nodeIndex[node] { onArrival[node, default: []].append(index) }
            case let .debrief(node, _):
                // A debrief on a moment that is not an ending is never shown (lint warns of it).
                if let node = nodeIndex[node], scenario.nodes[node].isEnding { onArrival[node, default: []].append(index) }
            case let .feedback(node, choice):
                if let node = nodeIndex[node], let choice = scenario.nodes[node].choices.firstIndex(where: { $0.id == choice }) {
                    onChoice[node, default: [:]][choice, default: []].append(index)
                }
            }
        }
        var found = [UnmetAssumption?](repeating: nil, count: assumptions.count)
        var open = assumptions.count
        for (state, values) in space.states.enumerated() where open > 0 {
            let here = space.context(of: state)
            for index in onArrival[values.node] ?? [] where found[index] == nil {
                let assumption = assumptions[index]
                guard assumption.shownWhen?.evaluate(in: here) ?? true,
                      !assumption.assumes.condition.evaluate(in: here) else { continue }
                found[index] = UnmetAssumption(assumption: assumption, route: space.route(to: state),
                                               reason: ConditionExplanation.reason(assumption.assumes.condition, in: here))
                open -= 1
            }
            guard let byChoice = onChoice[values.node] else { continue }
            for edge in space.edges[state] {
                for index in byChoice[edge.choice] ?? [] where found[index] == nil {
                    let assumption = assumptions[index]
                    let after = space.context(of: edge.target)
                    guard !assumption.assumes.condition.evaluate(in: after) else { continue }
                    let choice = scenario.nodes[values.node].choices[edge.choice]
                    found[index] = UnmetAssumption(assumption: assumption, route: space.route(to: state) + [choice],
                                                   reason: ConditionExplanation.reason(assumption.assumes.condition, in: after))
                    open -= 1
                }
            }
        }
        return found.compactMap { $0 }
    }
}
