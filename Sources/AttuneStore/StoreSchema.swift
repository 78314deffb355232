import Foundation
import AttuneCore
import GRDB

extension ProgressStore {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "playthrough") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("scenario", .text).notNull().indexed()
                table.column("startedAt", .datetime).notNull()
                table.column("updatedAt", .datetime).notNull()
                // active | finished | abandoned
                table.column("status", .text).notNull().defaults(to: "active")
                table.column("ending", .text)
                table.column("endingKind", .text)
                table.column("finishedAt", .datetime)
            }
            try db.create(table: "choice") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("playthrough", .integer).notNull().indexed().references("playthrough", onDelete: .cascade)
                table.column("step", .integer).notNull()
                table.column("node", .text).notNull()
                table.column("choice", .text).notNull()
                table.column("rating", .text).notNull()
                // Competency ids, comma-separated.
                table.column("competencies", .text).notNull().defaults(to: "")
                table.column("madeAt", .datetime).notNull()
                // Set by `back`: the choice was made, then taken back.
                table.column("undoneAt", .datetime)
            }
            try db.create(table: "journal") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("createdAt", .datetime).notNull()
                table.column("scenario", .text)
                table.column("node", .text)
                table.column("playthrough", .integer).references("playthrough", onDelete: .setNull)
                table.column("prompt", .text)
                table.column("text", .text).notNull()
            }
        }
        migrator.registerMigration("v2-group-and-xapi") { db in
            try db.create(table: "groupSession") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("startedAt", .datetime).notNull()
                table.column("endedAt", .datetime)
            }
            try db.create(table: "groupDecision") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("session", .integer).notNull().indexed().references("groupSession", onDelete: .cascade)
                table.column("scenario", .text).notNull()
                table.column("node", .text).notNull()
                table.column("choice", .text).notNull()
                table.column("rating", .text).notNull()
                // Offered choice ids and the room's votes for each, comma-separated, same order.
                table.column("offered", .text).notNull()
                table.column("tally", .text)
                table.column("madeAt", .datetime).notNull()
                table.column("undoneAt", .datetime)
            }
            try db.alter(table: "journal") { table in
                table.add(column: "groupSession", .integer).references("groupSession", onDelete: .setNull)
            }
            try db.create(table: "xapiSent") { table in
                table.primaryKey("statement", .text)
                table.column("endpoint", .text).notNull()
                table.column("sentAt", .datetime).notNull()
            }
        }
        migrator.registerMigration("v3-case-origin-and-drafts") { db in
            // Records made before this version belong to the bundled cases.
            try db.alter(table: "playthrough") { table in
                table.add(column: "origin", .text).notNull().defaults(to: CaseKey.bundledOrigin)
            }
            try db.alter(table: "journal") { table in
                table.add(column: "origin", .text)
            }
            try db.create(table: "draft") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("startedAt", .datetime).notNull()
                table.column("updatedAt", .datetime).notNull()
                table.column("scenario", .text)
                table.column("origin", .text)
                table.column("node", .text)
                table.column("playthrough", .integer)
                table.column("prompt", .text)
                table.column("groupSession", .integer)
                table.column("text", .text).notNull().defaults(to: "")
                table.column("lineCount", .integer).notNull().defaults(to: 0)
            }
        }
        migrator.registerMigration("v4-group-sessions-as-records") { db in
            // A group session becomes a room's run through one case, listed and resumable.
            try db.alter(table: "groupSession") { table in
                table.add(column: "scenario", .text)
                table.add(column: "origin", .text)
            }
            try adoptGroupDecisions(db)
        }
        migrator.registerMigration("v5-xapi-sent-by-endpoint") { db in
            // A statement sent to one LRS is not sent to another: the record of sent statements
            // is keyed by (endpoint, statement), no longer by statement alone. Every row is kept;
            // a user name and password an older version left in an endpoint are dropped.
            try db.create(table: "xapiSentByEndpoint") { table in
                table.column("endpoint", .text).notNull()
                table.column("statement", .text).notNull()
                table.column("sentAt", .datetime).notNull()
                table.primaryKey(["endpoint", "statement"])
            }
            for row in try Row.fetchAll(db, sql: "SELECT endpoint, statement, sentAt FROM xapiSent") {
                try db.execute(sql: "INSERT OR IGNORE INTO xapiSentByEndpoint (endpoint, statement, sentAt) VALUES (?, ?, ?)",
                               arguments: [endpointWithoutCredentials((try? row.decode(String.self, forColumn: "endpoint")) ?? ""),
                                           row["statement"] as DatabaseValue,
                                           row["sentAt"] as DatabaseValue])
            }
            try db.drop(table: "xapiSent")
            try db.rename(table: "xapiSentByEndpoint", to: "xapiSent")
        }
        migrator.registerMigration("v6-carried-over-choices") { db in
            // Choices copied when stepping back from an ending are marked, so they are not counted twice.
            try db.alter(table: "choice") { table in
                table.add(column: "carriedOver", .boolean).notNull().defaults(to: false)
            }
        }
        migrator.registerMigration("v7-group-passes-and-pending") { db in
            // `restart` in a group session begins a new pass; each decision names its pass and
            // where its tally came from. A moment's tally and phone votes not yet taken with a
            // choice are kept in groupPending, so quitting or a crash loses none of them.
            try db.alter(table: "groupSession") { table in
                table.add(column: "pass", .integer).notNull().defaults(to: 1)
            }
            try db.alter(table: "groupDecision") { table in
                table.add(column: "pass", .integer).notNull().defaults(to: 1)
                table.add(column: "tallySource", .text)
                table.add(column: "roomSize", .integer)
            }
            try db.execute(sql: "UPDATE groupDecision SET tallySource = 'typed' WHERE tally IS NOT NULL")
            try db.create(table: "groupPending") { table in
                table.primaryKey("session", .integer).references("groupSession", onDelete: .cascade)
                table.column("pass", .integer).notNull()
                table.column("step", .integer).notNull()
                table.column("node", .text).notNull()
                table.column("voting", .boolean).notNull()
                table.column("tally", .text)
                table.column("tallySource", .text)
                table.column("roomSize", .integer)
                // Phone votes as JSON: {"device token": choice index}.
                table.column("ballots", .text).notNull()
                table.column("updatedAt", .datetime).notNull()
            }
        }
        return migrator
    }

    /// Earlier versions kept one group session per `group on`, whatever cases it played,
    /// and could not reach it after a restart. Each session now names its case; a session
    /// that played several cases is split into one session per case, its decisions and notes
    /// moved with it, so nothing already recorded is lost.
    static func adoptGroupDecisions(_ db: Database) throws {
        for session in try Row.fetchAll(db, sql: "SELECT id, endedAt FROM groupSession ORDER BY id") {
            guard let id: Int64 = try? session.decode(forColumn: "id") else { continue }
            let cases = try Row.fetchAll(db, sql: """
                SELECT scenario, MIN(madeAt) AS firstAt FROM groupDecision WHERE session = ?
                GROUP BY scenario ORDER BY MIN(id)
                """, arguments: [id])
            for (index, row) in cases.enumerated() {
                // Read without trapping: a value an older file holds in the wrong form is carried as it is.
                guard let scenario: String = try? row.decode(forColumn: "scenario") else { continue }
                if index == 0 {
                    try db.execute(sql: "UPDATE groupSession SET scenario = ?, origin = ? WHERE id = ?",
                                   arguments: [scenario, CaseKey.bundledOrigin, id])
                    continue
                }
                try db.execute(sql: "INSERT INTO groupSession (startedAt, endedAt, scenario, origin) VALUES (?, ?, ?, ?)",
                               arguments: [row["firstAt"] as DatabaseValue, session["endedAt"] as DatabaseValue, scenario,
                                           CaseKey.bundledOrigin])
                let adopted = db.lastInsertedRowID
                try db.execute(sql: "UPDATE groupDecision SET session = ? WHERE session = ? AND scenario = ?",
                               arguments: [adopted, id, scenario])
                try db.execute(sql: "UPDATE journal SET groupSession = ? WHERE groupSession = ? AND scenario = ?",
                               arguments: [adopted, id, scenario])
            }
        }
    }
}
