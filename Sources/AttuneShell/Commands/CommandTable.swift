import ArgumentParser
import AttuneCatalog

/// The one list of Attune's commands. The shell's dispatch, `help` and `help NAME`, TAB
/// completion, the command line's `attune NAME` (with its `--help`), the manual page and the
/// shell completions are all derived from it; nothing else names the commands. What each entry
/// says (usage, summary, details, example) is in the catalog under its name (`ShellText.usage`
/// and the like; `English+ShellCommands.swift`, `Spanish+ShellCommands.swift`).
enum CommandTable {
    static let all: [ShellCommand] = knowledge + cases + journal + trainers + authors + general

    /// The entry with this name or alias.
    static func entry(named name: String) -> ShellCommand? {
        all.first { $0.names.contains(name) }
    }

    /// The commands the shell runs (the others are run from the terminal's command line).
    static var inShell: [ShellCommand] { all.filter(\.inShell) }

    static let general: [ShellCommand] = [
        ShellCommand(
            name: "help", argument: .command, subWords: [SubWord("trainers"), SubWord("authors"), SubWord("format")],
            group: .general, run: { $0.help.help($1) }),
        ShellCommand(
            name: "quit", aliases: ["exit"], group: .general, commandLine: .shellOnly(reason: .leavesShell),
            run: { shell, _ in shell.finish() }),
    ]

    static let knowledge: [ShellCommand] = [
        ShellCommand(
            name: "topics", group: .knowledge, run: { $0.knowledge.topics($1) }),
        ShellCommand(
            name: "show", argument: .entryOrTopic, group: .knowledge, run: { $0.knowledge.show($1) }),
        ShellCommand(
            name: "search", argument: .words, group: .knowledge, run: { $0.knowledge.search($1) }),
    ]

    static let cases: [ShellCommand] = [
        ShellCommand(
            name: "cases", aliases: ["scenarios"], group: .cases, run: { shell, _ in shell.play.listScenarios() }),
        ShellCommand(
            name: "play", argument: .scenarioOrPath, group: .cases, commandLine: .own(PlayCommand.self),
            run: { $0.play.play($1) }),
        ShellCommand(
            name: "choices", group: .cases, commandLine: .insideCase, run: { shell, _ in shell.play.showChoices() }),
        ShellCommand(
            name: "choose", group: .cases, commandLine: .insideCase, run: { $0.play.choose($1) }),
        ShellCommand(
            name: "back", group: .cases, commandLine: .insideCase, run: { shell, _ in shell.play.back() }),
        ShellCommand(
            name: "why", group: .cases, commandLine: .insideCase, run: { shell, _ in shell.play.why() }),
        ShellCommand(
            name: "stop", group: .cases, commandLine: .insideCase, run: { shell, _ in shell.play.stopCase() }),
        ShellCommand(
            name: "restart", group: .cases, commandLine: .insideCase, run: { shell, _ in shell.play.restart() }),
    ]

    static let journal: [ShellCommand] = [
        ShellCommand(
            name: "reflect", argument: .words, group: .journal, text: { $0.journal.reflect($1) }),
        ShellCommand(
            name: "journal", argument: .scenario,
            subWords: [SubWord("export", then: .path), SubWord("search", then: .words), SubWord("delete")],
            group: .journal, run: { $0.journal.journal($1) }),
        ShellCommand(
            name: "draft", subWords: [SubWord("continue"), SubWord("save"), SubWord("discard")], group: .journal,
            run: { $0.journal.draft($1) }),
        ShellCommand(
            name: "progress", flags: [JournalController.includeDraftsOption],
            subWords: [SubWord("export", then: .path)], group: .journal, run: { $0.journal.progress($1) }),
    ]

