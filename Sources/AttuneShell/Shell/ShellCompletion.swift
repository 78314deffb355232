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
            pool = offeredCommandNames
        } else if let command = command(named: before[0].lowercased()),
                  before.dropFirst().allSatisfy({ command.flags.contains($0) }) {
            // The command's first word: its sub-words, and what its argument may be.
            if current.hasPrefix("-"), !command.flags.isEmpty {
                pool = command.flags.filter { !before.contains($0) }
            } else if command.argument == .path || command.argument == .scenarioOrPath
                        && (current.contains("/") || current.hasPrefix(".") || current.hasPrefix("~")) {
                // A command whose first word may be a sub-word or a file (`cohort report ...`).
                let subWords = command.subWords.map(\.name).filter { $0.hasPrefix(current.lowercased()) }
                return Completion(word: current, candidates: subWords + Self.paths(startingWith: current))
            } else {
                pool = command.subWords.map(\.name) + candidates(for: command.argument)
            }
        } else if let command = command(named: before[0].lowercased()), before.count >= 2,
                  let subWord = command.subWords.first(where: { $0.name == before[1].lowercased() }) {
            // After a sub-word: what it takes (`journal export FILE`, `group export N FILE`).
            switch subWord.then {
            case .path: return Completion(word: current, candidates: Self.paths(startingWith: current))
            default: pool = before.count == 2 ? candidates(for: subWord.then) : []
            }
        } else {
            pool = []
        }
        let candidates = Set(pool.filter { $0.hasPrefix(current) }).sorted()
        return Completion(word: current, candidates: candidates)
    }

    /// The commands TAB offers as a first word: the learner's and the authors', and the
    /// trainers' in group mode.
    var offeredCommandNames: [String] {
        CommandTable.inShell.filter { $0.group.isForLearners || $0.group == .authors || group.groupMode }.flatMap(\.names)
    }

    /// What an argument of this kind may be, from the content and the case in play.
    func candidates(for kind: ArgumentKind) -> [String] {
        switch kind {
        case .none, .words, .path: []
        case .command: offeredCommandNames
        case .entryOrTopic: library.knowledge.ids + library.knowledge.topics.map(\.id)
        case .scenario, .scenarioOrPath: library.scenarios.map(\.id)
        case .node: play.session?.scenario.nodes.map(\.id) ?? []
        case .variable: play.session?.scenario.variables.map(\.variable) ?? []
        }
    }

    /// Whether the cursor is in words kept as typed: a draft's line, after `reflect ` or
    /// `reflect:`, or after a first word that is no command (a sentence).
    func isInFreeText(_ textBeforeCursor: String) -> Bool {
        if journal.writingReflection { return true }
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
