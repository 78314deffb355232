import Foundation
import Testing

/// Issue 24: `export xapi` names a translated case in Spanish in its statements' `es-US`
/// part, from the case's translation beside it, and its English in `en-US`.
@Suite("xAPI language maps end to end")
struct XAPILanguageEndToEndTests {
    @Test("a translated case's title is Spanish in es-US and English in en-US; verbs in both")
    func translatedTitle() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = ["ATTUNE_HOME": folder.appendingPathComponent("datos").path]
        let played = try runAttune([], input: "play maya-quiet-visit\n1\nquit\n", environment: environment)
        #expect(played.status == 0, "\(played.stderr)")
        let file = folder.appendingPathComponent("yo.jsonl").path
        let exported = try runAttune(["export", "xapi", file, "--account", "ana"], environment: environment)
        #expect(exported.status == 0, "\(exported.stderr)")
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
        let statements = try lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let attempted = try #require(statements.first { ($0["verb"] as? [String: Any])?["id"] as? String == "http://adlnet.gov/expapi/verbs/attempted" })
        #expect((attempted["verb"] as? [String: Any])?["display"] as? [String: String] == ["en-US": "attempted", "es-US": "intentó"])
        let name = try #require(((attempted["object"] as? [String: Any])?["definition"] as? [String: Any])?["name"] as? [String: String])
        #expect(name["en-US"] == "Maya, four months: a quiet home visit")
        let spanish = try #require(name["es-US"])
        #expect(spanish != name["en-US"] && spanish.hasPrefix("Maya"), "\(spanish)")
    }
}
