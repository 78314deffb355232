import ArgumentParser
import AttuneCatalog
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
            say(style.dim(catalog.shell(.helpMore)))
            say(style.dim(catalog.shell(.helpForTrainersAndAuthors)))
            return
        }
        if ["trainers", "trainer", "facilitators"].contains(name) {
            helpList([.trainers])
            return
        }
        if ["authors", "author", "authoring", "writing"].contains(name) {
            helpList([.authors])
            say(style.heading(catalog.shell(.helpFromTerminal)))
            for (command, what) in CommandTable.all.compactMap({ $0.fromTerminal(catalog) }) {
                say("  " + style.code(command))
                say(TextLayout.wrap(what, width: width(), indent: "      ").joined(separator: "\n"))
            }
            say(style.dim(catalog.shell(.helpFormatPointer)))
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
                say(ParserWords.localized(outside.helpMessage(columns: width()), catalog).trimmingCharacters(in: .newlines))
                say("")
                say(style.dim(catalog.shell(.helpRunFromTerminal(command: command.name))))
            }
            return
        }
        say(style.bold(command.usage(catalog)))
        if !command.aliases.isEmpty { say(style.dim(catalog.shell(.helpAliases(command.aliases)))) }
        say(TextLayout.wrap(command.summary(catalog), width: width()).joined(separator: "\n"))
        let details = command.details(catalog)
        if !details.isEmpty {
            say("")
            say(TextLayout.wrap(details, width: width()).joined(separator: "\n"))
        }
        if let example = command.example(catalog) {
            say("")
            say(catalog.shell(.helpExampleLabel) + style.code(example))
        }
    }

    /// Where the author guides are, on this computer.
    private func helpFormat() {
        let docs = BundledContent.find(executable: BundledContent.runningExecutable(),
                                       currentDirectory: FileManager.default.currentDirectoryPath).guides
        say(style.heading(catalog.shell(.helpFormatHeading)))
        for guide in AuthorGuide.allCases {
            let file = guide.rawValue, what = catalog.shell(.guide(guide))
            // The path stays whole, to be copied: beside its summary when both fit, else above it.
            let path = (docs as NSString).appendingPathComponent(file)
            if path.count + 4 + 24 <= width() {
                say(TextLayout.wrap(what, width: width(), indent: "    ", firstIndent: "  " + path + ": ").joined(separator: "\n"))
            } else {
                say("  " + path)
                say(TextLayout.wrap(what, width: width(), indent: "      ").joined(separator: "\n"))
            }
        }
        say(style.dim(catalog.shell(.helpNewCase)))
    }

    /// The commands of `groups`, under their headings: usage, then the summary beside it
    /// (or below it when the screen is narrow).
    private func helpList(_ groups: [CommandGroup]) {
        let listed = CommandTable.inShell.filter { groups.contains($0.group) }
        let usageWidth = listed.map { $0.usage(catalog).count }.max() ?? 0
        let beside = usageWidth + 4 + 24 <= width()
        for group in groups {
            say(style.heading(catalog.shell(.groupHeading(group.heading))))
            for command in listed where command.group == group {
                if beside {
                    let indent = String(repeating: " ", count: usageWidth + 4)
                    let lines = TextLayout.wrap(command.summary(catalog), width: width(), indent: indent, firstIndent: indent)
                    let usage = command.usage(catalog).padding(toLength: usageWidth, withPad: " ", startingAt: 0)
                    say("  " + style.code(usage) + "  " + lines.joined(separator: "\n").dropFirst(indent.count))
                } else {
                    say("  " + style.code(command.usage(catalog)))
                    say(TextLayout.wrap(command.summary(catalog), width: width(), indent: "      ").joined(separator: "\n"))
                }
            }
            say("")
        }
    }
}
