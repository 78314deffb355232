import AttuneCore
import Foundation
import GRDB

/// Why the learner's record could not be opened or written, in words for the learner.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// A case the learner has started and not finished or left.
public struct StoredPlaythrough: Sendable, Hashable {
    public var id: Int64
    public var scenarioID: String
    public var startedAt: Date
    /// The choice ids still in effect (undone ones excluded), in order.
    public var choices: [String]
}

/// One journal entry, tied to the moment it was written.
public struct JournalEntry: Sendable, Hashable, Codable {
    public var id: Int64
    public var createdAt: Date
    public var scenarioID: String?
    public var nodeID: String?
    public var prompt: String?
    public var text: String
    /// Set for a group note: the group session it belongs to.
    public var groupSession: Int64?
}

/// One decision a group took, with the room's votes for each offered choice.
public struct GroupDecision: Sendable, Hashable {
    public var scenarioID: String
    public var node: String
    public var choice: String
    public var rating: Rating
    public var offered: [String]
    public var tally: [Int]?
    public var madeAt: Date
}

public struct GroupSessionRecord: Sendable, Hashable {
    public var id: Int64
    public var startedAt: Date
    public var endedAt: Date?
    public var decisions: [GroupDecision]
    public var notes: [JournalEntry]
}

/// The learner's record in order, for exports and learning records.
public struct ActivityLog: Sendable, Hashable {
    public struct Playthrough: Sendable, Hashable {
        public var id: Int64
        public var scenarioID: String
        public var startedAt: Date
        public var status: String
        public var ending: String?
        public var endingKind: EndingKind?
        public var finishedAt: Date?
    }

    public struct Choice: Sendable, Hashable {
        public var id: Int64
        public var playthrough: Int64
        public var step: Int
        public var node: String
        public var choice: String
        public var rating: Rating
        public var competencies: [String]
        public var madeAt: Date
    }

    public var playthroughs: [Playthrough]
    public var choices: [Choice]
    public var journal: [JournalEntry]
}

public enum ScenarioStatus: String, Sendable, Hashable {
    case notStarted = "not started"
    case inProgress = "in progress"
    case done
}

/// What `progress` shows.
public struct ProgressSummary: Sendable, Hashable {
    public struct Ending: Sendable, Hashable {
        public var scenarioID: String
        public var ending: String
        public var kind: EndingKind?
        public var reachedAt: Date
    }

    public var finishedCases: Set<String>
    public var inProgressCases: Set<String>
    public var endings: [Ending]
    public var ratingCounts: [Rating: Int]
    /// Choices that exercised each competency id.
    public var competencies: [String: Int]
    public var journalEntries: Int
}

/// The learner's private record: playthroughs with every choice, endings, journal. One
/// SQLite file (WAL) created with mode 0600; every write is committed before it returns, so
/// a crash or kill loses nothing that was acknowledged.
public final class ProgressStore: Sendable {
    public let path: String
    private let database: DatabasePool

    public static let fileName = "attune.sqlite"

