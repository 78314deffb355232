import Foundation
import Testing

/// Ctrl-C in the shell while `cohort report --lrs` reads a slow LRS (Tests/LRSFixtures/
/// misbehaving_lrs.py, `pages-slow-2`: the cohort's second page takes 30 s), in a real
/// terminal: the reading stops at once, the progress line goes, one line says nothing was
/// written, an old report is left as it was, and the prompt comes back once (the Ctrl-C is
/// not taken as an interrupted line too); the next command works as usual.
@Suite("Cohort report stopped with Ctrl-C, in a terminal", .serialized,
       .enabled(if: tmuxPath != nil, "tmux is not installed; `make test` installs it"))
struct CohortStopTerminalTests {
    private static let report = "report zoë 👶.md"

    /// Two pages of two statements; the voiding pass gets one empty page.
    private func server(_ mode: String, in folder: URL) throws -> MisbehavingLRS {
        let pages: [[[String: Any]]] = (1...2).map { page in
            (1...2).map { index in
                ["id": UUID().uuidString,
                 "actor": ["account": ["homePage": "https://attune.invalid", "name": "learner-\(page)-\(index)"]],
                 "verb": ["id": "http://adlnet.gov/expapi/verbs/attempted"],
                 "object": ["id": "urn:attune:scenario:maya"],
                 "context": ["platform": "Attune", "contextActivities": ["grouping": [["id": "urn:attune:cohort:spring-2027"]]]]]
            }
        }
        let file = folder.appendingPathComponent("pages-\(mode).json")
        try JSONSerialization.data(withJSONObject: ["voiding": [[]], "cohort": pages]).write(to: file)
        return try MisbehavingLRS(mode: mode, arguments: ["--pages", file.path, "--delay", "30"])
    }

    /// The screen's words with the terminal's line breaks taken out (a long line wraps).
    private func words(_ screen: String) -> String {
        screen.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .joined(separator: " ")
    }

    /// The screen with lines the terminal wrapped joined again (`capture-pane -J`).
    private func joinedScreen(_ session: TmuxSession) throws -> String {
        try session.tmux(["capture-pane", "-p", "-J", "-t", session.name])
    }

    /// What the screen shows after the last `cohort report` typed, its words joined.
    private func afterLastCommand(_ session: TmuxSession) throws -> String {
        let lines = try joinedScreen(session).components(separatedBy: "\n")
        guard let last = lines.lastIndex(where: { $0.contains("attune> cohort report --lrs") }) else { return "" }
        return words(lines[(last + 1)...].joined(separator: "\n"))
    }

    private func command(_ server: MisbehavingLRS) -> String {
        "cohort report --lrs \(server.endpoint) --user tester --cohort spring-2027 \"\(Self.report)\""
    }

    /// Types the command, waits for the progress line, presses Ctrl-C; the screen once the prompt is back.
    private func stopRead(_ session: TmuxSession, _ server: MisbehavingLRS) throws -> (after: String, seconds: TimeInterval) {
        try session.send("-l", command(server))
        try session.send("Enter")
        _ = try session.waitFor("the progress line") { words($0).contains("Reading the cohort: 1 page") }
        let pressed = Date()
        try session.send("C-c")
        _ = try session.waitFor("the stop message and the prompt") { screen in
            words(screen).contains("nothing was written to") && TmuxSession.lastLine(screen) == "attune>"
        }
        let seconds = Date().timeIntervalSince(pressed)
        // Anything the Ctrl-C might also bring (a second prompt, a "^C" line) shows by now.
        Thread.sleep(forTimeInterval: 0.5)
        return (try afterLastCommand(session), seconds)
    }

    @Test("Ctrl-C during the read: stopped within about a second, nothing written, an old report unchanged, the prompt back once",
          arguments: [60, 120])
    func ctrlCStopsTheRead(columns: Int) throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let slow = try server("pages-slow-2", in: folder)
        let fast = try server("pages", in: folder)
        let session = TmuxSession()
        try session.start("exec env ATTUNE_LRS_PASSWORD=secret \(attuneBinary.path) --data-dir \(folder.appendingPathComponent("data").path) --color never",
                          columns: columns, in: folder.path)
        _ = try session.waitFor("the prompt") { TmuxSession.lastLine($0) == "attune>" }
        let file = folder.appendingPathComponent(Self.report)

        // No report yet: none after the stop.
        let (stopped, seconds) = try stopRead(session, slow)
        #expect(seconds < 10, "the prompt came back \(seconds) s after Ctrl-C; the slow page takes 30 s")
        // The progress line cleared, the one line said, and one prompt: nothing else.
        let expected = "Stopped reading the cohort from the LRS: nothing was written to \(Self.report). attune>"
        let shown = try joinedScreen(session)
        #expect(stopped == expected, "after the command the screen shows:\n\(shown)")
        #expect(!FileManager.default.fileExists(atPath: file.path))
        #expect(session.isRunning)
        Thread.sleep(forTimeInterval: 0.5)
        let cohortPages = slow.requests.filter { $0.target.contains("activity=") }.count
        #expect(cohortPages == 2, "pages asked for: \(slow.requests.map(\.target))")

        // The next command works as usual: the same report from an LRS that answers.
        try session.send("-l", command(fast))
        try session.send("Enter")
        let wrote = try session.waitFor("the report written") { words($0).contains("Wrote the cohort report to") }
        #expect(TmuxSession.lastLine(wrote) == "attune>", "\(wrote)")
        let old = try Data(contentsOf: file)
        #expect(!old.isEmpty)

        // Stopped again: the report already there is left exactly as it was.
        let (again, _) = try stopRead(session, slow)
        let shownAgain = try joinedScreen(session)
        #expect(again == expected, "\(shownAgain)")
        #expect(try Data(contentsOf: file) == old, "the old report was changed")
        #expect(slow.requests.filter { $0.target.contains("activity=") }.count == 4, "\(slow.requests.map(\.target))")

        // Ctrl-D at the prompt still ends the shell.
        try session.send("C-d")
        let end = Date().addingTimeInterval(10)
        while session.isRunning, Date() < end { Thread.sleep(forTimeInterval: 0.05) }
        #expect(!session.isRunning, "Ctrl-D ends the shell")
    }
}