    static let trainers: [ShellCommand] = [
        ShellCommand(
            name: "cohort", argument: .path,
            flags: ["--lrs", "--user", "--cohort", "--since", "--until", "--include-reflections", "--insecure-http", "--timeout"],
            subWords: [SubWord("report", then: .path)], group: .trainers, commandLine: .own(CohortCommand.self),
            run: { $0.cohort.report($1) }),
        ShellCommand(
            name: "group",
            subWords: [SubWord("on"), SubWord("off"), SubWord("sessions"), SubWord("resume"), SubWord("export", then: .path),
                       SubWord("serve")],
            group: .trainers, run: { $0.group.group($1) }),
        ShellCommand(
            name: "votes", group: .trainers, commandLine: .inGroupMode, run: { $0.group.votes($1) }),
        ShellCommand(
            name: "reveal", group: .trainers, commandLine: .inGroupMode, run: { shell, _ in shell.group.reveal() }),
        ShellCommand(
            name: "discuss", group: .trainers, commandLine: .inGroupMode, run: { shell, _ in shell.group.discuss() }),
        ShellCommand(
            name: "notes", group: .trainers, commandLine: .inGroupMode,
            run: { shell, _ in shell.group.facilitatorNotes() }),
        ShellCommand(
            name: "timer", subWords: [SubWord("off")], group: .trainers, commandLine: .inGroupMode,
            run: { $0.group.timerCommand($1) }),
        ShellCommand(
            name: "open", group: .trainers, commandLine: .inGroupMode, run: { $0.room.openVoting($1) }),
        ShellCommand(
            name: "lock", group: .trainers, commandLine: .inGroupMode, run: { shell, _ in shell.room.lockVoting() }),
    ]

    static let authors: [ShellCommand] = [
        ShellCommand(
            name: "lint", argument: .scenarioOrPath, group: .authors, commandLine: .own(LintCommand.self),
            run: { $0.author.lint($1) }),
        ShellCommand(
            name: "test", argument: .scenarioOrPath, flags: ["--coverage"], group: .authors,
            commandLine: .own(TestCommand.self), run: { $0.author.runTests($1) }),
        ShellCommand(
            name: "reload", group: .authors,
            commandLine: .shellOnly(reason: .readsContentAgain),
            run: { shell, _ in shell.author.reload() }),
        ShellCommand(
            name: "goto", argument: .node, group: .authors, commandLine: .insideCase, run: { $0.author.goto($1) }),
        ShellCommand(
            name: "set", argument: .variable, group: .authors, commandLine: .insideCase,
            run: { $0.author.setVariable($1) }),
        ShellCommand(
            name: "vars", group: .authors, commandLine: .insideCase, run: { shell, _ in shell.author.showVariables() }),
        // From the terminal's command line only; 'help NAME' in the shell shows their options.
        ShellCommand(
            name: "new", group: .authors, commandLine: .own(NewCommand.self), inShell: false),
        ShellCommand(
            name: "explore", group: .authors, commandLine: .own(ExploreCommand.self), inShell: false),
        ShellCommand(
            name: "graph", group: .authors, commandLine: .own(GraphCommand.self), inShell: false),
        ShellCommand(
            name: "translate", subWords: [SubWord("extract", then: .path), SubWord("status", then: .path)], group: .authors,
            commandLine: .own(TranslateCommand.self), inShell: false),
        ShellCommand(
            name: "export", subWords: [SubWord("xapi", then: .path)], group: .journal,
            commandLine: .own(ExportCommand.self), inShell: false),
        ShellCommand(
            name: "cache", subWords: [SubWord("status"), SubWord("clear")], group: .general,
            commandLine: .own(CacheCommand.self), inShell: false),
    ]

    /// The command line's form of an entry with options of its own: name, summary and details
    /// from the table, with what only the command line has (`extra`, e.g. exit statuses).
    static func configuration(_ name: String, extra: String = "", subcommands: [ParsableCommand.Type] = [],
                              defaultSubcommand: ParsableCommand.Type? = nil) -> CommandConfiguration {
        guard let entry = entry(named: name) else { preconditionFailure("'\(name)' is not in the command table") }
        let catalog = CommandLineLanguage.catalog
        let discussion = [entry.details(catalog), extra].filter { !$0.isEmpty }.joined(separator: " ")
        return CommandConfiguration(commandName: entry.name, abstract: entry.summary(catalog), discussion: discussion,
                                    subcommands: subcommands, defaultSubcommand: defaultSubcommand, aliases: entry.aliases)
    }
}