    /// Opens (creating if needed) the store in `directory`.
    public init(directory: String) throws(StoreError) {
        let path = (directory as NSString).appendingPathComponent(Self.fileName)
        self.path = path
        try Self.prepareFile(at: path, directory: directory)
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(5)
            database = try DatabasePool(path: path, configuration: configuration)
            let check = try database.read { db in
                (try String.fetchOne(db, sql: "PRAGMA quick_check") ?? "", try Self.migrator.hasBeenSuperseded(db))
            }
            if check.0 != "ok" { throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: check.0) }
            if check.1 {
                let copy = Self.backUp(path)
                throw StoreError("Your progress file \(path) was written by a newer version of Attune, so this version "
                    + "will not change it. Update Attune to carry on. \(copy.map { "A copy is at \($0)." } ?? "")")
            }
            try Self.migrator.migrate(database)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            let copy = Self.backUp(path)
            throw StoreError("Your progress file \(path) is damaged and cannot be opened; Attune has not changed it. "
                + (copy.map { "A copy was kept at \($0). " } ?? "")
                + "To start a new record, move the damaged file aside; your old one stays in the copy.")
        } catch {
            throw StoreError("Your progress file \(path) could not be opened: \(Self.describe(error))")
        }
        // SQLite gives the -wal and -shm files the database's mode; make sure of it.
        for suffix in ["-wal", "-shm"] { chmod(path + suffix, 0o600) }
    }

    private static func prepareFile(at path: String, directory: String) throws(StoreError) {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            do {
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError("Attune cannot create the folder \(directory) for your progress; choose another with --data-dir.")
            }
        } else if !isDirectory.boolValue {
            throw StoreError("\(directory) is a file, not a folder; choose a folder for your progress with --data-dir.")
        }
        // Create the file private before SQLite opens it (SQLite would use 0644).
        let fd = open(path, O_RDWR | O_CREAT, 0o600)
        guard fd >= 0 else {
            throw StoreError("Attune cannot write its progress file in \(directory) (\(String(cString: strerror(errno)))); "
                + "choose a writable folder with --data-dir.")
        }
        fchmod(fd, 0o600)
        close(fd)
    }

    /// Copies the file (and its WAL) beside it with a timestamp; the copy's path, or nil.
    static func backUp(_ path: String) -> String? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let copy = path + ".backup-" + formatter.string(from: Date())
        do {
            if !FileManager.default.fileExists(atPath: copy) { try FileManager.default.copyItem(atPath: path, toPath: copy) }
            if FileManager.default.fileExists(atPath: path + "-wal"), !FileManager.default.fileExists(atPath: copy + "-wal") {
                try FileManager.default.copyItem(atPath: path + "-wal", toPath: copy + "-wal")
            }
            chmod(copy, 0o600)
            return copy
        } catch {
            return nil
        }
    }

    private static func describe(_ error: Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }

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
        return migrator
    }

    private func write<T>(_ work: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try database.write(work)
        } catch {
            throw StoreError("Attune could not save to \(path): \(Self.describe(error))")
        }
    }

    private func read<T>(_ work: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try database.read(work)
        } catch {
            throw StoreError("Attune could not read \(path): \(Self.describe(error))")
        }
    }

    // MARK: Playthroughs

    /// The unfinished playthrough of a case, with its choices in effect.
    public func activePlaythrough(scenario: String) throws(StoreError) -> StoredPlaythrough? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT id, startedAt FROM playthrough WHERE scenario = ? AND status = 'active' ORDER BY id DESC LIMIT 1
                """, arguments: [scenario]) else { return nil }
            let id: Int64 = row["id"]
            let choices = try String.fetchAll(db, sql: """
                SELECT choice FROM choice WHERE playthrough = ? AND undoneAt IS NULL ORDER BY step
                """, arguments: [id])
            return StoredPlaythrough(id: id, scenarioID: scenario, startedAt: row["startedAt"], choices: choices)
        }
    }

    /// Starts a new playthrough; any unfinished one of the same case is marked as left.
    public func startPlaythrough(scenario: String, at date: Date) throws(StoreError) -> Int64 {
        try write { db in
            try db.execute(sql: "UPDATE playthrough SET status = 'abandoned', updatedAt = ? WHERE scenario = ? AND status = 'active'",
                           arguments: [date, scenario])
            try db.execute(sql: "INSERT INTO playthrough (scenario, startedAt, updatedAt) VALUES (?, ?, ?)",
                           arguments: [scenario, date, date])
            return db.lastInsertedRowID
        }
    }

    public func recordChoice(playthrough: Int64, step: Int, node: String, choice: String, rating: Rating,
                             competencies: [String], at date: Date) throws(StoreError) {
        try write { db in
            try db.execute(sql: """
                INSERT INTO choice (playthrough, step, node, choice, rating, competencies, madeAt) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [playthrough, step, node, choice, rating.rawValue, competencies.joined(separator: ","), date])
            try db.execute(sql: "UPDATE playthrough SET updatedAt = ? WHERE id = ?", arguments: [date, playthrough])
        }
    }

    /// `back`: the last choice in effect is marked as taken back (kept in the record).
    public func undoLastChoice(playthrough: Int64, at date: Date) throws(StoreError) {
        try write { db in
            try db.execute(sql: """
                UPDATE choice SET undoneAt = ? WHERE id = (
                  SELECT id FROM choice WHERE playthrough = ? AND undoneAt IS NULL ORDER BY step DESC LIMIT 1)
                """, arguments: [date, playthrough])
        }
    }

    public func finish(playthrough: Int64, ending: String, kind: EndingKind?, at date: Date) throws(StoreError) {
        try write { db in
            try db.execute(sql: """
                UPDATE playthrough SET status = 'finished', ending = ?, endingKind = ?, finishedAt = ?, updatedAt = ? WHERE id = ?
                """, arguments: [ending, kind?.rawValue, date, date, playthrough])
        }
    }

    /// Where each case stands: done once any playthrough finished; in progress while one is active.
    public func statuses() throws(StoreError) -> [String: ScenarioStatus] {
        try read { db in
            var result: [String: ScenarioStatus] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT scenario, status FROM playthrough") {
                let scenario: String = row["scenario"]
                let status: String = row["status"]
                if status == "finished" {
                    result[scenario] = .done
                } else if status == "active", result[scenario] != .done {
                    result[scenario] = .inProgress
                }
            }
            return result
        }
    }

    // MARK: Journal

    /// Saves a journal entry; with `groupSession`, it is that session's group note.
    @discardableResult
    public func addJournalEntry(text: String, scenario: String?, node: String?, playthrough: Int64?, prompt: String?,
                                groupSession: Int64? = nil, at date: Date) throws(StoreError) -> JournalEntry {
        try write { db in
            try db.execute(sql: """
                INSERT INTO journal (createdAt, scenario, node, playthrough, prompt, text, groupSession) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [date, scenario, node, playthrough, prompt, text, groupSession])
            return JournalEntry(id: db.lastInsertedRowID, createdAt: date, scenarioID: scenario, nodeID: node,
                                prompt: prompt, text: text, groupSession: groupSession)
        }
    }

    /// The learner's own journal (group notes are kept with their session).
    public func journal() throws(StoreError) -> [JournalEntry] {
        try journalEntries(sql: "SELECT * FROM journal WHERE groupSession IS NULL ORDER BY createdAt, id")
    }

    private func journalEntries(sql: String, arguments: StatementArguments = []) throws(StoreError) -> [JournalEntry] {
        try read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                JournalEntry(id: row["id"], createdAt: row["createdAt"], scenarioID: row["scenario"], nodeID: row["node"],
                             prompt: row["prompt"], text: row["text"], groupSession: row["groupSession"])
            }
        }
    }

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

    // MARK: Learning records

    /// Everything the learning-record export needs, in order.
    public func activityLog() throws(StoreError) -> ActivityLog {
        let journal = try journalEntries(sql: "SELECT * FROM journal WHERE groupSession IS NULL ORDER BY id")
        return try read { db in
            let playthroughs = try Row.fetchAll(db, sql: "SELECT * FROM playthrough ORDER BY id").map { row in
                ActivityLog.Playthrough(
                    id: row["id"], scenarioID: row["scenario"], startedAt: row["startedAt"], status: row["status"],
                    ending: row["ending"], endingKind: (row["endingKind"] as String?).flatMap(EndingKind.init),
                    finishedAt: row["finishedAt"])
            }
            let choices = try Row.fetchAll(db, sql: "SELECT * FROM choice WHERE undoneAt IS NULL ORDER BY id").map { row in
                let competencies: String = row["competencies"]
                return ActivityLog.Choice(
                    id: row["id"], playthrough: row["playthrough"], step: row["step"], node: row["node"], choice: row["choice"],
                    rating: Rating(rawValue: row["rating"]) ?? .partial,
                    competencies: competencies.split(separator: ",").map(String.init), madeAt: row["madeAt"])
            }
            return ActivityLog(playthroughs: playthroughs, choices: choices, journal: journal)
        }
    }

    /// Statement ids already accepted by `endpoint`.
    public func sentStatements(endpoint: String) throws(StoreError) -> Set<String> {
        try read { db in
            Set(try String.fetchAll(db, sql: "SELECT statement FROM xapiSent WHERE endpoint = ?", arguments: [endpoint]))
        }
    }

    public func markSent(_ statements: [String], endpoint: String, at date: Date) throws(StoreError) {
        try write { db in
            for statement in statements {
                try db.execute(sql: "INSERT OR IGNORE INTO xapiSent (statement, endpoint, sentAt) VALUES (?, ?, ?)",
                               arguments: [statement, endpoint, date])
            }
        }
    }

    // MARK: Progress

    public func progress() throws(StoreError) -> ProgressSummary {
        try read { db in
            var summary = ProgressSummary(finishedCases: [], inProgressCases: [], endings: [], ratingCounts: [:],
                                          competencies: [:], journalEntries: 0)
            for row in try Row.fetchAll(db, sql: """
                SELECT scenario, status, ending, endingKind, finishedAt FROM playthrough WHERE status != 'abandoned' ORDER BY id
                """) {
                let scenario: String = row["scenario"]
                if row["status"] == "finished" {
                    summary.finishedCases.insert(scenario)
                    summary.endings.append(.init(
                        scenarioID: scenario, ending: row["ending"], kind: (row["endingKind"] as String?).flatMap(EndingKind.init),
                        reachedAt: row["finishedAt"]))
                } else {
                    summary.inProgressCases.insert(scenario)
                }
            }
            summary.inProgressCases.subtract(summary.finishedCases)
            for row in try Row.fetchAll(db, sql: """
                SELECT c.rating, c.competencies FROM choice c JOIN playthrough p ON p.id = c.playthrough
                WHERE c.undoneAt IS NULL AND p.status != 'abandoned'
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
