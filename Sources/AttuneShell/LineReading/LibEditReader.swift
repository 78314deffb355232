import AttuneCore
import CLibEdit
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Set by the signal handlers, read by the byte reader below. A signal handler can only
// reach global state; these are lock-free atomics, which are safe to touch from one.
let interruptRequested = Atomic<Bool>(false)
let resizeRequested = Atomic<Bool>(false)
let hangUpRequested = Atomic<Bool>(false)

/// Line editing through libedit: prompt, Emacs/vi bindings, ~/.editrc, history kept across
/// runs, TAB completion calling back into Swift. With LibEditInput.swift, the only code that
/// imports libedit.
///
/// Ctrl-C: libedit's own signal handling (EL_SIGNAL) re-raises SIGINT after restoring the
/// terminal, which would end the process. Instead a handler installed without SA_RESTART
/// sets a flag; the blocking read() returns EINTR, our read function (EL_GETCFN) reports
/// an error to libedit, el_gets() returns, and the shell shows a fresh prompt.
///
/// Pasting: bracketed paste is on while the prompt waits, so a pasted block reaches the shell
/// whole, as `.paste`, and is never run line by line (see `PastedText`; the reading itself is
/// in LibEditInput.swift).
public final class LibEditReader: LineReader {
    let editLine: OpaquePointer
    /// What Up and Down recall: the history file and this session's private lines.
    private let history: OpaquePointer
    /// What the history file holds: commands only.
    private let fileHistory: OpaquePointer
    private let historyPath: String?
    let output: UnsafeMutablePointer<FILE>
    fileprivate let completer: Completer
    fileprivate let width: () -> Int
    fileprivate var prompt: UnsafeMutablePointer<CChar>?
    var wasInterrupted = false
    var wasHungUp = false
    /// Whether the terminal is asked to mark pastes (not on a dumb terminal).
    let bracketsPastes: Bool
    /// Bytes read ahead (looking for a paste marker) and not yet given to libedit.
    var readAhead: [UInt8] = []
    /// A one-line paste, typed into the line one character at a time.
    var typing: [Unicode.Scalar] = []
    /// The TAB being handled is pasted text, not a request to complete.
    var tabIsText = false
    /// A block pasted at this prompt: the whole text, and the part not yet on screen.
    var pendingPaste: (text: String, unseen: String)?
    /// Asked about twice a second while the terminal is idle: a prompt that changed (a phone
    /// voted, the timer ticked) is drawn again in place, with the line being typed kept.
    public var livePrompt: (() -> String)?
    /// Whether the prompt being shown is the live one: a question's prompt ("(yes/no) ") or a
    /// draft's ("... ") is never replaced by it.
    var promptIsLive = false

    /// Draws a new prompt in place if `livePrompt` has one: the cursor goes back to where the
    /// prompt starts (the line may have wrapped), the rest of the screen is cleared, and libedit
    /// draws the prompt and the line being typed again, with the cursor where it was.
    func redrawIfPromptChanged() {
        guard promptIsLive, let livePrompt, let current = prompt else { return }
        let fresh = livePrompt()
        guard fresh != String(cString: current) else { return }
        redrawLine(newPrompt: fresh)
    }

    /// After a resize: the prompt and line drawn once, where they were, not a second time below.
    func redrawAfterResize() {
        el_resize(editLine)
        redrawLine(newPrompt: nil)
    }

    /// Moves the cursor back to where the prompt starts (the line may have wrapped), clears the
    /// rest of the screen, and has libedit draw the prompt and the line again, the cursor
    /// where it was. EL_REFRESH alone assumes the cursor is already at the prompt's start.
    private func redrawLine(newPrompt: String?) {
        guard let current = prompt, let info = el_line(editLine) else { return }
        let start = UnsafeRawPointer(info.pointee.buffer!).assumingMemoryBound(to: UInt8.self)
        let typed = String(decoding: UnsafeBufferPointer(start: start, count: info.pointee.cursor! - info.pointee.buffer!), as: UTF8.self)
        var columns = ioctlColumns()
        if columns < 1 { columns = 80 }
        let row = (Self.cells(String(cString: current)) + Self.cells(typed)) / columns
        fputs("\r" + (row > 0 ? "\u{1B}[\(row)A" : "") + "\u{1B}[J", output)
        if let newPrompt {
            free(prompt)
            prompt = strdup(newPrompt)
        }
        attune_el_refresh(editLine)
        fflush(output)
    }

