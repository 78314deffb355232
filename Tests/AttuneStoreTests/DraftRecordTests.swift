import AttuneCore
import Foundation
import Testing
@testable import AttuneStore

private let t0 = Date(timeIntervalSince1970: 1_800_000_000)

/// Issue 22, item 9: a case is its id and its origin everywhere the record is read. A draft
/// that reuses a bundled case's id never enters the learner's progress or learning record
/// unless asked for, and its journal entries say which case they were written in.
@Suite("Drafts in the record")
struct DraftRecordTests {
    private let real = CaseKey(id: "maya")
    private let draft = CaseKey(id: "maya", origin: "/home/author/drafts")

    private func store() throws -> ProgressStore {
        let path = NSTemporaryDirectory() + "attune-drafts-\(UUID().uuidString)"
        let store = try ProgressStore(directory: path)
        let realRun = try store.startPlaythrough(real, at: t0)
        try store.recordChoice(playthrough: realRun, step: 0, node: "door", choice: "greet", rating: .attuned,
                               competencies: ["c.real"], at: t0)
        let draftRun = try store.startPlaythrough(draft, at: t0.addingTimeInterval(10))
        try store.recordChoice(playthrough: draftRun, step: 0, node: "door", choice: "forms", rating: .missed,
                               competencies: ["c.draft"], at: t0.addingTimeInterval(11))
        try store.finish(playthrough: draftRun, ending: "draft-ending", kind: .concerning, at: t0.addingTimeInterval(12))
        try store.addJournalEntry(text: "in the real case", context: ReflectionContext(scenario: real, node: "door"), at: t0)
        try store.addJournalEntry(text: "in the draft", context: ReflectionContext(scenario: draft, node: "door"),
                                  at: t0.addingTimeInterval(13))
        return store
    }

    @Test("progress counts the bundled case only, and says how many draft cases it left out")
    func progressLeavesDraftsOut() throws {
        let summary = try store().progress()
        #expect(summary.finishedCases.isEmpty)
        #expect(summary.inProgressCases == [real])
        #expect(summary.endings.isEmpty)
        #expect(summary.ratingCounts == [.attuned: 1])
        #expect(summary.competencies == ["c.real": 1])
        #expect(summary.journalEntries == 1)
        #expect(summary.draftsLeftOut == 1)
    }

    @Test("with drafts asked for, the draft's ending is its own, never the real case's")
    func progressWithDrafts() throws {
        let summary = try store().progress(includeDrafts: true)
        #expect(summary.finishedCases == [draft])
        #expect(summary.inProgressCases == [real])
        #expect(summary.endings.map(\.key) == [draft])
        #expect(summary.ratingCounts == [.attuned: 1, .missed: 1])
        #expect(summary.journalEntries == 2)
        #expect(summary.draftsLeftOut == 0)
    }

    @Test("the learning record leaves the draft's case, choices and entries out unless asked")
    func activityLog() throws {
        let store = try store()
        let log = try store.activityLog()
        #expect(log.playthroughs.map(\.origin) == [CaseKey.bundledOrigin])
        #expect(log.choices.map(\.choice) == ["greet"])
        #expect(log.journal.map(\.text) == ["in the real case"])
        let all = try store.activityLog(includeDrafts: true)
        #expect(all.playthroughs.map(\.origin) == [CaseKey.bundledOrigin, draft.origin])
        #expect(all.choices.count == 2)
        #expect(all.journal.map(\.caseKey) == [real, draft])
    }

    @Test("each journal entry names the case it was written in: id and origin")
    func journalOrigins() throws {
        let entries = try store().journal()
        #expect(entries.map(\.caseKey) == [real, draft])
        #expect(entries.map(\.isFromDraft) == [false, true])
    }
}
