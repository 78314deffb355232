import AttuneCore
import Foundation
import Testing
@testable import AttuneStore

private let t0 = Date(timeIntervalSince1970: 1_800_000_000)

private func newStore() throws -> ProgressStore {
    let path = NSTemporaryDirectory() + "attune-journal-\(UUID().uuidString)"
    return try ProgressStore(directory: path)
}

@Suite("Journal in the store: one case, search, delete")
struct JournalStoreTests {
    @Test("a case's entries are found by its id and origin; a draft's with the same id and group notes are not")
    func entriesOfOneCase() throws {
        let store = try newStore()
        let real = CaseKey(id: "visit")
        let draft = CaseKey(id: "visit", origin: "/home/author/cases")
        let room = try store.startGroupSession(real, at: t0)
        try store.addJournalEntry(text: "mine, in the visit", context: ReflectionContext(scenario: real), at: t0)
        try store.addJournalEntry(text: "in the author's draft", context: ReflectionContext(scenario: draft), at: t0)
        try store.addJournalEntry(text: "a group note", context: ReflectionContext(scenario: real, groupSession: room), at: t0)
        try store.addJournalEntry(text: "outside any case", context: ReflectionContext(), at: t0)
        #expect(try store.journal(of: real).map(\.text) == ["mine, in the visit"])
        #expect(try store.journal(of: draft).map(\.text) == ["in the author's draft"])
        #expect(try store.journal(of: CaseKey(id: "other")).isEmpty)
    }

    @Test("search ignores case and accents, needs every word, and reads the prompt too")
    func search() throws {
        let store = try newStore()
        try store.addJournalEntry(text: "Naïve of me to think the Crèche would call back.", context: ReflectionContext(), at: t0)
        try store.addJournalEntry(text: "She didn’t look up.", context: ReflectionContext(prompt: "What did the bottle mean?"),
                                  at: t0)
        try store.addJournalEntry(text: "Nothing about that here.", context: ReflectionContext(), at: t0)
        #expect(try store.searchJournal(["creche"]).map(\.id) == [1])
        #expect(try store.searchJournal(["NAIVE", "call"]).map(\.id) == [1])
        #expect(try store.searchJournal(["naive", "bottle"]).isEmpty)
        #expect(try store.searchJournal(["bottle"]).map(\.id) == [2], "the prompt is searched")
        #expect(try store.searchJournal(["didn't look"]).map(\.id) == [2], "a straight apostrophe finds a curly one")
        #expect(try store.searchJournal([]).isEmpty)
    }

    @Test("deleting an entry removes it for good, keeps the others' numbers, never reuses its number")
    func delete() throws {
        let store = try newStore()
        for text in ["one", "two", "three"] { try store.addJournalEntry(text: text, context: ReflectionContext(), at: t0) }
        #expect(try store.deleteJournalEntry(3))
        #expect(try store.deleteJournalEntry(3) == false, "already gone")
        #expect(try store.journal().map(\.id) == [1, 2])
        let next = try store.addJournalEntry(text: "four", context: ReflectionContext(), at: t0)
        #expect(next.id == 4, "a deleted entry's number is not used again")
        #expect(try store.activityLog().journal.map(\.text) == ["one", "two", "four"], "gone from what exports read")
        #expect(try store.progress().journalEntries == 3)
    }

    @Test("a group note cannot be deleted as a journal entry")
    func groupNoteIsNotDeleted() throws {
        let store = try newStore()
        let room = try store.startGroupSession(CaseKey(id: "visit"), at: t0)
        let note = try store.addJournalEntry(text: "the room's note", context: ReflectionContext(groupSession: room), at: t0)
        #expect(try store.deleteJournalEntry(note.id) == false)
        #expect(try store.groupSession(room)?.notes.map(\.text) == ["the room's note"])
    }
}
