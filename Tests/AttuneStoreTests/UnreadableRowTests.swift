import AttuneCore
import Foundation
import GRDB
import Testing
@testable import AttuneStore

private func temporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "attune-unreadable-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

private let t0 = Date(timeIntervalSince1970: 1_800_000_000)

/// Issue 23, item 8: one value in the learner's file that cannot be read (a date written as
/// words, bytes where a date belongs) never stops Attune; that row is skipped, kept in the
/// file and named once, and the rest of the record works.
@Suite("Unreadable rows")
struct UnreadableRowTests {
    /// A store with two journal entries, a finished case and a draft, then `damage` written
    /// straight into the file, as another program or a disk fault might.
    private func damagedStore(_ damage: String) throws -> ProgressStore {
        let directory = try temporaryDirectory()
        do {
            let store = try ProgressStore(directory: directory)
            try store.addJournalEntry(text: "first", context: ReflectionContext(), at: t0)
            try store.addJournalEntry(text: "second", context: ReflectionContext(), at: t0.addingTimeInterval(60))
            let id = try store.startPlaythrough(CaseKey(id: "visit"), at: t0)
            try store.recordChoice(playthrough: id, step: 0, node: "arrival", choice: "greet", rating: .attuned,
                                   competencies: ["c.one"], at: t0)
            try store.finish(playthrough: id, ending: "warm", kind: .hopeful, at: t0)
            _ = try store.beginDraft(ReflectionContext(), at: t0)
            store.close()
        }
        let queue = try DatabaseQueue(path: directory + "/attune.sqlite")
        try queue.write { try $0.execute(sql: damage) }
        try queue.close()
        return try ProgressStore(directory: directory)
    }

    @Test("a journal date written as words: the other entry reads, the bad one is named and kept")
    func badJournalDate() throws {
        let store = try damagedStore("UPDATE journal SET createdAt = 'last tuesday' WHERE id = 1")
        #expect(try store.journal().map(\.text) == ["second"])
        #expect(try store.activityLog().journal.map(\.text) == ["second"])
        #expect(try store.progress().journalEntries == 1)
        #expect(store.unreadableRows() == [UnreadableRow(table: "journal", rowID: 1)])
        let notice = try #require(store.unreadableNotice())
        #expect(notice.hasPrefix("One part of your record could not be read: a journal entry (row 1 of the table 'journal')."))
        #expect(notice.contains("kept in \(store.path)"))
        let kept = try DatabaseQueue(path: store.path).read { try String.fetchAll($0, sql: "SELECT text FROM journal ORDER BY id") }
        #expect(kept == ["first", "second"])
    }

    @Test("bytes where a playthrough's date belongs: progress, statuses and the export skip it")
    func badPlaythroughDate() throws {
        let store = try damagedStore("UPDATE playthrough SET startedAt = x'00ff', finishedAt = 'soon' WHERE id = 1")
        #expect(try store.progress().finishedCases.isEmpty)
        #expect(try store.activityLog().playthroughs.isEmpty)
        #expect(try store.statuses()[CaseKey(id: "visit")] == .done)
        #expect(store.unreadableRows() == [UnreadableRow(table: "playthrough", rowID: 1)])
    }

    @Test("a draft with a date it cannot read, and a choice whose step is text, are left out")
    func badDraftAndChoice() throws {
        let store = try damagedStore("UPDATE draft SET startedAt = 'x'; UPDATE choice SET step = 'two', madeAt = 'never'")
        #expect(try store.drafts().isEmpty)
        #expect(try store.activityLog().choices.isEmpty)
        #expect(try store.progress().ratingCounts.isEmpty)
        #expect(store.unreadableRows().map(\.table) == ["choice", "draft"])
        #expect(store.unreadableNotice()?.hasPrefix("2 parts of your record could not be read: a choice you made (row 1 of "
            + "the table 'choice') and an unfinished reflection (row 1 of the table 'draft').") == true)
    }

    @Test("a record with nothing wrong has nothing to report")
    func healthy() throws {
        let store = try damagedStore("SELECT 1")
        #expect(store.unreadableRows().isEmpty)
        #expect(store.unreadableNotice() == nil)
    }
}
