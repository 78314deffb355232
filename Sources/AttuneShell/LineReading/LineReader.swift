/// What reading one line produced.
public enum LineInput: Sendable, Equatable {
    /// A line the user entered, without its line ending.
    case line(String)
    /// A block pasted in one piece (several lines): what was typed on the line before the
    /// paste, the pasted text and what followed the cursor, with line breaks as "\n" and the
    /// final line break left off. Never to be run line by line.
    case paste(String)
    /// Ctrl-C: the line being typed was dropped; the shell carries on.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
    /// The terminal went away (the window closed: SIGHUP) or Attune was asked to stop
    /// (SIGTERM). Nothing more will be read; what is unfinished stays unfinished.
    case hangUp
}

/// Candidates for the word under the cursor, as the completer sees it.
public struct Completion: Sendable, Equatable {
    /// The partial word being completed (the text before the cursor back to the last space).
    public var word: String
    /// Full replacements for `word`, sorted.
    public var candidates: [String]
    /// The cursor is in free text (a reflection): TAB is a character there, not a completion.
    public var isText: Bool

    public init(word: String, candidates: [String], isText: Bool = false) {
        self.word = word
        self.candidates = candidates
        self.isText = isText
    }

    /// TAB inside free text: a tab is inserted.
    public static let text = Completion(word: "", candidates: [], isText: true)

    /// The part of a completion that may go on the command line: up to the first character
    /// that could act on the terminal (escape, other controls, a line break, a tab) or turn
    /// text around (bidirectional controls). A file name holding one is listed, neutralised,
    /// and never inserted whole.
    public static func insertable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.prefix { !isUnsafe($0) }))
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x061C
            || (0x200E...0x200F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
            || (0x2066...0x2069).contains(scalar.value)
    }

    /// The longest text every candidate starts with.
    public var commonPrefix: String {
        guard var prefix = candidates.first else { return word }
        for candidate in candidates.dropFirst() {
            while !candidate.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}

/// Given the text before the cursor, what could come next.
public typealias Completer = (_ textBeforeCursor: String) -> Completion

/// Reads the commands the user types. One implementation drives a terminal with line
/// editing; the other reads piped input line by line.
public protocol LineReader: AnyObject {
    /// Shows `prompt` (where there is a terminal) and reads one line.
    func readLine(prompt: String) -> LineInput
    /// Remembers a line for Up-arrow recall and, where kept, the history file.
    func remember(_ line: String)
    /// Remembers a line for Up-arrow recall in this session only: never written to a file.
    func rememberForSession(_ line: String)
    /// Whether the reader is interactive (a person at a terminal).
    var isInteractive: Bool { get }
}

extension LineReader {
    public func rememberForSession(_ line: String) {}
}

/// Reads piped input: no prompt, no editing, no history.
public final class PlainLineReader: LineReader {
    private let read: () -> String?

    public init(read: @escaping () -> String? = { Swift.readLine(strippingNewline: true) }) {
        self.read = read
    }

    public func readLine(prompt: String) -> LineInput {
        guard var line = read() else { return LibEditReader.terminationRequested ? .hangUp : .endOfInput }
        if line.hasSuffix("\r") { line.removeLast() }
        // A zero byte would end the text wherever it is handled as C text (SQLite's, the
        // terminal's): it becomes U+FFFD, so the rest of the line is kept.
        if line.contains("\0") { line = line.replacingOccurrences(of: "\0", with: "\u{FFFD}") }
        return .line(line)
    }

    public func remember(_ line: String) {}

    public var isInteractive: Bool { false }
}
