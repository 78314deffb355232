import AttuneCore
import AttunePlay
import AttuneRoom
import AttuneStore
import Foundation

/// The interactive shell: reads a line, hands it to a command, renders what comes back.
/// The rules of play and of the journal live in `PlaySession` and `ReflectionDesk`; tests
/// run commands without a terminal through `execute`.
public final class Shell {
    public private(set) var library: ContentLibrary
    public let style: TextStyle
    let output: OutputSink
    private let terminalWidth: () -> Int
    /// Accessible mode: no block-character bars or colour, labels first, prompts that say
    /// what they accept.
    public let accessible: Bool

    /// Columns to wrap to; kept to 72 in group mode so a projected screen stays readable.
    func width() -> Int { groupMode ? min(terminalWidth(), 72) : terminalWidth() }
    private(set) var commands: [ShellCommand] = []
    /// Set by `quit`; the loop stops after the current line.
    public private(set) var isFinished = false
    /// Whether the last command reported a problem.
    public private(set) var lastCommandFailed = false

    /// The learner's record; nil when nothing is to be saved.
    let store: ProgressStore?
    /// The clock, read only here at the edge so the engine stays pure.
    let now: () -> Date
    /// Which record each loaded case belongs to.
    let origins: CaseOrigins
    /// The case being played, if any.
    var session: PlaySession?
    /// The journal, with drafts.
    let desk: ReflectionDesk
    /// Group mode: play is recorded for the room, apart from personal progress.
    var groupMode = false
    /// The group session most recently played, for `group export` with no number.
    var lastGroupSession: Int64?
    /// The small-group discussion timer, while one runs.
    var timer: DiscussionTimer?
    /// The room page for phones, while the trainer serves it.
    var room: RoomServer?
    /// The room's shared state in group mode, which the room page serves; one for the whole run,
    /// so the join link and code stay the same.
    var board: RoomBoard?
    /// A scripted run (`attune play --choose`): no hints about what to type next.
    public var scripted = false
    /// The number in the room, from `open of N`, to warn when more phones join than that.
    var roomSize: Int?
    /// The room's run through the case in play, in group mode.
    var groupPlay: GroupPlay?
    /// A private screen (`journal`, `progress`, `notes`) asked for once in group mode: typed
    /// again at once, it is shown.
    var privacyWarned: (command: String, line: Int)?
    /// Counts the lines run, so "typed again at once" can be told apart from "typed again later".
    var linesRun = 0
    /// The last "Phones: ..." line shown, so an unchanged count is not repeated.
    var lastRoomNotice = ""
    /// Whether the "type 1-3 to choose" hint has been shown in this run.
    var choosingHintShown = false
    /// Reads one more line for a multi-line reflection or a yes/no question. Set by
    /// `run(reader:)`; without it, such commands say what to type instead.
    public var readMore: ((String) -> LineInput)?
    /// Whether a person is at the keyboard (set by `run(reader:)`), so a question can be asked
    /// without taking the next line of a piped transcript as its answer.
    var isInteractive = false
    /// While the lines of a reflection are written: TAB is a tab there, not a completion.
    var writingReflection = false

    private var buffer = ""

    /// Where the content was read from, for `reload` and `lint`; nil when given in memory.
    let contentPaths: ContentPaths?
    /// Where `reload` keeps compiled content; nil reads the YAML every time (`--no-cache`).
    let contentCache: ContentCache?

    public init(library: ContentLibrary, output: OutputSink, style: TextStyle = .plain, width: @escaping () -> Int = { 80 },
                store: ProgressStore? = nil, contentPaths: ContentPaths? = nil, bundledScenarios: String? = nil,
                accessible: Bool = false, contentCache: ContentCache? = nil, now: @escaping () -> Date = Date.init) {
        self.library = library
        self.contentPaths = contentPaths
        self.contentCache = contentCache
        self.output = output
        self.style = accessible ? .plain : style
        self.accessible = accessible
        self.terminalWidth = width
        self.store = store
        self.now = now
        self.origins = CaseOrigins(bundledFolder: bundledScenarios)
        self.desk = ReflectionDesk(store: store, now: now)
        self.commands = makeCommands() + makePlayerCommands() + makeJournalCommands() + makeGroupCommands()
            + makeRoomCommands() + makeAuthorCommands() + makeCohortCommands()
    }

    /// `attune>` outside a case; the case and the moment in words inside one.
    public var prompt: String {
        guard let session else { return accessible ? "Attune. Type a command, or help> " : "attune> " }
        let name = Self.shortName(session.scenario.title)
        if session.isAtEnding {
            return accessible ? "\(name), the ending. Type back, restart, reflect or another command> " : "\(name) · ending> "
        }
        let count = session.offered.count
        if accessible {
            return "\(name), moment \(session.momentNumber)\(roomPromptWords). Type a choice number from 1 to \(count), or a command> "
        }
        return "\(name) · moment \(session.momentNumber)\(roomPromptWords)> "
    }

