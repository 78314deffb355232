import AttuneCatalog
import Foundation

/// swift-argument-parser writes its help pages' headings and its usage errors in English.
/// `localized` reads what it wrote and puts those words in the catalog's language: the
/// headings, the `--help`/`--version` lines, "(values: …; default: …)", and each usage error
/// it knows (a missing argument or value, an unknown option, an unexpected word, a value an
/// option does not take). What it does not recognise (Attune's own messages, already in the
/// catalog's words) is left as it is. In English the text is returned unchanged.
enum ParserWords {
    static func localized(_ text: String, _ catalog: any MessageCatalog) -> String {
        guard catalog.language != .english, !text.isEmpty else { return text }
        let english = English()
        var result = text
        // The option help's value lists, which may wrap between "default:" and the ";" before it.
        result = replacing(#"\((values|default):"#, in: result) { match in
            "(" + catalog.parser(match[1] == "values" ? .valuesLabel : .defaultLabel)
        }
        result = replacing(#";(\s+)default:"#, in: result) { match in ";" + match[1] + catalog.parser(.defaultLabel) }
        for fixed in [ParserText.showVersion, .showHelp, .subcommandPlaceholder, .optionsPlaceholder] {
            result = result.replacingOccurrences(of: english.parser(fixed), with: catalog.parser(fixed))
        }
        return result.split(separator: "\n", omittingEmptySubsequences: false).map { line(String($0), catalog) }
            .joined(separator: "\n")
    }

    private static func line(_ line: String, _ catalog: any MessageCatalog) -> String {
        for heading in ParserText.Heading.allCases {
            let label = English().parser(.heading(heading))
            if line == label || line.hasPrefix(label + " ") {
                return catalog.parser(.heading(heading)) + line.dropFirst(label.count)
            }
        }
        if let match = whole(#"(\s*)See '(.+) <subcom[a-z]+>' for detailed help\."#, line) {
            return match[1] + catalog.parser(.seeSubcommandHelp(command: match[2]))
        }
        if let match = whole(#"(\s*)See '(.+)' for more information\."#, line) {
            return match[1] + catalog.parser(.seeHelp(command: match[2]))
        }
        if let match = whole(#"Error: (.*)"#, line) {
            return catalog.parser(.errorLabel) + " " + (error(match[1]).map(catalog.parser) ?? match[1])
        }
        if let match = whole(#"Help:( +.*)"#, line) { return catalog.parser(.helpLabel) + match[1] }
        if let match = whole(#"Usage:( .*)"#, line) { return catalog.parser(.usageLabel) + match[1] }
        return line
    }

    /// A usage error's words as the parser wrote them, as a typed message; nil for any other.
    static func error(_ body: String) -> ParserText? {
        if let match = whole(#"Missing expected argument '(.+)'"#, body) { return .missingArgument(name: match[1]) }
        if let match = whole(#"Missing one of: '(.+)'"#, body) {
            return .missingOneOf(names: match[1].components(separatedBy: "', '"))
        }
        if let match = whole(#"Missing value for '(.+)'"#, body) { return .missingValue(name: match[1]) }
        if let match = whole(#"Unknown option '(.+)'\. Did you mean '(.+)'\?"#, body) {
            return .unknownOption(name: match[1], suggestion: match[2])
        }
        if let match = whole(#"Unknown option '(.+)'"#, body) { return .unknownOption(name: match[1], suggestion: nil) }
        if let match = whole(#"Unexpected argument '(.*)'"#, body) { return .unexpectedArguments(values: [match[1]]) }
        if let match = whole(#"\d+ unexpected arguments: '(.*)'"#, body) {
            return .unexpectedArguments(values: match[1].components(separatedBy: "', '"))
        }
        if let match = whole(#"The value '(.*)' is invalid for '([^']+)'(?:\. Please provide one of (.+)\.)?"#, body) {
            return .invalidValue(value: match[1], name: match[2], choices: quoted(match[3]))
        }
        if let match = whole(#"The value '(.*)' is invalid\.(?: Please provide one of (.+)\.)?"#, body) {
            return .invalidValue(value: match[1], name: nil, choices: quoted(match[2]))
        }
        if let match = whole(#"The option '(.+)' does not take any value, but '(.*)' was specified\."#, body) {
            return .takesNoValue(name: match[1], value: match[2])
        }
        return nil
    }

    /// "'a', 'b' or 'c'" → ["a", "b", "c"].
    private static func quoted(_ list: String) -> [String] {
        guard !list.isEmpty, let expression = try? NSRegularExpression(pattern: "'([^']*)'") else { return [] }
        let range = NSRange(list.startIndex..., in: list)
        return expression.matches(in: list, range: range).compactMap { Range($0.range(at: 1), in: list).map { String(list[$0]) } }
    }

    /// The groups of `pattern` when it matches the whole of `text` (an unmatched group is "").
    private static func whole(_ pattern: String, _ text: String) -> [String]? {
        guard let expression = try? NSRegularExpression(pattern: "^" + pattern + "$", options: [.dotMatchesLineSeparators]),
              let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (0..<match.numberOfRanges).map { index in
            Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
        }
    }

    private static func replacing(_ pattern: String, in text: String, with make: ([String]) -> String) -> String {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return text }
        var result = text
        for match in expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
            let groups = (0..<match.numberOfRanges).map { index in
                Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
            guard let range = Range(match.range, in: result) else { continue }
            result.replaceSubrange(range, with: make(groups))
        }
        return result
    }
}
