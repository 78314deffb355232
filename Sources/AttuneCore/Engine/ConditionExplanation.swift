/// Why a `when:` condition has the value it has in a state, in words for the author: the
/// parts that decided it and the values that made them so. Pure: a condition and a state
/// in, a sentence out.
///
///     trust >= 2                      false because trust is 1
///     trust >= 2 and visited(night)   false because `trust >= 2` is false (trust is 1)
///     not chose(arrival.greet)        false because the choice arrival.greet was made
public enum ConditionExplanation {
    /// The most deciding parts named in one explanation; the rest are counted.
    public static let maximumParts = 6

    /// "`trust >= 2` is false because trust is 1".
    public static func sentence(_ condition: Condition, in state: some ConditionContext) -> String {
        "`\(condition)` is \(condition.evaluate(in: state)) because \(reason(condition, in: state))"
    }

    /// Why `condition` has its value in `state`, without naming the whole condition: the
    /// values it read ("trust is 1"), or for `and`/`or` the parts that decided it.
    public static func reason(_ condition: Condition, in state: some ConditionContext) -> String {
        let value = condition.evaluate(in: state)
        switch condition {
        case let .constant(constant):
            return "it is always \(constant)"
        case let .compare(variable, _, _):
            return "\(variable) is \(state.value(of: variable))"
        case let .visited(node):
            return "the moment '\(node)' was \(value ? "" : "not ")visited"
        case let .chose(node, choice):
            return "the choice \(node).\(choice) was \(value ? "" : "not ")made"
        case let .not(inner):
            return reason(inner, in: state)
        case let .and(terms), let .or(terms):
            // The parts with the chain's value decide it: for a false `and` the false parts,
            // for a true `or` the true ones; otherwise every part counts.
            let deciding = terms.filter { $0.evaluate(in: state) == value }
            return list(deciding.prefix(maximumParts).map { part($0, in: state) }, more: deciding.count - maximumParts)
        }
    }

    /// One deciding part of a chain: a visit or a choice says itself; anything else is
    /// named, with its value and why.
    static func part(_ condition: Condition, in state: some ConditionContext) -> String {
        if speaksForItself(condition) { return reason(condition, in: state) }
        let value = condition.evaluate(in: state)
        return "`\(condition)` is \(value) (\(reason(condition, in: state)))"
    }

    private static func speaksForItself(_ condition: Condition) -> Bool {
        switch condition {
        case .visited, .chose: true
        case let .not(inner): speaksForItself(inner)
        default: false
        }
    }

    /// "a, b and c", with "and 2 more parts" for those left out.
    private static func list(_ items: [String], more: Int) -> String {
        var items = items
        if more > 0 { items.append("\(more) more part\(more == 1 ? "" : "s")") }
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }
}
