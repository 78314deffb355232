import AttuneCore
import Foundation
import Testing
@testable import AttuneShell

/// A folder of cases written from the scaffold, each changed by `edits` (old → new).
private func caseFolder(_ cases: [String: [(String, String)]]) throws -> URL {
    let folder = try temporaryDirectory().appendingPathComponent("cases")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for (id, edits) in cases {
        var text = ScenarioScaffold.text(id: id)
        for (old, new) in edits {
            #expect(text.contains(old), "the scaffold no longer has \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        try text.write(to: folder.appendingPathComponent("\(id).yaml"), atomically: true, encoding: .utf8)
    }
    return folder
}

/// Two errors: a misspelt node and a misspelt rating.
private let twoErrors = [("next: mixed-ending", "next: mixd-ending"), ("rating: missed", "rating: mised")]

/// The paperwork choice is offered only once trust has grown, so its test fails at step 1.
private let hiddenPaperwork = [("      - id: paperwork-first\n", "      - id: paperwork-first\n        when: trust >= 1\n")]

/// The second test is dropped: the paperwork choice and the mixed ending go untested.
private let oneTest = [(
    "  - name: paperwork first\n    choose: [paperwork-first]\n    expect:\n      ending: mixed-ending\n      ratings: [missed]\n",
    "")]

@Suite("attune test: errors, explanations and coverage, end to end", .serialized)
struct TestCoverageEndToEndTests {
    @Test("a case with errors: its tests were not run, and why; never '0 passed, 0 failed'")
    func caseWithErrors() throws {
        let folder = try caseFolder(["ana-visit": twoErrors])
        let file = folder.appendingPathComponent("ana-visit.yaml").path
        let result = try runAttune(["test", file])
        #expect(result.status == 1)
        #expect(result.stdout == "Tests not run for ana-visit.yaml: this case has 2 errors; fix them first "
            + "(attune lint \(file)).\n")
        #expect(result.stderr.contains("[unknown-node]"))
        #expect(!result.stdout.contains("0 passed"))

        // Beside a clean case, the clean one is tested and the summary counts the other.
        let mixed = try caseFolder(["ana-visit": twoErrors, "ben-visit": []])
        let both = try runAttune(["test", mixed.path])
        #expect(both.status == 1)
        #expect(both.stdout.contains("PASS ben-visit / baby first"))
        #expect(both.stdout.contains("Tests not run for ana-visit.yaml: this case has 2 errors"))
        #expect(both.stdout.hasSuffix("2 passed, 0 failed; 1 case not tested because of its errors\n"))

        // One error reads as one.
        let single = try caseFolder(["ana-visit": [twoErrors[0]]])
        let one = try runAttune(["test", single.appendingPathComponent("ana-visit.yaml").path])
        #expect(one.status == 1)
        #expect(one.stdout.contains("this case has 1 error; fix it first (attune lint "))
    }

    @Test("no tests, or no cases: said in words, not as '0 passed, 0 failed'")
    func nothingToRun() throws {
        let scaffold = ScenarioScaffold.text(id: "ana-visit")
        let tests = String(scaffold[try #require(scaffold.range(of: "tests:\n")).lowerBound...])
        let folder = try caseFolder(["ana-visit": [(tests, "")]])
        let untested = try runAttune(["test", folder.path])
        #expect(untested.status == 0)
        #expect(untested.stdout == "No tests to run: write a 'tests:' section in the case (docs/authoring.md, Tests).\n")
        let covered = try runAttune(["test", "--coverage", folder.path])
        #expect(covered.stdout.contains("  choices made: 0 of 2 (0%); attuned 0 of 1, missed 0 of 1"))
        let empty = try temporaryDirectory()
        let none = try runAttune(["test", empty.path])
        #expect(none.status == 0)
        #expect(none.stdout == "No cases were found there, so there are no tests to run.\n")
    }

    @Test("the shell's test says the same for a case with errors")
    func shellCaseWithErrors() throws {
        let folder = try caseFolder(["ana-visit": twoErrors])
        let data = try temporaryDirectory()
        let result = try runAttune(["--data-dir", data.path], input: "test \(folder.path)\nquit\n")
        // The shell fits its lines to 80 columns; read the sentence whole.
        let stdout = result.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(stdout.contains("Tests not run for ana-visit.yaml: this case has 2 errors; fix them first "
            + "(lint \(folder.appendingPathComponent("ana-visit.yaml").path))."))
        #expect(!result.stdout.contains("0 passed"))
    }

    @Test("a choice not offered: the failure names the condition that was false and the value that made it so")
    func failureExplained() throws {
        let folder = try caseFolder(["ana-visit": hiddenPaperwork])
        let result = try runAttune(["test", folder.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("FAIL ana-visit / paperwork first"))
        #expect(result.stdout.contains("- step 1 ('paperwork-first' at node 'arrival'): the choice 'Start with the "
            + "paperwork.' was not offered: its condition `trust >= 1` is false because trust is 0; the offered "
            + "choices are 1 notice-baby\n"))
        #expect(result.stdout.hasSuffix("1 passed, 1 failed\n"))
    }

    @Test("--coverage: per case and in total, counts and percentages, then what no test exercises, named")
    func coverage() throws {
        let folder = try caseFolder(["ana-visit": [], "ben-visit": oneTest])
        let result = try runAttune(["test", "--coverage", folder.path])
        #expect(result.status == 0, "coverage gaps never fail: \(result.stdout)")
        let ben = "/ben-visit.yaml"
        #expect(result.stdout.contains("""
            Coverage of ana-visit (\(folder.path)/ana-visit.yaml)
              choices made: 2 of 2 (100%); attuned 1 of 1, missed 1 of 1
              endings reached: 2 of 2 (100%)
              debrief rules shown: 1 of 1 (100%)
              Every choice, ending and debrief rule is exercised by a test.
            """))
        #expect(result.stdout.contains("""
            Coverage of ben-visit (\(folder.path)\(ben))
              choices made: 1 of 2 (50%); attuned 1 of 1, missed 0 of 1
              endings reached: 1 of 2 (50%)
              debrief rules shown: 1 of 1 (100%)
              Choices no test makes:
                arrival.paperwork-first (missed, line 39): "Start with the paperwork."
              Endings no test reaches:
                mixed-ending
            """))
        #expect(result.stdout.hasSuffix("""
            Coverage in total (2 cases)
              choices made: 3 of 4 (75%); attuned 2 of 2, missed 1 of 2
              endings reached: 3 of 4 (75%)
              debrief rules shown: 2 of 2 (100%)

            """))

        // At 60 columns the lines fit, and a long item continues under its own text.
        let narrow = try runAttune(["test", "--coverage", folder.path], environment: ["COLUMNS": "60"])
        let lines = narrow.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        // (A file's path is one word and is never broken.)
        #expect(lines.allSatisfy { $0.count <= 60 || $0.contains(folder.path) }, "\(narrow.stdout)")
        let choice = try #require(lines.firstIndex { $0.hasPrefix("    arrival.paperwork-first (missed, line 39):") })
        #expect(lines[choice + 1].hasPrefix("      ") && lines[choice + 1].contains("paperwork"), "\(narrow.stdout)")

        // Over files, like `attune test`: the same report for the files named.
        let files = try runAttune(["test", "--coverage", folder.path + ben])
        #expect(files.status == 0)
        #expect(files.stdout.contains("Coverage of ben-visit"))
        #expect(!files.stdout.contains("Coverage of ana-visit"))
        #expect(!files.stdout.contains("Coverage in total"), "one case needs no total")
        let two = try runAttune(["test", "--coverage", folder.path + ben, folder.path + "/ana-visit.yaml"])
        #expect(two.stdout.contains("Coverage in total (2 cases)"))
    }

    @Test("--coverage keeps a failing test failing, and leaves a case with errors out of the total, saying so")
    func coverageWithFailures() throws {
        let folder = try caseFolder(["ana-visit": hiddenPaperwork, "ben-visit": [], "cara-visit": twoErrors])
        let result = try runAttune(["test", "--coverage", folder.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("FAIL ana-visit / paperwork first"))
        #expect(result.stdout.contains("Coverage in total (2 cases; 1 case with errors not measured)"))
        #expect(result.stdout.contains("arrival.paperwork-first (missed, line 39)"))
    }

    @Test("in the shell, TAB completes --coverage and then the case or path after it")
    func completion() {
        let (shell, _) = makeShell()
        #expect(shell.complete("test --c").candidates == ["--coverage"])
        #expect(shell.complete("test --coverage v").candidates == ["visit"])
        #expect(shell.complete("test v").candidates == ["visit"])
        #expect(shell.complete("lint --c").candidates == [])
    }

    @Test("the bundled library: every ending, attuned and unsafe choice is covered, from the shell too")
    func bundled() throws {
        let result = try runAttune(["test", "--coverage"])
        #expect(result.status == 0)
        let total = try #require(result.stdout.components(separatedBy: "Coverage in total (").last)
        #expect(total.hasPrefix("11 cases)") || !total.hasPrefix("1 case"))
        let lines = total.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("  endings reached: ") && $0.hasSuffix(" (100%)") }, "\(total)")
        #expect(lines.contains { $0.contains("attuned ") && $0.contains("unsafe ") }, "\(total)")
        let data = try temporaryDirectory()
        let shell = try runAttune(["--data-dir", data.path], input: "test --coverage maya-quiet-visit\nquit\n")
        #expect(shell.stdout.contains("Coverage of maya-quiet-visit"))
        #expect(shell.stdout.contains("  endings reached: 3 of 3 (100%)"))
    }
}
