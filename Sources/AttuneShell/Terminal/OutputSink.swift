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
}

/// Standard output and error, written with write(2) so nothing sits in a stdio buffer when
/// the process is killed, and nothing interleaves oddly with libedit's own output.
public final class StandardStreams: OutputSink {
    public init() {}

    public func write(_ text: String) { Self.write(TextLayout.sanitizeForTerminal(text), to: STDOUT_FILENO) }
    public func writeError(_ text: String) { Self.write(TextLayout.sanitizeForTerminal(text), to: STDERR_FILENO) }

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
