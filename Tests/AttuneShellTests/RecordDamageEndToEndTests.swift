import Foundation
import GRDB
import Testing

/// Issue 23, item 8, through the real binary: one value in attune.sqlite that cannot be read
/// (a date written as words, bytes where a date belongs) used to stop every start (a trap in
/// reading the row, exit 132, the in-use mark left behind). Now the start says once, in
/// words, what could not be read; the row stays in the file; everything else works.
@Suite("A damaged value in the record")
struct RecordDamageEndToEndTests {
    @Test("a bad date in a journal entry and an unfinished reflection: the start reports it once and the rest works")
    func badDates() throws {
        let data = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let first = try runAttune(["--data-dir", data.path], input: """
            play maya
            1
            reflect She went still when I came in.
            reflect Then she smiled at me.

            """)
        #expect(first.status == 0, "\(first.stderr)")
        let file = data.appendingPathComponent("attune.sqlite").path
        let queue = try DatabaseQueue(path: file)
        try queue.write { db in
            try db.execute(sql: "UPDATE journal SET createdAt = 'last tuesday' WHERE text LIKE 'She went%'")
            // An unfinished reflection whose start is bytes rather than a date.
            try db.execute(sql: """
                INSERT INTO draft (startedAt, updatedAt, text, lineCount) VALUES (x'00ff', '2026-01-01 10:00:00', 'Left open.', 1)
                """)
        }
        try queue.close()

        let second = try runAttune(["--data-dir", data.path], input: "journal\nprogress\nplay maya\nwhy\nquit\n")
        #expect(second.status == 0, "exit \(second.status): \(second.stderr)")
        #expect(second.stdout.contains("Then she smiled at me."))
        #expect(!second.stdout.contains("She went still"))
        #expect(second.stdout.contains("Journal entries: 1"))
        let notice = "note: 2 parts of your record could not be read: a journal entry (row 1 of the table 'journal') "
            + "and an unfinished reflection (row 1 of the table 'draft'). They are kept in \(file)"
        #expect(second.stderr.components(separatedBy: notice).count == 2, "\(second.stderr)")
        #expect(!FileManager.default.fileExists(atPath: file + ".in-use"))

        // Kept in the file, exactly as it was.
        let kept = try DatabaseQueue(path: file).read { db in
            try String.fetchOne(db, sql: "SELECT createdAt FROM journal WHERE text LIKE 'She went%'")
        }
        #expect(kept == "last tuesday")

        // A one-off command from the command line reads around it too.
        let journal = try runAttune(["journal", "--data-dir", data.path])
        #expect(journal.status == 0, "\(journal.stderr)")
        #expect(journal.stdout.contains("Then she smiled at me."))
        let export = try runAttune(["export", "xapi", data.appendingPathComponent("x.jsonl").path, "--account", "me",
                                    "--data-dir", data.path])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stderr.contains("could not be read"))
    }
}
