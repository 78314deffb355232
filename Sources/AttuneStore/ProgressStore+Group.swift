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
                  (SELECT COUNT(*) FROM groupDecision d WHERE d.session = s.id AND d.undoneAt IS NULL AND d.pass = s.pass) AS decisions,
                  (SELECT COUNT(*) FROM journal j WHERE j.groupSession = s.id) AS notes
                FROM groupSession s ORDER BY s.id DESC
                """).compactMap { row -> GroupSessionSummary? in
                // A session whose values cannot be read is left out (reported at start).
                let row = StoredRow(row)
                guard let scenario: String? = try? row["scenario"], let origin: String? = try? row["origin"],
                      let summary = try? GroupSessionSummary(
                        id: row["id"], startedAt: row["startedAt"], endedAt: row["endedAt"],
                        scenario: scenario.map { CaseKey(id: $0, origin: origin ?? CaseKey.bundledOrigin) },
                        decisions: row["decisions"], notes: row["notes"]) else { return nil }
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
                                    offered: [String], tally: [Int]?, source: TallySource? = nil, roomSize: Int? = nil,
                                    at date: Date) throws(StoreError) {
        try write { db in
            let pass = try Int.fetchOne(db, sql: "SELECT pass FROM groupSession WHERE id = ?", arguments: [session]) ?? 1
            try db.execute(sql: """
                INSERT INTO groupDecision (session, scenario, node, choice, rating, offered, tally, tallySource, roomSize, pass, madeAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [session, scenario, node, choice, rating.rawValue, offered.joined(separator: ","),
                                 tally?.map(String.init).joined(separator: ","), tally == nil ? nil : (source ?? .typed).rawValue,
                                 tally == nil ? nil : roomSize, pass, date])
            // The moment's tally went with the decision.
            try db.execute(sql: "DELETE FROM groupPending WHERE session = ?", arguments: [session])
        }
    }

    /// `back` in group mode: the last decision of the pass is marked as taken back, and stays in the record.
    public func undoLastGroupDecision(session: Int64, at date: Date) throws(StoreError) {
        try write { db in
            try db.execute(sql: """
                UPDATE groupDecision SET undoneAt = ? WHERE id = (
                  SELECT d.id FROM groupDecision d JOIN groupSession s ON s.id = d.session
                  WHERE d.session = ? AND d.undoneAt IS NULL AND d.pass = s.pass ORDER BY d.id DESC LIMIT 1)
                """, arguments: [date, session])
            try db.execute(sql: "DELETE FROM groupPending WHERE session = ?", arguments: [session])
        }
    }

    /// `restart` in group mode: a new pass through the case; the earlier passes stay in the record.
    @discardableResult
    public func startGroupPass(session: Int64) throws(StoreError) -> Int {
        try write { db in
            try db.execute(sql: "UPDATE groupSession SET pass = pass + 1 WHERE id = ?", arguments: [session])
            try db.execute(sql: "DELETE FROM groupPending WHERE session = ?", arguments: [session])
            return try Int.fetchOne(db, sql: "SELECT pass FROM groupSession WHERE id = ?", arguments: [session]) ?? 1
        }
    }

    /// Keeps the moment's tally and phone votes (nil: there are none to keep).
    public func saveGroupPending(session: Int64, _ pending: GroupPending?, at date: Date) throws(StoreError) {
        try write { db in
            guard let pending else {
                try db.execute(sql: "DELETE FROM groupPending WHERE session = ?", arguments: [session])
                return
            }
            let ballots = String(decoding: try JSONEncoder().encode(pending.ballots), as: UTF8.self)
            try db.execute(sql: """
                INSERT OR REPLACE INTO groupPending (session, pass, step, node, voting, tally, tallySource, roomSize, ballots, updatedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [session, pending.pass, pending.step, pending.node, pending.voting,
                                 pending.tally?.map(String.init).joined(separator: ","), pending.tallySource?.rawValue,
                                 pending.roomSize, ballots, date])
        }
    }

    public func groupSession(_ id: Int64) throws(StoreError) -> GroupSessionRecord? {
        let notes = try journalEntries(sql: "SELECT * FROM journal WHERE groupSession = ? ORDER BY createdAt, id", arguments: [id])
        return try read { db in
            guard let session = try Row.fetchOne(db, sql: "SELECT * FROM groupSession WHERE id = ?", arguments: [id]) else {
                return nil
            }
            let decisions = Self.readable(try Row.fetchAll(db, sql: "SELECT * FROM groupDecision WHERE session = ? ORDER BY id",
                                                            arguments: [id]), Self.groupDecision)
            let pending = try Row.fetchOne(db, sql: "SELECT * FROM groupPending WHERE session = ?", arguments: [id]).flatMap { row in
                Self.readable([row]) { row -> GroupPending in
                    let ballots: String = try row["ballots"]
                    return GroupPending(pass: try row["pass"], step: try row["step"], node: try row["node"], voting: try row["voting"],
                                        tally: Self.counts(try row["tally"]),
                                        tallySource: (try row["tallySource"] as String?).flatMap(TallySource.init(rawValue:)),
                                        roomSize: try row["roomSize"],
                                        ballots: (try? JSONDecoder().decode([String: Int].self, from: Data(ballots.utf8))) ?? [:])
                }.first
            }
            let stored = StoredRow(session)
            guard let startedAt: Date = try? stored["startedAt"] else { return nil }
            let scenario: String? = try? stored["scenario"]
            let origin: String? = try? stored["origin"]
            let pass: Int? = try? stored["pass"]
            let endedAt: Date? = try? stored["endedAt"]
            return GroupSessionRecord(id: id, startedAt: startedAt, endedAt: endedAt,
                                      scenario: scenario.map { CaseKey(id: $0, origin: origin ?? CaseKey.bundledOrigin) },
                                      pass: pass ?? 1, allDecisions: decisions, notes: notes, pending: pending)
        }
    }

    private static func counts(_ text: String?) -> [Int]? {
        text.map { $0.split(separator: ",").compactMap { Int($0) } }
    }
}
