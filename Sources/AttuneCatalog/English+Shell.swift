import AttuneCore

extension English {
    public func shell(_ text: ShellText) -> String {
        switch text {
        case let .usage(id): command(id).usage
        case let .summary(id): command(id).summary
        case let .details(id): command(id).details
        case let .example(id): command(id).example
        case let .terminalUsage(id): command(id).terminal.usage
        case let .terminalSummary(id): command(id).terminal.what
        case let .groupHeading(group): heading(group)
        case let .shellOnly(reason): shellOnly(reason)
        case .helpMore: "Type 'help COMMAND' for more about one command. TAB completes commands and names."
        case .helpForTrainersAndAuthors: "Trainers leading a group: 'help trainers'. Writing cases: 'help authors'."
        case .helpFromTerminal: "From your own terminal"
        case .helpFormatPointer: "How to write a case or a knowledge file: 'help format'."
        case let .helpRunFromTerminal(command): "Run it from your terminal's command line as 'attune \(command)', not inside Attune."
        case let .helpAliases(aliases): "Also: " + aliases.joined(separator: ", ")
        case .helpExampleLabel: "Example: "
        case .helpFormatHeading: "Writing cases and knowledge"
        case let .guide(guide): self.guide(guide)
        case .helpNewCase: "'attune new ID --scenarios FOLDER' starts a case that passes lint; 'help authors' lists the author commands."
        case .welcome: "Attune: practise infant mental health work. Type 'help' for commands, 'quit' to leave."
        case let .unfinishedCase(title, command): "You have an unfinished case, '\(title)'. Type '\(command)' to continue it."
        case .numberOutsideCase:
            "A number picks a choice inside a case. Type 'cases' to see the cases and 'play' with a case's name to begin one."
        case let .quoteNeverClosed(quote, column):
            "The quote (\(quote)) at column \(column) is never closed; add a closing \(quote) and try again."
        case let .proseAtMoment(choices):
            (choices > 0 ? "To answer, type the number of a choice (1 to \(choices)). " : "")
                + "To keep your words in your journal, start the line with 'reflect', for example: reflect I noticed her quiet."
        case let .unknownCommand(name, suggestion, commandLine):
            "There is no command '\(name)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? "")
                + (commandLine ? " Type 'attune help' to see the commands." : " Type 'help' to see the commands.")
        case let .prompt(prompt): self.prompt(prompt)
        case let .yesNoPrompt(accessible): accessible ? "Type yes or no> " : "(yes/no) "
        case .yesWords: "y yes"
        case let .wrote(what, path): "Wrote \(what) to \(path)"
        case let .replaced(path, what): "Replaced \(path) with \(what)."
        case let .privateFile(problem, path): "Could not write \(path): " + privateFile(problem)
        case let .knowledge(text): knowledge(text)
        case let .commandLine(text): commandLine(text)
        }
    }

    private func heading(_ group: CommandGroupName) -> String {
        switch group {
        case .cases: "Cases"
        case .journal: "Your journal and progress"
        case .knowledge: "Knowledge"
        case .general: "Attune"
        case .trainers: "For trainers leading a group"
        case .authors: "For case authors"
        }
    }

    func shellOnly(_ reason: ShellOnlyReason) -> String {
        switch reason {
        case .leavesShell: "it leaves the shell"
        case .readsContentAgain: "it reads the content again into an open shell"
        case .insideCase: "it acts on the case you are playing"
        case .groupMode: "it is for a trainer leading a room in group mode"
        }
    }

    private func guide(_ guide: AuthorGuide) -> String {
        switch guide {
        case .authoring: "every field of a case, the 'when:' conditions, tests, and common YAML slips"
        case .knowledge: "knowledge topics and entries, ids and sources"
        case .ratingsPolicy: "what makes a response attuned, partly attuned, a missed cue or a safety concern"
        }
    }

    private func prompt(_ prompt: PromptText) -> String {
        switch prompt {
        case let .outside(accessible): accessible ? "Attune. Type a command, or help> " : "attune> "
        case let .ending(name, accessible):
            accessible ? "\(name), the ending. Type back, restart, reflect or another command> " : "\(name) · ending> "
        case let .moment(name, number, choices, room, accessible):
            accessible ? "\(name), moment \(number)\(room). Type a choice number from 1 to \(choices), or a command> "
                : "\(name) · moment \(number)\(room)> "
        case let .phonesVoted(count, accessible):
            accessible ? ", \(count == 1 ? "1 phone" : "\(grouped(count)) phones") voted" : " · \(count) voted"
        case let .timeIsUp(accessible): accessible ? ", time is up" : " · time is up"
        case let .timeLeft(seconds, accessible):
            accessible ? ", \(seconds / 60) minutes \(seconds % 60) seconds left"
                : " · \(seconds / 60):" + (seconds % 60 < 10 ? "0" : "") + "\(seconds % 60)"
        }
    }

    private func privateFile(_ problem: PrivateFileProblem) -> String {
        switch problem {
        case let .noFolder(folder): "the folder \(folder) does not exist."
        case .isFolder: "it is a folder. Choose a new file name."
        case .isLink: "it is a link to another file. Choose a new file name."
        case .notOrdinary: "it is not an ordinary file (a device or pipe). Choose a new file name."
        case .cannotWriteThere: "that place cannot be written to. Choose another folder."
        case .diskFull: "the disk is full."
        case .diskFullNothingChanged: "the disk is full. Nothing was changed."
        case let .system(reason): "\(reason)."
        case let .systemNothingChanged(reason): "\(reason). Nothing was changed."
        }
    }

    private func knowledge(_ text: KnowledgeText) -> String {
        switch text {
        case .empty: "The knowledge base is empty. Check the folder given with --knowledge."
        case .topicsHeading: "Topics"
        case let .entryCount(count): count == 1 ? "1 entry" : "\(grouped(count)) entries"
        case .topicsFooter: "Type 'show TOPIC' to list a topic's entries, 'show ID' to open one."
        case .facts: "Facts"
        case .sources: "Sources"
        case .seeAlso: "See also"
        case .notInBase: "(not in the knowledge base)"
        case let .nothingMatches(query): "Nothing matches '\(query)'. Try fewer or different words, or 'topics' to browse."
        case .caseLabel: " (case)"
        case .searchFooter: "Type 'show ID' to open an entry."
        case .showNeedsID: "'show' needs an entry id, for example: show tenet.4. Type 'topics' to browse."
        case let .showTakesOneID(words): "'show' takes one id; to look for words, use 'search \(words)'."
        case let .unknownEntry(id, starting, more, suggestion):
            "There is no entry '\(id)'." + (!starting.isEmpty
                ? " Entries starting with it: \(starting.joined(separator: ", "))\(more ? ", ..." : "")."
                : suggestion.map { " Did you mean '\($0)'?" } ?? " Try 'search \(id)' or 'topics'.")
        case .searchNeedsWords: "'search' needs one or more words, for example: search cortisol"
        }
    }
}
