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
private let interruptRequested = Atomic<Bool>(false)
private let resizeRequested = Atomic<Bool>(false)
private let hangUpRequested = Atomic<Bool>(false)

/// Line editing through libedit: prompt, Emacs/vi bindings, ~/.editrc, history kept across
/// runs, TAB completion calling back into Swift. This is the only file that imports libedit.
///
/// Ctrl-C: libedit's own signal handling (EL_SIGNAL) re-raises SIGINT after restoring the
/// terminal, which would end the process. Instead a handler installed without SA_RESTART
/// sets a flag; the blocking read() returns EINTR, our read function (EL_GETCFN) reports
/// an error to libedit, el_gets() returns, and the shell shows a fresh prompt.
public final class LibEditReader: LineReader {
    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let historyPath: String?
    private let output: UnsafeMutablePointer<FILE>
    fileprivate let completer: Completer
    fileprivate let width: () -> Int
    fileprivate var prompt: UnsafeMutablePointer<CChar>?
    fileprivate var wasInterrupted = false
    fileprivate var wasHungUp = false
    /// Asked about twice a second while the terminal is idle: a prompt that changed (a phone
    /// voted, the timer ticked) is drawn again in place, with the line being typed kept.
    public var livePrompt: (() -> String)?

    /// Draws a new prompt in place if `livePrompt` has one: the cursor goes back to where the
    /// prompt starts (the line may have wrapped), the rest of the screen is cleared, and libedit
    /// draws the prompt and the line being typed again, with the cursor where it was.
    fileprivate func redrawIfPromptChanged() {
        guard let livePrompt, let current = prompt, let info = el_line(editLine) else { return }
        let old = String(cString: current)
        let fresh = livePrompt()
        guard fresh != old else { return }
        let start = UnsafeRawPointer(info.pointee.buffer!).assumingMemoryBound(to: UInt8.self)
        let typed = String(decoding: UnsafeBufferPointer(start: start, count: info.pointee.cursor! - info.pointee.buffer!), as: UTF8.self)
        var columns = ioctlColumns()
        if columns < 1 { columns = 80 }
        let row = (Self.cells(old) + Self.cells(typed)) / columns
        fputs("\r" + (row > 0 ? "\u{1B}[\(row)A" : "") + "\u{1B}[J", output)
        free(prompt)
        prompt = strdup(fresh)
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
        self.editLine = editLine
        self.history = history
        self.output = output
        self.historyPath = historyPath
        self.completer = completer
        self.width = width

        attune_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        attune_el_set_prompt(editLine, promptCallback)
        attune_el_set_editor(editLine, "emacs")
        attune_el_set_signal(editLine, 0)
        attune_el_set_getcfn(editLine, readCallback)
        attune_history_setsize(history, 1000)
        attune_history_setunique(history, 1)
        attune_el_set_history(editLine, history)
        attune_el_addfn(editLine, "attune-complete", "Complete a command, id or path", completeCallback)
        attune_el_bind(editLine, "^I", "attune-complete")
        // The user's ~/.editrc (or $EDITRC) comes last so it can change any of the above.
        el_source(editLine, nil)

        if let historyPath, access(historyPath, R_OK) == 0 {
            attune_history_load(history, historyPath)
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
        if Self.terminationRequested { return .hangUp }
        var count: Int32 = 0
        guard let raw = el_gets(editLine, &count) else {
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
        guard let historyPath else { return }
        // Create the file private before libedit writes it; fopen would use 0666 & umask.
        let fd = open(historyPath, O_WRONLY | O_CREAT, 0o600)
        if fd >= 0 {
            fchmod(fd, 0o600)
            close(fd)
        }
        attune_history_save(history, historyPath)
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

/// Reads one character for libedit, decoding UTF-8 ourselves so a Ctrl-C can end the read.
/// Returns 1 with a character, 0 at end of input, -1 on error or interrupt.
private let readCallback: el_rfunc_t = { editLine, character in
    guard let character else { return -1 }
    var bytes: [UInt8] = []
    var needed = 1
    /// After a signal: nil to read on, or what to return to libedit.
    func afterSignal() -> Int32? {
        if hangUpRequested.load(ordering: .relaxed) {
            reader(of: editLine)?.wasHungUp = true
            return 0
        }
        if interruptRequested.exchange(false, ordering: .relaxed) {
            reader(of: editLine)?.wasInterrupted = true
            errno = EINTR
            return -1
        }
        if resizeRequested.exchange(false, ordering: .relaxed), let editLine {
            el_resize(editLine)
            attune_el_refresh(editLine)
        }
        return nil
    }
    while bytes.count < needed {
        // While nothing is typed, look for a new prompt twice a second and redraw it in place.
        if bytes.isEmpty, let reader = reader(of: editLine), reader.livePrompt != nil {
            var waiting = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let ready = poll(&waiting, 1, 500)
            if ready == 0 {
                reader.redrawIfPromptChanged()
                continue
            }
            if ready < 0 {
                guard errno == EINTR else { return -1 }
                if let result = afterSignal() { return result }
                continue
            }
        }
        var byte: UInt8 = 0
        let count = read(STDIN_FILENO, &byte, 1)
        if count == 1 {
            if bytes.isEmpty {
                needed = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            }
            bytes.append(byte)
            continue
        }
        if count == 0 { return 0 }
        guard errno == EINTR else { return -1 }
        if let result = afterSignal() { return result }
    }
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    if case let .scalarValue(scalar) = decoder.decode(&iterator) {
        character.pointee = wchar_t(bitPattern: scalar.value)
    } else {
        character.pointee = 0xFFFD
    }
    return 1
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
    let completion = reader.completer(before)
    guard !completion.candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
    if completion.candidates.count == 1, let only = completion.candidates.first {
        let rest = String(only.dropFirst(completion.word.count))
        reader.insert(only.hasSuffix("/") ? rest : rest + " ")
        return UInt8(CC_REFRESH)
    }
    // Several: extend to what they share and list them all, so one TAB shows the choices.
    let prefix = completion.commonPrefix
    if prefix.count > completion.word.count {
        reader.insert(String(prefix.dropFirst(completion.word.count)))
    }
    reader.write("\n" + columns(completion.candidates, width: reader.width()) + "\n")
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

