import AttuneCatalog
import AttuneCore

/// Knowledge base views as terminal text. Content is neutralised before it is printed so a
/// content file cannot send control sequences to the terminal. The renderer's own words
/// come from `catalog`; titles, summaries and texts are the content's, in the language the
/// content was loaded in.
public struct KnowledgeRenderer {
    public let style: TextStyle
    public let width: Int
    public let catalog: any MessageCatalog

    public init(style: TextStyle, width: Int, catalog: any MessageCatalog) {
        self.style = style
        self.width = width
        self.catalog = catalog
    }

    private func clean(_ text: String) -> String { TextLayout.neutralize(text) }

    private func words(_ text: KnowledgeText) -> String { catalog.shell(.knowledge(text)) }

    /// `topics`: every topic with its entry count and summary.
    public func topics(_ base: KnowledgeBase) -> String {
        guard !base.topics.isEmpty else {
            return words(.empty) + "\n"
        }
        let idWidth = base.topics.map(\.id.count).max() ?? 0
        var lines = [style.heading(words(.topicsHeading)) + style.dim("  (\(words(.entryCount(base.count))))"), ""]
        for topic in base.topics {
            let title = style.bold(clean(topic.title)) + style.dim(" · " + words(.entryCount(topic.entryIDs.count)))
            let indent: String
            if idWidth + 2 <= width / 3 {
                // Ids in a column, the summary under the title.
                indent = String(repeating: " ", count: idWidth + 2)
                let head = style.code(clean(topic.id).padding(toLength: idWidth, withPad: " ", startingAt: 0)) + "  " + title
                lines += TextLayout.visibleWidth(head) <= width ? [head] : TextLayout.wrap(head, width: width, indent: indent, firstIndent: "")
            } else {
                // A narrow window: the id on a line of its own, the title and summary under it.
                indent = "    "
                lines.append(style.code(clean(topic.id)))
                lines += TextLayout.wrap(title, width: width, indent: "    ", firstIndent: "  ")
            }
            lines += TextLayout.wrap(clean(topic.summary), width: width, indent: indent)
        }
        lines += ["", style.dim(words(.topicsFooter))]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `show TOPIC`: the topic's entries with their summaries.
    public func topic(_ topic: KnowledgeTopic, in base: KnowledgeBase) -> String {
        var lines = [style.heading(clean(topic.title)) + style.dim("  (\(topic.id))")]
        lines += TextLayout.wrap(clean(topic.summary), width: width)
        lines.append("")
        lines += entryList(topic.entryIDs.compactMap { base[$0] })
        return lines.joined(separator: "\n") + "\n"
    }

    /// Id and title per line, then the summary indented beneath.
    func entryList(_ entries: [KnowledgeEntry]) -> [String] {
        entries.flatMap { entry in
            [style.code(clean(entry.id)) + "  " + clean(entry.title)]
                + TextLayout.wrap(clean(entry.summary), width: width, indent: "    ").map(style.dim)
        }
    }

    /// `show ID`: title, summary, body, facts table, sources, see-also.
    public func entry(_ entry: KnowledgeEntry, in base: KnowledgeBase) -> String {
        var lines: [String] = []
        lines.append(style.bold(clean(entry.title)))
        let topicTitle = base.topics.first { $0.id == entry.topic }?.title ?? entry.topic
        lines.append(style.dim("\(clean(entry.id)) · \(clean(entry.kind)) · \(clean(topicTitle))"))
        lines.append("")
        lines += TextLayout.wrap(clean(entry.summary), width: width).map(style.italic)
        lines.append("")
        lines += TextLayout.reflow(clean(entry.body), width: width)
        if !entry.facts.isEmpty {
            lines += ["", style.heading(words(.facts))]
            // A fact's name is an id in English ("room-sharing"); in another language the
            // values, which are written to stand alone, are listed without it.
            if catalog.language != .english {
                for fact in entry.facts {
                    lines += TextLayout.wrap(clean(fact.value), width: width, indent: "    ", firstIndent: "  - ")
                }
            }
            let nameWidth = min(18, entry.facts.map(\.name.count).max() ?? 0)
            for fact in entry.facts where catalog.language == .english {
                let name = clean(fact.name)
                let label = "  " + name.padding(toLength: max(nameWidth, name.count), withPad: " ", startingAt: 0) + "  "
                let indent = String(repeating: " ", count: label.count)
                let wrapped = TextLayout.wrap(clean(fact.value), width: width, indent: indent, firstIndent: label)
                lines += wrapped.enumerated().map { $0.offset == 0 ? style.bold(label) + $0.element.dropFirst(label.count) : $0.element }
            }
        }
        lines += ["", style.heading(words(.sources))]
        for source in entry.sources {
            lines += TextLayout.wrap(clean(source), width: width, indent: "    ", firstIndent: "  - ")
        }
        if !entry.see.isEmpty {
            lines += ["", style.heading(words(.seeAlso))]
            let related = entry.see.map(\.value)
            let idWidth = related.map(\.count).max() ?? 0
            // Titles line up after the ids unless that leaves too little room to read them.
            let aligned = idWidth + 4 <= width / 2
            let indent = String(repeating: " ", count: aligned ? idWidth + 4 : 6)
            for id in related {
                let title = base[id]?.title ?? words(.notInBase)
                let shownID = aligned ? clean(id).padding(toLength: idWidth, withPad: " ", startingAt: 0) : clean(id)
                let label = "  " + style.code(shownID) + "  "
                lines += TextLayout.wrap(clean(title), width: width, indent: indent, firstIndent: label)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `search WORDS`: ranked hits with a snippet in which matched words stand out.
    public func searchResults(_ hits: [SearchHit], query: String) -> String {
        guard !hits.isEmpty else {
            return words(.nothingMatches(query: clean(query))) + "\n"
        }
        var lines: [String] = []
        for (rank, hit) in hits.enumerated() {
            let number = style.dim("\(rank + 1).".padding(toLength: 4, withPad: " ", startingAt: 0))
            let label = hit.kind == .scenario ? style.dim(words(.caseLabel)) : ""
            lines.append(number + style.code(clean(hit.id)) + "  " + style.bold(clean(hit.title)) + label)
            let plain = hit.snippet.map { clean($0.text) }.joined()
            // Wrap the plain text, then re-apply highlighting word by word.
            let matched = Set(hit.snippet.filter(\.isMatch).map { clean($0.text) })
            for line in TextLayout.wrap(plain, width: width, indent: "    ") {
                lines.append(highlight(line, words: matched))
            }
        }
        return lines.joined(separator: "\n") + "\n" + style.dim(words(.searchFooter)) + "\n"
    }

    private func highlight(_ line: String, words: Set<String>) -> String {
        guard style.enabled, !words.isEmpty else { return line }
        var result = ""
        var word = ""
        func flush() {
            result += words.contains(word) ? style.highlight(word) : word
            word = ""
        }
        for character in line {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else {
                flush()
                result.append(character)
            }
        }
        flush()
        return result
    }
}
