import ArgumentParser

/// When to colour output: `auto` colours a terminal unless NO_COLOR is set.
public enum ColorMode: String, Sendable, CaseIterable, ExpressibleByArgument {
    case auto, always, never

    /// Whether to colour, given the environment and whether output is a terminal.
    public func resolve(environment: [String: String], outputIsTerminal: Bool) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            if environment["TERM"] == "dumb" { return false }
            return outputIsTerminal
        }
    }
}

/// ANSI styling that disappears entirely when colour is off, so piped output stays plain.
public struct TextStyle: Sendable {
    public let enabled: Bool

    public init(enabled: Bool) {
        self.enabled = enabled
    }

    public static let plain = TextStyle(enabled: false)

    private func wrap(_ text: String, _ code: String) -> String {
        enabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func italic(_ text: String) -> String { wrap(text, "3") }
    /// Ids and commands the learner can type.
    public func code(_ text: String) -> String { wrap(text, "36") }
    /// Section headings.
    public func heading(_ text: String) -> String { wrap(text, "1;34") }
    /// Words that matched a search.
    public func highlight(_ text: String) -> String { wrap(text, "1;33") }
    public func error(_ text: String) -> String { wrap(text, "1;31") }
    public func warning(_ text: String) -> String { wrap(text, "1;35") }
    public func good(_ text: String) -> String { wrap(text, "32") }
    public func caution(_ text: String) -> String { wrap(text, "33") }
}
