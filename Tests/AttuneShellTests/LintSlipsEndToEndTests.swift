import AttuneCore
import Foundation
import Testing

/// The example case under another id, with each `(old, new)` replacement made once.
private func brokenCase(_ id: String, _ changes: [(String, String)]) -> String {
    var text = exampleScenarioText.replacingOccurrences(of: "scenario: visit", with: "scenario: \(id)")
    for (old, new) in changes {
        precondition(text.components(separatedBy: old).count == 2, "the example case must contain \(old) once")
        text = text.replacingOccurrences(of: old, with: new)
    }
    return text
}

@Suite("Lint end to end: a folder of broken files")
struct LintSlipsEndToEndTests {
    @Test("attune lint reports every finding of every file in one pass, each where the slip is")
    func everyFindingInOnePass() throws {
        let folder = try temporaryDirectory()
        let files: [String: String] = [
            "tenets.yaml": exampleKnowledgeText,
            // A repeated key no longer hides the file's other findings.
            "repeats.yaml": brokenCase("repeats", [
                ("title: A visit\n", "title: A visit\ntitle: Again\n"), ("rating: missed", "rating: mised"),
                ("    prompt: What first?", "    promt: What first?"),
            ]),
            // A removed 'next' is one finding: the test that chooses that choice is not another.
            "no-next.yaml": brokenCase("no-next", [
                ("        next: warm\n", ""), ("when: trust >= 1", "when: trust => 1"), ("knowledge: [tenet.1]", "knowledge: [tenet.9]"),
            ]),
            // A repeated key before a syntax error, and the apostrophe at its place.
            "apostrophe.yaml": brokenCase("apostrophe", [
                ("summary: A short case.\n", "summary: A short case.\nsummary: Again.\n"),
                ("text: Greet the baby.", "text: 'Don't worry, I'll be back.'"),
            ]),
            "notes.yaml": "title: Notes for the next case\nideas: [a, b]\n",
        ]
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let run = try runAttune(["lint", "--format", "json", folder.path])
        #expect(run.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let findings = try #require(object?["findings"] as? [[String: Any]])
        let found = findings.map { finding in
            "\(URL(fileURLWithPath: finding["file"] as? String ?? "").lastPathComponent):"
                + "\(finding["line"] as? Int ?? 0):\(finding["column"] as? Int ?? 0) \(finding["rule"] as? String ?? "")"
        }
        #expect(found == [
            "apostrophe.yaml:4:1 duplicate-key",
            "apostrophe.yaml:18:19 yaml-syntax",
            "no-next.yaml:7:13 unknown-ref",
            "no-next.yaml:16:9 missing-field",
            "no-next.yaml:32:21 bad-condition",
            "notes.yaml:1:1 not-content",
            "repeats.yaml:3:1 duplicate-key",
            "repeats.yaml:15:5 unknown-key",
            "repeats.yaml:27:17 invalid-value",
        ])
        #expect(object?["files"] as? Int == 5)

        // The same as an author reads it, at 60 columns: plain advice, each with its line,
        // every line within the window (headlines wrap, continued four spaces in).
        let run60 = try runAttune(["lint", "."], environment: ["COLUMNS": "60"], in: folder)
        #expect(run60.stdout.split(separator: "\n").allSatisfy { $0.count <= 60 }, "\(run60.stdout)")
        #expect(run60.stdout.contains("./apostrophe.yaml:18:19: error: this apostrophe closes the\n"))
        let text = run60.stdout.replacingOccurrences(of: "\n    ", with: " ")
        #expect(text.contains("apostrophe.yaml:18:19: error: this apostrophe closes the quoted text early; "
            + "inside '...' write '' for an apostrophe (Don''t), or put the text in double quotes [yaml-syntax]"))
        #expect(text.contains("repeats.yaml:3:1: error: 'title' is already written on line 2 of this block; "
            + "only the first is read, so remove or rename this one [duplicate-key]"))
        #expect(text.contains("5 files checked: 8 errors and 1 warning."))
    }

    @Test("opening the shell over a broken case: the findings keep their caret, the summary after them fits the window")
    func summaryFitsTheWindow() throws {
        let folder = try temporaryDirectory()
        try brokenCase("apostrophe", [("text: Greet the baby.", "text: 'Don't worry, I'll be back.'")])
            .write(to: folder.appendingPathComponent("apostrophe.yaml"), atomically: true, encoding: .utf8)
        let run = try runAttune(["--scenarios", folder.path], input: "quit\n", environment: ["COLUMNS": "60"])
        #expect(run.status == 0)
        let lines = run.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        let summary = try #require(lines.firstIndex { $0.hasPrefix("Content problems:") })
        #expect(lines[summary...].allSatisfy { $0.count <= 60 })
        #expect(lines[summary...].joined(separator: " ").contains("everything else is available."))
        #expect(run.stderr.contains("        text: 'Don't worry, I'll be back.'\n                  ^"),
                "the finding's excerpt and caret are printed as they are")
    }
}
