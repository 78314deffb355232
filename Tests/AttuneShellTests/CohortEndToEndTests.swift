import AttuneRecords
import Foundation
import Testing

/// Three learners play Maya's visit with known choices in their own data folders; a fourth
/// plays too but sends without the cohort. Fifth visit: 1 = greet both, 3 = "such an easy
/// baby" (missed the cue). Floor time: 4 = wait for her to return, 3 = wonder aloud, 2 =
/// more smiles (missed).
private let learners: [(name: String, input: String, cohort: Bool)] = [
    ("ana", "play maya-quiet-visit\n1\n4\nstop\n", true),
    ("ben", "play maya-quiet-visit\n3\n2\nstop\n", true),
    ("cleo", "play maya-quiet-visit\n3\n3\nreflect Maya's stillness worried me.\nstop\n", true),
    ("dev", "play maya-quiet-visit\n3\n2\nstop\n", false),
]

private let browserPython = packageRoot.appendingPathComponent(".build/browser-venv/bin/python").path

/// The report's JSON, decoded.
private func decode(_ url: URL) throws -> CohortReport {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return try decoder.decode(CohortReport.self, from: Data(contentsOf: url))
}

private func split(_ report: CohortReport, _ node: String) -> [String: Int] {
    let row = report.decisions.first { $0.nodeID == node }
    return Dictionary(uniqueKeysWithValues: (row?.options ?? []).map { ($0.id, $0.learners) })
}

/// What the three cohort learners chose, exactly.
private func expectExactSplit(_ report: CohortReport, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(report.learners.map(\.name) == ["ana", "ben", "cleo"], sourceLocation: sourceLocation)
    #expect(split(report, "fifth-visit") == ["greet-both": 1, "checklist": 0, "easy-baby": 2], sourceLocation: sourceLocation)
    let floor = split(report, "floor-time")
    #expect(floor["wait-return"] == 1 && floor["wonder-alicia"] == 1 && floor["more-smiles"] == 1 && floor["teach-tips"] == 0,
            sourceLocation: sourceLocation)
    #expect(report.discussionPlan.first?.nodeID == "fifth-visit", sourceLocation: sourceLocation)
    #expect(report.cases.first?.learnersStarted == 3, sourceLocation: sourceLocation)
    #expect(report.statementsCounted == 3 * 3 + 1, "an attempt and two answers each, and one reflection",
            sourceLocation: sourceLocation)
}

private func permissions(_ url: URL) throws -> Int {
    try (FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) ?? -1
}

@Suite("Cohort report end to end", .serialized)
struct CohortEndToEndTests {
    /// Each learner's data folder after playing.
    private func play(in directory: URL) throws -> [String: String] {
        var folders: [String: String] = [:]
        for learner in learners {
            let data = directory.appendingPathComponent(learner.name).path
            let played = try runAttune(["--data-dir", data], input: learner.input)
            #expect(played.status == 0, "\(played.stderr)")
            folders[learner.name] = data
        }
        return folders
    }

    /// Each learner's exported statement file, after playing.
    private func exportedFiles(in directory: URL) throws -> [String] {
        let folders = try play(in: directory)
        var files: [String] = []
        for learner in learners {
            let file = directory.appendingPathComponent("\(learner.name).jsonl")
            let exported = try runAttune(["export", "xapi", file.path, "--account", learner.name, "--data-dir", folders[learner.name]!]
                                         + (learner.cohort ? ["--cohort", "spring-2027"] : []))
            #expect(exported.status == 0, "\(exported.stderr)")
            files.append(file.path)
        }
        return files
    }

