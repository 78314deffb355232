/// Why a `when:` condition has the value it has in a state, as a typed value for the
/// author (a catalog puts it in words): the parts that decided it and the values that made
/// them so. Pure: a condition and a state in, a reason out.
///
///     trust >= 2                      false because trust is 1
///     trust >= 2 and visited(night)   false because `trust >= 2` is false (trust is 1)
///     not chose(arrival.greet)        false because the choice arrival.greet was made
public enum ConditionExplanation {
    /// The most deciding parts named in one explanation; the rest are counted.
    public static let maximumParts = 6

    /// The whole condition with its value and why: "`trust >= 2` is false because trust is 1".
    public static func sentence(_ condition: Condition, in state: some ConditionContext) -> ConditionReason {
        .named(condition: "\(condition)", value: condition.evaluate(in: state), because: reason(condition, in: state))
    }

    /// Why `condition` has its value in `state`, without naming the whole condition: the
    /// values it read ("trust is 1"), or for `and`/`or` the parts that decided it.
    public static func reason(_ condition: Condition, in state: some ConditionContext) -> ConditionReason {
        let value = condition.evaluate(in: state)
        switch condition {
        case let .constant(constant):
            return .always(constant)
        case let .compare(variable, _, _):
            return .counter(variable, value: state.value(of: variable))
        case let .visited(node):
            return .visited(node: node, value)
        case let .chose(node, choice):
            return .chose(node: node, choice: choice, value)
        case let .not(inner):
            return reason(inner, in: state)
        case let .and(terms), let .or(terms):
            // The parts with the chain's value decide it: for a false `and` the false parts,
            // for a true `or` the true ones; otherwise every part counts.
            let deciding = terms.filter { $0.evaluate(in: state) == value }
            let parts = deciding.prefix(maximumParts).map { part($0, in: state) }
            let more = max(0, deciding.count - maximumParts)
            return parts.count == 1 && more == 0 ? parts[0] : .parts(Array(parts), more: more)
        }
    }

    /// One deciding part of a chain: a visit or a choice says itself; anything else is
    /// named, with its value and why.
    static func part(_ condition: Condition, in state: some ConditionContext) -> ConditionReason {
        if speaksForItself(condition) { return reason(condition, in: state) }
        return sentence(condition, in: state)
    }

    private static func speaksForItself(_ condition: Condition) -> Bool {
        switch condition {
        case .visited, .chose: true
        case let .not(inner): speaksForItself(inner)
        default: false
        }
    }
}
