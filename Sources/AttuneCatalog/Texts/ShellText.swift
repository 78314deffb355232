import AttuneCore

/// The shell's own words: the prompt, help, the command table's summaries, TAB hints, the knowledge base, what the loop says on start, on Ctrl-C and Ctrl-D, and on leaving.
///
/// Each case carries its values; `English` and `Spanish` put it in words (see
/// `MessageCatalog.shell(_:)`). Command names, ids, file names and what the learner typed
/// stay as written in every language.
public enum ShellText: Sendable, Hashable {
    // The command table (help, `help NAME`, `attune NAME --help`, the manual page).
    /// How a command is typed: "show ID"; the name stays as typed, the placeholders are in the language.
    case usage(ShellCommandID)
    /// One line for the command list.
    case summary(ShellCommandID)
    /// A paragraph for `help NAME`; empty when the summary says it all.
    case details(ShellCommandID)
    /// An example command line; empty when the command has none.
    case example(ShellCommandID)
    /// For `help authors`: how the command is typed at the terminal; empty when it is not listed there.
    case terminalUsage(ShellCommandID)
    /// For `help authors`: what it does from the terminal.
    case terminalSummary(ShellCommandID)
    /// A heading of `help`.
    case groupHeading(CommandGroupName)
    /// Why `attune NAME` does not run a command of the shell alone.
    case shellOnly(ShellOnlyReason)

    // `help`
    case helpMore
    case helpForTrainersAndAuthors
    case helpFromTerminal
    case helpFormatPointer
    /// `help NAME` for a command run only from the terminal's command line.
    case helpRunFromTerminal(command: String)
    /// "Also: exit".
    case helpAliases([String])
    /// "Example: " before the example, which follows as code.
    case helpExampleLabel
    case helpFormatHeading
    /// What one of the author guides holds.
    case guide(AuthorGuide)
    case helpNewCase

    // The loop
    case welcome
    /// The case a returning learner left unfinished, and the command that continues it.
    case unfinishedCase(title: String, command: String)
    case numberOutsideCase
    /// A quote the line never closes: which quote, at which column.
    case quoteNeverClosed(quote: String, column: Int)
    /// Typed sentences at a moment: how to answer (when choices are offered) and how to keep them.
    case proseAtMoment(choices: Int)
    /// An unknown command, a close command name if one was found, and whether the advice
    /// is for the terminal's command line (`attune help`) or the shell (`help`).
    case unknownCommand(String, suggestion: String?, commandLine: Bool)

    // The prompt
    case prompt(PromptText)

    // Questions and saving
    /// The prompt of a yes/no question.
    case yesNoPrompt(accessible: Bool)
    /// The words taken as yes, in lower case.
    case yesWords
    /// An export written: what (already in this language, from its caller) and where.
    case wrote(what: String, path: String)
    case replaced(path: String, what: String)
    case privateFile(PrivateFileProblem, path: String)

    // The knowledge base
    case knowledge(KnowledgeText)

    // The command line
    case commandLine(CommandLineText)
}

/// Every command of the table, by the name typed (names stay English in every language).
public enum ShellCommandID: String, Sendable, Hashable, CaseIterable {
    case help, quit
    case topics, show, search
    case cases, play, choices, choose, back, why, stop, restart
    case reflect, journal, draft, progress
    case cohort, group, votes, reveal, discuss, notes, timer, open, lock
    case lint, test, reload, goto, set, vars, new, explore, graph, translate, export, cache
}

/// The headings `help` groups commands under.
public enum CommandGroupName: Sendable, Hashable, CaseIterable {
    case cases, journal, knowledge, general, trainers, authors
}

/// Why a command works only inside the shell.
public enum ShellOnlyReason: Sendable, Hashable, CaseIterable {
    case leavesShell, readsContentAgain, insideCase, groupMode
}

/// The guides `help format` points to.
public enum AuthorGuide: String, Sendable, Hashable, CaseIterable {
    case authoring = "authoring.md"
    case knowledge = "knowledge.md"
    case ratingsPolicy = "ratings-policy.md"
}

/// The prompt's words. `name` is the case's short name, as its author wrote it.
public enum PromptText: Sendable, Hashable {
    /// Outside a case.
    case outside(accessible: Bool)
    case ending(name: String, accessible: Bool)
    /// At a moment: its number, how many choices, and the room's words (`.room...`) after it.
    case moment(name: String, number: Int, choices: Int, room: String, accessible: Bool)
    /// While phones vote: how many have.
    case phonesVoted(Int, accessible: Bool)
    case timeIsUp(accessible: Bool)
    case timeLeft(seconds: Int, accessible: Bool)
}

/// Why an export could not be written.
public enum PrivateFileProblem: Sendable, Hashable {
    case noFolder(String)
    case isFolder
    case isLink
    case notOrdinary
    case cannotWriteThere
    case diskFull
    case diskFullNothingChanged
    /// The system's own words (`strerror`), as it gives them.
    case system(String)
    case systemNothingChanged(String)
}

/// The knowledge base's screens.
public enum KnowledgeText: Sendable, Hashable {
    case empty
    case topicsHeading
    /// After the heading: how many entries in all.
    case entryCount(Int)
    case topicsFooter
    case facts
    case sources
    case seeAlso
    case notInBase
    case nothingMatches(query: String)
    case caseLabel
    case searchFooter
    case showNeedsID
    case showTakesOneID(words: String)
    /// An unknown id: entries starting with it (at most eight shown, and whether more),
    /// else a close id, else where to look.
    case unknownEntry(id: String, starting: [String], more: Bool, suggestion: String?)
    case searchNeedsWords
}

/// The words of `attune` on the terminal's command line: its help and its errors.
public enum CommandLineText: Sendable, Hashable {
    case abstract
    case discussion
    case groupFlag, serveFlag, bindOption, portOption
    case serveNeedsGroup, bindNeedsServe, portNeedsServe
    case unknownOption(String)
    case knowledgeOption, scenariosOption, dataDirOption, colorOption, noCacheOption, langOption, accessibleOption
    /// A `--lang` Attune does not speak.
    case unknownLanguage(String)
    case errorLabel, warningLabel, noteLabel
    /// The progress file could not be opened: the reason (the store's words), then what still works.
    case nothingSaved(reason: String)
    /// `attune NAME` for a command of the shell alone, and why.
    case worksInsideShell(command: String, reason: ShellOnlyReason)
    case playExtra, playCaseArgument, playChooseOption
    /// `attune play --choose`: the step that could not be taken.
    case stepNotTaken(step: Int, of: Int, choice: String)
    /// Before `attune NAME`'s example.
    case example(String)
    case wordsArgument
    /// A content folder that cannot be opened (the reason in the system's words).
    case cannotOpenFolder(knowledge: Bool, path: String, reason: String)
    /// Problems found loading the content.
    case contentProblems(errors: Int, warnings: Int)
}
