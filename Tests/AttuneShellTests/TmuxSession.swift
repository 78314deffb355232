import Foundation
import Testing

let tmuxPath = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

/// One tmux server on its own socket, driving the real binary in a real terminal.
final class TmuxSession {
    let socket = "attune-test-\(UUID().uuidString.prefix(8))"
    let name = "attune"

    /// Runs a tmux command and returns what it printed. Uses posix_spawn and waitpid:
    /// Foundation's Process can miss the exit of a client whose server daemonised.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        try spawn([tmuxPath!, "-L", socket] + arguments)
    }

    func start(_ command: String, columns: Int = 100, in directory: String? = nil) throws {
        try tmux(["new-session", "-d", "-s", name, "-x", "\(columns)", "-y", "40"] + (directory.map { ["-c", $0] } ?? []) + [command])
    }

    /// Pastes `text` as a terminal does: every line break sent as CR, wrapped in the paste
    /// markers when `bracketed` (and the program asked for them).
    func paste(_ text: String, bracketed: Bool) throws {
        let file = try temporaryDirectory().appendingPathComponent("clipboard")
        try text.write(to: file, atomically: true, encoding: .utf8)
        try tmux(["load-buffer", "-b", "clip", file.path])
        try tmux(["paste-buffer", "-b", "clip", "-t", name] + (bracketed ? ["-p"] : []))
    }

    func format(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", name, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Closes the terminal window: the shell gets SIGHUP, as when a laptop lid closes on it.
    func closeWindow() throws {
        try tmux(["kill-server"])
    }

    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", name] + keys)
    }

    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", name])
    }

    var isRunning: Bool {
        (try? tmux(["list-panes", "-t", name, "-F", "#{pane_dead}"]))?.hasPrefix("0") ?? false
    }

    /// Waits until the screen satisfies `condition`, for at most ten seconds.
    func waitFor(_ what: String, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(10)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("timed out waiting for \(what); the screen shows:\n\(last)")
        return last
    }

    /// The last line of the screen that is not blank.
    static func lastLine(_ screen: String) -> String {
        screen.components(separatedBy: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
    }

    deinit {
        _ = try? tmux(["kill-server"])
    }
}

