import AttuneCore
import AttuneStore
import Foundation
import Testing
@testable import AttuneShell

private let dotPath = ["/usr/bin/dot", "/usr/local/bin/dot"].first { FileManager.default.isExecutableFile(atPath: $0) }

/// An author's working folder with one case, checked against the bundled knowledge.
private func authorFolder(_ text: String = ScenarioScaffold.text(id: "ana-visit"), name: String = "ana-visit") throws -> URL {
    let folder = try temporaryDirectory().appendingPathComponent("cases")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try text.write(to: folder.appendingPathComponent("\(name).yaml"), atomically: true, encoding: .utf8)
    return folder
}

@Suite("Authoring end to end", .serialized)
struct AuthoringEndToEndTests {
    @Test("lint: 0 when clean, 1 with findings (a syntax error is one), 2 for a path that cannot be opened")
    func lintExitCodes() throws {
        let clean = try runAttune(["lint"])
        #expect(clean.status == 0, "\(clean.stdout)")
        #expect(clean.stdout.contains("files checked: no problems."))

        let folder = try authorFolder(ScenarioScaffold.text(id: "ana-visit")
            .replacingOccurrences(of: "next: mixed-ending", with: "next: mixd-ending")
            .replacingOccurrences(of: "title: \"A new case\"", with: "title: A new case: draft"))
        let file = folder.appendingPathComponent("ana-visit.yaml").path
        let findings = try runAttune(["lint", folder.path])
        #expect(findings.status == 1)
        #expect(findings.stdout.contains("\(file):4:18: error: unexpected ':' here"))
        #expect(findings.stdout.contains("1 file checked: 1 error."))

        let missing = try runAttune(["lint", "/nonexistent/case.yaml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot open /nonexistent/case.yaml: no such file or folder"))
    }

    @Test("lint reports many findings in one run, located, and as JSON for editors")
    func lintJSON() throws {
        let folder = try authorFolder(ScenarioScaffold.text(id: "ana-visit")
            .replacingOccurrences(of: "next: mixed-ending", with: "next: mixd-ending")
            .replacingOccurrences(of: "rating: missed", with: "rating: mised"))
        let text = try runAttune(["lint", folder.path])
        #expect(text.status == 1)
        #expect(text.stdout.contains("[unknown-node]"))
        #expect(text.stdout.contains("[invalid-value]"))
        let json = try runAttune(["lint", "--format", "json", folder.path])
        #expect(json.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let findings = try #require(object?["findings"] as? [[String: Any]])
        #expect(Set(findings.compactMap { $0["rule"] as? String }).isSuperset(of: ["unknown-node", "invalid-value"]))
        let unknown = try #require(findings.first { $0["rule"] as? String == "unknown-node" })
        #expect(unknown["line"] as? Int == 41)
        #expect(unknown["column"] as? Int == 15)
        #expect(object?["errors"] as? Int == 2)
    }

