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
        return migrator
    }
}
