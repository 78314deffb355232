import AttuneCore
import Foundation
import GRDB

extension ProgressStore {
    // MARK: Learning records

    /// Everything the learning-record export needs, in order. Cases played from an author's
    /// draft (any folder but the bundled one), and journal entries written in them, are left
    /// out unless `includeDrafts`: a draft is not part of the learner's record of the real case.
    public func activityLog(includeDrafts: Bool = false) throws(StoreError) -> ActivityLog {
        let journal = try journalEntries(sql: "SELECT * FROM journal WHERE groupSession IS NULL ORDER BY id")
            .filter { includeDrafts || !$0.isFromDraft }
        return try read { db in
            let playthroughs = Self.readable(try Row.fetchAll(db, sql: "SELECT * FROM playthrough ORDER BY id"), Self.playthrough)
                .filter { includeDrafts || $0.origin == CaseKey.bundledOrigin }
            let kept = Set(playthroughs.map(\.id))
            let choices = Self.readable(try Row.fetchAll(db, sql: """
                SELECT * FROM choice WHERE undoneAt IS NULL AND carriedOver = 0 ORDER BY id
                """), Self.choice).filter { kept.contains($0.playthrough) }
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

    /// What `progress` shows. Cases played from an author's draft, their choices and the
    /// journal entries written in them count only with `includeDrafts`; `draftsLeftOut` says
    /// how many draft cases were left out, so the learner can be told.
    public func progress(includeDrafts: Bool = false) throws(StoreError) -> ProgressSummary {
        let log = try activityLog(includeDrafts: true)
        var summary = ProgressSummary(finishedCases: [], inProgressCases: [], endings: [], ratingCounts: [:],
                                      competencies: [:], journalEntries: 0)
        var leftOut = Set<CaseKey>()
        var counted = Set<Int64>()
        for playthrough in log.playthroughs where playthrough.status != "abandoned" {
            let key = CaseKey(id: playthrough.scenarioID, origin: playthrough.origin)
            guard includeDrafts || key.origin == CaseKey.bundledOrigin else {
                leftOut.insert(key)
                continue
            }
            counted.insert(playthrough.id)
            if playthrough.status == "finished" {
                summary.finishedCases.insert(key)
                if let ending = playthrough.ending {
                    summary.endings.append(.init(key: key, ending: ending, kind: playthrough.endingKind,
                                                 reachedAt: playthrough.finishedAt ?? playthrough.startedAt))
                }
            } else {
                summary.inProgressCases.insert(key)
            }
        }
        summary.inProgressCases.subtract(summary.finishedCases)
        for choice in log.choices where counted.contains(choice.playthrough) {
            summary.ratingCounts[choice.rating, default: 0] += 1
            for id in choice.competencies { summary.competencies[id, default: 0] += 1 }
        }
        summary.journalEntries = log.journal.filter { includeDrafts || !$0.isFromDraft }.count
        summary.draftsLeftOut = leftOut.count
        return summary
    }
}
