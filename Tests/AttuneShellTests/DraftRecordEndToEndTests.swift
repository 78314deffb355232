import AttuneCore
import Foundation
import Testing

/// Issue 22, item 9, through the real binary: an author's draft that reuses Maya's id is
/// played to its ending. The learner's progress, progress export and xAPI export never
/// count it or name Maya for it, unless the author asks with --include-drafts.
@Suite("A draft in the learner's record, end to end")
struct DraftRecordEndToEndTests {
    @Test("a draft reusing Maya's id: progress and export xapi leave it out; --include-drafts names it as a draft")
    func draftOfMaya() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data").path
        let drafts = folder.appendingPathComponent("drafts")
        try FileManager.default.createDirectory(at: drafts, withIntermediateDirectories: true)
        try exampleScenarioText.replacingOccurrences(of: "scenario: visit", with: "scenario: maya-quiet-visit")
            .replacingOccurrences(of: "title: A visit", with: "title: Maya rewritten")
            .write(to: drafts.appendingPathComponent("maya-quiet-visit.yaml"), atomically: true, encoding: .utf8)
        let played = try runAttune(["--scenarios", drafts.path, "--data-dir", data],
                                   input: "play maya\n1\nreflect Writing in the draft.\n")
        #expect(played.status == 0, "\(played.stderr)")
        #expect(played.stdout.contains("Maya rewritten"))

        let progress = try runAttune(["progress", "--data-dir", data])
        #expect(progress.status == 0, "\(progress.stderr)")
        #expect(!progress.stdout.contains("Endings reached"), "\(progress.stdout)")
        #expect(progress.stdout.contains("Journal entries: 0"))
        #expect(progress.stdout.contains("Not counted: 1 case you played from an author's draft"))

        let file = folder.appendingPathComponent("x.jsonl").path
        let export = try runAttune(["export", "xapi", file, "--account", "me", "--data-dir", data])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("Wrote 0 statements"), "\(export.stdout)")

        let included = try runAttune(["export", "xapi", file, "--account", "me", "--include-drafts", "--data-dir", data])
        #expect(included.status == 0, "\(included.stderr)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("/verbs/completed"))
        #expect(!text.contains("\"urn:attune:scenario:maya-quiet-visit\""), "never the real Maya")
        #expect(!text.contains("Maya, four months"))
        #expect(text.contains(":scenario:maya-quiet-visit\""))

        let withDrafts = try runAttune(["progress", "--include-drafts", "--data-dir", data])
        #expect(withDrafts.stdout.contains("Journal entries: 1"), "\(withDrafts.stdout)")
    }
}
