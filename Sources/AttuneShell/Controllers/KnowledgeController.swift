import ArgumentParser
import AttuneCore
import Foundation

/// The knowledge base: topics, entries and search.
final class KnowledgeController: ShellPart {
    unowned let shell: Shell
    var context: ShellContext { shell.context }

    init(shell: Shell) { self.shell = shell }

    var renderer: KnowledgeRenderer { KnowledgeRenderer(style: style, width: width()) }

    func topics(_ arguments: [String]) {
        say(renderer.topics(library.knowledge))
    }

    func show(_ arguments: [String]) {
        guard let id = arguments.first else {
            fail("'show' needs an entry id, for example: show tenet.4. Type 'topics' to browse.")
            return
        }
        guard arguments.count == 1 else {
            fail("'show' takes one id; to look for words, use 'search \(arguments.joined(separator: " "))'.")
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
        var message = "There is no entry '\(TerminalText.quoted(id))'."
        if !starting.isEmpty {
            let shown = starting.prefix(8).joined(separator: ", ")
            message += " Entries starting with it: \(shown)\(starting.count > 8 ? ", ..." : "")."
        } else if let guess = closestMatch(to: key, in: base.ids + base.topics.map(\.id)) {
            message += " Did you mean '\(guess)'?"
        } else {
            message += " Try 'search \(TerminalText.quoted(id))' or 'topics'."
        }
        return message
    }

    func search(_ arguments: [String]) {
        let query = arguments.joined(separator: " ")
        guard !query.allSatisfy(\.isWhitespace) else {
            fail("'search' needs one or more words, for example: search cortisol")
            return
        }
        let hits = library.index.search(query, limit: 10)
        say(renderer.searchResults(hits, query: query))
    }
}
