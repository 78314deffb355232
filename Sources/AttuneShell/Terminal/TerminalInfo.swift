#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Facts about the process's terminal, read once where the shell starts.
public enum TerminalInfo {
    public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// Columns to wrap to: the terminal's width, else $COLUMNS, else 80. Kept within 20...120
    /// so text stays readable on a projector and in a narrow split.
    public static func width(fd: Int32 = STDOUT_FILENO, environment: [String: String]) -> Int {
        var size = winsize()
        if isatty(fd) == 1, ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return clamp(Int(size.ws_col))
        }
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 {
            return clamp(columns)
        }
        return 80
    }

    /// The width to fit a stream's lines to: the terminal's, or `$COLUMNS` when the stream is
    /// piped and the width was given; nil for a pipe with no width given, so a program reading
    /// Attune's output gets each message on one line.
    public static func fittingWidth(fd: Int32, environment: [String: String]) -> Int? {
        if isatty(fd) == 1 || environment["COLUMNS"].flatMap(Int.init).map({ $0 > 0 }) == true {
            return width(fd: fd, environment: environment)
        }
        return nil
    }

    private static func clamp(_ columns: Int) -> Int { min(max(columns, 20), 120) }
}
