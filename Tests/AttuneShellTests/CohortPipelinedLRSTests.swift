import AttuneCore
@testable import AttuneRecords
import Foundation
import Testing

/// The cohort read from an LRS while it is counted (`readCohort`: one thread fetches and
/// decodes page N+1 while the caller counts page N), against Tests/LRSFixtures/misbehaving_lrs.py
/// serving pages this test writes (`--mode pages`). The tally must be the one reading the
/// same pages one after another gives, the first problem must stop the reading with the
/// pages before it counted and no request after it, and the reader must stay one page ahead.
@Suite("Cohort report from an LRS, read while counted", .serialized)
struct CohortPipelinedLRSTests {
    private static let content: (knowledge: KnowledgeBase, scenarios: [Scenario]) = {
        let knowledge = (try? KnowledgeLoader.load(directory: packageRoot.appendingPathComponent("Knowledge").path).base) ?? .empty
        let scenarios = (try? ScenarioLoader.load(directory: packageRoot.appendingPathComponent("Scenarios").path,
                                                  knowledge: knowledge).scenarios) ?? []
        return (knowledge, scenarios)
    }()

    private static let cohort = "spring-2027"

    private func newTally() -> CohortTally {
        CohortTally(scenarios: Self.content.scenarios, knowledge: Self.content.knowledge,
                    options: .init(cohort: Self.cohort, checksPeriod: false), memoryLimit: 64)
    }

    /// The fixture serving `voiding` and `cohort` pages (`mode`: pages, or pages-fail-N-KIND).
    private func server(_ mode: String, voiding: [[[String: Any]]], cohort: [[[String: Any]]]) throws -> (MisbehavingLRS, URL) {
        let folder = try temporaryDirectory()
        let file = folder.appendingPathComponent("pages.json")
        try JSONSerialization.data(withJSONObject: ["voiding": voiding, "cohort": cohort]).write(to: file)
        return (try MisbehavingLRS(mode: mode, arguments: ["--pages", file.path]), folder)
    }

    /// The reference: the same pages decoded and counted one after another, the voiding pages first.
    private func sequential(voiding: [[[String: Any]]], cohort: [[[String: Any]]]) throws -> CohortTally {
        var tally = newTally()
        func decoded(_ page: [[String: Any]]) throws -> [CohortRawStatement?] {
            let data = try JSONSerialization.data(withJSONObject: ["statements": page, "more": ""])
            return try JSONDecoder().decode(CohortPage.self, from: data).statements.map(\.statement)
        }
        for page in voiding {
            for statement in try decoded(page) {
                if let target = CohortTally.voidedTarget(of: statement) { tally.voided.insert(target) }
            }
        }
        for page in cohort {
            for statement in try decoded(page) { tally.add(raw: statement) }
        }
        return tally
    }

    /// Reads from `server` as the report does; the error's words, if any, and the progress calls.
    private func read(_ server: MisbehavingLRS, into tally: inout CohortTally, pageSize: Int = 500,
                      during: (Int) -> Void = { _ in }) -> (message: String?, progress: [[Int]]) {
        var calls: [[Int]] = []
        do {
            let client = try LRSClient(endpoint: server.endpoint, user: "tester", password: "secret",
                                       limits: .init(overall: 30, perTry: 10, attempts: 1))
            try client.readCohort(CohortQuery(cohort: Self.cohort, pageSize: pageSize), into: &tally) { pages, statements in
                calls.append([pages, statements])
                during(pages)
            }
            return (nil, calls)
        } catch {
            return ("\(error)", calls)
        }
    }

    private func cohortRequests(_ server: MisbehavingLRS) -> [MisbehavingLRS.Request] {
        server.requests.filter { $0.origin == "lrs" && $0.target.contains("activity=") }
    }

    // MARK: An error on page 3

    /// Five pages of four statements each, each page its own learners.
    private func fivePages() -> [[[String: Any]]] {
        var generator = StatementGenerator(seed: 7, scenarios: Self.content.scenarios, cohort: Self.cohort)
        return (0..<5).map { page in (0..<4).map { _ in generator.attempt(learner: "page-\(page + 1)") } }
    }

