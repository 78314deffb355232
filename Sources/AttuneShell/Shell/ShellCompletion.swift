import Foundation

extension Shell {
    /// TAB: what could complete the word before the cursor. The first word is a command;
    /// later words depend on the command (entry ids for `show`, commands for `help`...).
    /// Inside a reflection's words (or a sentence that is no command) TAB is a tab: `.text`.
    public func complete(_ textBeforeCursor: String) -> Completion {
        if isInFreeText(textBeforeCursor) { return .text }
        let words = textBeforeCursor.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let startsNewWord = textBeforeCursor.isEmpty || textBeforeCursor.last == " "
        let current = startsNewWord ? "" : words.last ?? ""
        let before = startsNewWord ? words : Array(words.dropLast())

        let pool: [String]
        if before.isEmpty {
            pool = commands.filter { $0.group.isForLearners || $0.group == .authors || groupMode }.flatMap(\.names)
        } else if let command = command(named: before[0].lowercased()),
                  before.dropFirst().allSatisfy({ command.flags.contains($0) }) {
            switch command.argument {
            case .none, .words: pool = []
            case .command: pool = commands.filter { $0.group.isForLearners || $0.group == .authors || groupMode }.flatMap(\.names)
            case .entryOrTopic: pool = library.knowledge.ids + library.knowledge.topics.map(\.id)
            case .path: return Completion(word: current, candidates: Self.paths(startingWith: current))
            case .scenario: pool = library.scenarios.map(\.id)
            case .scenarioOrPath:
                if current.hasPrefix("-") {
                    pool = command.flags.filter { !before.contains($0) }
                } else if current.contains("/") || current.hasPrefix(".") || current.hasPrefix("~") {
                    return Completion(word: current, candidates: Self.paths(startingWith: current))
                } else {
                    pool = library.scenarios.map(\.id)
                }
            case .node: pool = session?.scenario.nodes.map(\.id) ?? []
            case .variable: pool = session?.scenario.variables.map(\.variable) ?? []
            case .journal: pool = ["export", "search", "delete"] + library.scenarios.map(\.id)
            case .progress: pool = ["export"]
            case .draft: pool = ["continue", "save", "discard"]
            case .group: pool = ["on", "off", "export"]
            }
        } else if before.count == 2, ["journal", "group", "progress"].contains(before[0].lowercased()), before[1] == "export" {
            return Completion(word: current, candidates: Self.paths(startingWith: current))
        } else {
            pool = []
        }
        let candidates = Set(pool.filter { $0.hasPrefix(current) }).sorted()
        return Completion(word: current, candidates: candidates)
    }

    /// Whether the cursor is in words kept as typed: a draft's line, after `reflect ` or
    /// `reflect:`, or after a first word that is no command (a sentence).
    func isInFreeText(_ textBeforeCursor: String) -> Bool {
        if writingReflection { return true }
        guard let parts = CommandLineParts(textBeforeCursor) else { return false }
        if Self.isReflectWithColon(parts.name) { return true }
        let pastFirstWord = textBeforeCursor.drop { $0 == " " || $0 == "\t" }.contains { $0 == " " || $0 == "\t" }
        guard pastFirstWord else { return false }
        guard let command = command(named: parts.name.lowercased()) else { return true }
        return command.text != nil
    }

    /// Files and folders whose path starts with `prefix`; folders end in "/".
    static func paths(startingWith prefix: String) -> [String] {
        let expanded = prefix.hasPrefix("~/") ? NSHomeDirectory() + prefix.dropFirst(1) : prefix
        let slash = expanded.lastIndex(of: "/")
        let directory = slash.map { String(expanded[...$0]) } ?? ""
        let namePrefix = slash.map { String(expanded[expanded.index(after: $0)...]) } ?? expanded
        let shownDirectory = slash.map { _ in String(prefix[...prefix.lastIndex(of: "/")!]) } ?? ""
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory) else {
            return []
        }
        return names
            .filter { $0.hasPrefix(namePrefix) && (namePrefix.hasPrefix(".") || !$0.hasPrefix(".")) }
            .map { name in
                var isDirectory: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: directory + name, isDirectory: &isDirectory)
                return shownDirectory + name + (isDirectory.boolValue ? "/" : "")
            }
            .sorted()
    }
}
