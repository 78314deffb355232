import AttuneCatalog
import AttuneCore
import AttunePlay
import AttuneStore
import Foundation

/// What every part of the shell shares: where output goes and how it looks, the content, the
/// learner's record and the clock. `Shell` owns one; each controller reads it and keeps only
/// its own state.
final class ShellContext {
    /// The loaded content; replaced by `reload`.
    var library: ContentLibrary
    let style: TextStyle
    /// Accessible mode: no block-character bars or colour, labels first, prompts that say
    /// what they accept.
    let accessible: Bool
    /// The learner's record; nil when nothing is to be saved.
    let store: ProgressStore?
    /// The clock, read only here at the edge so the engine stays pure.
    let now: () -> Date
    /// Which record each loaded case belongs to.
    let origins: CaseOrigins
    /// This command's output, buffered until the next prompt or question.
    let out: ShellOutput
    /// The window's columns.
    let terminalWidth: () -> Int
    /// Group mode keeps lines to 72 columns so a projected screen stays readable.
    var narrow = false
    /// Reads one more line for a multi-line reflection or a yes/no question. Set by
    /// `Shell.run(reader:)`; without it, such commands say what to type instead.
    var readMore: ((String) -> LineInput)?
    /// Whether a person is at the keyboard (set by `run(reader:)`), so a question can be asked
    /// without taking the next line of a piped transcript as its answer.
    var isInteractive = false
    /// Counts the lines run, so "typed again at once" can be told apart from "typed again later".
    var linesRun = 0
    /// The language every message is rendered in (`--lang`, `ATTUNE_LANG`, the locale).
    var catalog: any MessageCatalog = English()

    init(library: ContentLibrary, output: OutputSink, style: TextStyle, width: @escaping () -> Int, store: ProgressStore?,
         bundledScenarios: String?, accessible: Bool, now: @escaping () -> Date) {
        self.library = library
        self.style = accessible ? .plain : style
        self.accessible = accessible
        self.store = store
        self.now = now
        self.origins = CaseOrigins(bundledFolder: bundledScenarios)
        self.terminalWidth = width
        self.out = ShellOutput(sink: output)
    }

    /// Columns to wrap to.
    func width() -> Int { narrow ? min(terminalWidth(), 72) : terminalWidth() }
}

/// A command's output: text gathered for standard output, problems written to standard error
/// at once, and whether the last command reported one.
final class ShellOutput {
    let sink: OutputSink
    private var buffer = ""
    /// Whether the last command reported a problem.
    var failed = false

    init(sink: OutputSink) { self.sink = sink }

    func add(_ text: String) { buffer += text.hasSuffix("\n") ? text : text + "\n" }

    /// Writes what the command has produced so far (before waiting for more input).
    func flush() {
        guard !buffer.isEmpty else { return }
        sink.write(buffer)
        buffer = ""
    }
}

/// A part of the shell: a controller, or the shell itself. It reaches the shared context and
/// the shell's ways of writing through these.
protocol ShellPart: AnyObject {
    var context: ShellContext { get }
}

extension ShellPart {
    var library: ContentLibrary { context.library }
    var style: TextStyle { context.style }
    var catalog: any MessageCatalog { context.catalog }
    var accessible: Bool { context.accessible }
    var store: ProgressStore? { context.store }
    var origins: CaseOrigins { context.origins }
    var output: OutputSink { context.out.sink }
    var readMore: ((String) -> LineInput)? { context.readMore }
    var isInteractive: Bool { context.isInteractive }
    func now() -> Date { context.now() }
    func width() -> Int { context.width() }

    /// Adds text to this command's output; a newline is added if missing. Lines longer than
    /// the width are wrapped at word boundaries, so nothing breaks inside a word.
    func say(_ text: String) {
        context.out.add(TextLayout.fit(text, width: width()))
    }

    /// Adds findings (a headline, the excerpt and its caret), laid out by `layout` for the
    /// window's width when the output has one: rewrapping them afterwards would move the
    /// caret off the place it points at.
    func sayFindings(_ layout: (_ width: Int?) -> String) {
        flushOutput()
        let text = layout(output.fittingWidth(isError: false).map { min($0, width()) })
        guard !text.isEmpty else { return }
        output.writePreformatted(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Reports a problem with what the user typed. Written to standard error.
    func fail(_ message: String) {
        flushOutput()
        context.out.failed = true
        output.writeError(TextLayout.fit(message, width: width()) + "\n")
    }

    /// The command worked but found problems (lint findings, failed tests): exit status 1
    /// when run as a subcommand, with the findings already in the output.
    func lastCommandFailedBecauseOfFindings() { context.out.failed = true }

    /// Writes what the command has produced so far (before waiting for more input).
    func flushOutput() { context.out.flush() }

    /// Asks a yes/no question; true only for yes. Without a way to read an answer (a
    /// command run from the command line) it returns `whenUnattended`.
    func confirm(_ question: String, whenUnattended: Bool = false) -> Bool {
        guard let readMore else { return whenUnattended }
        say(question)
        flushOutput()
        guard case let .line(answer) = readMore(catalog.shell(.yesNoPrompt(accessible: accessible))) else { return false }
        let yes = catalog.shell(.yesWords).split(separator: " ").map(String.init)
        return yes.contains(answer.trimmingCharacters(in: " \t").lowercased())
    }

    /// Writes an export readable by its owner alone and says where (`-`: standard output,
    /// with nothing added). On failure says so and returns false. `what` says what the export
    /// holds, typed (`ToolText.Saved`), so the line is in the catalog's language.
    @discardableResult
    func savePrivately(_ text: String, to path: String, saying what: ToolText.Saved) -> Bool {
        do {
            switch try PrivateFile.write(text, to: path, output: output) {
            case .created: say(catalog.tools(.saved(what, path: path, replaced: false)))
            case .replaced: say(catalog.tools(.saved(what, path: path, replaced: true)))
            case .standardOutput: break
            }
            return true
        } catch {
            fail(catalog.shell(.privateFile(error.problem, path: error.path)))
            return false
        }
    }
}
