import ArgumentParser
import AttuneCatalog
import AttuneCore
import Foundation

/// The knowledge base: topics, entries and search.
final class KnowledgeController: ShellPart {
    unowned let shell: Shell
    var context: ShellContext { shell.context }

    init(shell: Shell) { self.shell = shell }

    var renderer: KnowledgeRenderer { KnowledgeRenderer(style: style, width: width(), catalog: catalog) }

    func topics(_ arguments: [String]) {
        say(renderer.topics(library.knowledge))
    }

    func show(_ arguments: [String]) {
        guard let id = arguments.first else {
            fail(catalog.shell(.knowledge(.showNeedsID)))
            return
        }
        guard arguments.count == 1 else {
            fail(catalog.shell(.knowledge(.showTakesOneID(words: arguments.joined(separator: " ")))))
            return
        }
        let base = library.knowledge
        if let entry = base[id] ?? base[id.lowercased()] {
            say(renderer.entry(entry, in: base))
            shell.play.choicesReminder()
        } else if let topic = base.topics.first(where: { $0.id == id.lowercased() }) {
            say(renderer.topic(topic, in: base))
        } else {
            fail(unknownEntryMessage(id))
        }
    }

    func unknownEntryMessage(_ id: String) -> String {
        let base = library.knowledge
        let key = id.lowercased()
        let starting = base.ids.filter { $0.hasPrefix(key) }
        let guess = starting.isEmpty ? closestMatch(to: key, in: base.ids + base.topics.map(\.id)) : nil
        return catalog.shell(.knowledge(.unknownEntry(id: TerminalText.quoted(id), starting: Array(starting.prefix(8)),
                                                      more: starting.count > 8, suggestion: guess)))
    }

    func search(_ arguments: [String]) {
        let query = arguments.joined(separator: " ")
        guard !query.allSatisfy(\.isWhitespace) else {
            fail(catalog.shell(.knowledge(.searchNeedsWords)))
            return
        }
        let hits = library.index.search(query, limit: 10)
        say(renderer.searchResults(hits, query: query))
    }
}
