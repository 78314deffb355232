@testable import AttuneShell
import AttuneCatalog
import AttuneCore
import AttuneRecords
@testable import AttuneStore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

private let knowledgeFolder = packageRoot.appendingPathComponent("Knowledge").path
private let scenarioFolder = packageRoot.appendingPathComponent("Scenarios").path

/// `count` learners' statements for Maya's visit, as `attune export xapi --cohort spring-2027`
/// writes them, in one file; names with accents, quotes and emoji among them.
private func statementsFile(learners count: Int, in folder: URL, scenarios: [Scenario]) throws -> String {
    let scenario = try #require(scenarios.first { $0.id == "maya-quiet-visit" })
    let choices = try #require(scenario.node("fifth-visit")?.choices)
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    var statements: [[String: Any]] = []
    for learner in 0..<count {
        let name = ["Zoë O'Brien", "Léa 👶🏽 \"Nana\" Dubois", "Ñandú <b>&</b> | #"].indices.contains(learner)
            ? ["Zoë O'Brien", "Léa 👶🏽 \"Nana\" Dubois", "Ñandú <b>&</b> | #"][learner] : "learner-\(learner)"
        let choice = choices[learner % choices.count]
        let log = ActivityLog(
            playthroughs: [.init(id: 1, scenarioID: scenario.id, origin: "bundled", startedAt: start, status: "playing",
                                 ending: nil, endingKind: nil, finishedAt: nil)],
            choices: [.init(id: 1, playthrough: 1, step: 0, node: "fifth-visit", choice: choice.id, rating: choice.rating,
                            competencies: [], madeAt: start.addingTimeInterval(60))],
            journal: [])
        statements += XAPIStatements(account: LearnerAccount(name: name), includeReflections: false, scenarios: scenarios,
                                     cohort: "spring-2027").statements(from: log)
    }
    let path = folder.appendingPathComponent("cohort.jsonl").path
    try XAPIStatements.jsonLines(statements).write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

/// The names in `folder` (hidden ones too).
private func names(in folder: URL) throws -> Set<String> {
    Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
}

private struct RenderingStopped: Error {}

@Suite("Cohort report: the file written as it is rendered", .serialized)
struct CohortReportFileTests {
    @Test("the report the program streams into its file is byte for byte the one rendered in memory, in each format")
    func streamedFileMatchesMemory() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let library = try ContentLibrary.load(knowledgeDirectory: knowledgeFolder, scenarioDirectory: scenarioFolder, language: "en")
        // Enough learners for the JSON and the HTML to pass several 64 KiB chunks.
        let input = try statementsFile(learners: 400, in: folder, scenarios: library.scenarios)
        var tally = CohortTally(scenarios: library.scenarios, knowledge: library.knowledge, options: .init(cohort: "spring-2027"))
        try CohortFiles.read([input], into: &tally)
        let report = tally.report(source: .files(count: 1))
        #expect(report.learnerCount == 400)
        for (format, name) in [(CohortFormat.markdown, "cohort.md"), (.json, "cohort.json"), (.html, "cohort.html")] {
            let output = folder.appendingPathComponent(name)
            let made = try runAttune(["cohort", "report", "--cohort", "spring-2027", "--knowledge", knowledgeFolder,
                                      "--scenarios", scenarioFolder, input, output.path])
            #expect(made.status == 0, "\(made.stderr)")
            let written = try Data(contentsOf: output)
            let inMemory = Data(try format.render(report).utf8)
            #expect(written == inMemory, "\(format): \(written.count) bytes written, \(inMemory.count) in memory")
            #expect(format == .markdown || written.count > CohortSink<Never>.defaultChunkSize, "\(format): \(written.count) bytes, more than a chunk")
            #expect((try FileManager.default.attributesOfItem(atPath: output.path)[.posixPermissions] as? Int) == 0o600)
            // "-": the same text on standard output.
            let shown = try runAttune(["cohort", "report", "--cohort", "spring-2027", "--knowledge", knowledgeFolder,
                                       "--scenarios", scenarioFolder, input, "-"])
            if format == .markdown { #expect(Data(shown.stdout.utf8) == inMemory) }
        }
        #expect(try names(in: folder) == ["cohort.jsonl", "cohort.md", "cohort.json", "cohort.html"], "no temporary file left")
    }

    @Test("an output folder that does not exist, or cannot be written, is named as before and leaves nothing behind")
    func folderProblems() throws {
        let folder = try temporaryDirectory()
        defer {
            chmod(folder.path, 0o700)
            try? FileManager.default.removeItem(at: folder)
        }
        let library = try ContentLibrary.load(knowledgeDirectory: knowledgeFolder, scenarioDirectory: scenarioFolder, language: "en")
        let input = try statementsFile(learners: 3, in: folder, scenarios: library.scenarios)
        let missing = folder.appendingPathComponent("no-such-folder/cohort.html").path
        let noFolder = try runAttune(["cohort", "report", "--cohort", "spring-2027", input, missing])
        #expect(noFolder.status == 1)
        #expect(noFolder.stderr == "error: Could not write \(missing): the folder \(folder.path)/no-such-folder does not exist.\n",
                "\(noFolder.stderr)")
        // A folder its owner may not write to; as root (who may write anywhere) a system folder that refuses even root.
        let locked = folder.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: false)
        chmod(locked.path, 0o500)
        let unwritable = getuid() == 0 ? "/sys" : locked.path
        let target = unwritable + "/cohort.json"
        let refused = try runAttune(["cohort", "report", "--cohort", "spring-2027", input, target])
        #expect(refused.status == 1)
        #expect(refused.stderr == "error: Could not write \(target): that place cannot be written to. Choose another folder.\n",
                "\(refused.stderr)")
        #expect(try names(in: locked).isEmpty)
        #expect(try names(in: folder) == ["cohort.jsonl", "locked"])
    }

    @Test("reading from an LRS, a report file that cannot be written is said before anything is read, in English and Spanish")
    func folderCheckedBeforeReading() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Port 9 on this machine refuses: had the LRS been asked first, this would be a
        // connection failure; the folder comes first.
        let missing = folder.appendingPathComponent("no-such-folder/cohort zoë 👶.md").path
        let arguments = ["cohort", "report", "--lrs", "http://127.0.0.1:9/xapi", "--cohort", "spring-2027",
                         "--user", "trainer", "--insecure-http", missing]
        let english = try runAttune(arguments, environment: ["ATTUNE_LRS_PASSWORD": "secret"])
        #expect(english.status == 1)
        #expect(english.stderr == "error: Could not write \(missing): the folder \(folder.path)/no-such-folder does not exist.\n",
                "\(english.stderr)")
        let spanish = try runAttune(arguments + ["--lang", "es"], environment: ["ATTUNE_LRS_PASSWORD": "secret"])
        #expect(spanish.status == 1)
        #expect(spanish.stderr.contains("no-such-folder") && !spanish.stderr.contains("127.0.0.1"), "\(spanish.stderr)")
        // A folder where the report's name is taken by a folder: the same, before reading.
        let taken = folder.appendingPathComponent("taken.md")
        try FileManager.default.createDirectory(at: taken, withIntermediateDirectories: false)
        let folderThere = try runAttune(Array(arguments.dropLast()) + [taken.path], environment: ["ATTUNE_LRS_PASSWORD": "secret"])
        #expect(folderThere.status == 1)
        #expect(!folderThere.stderr.contains("127.0.0.1") && folderThere.stderr.contains(taken.path), "\(folderThere.stderr)")
        #expect(try names(in: folder) == ["taken.md"])
    }

    @Test("rendering that stops half-way leaves the old file as it was and no temporary; a finished one replaces it, 0600")
    func stoppedHalfWay() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("cohort.md").path
        try "the old report\n".write(toFile: path, atomically: true, encoding: .utf8)
        let chunk = [UInt8](repeating: 0x61, count: 100_000)
        #expect(throws: RenderingStopped.self) {
            try PrivateFile.write(to: path) { chunks in
                try chunk.withUnsafeBytes { bytes in try chunks.write(bytes) }
                throw RenderingStopped()
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "the old report\n")
        #expect(try names(in: folder) == ["cohort.md"])

        // A chunk kept past the end of the write is refused, not written anywhere.
        var kept: PrivateFile.Chunks?
        let outcome = try PrivateFile.write(to: path) { chunks in
            kept = chunks
            for _ in 0..<3 { try chunk.withUnsafeBytes { bytes in try chunks.write(bytes) } }
        }
        #expect(outcome == .replaced)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count == 300_000)
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
        #expect(throws: PrivateFileError.self) {
            try chunk.withUnsafeBytes { bytes in try kept?.write(bytes) }
        }
        #expect(try names(in: folder) == ["cohort.md"])
    }

    @Test("a write that fails half-way (a full disk) is the message it always was: nothing changed; no crash")
    func failingDescriptor() throws {
        let path = "/tmp/cohort-report.md"
        // The draft owns the descriptor and closes it when it goes.
        let full = open("/dev/full", O_WRONLY | O_CLOEXEC)
        try #require(full >= 0)
        let draft = PrivateFile.Draft(path: path, folder: "/tmp", exists: false, descriptor: full, name: nil)
        let chunks = PrivateFile.Chunks(.draft(draft), path: path)
        let sink = CohortSink<PrivateFileError>(chunkSize: 16) { bytes throws(PrivateFileError) in try chunks.write(bytes) }
        let expected = PrivateFileError(problem: .diskFullNothingChanged, path: path)
        #expect(throws: expected) { try sink.line("# Cohort report: spring-2027") }
        #expect(throws: expected) { try sink.finish() }
        #expect(expected.message(English()) == "Could not write \(path): the disk is full. Nothing was changed.")
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
