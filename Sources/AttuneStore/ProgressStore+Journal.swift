import AttuneCore
import Foundation
import GRDB

extension ProgressStore {
    // MARK: Journal

    /// Saves a journal entry, exactly as written; with a group session, it is that
    /// session's group note.
    @discardableResult
    public func addJournalEntry(text: String, context: ReflectionContext, at date: Date) throws(StoreError) -> JournalEntry {
        try write { db in try Self.insertJournalEntry(db, text: text, context: context, at: date) }
    }

    private static func insertJournalEntry(_ db: Database, text: String, context: ReflectionContext, at date: Date) throws
        -> JournalEntry {
        try db.execute(sql: """
            INSERT INTO journal (createdAt, scenario, origin, node, playthrough, prompt, text, groupSession)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [date, context.scenario?.id, context.scenario?.origin, context.node, context.playthrough,
                             context.prompt, text, context.groupSession])
        let origin = context.scenario.map(\.origin).flatMap { $0 == CaseKey.bundledOrigin ? nil : $0 }
        return JournalEntry(id: db.lastInsertedRowID, createdAt: date, scenarioID: context.scenario?.id, origin: origin, nodeID: context.node,
                            prompt: context.prompt, text: text, groupSession: context.groupSession)
    }

    // MARK: Drafts

    /// Starts a reflection draft; each line is added as it is entered.
    public func beginDraft(_ context: ReflectionContext, at date: Date) throws(StoreError) -> ReflectionDraft {
        try write { db in
            try db.execute(sql: """
                INSERT INTO draft (startedAt, updatedAt, scenario, origin, node, playthrough, prompt, groupSession)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [date, date, context.scenario?.id, context.scenario?.origin, context.node, context.playthrough,
                                 context.prompt, context.groupSession])
            return ReflectionDraft(id: db.lastInsertedRowID, startedAt: date, updatedAt: date, context: context, text: "",
                                   lineCount: 0)
        }
    }

    /// Adds one entered line to a draft, committed before it returns.
    public func appendDraftLine(_ line: String, to draft: Int64, at date: Date) throws(StoreError) {
        try write { db in
            try db.execute(sql: """
                UPDATE draft SET text = CASE WHEN lineCount = 0 THEN ? ELSE text || char(10) || ? END,
                  lineCount = lineCount + 1, updatedAt = ? WHERE id = ?
                """, arguments: [line, line, date, draft])
        }
    }

    /// The unfinished drafts, oldest first (normally at most one).
    public func drafts() throws(StoreError) -> [ReflectionDraft] {
        try read { db in
            Self.readable(try Row.fetchAll(db, sql: "SELECT * FROM draft ORDER BY id"), Self.draft)
        }
    }

    /// Moves a draft into the journal as it stands, in one transaction. Returns the entry,
    /// or nil when the draft held nothing but blank lines (it is then discarded).
    @discardableResult
    public func saveDraft(_ draft: Int64, at date: Date) throws(StoreError) -> JournalEntry? {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM draft WHERE id = ?", arguments: [draft]) else { return nil }
            try db.execute(sql: "DELETE FROM draft WHERE id = ?", arguments: [draft])
            let text: String = try StoredRow(row)["text"]
            guard !text.allSatisfy(\.isWhitespace) else { return nil }
            let context = try Self.reflectionContext(StoredRow(row))
            return try Self.insertJournalEntry(db, text: text, context: context, at: date)
        }
    }

    public func discardDraft(_ draft: Int64) throws(StoreError) {
        try write { db in try db.execute(sql: "DELETE FROM draft WHERE id = ?", arguments: [draft]) }
    }

    /// The learner's own journal (group notes are kept with their session).
    public func journal() throws(StoreError) -> [JournalEntry] {
        try journalEntries(sql: "SELECT * FROM journal WHERE groupSession IS NULL ORDER BY createdAt, id")
    }

    /// The learner's entries written in one case, known by its id and the folder it came from.
    public func journal(of key: CaseKey) throws(StoreError) -> [JournalEntry] {
        try journalEntries(sql: """
            SELECT * FROM journal WHERE groupSession IS NULL AND scenario = ? AND COALESCE(origin, ?) = ?
            ORDER BY createdAt, id
            """, arguments: [key.id, CaseKey.bundledOrigin, key.origin])
    }

    /// The learner's entries that mention every one of `words` in their text or the prompt
    /// they answered, ignoring case and accents ("creche" finds "Crèche").
    public func searchJournal(_ words: [String]) throws(StoreError) -> [JournalEntry] {
        let wanted = words.map(JournalEntry.folded).filter { !$0.isEmpty }
        guard !wanted.isEmpty else { return [] }
        return try journal().filter { entry in
            let text = JournalEntry.folded(entry.text + "\n" + (entry.prompt ?? ""))
            return wanted.allSatisfy { text.contains($0) }
        }
    }

    /// Deletes one of the learner's own entries for good (a group note is never deleted
    /// here). Returns false when there is no such entry. Its number is never used again.
    @discardableResult
    public func deleteJournalEntry(_ id: Int64) throws(StoreError) -> Bool {
        try write { db in
            try db.execute(sql: "DELETE FROM journal WHERE id = ? AND groupSession IS NULL", arguments: [id])
            return db.changesCount > 0
        }
    }

    func journalEntries(sql: String, arguments: StatementArguments = []) throws(StoreError) -> [JournalEntry] {
        try read { db in
            Self.readable(try Row.fetchAll(db, sql: sql, arguments: arguments), Self.journalEntry)
        }
    }
}

extension JournalEntry {
    /// Text as compared by a journal search: lower case, without accents, with curly
    /// apostrophes and quotation marks made straight.
    static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'")
            .replacingOccurrences(of: "\u{201C}", with: "\"").replacingOccurrences(of: "\u{201D}", with: "\"")
    }
}
