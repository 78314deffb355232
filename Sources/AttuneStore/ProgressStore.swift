import AttuneCatalog
import AttuneCore
import Foundation
import GRDB

/// Why the learner's record could not be opened or written: a typed problem, put in words by
/// a catalog (`catalog.tools(.record(error.problem))`); `description` is the English.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public let problem: ToolText.Record

    init(_ problem: ToolText.Record) {
        self.problem = problem
    }

    /// The problem in the learner's language.
    public func words(_ catalog: any MessageCatalog) -> String { catalog.tools(.record(problem)) }

    public var description: String { words(English()) }
}

/// The learner's private record: playthroughs with every choice, endings, journal. One
/// SQLite file (WAL) created with mode 0600; every write is committed before it returns, so
/// a crash or kill loses nothing that was acknowledged.
public final class ProgressStore: Sendable {
    public let path: String
    private let database: DatabaseQueue

    public static let fileName = "attune.sqlite"

    /// Opens (creating if needed) the store in `directory`. An existing file is checked
    /// read-only first; a damaged file, or one from a newer Attune, is never written to.
    public init(directory: String) throws(StoreError) {
        let path = (directory as NSString).appendingPathComponent(Self.fileName)
        self.path = path
        try StoreFile.prepare(path, in: directory)
        try StoreFile.check(path, migrator: Self.migrator)
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(5)
            // One connection: Attune never reads while it writes. WAL mode is kept in the file,
            // so it is set once, on a new file; GRDB's own WAL set-up writes a transaction
            // into an empty log, which would be a write to the record on every start.
            database = try DatabaseQueue(path: path, configuration: configuration)
            try database.writeWithoutTransaction { db in
                if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                    _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                }
            }
            try Self.migrator.migrate(database)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            throw StoreFile.damaged(path)
        } catch {
            throw StoreError(.couldNotOpen(path: path, detail: Self.describe(error)))
        }
        // SQLite gives the -wal and -shm files the database's mode; make sure of it.
        for suffix in ["-wal", "-shm"] { chmod(path + suffix, 0o600) }
        StoreFile.markInUse(path)
    }

    /// Ends a run cleanly: the write-ahead log is folded into the file the README names, and
    /// the next start knows this run ended well (so it skips the integrity check).
    public func close() {
        _ = try? database.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        unlink(StoreFile.inUseMark(path))
    }

    static func describe(_ error: Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }

    func write<T>(_ work: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try database.write(work)
        } catch {
            throw StoreError(.couldNotSave(path: path, detail: Self.describe(error)))
        }
    }

    func read<T>(_ work: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try database.read(work)
        } catch {
            throw StoreError(.couldNotRead(path: path, detail: Self.describe(error)))
        }
    }

    // MARK: Playthroughs

    /// The unfinished playthrough of a case, with its choices in effect.
    public func activePlaythrough(_ key: CaseKey) throws(StoreError) -> StoredPlaythrough? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT id, startedAt FROM playthrough WHERE scenario = ? AND origin = ? AND status = 'active'
                ORDER BY id DESC LIMIT 1
                """, arguments: [key.id, key.origin]) else { return nil }
            // A playthrough whose start cannot be read is left out (reported at start); the case begins afresh.
            guard let id: Int64 = try? StoredRow(row)["id"], let startedAt: Date = try? StoredRow(row)["startedAt"] else {
                return nil
            }
            let choices = try String.fetchAll(db, sql: """
                SELECT choice FROM choice WHERE playthrough = ? AND undoneAt IS NULL ORDER BY step
                """, arguments: [id])
            return StoredPlaythrough(id: id, key: key, startedAt: startedAt, choices: choices)
        }
    }

    /// The most recently touched unfinished case, for the greeting at start-up.
    public func latestUnfinished() throws(StoreError) -> CaseKey? {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT scenario, origin FROM playthrough WHERE status = 'active' ORDER BY updatedAt DESC, id DESC
                """)
            return Self.readable(rows) { row in CaseKey(id: try row["scenario"], origin: try row["origin"]) }.first
        }
    }

    /// Starts a new playthrough; any unfinished one of the same case is marked as left.
    public func startPlaythrough(_ key: CaseKey, at date: Date) throws(StoreError) -> Int64 {
        try write { db in
            try db.execute(sql: """
                UPDATE playthrough SET status = 'abandoned', updatedAt = ? WHERE scenario = ? AND origin = ? AND status = 'active'
                """, arguments: [date, key.id, key.origin])
            try db.execute(sql: "INSERT INTO playthrough (scenario, origin, startedAt, updatedAt) VALUES (?, ?, ?, ?)",
                           arguments: [key.id, key.origin, date, date])
            return db.lastInsertedRowID
        }
    }

    /// Records a choice. `carriedOver` marks a choice copied into a new playthrough when the
    /// learner steps back from an ending: it keeps the path for resuming, but it is not a new
    /// choice, so progress and learning records do not count it again.
    public func recordChoice(playthrough: Int64, step: Int, node: String, choice: String, rating: Rating,
                             competencies: [String], carriedOver: Bool = false, at date: Date) throws(StoreError) {
        try write { db in
            try db.execute(sql: """
                INSERT INTO choice (playthrough, step, node, choice, rating, competencies, carriedOver, madeAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [playthrough, step, node, choice, rating.rawValue, competencies.joined(separator: ","),
                                 carriedOver, date])
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
    public func statuses() throws(StoreError) -> [CaseKey: ScenarioStatus] {
        try read { db in
            var result: [CaseKey: ScenarioStatus] = [:]
            let rows = try Row.fetchAll(db, sql: "SELECT scenario, origin, status FROM playthrough")
            for (key, status) in Self.readable(rows, { row in
                (CaseKey(id: try row["scenario"], origin: try row["origin"]), try row["status"] as String)
            }) {
                if status == "finished" {
                    result[key] = .done
                } else if status == "active", result[key] != .done {
                    result[key] = .inProgress
                }
            }
            return result
        }
    }
}