    @Test("lint checks what a text assumes: located at its assumes:, with a route, in text and as JSON")
    func lintAssumptions() throws {
        let folder = try authorFolder(ScenarioScaffold.text(id: "ana-visit")
            .replacingOccurrences(of: "      - say: The forms got done; the baby waited.\n",
                                  with: "      - say: The forms got done; the baby waited.\n        assumes: trust >= 1\n"))
        let file = folder.appendingPathComponent("ana-visit.yaml").path
        let text = try runAttune(["lint", folder.path])
        #expect(text.status == 1)
        #expect(text.stdout.contains("\(file):59:18: error: this debrief item of the ending 'mixed-ending' assumes 'trust >= 1'"))
        #expect(text.stdout.contains("by choosing \"Start with the paperwork.\" (paperwork-first); there trust is 0 [unmet-assumption]"))
        let json = try runAttune(["lint", "--format", "json", folder.path])
        #expect(json.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let findings = try #require(object?["findings"] as? [[String: Any]])
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding["rule"] as? String == "unmet-assumption")
        #expect(finding["severity"] as? String == "error")
        #expect(finding["line"] as? Int == 59)
        #expect(finding["column"] as? Int == 18)
        #expect(finding["source"] as? String == "        assumes: trust >= 1")
        #expect((finding["message"] as? String)?.hasSuffix("(paperwork-first); there trust is 0") == true)
        let rules = try runAttune(["lint", "--rules"])
        #expect(rules.stdout.contains("unmet-assumption"))
        // explore lists it too, and says when every assumption holds.
        let explored = try runAttune(["explore", file])
        #expect(explored.stdout.contains("What texts assume: 1 of 1 false on some route\n  line 59 'trust >= 1': paperwork-first; there trust is 0\n"))
        let holding = try authorFolder(ScenarioScaffold.text(id: "ana-visit")
            .replacingOccurrences(of: "      - say: The forms got done; the baby waited.\n",
                                  with: "      - say: The forms got done; the baby waited.\n        assumes: chose(arrival.paperwork-first)\n"))
        let clean = try runAttune(["explore", holding.appendingPathComponent("ana-visit.yaml").path])
        #expect(clean.stdout.contains("What texts assume: 1 assumption, true on every route\n"))
        // A case that says nothing of what its texts assume explores as before.
        let plain = try authorFolder(ScenarioScaffold.text(id: "ana-visit"))
        #expect(!(try runAttune(["explore", plain.appendingPathComponent("ana-visit.yaml").path])).stdout.contains("What texts assume"))
    }

    @Test("test: a failing expectation says which step diverged and shows expected versus actual")
    func testFailures() throws {
        let good = try runAttune(["test", try authorFolder().path])
        #expect(good.status == 0)
        #expect(good.stdout.hasSuffix("2 passed, 0 failed\n"))

        let folder = try authorFolder(ScenarioScaffold.text(id: "ana-visit")
            .replacingOccurrences(of: "variables: { trust: 1 }", with: "variables: { trust: 2 }")
            .replacingOccurrences(of: "choose: [paperwork-first]", with: "choose: [paperwork-first, notice-baby]"))
        let bad = try runAttune(["test", folder.path])
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("FAIL ana-visit / baby first"))
        #expect(bad.stdout.contains("- expected trust = 2, but it is 1"))
        #expect(bad.stdout.contains("- step 2 ('notice-baby' at node 'mixed-ending'): the case already ended"))
        #expect(bad.stdout.hasSuffix("0 passed, 2 failed\n"))
        let everything = try runAttune(["test"])
        #expect(everything.status == 0, "\(everything.stdout)")
    }

    @Test("explore answers endings, stuck states, never-offered choices, path count and random runs")
    func explore() throws {
        let result = try runAttune(["explore", "maya-quiet-visit", "--random", "100", "--seed", "3"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("distinct paths to an ending"))
        #expect(result.stdout.contains("Stuck states: none"))
        #expect(result.stdout.contains("Choices never offered: none"))
        #expect(result.stdout.contains("Random playthroughs (100, seed 3): 100 ended"))

        let folder = try authorFolder(ScenarioGenerator.chain(decisions: 60, id: "sixty"), name: "sixty")
        let knowledge = folder.deletingLastPathComponent().appendingPathComponent("knowledge")
        try FileManager.default.createDirectory(at: knowledge, withIntermediateDirectories: true)
        try exampleKnowledgeText.write(to: knowledge.appendingPathComponent("tenets.yaml"), atomically: true, encoding: .utf8)
        let huge = try runAttune(["explore", folder.appendingPathComponent("sixty.yaml").path, "--knowledge", knowledge.path])
        #expect(huge.stdout.contains("1,152,921,504,606,846,976 distinct paths to an ending"))
    }

    @Test("graph prints dot that Graphviz renders, and mermaid", .enabled(if: dotPath != nil, "Graphviz is not installed; `make test` installs it"))
    func graph() throws {
        let dot = try runAttune(["graph", "maya-quiet-visit", "--format", "dot"])
        #expect(dot.status == 0)
        let folder = try temporaryDirectory()
        let dotFile = folder.appendingPathComponent("maya.dot")
        try dot.stdout.write(to: dotFile, atomically: true, encoding: .utf8)
        let svg = try spawn([dotPath!, "-Tsvg", dotFile.path])
        #expect(svg.contains("<svg"))
        #expect(svg.contains("warm&#45;thread"))
        let mermaid = try runAttune(["graph", "maya-quiet-visit", "--format", "mermaid"])
        #expect(mermaid.stdout.contains("flowchart TD"))
        let unknown = try runAttune(["graph", "no-such-case"])
        #expect(unknown.status == 2)
    }

    @Test("new writes a scaffold that passes lint and test, and never overwrites")
    func newScenario() throws {
        let folder = try temporaryDirectory()
        let created = try runAttune(["new", "ana-first-visit", "--scenarios", folder.path])
        #expect(created.status == 0)
        let file = folder.appendingPathComponent("ana-first-visit.yaml").path
        #expect(try runAttune(["lint", file]).status == 0)
        #expect(try runAttune(["test", file]).status == 0)
        let again = try runAttune(["new", "ana-first-visit", "--scenarios", folder.path])
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exists"))
        let badName = try runAttune(["new", "Ana Visit"])
        #expect(badName.status == 2)
    }

    @Test("an author edits a case in another window, types reload and continues from the same node")
    func reload() throws {
        let folder = try authorFolder()
        let file = folder.appendingPathComponent("ana-visit.yaml")
        let library = try ContentLibrary.load(knowledgeDirectory: packageRoot.appendingPathComponent("Knowledge").path,
                                              scenarioDirectory: folder.path)
        let output = CapturedOutput()
        let paths = ContentPaths(knowledge: packageRoot.appendingPathComponent("Knowledge").path, scenarios: folder.path)
        let shell = Shell(library: library, output: output, contentPaths: paths)
        shell.execute("play ana-visit")
        shell.execute("set trust 4")
        #expect(shell.play.session?.state.node == "arrival")
        let edited = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "Start with the paperwork.", with: "Start with the intake paperwork.")
        try edited.write(to: file, atomically: true, encoding: .utf8)
        output.clear()
        shell.execute("reload")
        // Fewer than a thousand entries, so the count has no comma.
        #expect((2..<1000).contains(library.knowledge.count))
        #expect(output.text.contains("Reloaded: \(library.knowledge.count) entries, 1 case."))
        #expect(output.text.contains("2. Start with the intake paperwork."))
        #expect(shell.play.session?.state.node == "arrival")
        output.clear()
        shell.execute("vars")
        #expect(output.text.contains("trust = 4"), "counters survive the reload")

        // A broken edit keeps the version that was playing.
        try (edited + "\n  broken: [").write(to: file, atomically: true, encoding: .utf8)
        output.clear()
        shell.execute("reload")
        #expect(output.text.contains("did not load this time"))
        #expect(shell.play.session?.state.node == "arrival")
    }

    @Test("a reload that removes the current moment leaves the case and says that play continues the recorded path")
    func reloadRemovesMoment() throws {
        let folder = try authorFolder()
        let file = folder.appendingPathComponent("ana-visit.yaml")
        let knowledge = packageRoot.appendingPathComponent("Knowledge").path
        let library = try ContentLibrary.load(knowledgeDirectory: knowledge, scenarioDirectory: folder.path)
        let output = CapturedOutput()
        let store = try ProgressStore(directory: try temporaryDirectory().path)
        let shell = Shell(library: library, output: output, store: store,
                          contentPaths: ContentPaths(knowledge: knowledge, scenarios: folder.path))
        shell.execute("play ana-visit")
        shell.execute("1")
        #expect(shell.play.session?.state.node == "hopeful-ending")
        let renamed = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "hopeful-ending", with: "warm-ending")
        try renamed.write(to: file, atomically: true, encoding: .utf8)
        output.clear()
        shell.execute("reload")
        #expect(shell.play.session == nil)
        #expect(output.text.replacingOccurrences(of: "\n", with: " ")
            .contains("'play ana-visit' continues from the last moment of your path that still fits."))
        shell.execute("play ana-visit")
        #expect(shell.play.session?.state.node == "arrival", "the recorded path no longer fits, so play continues from the start")
    }

    @Test("goto, set and vars work inside a case and explain mistakes")
    func authorTools() throws {
        let (shell, output) = makeShell()
        shell.execute("play visit")
        shell.execute("goto gazee")
        #expect(output.errors.contains("The case has no node 'gazee'. Did you mean 'gaze'?"))
        shell.execute("set calm 1")
        #expect(output.errors.contains("The case has no counter 'calm'. Its counters: trust."))
        shell.execute("set trust many")
        #expect(output.errors.contains("Use 'set VAR N' with a whole number"))
        shell.execute("set trust 1")
        shell.execute("goto gaze")
        #expect(shell.play.session?.state.node == "gaze")
        #expect(output.text.contains("1. Wait for her."), "trust = 1 makes the conditional choice appear")
        output.clear()
        shell.execute("vars")
        #expect(output.text.contains("trust = 1"))
        #expect(output.text.contains("arrival, gaze"))
        shell.execute("back")
        #expect(shell.play.session?.state.node == "arrival", "back undoes goto")
        #expect(shell.complete("goto ga").candidates == ["gaze"])
        #expect(shell.complete("set tr").candidates == ["trust"])
    }

    @Test("play PATH plays a draft from anywhere without recording it")
    func playPath() throws {
        let folder = try authorFolder()
        let store = try ProgressStore(directory: try temporaryDirectory().appendingPathComponent("data").path)
        let library = try ContentLibrary.load(knowledgeDirectory: packageRoot.appendingPathComponent("Knowledge").path,
                                              scenarioDirectory: nil)
        let output = CapturedOutput()
        let shell = Shell(library: library, output: output, store: store)
        shell.execute("play \(folder.appendingPathComponent("ana-visit.yaml").path)")
        #expect(output.text.contains("nothing is recorded"))
        shell.execute("1")
        #expect(output.text.contains("The case ends here"))
        #expect(try store.statuses().isEmpty)
        shell.execute("stop")
        shell.execute("play /nonexistent/draft.yaml")
        #expect(output.errors.contains("Cannot open /nonexistent/draft.yaml"))
    }

    @Test("lint and test inside the shell")
    func shellLintAndTest() throws {
        let folder = try authorFolder(ScenarioScaffold.text(id: "ana-visit").replacingOccurrences(of: "rating: missed", with: "rating: mised"))
        let (shell, output) = makeShell()
        shell.execute("lint \(folder.path)")
        #expect(output.text.contains("[invalid-value]"))
        #expect(shell.lastCommandFailed)
        output.clear()
        shell.execute("test visit")
        #expect(output.text.contains("2 passed, 0 failed"))
        shell.execute("lint nowhere")
        #expect(output.errors.contains("'nowhere' is neither a file nor a case id"))
    }
}
