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
            try Self.migrator.migrate(database)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            throw StoreError("Your progress file \(path) is damaged and cannot be opened. "
                + "Move it aside (for example, rename it to attune.sqlite.damaged) and Attune will start a new one.")
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

    @discardableResult
    public func addJournalEntry(text: String, scenario: String?, node: String?, playthrough: Int64?, prompt: String?,
                                at date: Date) throws(StoreError) -> JournalEntry {
        try write { db in
            try db.execute(sql: """
                INSERT INTO journal (createdAt, scenario, node, playthrough, prompt, text) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [date, scenario, node, playthrough, prompt, text])
            return JournalEntry(id: db.lastInsertedRowID, createdAt: date, scenarioID: scenario, nodeID: node,
                                prompt: prompt, text: text)
        }
    }

    public func journal() throws(StoreError) -> [JournalEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM journal ORDER BY createdAt, id").map { row in
                JournalEntry(id: row["id"], createdAt: row["createdAt"], scenarioID: row["scenario"], nodeID: row["node"],
                             prompt: row["prompt"], text: row["text"])
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
            summary.journalEntries = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM journal") ?? 0
            return summary
        }
    }
}
