import AttuneCore
import AttuneStore
import Foundation
import GRDB
import Testing

/// Self-study through the real binary, with the bundled content.
@Suite("Self-study end to end", .serialized)
struct SelfStudyEndToEndTests {
    /// Every command a learner (and a trainer) meets, in one transcript.
    static let learnerTranscript = """
        help
        help play
        help reflect
        help trainers
        help authors
        cases
        topics
        show tenet.4
        show tenets
        search attachment
        search cortisol
        play maya
        1
        why
        choices
        show serve-and-return.1
        reflect I didn't know what to say; Alicia's "flat" voice stayed with me.
        I think she is sad
        2
        back
        2
        1
        1
        1
        1
        1
        progress
        journal
        stop
        restart
        play jonah
        stop
        play no-such-case
        group on
        play maya
        votes 7,4,1
        1
        discuss
        notes
        group off
        test maya-quiet-visit
        reload
        quit

        """

    @Test("every learner command fits 40, 60 and 100 columns, breaking only between words", arguments: [40, 60, 100])
    func fitsTheWidth(columns: Int) throws {
        let data = try temporaryDirectory().appendingPathComponent("data").path
        let result = try runAttune(["--data-dir", data], input: Self.learnerTranscript, environment: ["COLUMNS": "\(columns)"])
        var overlong: [String] = []
        for line in (result.stdout + result.stderr).split(separator: "\n") {
            let shown = String(line)
            guard TextWidth.of(shown) > columns else { continue }
            // An unbreakable word (a long path or id) may stand alone on a line.
            if shown.trimmingCharacters(in: .whitespaces).contains(" ") { overlong.append(shown) }
        }
        #expect(overlong.isEmpty, "lines wider than \(columns):\n\(overlong.joined(separator: "\n"))")
        #expect(result.stdout.contains("Saved to your journal."))
    }

    @Test("messages from the command line, its help and its refusals fit 60 columns too")
    func commandLineFitsTheWidth() throws {
        let data = try temporaryDirectory().appendingPathComponent("data").path
        let file = try temporaryDirectory().appendingPathComponent("a-file").path
        try "x".write(toFile: file, atomically: true, encoding: .utf8)
        let runs: [[String]] = [
            ["frobnicate"], ["back"], ["--help"], ["--serve"], ["new", "theo-after-the-party"],
            ["export", "xapi", "--account", "a"], ["export", "xapi", "--lrs", "http://10.0.0.1/x", "--user", "u", "--account", "a"],
            ["cases", "--data-dir", file],
        ]
        for arguments in runs {
            let result = try runAttune(arguments + (arguments.contains("--data-dir") ? [] : ["--data-dir", data]),
                                       environment: ["COLUMNS": "60"])
            let overlong = (result.stdout + result.stderr).split(separator: "\n")
                .filter { TextWidth.of(String($0)) > 60 && $0.trimmingCharacters(in: .whitespaces).contains(" ") }
            #expect(overlong.isEmpty, "attune \(arguments.joined(separator: " ")):\n\(overlong.joined(separator: "\n"))")
        }
        let json = try runAttune(["journal", "export", "-", "--data-dir", data], environment: ["COLUMNS": "60"])
        #expect(json.stdout.hasPrefix("# Attune journal"), "an export to standard output is not rewrapped")
    }

    @Test("kill -9 in the middle of a multi-line reflection loses no line that was entered")
    func killDuringDraft() throws {
        let data = try temporaryDirectory().appendingPathComponent("data")
        let lines = ["First, I noticed Maya's stillness.", "Then Alicia said \"she's always like this\".", "   I froze \\ 🙂"]
        let process = Process()
        process.executableURL = attuneBinary
        process.arguments = ["--data-dir", data.path]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(("play maya\nreflect\n" + lines.joined(separator: "\n") + "\n").utf8))
        // Wait until every line is in the record, then kill without warning.
        let database = data.appendingPathComponent(ProgressStore.fileName).path
        let deadline = Date().addingTimeInterval(20)
        var kept = 0
        while Date() < deadline, kept < lines.count {
            Thread.sleep(forTimeInterval: 0.02)
            guard FileManager.default.fileExists(atPath: database) else { continue }
            var configuration = Configuration()
            configuration.readonly = true
            kept = (try? DatabaseQueue(path: database, configuration: configuration).read {
                try Int.fetchOne($0, sql: "SELECT MAX(lineCount) FROM draft")
            } ?? 0) ?? 0
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(kept == lines.count)

        let after = try runAttune(["--data-dir", data.path], input: "draft\ndraft save\njournal\n")
        #expect(after.stdout.contains("You have an unfinished reflection"))
        #expect(after.stdout.contains("Saved to your journal."))
        let store = try ProgressStore(directory: data.path)
        #expect(try store.journal().map(\.text) == [lines.joined(separator: "\n")])
    }

    @Test("documented commands work from the command line as in the shell")
    func commandLine() throws {
        let folder = try temporaryDirectory()
        let data = folder.appendingPathComponent("data").path
        let empty = try runAttune(["journal", "--data-dir", data])
        #expect(empty.status == 0)
        #expect(empty.stdout.contains("Your journal is empty"))
        let played = try runAttune(["play", "maya", "--data-dir", data], input: "1\nreflect It's hard to wait.\nquit\n")
        #expect(played.status == 0, "\(played.stderr)")
        #expect(played.stdout.contains("Saved to your journal."))
        let journal = try runAttune(["--data-dir", data, "journal"])
        #expect(journal.stdout.contains("It's hard to wait."))
        let export = folder.appendingPathComponent("progress.md").path
        let progress = try runAttune(["progress", "export", export, "--data-dir", data])
        #expect(progress.status == 0)
        #expect(progress.stdout.contains("Wrote your progress to"))
        #expect(FileManager.default.fileExists(atPath: export))
        let cases = try runAttune(["cases", "--data-dir", data])
        #expect(cases.stdout.contains("maya-quiet-visit  in progress"))
        let unknown = try runAttune(["frobnicate", "--data-dir", data])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("There is no command 'frobnicate'"))
        let inside = try runAttune(["back", "--data-dir", data])
        #expect(inside.status == 2)
        #expect(inside.stderr.contains("works inside the shell"))
        let missing = try runAttune(["play", "no-such-case", "--data-dir", data])
        #expect(missing.status == 1)
    }

    @Test("'new' refuses a bundled case's id and creates a missing folder")
    func newCase() throws {
        let folder = try temporaryDirectory().appendingPathComponent("not/yet/here")
        let clash = try runAttune(["new", "theo-after-the-party", "--scenarios", folder.path])
        #expect(clash.status == 2)
        #expect(clash.stderr.contains("already the id of a case that comes with Attune"))
        let made = try runAttune(["new", "ana-first-visit", "--scenarios", folder.path])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("ana-first-visit.yaml").path))
    }
}

/// Columns a line takes on screen (wide characters count two), colour codes excluded.
enum TextWidth {
    static func of(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars where scalar.value >= 0x20 && scalar.properties.generalCategory != .nonspacingMark {
            width += (0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
                || (0xAC00...0xD7A3).contains(scalar.value) || (0x1F300...0x1F64F).contains(scalar.value)
                || (0x1F900...0x1F9FF).contains(scalar.value) ? 2 : 1
        }
        return width
    }
}
