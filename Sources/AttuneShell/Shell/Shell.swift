import AttuneCatalog
import AttuneCore
import AttunePlay
import AttuneRoom
import AttuneStore
import Foundation

/// The interactive shell: reads a line, finds its command in `CommandTable`, and hands it to
/// the controller that runs it (play, group, room, journal, author, knowledge, help). The
/// rules of play and of the journal live in AttunePlay; tests run commands without a terminal
/// through `execute`.
public final class Shell: ShellPart {
    let context: ShellContext
    /// Set by `quit`; the loop stops after the current line.
    public private(set) var isFinished = false

    private(set) lazy var play = PlayController(shell: self)
    private(set) lazy var group = GroupController(shell: self)
    private(set) lazy var room = RoomController(shell: self)
    private(set) lazy var journal = JournalController(shell: self, desk: ReflectionDesk(store: context.store, now: context.now))
    private(set) lazy var author = AuthorController(shell: self, contentPaths: contentPaths, contentCache: contentCache)
    private(set) lazy var knowledge = KnowledgeController(shell: self)
    private(set) lazy var help = HelpController(shell: self)
    private(set) lazy var cohort = CohortController(shell: self)
    private let contentPaths: ContentPaths?
    private let contentCache: ContentCache?
    /// The language every message is rendered in (`--lang`, `ATTUNE_LANG`, the locale).
    public var catalog: any MessageCatalog {
        get { context.catalog }
        set { context.catalog = newValue }
    }

    public init(library: ContentLibrary, output: OutputSink, style: TextStyle = .plain, width: @escaping () -> Int = { 80 },
                store: ProgressStore? = nil, contentPaths: ContentPaths? = nil, bundledScenarios: String? = nil,
                accessible: Bool = false, contentCache: ContentCache? = nil, now: @escaping () -> Date = Date.init) {
        context = ShellContext(library: library, output: output, style: style, width: width, store: store,
                               bundledScenarios: bundledScenarios, accessible: accessible, now: now)
        self.contentPaths = contentPaths
        self.contentCache = contentCache
    }

    public var library: ContentLibrary { context.library }
    public var style: TextStyle { context.style }
    public var accessible: Bool { context.accessible }
    /// Whether the last command reported a problem.
    public var lastCommandFailed: Bool { context.out.failed }
    /// Reads one more line for a multi-line reflection or a yes/no question. Set by
    /// `run(reader:)`; without it, such commands say what to type instead.
    public var readMore: ((String) -> LineInput)? {
        get { context.readMore }
        set { context.readMore = newValue }
    }

    /// `attune>` outside a case; the case and the moment in words inside one.
    public var prompt: String {
        guard let session = play.session else { return catalog.shell(.prompt(.outside(accessible: accessible))) }
        let name = Self.shortName(session.scenario.title)
        if session.isAtEnding {
            return catalog.shell(.prompt(.ending(name: name, accessible: accessible)))
        }
        return catalog.shell(.prompt(.moment(name: name, number: session.momentNumber, choices: session.offered.count,
                                             room: roomPromptWords, accessible: accessible)))
    }

    /// The prompt as the line editor shows it. In accessible mode a prompt wider than the
    /// window would wrap in the middle of a word, so its words are said first, wrapped between
    /// words, and the line editor shows a short "> ".
    var linePrompt: (preface: String?, prompt: String) {
        let full = prompt
        guard accessible, TextLayout.visibleWidth(full) > context.terminalWidth(), full.hasSuffix("> ") else { return (nil, full) }
        return (String(full.dropLast(2)) + ".", "> ")
    }

    /// While phones vote: how many have voted, and the discussion time left; kept up to date
    /// on the prompt line as votes arrive.
    var roomPromptWords: String {
        var words = ""
        if room.room != nil, let board = group.board, board.phase == .voting {
            words += catalog.shell(.prompt(.phonesVoted(board.voted, accessible: accessible)))
        }
        if let timer = group.timer {
            let left = timer.remaining(at: now())
            words += catalog.shell(.prompt(left == 0 ? .timeIsUp(accessible: accessible) : .timeLeft(seconds: left, accessible: accessible)))
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
        context.isInteractive = reader.isInteractive
        (reader as? LibEditReader)?.livePrompt = { [unowned self] in self.linePrompt.prompt }
        if reader.isInteractive {
            say(style.dim(catalog.shell(.welcome)))
            greetReturningLearner()
        }
        journal.noticeUnfinishedDraft()
        flushOutput()
        while !isFinished {
            group.timerNotice(beforePrompt: true)
            let (preface, shortPrompt) = linePrompt
            if reader.isInteractive, let preface { say(TextLayout.wrap(preface, width: width()).joined(separator: "\n")) }
            flushOutput()
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
                context.out.failed = false
                journal.takePaste(text)
            case .interrupted:
                continue
            case .endOfInput, .hangUp:
                isFinished = true
                play.sayWhereLeft()
            }
        }
        group.endGroupPlay()
        room.stopRoom()
        flushOutput()
    }