    @Test("an error on page 3 (bad JSON, a web page, a redirect, a 'more' loop) stops the reading with exactly pages 1 and 2 counted, and no request after it",
          arguments: [("json", "not a list of statements"), ("html", "it was a web page"), ("redirect", "redirect (302)"),
                      ("loop", "sent the same page again and again")])
    func errorOnPageThree(kind: String, expected: String) throws {
        let cohort = fivePages()
        let (server, folder) = try server("pages-fail-3-\(kind)", voiding: [[]], cohort: cohort)
        defer { try? FileManager.default.removeItem(at: folder) }
        var tally = newTally()
        let (message, progress) = read(server, into: &tally)
        let text = try #require(message, "\(kind): read as if it were statements")
        #expect(text.contains(expected), "\(kind): \(text)")
        #expect(text.contains("The report was not written"), "\(kind): \(text)")
        #expect(!text.contains("secret"))
        // Pages 1 and 2, counted and shown; page 3 never (not even the loop's, whose link is unsound).
        #expect(progress == [[1, 4], [2, 8]], "\(kind)")
        let reference = try sequential(voiding: [[]], cohort: Array(cohort.prefix(2)))
        #expect(tally.report(source: .lrs(address: "lrs")) == reference.report(source: .lrs(address: "lrs")), "\(kind)")
        #expect(tally.report(source: .lrs(address: "lrs")).learners.map(\.name) == ["page-1", "page-2"], "\(kind)")
        // The voiding query and three pages; nothing after the failure, then or later.
        let requests = server.requests.filter { $0.origin == "lrs" }
        #expect(requests.count == 4, "\(kind): \(requests.map(\.target))")
        Thread.sleep(forTimeInterval: 0.5)
        #expect(server.requests.filter { $0.origin == "lrs" }.count == 4, "\(kind): a request after the failure")
        #expect(server.requests.allSatisfy { $0.origin == "lrs" }, "\(kind): the redirect was followed")
    }

    // MARK: One page ahead, no further

    @Test("while page 1 is counted, page 2 is already fetched, and page 3 not until page 2 is taken")
    func onePageAhead() throws {
        let cohort = fivePages()
        let (server, folder) = try server("pages", voiding: [[]], cohort: cohort)
        defer { try? FileManager.default.removeItem(at: folder) }
        var tally = newTally()
        var fetchedAhead = false
        var countDuringPageOne = 0
        let (message, progress) = read(server, into: &tally) { page in
            guard page == 1 else { return }
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline && cohortRequests(server).count < 2 { Thread.sleep(forTimeInterval: 0.02) }
            fetchedAhead = cohortRequests(server).count == 2
            Thread.sleep(forTimeInterval: 0.5)
            countDuringPageOne = cohortRequests(server).count
        }
        #expect(message == nil, "\(message ?? "")")
        #expect(fetchedAhead, "page 2 was not asked for while page 1 was counted")
        #expect(countDuringPageOne == 2, "the reader ran more than one page ahead")
        #expect(progress == [[1, 4], [2, 8], [3, 12], [4, 16], [5, 20]])
        #expect(cohortRequests(server).count == 5)
    }

    // MARK: The same tally as one page after another

    @Test("seeded random pages: the tally read while counting equals the one read page after page, and no request after it",
          arguments: [1, 2, 3, 4, 5] as [UInt64])
    func randomPages(seed: UInt64) throws {
        var generator = StatementGenerator(seed: seed, scenarios: Self.content.scenarios, cohort: Self.cohort)
        var statements: [[String: Any]] = []
        for learner in 0..<Int(3 + generator.next() % 12) {
            for _ in 0..<Int(1 + generator.next() % 3) { statements += generator.play(learner: "learner-\(learner)") }
        }
        // What an LRS may also send: another tool's statement, a copy, another cohort's, and
        // statements it should have left out because they were voided.
        statements.insert(["id": UUID().uuidString, "actor": ["mbox": "mailto:x@example.org"],
                           "verb": ["id": "http://example.org/read"], "object": ["id": "https://example.org/page"]],
                          at: Int(generator.next() % UInt64(statements.count)))
        statements.append(statements[Int(generator.next() % UInt64(statements.count))])
        statements.append(generator.attempt(learner: "elsewhere", cohort: "autumn-2026"))
        var voidingStatements: [[String: Any]] = []
        for _ in 0..<Int(generator.next() % 4) {
            let target = statements[Int(generator.next() % UInt64(statements.count))]["id"] as? String ?? ""
            voidingStatements.append(generator.voiding(target))
        }
        let cohort = generator.split(statements, largest: 40)
        let voiding = generator.split(voidingStatements, largest: 2)
        let (server, folder) = try server("pages", voiding: voiding, cohort: cohort)
        defer { try? FileManager.default.removeItem(at: folder) }

        var tally = newTally()
        let (message, progress) = read(server, into: &tally)
        #expect(message == nil, "\(message ?? "")")
        let reference = try sequential(voiding: voiding, cohort: cohort)
        let report = tally.report(source: .lrs(address: "lrs"))
        #expect(report == reference.report(source: .lrs(address: "lrs")), "seed \(seed)")
        #expect(report.statementsRead == statements.count)
        #expect(report.statementsCounted > statements.count / 2, "seed \(seed): the generated statements are not counted")
        var total = 0
        #expect(progress == cohort.enumerated().map { index, page in
            total += page.count
            return [index + 1, total]
        })
        let pagesAsked = voiding.count + cohort.count
        #expect(server.requests.count == pagesAsked, "seed \(seed): \(server.requests.map(\.target))")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(server.requests.count == pagesAsked, "seed \(seed): a request after the report was counted")
    }
}

