/// Visits every text of an English case or topic that a translation may hold, in the
/// English file's order, with its path; a visitor may change it (to show a translation).
protocol TextVisitor {
    /// A single text (never empty: an empty English text has nothing to translate).
    mutating func text(_ path: TextPath, _ value: inout String)
    /// A list of texts translated item by item (`content-warnings`, `debrief`, `facts`).
    mutating func list(_ path: TextPath, _ values: inout [String])
    /// A node, a choice or an entry, by its path ending in its id.
    mutating func id(_ path: TextPath, _ kind: IdentifierKind)
}

extension TextVisitor {
    fileprivate mutating func optional(_ path: TextPath, _ value: inout String?) {
        guard var text = value, !text.isEmpty else { return }
        self.text(path, &text)
        value = text
    }

    fileprivate mutating func required(_ path: TextPath, _ value: inout String) {
        guard !value.isEmpty else { return }
        text(path, &value)
    }
}

extension Scenario {
    /// The case's texts, in file order (see docs/translating.md for the paths).
    mutating func visitTexts<Visitor: TextVisitor>(_ visitor: inout Visitor) {
        visitor.required(["title"], &title)
        visitor.required(["summary"], &summary)
        visitor.list(["content-warnings"], &contentWarnings)
        if var facilitation = facilitator {
            visitor.optional(["facilitator", "notes"], &facilitation.notes)
            visitor.list(["facilitator", "discussion"], &facilitation.discussion)
            facilitator = facilitation
        }
        var visited = nodes
        for index in visited.indices {
            let path = ["nodes", visited[index].id]
            visitor.id(path, .node)
            visitor.required(path + ["text"], &visited[index].text)
            visitor.optional(path + ["reflect"], &visited[index].reflect)
            visitor.optional(path + ["facilitator"], &visited[index].facilitator)
            visitor.optional(path + ["prompt"], &visited[index].prompt)
            for choice in visited[index].choices.indices {
                let choicePath = path + ["choices", visited[index].choices[choice].id]
                visitor.id(choicePath, .choice)
                visitor.required(choicePath + ["text"], &visited[index].choices[choice].text)
                visitor.required(choicePath + ["feedback"], &visited[index].choices[choice].feedback)
                visitor.optional(choicePath + ["reflect"], &visited[index].choices[choice].reflect)
                var sides = visited[index].choices[choice].perspectives
                visitor.optional(choicePath + ["perspectives", "baby"], &sides.baby)
                visitor.optional(choicePath + ["perspectives", "parent"], &sides.parent)
                visitor.optional(choicePath + ["perspectives", "practitioner"], &sides.practitioner)
                visited[index].choices[choice].perspectives = sides
            }
            var says = visited[index].debrief.map(\.say)
            visitor.list(path + ["debrief"], &says)
            for item in says.indices { visited[index].debrief[item].say = says[item] }
        }
        nodes = visited
    }
}

/// One knowledge topic file's texts: the topic and its entries, as a translation covers them.
public struct TopicTexts: Sendable {
    public var topic: KnowledgeTopic
    public var entries: [KnowledgeEntry]

    public init(topic: KnowledgeTopic, entries: [KnowledgeEntry]) {
        self.topic = topic
        self.entries = entries
    }

    /// The topic's texts, in file order.
    mutating func visitTexts<Visitor: TextVisitor>(_ visitor: inout Visitor) {
        visitor.required(["title"], &topic.title)
        visitor.required(["summary"], &topic.summary)
        for index in entries.indices {
            let path = ["entries", entries[index].id]
            visitor.id(path, .entry)
            visitor.required(path + ["title"], &entries[index].title)
            visitor.required(path + ["summary"], &entries[index].summary)
            visitor.required(path + ["body"], &entries[index].body)
            var values = entries[index].facts.map(\.value)
            visitor.list(path + ["facts"], &values)
            for fact in values.indices { entries[index].facts[fact].value = values[fact] }
        }
    }
}

/// The shape of a translation file: which keys hold texts, lists of texts, blocks or ids.
indirect enum TranslationShape: Sendable {
    case text
    case textList
    case block([(String, TranslationShape)])
    case ids(IdentifierKind, TranslationShape)

    static let scenario = TranslationShape.block([
        ("title", .text), ("summary", .text), ("content-warnings", .textList),
        ("facilitator", .block([("notes", .text), ("discussion", .textList)])),
        ("nodes", .ids(.node, .block([
            ("text", .text), ("reflect", .text), ("facilitator", .text), ("prompt", .text),
            ("choices", .ids(.choice, .block([
                ("text", .text), ("feedback", .text), ("reflect", .text),
                ("perspectives", .block([("baby", .text), ("parent", .text), ("practitioner", .text)])),
            ]))),
            ("debrief", .textList),
        ]))),
    ])

    static let knowledge = TranslationShape.block([
        ("title", .text), ("summary", .text),
        ("entries", .ids(.entry, .block([("title", .text), ("summary", .text), ("body", .text), ("facts", .textList)]))),
    ])

    static func of(_ kind: TranslationFile.Kind) -> TranslationShape {
        kind == .scenario ? scenario : knowledge
    }

    /// The English files' keys that are not text: never in a translation.
    static let notTranslatable: Set<String> = [
        "scenario", "topic", "minutes", "audience", "competencies", "knowledge", "variables", "start", "tests", "id",
        "next", "rating", "refs", "when", "add", "set", "assumes", "ending", "kind", "sources", "see", "tags", "say",
    ]
}
