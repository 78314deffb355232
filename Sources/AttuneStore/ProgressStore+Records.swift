import AttuneCore
import Foundation
import GRDB

extension ProgressStore {
    // MARK: Learning records

    /// Everything the learning-record export needs, in order.
    public func activityLog() throws(StoreError) -> ActivityLog {
        let journal = try journalEntries(sql: "SELECT * FROM journal WHERE groupSession IS NULL ORDER BY id")
        return try read { db in
            let playthroughs = try Row.fetchAll(db, sql: "SELECT * FROM playthrough ORDER BY id").map { row in
                ActivityLog.Playthrough(
                    id: row["id"], scenarioID: row["scenario"], origin: row["origin"], startedAt: row["startedAt"],
                    status: row["status"],
                    ending: row["ending"], endingKind: (row["endingKind"] as String?).flatMap(EndingKind.init),
                    finishedAt: row["finishedAt"])
            }
            let choices = try Row.fetchAll(db, sql: "SELECT * FROM choice WHERE undoneAt IS NULL AND carriedOver = 0 ORDER BY id").map { row in
                let competencies: String = row["competencies"]
                return ActivityLog.Choice(
                    id: row["id"], playthrough: row["playthrough"], step: row["step"], node: row["node"], choice: row["choice"],
                    rating: Rating(rawValue: row["rating"]) ?? .partial,
                    competencies: competencies.split(separator: ",").map(String.init), madeAt: row["madeAt"])
            }
            return ActivityLog(playthroughs: playthroughs, choices: choices, journal: journal)
        }
    }

    /// Statement ids already accepted by `endpoint` (its normalised address: the sent-statement
    /// record is keyed by endpoint and statement, so a statement sent to one LRS still goes to
    /// another).
    public func sentStatements(endpoint: String) throws(StoreError) -> Set<String> {
        try read { db in
            Set(try String.fetchAll(db, sql: "SELECT statement FROM xapiSent WHERE endpoint = ?", arguments: [endpoint]))
        }
    }

    /// Records statements `endpoint` has confirmed it holds.
    public func markSent(_ statements: [String], endpoint: String, at date: Date) throws(StoreError) {
        try write { db in
            for statement in statements {
                try db.execute(sql: "INSERT OR IGNORE INTO xapiSent (endpoint, statement, sentAt) VALUES (?, ?, ?)",
                               arguments: [endpoint, statement, date])
            }
        }
    }

    /// Files records kept under another spelling of an address (written by an older Attune,
    /// before addresses were normalised) under `normalise(endpoint)`, so a statement sent to
    /// `HTTP://LRS.example.org:80/xAPI/` counts as sent to `http://lrs.example.org/xAPI/statements`.
    /// Endpoints `normalise` cannot read (nil) are left as they are.
    public func refileSentStatements(normalise: (String) -> String?) throws(StoreError) {
        try write { db in
            for endpoint in try String.fetchAll(db, sql: "SELECT DISTINCT endpoint FROM xapiSent") {
                guard let normalised = normalise(endpoint), normalised != endpoint else { continue }
                try db.execute(sql: """
                    INSERT OR IGNORE INTO xapiSent (endpoint, statement, sentAt)
                    SELECT ?, statement, sentAt FROM xapiSent WHERE endpoint = ?
                    """, arguments: [normalised, endpoint])
                try db.execute(sql: "DELETE FROM xapiSent WHERE endpoint = ?", arguments: [endpoint])
            }
        }
    }

    /// `endpoint` without a `user:password@` an older Attune kept in it: credentials are never stored.
    static func endpointWithoutCredentials(_ endpoint: String) -> String {
        guard var parts = URLComponents(string: endpoint), parts.user != nil || parts.password != nil else { return endpoint }
        parts.user = nil
        parts.password = nil
        return parts.string ?? endpoint
    }

    // MARK: Progress

    public func progress() throws(StoreError) -> ProgressSummary {
        try read { db in
            var summary = ProgressSummary(finishedCases: [], inProgressCases: [], endings: [], ratingCounts: [:],
                                          competencies: [:], journalEntries: 0)
            for row in try Row.fetchAll(db, sql: """
                SELECT scenario, origin, status, ending, endingKind, finishedAt FROM playthrough
                WHERE status != 'abandoned' ORDER BY id
                """) {
                let scenario = CaseKey(id: row["scenario"], origin: row["origin"])
                if row["status"] == "finished" {
                    summary.finishedCases.insert(scenario)
                    summary.endings.append(.init(
                        key: scenario, ending: row["ending"], kind: (row["endingKind"] as String?).flatMap(EndingKind.init),
                        reachedAt: row["finishedAt"]))
                } else {
                    summary.inProgressCases.insert(scenario)
                }
            }
            summary.inProgressCases.subtract(summary.finishedCases)
            for row in try Row.fetchAll(db, sql: """
                SELECT c.rating, c.competencies FROM choice c JOIN playthrough p ON p.id = c.playthrough
                WHERE c.undoneAt IS NULL AND c.carriedOver = 0 AND p.status != 'abandoned'
                """) {
                if let rating = Rating(rawValue: row["rating"]) { summary.ratingCounts[rating, default: 0] += 1 }
                let competencies: String = row["competencies"]
                for id in competencies.split(separator: ",") { summary.competencies[String(id), default: 0] += 1 }
            }
            summary.journalEntries = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM journal WHERE groupSession IS NULL") ?? 0
            return summary
        }
    }
}
