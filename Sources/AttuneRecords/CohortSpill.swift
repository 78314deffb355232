import Foundation
import GRDB

/// Where a cohort tally keeps what grows with the number of statements: the ids already
/// counted (to drop duplicates) and each learner's first answer at each decision. Up to
/// ``memoryLimit`` of each are held in memory; beyond that they go, in batches, to a
/// temporary SQLite file in a private folder (0700, the file 0600) that is removed when the
/// tally is done, so a report's memory stays flat however many statements it reads.
///
/// Invariant: a statement id is "seen" if it is in `pendingIDs` or (once spilled) in the
/// file; each (decision, learner) has exactly one first answer, the earliest by time (the
/// one met first on a tie), whether it is in `pendingFirst`, the file, or both (a flush
/// keeps the earlier). If the file cannot be made or written, everything stays in memory:
/// the report costs memory, never a statement.
final class CohortSpill {
    /// How many ids, and how many first answers, are held in memory before spilling.
    let memoryLimit: Int

    private var pendingIDs = Set<UUID>()
    private var pendingFirst: [FirstKey: FirstAnswer] = [:]
    private var database: DatabaseQueue?
    private var folder: URL?
    /// Whether anything has gone to the file (until then, no lookup touches it).
    private var idsSpilled = false
    private var firstSpilled = false
    /// The file could not be used: keep everything in memory from now on.
    private var failed = false

    struct FirstKey: Hashable {
        var decision: Int
        var learner: Int
    }

    struct FirstAnswer {
        var at: Date
        var option: Int
    }

    /// The default limit: three quarters of 2^17, the most a `Set` or `Dictionary` holds
    /// in 2^17 buckets (one more and it doubles: measured, 100,000 first answers took
    /// 8.4 MB of buckets, 98,304 take 4.2 MB).
    static let defaultMemoryLimit = 98_304

    init(memoryLimit: Int = CohortSpill.defaultMemoryLimit) {
        self.memoryLimit = memoryLimit
    }

    deinit {
        database = nil
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    /// Whether the report has spilled to disk (for tests and the bench).
    var hasSpilled: Bool { idsSpilled || firstSpilled }

    /// How many ids and first answers the memory held now has room for (for tests).
    var heldCapacity: (ids: Int, firsts: Int) { (pendingIDs.capacity, pendingFirst.capacity) }

    // MARK: Ids

    /// Records `id`; false if it was recorded before.
    func insert(_ id: UUID) -> Bool {
        if pendingIDs.contains(id) { return false }
        // Outside a transaction, with the statement prepared once: a lookup costs a few
        // microseconds, not a transaction's.
        if idsSpilled, let database,
           (try? database.inDatabase({ db in
               try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM seen WHERE id = ?"), arguments: [Self.blob(id)])
           })) == true {
            return false
        }
        pendingIDs.insert(id)
        if pendingIDs.count >= memoryLimit, !failed { flushIDs() }
        return true
    }

    private func flushIDs() {
        guard let database = open() else { return }
        do {
            try database.write { db in
                let statement = try db.cachedStatement(sql: "INSERT OR IGNORE INTO seen(id) VALUES (?)")
                for id in pendingIDs { try statement.execute(arguments: [Self.blob(id)]) }
            }
            pendingIDs.removeAll(keepingCapacity: true)
            idsSpilled = true
        } catch {
            failed = true
        }
    }

    // MARK: First answers

    /// Records an answer; it becomes the learner's first at that decision if it is earlier
    /// than the one recorded (or the first recorded).
    func answer(decision: Int, learner: Int, at: Date, option: Int) {
        let key = FirstKey(decision: decision, learner: learner)
        if let earlier = pendingFirst[key], earlier.at <= at { return }
        pendingFirst[key] = FirstAnswer(at: at, option: option)
        if pendingFirst.count >= memoryLimit, !failed { flushFirst() }
    }

    private func flushFirst() {
        guard let database = open() else { return }
        do {
            try database.write { db in
                let statement = try db.cachedStatement(sql: """
                    INSERT INTO first(decision, learner, at, option) VALUES (?, ?, ?, ?)
                    ON CONFLICT(decision, learner) DO UPDATE SET at = excluded.at, option = excluded.option
                    WHERE excluded.at < first.at
                    """)
                for (key, answer) in pendingFirst {
                    try statement.execute(arguments: [key.decision, key.learner, answer.at.timeIntervalSince1970, answer.option])
                }
            }
            pendingFirst.removeAll(keepingCapacity: true)
            firstSpilled = true
        } catch {
            failed = true
        }
    }

    /// For each decision, how many learners' first answer was each option. Once anything
    /// has spilled, what is still in memory is flushed first (the earlier answer of the two
    /// wins; on a tie the file's, which was met first) and SQLite counts the file, a row per
    /// decision and option: no copy of the answers is made in memory.
    func firstCounts() -> [Int: [Int: Int]] {
        if firstSpilled, !failed { flushFirst() }
        var counts: [Int: [Int: Int]] = [:]
        guard firstSpilled, let database else {
            for (key, answer) in pendingFirst { counts[key.decision, default: [:]][answer.option, default: 0] += 1 }
            return counts
        }
        if pendingFirst.isEmpty {
            let counted: Bool? = try? database.read { db in
                let rows = try Row.fetchCursor(db, sql: "SELECT decision, option, COUNT(*) FROM first GROUP BY decision, option")
                while let row = try rows.next() {
                    counts[row[0] as Int, default: [:]][row[1] as Int, default: 0] += row[2] as Int
                }
                return true
            }
            if counted == true { return counts }
        }
        // The file failed after spilling: merge it, a row at a time, with what is in memory.
        counts = [:]
        var pending = pendingFirst
        try? database.read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT decision, learner, at, option FROM first")
            while let row = try rows.next() {
                let key = FirstKey(decision: row[0], learner: row[1])
                let at = Date(timeIntervalSince1970: row[2])
                if let newer = pending[key] {
                    if newer.at < at { continue }
                    pending[key] = nil
                }
                counts[key.decision, default: [:]][row[3] as Int, default: 0] += 1
            }
        }
        for (key, answer) in pending { counts[key.decision, default: [:]][answer.option, default: 0] += 1 }
        return counts
    }

    // MARK: The file

    private func open() -> DatabaseQueue? {
        if let database { return database }
        if failed { return nil }
        do {
            let base = FileManager.default.temporaryDirectory
                .appendingPathComponent("attune-cohort-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: base, withIntermediateDirectories: false,
                                                    attributes: [.posixPermissions: 0o700])
            folder = base
            var configuration = Configuration()
            configuration.prepareDatabase { db in
                // A scratch file: nothing here needs to survive a crash.
                try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -4096")
            }
            let path = base.appendingPathComponent("spill.sqlite").path
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            chmod(path, 0o600)
            try queue.write { db in
                try db.execute(sql: """
                    CREATE TABLE seen(id BLOB PRIMARY KEY) WITHOUT ROWID;
                    CREATE TABLE first(decision INTEGER NOT NULL, learner INTEGER NOT NULL, at REAL NOT NULL,
                                       option INTEGER NOT NULL, PRIMARY KEY(decision, learner)) WITHOUT ROWID;
                    """)
            }
            database = queue
            return queue
        } catch {
            failed = true
            if let folder { try? FileManager.default.removeItem(at: folder) }
            folder = nil
            return nil
        }
    }

    private static func blob(_ id: UUID) -> Data {
        withUnsafeBytes(of: id.uuid) { Data($0) }
    }
}
