import Yams

/// The knowledge base read from a folder, with every problem found on the way.
public struct KnowledgeLoadResult: Sendable {
    public var base: KnowledgeBase
    public var diagnostics: [Diagnostic]
}

/// One topic file's own reading, before the files are checked against each other.
public struct KnowledgeFileResult: Sendable, Codable {
    public var path: String
    public var topic: KnowledgeTopic?
    public var entries: [KnowledgeEntry]
    public var diagnostics: [Diagnostic]
}

/// Reads `Knowledge/<topic>.yaml` files into a `KnowledgeBase`. Parsing is pure (text in,
/// values and diagnostics out); only `load(directory:)` touches the disk.
public enum KnowledgeLoader {
    static let topicKeys = ["topic", "title", "summary", "entries"]
    static let entryKeys = ["id", "title", "kind", "summary", "body", "facts", "sources", "see", "tags"]

    /// Loads every topic file in `directory`. Files with errors contribute what could be read.
    public static func load(directory: String) throws(ContentAccessError) -> KnowledgeLoadResult {
        let read = ContentFiles.readAll(try ContentFiles.list(directory: directory))
        var result = load(sources: read.sources)
        result.diagnostics = (read.diagnostics + result.diagnostics).limitedPerFile()
        return result
    }

    /// Parses the given files and checks them against each other (unique ids, `see` links).
    public static func load(sources: [SourceText]) -> KnowledgeLoadResult {
        let byPath = Dictionary(sources.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        return assemble(sources.map(parseFile), source: { byPath[$0] })
    }

    /// One topic file read on its own, as the content cache keeps it.
    public static func parseFile(_ source: SourceText) -> KnowledgeFileResult {
        let parsed = parse(source)
        return KnowledgeFileResult(path: source.path, topic: parsed.topic, entries: parsed.entries, diagnostics: parsed.diagnostics)
    }

    /// Files read one by one, checked against each other (unique ids, `see` links). `source`
    /// gives a file's text, for the excerpt of a finding; it is asked only when there is one.
    public static func assemble(_ files: [KnowledgeFileResult], source: (String) -> SourceText?) -> KnowledgeLoadResult {
        var topics: [KnowledgeTopic] = []
        var entries: [KnowledgeEntry] = []
        var diagnostics: [Diagnostic] = []
        for parsed in files {
            diagnostics += parsed.diagnostics
            if let topic = parsed.topic { topics.append(topic) }
            entries += parsed.entries
        }
        diagnostics += crossCheck(entries: entries, source: source)
        // Keep the first of duplicate ids so the topic lists stay consistent with the index.
        var seen = Set<String>()
        let unique = entries.filter { seen.insert($0.id).inserted }
        let keptTopic = Dictionary(unique.map { ($0.id, $0.topic) }, uniquingKeysWith: { first, _ in first })
        topics = topics.map { topic in
            var topic = topic
            var kept = Set<String>()
            topic.entryIDs = topic.entryIDs.filter { keptTopic[$0] == topic.id && kept.insert($0).inserted }
            return topic
        }
        return KnowledgeLoadResult(
            base: KnowledgeBase(topics: topics, entries: unique), diagnostics: diagnostics.limitedPerFile())
    }

    /// One topic file on its own.
    public static func parse(_ source: SourceText) -> (topic: KnowledgeTopic?, entries: [KnowledgeEntry], diagnostics: [Diagnostic]) {
        let composed = YAMLComposer.compose(source)
        guard let root = composed.node else { return (nil, [], composed.diagnostics) }
        // Some other YAML file among the topics: one finding, not one per missing field.
        if let keys = root.mapping.map({ Set($0.keys.compactMap(\.scalar?.string)) }), !keys.contains("topic"), !keys.contains("entries") {
            let message = DiagnosticMessage.fileKind(keys.contains("scenario") ? .caseAmongTopics : .notATopic)
            return (nil, [], composed.diagnostics + [source.diagnostic(line: 1, column: 1, message, rule: .notContent)])
        }
        var reader = NodeReader(source: source)
        guard let file = reader.fields(root, what: .topicFile, allowed: topicKeys) else {
            return (nil, [], composed.diagnostics + reader.diagnostics)
        }
        let topicID = reader.text(file, "topic", required: true)
        let title = reader.text(file, "title", required: true)
        let summary = reader.text(file, "summary", required: true)
        let expected = fileStem(source.path)
        if let topicID {
            checkIdentifier(topicID, what: .topic, in: &reader)
            if topicID.value != expected {
                reader.report(at: topicID.location, .fileNameMismatch(.topic, id: quoted(topicID.value), fileName: quoted(expected)),
                              rule: .fileNameMismatch)
            }
        }
        let topic = topicID?.value ?? expected
        var entries: [KnowledgeEntry] = []
        for item in reader.list(file, "entries", required: true) ?? [] {
            if let entry = parseEntry(item, topic: topic, reader: &reader) { entries.append(entry) }
        }
        let result = KnowledgeTopic(
            id: topic, title: title?.value ?? topic, summary: summary?.value ?? "",
            entryIDs: entries.map(\.id), file: source.path)
        return (result, entries, (composed.diagnostics + reader.diagnostics).limitedPerFile())
    }

    private static func parseEntry(_ node: Node, topic: String, reader: inout NodeReader) -> KnowledgeEntry? {
        // Name the entry by its id in messages when there is one.
        let named = node.mapping?["id"]?.scalar?.string
        let what = FieldOwner.entry(named.map { quoted($0, limit: 40) })
        guard let fields = reader.fields(node, what: what, allowed: entryKeys) else { return nil }
        let id = reader.text(fields, "id", required: true)
        let title = reader.text(fields, "title", required: true)
        let kind = reader.text(fields, "kind", required: true)
        let summary = reader.text(fields, "summary", required: true)
        let body = reader.text(fields, "body", required: true)
        let facts = reader.textPairs(fields, "facts") ?? []
        let sources = reader.textList(fields, "sources", required: true)
        let see = reader.textList(fields, "see") ?? []
        let tags = reader.textList(fields, "tags") ?? []
        if let sources, sources.isEmpty, let value = fields["sources"] {
            reader.report(at: value, .entryNeedsSource(what), rule: .missingField)
        }
        if let id { checkIdentifier(id, what: .entry, in: &reader) }
        guard let id, let title, let kind, let summary, let body, let sources else { return nil }
        return KnowledgeEntry(
            id: id.value, topic: topic, title: title.value, kind: kind.value, summary: summary.value,
            body: body.value, facts: facts.map { .init(name: $0.key, value: $0.value) },
            sources: sources.map(\.value), see: see, tags: tags.map(\.value), location: id.location)
    }

    /// Ids are lowercase letters, digits and hyphens (and dots for entries).
    static func checkIdentifier(_ id: Located<String>, what: IdentifierKind, in reader: inout NodeReader) {
        // Entry ids may also hold dots (`tenet.1`).
        if !isIdentifier(id.value, allowDots: what == .entry) {
            reader.report(at: id.location, .invalidID(what, id: quoted(id.value)), rule: .invalidID)
        }
    }

    private static func crossCheck(entries: [KnowledgeEntry], source byPath: (String) -> SourceText?) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // At most `perFileLimit` findings a file are worked out; the rest are counted.
        var kept: [String: Int] = [:]
        var omitted: [String: (count: Int, first: SourceLocation)] = [:]
        func report(_ location: SourceLocation, rule: RuleID, _ message: () -> DiagnosticMessage) {
            if kept[location.file, default: 0] >= Diagnostic.perFileLimit {
                let previous = omitted[location.file]
                omitted[location.file] = ((previous?.count ?? 0) + 1, min(previous?.first ?? location, location))
                return
            }
            kept[location.file, default: 0] += 1
            let text = message()
            if let source = byPath(location.file) {
                diagnostics.append(source.diagnostic(line: location.line, column: location.column, text, rule: rule))
            } else {
                diagnostics.append(Diagnostic(at: location, text, rule: rule))
            }
        }
        var first: [String: KnowledgeEntry] = [:]
        for entry in entries {
            if let earlier = first[entry.id] {
                report(entry.location, rule: .duplicateID) {
                    .field(.duplicateEntryID(quoted(entry.id), earlier: earlier.location))
                }
            } else {
                first[entry.id] = entry
            }
        }
        let ids = SuggestionIndex(Array(first.keys))
        for entry in entries {
            for reference in entry.see where first[reference.value] == nil {
                report(reference.location, rule: .unknownRef) {
                    .reference(.unknownEntry(id: quoted(reference.value), in: .field("see"),
                                             suggestion: ids.closest(to: reference.value)))
                }
            }
        }
        for (_, item) in omitted { diagnostics.append(Diagnostic.omitted(item.count, at: item.first)) }
        return diagnostics
    }
}

/// True when `text` is a non-empty run of lowercase ASCII letters, digits and hyphens
/// (and dots when allowed), starting with a letter or digit.
public func isIdentifier(_ text: String, allowDots: Bool = false) -> Bool {
    guard let first = text.unicodeScalars.first, first.isLowercaseASCIIAlphanumeric else { return false }
    return text.unicodeScalars.allSatisfy {
        $0.isLowercaseASCIIAlphanumeric || $0 == "-" || (allowDots && $0 == ".")
    }
}

extension Unicode.Scalar {
    var isLowercaseASCIIAlphanumeric: Bool { ("a"..."z").contains(self) || ("0"..."9").contains(self) }
}

/// The file name without folder and extension: `Knowledge/tenets.yaml` gives `tenets`.
public func fileStem(_ path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: ".") else { return name }
    return String(name[..<dot])
}