    @Test("the HTML report in headless Chromium: the expected headings, a screenshot that is not blank, and no serious or critical axe violation",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
                       && FileManager.default.isExecutableFile(atPath: browserPython),
                   "chromium, chromium-driver, Selenium or axe-selenium-python is missing; `make test` installs them"))
    func inChromium() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = try exportedFiles(in: directory)
        let html = directory.appendingPathComponent("cohort.html")
        let made = try runAttune(["cohort", "report", "--cohort", "spring-2027"] + files + [html.path])
        #expect(made.status == 0, "\(made.stderr)")
        let browser = Process()
        browser.executableURL = URL(fileURLWithPath: browserPython)
        let shot = directory.appendingPathComponent("cohort.png"), result = directory.appendingPathComponent("result.json")
        browser.arguments = [packageRoot.appendingPathComponent("Tests/Browser/cohort_report.py").path, html.path, shot.path,
                             result.path, "Cohort report: spring-2027", "Discussion plan for the next workshop", "Cases practised",
                             "Each learner", "Competencies exercised", "1. Maya, four months"]
        let log = directory.appendingPathComponent("browser.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        browser.standardOutput = try FileHandle(forWritingTo: log)
        browser.standardError = try FileHandle(forWritingTo: log)
        try browser.run()
        browser.waitUntilExit()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(browser.terminationStatus == 0, "\(output)")
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: result)) as? [String: Any]
        #expect(summary?["ok"] as? Bool == true, "\(summary?["failures"] ?? output)")
        #expect((summary?["axe"] as? [Any])?.count == 2, "axe ran on screen and print")
        #expect((try FileManager.default.attributesOfItem(atPath: shot.path)[.size] as? Int ?? 0) > 10_000)
    }

    @Test("from learners' exported files: the exact split at each decision; a learner without the cohort is left out")
    func fromFiles() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = try exportedFiles(in: directory)
        let json = directory.appendingPathComponent("cohort.json")
        let made = try runAttune(["cohort", "report", "--cohort", "spring-2027"] + files + [json.path])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("Wrote the cohort report to \(json.path): 3 learners, 10 statements counted."))
        #expect(try permissions(json) == 0o600)
        let report = try decode(json)
        expectExactSplit(report)
        #expect(report.skipped.map { "\($0.reason.rawValue) \($0.count)" } == ["otherCohort 3"])
        #expect(report.source == .files(count: 4))

        // Without a cohort, every file counts: dev's answers join the split.
        let everyone = directory.appendingPathComponent("everyone.json")
        #expect(try runAttune(["cohort", "report"] + files + [everyone.path]).status == 0)
        #expect(split(try decode(everyone), "fifth-visit")["easy-baby"] == 3)

        // Markdown and HTML, chosen by the extension; reflections only when asked for.
        let markdown = directory.appendingPathComponent("cohort.md")
        #expect(try runAttune(["cohort", "report", "--cohort", "spring-2027"] + files + [markdown.path]).status == 0)
        let text = try String(contentsOf: markdown, encoding: .utf8)
        #expect(text.hasPrefix("# Cohort report: spring-2027"))
        #expect(text.contains("| Missed the cue | 2 of 3 |"))
        #expect(!text.contains("stillness worried"), "the reflection was not sent")
        let html = directory.appendingPathComponent("cohort.html")
        #expect(try runAttune(["cohort", "report", "--include-reflections", "--cohort", "spring-2027"] + files + [html.path]).status == 0)
        #expect(try permissions(html) == 0o600)
        #expect(try String(contentsOf: html, encoding: .utf8).contains("<h2 id=\"plan\">"))
    }

    @Test("mistakes on the command line get a message that says what to type")
    func usage() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cases: [([String], String)] = [
            (["cohort", "report", "a.jsonl"], "Give the learners' exported files and then the report file"),
            (["cohort", "report", "a.jsonl", "out.txt"], "Name the report file with .md, .json or .html"),
            (["cohort", "report", "--lrs", "http://127.0.0.1:9/xAPI/", "out.html"], "give the cohort's name with --cohort"),
            (["cohort", "report", "--cohort", "spring 2027", "a.jsonl", "out.md"], "cannot name a cohort"),
            (["cohort", "report", "--since", "March", "a.jsonl", "out.md"], "--since needs a day written as year-month-day"),
            (["cohort", "report", "missing.jsonl", "out.md"], "There is no file at missing.jsonl"),
            (["export", "xapi", "x.jsonl", "--account", "ana", "--cohort", "a/b"], "cannot name a cohort"),
        ]
        for (arguments, message) in cases {
            let result = try runAttune(arguments, in: directory)
            #expect(result.status != 0, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("Swift"), "no runtime error")
        }
    }

    @Test("from a running LRS: learners send with --cohort, the report pages through them; one who sent without is not in it",
          .enabled(if: ralphInstalled, "ralph-malph is not installed in .build/lrs-venv; `make test` installs it"))
    func fromLRS() throws {
        let directory = try temporaryDirectory()
        let server = try RalphServer(directory: directory, appending: true)
        let folders = try play(in: directory)
        for learner in learners {
            let sent = try runAttune(["export", "xapi", "--lrs", server.endpoint, "--user", "tester", "--account", learner.name,
                                      "--data-dir", folders[learner.name]!] + (learner.cohort ? ["--cohort", "spring-2027"] : []),
                                     environment: ["ATTUNE_LRS_PASSWORD": "secret"])
            #expect(sent.status == 0, "\(sent.stderr)")
        }
        let json = directory.appendingPathComponent("cohort.json")
        let made = try runAttune(["cohort", "report", "--lrs", server.endpoint, "--user", "tester", "--cohort", "spring-2027", json.path],
                                 environment: ["ATTUNE_LRS_PASSWORD": "secret"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(try permissions(json) == 0o600)
        let report = try decode(json)
        expectExactSplit(report)
        #expect(report.skipped.isEmpty, "the LRS's filter left out dev's statements: \(report.skipped)")

        // Inside the shell, with the password from the environment.
        let html = directory.appendingPathComponent("cohort.html")
        let shell = try runAttune([], input: "cohort report --lrs \(server.endpoint) --user tester --cohort spring-2027 \(html.path)\nquit\n",
                                  environment: ["ATTUNE_LRS_PASSWORD": "secret"])
        #expect(shell.stdout.contains("Wrote the cohort report to \(html.path): 3 learners"), "\(shell.stdout) \(shell.stderr)")
        let refused = try runAttune([], input: "cohort report --lrs \(server.endpoint) --user tester --password secret --cohort x out.md\nquit\n")
        #expect(refused.stderr.contains("leave --password out"))
        let noPassword = try runAttune([], input: "cohort report --lrs \(server.endpoint) --user tester --cohort x out.md\nquit\n")
        #expect(noPassword.stderr.contains("the LRS password comes from ATTUNE_LRS_PASSWORD"))

        let wrong = try runAttune(["cohort", "report", "--lrs", server.endpoint, "--user", "tester", "--cohort", "spring-2027",
                                   directory.appendingPathComponent("x.md").path], environment: ["ATTUNE_LRS_PASSWORD": "nope"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("refused the user name or password"))
        withExtendedLifetime(server) {}
    }
}
