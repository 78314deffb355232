/// How each English text of a case or topic stands in one translation, and the texts the
/// translation holds that the English no longer has. Lint, `translate status`,
/// `translate extract` and play all read this one comparison.
public struct TranslationCheck: Sendable {
    public enum State: Sendable, Hashable {
        /// Shown in the translation.
        case translated
        /// The English changed since (`from` differs): the English is shown.
        case stale
        /// Missing or empty: the English is shown.
        case untranslated
    }

    /// One English text: where it is, what it says, how it stands, and the translation's
    /// text for it (when there is one, stale or not).
    public struct Entry: Sendable, Hashable {
        public var path: TextPath
        public var english: String
        public var state: State
        public var translation: TranslatedText?
    }

    /// Something in the translation with no English: an id that no longer exists, or a text
    /// where the English has none.
    public enum Extra: Sendable, Hashable {
        case unknownID(path: TextPath, kind: IdentifierKind, at: SourceLocation, suggestion: String?)
        case noEnglish(path: TextPath, at: SourceLocation)
    }

    public var entries: [Entry] = []
    public var extras: [Extra] = []

    public func count(_ state: State) -> Int { entries.reduce(0) { $0 + ($1.state == state ? 1 : 0) } }
    public var total: Int { entries.count }

    /// A case shown through a translation: each text translated where its translation is
    /// current, English elsewhere; everything else (ids, conditions, ratings) unchanged.
    public static func apply(_ file: TranslationFile, to scenario: Scenario) -> (scenario: Scenario, check: TranslationCheck) {
        var comparer = Comparer(file: file, apply: true)
        var translated = scenario
        translated.visitTexts(&comparer)
        return (translated, comparer.finish())
    }

    public static func apply(_ file: TranslationFile, to topic: TopicTexts) -> (topic: TopicTexts, check: TranslationCheck) {
        var comparer = Comparer(file: file, apply: true)
        var translated = topic
        translated.visitTexts(&comparer)
        return (translated, comparer.finish())
    }

    /// The English texts with no translation at all (for a case or topic with no file).
    public static func untranslated(_ scenario: Scenario) -> TranslationCheck {
        var comparer = Comparer(file: nil, apply: false)
        var copy = scenario
        copy.visitTexts(&comparer)
        return comparer.finish()
    }

    public static func untranslated(_ topic: TopicTexts) -> TranslationCheck {
        var comparer = Comparer(file: nil, apply: false)
        var copy = topic
        copy.visitTexts(&comparer)
        return comparer.finish()
    }
}

private struct Comparer: TextVisitor {
    let file: TranslationFile?
    let apply: Bool
    var check = TranslationCheck()
    var visitedTexts: Set<TextPath> = []
    var visitedLists: [TextPath: Int] = [:]
    var englishIDs: [TextPath: [String]] = [:]
    var knownIDs: Set<TextPath> = []

    init(file: TranslationFile?, apply: Bool) {
        self.file = file
        self.apply = apply
    }

    mutating func text(_ path: TextPath, _ value: inout String) {
        visitedTexts.insert(path)
        let translation = file?.texts[path]
        let state = Self.state(of: translation, english: value)
        check.entries.append(.init(path: path, english: value, state: state, translation: translation))
        if apply, state == .translated, let translation { value = translation.text }
    }

    mutating func list(_ path: TextPath, _ values: inout [String]) {
        visitedLists[path] = values.count
        let items = file?.lists[path] ?? []
        let hashes = values.map(TranslationHash.of)
        var used = Set<Int>()
        for index in values.indices {
            let english = values[index], hash = hashes[index]
            // The item at the same place first, then any item made from this English
            // (an item added to the English list does not make the rest stale); else the
            // item at the same place, stale, unless it was made from another English item.
            let candidates = (items.indices.contains(index) ? [index] : []) + items.indices.filter { $0 != index }
            let match = candidates.first { !used.contains($0) && items[$0].from == hash && !items[$0].isEmpty }
            let position = items.indices.contains(index) && !used.contains(index) && items[index].from != ""
                && !hashes.contains(items[index].from) ? index : nil
            let chosen = match ?? position
            if let chosen { used.insert(chosen) }
            let translation = chosen.map { items[$0] }
            let state = Self.state(of: translation, english: english)
            check.entries.append(.init(path: path + ["#\(index)"], english: english, state: state, translation: translation))
            if apply, state == .translated, let translation { values[index] = translation.text }
        }
        for index in items.indices where !used.contains(index) && index >= values.count && items[index].from != "" {
            check.extras.append(.noEnglish(path: path + ["#\(index)"], at: items[index].location))
        }
    }

    mutating func id(_ path: TextPath, _ kind: IdentifierKind) {
        knownIDs.insert(path)
        englishIDs[Array(path.dropLast()), default: []].append(path.last ?? "")
    }

    static func state(of translation: TranslatedText?, english: String) -> TranslationCheck.State {
        guard let translation, !translation.isEmpty else { return .untranslated }
        return translation.from == TranslationHash.of(english) ? .translated : .stale
    }

    /// The comparison, with what the translation holds that the English does not.
    mutating func finish() -> TranslationCheck {
        guard let file else { return check }
        var unknown: [TextPath] = []
        for (path, id) in file.ids.sorted(by: { $0.value.location < $1.value.location }) where !knownIDs.contains(path) {
            // Only the outermost unknown id: a choice of an unknown node is not reported again.
            guard !unknown.contains(where: { path.starts(with: $0) }) else { continue }
            unknown.append(path)
            let suggestion = closestMatch(to: path.last ?? "", in: englishIDs[Array(path.dropLast())] ?? [])
            check.extras.append(.unknownID(path: path, kind: id.value, at: id.location, suggestion: suggestion))
        }
        func underUnknown(_ path: TextPath) -> Bool { unknown.contains { path.starts(with: $0) } }
        for (path, text) in file.texts where !visitedTexts.contains(path) && !underUnknown(path) {
            check.extras.append(.noEnglish(path: path, at: text.location))
        }
        for (path, items) in file.lists where visitedLists[path] == nil && !underUnknown(path) {
            for (index, item) in items.enumerated() where item.from != "" {
                check.extras.append(.noEnglish(path: path + ["#\(index)"], at: item.location))
            }
        }
        check.extras.sort { $0.location < $1.location }
        return check
    }
}

extension TranslationCheck.Extra {
    public var location: SourceLocation {
        switch self {
        case let .unknownID(_, _, location, _), let .noEnglish(_, location): location
        }
    }
}