    /// Names an unfinished case at start-up, so the learner can go straight back to it.
    func greetReturningLearner() {
        // In group mode the screen is shared: a private case is never named.
        guard !group.groupMode, let key = try? store?.latestUnfinished(),
              let scenario = library.scenarios.first(where: { origins.key(for: $0) == key }) else { return }
        let unfinished = ShellText.unfinishedCase(title: TextLayout.neutralize(scenario.title), command: "play \(play.playName(scenario))")
        say(TextLayout.wrap(catalog.shell(unfinished), width: width()).joined(separator: "\n"))
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
        context.out.failed = false
        defer { flushOutput() }
        guard var parts = CommandLineParts(line) else { return }
        context.linesRun += 1
        if Self.isReflectWithColon(parts.name), let words = JournalController.reflectionWords(line) {
            parts = CommandLineParts("reflect") ?? parts
            parts.rest = words
        }
        let name = parts.name.lowercased()
        if Int(parts.name) != nil, parts.rest.allSatisfy({ $0 == " " || $0 == "\t" }) {
            // A bare number picks that choice.
            guard play.session != nil else {
                fail(catalog.shell(.numberOutsideCase))
                return
            }
            play.choose([parts.name])
            return
        }
        guard let command = command(named: name) else {
            if play.session != nil, !isBlank(parts.rest) {
                if looksLikeMistypedCommand(parts) {
                    fail(unknownCommandMessage(parts.name))
                } else {
                    journal.offerToKeep(line)
                }
            } else {
                fail(unknownCommandMessage(parts.name))
            }
            return
        }
        defer {
            if command.name != "timer", command.name != "quit" { group.timerNotice(beforePrompt: false) }
            if command.name != "quit" { room.roomNotice() }
        }
        if let text = command.text {
            text(self, parts.rest)
            return
        }
        let words: [String]
        do {
            words = try ShellWords.split(parts.rest)
        } catch {
            fail(catalog.shell(.quoteNeverClosed(quote: String(error.quote), column: error.column + parts.name.count + 1)))
            return
        }
        command.run(self, words)
    }

    /// Typed sentences at a moment: say how to answer, and how to keep the words.
    func proseMessage() -> String {
        catalog.shell(.proseAtMoment(choices: play.session?.offered.count ?? 0))
    }

    /// An unknown command, with a close name when there is one. `commandLine`: said to
    /// `attune WORD` at the terminal, where help is `attune help`.
    func unknownCommandMessage(_ name: String, commandLine: Bool = false) -> String {
        let offered = CommandTable.inShell.filter { $0.group.isForLearners || ($0.group == .trainers && group.groupMode) }
        // A long pasted line is no misspelt command; no suggestion is looked for.
        let guess = name.count <= 40 ? closestMatch(to: name.lowercased(), in: offered.flatMap(\.names)) : nil
        return catalog.shell(.unknownCommand(TerminalText.quoted(name, limit: 40), suggestion: guess, commandLine: commandLine))
    }

    /// Whether two words are a command misspelt ("shwo tenet.4"), not a short sentence ("She cried.").
    func looksLikeMistypedCommand(_ parts: CommandLineParts) -> Bool {
        let rest = parts.rest.trimmingCharacters(in: .whitespaces)
        guard !rest.contains(" "), !rest.contains("\t"), parts.name.count <= 40,
              let last = rest.last, !".!?…,;'’\"".contains(last) else { return false }
        let offered = CommandTable.inShell.filter { $0.group.isForLearners || ($0.group == .trainers && group.groupMode) }
        return closestMatch(to: parts.name.lowercased(), in: offered.flatMap(\.names)) != nil
    }

    /// The command the shell runs by this name or alias.
    func command(named name: String) -> ShellCommand? {
        CommandTable.entry(named: name).flatMap { $0.inShell ? $0 : nil }
    }

    func finish() {
        isFinished = true
        play.sayWhereLeft()
    }

    /// Replaces the content (used by `reload` and tests).
    public func replaceLibrary(_ library: ContentLibrary) {
        context.library = library
    }

    /// The full path an export goes to, so the learner can find it.
    static func absolutePath(_ argument: String) -> String {
        if argument == "-" { return argument }
        let expanded = (argument as NSString).expandingTildeInPath
        let absolute = expanded.hasPrefix("/") ? expanded
            : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(expanded)
        return URL(fileURLWithPath: absolute).standardizedFileURL.path
    }
}
