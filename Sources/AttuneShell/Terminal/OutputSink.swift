import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the shell writes. The terminal in the app; a buffer in tests.
public protocol OutputSink: AnyObject {
    /// Normal output (standard output).
    func write(_ text: String)
    /// Problems (standard error).
    func writeError(_ text: String)
    /// Text whose lines must not be rewrapped (a QR code, a file's contents sent to `-`, JSON,
    /// a finding with its excerpt and caret), to standard output or, with `isError`, error.
    func writePreformatted(_ text: String, isError: Bool)
    /// The width this sink fits its writes to (standard error's with `isError`), or nil when
    /// it writes them as they are; for text laid out to the width ahead of writing.
    func fittingWidth(isError: Bool) -> Int?
}

extension OutputSink {
    public func writePreformatted(_ text: String, isError: Bool) { isError ? writeError(text) : write(text) }
    public func writePreformatted(_ text: String) { writePreformatted(text, isError: false) }
    public func fittingWidth(isError: Bool) -> Int? { nil }
}

/// Standard output and error, written with write(2) so nothing sits in a stdio buffer when
/// the process is killed, and nothing interleaves oddly with libedit's own output. Every
/// write passes the terminal sanitiser and, given a width, is fitted to it at word
/// boundaries, so no message (the shell's, the command line's or the argument parser's) runs
/// past the edge of the window.
public final class StandardStreams: OutputSink {
    /// The width to fit a stream to, asked at each write (the window may be resized); nil: as is.
    private let width: ((Int32) -> Int?)?

    public init(width: ((Int32) -> Int?)? = nil) {
        self.width = width
    }

    /// Standard streams fitted to the terminal, or to `$COLUMNS` when piped with it set.
    public static func fittedToTerminal(environment: [String: String] = ProcessInfo.processInfo.environment) -> StandardStreams {
        StandardStreams(width: { TerminalInfo.fittingWidth(fd: $0, environment: environment) })
    }

    public func write(_ text: String) { Self.write(prepared(text, for: STDOUT_FILENO), to: STDOUT_FILENO) }
    public func writeError(_ text: String) { Self.write(prepared(text, for: STDERR_FILENO), to: STDERR_FILENO) }
    public func writePreformatted(_ text: String, isError: Bool) {
        Self.write(TextLayout.sanitizeForTerminal(text), to: isError ? STDERR_FILENO : STDOUT_FILENO)
    }

    public func fittingWidth(isError: Bool) -> Int? { width?(isError ? STDERR_FILENO : STDOUT_FILENO) }

    private func prepared(_ text: String, for fd: Int32) -> String {
        let clean = TextLayout.sanitizeForTerminal(text)
        guard let columns = width?(fd) else { return clean }
        return TextLayout.fit(clean, width: columns)
    }

    private static func write(_ text: String, to fd: Int32) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return  // The reader went away (a closed pipe); nothing useful to do.
            }
            offset += written
        }
        bytes.removeAll()
    }
}

/// Collects output in memory, for tests and for commands that build text before printing.
public final class CapturedOutput: OutputSink {
    public private(set) var text = ""
    public private(set) var errors = ""

    public init() {}

    public func write(_ text: String) { self.text += text }
    public func writeError(_ text: String) { errors += text }

    public func clear() {
        text = ""
        errors = ""
    }
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