/// Attune's statements for a cohort, seeded: random walks through the bundled cases.
private struct StatementGenerator {
    var random: SeededGenerator
    let scenarios: [Scenario]
    let cohort: String
    private var clock = 1_800_000_000.0

    init(seed: UInt64, scenarios: [Scenario], cohort: String) {
        random = SeededGenerator(seed: seed)
        self.scenarios = scenarios
        self.cohort = cohort
    }

    /// The next number of the seeded sequence (AttuneCore's SplitMix64).
    mutating func next() -> UInt64 { random.next() }

    private mutating func uuid() -> String {
        let a = next(), b = next()
        let hex = Array(String(format: "%016llx%016llx", a, (b & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000))
        return "\(String(hex[0..<8]))-\(String(hex[8..<12]))-4\(String(hex[13..<16]))-\(String(hex[16..<20]))-\(String(hex[20..<32]))"
    }

    private mutating func statement(_ learner: String, verb: String, object: String, cohort: String? = nil,
                                    result: [String: Any]? = nil) -> [String: Any] {
        clock += Double(30 + next() % 90)
        var statement: [String: Any] = [
            "id": uuid(),
            "actor": ["account": ["homePage": "https://attune.invalid", "name": learner], "objectType": "Agent"],
            "verb": ["id": "http://adlnet.gov/expapi/verbs/\(verb)"],
            "object": ["id": object, "objectType": "Activity"],
            "timestamp": ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: clock)),
            "context": ["platform": "Attune",
                        "contextActivities": ["grouping": [["id": "urn:attune:cohort:\(cohort ?? self.cohort)"]]]],
        ]
        if let result { statement["result"] = result }
        return statement
    }

    /// A learner starting a case.
    mutating func attempt(learner: String, cohort: String? = nil) -> [String: Any] {
        let scenario = scenarios[Int(next() % UInt64(scenarios.count))]
        return statement(learner, verb: "attempted", object: "urn:attune:scenario:\(scenario.id)", cohort: cohort)
    }

    /// One random walk through a case: its statements.
    mutating func play(learner: String) -> [[String: Any]] {
        let scenario = scenarios[Int(next() % UInt64(scenarios.count))]
        let base = "urn:attune:scenario:\(scenario.id)"
        var statements = [statement(learner, verb: "attempted", object: base)]
        var node = scenario.node(scenario.start.value)
        var steps = 0
        while let current = node, !current.isEnding, !current.choices.isEmpty, steps < 12 {
            steps += 1
            let pick = current.choices[Int(next() % UInt64(current.choices.count))]
            statements.append(statement(learner, verb: "responded", object: "\(base):node:\(current.id):choice:\(pick.id)",
                                        result: ["response": pick.id,
                                                 "extensions": ["urn:attune:extension:rating": pick.rating.rawValue]]))
            node = scenario.node(pick.next.value)
        }
        if let ending = node, ending.isEnding {
            statements.append(statement(learner, verb: "completed", object: base,
                                        result: ["completion": true, "extensions": ["urn:attune:extension:ending": ending.id]]))
        }
        return statements
    }

    /// A statement withdrawing `target`.
    mutating func voiding(_ target: String) -> [String: Any] {
        ["id": uuid(), "actor": ["account": ["homePage": "https://attune.invalid", "name": "admin"]],
         "verb": ["id": "http://adlnet.gov/expapi/verbs/voided"], "object": ["objectType": "StatementRef", "id": target]]
    }

    /// `statements` cut into pages of 0 to `largest` (an empty page now and then, as an LRS may send).
    mutating func split(_ statements: [[String: Any]], largest: Int) -> [[[String: Any]]] {
        var pages: [[[String: Any]]] = []
        var rest = statements[...]
        while !rest.isEmpty {
            let size = Int(next() % UInt64(largest + 1))
            pages.append(Array(rest.prefix(size)))
            rest = rest.dropFirst(size)
        }
        return pages.isEmpty ? [[]] : pages
    }
}
