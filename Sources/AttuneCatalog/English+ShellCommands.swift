import AttuneCore

/// The words of one command of the table, in one language.
struct CommandWords {
    var usage: String
    var summary: String
    var details = ""
    var example = ""
    /// For `help authors`: how it is typed at the terminal and what it does there.
    var terminal: (usage: String, what: String) = ("", "")
}

extension English {
    func command(_ id: ShellCommandID) -> CommandWords {
        switch id {
        case .help:
            CommandWords(usage: "help [COMMAND]", summary: "List the commands, or explain one.",
                         details: "With no command, lists every command. With a command name, shows how to use it and an example.",
                         example: "help search")
        case .quit:
            CommandWords(usage: "quit", summary: "Leave Attune. Ctrl-D does the same.",
                         details: "Everything you did is already saved; nothing is lost by leaving.")
        case .topics:
            CommandWords(usage: "topics", summary: "List the knowledge topics and how many entries each has.",
                         details: "Each topic groups related entries, such as the tenets of infant mental health or the program models.",
                         example: "topics")
        case .show:
            CommandWords(usage: "show ID", summary: "Open a knowledge entry, or list a topic's entries.",
                         details: "Shows an entry's title, summary, full text, facts, sources and related entries. "
                            + "Given a topic id (see 'topics'), lists that topic's entries. TAB completes ids.",
                         example: "show tenet.4")
        case .search:
            CommandWords(usage: "search WORDS", summary: "Find entries by words, best matches first.",
                         details: "Matches titles, summaries and text, ignoring case and word endings: 'attach' also finds "
                            + "'attachment'. Entries that contain all the words come first.",
                         example: "search cortisol")
        case .cases:
            CommandWords(usage: "cases", summary: "List the cases, with where you stand in each.",
                         details: "Shows each case's name, title, length, who it is written for, and whether you have not started it, "
                            + "are part way through, or have finished it.",
                         example: "cases")
        case .play:
            CommandWords(usage: "play CASE", summary: "Start a case, or continue one where you stopped.",
                         details: "Name the case by its first word or any word of its title: 'play maya' or 'play jonah'. "
                            + "Content notes come first. Then read each moment and type the number of your response. "
                            + "An unfinished case continues where you left it; 'restart' begins it anew.",
                         example: "play maya")
        case .choices:
            CommandWords(usage: "choices", summary: "Show this moment and its choices again.")
        case .choose:
            CommandWords(usage: "choose N", summary: "Pick choice N (typing the number alone does the same).",
                         details: "How the choice met the baby and the family follows, with the baby's, the parent's and your side, "
                            + "and entries to read.",
                         example: "choose 2")
        case .back:
            CommandWords(usage: "back", summary: "Take back your last choice and return to that moment.",
                         details: "Everything returns to how it was before the choice, so you can try another response. "
                            + "At an ending, the ending stays in your record.")
        case .why:
            CommandWords(usage: "why", summary: "Show the feedback on your last choice again.")
        case .stop:
            CommandWords(usage: "stop", summary: "Leave the case; your place is kept for next time.")
        case .restart:
            CommandWords(usage: "restart", summary: "Begin the current case again from the start (asks first).",
                         details: "Your earlier path stays in your record; the new one starts fresh.")
        case .reflect:
            CommandWords(usage: "reflect [YOUR WORDS]", summary: "Write in your journal, tied to this moment.",
                         details: "Everything after 'reflect ' (or 'reflect:') is kept exactly as you typed it, apostrophes and "
                            + "tabs and all. Paste several lines after 'reflect ' and they are kept whole as one reflection. "
                            + "With no words, write as many lines as you like; each line is kept as you go. A line holding only "
                            + "a full stop (.) or Ctrl-D saves the entry. Ctrl-C clears only the line you are typing; a second "
                            + "Ctrl-C in a row asks whether to throw the whole reflection away. Your journal stays on this "
                            + "computer and never goes into the command history.",
                         example: "reflect I didn't know what to say when she went quiet.")
        case .journal:
            CommandWords(usage: "journal [CASE | search WORDS | delete N | export FILE]",
                         summary: "Read your journal or part of it, delete an entry, or save it (Markdown, or JSON for a .json file).",
                         details: "'journal' shows every entry, numbered, with your words exactly as you typed them. "
                            + "'journal maya' shows the entries from one case (named as for 'play'). 'journal search WORDS' shows the entries "
                            + "that mention all the words, in your text or the prompt, whatever the capitals or accents. 'journal delete N' "
                            + "deletes entry N after showing it and asking; it is then gone from later exports too. The other entries keep "
                            + "their numbers. 'journal export FILE' saves it: Markdown, or JSON for a .json file.",
                         example: "journal search bottle")
        case .draft:
            CommandWords(usage: "draft [continue|save|discard]",
                         summary: "An unfinished reflection: read it, keep writing, save it, or throw it away.",
                         details: "A reflection written over several lines is kept line by line, so closing the window loses "
                            + "nothing. 'draft' shows what was written; 'draft continue' goes on writing it; 'draft save' puts it "
                            + "in your journal as it is; 'draft discard' throws it away.",
                         example: "draft continue")
        case .progress:
            CommandWords(usage: "progress [export FILE] [--include-drafts]",
                         summary: "Cases done, endings reached, how your choices met the family, and your competency profile.",
                         details: "'progress export FILE' writes your record: JSON when FILE ends in .json, Markdown otherwise. Cases you played from an author's draft (a folder other than the cases Attune comes with) are not counted; add --include-drafts to count them.",
                         example: "progress export my-progress.md")
        case .cohort:
            CommandWords(usage: "cohort report [--lrs URL --user U --cohort NAME | FILES...] FILE",
                         summary: "A cohort's practice between workshops, for the next workshop's discussion.",
                         details: "'cohort report --lrs URL --user U --cohort NAME cohort.html' reads what learners sent with "
                            + "'export xapi --cohort NAME', with the password from ATTUNE_LRS_PASSWORD, set before starting Attune "
                            + "(a password typed here would be kept in the shell's history; 'attune cohort report' on the command "
                            + "line can ask for it). 'cohort report maya.jsonl sam.jsonl cohort.html' reads "
                            + "learners' exported files instead. The discussion plan comes first: the moments most learners missed. "
                            + "The extension chooses the format (.md, .json, .html); add --since DATE, --until DATE or "
                            + "--include-reflections. The same as 'attune cohort report' on the command line.",
                         example: "cohort report week1.jsonl week2.jsonl cohort.html")
        case .group:
            CommandWords(usage: "group on|off|sessions|resume N|export [N] FILE|serve",
                         summary: "Group mode, for a trainer leading a room.",
                         details: "'group on' records the room's votes with each decision and keeps group play apart from your own "
                            + "progress; reflections become group notes. Each case the room plays is a group session of its own, "
                            + "kept across restarts: 'group sessions' lists them, 'group resume N' continues one, and "
                            + "'group export N FILE' writes one as Markdown (the latest when N is left out). Facilitator notes "
                            + "appear only when you type 'notes'. 'group serve' lets phones vote from a page on this network "
                            + "('open', 'lock'); 'group serve off' stops it. No participant names are asked for or stored.",
                         example: "group resume 2")
        case .votes:
            CommandWords(usage: "votes N N ... [of ROOM]", summary: "Record the room's tally for the offered choices.",
                         details: "One number for each offered choice, in order, with spaces or commas. Add 'of 12' to check the "
                            + "total against the number in the room. Typing it again replaces the earlier tally. The tally is "
                            + "drawn as bars and kept with the choice the group then takes.",
                         example: "votes 7 4 1 of 12")
        case .reveal:
            CommandWords(usage: "reveal", summary: "After the room chooses: every option with its rating and why.",
                         details: "Ratings stay hidden until the group has chosen. Then 'reveal' shows each option that was offered, "
                            + "how it met the family, one line of why, the votes, and which one the room took.")
        case .discuss:
            CommandWords(usage: "discuss", summary: "Discussion prompts for this case.")
        case .notes:
            CommandWords(usage: "notes", summary: "The facilitator notes for this case and moment.",
                         details: "Facilitator notes can say which responses the case treats as most attuned, so they are shown "
                            + "only when you ask. The screen may be shared: consider pausing the projector first.")
        case .timer:
            CommandWords(usage: "timer MINUTES|off", summary: "A countdown for small-group discussion.",
                         details: "The time left shows after anything you type, and the next prompt after it runs out says so. "
                            + "It never interrupts a line you are typing.",
                         example: "timer 5")
        case .open:
            CommandWords(usage: "open [of ROOM]", summary: "Open voting on phones for this moment.",
                         details: "Needs 'group serve'. Phones show the moment's question and choices (never ratings or notes). "
                            + "Each phone has one vote and may change it until you type 'lock'. 'open of 12' gives the room's "
                            + "size: you are told if more phones join than that. 'open' again keeps the votes already in.",
                         example: "open of 12")
        case .lock:
            CommandWords(usage: "lock", summary: "Close voting and record the phones' tally, as 'votes' does.",
                         details: "The counts are drawn as bars here and on the room screen. Then choose the response the room "
                            + "settles on. If no phone voted, type the room's tally with 'votes' instead.")
        case .lint:
            CommandWords(usage: "lint [ID or PATH]", summary: "Check cases and knowledge files; every finding located.",
                         details: "With no argument, checks the knowledge and scenarios folders in use. With a case id or a path, checks that.",
                         example: "lint maya-quiet-visit",
                         terminal: ("attune lint [FILE]", "check cases and knowledge; every finding located"))
        case .test:
            CommandWords(usage: "test [ID or PATH]", summary: "Run cases' expected playthroughs (their 'tests:').",
                         details: "A case with errors is not tested, and says so. 'test --coverage' also lists the choices, "
                            + "endings and debrief rules that no test exercises.",
                         example: "test --coverage maya-quiet-visit",
                         terminal: ("attune test [FILE]", "run a case's expected playthroughs"))
        case .reload:
            CommandWords(usage: "reload", summary: "Read the content again from disk, keeping your place in a case.",
                         details: "For authors editing in another window: save the file, type 'reload', and carry on from the same moment when it still exists.")
        case .goto:
            CommandWords(usage: "goto NODE", summary: "Author tool: jump to a moment in the current case.",
                         details: "Counters and history stay as they are. From here on the path is not recorded in your progress.",
                         example: "goto ending-warm")
        case .set:
            CommandWords(usage: "set VAR N", summary: "Author tool: set a counter in the current case.", example: "set trust 2")
        case .vars:
            CommandWords(usage: "vars", summary: "Author tool: show the counters, visits and choices so far.")
        case .new:
            CommandWords(usage: "attune new CASE-ID", summary: "Start a new scenario file that passes lint and test as written.",
                         details: "Writes NAME.yaml into the --scenarios folder if given, else the current folder. Never overwrites.",
                         terminal: ("attune new CASE-ID", "start a case file that passes lint and test as written"))
        case .explore:
            CommandWords(usage: "attune explore CASE",
                         summary: "Every reachable state of a case: endings with a shortest path, stuck states, choices never offered, and how many distinct paths.",
                         terminal: ("attune explore CASE", "every reachable ending, stuck state and unused choice"))
        case .graph:
            CommandWords(usage: "attune graph CASE", summary: "Print a case's graph for Graphviz (dot -Tsvg) or Mermaid.",
                         terminal: ("attune graph CASE", "a map of the case for Graphviz or Mermaid, with a legend"))
        case .translate:
            CommandWords(usage: "attune translate extract FILE --lang es | status [FOLDERS]",
                         summary: "Translate cases and knowledge: start a translation file, and see how far each one has got.",
                         details: "'attune translate extract FILE --lang es' writes FILE's translation beside it (NAME.es.yaml), every "
                             + "text with its English as a comment; 'attune translate status' counts what is translated, stale and "
                             + "untranslated in each file. See docs/translating.md.",
                         terminal: ("attune translate extract FILE --lang es", "start a translation file beside a case or topic"))
        case .export:
            CommandWords(usage: "attune export xapi FILE", summary: "Export your learning record.")
        case .cache:
            CommandWords(usage: "attune cache [status|clear]",
                         summary: "Where the compiled content is kept, and clearing it (it is made again on the next start).")
        }
    }