    /// The prompt as the line editor shows it. In accessible mode a prompt wider than the
    /// window would wrap in the middle of a word, so its words are said first, wrapped between
    /// words, and the line editor shows a short "> ".
    var linePrompt: (preface: String?, prompt: String) {
        let full = prompt
        guard accessible, TextLayout.visibleWidth(full) > terminalWidth(), full.hasSuffix("> ") else { return (nil, full) }
        return (String(full.dropLast(2)) + ".", "> ")
    }

    /// While phones vote: how many have voted, and the discussion time left; kept up to date
    /// on the prompt line as votes arrive.
    var roomPromptWords: String {
        var words = ""
        if room != nil, let board, board.phase == .voting {
            words += accessible ? ", \(counted(board.voted, "phone")) voted" : " · \(board.voted) voted"
        }
        if let timer {
            let left = timer.remaining(at: now())
            words += left == 0 ? (accessible ? ", time is up" : " · time is up")
                : (accessible ? ", \(left / 60) minutes \(left % 60) seconds left" : " · \(left / 60):" + String(format: "%02d", left % 60))
        }
        return words
    }

    /// "Maya" from "Maya, four months: a quiet home visit".
    static func shortName(_ title: String) -> String {
        let name = title.prefix { $0 != "," && $0 != ":" }.trimmingCharacters(in: " ")
        return TextLayout.neutralize(name.isEmpty ? title : name)
    }

    /// Reads and runs commands until `quit`, Ctrl-D or the end of piped input.
    public func run(reader: LineReader) {
        readMore = { prompt in reader.readLine(prompt: reader.isInteractive ? prompt : "") }
        isInteractive = reader.isInteractive
        (reader as? LibEditReader)?.livePrompt = { [unowned self] in self.linePrompt.prompt }
        if reader.isInteractive {
            say(style.dim("Attune: practise infant mental health work. Type 'help' for commands, 'quit' to leave."))
            greetReturningLearner()
        }
        noticeUnfinishedDraft()
        flush()
        while !isFinished {
            timerNotice(beforePrompt: true)
            let (preface, shortPrompt) = linePrompt
            if reader.isInteractive, let preface { say(TextLayout.wrap(preface, width: width()).joined(separator: "\n")) }
            flush()
            switch reader.readLine(prompt: reader.isInteractive ? shortPrompt : "") {
            case let .line(line):
                if !isPrivate(line) {
                    reader.remember(line)
                } else if isProse(line) {
                    // Up brings back words typed in the wrong place; the history file never holds them.
                    reader.rememberForSession(line)
                }
                execute(line)
            case let .paste(text):
                lastCommandFailed = false
                takePaste(text)
            case .interrupted:
                continue
            case .endOfInput, .hangUp:
                isFinished = true
                sayWhereLeft()
            }
        }
        endGroupPlay()
        stopRoom()
        flush()
    }

    /// Names an unfinished case at start-up, so the learner can go straight back to it.
    func greetReturningLearner() {
        // In group mode the screen is shared: a private case is never named.
        guard !groupMode, let key = try? store?.latestUnfinished(),
              let scenario = library.scenarios.first(where: { origins.key(for: $0) == key }) else { return }
        say(TextLayout.wrap("You have an unfinished case, '\(TextLayout.neutralize(scenario.title))'. Type 'play \(playName(scenario))' to continue it.",
                            width: width()).joined(separator: "\n"))
    }

    /// Whether a line holds words for the journal, which never go into the history file.
    func isPrivate(_ line: String) -> Bool {
        guard let parts = CommandLineParts(line) else { return false }
        if Self.isReflectWithColon(parts.name) { return true }
        guard let command = command(named: parts.name.lowercased()) else {
            // Prose (not a command) is kept out of the history file as well.
            return isProse(line)
        }
        return command.text != nil && !isBlank(parts.rest)
    }

    /// A sentence rather than a command: its first word is no command, and more words follow.
    func isProse(_ line: String) -> Bool {
        guard let parts = CommandLineParts(line), !Self.isReflectWithColon(parts.name) else { return false }
        return command(named: parts.name.lowercased()) == nil && !isBlank(parts.rest) && !looksLikeMistypedCommand(parts)
    }

    /// `reflect:` (the way a note is often headed) is taken as `reflect`.
    static func isReflectWithColon(_ name: String) -> Bool {
        name.lowercased().hasPrefix("reflect:")
    }

