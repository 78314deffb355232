/// Finds the case a learner means by what they typed: an exact id, the start of one id
/// (`maya`), or a word of one title (`jonah`, `supervision`).
public enum CaseMatch: Equatable, Sendable {
    case found(Scenario)
    /// Several cases fit; the learner picks one.
    case several([Scenario])
    case none

    public static func == (lhs: CaseMatch, rhs: CaseMatch) -> Bool {
        switch (lhs, rhs) {
        case let (.found(a), .found(b)): a.id == b.id
        case let (.several(a), .several(b)): a.map(\.id) == b.map(\.id)
        case (.none, .none): true
        default: false
        }
    }
}

extension ContentLibrary {
    public func findScenario(_ query: String) -> CaseMatch {
        let wanted = query.lowercased()
        if let exact = scenario(query) ?? scenarios.first(where: { $0.id.lowercased() == wanted }) { return .found(exact) }
        guard !wanted.isEmpty else { return .none }
        let byPrefix = scenarios.filter { $0.id.lowercased().hasPrefix(wanted) }
        if byPrefix.count == 1 { return .found(byPrefix[0]) }
        if byPrefix.count > 1 { return .several(byPrefix.sorted { $0.id < $1.id }) }
        let byTitle = scenarios.filter { scenario in
            scenario.title.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).contains { $0 == Substring(wanted) || $0.hasPrefix(wanted) && wanted.count >= 4 }
        }
        if byTitle.count == 1 { return .found(byTitle[0]) }
        if byTitle.count > 1 { return .several(byTitle.sorted { $0.id < $1.id }) }
        return .none
    }
}