    func commandLine(_ text: CommandLineText) -> String {
        switch text {
        case .abstract: "A learning companion for infant and early childhood mental health practice."
        case .discussion:
            """
            With no command, opens the shell: play cases, write in your journal, read and search the \
            knowledge base. Type 'help' inside it. Piped input is read one command per line.

            Every shell command also works from here, once: attune cases, attune show tenet.4, \
            attune search cortisol, attune journal, attune journal export FILE, attune progress, \
            attune progress export FILE, attune help.

            Language: English or Spanish, with --lang en or --lang es; without it, ATTUNE_LANG, else \
            LC_ALL, LC_MESSAGES or LANG (es_US.UTF-8 speaks Spanish); English otherwise.
            """
        case .groupFlag: "Start in group mode, for a trainer leading a room (see 'help trainers' in the shell)."
        case .serveFlag: "With --group: serve the room page so phones can vote (see 'help group')."
        case .bindOption:
            "With --serve: the addresses to listen on, comma-separated (default: this computer's local network addresses)."
        case .portOption: "With --serve: the port to listen on (default 8765)."
        case .serveNeedsGroup: "--serve goes with --group: attune --group --serve"
        case .bindNeedsServe: "--bind goes with --serve: attune --group --serve --bind 127.0.0.1"
        case .portNeedsServe: "--port goes with --serve: attune --group --serve --port 8765"
        case let .unknownOption(option): "Unknown option '\(option)'. Type 'attune --help' to see the options."
        case .knowledgeOption: "Folder of knowledge topic files (default: the bundled Knowledge/)."
        case .scenariosOption: "Folder of scenario files (default: the bundled Scenarios/)."
        case .dataDirOption:
            "Folder for your progress, journal and history (default: $ATTUNE_HOME, else $XDG_DATA_HOME/attune, else ~/.local/share/attune)."
        case .colorOption: "When to use colour: auto, always or never. NO_COLOR turns off 'auto'."
        case .noCacheOption:
            "Read every content file afresh, without the compiled copy kept in $XDG_CACHE_HOME/attune (default ~/.cache/attune)."
        case .langOption:
            "Language: en or es (default: $ATTUNE_LANG, else $LC_ALL, $LC_MESSAGES or $LANG; English otherwise)."
        case .accessibleOption:
            "Accessible mode for screen readers and braille displays: no colour or bars, prompts that say what they accept (also ACCESSIBLE=1, or TERM=dumb)."
        case let .unknownLanguage(tag): "Attune speaks English (--lang en) and Spanish (--lang es), not '\(tag)'."
        case .errorLabel: "error:"
        case .warningLabel: "warning:"
        case .noteLabel: "note:"
        case let .nothingSaved(reason): "\(reason) You can still read and play, but nothing will be saved this time."
        case let .worksInsideShell(command, reason):
            "'\(command)' works inside the shell: \(shellOnly(reason)). Type 'attune' to open it."
        case .playExtra: "Open a case in the shell; with --choose, print a scripted run instead (nothing is recorded)."
        case .playCaseArgument: "The case: its name or a word of its title, for example maya."
        case .playChooseOption: "Scripted choices, by number or choice id, separated by commas."
        case let .stepNotTaken(step, count, choice):
            "Step \(step) of \(count) ('\(choice)') could not be taken; the steps before it were played."
        case let .example(example): "Example: attune \(example)"
        case .wordsArgument: "What the command takes, as in the shell: see the usage above."
        case let .cannotOpenFolder(knowledge, path, reason):
            "cannot open the \(knowledge ? "knowledge" : "scenarios") folder \(path): \(reason). "
                + "Point to it with --\(knowledge ? "knowledge" : "scenarios") DIR."
        case let .contentProblems(errors, warnings):
            "Content problems: \(counts(errors: errors, warnings: warnings)). "
                + "Entries that could not be read, and cases with errors, were left out; everything else is available."
        }
    }

    /// "2 errors and 1 warning", or "no problems".
    private func counts(errors: Int, warnings: Int) -> String {
        let error = Plural(one: "error", other: "errors"), warning = Plural(one: "warning", other: "warnings")
        switch (errors, warnings) {
        case (0, 0): return "no problems"
        case (_, 0): return error(errors)
        case (0, _): return warning(warnings)
        default: return "\(error(errors)) and \(warning(warnings))"
        }
    }
}
