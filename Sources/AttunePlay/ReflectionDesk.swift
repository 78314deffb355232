import AttuneCore
import AttuneStore
import Foundation

/// Why a reflection was not kept.
public enum ReflectionError: Error, Sendable, Equatable {
    /// Nothing but spaces was written.
    case empty
    /// There is nowhere to keep it (the progress file could not be opened).
    case noJournal
    /// Saving failed; the words are still in the draft (or on screen) and nothing was lost.
    case notSaved(String)
}

/// The journal's rules: a reflection is kept exactly as written, and a reflection written
/// over several lines is a draft in the record from its first line, so closing the window,
/// a crash or Ctrl-C never loses a line that was entered.
public final class ReflectionDesk {
    private let store: ProgressStore?
    private let now: () -> Date

    public init(store: ProgressStore?, now: @escaping () -> Date = Date.init) {
        self.store = store
        self.now = now
    }

    public var isAvailable: Bool { store != nil }

    /// Saves a one-line reflection exactly as given.
    public func save(_ text: String, context: ReflectionContext) throws(ReflectionError) -> JournalEntry {
        guard !text.allSatisfy(\.isWhitespace) else { throw .empty }
        let store = try requireStore()
        do {
            return try store.addJournalEntry(text: text, context: context, at: now())
        } catch {
            throw .notSaved(error.description)
        }
    }

    /// Starts a draft tied to `context`.
    public func begin(_ context: ReflectionContext) throws(ReflectionError) -> ReflectionDraft {
        let store = try requireStore()
        do {
            return try store.beginDraft(context, at: now())
        } catch {
            throw .notSaved(error.description)
        }
    }

    /// Adds an entered line to the draft; it is in the record when this returns.
    public func add(_ line: String, to draft: inout ReflectionDraft) throws(ReflectionError) {
        let store = try requireStore()
        do {
            try store.appendDraftLine(line, to: draft.id, at: now())
        } catch {
            throw .notSaved(error.description)
        }
        draft.text = draft.lineCount == 0 ? line : draft.text + "\n" + line
        draft.lineCount += 1
    }

    /// Adds a pasted block to the draft, one line at a time, line breaks and all: each line is
    /// in the record when this returns, as if entered. A line holding only "." is text here.
    public func add(pasted text: String, to draft: inout ReflectionDraft) throws(ReflectionError) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            try add(String(line), to: &draft)
        }
    }

    /// Moves the draft into the journal. An all-blank draft is discarded and reported as empty.
    @discardableResult
    public func finish(_ draft: ReflectionDraft) throws(ReflectionError) -> JournalEntry {
        let store = try requireStore()
        let entry: JournalEntry?
        do {
            entry = try store.saveDraft(draft.id, at: now())
        } catch {
            throw .notSaved(error.description)
        }
        guard let entry else { throw .empty }
        return entry
    }

    public func discard(_ draft: ReflectionDraft) throws(ReflectionError) {
        let store = try requireStore()
        do {
            try store.discardDraft(draft.id)
        } catch {
            throw .notSaved(error.description)
        }
    }

    /// A draft left unfinished by a closed window or a crash, if any (the oldest first).
    public func unfinished() -> ReflectionDraft? {
        (try? store?.drafts())?.first
    }

    private func requireStore() throws(ReflectionError) -> ProgressStore {
        guard let store else { throw .noJournal }
        return store
    }
}
