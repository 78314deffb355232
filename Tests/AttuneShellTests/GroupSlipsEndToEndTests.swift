import AttuneCore
import AttunePlay
import AttuneStore
import Foundation
import Testing
@testable import AttuneShell

/// A trainer's ordinary slips, through the real binary with piped transcripts: each was seen
/// losing or misreporting the room's record before the room became one state machine.
@Suite("Group play: a trainer's slips lose nothing", .serialized)
struct GroupSlipsEndToEndTests {
    /// Runs the binary in group mode; its output with lines joined, as group mode wraps at 72 columns.
    func attune(_ data: String, _ lines: [String], arguments: [String] = []) throws -> ProcessResult {
        var result = try runAttune(["--group", "--data-dir", data] + arguments, input: lines.joined(separator: "\n") + "\n")
        result.stdout = result.stdout.replacingOccurrences(of: "\n", with: " ")
        result.stderr = result.stderr.replacingOccurrences(of: "\n", with: " ")
        return result
    }

    @Test("restart, stop, group resume: no 'case has changed', the same pass, and the export shows both passes")
    func restartStopResume() throws {
        let data = try temporaryDirectory().appendingPathComponent("data").path
        let first = try attune(data, ["play maya", "votes 6 2 1", "1", "restart", "yes", "votes 2 5 1", "2", "stop"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("as a new pass in this group session"))
        #expect(first.stdout.contains("'group resume 1' continues it"), "stop names group resume, not play")
        #expect(!first.stdout.contains("'play maya' continues"))
        let export = try temporaryDirectory().appendingPathComponent("session.md").path
        let second = try attune(data, ["group resume 1", "group export 1 \(export)", "quit"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(!second.stdout.contains("has changed since you started it"))
        #expect(second.stdout.contains("Continuing where you stopped (1 choice so far)"))
        let markdown = try String(contentsOfFile: export, encoding: .utf8)
        #expect(markdown.contains("### Pass 1 (the room began again after it)"))
        #expect(markdown.contains("### Pass 2 (the room's path now)"))
        #expect(markdown.contains("| 6 |") && markdown.contains("| 5 |"), "both passes' tallies are kept")
        // The resumed room is on pass 2, after its one decision there.
        let store = try ProgressStore(directory: data)
        let record = try #require(try store.groupSession(1))
        #expect(record.pass == 2)
        #expect(record.decisions.map(\.tally) == [[2, 5, 1]])
        #expect(record.allDecisions.count == 2)
    }

    @Test("a huge tally gets a message, not a crash, and the tally typed before it still goes with the choice")
    func hugeTally() throws {
        let data = try temporaryDirectory().appendingPathComponent("data").path
        let run = try attune(data, ["play maya", "votes 6 2 1", "votes 9223372036854775807 1 1", "votes 1 1 1 of 99999999999",
                                    "1", "quit"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("9223372036854775807 is more than any room holds."))
        #expect(run.stderr.contains("99999999999 is more than any room holds."))
        let store = try ProgressStore(directory: data)
        #expect(try store.groupSession(1)?.decisions.first?.tally == [6, 2, 1])
    }

    @Test("back keeps the taken-back decision and its tally in the record, and the export marks it")
    func backIsKept() throws {
        let data = try temporaryDirectory().appendingPathComponent("data").path
        let export = try temporaryDirectory().appendingPathComponent("session.md").path
        let run = try attune(data, ["play maya", "votes 1 7 1", "2", "back", "votes 8 1 0", "1", "group export 1 \(export)", "quit"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("That choice and its tally stay in the session's record, marked as taken back."))
        let markdown = try String(contentsOfFile: export, encoding: .utf8)
        #expect(markdown.contains("*(taken back with 'back' at "))
        #expect(markdown.contains("| 7 |"), "the taken-back decision's tally is in the export")
        #expect(markdown.contains("| 8 |"))
    }

    @Test("back or restart with a tally not yet used says that it was set aside")
    func setAsideIsSaid() throws {
        let data = try temporaryDirectory().appendingPathComponent("data").path
        let run = try attune(data, ["play maya", "1", "votes 3 3 2 1", "back", "quit"])
        #expect(run.stdout.contains("Not used: the tally 3 / 3 / 2 / 1 for the moment the room left without choosing."))
    }

    @Test("quitting in the middle of a vote keeps the tally; the next start brings it back to the same moment")
    func quitKeepsTally() throws {
        let data = try temporaryDirectory().appendingPathComponent("data").path
        let first = try attune(data, ["play maya", "1", "votes 4 4 1 0", "quit"])
        #expect(first.stdout.contains("The room's place and this moment's votes are kept: 'group resume 1' continues it."))
        let second = try attune(data, ["group resume 1", "2", "quit"])
        #expect(second.stdout.contains("Kept from before for this moment: the tally 4 / 4 / 1 / 0."))
        let store = try ProgressStore(directory: data)
        #expect(try store.groupSession(1)?.decisions.map(\.tally) == [nil, [4, 4, 1, 0]])
    }

    @Test("on a shared screen, journal, progress and notes ask first; typed again at once, they show")
    func privateScreensAsk() throws {
        let data = try temporaryDirectory().appendingPathComponent("data").path
        _ = try runAttune(["--data-dir", data], input: "play maya\nreflect My own private words.\nquit\n")
        let run = try attune(data, ["journal", "journal", "progress", "help", "progress", "play maya", "notes", "notes", "quit"])
        #expect(run.stdout.contains("This shows your private journal on the shared screen."))
        #expect(run.stdout.components(separatedBy: "My own private words.").count == 2, "shown once, after the second 'journal'")
        #expect(run.stdout.components(separatedBy: "This shows your private progress on the shared screen.").count == 3,
                "'progress' typed again later asks again")
        #expect(run.stdout.contains("This shows the facilitator notes"))
        #expect(run.stdout.components(separatedBy: "For the facilitator").count == 2)
    }

    @Test("the group-mode greeting never names a private unfinished case")
    func greetingKeepsPrivateCasesOff() throws {
        let store = try ProgressStore(directory: try temporaryDirectory().appendingPathComponent("data").path)
        let output = CapturedOutput()
        let shell = Shell(library: fixtureLibrary(), output: output, store: store)
        shell.execute("play visit")
        shell.execute("1")
        shell.execute("stop")
        output.clear()
        shell.greetReturningLearner()
        shell.flushOutput()
        #expect(output.text.contains("You have an unfinished case"))
        output.clear()
        shell.execute("group on")
        output.clear()
        shell.greetReturningLearner()
        shell.flushOutput()
        #expect(output.text.isEmpty)
    }

    @Test("attune --group --serve --bind --port opens the room page; 'group serve' again shows the same link")
    func serveFromTheCommandLine() throws {
        let data = try temporaryDirectory().appendingPathComponent("data").path
        let run = try runAttune(["--group", "--serve", "--bind", "127.0.0.1", "--port", "0", "--data-dir", data],
                                input: "group serve\nquit\n")
        #expect(run.status == 0, "\(run.stderr)")
        let links = run.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("http://127.0.0.1:") && $0.hasSuffix("/") }
        #expect(links.count == 2 && links[0] == links[1], "\(links)")
        #expect(run.stdout.contains("The room page is already running, with the same link and code."))
        let wrong = try runAttune(["--port", "8765", "--data-dir", data], input: "")
        #expect(wrong.status == 64 || wrong.status == 2)
        #expect(wrong.stderr.contains("--port goes with --serve"))
    }
}
