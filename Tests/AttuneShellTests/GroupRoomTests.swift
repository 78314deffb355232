import AttuneCore
import AttunePlay
import AttuneStore
import Foundation
import GRDB
import Testing
@testable import AttuneShell
@testable import AttuneStore

/// A clock a test moves by hand.
final class TestClock: @unchecked Sendable {
    var now = Date(timeIntervalSince1970: 1_800_000_000)
}

@Suite("Group room: sessions that last, notes off the projector, reveal and summary", .serialized)
struct GroupRoomTests {
    func shell(_ clock: TestClock = TestClock(), width: Int = 100) throws -> (Shell, CapturedOutput, ProgressStore) {
        let store = try ProgressStore(directory: try temporaryDirectory().appendingPathComponent("data").path)
        let output = CapturedOutput()
        let shell = Shell(library: fixtureLibrary(), output: output, width: { width }, store: store, now: { clock.now })
        return (shell, output, store)
    }

    /// Choices by number that finish a case from where `prefix` leaves it: always the first offered.
    static func pathToEnding(_ scenario: Scenario, after prefix: [String]) throws -> [String] {
        let engine = ScenarioEngine(scenario)
        var state = engine.start()
        for number in prefix { state = try engine.choose(number, in: state).state }
        var rest: [String] = []
        while !engine.isEnding(state), rest.count < 50 {
            state = try engine.choose("1", in: state).state
            rest.append("1")
        }
        return rest
    }

    @Test("a session survives quitting: reopened with --group, resumed, finished and exported with both halves")
    func sessionAcrossRestart() throws {
        let folder = try temporaryDirectory()
        let data = folder.appendingPathComponent("data").path
        let first = try runAttune(["--group", "--data-dir", data], input: """
            play maya
            votes 6 2 1
            1
            reveal
            votes 3,3,2,1 of 12
            2
            reflect First half: the room's "easy baby" moment.
            quit

            """)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("How each option met the family"))
        #expect(first.stdout.contains("► 1. Attuned (6 votes)"))
        #expect(!first.stdout.contains("For the facilitator"), "notes stay off the projector unless asked")
        #expect(first.stdout.contains("(type 'reflect' to add a group note)"))

