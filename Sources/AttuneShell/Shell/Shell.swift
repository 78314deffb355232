import AttuneCore
import AttuneStore
import Foundation

/// The interactive shell: reads a command, runs it, writes what it produced. Commands are
/// methods on this type so tests can run them without a terminal (`execute`).
public final class Shell {
    public private(set) var library: ContentLibrary
    public let style: TextStyle
    let output: OutputSink
    private let terminalWidth: () -> Int

    /// Columns to wrap to; kept to 72 in group mode so a projected screen stays readable.
    func width() -> Int { groupSession == nil ? terminalWidth() : min(terminalWidth(), 72) }
    private(set) var commands: [ShellCommand] = []
    /// Set by `quit`; the loop stops after the current line.
    public private(set) var isFinished = false
    /// Whether the last command reported a problem.
    public private(set) var lastCommandFailed = false

    /// The learner's record; nil when nothing is to be saved (scripted runs, or a store
    /// that could not be opened).
    let store: ProgressStore?
    /// The clock, read only here at the edge so the engine stays pure.
    let now: () -> Date
    /// The case being played, if any.
    var activeCase: ActiveCase?
    /// The journal prompt most recently offered, so a reflection is tied to it.
    var offeredPrompt: String?
    /// The group session while group mode is on.
    var groupSession: Int64?
    /// The room's votes for the choices now offered, kept with the choice taken next.
    var pendingTally: [Int]?
    /// Reads one more line for multi-line input (`reflect` with no text); nil at end of
    /// input or on Ctrl-C. Set by `run(reader:)`.
    public var readContinuation: ((String) -> String?)?

    private var buffer = ""

    /// Where the content was read from, for `reload` and `lint`; nil when given in memory.
    let contentPaths: ContentPaths?

    public init(library: ContentLibrary, output: OutputSink, style: TextStyle = .plain, width: @escaping () -> Int = { 80 },
                store: ProgressStore? = nil, contentPaths: ContentPaths? = nil, now: @escaping () -> Date = Date.init) {
        self.library = library
        self.contentPaths = contentPaths
        self.output = output
        self.style = style
        self.terminalWidth = width
        self.store = store
        self.now = now
        self.commands = makeCommands() + makePlayerCommands() + makeGroupCommands() + makeAuthorCommands()
    }

    /// `attune>` outside a case, `scenario:node>` inside one.
    public var prompt: String {
        guard let activeCase else { return "attune> " }
        return "\(activeCase.scenario.id):\(activeCase.playthrough.current.node)> "
    }

    /// Reads and runs commands until `quit`, Ctrl-D or the end of piped input.
    public func run(reader: LineReader) {
        if reader.isInteractive {
            output.write(style.dim("Attune: practise infant mental health work. Type 'help' for commands, 'quit' to leave.") + "\n")
        }
        readContinuation = { prompt in
            if case let .line(line) = reader.readLine(prompt: reader.isInteractive ? prompt : "") { return line }
            return nil
        }
        while !isFinished {
            switch reader.readLine(prompt: reader.isInteractive ? prompt : "") {
            case let .line(line):
                reader.remember(line)
                execute(line)
            case .interrupted:
                continue
            case .endOfInput:
                isFinished = true
            }
        }
    }

    /// Runs one command line.
    public func execute(_ line: String) {
        lastCommandFailed = false
        defer { flush() }
        let words: [String]
        do {
            words = try ShellWords.split(line)
        } catch {
            fail("The quote (\(error.quote)) at column \(error.column) is never closed; add a closing \(error.quote) and try again.")
            return
        }
        guard let name = words.first else { return }
        // In a case, a bare number picks that choice.
        if activeCase != nil, words.count == 1, Int(name) != nil {
            choose([name])
            return
        }
        if words.count == 1, Int(name) != nil {
            fail("A number picks a choice inside a case. Type 'scenarios' to see the cases and 'play ID' to begin one.")
            return
        }
        guard let command = command(named: name.lowercased()) else {
            fail(unknownCommandMessage(name))
            return
        }
        command.run(self, Array(words.dropFirst()))
    }

    func unknownCommandMessage(_ name: String) -> String {
        var message = "There is no command '\(name)'."
        if let guess = closestMatch(to: name.lowercased(), in: commands.flatMap(\.names)) { message += " Did you mean '\(guess)'?" }
        return message + " Type 'help' to see the commands."
    }

    func command(named name: String) -> ShellCommand? {
        commands.first { $0.names.contains(name) }
    }

    // MARK: Output for commands

    /// Adds text to this command's output; a newline is added if missing.
    func say(_ text: String) {
        buffer += text.hasSuffix("\n") ? text : text + "\n"
    }

    /// Reports a problem with what the user typed. Written to standard error.
    func fail(_ message: String) {
        flush()
        lastCommandFailed = true
        output.writeError(TextLayout.wrap(message, width: width()).joined(separator: "\n") + "\n")
    }

    func finish() { isFinished = true }

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

    var renderer: KnowledgeRenderer { KnowledgeRenderer(style: style, width: width()) }

    /// Replaces the content (used by `reload` and tests).
    public func replaceLibrary(_ library: ContentLibrary) {
        self.library = library
    }
}
