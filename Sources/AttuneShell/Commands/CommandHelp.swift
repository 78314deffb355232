import ArgumentParser
import AttuneCore
import Foundation

/// `help`, `help NAME`, `help trainers`, `help authors` and `help format`, drawn from the
/// command table.
final class HelpController: ShellPart {
    unowned let shell: Shell
    var context: ShellContext { shell.context }

    init(shell: Shell) { self.shell = shell }

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
            for (command, what) in CommandTable.all.compactMap(\.fromTerminal) {
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
        guard let command = CommandTable.entry(named: name) else {
            fail(shell.unknownCommandMessage(name))
            return
        }
        if !command.inShell {
            // A command of the command line (attune graph, attune explore...): its own help.
            if case let .own(outside) = command.commandLine {
                say(outside.helpMessage(columns: width()).trimmingCharacters(in: .newlines))
                say("")
                say(style.dim("Run it from your terminal's command line as 'attune \(name)', not inside Attune."))
            }
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
        let listed = CommandTable.inShell.filter { groups.contains($0.group) }
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
}
