import AttuneCore
import Foundation
import GRDB

extension ProgressStore {
    // MARK: Group sessions

    /// Starts a room's run through a case.
    public func startGroupSession(_ scenario: CaseKey? = nil, at date: Date) throws(StoreError) -> Int64 {
        try write { db in
            try db.execute(sql: "INSERT INTO groupSession (startedAt, scenario, origin) VALUES (?, ?, ?)",
                           arguments: [date, scenario?.id, scenario?.origin])
            return db.lastInsertedRowID
        }
    }

    /// Every group session that holds something, newest first.
    public func groupSessions() throws(StoreError) -> [GroupSessionSummary] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.id, s.startedAt, s.endedAt, s.scenario, s.origin,
                  (SELECT COUNT(*) FROM groupDecision d WHERE d.session = s.id AND d.undoneAt IS NULL) AS decisions,
                  (SELECT COUNT(*) FROM journal j WHERE j.groupSession = s.id) AS notes
                FROM groupSession s ORDER BY s.id DESC
                """).compactMap { row in
                let scenario: String? = row["scenario"]
                let summary = GroupSessionSummary(
                    id: row["id"], startedAt: row["startedAt"], endedAt: row["endedAt"],
                    scenario: scenario.map { CaseKey(id: $0, origin: row["origin"] ?? CaseKey.bundledOrigin) },
                    decisions: row["decisions"], notes: row["notes"])
                return summary.scenario == nil && summary.decisions == 0 && summary.notes == 0 ? nil : summary
            }
        }
    }

    /// Marks a session as going on again (`group resume`).
    public func reopenGroupSession(_ id: Int64) throws(StoreError) {
        try write { db in try db.execute(sql: "UPDATE groupSession SET endedAt = NULL WHERE id = ?", arguments: [id]) }
    }

    public func endGroupSession(_ id: Int64, at date: Date) throws(StoreError) {
        try write { db in
            try db.execute(sql: "UPDATE groupSession SET endedAt = ? WHERE id = ? AND endedAt IS NULL", arguments: [date, id])
        }
    }

    /// The most recent group session that holds something, for `group export` after `group off`.
    public func latestGroupSession() throws(StoreError) -> Int64? {
        try groupSessions().first?.id
    }

    public func recordGroupDecision(session: Int64, scenario: String, node: String, choice: String, rating: Rating,
                                    offered: [String], tally: [Int]?, at date: Date) throws(StoreError) {
        try write { db in
            try db.execute(sql: """
                INSERT INTO groupDecision (session, scenario, node, choice, rating, offered, tally, madeAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [session, scenario, node, choice, rating.rawValue, offered.joined(separator: ","),
                                 tally?.map(String.init).joined(separator: ","), date])
        }
    }

    /// `back` in group mode: the last decision is marked as taken back.
    public func undoLastGroupDecision(session: Int64, at date: Date) throws(StoreError) {
        try write { db in
            try db.execute(sql: """
                UPDATE groupDecision SET undoneAt = ? WHERE id = (
                  SELECT id FROM groupDecision WHERE session = ? AND undoneAt IS NULL ORDER BY id DESC LIMIT 1)
                """, arguments: [date, session])
        }
    }

    public func groupSession(_ id: Int64) throws(StoreError) -> GroupSessionRecord? {
        let notes = try journalEntries(sql: "SELECT * FROM journal WHERE groupSession = ? ORDER BY createdAt, id", arguments: [id])
        return try read { db in
            guard let session = try Row.fetchOne(db, sql: "SELECT * FROM groupSession WHERE id = ?", arguments: [id]) else {
                return nil
            }
            let decisions = try Row.fetchAll(db, sql: """
                SELECT * FROM groupDecision WHERE session = ? AND undoneAt IS NULL ORDER BY id
                """, arguments: [id]).map { row in
                let tally: String? = row["tally"]
                let offered: String = row["offered"]
                return GroupDecision(
                    scenarioID: row["scenario"], node: row["node"], choice: row["choice"],
                    rating: Rating(rawValue: row["rating"]) ?? .partial,
                    offered: offered.split(separator: ",").map(String.init),
                    tally: tally.map { $0.split(separator: ",").compactMap { Int($0) } }, madeAt: row["madeAt"])
            }
            let scenario: String? = session["scenario"]
            return GroupSessionRecord(id: id, startedAt: session["startedAt"], endedAt: session["endedAt"],
                                      scenario: scenario.map { CaseKey(id: $0, origin: session["origin"] ?? CaseKey.bundledOrigin) },
                                      decisions: decisions, notes: notes)
        }
    }
}
