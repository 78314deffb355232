import AttuneCore
import Foundation
import GRDB
import Testing
@testable import AttuneStore

private func temporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "attune-store-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

private func mode(_ path: String) throws -> Int {
    try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? -1
}

private let t0 = Date(timeIntervalSince1970: 1_800_000_000)

private let visit = CaseKey(id: "visit")

@Suite("Progress store")
struct ProgressStoreTests {
    @Test("the database is private (0600) in a private folder (0700) and uses WAL")
    func privacy() throws {
        let parent = try temporaryDirectory()
        let directory = parent + "/data"
        let store = try ProgressStore(directory: directory)
        #expect(try mode(store.path) == 0o600)
        #expect(try mode(directory) == 0o700)
        try store.addJournalEntry(text: "x", context: ReflectionContext(), at: t0)
        if FileManager.default.fileExists(atPath: store.path + "-wal") {
            #expect(try mode(store.path + "-wal") == 0o600)
        }
        let queue = try DatabaseQueue(path: store.path)
        #expect(try queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
    }

    @Test("choices are kept in order; back marks the last one taken back; a reopened store resumes")
    func playthroughs() throws {
        let directory = try temporaryDirectory()
        var store: ProgressStore? = try ProgressStore(directory: directory)
        let id = try store!.startPlaythrough(visit, at: t0)
        try store!.recordChoice(playthrough: id, step: 0, node: "arrival", choice: "greet-baby", rating: .attuned,
                                competencies: ["competency.direct-service"], at: t0)
        try store!.recordChoice(playthrough: id, step: 1, node: "gaze", choice: "talk", rating: .partial,
                                competencies: [], at: t0)
        try store!.undoLastChoice(playthrough: id, at: t0)
        try store!.recordChoice(playthrough: id, step: 1, node: "gaze", choice: "wait", rating: .attuned,
                                competencies: ["competency.reflection"], at: t0)
        store = nil
        let reopened = try ProgressStore(directory: directory)
        let active = try #require(try reopened.activePlaythrough(visit))
        #expect(active.id == id)
        #expect(active.choices == ["greet-baby", "wait"])
        #expect(try reopened.statuses() == [visit: .inProgress])
    }

    @Test("finishing records the ending; a restart leaves the old playthrough out of the counts")
    func finishing() throws {
        let store = try ProgressStore(directory: try temporaryDirectory())
        let first = try store.startPlaythrough(visit, at: t0)
        try store.recordChoice(playthrough: first, step: 0, node: "a", choice: "x", rating: .missed, competencies: [], at: t0)
        let second = try store.startPlaythrough(visit, at: t0)
        #expect(try store.activePlaythrough(visit)?.id == second)
        try store.recordChoice(playthrough: second, step: 0, node: "a", choice: "y", rating: .attuned,
                               competencies: ["competency.reflection", "competency.thinking"], at: t0)
        try store.finish(playthrough: second, ending: "warm", kind: .hopeful, at: t0)
        #expect(try store.activePlaythrough(visit) == nil)
        #expect(try store.statuses() == [visit: .done])
        let summary = try store.progress()
        #expect(summary.finishedCases == [visit])
        #expect(summary.endings.map(\.ending) == ["warm"])
        #expect(summary.ratingCounts == [.attuned: 1])
        #expect(summary.competencies == ["competency.reflection": 1, "competency.thinking": 1])
    }

    @Test("journal entries keep their moment and order")
    func journal() throws {
        let store = try ProgressStore(directory: try temporaryDirectory())
        try store.addJournalEntry(text: "first", context: ReflectionContext(scenario: visit, node: "gaze", prompt: "What did you feel?"), at: t0)
        try store.addJournalEntry(text: "second", context: ReflectionContext(), at: t0.addingTimeInterval(60))
        let entries = try store.journal()
        #expect(entries.map(\.text) == ["first", "second"])
        #expect(entries[0].scenarioID == "visit")
        #expect(entries[0].nodeID == "gaze")
        #expect(entries[0].prompt == "What did you feel?")
        #expect(entries[0].createdAt == t0)
        #expect(try store.progress().journalEntries == 2)
    }

    @Test("a damaged file gives a clear message naming it and a backup copy, and is not overwritten")
    func damaged() throws {
        let directory = try temporaryDirectory()
        let path = directory + "/" + ProgressStore.fileName
        let garbage = Data(repeating: 0x41, count: 4096)
        try garbage.write(to: URL(fileURLWithPath: path))
        var message = ""
        #expect {
            _ = try ProgressStore(directory: directory)
        } throws: { error in
            message = "\(error)"
            return message.contains("is damaged") && message.contains(path) && message.contains("A copy was kept at")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
        let copies = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.contains(".backup-") }
        #expect(copies.count == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: directory + "/" + copies[0])) == garbage)
    }

    @Test("a file from a newer version is left alone, with a copy and a clear message")
    func newerVersion() throws {
        let directory = try temporaryDirectory()
        let store = try ProgressStore(directory: directory)
        try store.addJournalEntry(text: "keep me", context: ReflectionContext(), at: t0)
        let path = store.path
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
        #expect {
            _ = try ProgressStore(directory: directory)
        } throws: { error in
            "\(error)".contains("written by a newer version of Attune") && "\(error)".contains("A copy is at")
        }
        let entries = try queue.read { try String.fetchAll($0, sql: "SELECT text FROM journal") }
        #expect(entries == ["keep me"])
    }

    @Test("a folder that cannot be written gives a clear message")
    func unwritable() throws {
        let directory = try temporaryDirectory()
        let file = directory + "/not-a-folder"
        _ = FileManager.default.createFile(atPath: file, contents: Data())
        #expect {
            _ = try ProgressStore(directory: file)
        } throws: { error in
            "\(error)".contains("is a file, not a folder")
        }
        #expect {
            _ = try ProgressStore(directory: "/proc/attune-cannot-exist/data")
        } throws: { error in
            "\(error)".contains("cannot create the folder")
        }
    }
}
