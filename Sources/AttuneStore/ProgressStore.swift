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

    func write<T>(_ work: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try database.write(work)
        } catch {
            throw StoreError("Attune could not save to \(path): \(Self.describe(error))")
        }
    }

    func read<T>(_ work: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try database.read(work)
        } catch {
            throw StoreError("Attune could not read \(path): \(Self.describe(error))")
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
            let id: Int64 = row["id"]
            let choices = try String.fetchAll(db, sql: """
                SELECT choice FROM choice WHERE playthrough = ? AND undoneAt IS NULL ORDER BY step
                """, arguments: [id])
            return StoredPlaythrough(id: id, key: key, startedAt: row["startedAt"], choices: choices)
        }
    }

    /// The most recently touched unfinished case, for the greeting at start-up.
    public func latestUnfinished() throws(StoreError) -> CaseKey? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT scenario, origin FROM playthrough WHERE status = 'active' ORDER BY updatedAt DESC, id DESC LIMIT 1
                """) else { return nil }
            return CaseKey(id: row["scenario"], origin: row["origin"])
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
    public func statuses() throws(StoreError) -> [CaseKey: ScenarioStatus] {
        try read { db in
            var result: [CaseKey: ScenarioStatus] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT scenario, origin, status FROM playthrough") {
                let key = CaseKey(id: row["scenario"], origin: row["origin"])
                let status: String = row["status"]
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