        let library = try ContentLibrary.load(knowledgeDirectory: packageRoot.appendingPathComponent("Knowledge").path,
                                              scenarioDirectory: packageRoot.appendingPathComponent("Scenarios").path)
        let maya = try #require(library.scenario("maya-quiet-visit"))
        let rest = try Self.pathToEnding(maya, after: ["1", "2"])
        let export = folder.appendingPathComponent("session.md")
        let second = try runAttune(["--group", "--data-dir", data], input: """
            group sessions
            group resume 1
            \(rest.joined(separator: "\n"))
            group export 1 \(export.path)
            quit

            """)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("1. "), "sessions are listed")
        #expect(second.stdout.replacingOccurrences(of: "\n     ", with: " ")
            .contains("Maya, four months: a quiet home visit · 2 decisions, 1 note"))
        #expect(second.stdout.contains("Group session 1 continues."))
        #expect(second.stdout.contains("The room's path"))
        #expect(second.stdout.contains("The room matched the most attuned option at"))
        let markdown = try String(contentsOf: export, encoding: .utf8)
        #expect(markdown.contains("**(the room's choice)** | 6 |"), "first half's first tally")
        #expect(markdown.contains("**(the room's choice)** | 3 |"), "first half's second tally")
        #expect(markdown.contains("| Option | Votes | How it met the family |"), "the reveal lines")
        #expect(markdown.contains("### Room summary"))
        #expect(markdown.contains("First half: the room's \"easy baby\" moment."))
        #expect(markdown.contains("### The ending"))
    }

    @Test("a group session of a case leaves the trainer's own progress in it unchanged")
    func privateProgressUntouched() throws {
        let (shell, output, store) = try shell()
        shell.execute("play visit")
        shell.execute("2")
        let before = try store.progress()
        let mine = try store.activePlaythrough(CaseKey(id: "visit"))
        shell.execute("group on")
        #expect(shell.play.session == nil, "group mode leaves the personal case, keeping its place")
        shell.execute("play visit")
        #expect(shell.play.session?.state.node == "arrival", "the room starts fresh")
        for line in ["votes 4 1", "1", "votes 2 3", "1"] { shell.execute(line) }
        #expect(output.text.contains("The room's path"))
        #expect(try store.progress() == before)
        #expect(try store.activePlaythrough(CaseKey(id: "visit")) == mine)
        shell.execute("group off")
        shell.execute("play visit")
        #expect(shell.play.session?.state.path.map(\.choice) == ["forms"])
    }

    @Test("a database written by the previous release keeps its group decisions, adopted into sessions, exportable")
    func migrationAdoptsDecisions() throws {
        let folder = try temporaryDirectory().appendingPathComponent("data")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(ProgressStore.fileName).path
        // The schema and rows as the previous release wrote them: one 'group on' that played
        // two cases, and an empty session from a later 'group on'.
        let old = try DatabasePool(path: path)
        try ProgressStore.migrator.migrate(old, upTo: "v2-group-and-xapi")
        let t0 = Date(timeIntervalSince1970: 1_700_000_000)
        try old.write { db in
            try db.execute(sql: "INSERT INTO groupSession (id, startedAt, endedAt) VALUES (1, ?, ?)", arguments: [t0, t0 + 600])
            try db.execute(sql: "INSERT INTO groupSession (id, startedAt) VALUES (2, ?)", arguments: [t0 + 900])
            let rows: [(String, String, String, String, String)] = [
                ("visit", "arrival", "greet-baby", "greet-baby,forms", "6,2"),
                ("visit", "gaze", "wait", "wait,talk", "5,3"),
                ("other", "start", "x", "x,y", "1,7"),
            ]
            for (index, row) in rows.enumerated() {
                try db.execute(sql: """
                    INSERT INTO groupDecision (session, scenario, node, choice, rating, offered, tally, madeAt)
                    VALUES (1, ?, ?, ?, 'attuned', ?, ?, ?)
                    """, arguments: [row.0, row.1, row.2, row.3, row.4, t0 + Double(index)])
            }
            try db.execute(sql: "INSERT INTO journal (createdAt, scenario, node, text, groupSession) VALUES (?, 'visit', 'gaze', 'kept note', 1)",
                           arguments: [t0])
            try db.execute(sql: "INSERT INTO journal (createdAt, scenario, node, text, groupSession) VALUES (?, 'other', 'start', 'other note', 1)",
                           arguments: [t0])
        }
        try old.close()

        let store = try ProgressStore(directory: folder.path)
        let sessions = try store.groupSessions()
        #expect(Set(sessions.map { $0.scenario?.id }) == ["visit", "other"])
        let visit = try #require(sessions.first { $0.scenario?.id == "visit" })
        #expect(visit.decisions == 2 && visit.notes == 1)
        let other = try #require(sessions.first { $0.scenario?.id == "other" })
        #expect(other.decisions == 1 && other.notes == 1)

        let output = CapturedOutput()
        let shell = Shell(library: fixtureLibrary(), output: output, store: store)
        let file = try temporaryDirectory().appendingPathComponent("old.md")
        shell.execute("group export \(visit.id) \(file.path)")
        let markdown = try String(contentsOf: file, encoding: .utf8)
        #expect(markdown.contains("**(the room's choice)** | 6 |"))
        #expect(markdown.contains("**(the room's choice)** | 5 |"))
        #expect(markdown.contains("kept note"))
        #expect(markdown.contains("### Room summary"))
    }

    @Test("reveal only after the room chooses: every option, rated, with why and the room's choice")
    func reveal() throws {
        let (shell, output, _) = try shell()
        for line in ["group on", "play visit"] { shell.execute(line) }
        shell.execute("reveal")
        #expect(output.errors.contains("Ratings stay hidden until the room has chosen"))
        #expect(!output.text.contains("Missed the cue"), "no rating shows before the room chooses")
        shell.execute("votes 2 8")
        shell.execute("2")
        output.clear()
        shell.execute("reveal")
        #expect(output.text.contains("  1. Attuned (2 votes): Greet the baby."))
        #expect(output.text.contains("► 2. Missed the cue (8 votes): Start the forms."))
        #expect(output.text.contains("Babies notice who comes to them."))
    }

    @Test("tallies: commas or spaces, 'of N' checked against the room, a second tally replaces the first")
    func friendlierTallies() throws {
        let (shell, output, store) = try shell()
        for line in ["group on", "play visit", "votes 6,2"] { shell.execute(line) }
        #expect(output.text.contains("(8 in all)"))
        shell.execute("votes 9 4 of 12")
        #expect(output.errors.contains("The votes add up to 13, more than the 12 in the room."))
        shell.execute("votes 5 4 of 12")
        #expect(output.text.contains("This tally (5 / 4, of 12) replaced the one typed before (6 / 2)."))
        #expect(output.text.contains("9 of the 12 in the room voted."))
        shell.execute("1")
        let latest = try #require(try store.latestGroupSession())
        #expect(try store.groupSession(latest)?.decisions.first?.tally == [5, 4])
    }

    @Test("the timer shows the time left after each command and says once, at a prompt, that time is up")
    func timer() throws {
        let clock = TestClock()
        let (shell, output, _) = try shell(clock)
        for line in ["group on", "play visit", "timer 5"] { shell.execute(line) }
        #expect(output.text.contains("Timer: 5 minutes for discussion."))
        clock.now += 90
        shell.execute("choices")
        #expect(output.text.contains("Discussion time left: 3:30"))
        clock.now += 300
        output.clear()
        let reader = ScriptedReader(lines("choices", "choices"))
        shell.run(reader: reader)
        #expect(output.text.components(separatedBy: "Time is up for the discussion.").count == 2, "said once")
    }

    @Test("group screens fit 72 columns, and read as words in accessible mode")
    func projectorWidth() throws {
        let output = CapturedOutput()
        let store = try ProgressStore(directory: try temporaryDirectory().path)
        let shell = Shell(library: fixtureLibrary(), output: output, width: { 120 }, store: store, accessible: true)
        for line in ["group on", "play visit", "votes 3 4", "1", "reveal", "votes 1 1", "1", "group sessions"] { shell.execute(line) }
        #expect(output.text.split(separator: "\n").allSatisfy { TextWidth.of(String($0)) <= 72 })
        #expect(!output.text.contains("█") && !output.text.contains("►"))
        #expect(output.text.contains("The room's choice. 1. Attuned (3 votes)"))
        #expect(output.text.contains("Votes 1, 1. Chose 1, Attuned; among the most attuned."))
    }
}
