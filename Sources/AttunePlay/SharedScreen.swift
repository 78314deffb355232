import AttuneStore

/// The rule for private screens (the journal, progress, facilitator notes) in group mode, where
/// the screen is shared: the first time one is asked for, it is not shown but warned about; asked
/// for again on the very next line, it is shown. Asked for later, or after another line, it
/// warns again.
public struct SharedScreen: Equatable, Sendable {
    /// The private screen last warned about, and the number of the line that asked for it.
    private var warned: (command: String, line: Int)?

    public init() {}

    /// Whether `command`, typed as line number `line`, may show its private screen now; when not,
    /// the front end warns, and the same command on line `line + 1` may.
    public mutating func mayShow(_ command: String, line: Int) -> Bool {
        if let warned, warned.command == command, warned.line == line - 1 {
            self.warned = nil
            return true
        }
        warned = (command, line)
        return false
    }

    public static func == (left: SharedScreen, right: SharedScreen) -> Bool {
        left.warned?.command == right.warned?.command && left.warned?.line == right.warned?.line
    }
}

/// Which group session `group export` writes: the one named; else the one the room is playing;
/// else the one played last in this run; else the latest in the record that holds something.
public enum GroupSessionToExport {
    public static func choose(named: Int64?, playing: Int64?, playedLast: Int64?,
                              latest: () throws(StoreError) -> Int64?) throws(StoreError) -> Int64? {
        if let chosen = named ?? playing ?? playedLast { return chosen }
        return try latest()
    }
}
