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
    /// An exact id first. Otherwise every case that fits: its id starts with the one word
    /// typed, or every word typed is a word of its title or id; failing those, from four
    /// letters, the start of one. One fit is found; several are listed, so "the" never picks
    /// one case of four.
    public func findScenario(_ query: String) -> CaseMatch {
        let wanted = query.lowercased().trimmingCharacters(in: .whitespaces)
        if let exact = scenario(query) ?? scenarios.first(where: { $0.id.lowercased() == wanted }) { return .found(exact) }
        let words = Self.words(wanted)
        guard !words.isEmpty else { return .none }
        func fit(_ scenario: Scenario, prefixes: Bool) -> Bool {
            if words.count == 1, scenario.id.lowercased().hasPrefix(words[0]) { return true }
            let named = Self.words(scenario.title.lowercased()) + Self.words(scenario.id.lowercased())
            return words.allSatisfy { word in named.contains { $0 == word || prefixes && word.count >= 4 && $0.hasPrefix(word) } }
        }
        var fits = scenarios.filter { fit($0, prefixes: false) }
        if fits.isEmpty { fits = scenarios.filter { fit($0, prefixes: true) } }
        switch fits.count {
        case 0: return .none
        case 1: return .found(fits[0])
        default: return .several(fits.sorted { $0.id < $1.id })
        }
    }

    private static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
    }
}
