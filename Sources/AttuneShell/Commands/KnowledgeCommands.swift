import ArgumentParser
import AttuneCore
import Foundation

extension Shell {
    func makeCommands() -> [ShellCommand] {
        [
            ShellCommand(
                name: "help", usage: "help [COMMAND]", summary: "List the commands, or explain one.",
                details: "With no command, lists every command. With a command name, shows how to use it and an example.",
                example: "help search", argument: .command, group: .general, run: { $0.help($1) }),
            ShellCommand(
                name: "topics", usage: "topics", summary: "List the knowledge topics and how many entries each has.",
                details: "Each topic groups related entries, such as the tenets of infant mental health or the program models.",
                example: "topics", group: .knowledge, run: { $0.topics($1) }),
            ShellCommand(
                name: "show", usage: "show ID", summary: "Open a knowledge entry, or list a topic's entries.",
                details: "Shows an entry's title, summary, full text, facts, sources and related entries. "
                    + "Given a topic id (see 'topics'), lists that topic's entries. TAB completes ids.",
                example: "show tenet.4", argument: .entryOrTopic, group: .knowledge, run: { $0.show($1) }),
            ShellCommand(
                name: "search", usage: "search WORDS", summary: "Find entries by words, best matches first.",
                details: "Matches titles, summaries and text, ignoring case and word endings: 'attach' also finds "
                    + "'attachment'. Entries that contain all the words come first.",
                example: "search cortisol", argument: .words, group: .knowledge, run: { $0.search($1) }),
            ShellCommand(
                name: "quit", aliases: ["exit"], usage: "quit", summary: "Leave Attune. Ctrl-D does the same.",
                details: "Everything you did is already saved; nothing is lost by leaving.",
                group: .general, interactiveOnly: true, run: { shell, _ in shell.finish() }),
        ]
    }

    func help(_ arguments: [String]) {
        guard let name = arguments.first?.lowercased() else {
            helpList(CommandGroup.allCases.filter(\.isForLearners))
            say(style.dim("Type 'help COMMAND' for more about one command. TAB completes commands and names."))
            say(style.dim("Trainers leading a group: 'help trainers'. Writing cases: 'help authors'."))
            return
        }
        if ["trainers", "trainer", "facilitators"].contains(name) {
            helpList([.trainers])
            return
        }
        if ["authors", "author", "authoring", "writing"].contains(name) {
            helpList([.authors])
            say(style.heading("From your own terminal"))
            for (command, what) in [("attune new CASE-ID", "start a case file that passes lint and test as written"),
                                    ("attune lint [FILE]", "check cases and knowledge; every finding located"),
                                    ("attune test [FILE]", "run a case's expected playthroughs"),
                                    ("attune explore CASE", "every reachable ending, stuck state and unused choice"),
                                    ("attune graph CASE", "a map of the case for Graphviz or Mermaid, with a legend")] {
                say("  " + style.code(command))
                say(TextLayout.wrap(what, width: width(), indent: "      ").joined(separator: "\n"))
            }
            say(style.dim("How to write a case or a knowledge file: 'help format'."))
            return
        }
        if ["format", "formats", "guide", "yaml"].contains(name) {
            helpFormat()
            return
        }
        guard let command = command(named: name) else {
            // A command of the command line (attune graph, attune explore...): its own help.
            if let outside = AttuneCommand.configuration.subcommands.first(where: { $0.configuration.commandName == name }) {
                say(outside.helpMessage(columns: width()).trimmingCharacters(in: .newlines))
                say("")
                say(style.dim("Run it from your terminal's command line as 'attune \(name)', not inside Attune."))
                return
            }
            fail(unknownCommandMessage(name))
            return
        }
        say(style.bold(command.usage))
        if !command.aliases.isEmpty { say(style.dim("Also: " + command.aliases.joined(separator: ", "))) }
        say(TextLayout.wrap(command.summary, width: width()).joined(separator: "\n"))
        if !command.details.isEmpty {
            say("")
            say(TextLayout.wrap(command.details, width: width()).joined(separator: "\n"))
        }
        if let example = command.example {
            say("")
            say("Example: " + style.code(example))
        }
    }

    /// Where the author guides are, on this computer.
    private func helpFormat() {
        let docs = BundledContent.find(executable: BundledContent.runningExecutable(),
                                       currentDirectory: FileManager.default.currentDirectoryPath).guides
        say(style.heading("Writing cases and knowledge"))
        for (file, what) in [("authoring.md", "every field of a case, the 'when:' conditions, tests, and common YAML slips"),
                             ("knowledge.md", "knowledge topics and entries, ids and sources"),
                             ("ratings-policy.md", "what makes a response attuned, partly attuned, a missed cue or a safety concern")] {
            // The path stays whole, to be copied: beside its summary when both fit, else above it.
            let path = (docs as NSString).appendingPathComponent(file)
            if path.count + 4 + 24 <= width() {
                say(TextLayout.wrap(what, width: width(), indent: "    ", firstIndent: "  " + path + ": ").joined(separator: "\n"))
            } else {
                say("  " + path)
                say(TextLayout.wrap(what, width: width(), indent: "      ").joined(separator: "\n"))
            }
        }
        say(style.dim("'attune new ID --scenarios FOLDER' starts a case that passes lint; 'help authors' lists the author commands."))
    }

    /// The commands of `groups`, under their headings: usage, then the summary beside it
    /// (or below it when the screen is narrow).
    private func helpList(_ groups: [CommandGroup]) {
        let listed = commands.filter { groups.contains($0.group) }
        let usageWidth = listed.map(\.usage.count).max() ?? 0
        let beside = usageWidth + 4 + 24 <= width()
        for group in groups {
            say(style.heading(group.heading))
            for command in listed where command.group == group {
                if beside {
                    let indent = String(repeating: " ", count: usageWidth + 4)
                    let lines = TextLayout.wrap(command.summary, width: width(), indent: indent, firstIndent: indent)
                    let usage = command.usage.padding(toLength: usageWidth, withPad: " ", startingAt: 0)
                    say("  " + style.code(usage) + "  " + lines.joined(separator: "\n").dropFirst(indent.count))
                } else {
                    say("  " + style.code(command.usage))
                    say(TextLayout.wrap(command.summary, width: width(), indent: "      ").joined(separator: "\n"))
                }
            }
            say("")
        }
    }

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
            choicesReminder()
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