    /// Columns as libedit counts them (wcwidth), so the cursor arithmetic agrees with its own.
    static func cells(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + max(0, Int(attune_wcwidth(wchar_t(bitPattern: $1.value)))) }
    }

    private func ioctlColumns() -> Int {
        var size = winsize()
        return ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 ? Int(size.ws_col) : 0
    }

    /// - Parameters:
    ///   - historyPath: file that keeps history across runs (created with mode 0600), or nil.
    ///   - completer: candidates for TAB.
    public init?(programName: String, historyPath: String?, width: @escaping () -> Int, completer: @escaping Completer) {
        Self.useUTF8Locale()
        guard let input = fdopen(STDIN_FILENO, "r"), let output = fdopen(STDOUT_FILENO, "w"),
              let errors = fdopen(STDERR_FILENO, "w"),
              let editLine = el_init(programName, input, output, errors) else { return nil }
        guard let history = history_init() else {
            el_end(editLine)
            return nil
        }
        guard let fileHistory = history_init() else {
            history_end(history)
            el_end(editLine)
            return nil
        }
        self.editLine = editLine
        self.history = history
        self.fileHistory = fileHistory
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        self.bracketsPastes = term != "dumb" && !term.isEmpty && isatty(STDOUT_FILENO) == 1
        self.output = output
        self.historyPath = historyPath
        self.completer = completer
        self.width = width

        attune_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        attune_el_set_prompt(editLine, promptCallback)
        attune_el_set_editor(editLine, "emacs")
        attune_el_set_signal(editLine, 0)
        attune_el_set_getcfn(editLine, readCallback)
        for list in [history, fileHistory] {
            attune_history_setsize(list, 1000)
            attune_history_setunique(list, 1)
        }
        attune_el_set_history(editLine, history)
        attune_el_addfn(editLine, "attune-complete", "Complete a command, id or path", completeCallback)
        attune_el_bind(editLine, "^I", "attune-complete")
        // The user's ~/.editrc (or $EDITRC) comes last so it can change any of the above.
        el_source(editLine, nil)

        if let historyPath, access(historyPath, R_OK) == 0 {
            attune_history_load(history, historyPath)
            attune_history_load(fileHistory, historyPath)
        }
        attune_install_handler(SIGINT, { _ in interruptRequested.store(true, ordering: .relaxed) })
        attune_install_handler(SIGWINCH, { _ in resizeRequested.store(true, ordering: .relaxed) })
        Self.catchTermination()
    }

    /// SIGHUP (the window closed) and SIGTERM end the current read instead of the process,
    /// so the shell can finish cleanly: drafts stay drafts, and the record is checkpointed.
    /// Installed without SA_RESTART, so a blocking read of piped input returns as well.
    public static func catchTermination() {
        attune_install_handler(SIGHUP, { _ in hangUpRequested.store(true, ordering: .relaxed) })
        attune_install_handler(SIGTERM, { _ in hangUpRequested.store(true, ordering: .relaxed) })
    }

    /// Whether SIGHUP or SIGTERM has arrived.
    public static var terminationRequested: Bool { hangUpRequested.load(ordering: .relaxed) }

    deinit {
        el_end(editLine)
        history_end(history)
        history_end(fileHistory)
        free(prompt)
        signal(SIGINT, SIG_DFL)
        signal(SIGWINCH, SIG_DFL)
    }

    public var isInteractive: Bool { true }

    public func readLine(prompt text: String) -> LineInput {
        free(prompt)
        prompt = strdup(text)
        interruptRequested.store(false, ordering: .relaxed)
        wasInterrupted = false
        promptIsLive = livePrompt?() == text
        pendingPaste = nil
        typing = []
        tabIsText = false
        if Self.terminationRequested { return .hangUp }
        // Pastes are marked only while the prompt waits: on entering it, and off on leaving it
        // whatever the reason (Enter, Ctrl-C, Ctrl-D, a closed window, SIGTERM).
        if bracketsPastes { fputs(PastedText.enable, output) }
        defer {
            if bracketsPastes {
                fputs(PastedText.disable, output)
                fflush(output)
            }
        }
        var count: Int32 = 0
        let raw = el_gets(editLine, &count)
        if raw != nil, !wasHungUp, !Self.terminationRequested, let paste = pendingPaste {
            pendingPaste = nil
            // libedit showed the line up to the paste; the pasted lines follow, made harmless.
            fputs(TerminalText.neutralize(paste.unseen) + "\n", output)
            fflush(output)
            return .paste(paste.text)
        }
        guard let raw else {
            if wasHungUp || Self.terminationRequested { return .hangUp }
            if wasInterrupted || count < 0 {
                fputs("^C\n", output)
                fflush(output)
                return .interrupted
            }
            fputs("\n", output)
            fflush(output)
            return .endOfInput
        }
        var line = String(cString: raw)
        while line.last == "\n" || line.last == "\r" { line.removeLast() }
        return .line(line)
    }

    public func remember(_ line: String) {
        guard !line.allSatisfy(\.isWhitespace) else { return }
        attune_history_enter(history, line)
        attune_history_enter(fileHistory, line)
        guard let historyPath else { return }
        // Create the file private before libedit writes it; fopen would use 0666 & umask.
        let fd = open(historyPath, O_WRONLY | O_CREAT, 0o600)
        if fd >= 0 {
            fchmod(fd, 0o600)
            close(fd)
        }
        attune_history_save(fileHistory, historyPath)
    }

    /// Up recalls the line in this session; the history file never holds it.
    public func rememberForSession(_ line: String) {
        guard !line.allSatisfy(\.isWhitespace) else { return }
        attune_history_enter(history, line)
    }

    fileprivate func write(_ text: String) {
        fputs(TextLayout.sanitizeForTerminal(text), output)
        fflush(output)
    }

    fileprivate func insert(_ text: String) {
        el_insertstr(editLine, text)
    }

    /// libedit needs a UTF-8 locale to edit non-ASCII text; fall back to C.UTF-8.
    private static func useUTF8Locale() {
        setlocale(LC_CTYPE, "")
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) == "UTF-8" { return }
        setlocale(LC_CTYPE, "C.UTF-8")
    }
}

