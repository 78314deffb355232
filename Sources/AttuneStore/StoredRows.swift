import AttuneCatalog
import AttuneCore
import Foundation
import GRDB

/// A row of the learner's file, read without trapping. GRDB's `row["x"]` stops the program
/// when a value cannot become the type asked for (a date written as "yesterday", text where
/// a number belongs); every value read from disk goes through here instead, which throws.
struct StoredRow {
    let row: Row

    init(_ row: Row) {
        self.row = row
    }

    subscript<Value: DatabaseValueConvertible>(_ column: String) -> Value {
        get throws { try row.decode(forColumn: column) }
    }

    /// The row's id, when it can be read: it names the row in a report.
    var id: Int64? { try? row.decode(Int64?.self, forColumn: "id") }
}

/// A row of the learner's file that could not be read. It stays in the file; Attune leaves
/// it out of what it shows and exports, and says so once, at start.
public struct UnreadableRow: Sendable, Hashable {
    /// The table it is in: playthrough, choice, journal, draft, groupSession, groupDecision, groupPending.
    public var table: String
    public var rowID: Int64?

}

extension ProgressStore {
    /// Decodes `rows` one by one: a row that cannot be read is skipped (it stays in the file,
    /// and `unreadableRows()` names it), so the rest of the record works.
    static func readable<T>(_ rows: [Row], _ decode: (StoredRow) throws -> T?) -> [T] {
        rows.compactMap { row in try? decode(StoredRow(row)) }
    }

    /// Every row of the learner's record that cannot be read, found by decoding each row the
    /// way Attune reads it. Run once at start, so a damaged value is reported once, in words.
    public func unreadableRows() -> [UnreadableRow] {
        let checks: [(String, (StoredRow) throws -> Void)] = [
            ("playthrough", { _ = try Self.playthrough($0) }),
            ("choice", { _ = try Self.choice($0) }),
            ("journal", { _ = try Self.journalEntry($0) }),
            ("draft", { _ = try Self.draft($0) }),
            ("groupSession", { row in
                let _: Date = try row["startedAt"]
                let _: Date? = try row["endedAt"]
                let _: String? = try row["scenario"]
                let _: String? = try row["origin"]
            }),
            ("groupDecision", { _ = try Self.groupDecision($0) }),
            ("groupPending", { row in
                let _: Int = try row["pass"]
                let _: Int = try row["step"]
                let _: String = try row["node"]
                let _: Bool = try row["voting"]
                let _: String = try row["ballots"]
            }),
        ]
        let found = try? read { db in
            var found: [UnreadableRow] = []
            for (table, check) in checks {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid") {
                    let stored = StoredRow(row)
                    do { try check(stored) } catch { found.append(UnreadableRow(table: table, rowID: stored.id)) }
                }
            }
            return found
        }
        return found ?? []
    }

    /// What to tell the learner about unreadable rows, or nil when every row reads.
    public func unreadableNotice() -> String? {
        unreadableProblem().map { StoreError($0).description }
    }

    /// The rows that cannot be read, typed for a catalog (`.record(.unreadable(...))`): the
    /// first three named, how many in all, and the file that keeps them.
    public func unreadableProblem() -> ToolText.Record? {
        let rows = unreadableRows()
        guard !rows.isEmpty else { return nil }
        return .unreadable(parts: rows.prefix(3).map { ToolText.RecordPart(table: $0.table, row: $0.rowID) },
                           total: rows.count, path: path)
    }

    // MARK: Decoding each kind of row

    static func playthrough(_ row: StoredRow) throws -> ActivityLog.Playthrough {
        ActivityLog.Playthrough(
            id: try row["id"], scenarioID: try row["scenario"], origin: try row["origin"], startedAt: try row["startedAt"],
            status: try row["status"], ending: try row["ending"],
            endingKind: (try row["endingKind"] as String?).flatMap(EndingKind.init), finishedAt: try row["finishedAt"])
    }

    static func choice(_ row: StoredRow) throws -> ActivityLog.Choice {
        let competencies: String = try row["competencies"]
        let _: Date? = try row["undoneAt"]
        return ActivityLog.Choice(
            id: try row["id"], playthrough: try row["playthrough"], step: try row["step"], node: try row["node"],
            choice: try row["choice"], rating: Rating(rawValue: try row["rating"]) ?? .partial,
            competencies: competencies.split(separator: ",").map(String.init), madeAt: try row["madeAt"])
    }

    /// A journal entry; its origin is nil for the bundled cases (and entries written before
    /// origins were kept), the draft's folder otherwise.
    static func journalEntry(_ row: StoredRow) throws -> JournalEntry {
        let origin: String? = try row["origin"]
        return JournalEntry(id: try row["id"], createdAt: try row["createdAt"], scenarioID: try row["scenario"],
                            origin: origin == CaseKey.bundledOrigin ? nil : origin, nodeID: try row["node"],
                            prompt: try row["prompt"], text: try row["text"], groupSession: try row["groupSession"])
    }

    static func reflectionContext(_ row: StoredRow) throws -> ReflectionContext {
        let scenario: String? = try row["scenario"]
        let origin: String? = try row["origin"]
        return ReflectionContext(
            scenario: scenario.map { CaseKey(id: $0, origin: origin ?? CaseKey.bundledOrigin) }, node: try row["node"],
            playthrough: try row["playthrough"], prompt: try row["prompt"], groupSession: try row["groupSession"])
    }

    static func draft(_ row: StoredRow) throws -> ReflectionDraft {
        ReflectionDraft(id: try row["id"], startedAt: try row["startedAt"], updatedAt: try row["updatedAt"],
                        context: try reflectionContext(row), text: try row["text"], lineCount: try row["lineCount"])
    }

    static func groupDecision(_ row: StoredRow) throws -> GroupDecision {
        let offered: String = try row["offered"]
        let tally: String? = try row["tally"]
        return GroupDecision(
            scenarioID: try row["scenario"], node: try row["node"], choice: try row["choice"],
            rating: Rating(rawValue: try row["rating"]) ?? .partial, offered: offered.split(separator: ",").map(String.init),
            tally: tally.map { $0.split(separator: ",").compactMap { Int($0) } }, madeAt: try row["madeAt"],
            pass: try row["pass"] ?? 1, tallySource: (try row["tallySource"] as String?).flatMap(TallySource.init(rawValue:)),
            roomSize: try row["roomSize"], takenBackAt: try row["undoneAt"])
    }
}
