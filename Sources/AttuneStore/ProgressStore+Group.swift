import AttuneCore
import Foundation
import GRDB

extension ProgressStore {
    // MARK: Group sessions

    public func startGroupSession(at date: Date) throws(StoreError) -> Int64 {
        try write { db in
            try db.execute(sql: "INSERT INTO groupSession (startedAt) VALUES (?)", arguments: [date])
            return db.lastInsertedRowID
        }
    }

    public func endGroupSession(_ id: Int64, at date: Date) throws(StoreError) {
        try write { db in
            try db.execute(sql: "UPDATE groupSession SET endedAt = ? WHERE id = ? AND endedAt IS NULL", arguments: [date, id])
        }
    }

    /// The most recent group session, for `group export` after `group off`.
    public func latestGroupSession() throws(StoreError) -> Int64? {
        try read { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM groupSession") }
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
            return GroupSessionRecord(id: id, startedAt: session["startedAt"], endedAt: session["endedAt"],
                                      decisions: decisions, notes: notes)
        }
    }
}