private func reader(of editLine: OpaquePointer?) -> LibEditReader? {
    guard let editLine, let data = attune_el_get_clientdata(editLine) else { return nil }
    return Unmanaged<LibEditReader>.fromOpaque(data).takeUnretainedValue()
}

private let promptCallback: attune_prompt_fn = { editLine in
    reader(of: editLine)?.prompt
}

/// Reads one character for libedit (see `LibEditReader.readCharacter`).
/// Returns 1 with a character, 0 at end of input, -1 on error or interrupt.
private let readCallback: el_rfunc_t = { editLine, character in
    guard let character, let reader = reader(of: editLine) else { return -1 }
    return reader.readCharacter(into: character)
}

/// TAB: complete the word before the cursor. One candidate is inserted with a trailing
/// space (none after a folder's "/").
private let completeCallback: attune_command_fn = { editLine, _ in
    guard let editLine, let reader = reader(of: editLine), let info = el_line(editLine) else {
        return UInt8(CC_ERROR)
    }
    let start = UnsafeRawPointer(info.pointee.buffer!).assumingMemoryBound(to: UInt8.self)
    let length = info.pointee.cursor! - info.pointee.buffer!
    let before = String(decoding: UnsafeBufferPointer(start: start, count: length), as: UTF8.self)
    // A pasted tab, or a tab in free text (a reflection), is a character, not a completion.
    if reader.tabIsText {
        reader.tabIsText = false
        reader.insert("\t")
        return UInt8(CC_REFRESH)
    }
    let completion = reader.completer(before)
    if completion.isText {
        reader.insert("\t")
        return UInt8(CC_REFRESH)
    }
    guard !completion.candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
    if completion.candidates.count == 1, let only = completion.candidates.first {
        let rest = String(only.dropFirst(completion.word.count))
        let safe = Completion.insertable(rest)
        if safe == rest {
            reader.insert(only.hasSuffix("/") ? rest : rest + " ")
            return UInt8(CC_REFRESH)
        }
        // A name holding an escape or another control: what can be typed goes in, and the
        // name is shown made harmless, never sent to the terminal as it is.
        reader.insert(safe)
    } else {
        // Several: extend to what they share and list them all, so one TAB shows the choices.
        let prefix = Completion.insertable(completion.commonPrefix)
        if prefix.count > completion.word.count {
            reader.insert(String(prefix.dropFirst(completion.word.count)))
        }
    }
    let shown = completion.candidates.map { TerminalText.neutralize($0, keepingLineBreaks: false) }
    reader.write("\n" + columns(shown, width: reader.width()) + "\n")
    return UInt8(CC_REDISPLAY)
}

/// Candidates laid out in columns, as shells list completions.
func columns(_ items: [String], width: Int) -> String {
    let cell = (items.map(\.count).max() ?? 0) + 2
    let perLine = max(1, width / max(cell, 1))
    let rows = (items.count + perLine - 1) / perLine
    var lines: [String] = []
    for row in 0..<rows {
        var line = ""
        for column in 0..<perLine {
            let index = column * rows + row
            guard index < items.count else { break }
            let item = items[index]
            line += column == perLine - 1 || index + rows >= items.count
                ? item : item.padding(toLength: cell, withPad: " ", startingAt: 0)
        }
        lines.append(line)
    }
    return lines.joined(separator: "\n")
}

