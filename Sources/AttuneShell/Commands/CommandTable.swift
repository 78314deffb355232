import ArgumentParser

/// The one list of Attune's commands. The shell's dispatch, `help` and `help NAME`, TAB
/// completion, the command line's `attune NAME` (with its `--help`), the manual page and the
/// shell completions are all derived from it; nothing else names the commands.
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
            name: "help", usage: "help [COMMAND]", summary: "List the commands, or explain one.",
            details: "With no command, lists every command. With a command name, shows how to use it and an example.",
            example: "help search", argument: .command, subWords: [SubWord("trainers"), SubWord("authors"), SubWord("format")],
            group: .general, run: { $0.help.help($1) }),
        ShellCommand(
            name: "quit", aliases: ["exit"], usage: "quit", summary: "Leave Attune. Ctrl-D does the same.",
            details: "Everything you did is already saved; nothing is lost by leaving.",
            group: .general, commandLine: .shellOnly(reason: "it leaves the shell"), run: { shell, _ in shell.finish() }),
    ]

    static let knowledge: [ShellCommand] = [
        ShellCommand(
            name: "topics", usage: "topics", summary: "List the knowledge topics and how many entries each has.",
            details: "Each topic groups related entries, such as the tenets of infant mental health or the program models.",
            example: "topics", group: .knowledge, run: { $0.knowledge.topics($1) }),
        ShellCommand(
            name: "show", usage: "show ID", summary: "Open a knowledge entry, or list a topic's entries.",
            details: "Shows an entry's title, summary, full text, facts, sources and related entries. "
                + "Given a topic id (see 'topics'), lists that topic's entries. TAB completes ids.",
            example: "show tenet.4", argument: .entryOrTopic, group: .knowledge, run: { $0.knowledge.show($1) }),
        ShellCommand(
            name: "search", usage: "search WORDS", summary: "Find entries by words, best matches first.",
            details: "Matches titles, summaries and text, ignoring case and word endings: 'attach' also finds "
                + "'attachment'. Entries that contain all the words come first.",
            example: "search cortisol", argument: .words, group: .knowledge, run: { $0.knowledge.search($1) }),
    ]

    static let cases: [ShellCommand] = [
        ShellCommand(
            name: "cases", aliases: ["scenarios"], usage: "cases", summary: "List the cases, with where you stand in each.",
            details: "Shows each case's name, title, length, who it is written for, and whether you have not started it, "
                + "are part way through, or have finished it.",
            example: "cases", group: .cases, run: { shell, _ in shell.play.listScenarios() }),
        ShellCommand(
            name: "play", usage: "play CASE", summary: "Start a case, or continue one where you stopped.",
            details: "Name the case by its first word or any word of its title: 'play maya' or 'play jonah'. "
                + "Content notes come first. Then read each moment and type the number of your response. "
                + "An unfinished case continues where you left it; 'restart' begins it anew.",
            example: "play maya", argument: .scenarioOrPath, group: .cases, commandLine: .own(PlayCommand.self),
            run: { $0.play.play($1) }),
        ShellCommand(
            name: "choices", usage: "choices", summary: "Show this moment and its choices again.",
            group: .cases, commandLine: .insideCase, run: { shell, _ in shell.play.showChoices() }),
        ShellCommand(
            name: "choose", usage: "choose N", summary: "Pick choice N (typing the number alone does the same).",
            details: "How the choice met the baby and the family follows, with the baby's, the parent's and your side, "
                + "and entries to read.",
            example: "choose 2", group: .cases, commandLine: .insideCase, run: { $0.play.choose($1) }),
        ShellCommand(
            name: "back", usage: "back", summary: "Take back your last choice and return to that moment.",
            details: "Everything returns to how it was before the choice, so you can try another response. "
                + "At an ending, the ending stays in your record.",
            group: .cases, commandLine: .insideCase, run: { shell, _ in shell.play.back() }),
        ShellCommand(
            name: "why", usage: "why", summary: "Show the feedback on your last choice again.",
            group: .cases, commandLine: .insideCase, run: { shell, _ in shell.play.why() }),
        ShellCommand(
            name: "stop", usage: "stop", summary: "Leave the case; your place is kept for next time.",
            group: .cases, commandLine: .insideCase, run: { shell, _ in shell.play.stopCase() }),
        ShellCommand(
            name: "restart", usage: "restart", summary: "Begin the current case again from the start (asks first).",
            details: "Your earlier path stays in your record; the new one starts fresh.",
            group: .cases, commandLine: .insideCase, run: { shell, _ in shell.play.restart() }),
    ]

    static let journal: [ShellCommand] = [
        ShellCommand(
            name: "reflect", usage: "reflect [YOUR WORDS]", summary: "Write in your journal, tied to this moment.",
            details: "Everything after 'reflect ' (or 'reflect:') is kept exactly as you typed it, apostrophes and "
                + "tabs and all. Paste several lines after 'reflect ' and they are kept whole as one reflection. "
                + "With no words, write as many lines as you like; each line is kept as you go. A line holding only "
                + "a full stop (.) or Ctrl-D saves the entry. Ctrl-C clears only the line you are typing; a second "
                + "Ctrl-C in a row asks whether to throw the whole reflection away. Your journal stays on this "
                + "computer and never goes into the command history.",
            example: "reflect I didn't know what to say when she went quiet.", argument: .words, group: .journal,
            text: { $0.journal.reflect($1) }),
        ShellCommand(
            name: "journal", usage: "journal [CASE | search WORDS | delete N | export FILE]",
            summary: "Read your journal or part of it, delete an entry, or save it (Markdown, or JSON for a .json file).",
            details: JournalController.journalDetails,
            example: "journal search bottle", argument: .scenario,
            subWords: [SubWord("export", then: .path), SubWord("search", then: .words), SubWord("delete")],
            group: .journal, run: { $0.journal.journal($1) }),
        ShellCommand(
            name: "draft", usage: "draft [continue|save|discard]",
            summary: "An unfinished reflection: read it, keep writing, save it, or throw it away.",
            details: "A reflection written over several lines is kept line by line, so closing the window loses "
                + "nothing. 'draft' shows what was written; 'draft continue' goes on writing it; 'draft save' puts it "
                + "in your journal as it is; 'draft discard' throws it away.",
            example: "draft continue", subWords: [SubWord("continue"), SubWord("save"), SubWord("discard")],
            group: .journal, run: { $0.journal.draft($1) }),
        ShellCommand(
            name: "progress", usage: "progress [export FILE] [--include-drafts]",
            summary: "Cases done, endings reached, how your choices met the family, and your competency profile.",
            details: "'progress export FILE' writes your record: JSON when FILE ends in .json, Markdown otherwise. Cases you played from an author's draft (a folder other than the cases Attune comes with) are not counted; add --include-drafts to count them.",
            example: "progress export my-progress.md", flags: [JournalController.includeDraftsOption],
            subWords: [SubWord("export", then: .path)], group: .journal, run: { $0.journal.progress($1) }),
    ]

    static let trainers: [ShellCommand] = [
        ShellCommand(
            name: "cohort", usage: "cohort report [--lrs URL --user U --cohort NAME | FILES...] FILE",
            summary: "A cohort's practice between workshops, for the next workshop's discussion.",
            details: "'cohort report --lrs URL --user U --cohort NAME cohort.html' reads what learners sent with "
                + "'export xapi --cohort NAME', with the password from ATTUNE_LRS_PASSWORD, set before starting Attune "
                + "(a password typed here would be kept in the shell's history; 'attune cohort report' on the command "
                + "line can ask for it). 'cohort report maya.jsonl sam.jsonl cohort.html' reads "
                + "learners' exported files instead. The discussion plan comes first: the moments most learners missed. "
                + "The extension chooses the format (.md, .json, .html); add --since DATE, --until DATE or "
                + "--include-reflections. The same as 'attune cohort report' on the command line.",
            example: "cohort report week1.jsonl week2.jsonl cohort.html", argument: .path,
            flags: ["--lrs", "--user", "--cohort", "--since", "--until", "--include-reflections", "--insecure-http", "--timeout"],
            subWords: [SubWord("report", then: .path)], group: .trainers, commandLine: .own(CohortCommand.self),
            run: { $0.cohort.report($1) }),
        ShellCommand(
            name: "group", usage: "group on|off|sessions|resume N|export [N] FILE|serve",
            summary: "Group mode, for a trainer leading a room.",
            details: "'group on' records the room's votes with each decision and keeps group play apart from your own "
                + "progress; reflections become group notes. Each case the room plays is a group session of its own, "
                + "kept across restarts: 'group sessions' lists them, 'group resume N' continues one, and "
                + "'group export N FILE' writes one as Markdown (the latest when N is left out). Facilitator notes "
                + "appear only when you type 'notes'. 'group serve' lets phones vote from a page on this network "
                + "('open', 'lock'); 'group serve off' stops it. No participant names are asked for or stored.",
            example: "group resume 2",
            subWords: [SubWord("on"), SubWord("off"), SubWord("sessions"), SubWord("resume"), SubWord("export", then: .path),
                       SubWord("serve")],
            group: .trainers, run: { $0.group.group($1) }),
        ShellCommand(
            name: "votes", usage: "votes N N ... [of ROOM]", summary: "Record the room's tally for the offered choices.",
            details: "One number for each offered choice, in order, with spaces or commas. Add 'of 12' to check the "
                + "total against the number in the room. Typing it again replaces the earlier tally. The tally is "
                + "drawn as bars and kept with the choice the group then takes.",
            example: "votes 7 4 1 of 12", group: .trainers, commandLine: .inGroupMode, run: { $0.group.votes($1) }),
        ShellCommand(
            name: "reveal", usage: "reveal", summary: "After the room chooses: every option with its rating and why.",
            details: "Ratings stay hidden until the group has chosen. Then 'reveal' shows each option that was offered, "
                + "how it met the family, one line of why, the votes, and which one the room took.",
            group: .trainers, commandLine: .inGroupMode, run: { shell, _ in shell.group.reveal() }),
        ShellCommand(
            name: "discuss", usage: "discuss", summary: "Discussion prompts for this case.",
            group: .trainers, commandLine: .inGroupMode, run: { shell, _ in shell.group.discuss() }),
        ShellCommand(
            name: "notes", usage: "notes", summary: "The facilitator notes for this case and moment.",
            details: "Facilitator notes can say which responses the case treats as most attuned, so they are shown "
                + "only when you ask. The screen may be shared: consider pausing the projector first.",
            group: .trainers, commandLine: .inGroupMode, run: { shell, _ in shell.group.facilitatorNotes() }),
        ShellCommand(
            name: "timer", usage: "timer MINUTES|off", summary: "A countdown for small-group discussion.",
            details: "The time left shows after anything you type, and the next prompt after it runs out says so. "
                + "It never interrupts a line you are typing.",
            example: "timer 5", subWords: [SubWord("off")], group: .trainers, commandLine: .inGroupMode,
            run: { $0.group.timerCommand($1) }),
        ShellCommand(
            name: "open", usage: "open [of ROOM]", summary: "Open voting on phones for this moment.",
            details: "Needs 'group serve'. Phones show the moment's question and choices (never ratings or notes). "
                + "Each phone has one vote and may change it until you type 'lock'. 'open of 12' gives the room's "
                + "size: you are told if more phones join than that. 'open' again keeps the votes already in.",
            example: "open of 12", group: .trainers, commandLine: .inGroupMode, run: { $0.room.openVoting($1) }),
        ShellCommand(
            name: "lock", usage: "lock", summary: "Close voting and record the phones' tally, as 'votes' does.",
            details: "The counts are drawn as bars here and on the room screen. Then choose the response the room "
                + "settles on. If no phone voted, type the room's tally with 'votes' instead.",
            group: .trainers, commandLine: .inGroupMode, run: { shell, _ in shell.room.lockVoting() }),
    ]

    static let authors: [ShellCommand] = [
        ShellCommand(
            name: "lint", usage: "lint [ID or PATH]", summary: "Check cases and knowledge files; every finding located.",
            details: "With no argument, checks the knowledge and scenarios folders in use. With a case id or a path, checks that.",
            example: "lint maya-quiet-visit", argument: .scenarioOrPath, group: .authors, commandLine: .own(LintCommand.self),
            fromTerminal: ("attune lint [FILE]", "check cases and knowledge; every finding located"),
            run: { $0.author.lint($1) }),
        ShellCommand(
            name: "test", usage: "test [ID or PATH]", summary: "Run cases' expected playthroughs (their 'tests:').",
            details: "A case with errors is not tested, and says so. 'test --coverage' also lists the choices, "
                + "endings and debrief rules that no test exercises.",
            example: "test --coverage maya-quiet-visit", argument: .scenarioOrPath, flags: ["--coverage"], group: .authors,
            commandLine: .own(TestCommand.self), fromTerminal: ("attune test [FILE]", "run a case's expected playthroughs"), run: { $0.author.runTests($1) }),
        ShellCommand(
            name: "reload", usage: "reload", summary: "Read the content again from disk, keeping your place in a case.",
            details: "For authors editing in another window: save the file, type 'reload', and carry on from the same moment when it still exists.",
            group: .authors, commandLine: .shellOnly(reason: "it reads the content again into an open shell"),
            run: { shell, _ in shell.author.reload() }),
        ShellCommand(
            name: "goto", usage: "goto NODE", summary: "Author tool: jump to a moment in the current case.",
            details: "Counters and history stay as they are. From here on the path is not recorded in your progress.",
            example: "goto ending-warm", argument: .node, group: .authors, commandLine: .insideCase, run: { $0.author.goto($1) }),
        ShellCommand(
            name: "set", usage: "set VAR N", summary: "Author tool: set a counter in the current case.",
            example: "set trust 2", argument: .variable, group: .authors, commandLine: .insideCase,
            run: { $0.author.setVariable($1) }),
        ShellCommand(
            name: "vars", usage: "vars", summary: "Author tool: show the counters, visits and choices so far.",
            group: .authors, commandLine: .insideCase, run: { shell, _ in shell.author.showVariables() }),
        // From the terminal's command line only; 'help NAME' in the shell shows their options.
        ShellCommand(
            name: "new", usage: "attune new CASE-ID", summary: "Start a new scenario file that passes lint and test as written.",
            details: "Writes NAME.yaml into the --scenarios folder if given, else the current folder. Never overwrites.",
            group: .authors, commandLine: .own(NewCommand.self), inShell: false,
            fromTerminal: ("attune new CASE-ID", "start a case file that passes lint and test as written")),
        ShellCommand(
            name: "explore", usage: "attune explore CASE",
            summary: "Every reachable state of a case: endings with a shortest path, stuck states, choices never offered, and how many distinct paths.",
            group: .authors, commandLine: .own(ExploreCommand.self), inShell: false,
            fromTerminal: ("attune explore CASE", "every reachable ending, stuck state and unused choice")),
        ShellCommand(
            name: "graph", usage: "attune graph CASE", summary: "Print a case's graph for Graphviz (dot -Tsvg) or Mermaid.",
            group: .authors, commandLine: .own(GraphCommand.self), inShell: false,
            fromTerminal: ("attune graph CASE", "a map of the case for Graphviz or Mermaid, with a legend")),
        ShellCommand(
            name: "translate", usage: "attune translate extract FILE --lang es | status [FOLDERS]",
            summary: "Translate cases and knowledge: start a translation file, and see how far each one has got.",
            details: "'attune translate extract FILE --lang es' writes FILE's translation beside it (NAME.es.yaml), every "
                + "text with its English as a comment; 'attune translate status' counts what is translated, stale and "
                + "untranslated in each file. See docs/translating.md.",
            subWords: [SubWord("extract", then: .path), SubWord("status", then: .path)], group: .authors,
            commandLine: .own(TranslateCommand.self), inShell: false,
            fromTerminal: ("attune translate extract FILE --lang es", "start a translation file beside a case or topic")),
        ShellCommand(
            name: "export", usage: "attune export xapi FILE", summary: "Export your learning record.",
            subWords: [SubWord("xapi", then: .path)], group: .journal, commandLine: .own(ExportCommand.self), inShell: false),
        ShellCommand(
            name: "cache", usage: "attune cache [status|clear]",
            summary: "Where the compiled content is kept, and clearing it (it is made again on the next start).",
            subWords: [SubWord("status"), SubWord("clear")], group: .general, commandLine: .own(CacheCommand.self),
            inShell: false),
    ]

    /// The command line's form of an entry with options of its own: name, summary and details
    /// from the table, with what only the command line has (`extra`, e.g. exit statuses).
    static func configuration(_ name: String, extra: String = "", subcommands: [ParsableCommand.Type] = [],
                              defaultSubcommand: ParsableCommand.Type? = nil) -> CommandConfiguration {
        guard let entry = entry(named: name) else { preconditionFailure("'\(name)' is not in the command table") }
        let discussion = [entry.details, extra].filter { !$0.isEmpty }.joined(separator: " ")
        return CommandConfiguration(commandName: entry.name, abstract: entry.summary, discussion: discussion,
                                    subcommands: subcommands, defaultSubcommand: defaultSubcommand, aliases: entry.aliases)
    }
}