    func isBlank(_ text: String) -> Bool {
        text.allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// Runs one command line.
    public func execute(_ line: String) {
        lastCommandFailed = false
        defer { flush() }
        guard var parts = CommandLineParts(line) else { return }
        linesRun += 1
        if Self.isReflectWithColon(parts.name), let words = Self.reflectionWords(line) {
            parts = CommandLineParts("reflect") ?? parts
            parts.rest = words
        }
        let name = parts.name.lowercased()
        if Int(parts.name) != nil, parts.rest.allSatisfy({ $0 == " " || $0 == "\t" }) {
            // A bare number picks that choice.
            guard session != nil else {
                fail("A number picks a choice inside a case. Type 'cases' to see the cases and 'play' with a case's name to begin one.")
                return
            }
            choose([parts.name])
            return
        }
        guard let command = command(named: name) else {
            if session != nil, !isBlank(parts.rest) {
                if looksLikeMistypedCommand(parts) {
                    fail(unknownCommandMessage(parts.name))
                } else {
                    offerToKeep(line)
                }
            } else {
                fail(unknownCommandMessage(parts.name))
            }
            return
        }
        defer {
            if command.name != "timer", command.name != "quit" { timerNotice(beforePrompt: false) }
            if command.name != "quit" { roomNotice() }
        }
        if let text = command.text {
            text(self, parts.rest)
            return
        }
        let words: [String]
        do {
            words = try ShellWords.split(parts.rest)
        } catch {
            fail("The quote (\(error.quote)) at column \(error.column + parts.name.count + 1) is never closed; "
                + "add a closing \(error.quote) and try again.")
            return
        }
        command.run(self, words)
    }

    /// Typed sentences at a moment: say how to answer, and how to keep the words.
    func proseMessage() -> String {
        let count = session?.offered.count ?? 0
        let choosing = count > 0 ? "To answer, type the number of a choice (1 to \(count)). " : ""
        return choosing + "To keep your words in your journal, start the line with 'reflect', for example: reflect I noticed her quiet."
    }

    func unknownCommandMessage(_ name: String) -> String {
        var message = "There is no command '\(TerminalText.quoted(name, limit: 40))'."
        let offered = commands.filter { $0.group.isForLearners || ($0.group == .trainers && groupMode) }
        // A long pasted line is no misspelt command; no suggestion is looked for.
        if name.count <= 40, let guess = closestMatch(to: name.lowercased(), in: offered.flatMap(\.names)) {
            message += " Did you mean '\(guess)'?"
        }
        return message + " Type 'help' to see the commands."
    }

    /// Whether two words are a command misspelt ("shwo tenet.4"), not a short sentence ("She cried.").
    func looksLikeMistypedCommand(_ parts: CommandLineParts) -> Bool {
        let rest = parts.rest.trimmingCharacters(in: .whitespaces)
        guard !rest.contains(" "), !rest.contains("\t"), parts.name.count <= 40,
              let last = rest.last, !".!?…,;'’\"".contains(last) else { return false }
        let offered = commands.filter { $0.group.isForLearners || ($0.group == .trainers && groupMode) }
        return closestMatch(to: parts.name.lowercased(), in: offered.flatMap(\.names)) != nil
    }

    func command(named name: String) -> ShellCommand? {
        commands.first { $0.names.contains(name) }
    }

    // MARK: Output for commands

    /// Adds text to this command's output; a newline is added if missing. Lines longer than
    /// the width are wrapped at word boundaries, so nothing breaks inside a word.
    func say(_ text: String) {
        let fitted = TextLayout.fit(text, width: width())
        buffer += fitted.hasSuffix("\n") ? fitted : fitted + "\n"
    }

    /// Adds findings (a headline, the excerpt and its caret), laid out by `layout` for the
    /// window's width when the output has one: rewrapping them afterwards would move the
    /// caret off the place it points at.
    func sayFindings(_ layout: (_ width: Int?) -> String) {
        flush()
        let text = layout(output.fittingWidth(isError: false).map { min($0, width()) })
        output.writePreformatted(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Reports a problem with what the user typed. Written to standard error.
    func fail(_ message: String) {
        flush()
        lastCommandFailed = true
        output.writeError(TextLayout.fit(message, width: width()) + "\n")
    }

    func finish() {
        isFinished = true
        sayWhereLeft()
    }

    /// The command worked but found problems (lint findings, failed tests): exit status 1
    /// when run as a subcommand, with the findings already in the output.
    func lastCommandFailedBecauseOfFindings() { lastCommandFailed = true }

    /// Writes what the command has produced so far (before waiting for more input).
    func flushOutput() { flush() }

    private func flush() {
        guard !buffer.isEmpty else { return }
        output.write(buffer)
        buffer = ""
    }

    /// Asks a yes/no question; true only for yes. Without a way to read an answer (a
    /// command run from the command line) it returns `whenUnattended`.
    func confirm(_ question: String, whenUnattended: Bool = false) -> Bool {
        guard let readMore else { return whenUnattended }
        say(question)
        flush()
        guard case let .line(answer) = readMore(accessible ? "Type yes or no> " : "(yes/no) ") else { return false }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: " \t").lowercased())
    }

    var renderer: KnowledgeRenderer { KnowledgeRenderer(style: style, width: width()) }

    /// Replaces the content (used by `reload` and tests).
    public func replaceLibrary(_ library: ContentLibrary) {
        self.library = library
    }
}
