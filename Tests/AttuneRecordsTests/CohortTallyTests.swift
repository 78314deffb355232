import AttuneCore
@testable import AttuneRecords
@testable import AttuneStore
import Foundation
import Testing

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
private let knowledge = (try? KnowledgeLoader.load(directory: root.appendingPathComponent("Knowledge").path).base) ?? .empty
private let scenarios = (try? ScenarioLoader.load(directory: root.appendingPathComponent("Scenarios").path, knowledge: knowledge).scenarios) ?? []
private let t0 = Date(timeIntervalSince1970: 1_800_000_000)

/// A learner's statements for Maya's visit: one playthrough, the given (node, choice) answers
/// a minute apart, finished at `ending` when given.
private func maya(_ learner: String, _ answers: [(String, String)], ending: String? = nil, cohort: String? = "spring-2027",
                  start: Date = t0, reflection: String? = nil) -> [[String: Any]] {
    let scenario = scenarios.first { $0.id == "maya-quiet-visit" }!
    let choices = answers.enumerated().map { step, answer in
        let rating = scenario.node(answer.0)?.choices.first { $0.id == answer.1 }?.rating ?? .missed
        return ActivityLog.Choice(id: Int64(step + 1), playthrough: 1, step: step, node: answer.0, choice: answer.1,
                                  rating: rating, competencies: [], madeAt: start.addingTimeInterval(Double(60 * (step + 1))))
    }
    let playthrough = ActivityLog.Playthrough(
        id: 1, scenarioID: "maya-quiet-visit", origin: "bundled", startedAt: start, status: ending == nil ? "playing" : "finished",
        ending: ending, endingKind: ending == nil ? nil : .hopeful,
        finishedAt: ending == nil ? nil : start.addingTimeInterval(3600))
    let journal = reflection.map {
        [JournalEntry(id: 1, createdAt: start.addingTimeInterval(30), scenarioID: "maya-quiet-visit", nodeID: "fifth-visit",
                      prompt: nil, text: $0, groupSession: nil)]
    } ?? []
    let builder = XAPIStatements(account: LearnerAccount(name: learner), includeReflections: reflection != nil,
                                 scenarios: scenarios, cohort: cohort)
    return builder.statements(from: ActivityLog(playthroughs: [playthrough], choices: choices, journal: journal))
}

private func tally(_ statements: [Any], options: CohortTally.Options = .init(cohort: "spring-2027")) -> CohortReport {
    var tally = CohortTally(scenarios: scenarios, knowledge: knowledge, options: options)
    for statement in statements { tally.add(statement) }
    return tally.report(source: .files(count: 1))
}

private func skipped(_ report: CohortReport, _ reason: CohortSkip) -> Int {
    report.skipped.first { $0.reason == reason }?.count ?? 0
}

private func split(_ report: CohortReport, _ node: String) -> [String: Int] {
    let row = report.decisions.first { $0.nodeID == node }
    return Dictionary(uniqueKeysWithValues: (row?.options ?? []).map { ($0.id, $0.learners) })
}

@Suite("Cohort report: counting")
struct CohortTallyTests {
    @Test("the bundled content loads for these tests")
    func content() {
        #expect(scenarios.contains { $0.id == "maya-quiet-visit" })
        #expect(knowledge.count > 0)
    }

    @Test("each decision's split counts each learner's answer; most missed comes first in the discussion plan, with knowledge links")
    func exactSplit() throws {
        let statements = maya("ana", [("fifth-visit", "greet-both"), ("floor-time", "wait-return")], ending: "warm-thread")
            + maya("ben", [("fifth-visit", "easy-baby"), ("floor-time", "more-smiles")])
            + maya("cleo", [("fifth-visit", "easy-baby"), ("floor-time", "wonder-alicia")])
        let report = tally(statements)
        #expect(report.learnerCount == 3)
        #expect(report.statementsRead == statements.count)
        #expect(report.statementsCounted == statements.count)
        #expect(report.skipped.isEmpty)
        #expect(split(report, "fifth-visit") == ["greet-both": 1, "checklist": 0, "easy-baby": 2])
        #expect(split(report, "floor-time")["wait-return"] == 1)
        #expect(split(report, "floor-time")["more-smiles"] == 1)
        #expect(split(report, "floor-time")["wonder-alicia"] == 1)
        let plan = report.discussionPlan
        #expect(plan.map(\.nodeID) == ["fifth-visit"], "two of three missed the cue there; one of three at floor time")
        #expect(plan.first?.missedOrUnsafe == 2)
        #expect(plan.first?.knowledge.isEmpty == false)
        #expect(report.decisions.first?.nodeID == "fifth-visit")
        let maya = try #require(report.cases.first)
        #expect(maya.learnersStarted == 3 && maya.learnersFinished == 1)
        #expect(maya.endings.map(\.count) == [1])
        let ana = try #require(report.learners.first { $0.name == "ana" })
        #expect(ana.casesFinished == 1)
        #expect(ana.ratings.first { $0.rating == .attuned }?.count == 2)
        #expect(!ana.competencies.isEmpty)
        #expect(report.competencies.allSatisfy { $0.learners <= 3 })
        for competency in ana.competencies {
            #expect((report.competencies.first { $0.id == competency.id }?.learners ?? 0) >= 1)
            #expect(competency.title == knowledge[competency.id]?.title, "names come from the knowledge base")
        }
        #expect(report.competencies.contains { $0.learners == 0 }, "competencies the cases exercise that nobody did are listed")
    }

    @Test("a learner's replay counts among the answers but the split keeps the first answer")
    func replays() {
        let first = maya("ana", [("fifth-visit", "easy-baby")])
        let replay = maya("ana", [("fifth-visit", "greet-both")], start: t0.addingTimeInterval(86_400)).map { statement in
            var copy = statement
            copy["id"] = UUID().uuidString.lowercased()
            return copy
        }
        // Newest first, as an LRS answers by default: the first answer is still the earliest.
        let report = tally(replay + first)
        let row = report.decisions.first { $0.nodeID == "fifth-visit" }
        #expect(row?.learners == 1 && row?.answers == 2)
        #expect(split(report, "fifth-visit")["easy-baby"] == 1)
        #expect(split(report, "fifth-visit")["greet-both"] == 0)
    }

    @Test("other tools' statements are counted and skipped, never taken for a learner")
    func otherTools() {
        let foreign: [String: Any] = [
            "id": UUID().uuidString, "actor": ["account": ["homePage": "https://lms.example", "name": "ana"]],
            "verb": ["id": "http://adlnet.gov/expapi/verbs/completed"], "timestamp": "2027-03-01T10:00:00Z",
            "object": ["id": "https://lms.example/course/7"],
        ]
        let report = tally(maya("ana", [("fifth-visit", "greet-both")]) + [foreign, foreign, "text", 42, [1, 2]])
        #expect(report.learnerCount == 1)
        #expect(skipped(report, .otherTool) == 2)
        #expect(skipped(report, .notJSON) == 3)
        #expect(report.statementsCounted == 2)
    }

    @Test("a case this copy does not have, or a choice the case no longer has, is skipped and named; the rest count")
    func unknownIDs() {
        var statements = maya("ana", [("fifth-visit", "greet-both"), ("floor-time", "wait-return")])
        statements += maya("ben", [("fifth-visit", "greet-both")]).map { statement in
            var copy = statement
            copy["id"] = UUID().uuidString
            var object = copy["object"] as! [String: Any]
            object["id"] = (object["id"] as! String).replacingOccurrences(of: "maya-quiet-visit", with: "retired-case")
            copy["object"] = object
            return copy
        }
        var changed = maya("cleo", [("fifth-visit", "hug-maya"), ("gone-node", "greet-both")])
        changed.removeFirst()  // only the two answers
        statements += changed
        let report = tally(statements)
        #expect(skipped(report, .unknownCase) == 2)
        #expect(skipped(report, .unknownChoice) == 2)
        #expect(split(report, "fifth-visit") == ["greet-both": 1, "checklist": 0, "easy-baby": 0])
        #expect(report.learnerCount == 1)
    }

    @Test("a duplicate statement id is counted once")
    func duplicates() {
        let statements = maya("ana", [("fifth-visit", "easy-baby")])
        let report = tally(statements + statements + statements)
        #expect(skipped(report, .duplicate) == 4)
        #expect(report.statementsCounted == 2)
        #expect(report.decisions.first?.answers == 1)
    }

    @Test("a voided statement is not counted, whether the voiding comes before or after it in a file")
    func voided() throws {
        let statements = maya("ana", [("fifth-visit", "easy-baby")]) + maya("ben", [("fifth-visit", "greet-both")])
        let target = try #require(statements[1]["id"] as? String)
        let voiding: [String: Any] = [
            "id": UUID().uuidString, "actor": ["account": ["homePage": "https://attune.invalid", "name": "admin"]],
            "verb": ["id": "http://adlnet.gov/expapi/verbs/voided"], "timestamp": "2027-03-01T10:00:00Z",
            "object": ["objectType": "StatementRef", "id": target.uppercased()],
        ]
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = directory.appendingPathComponent("a.jsonl"), second = directory.appendingPathComponent("b.jsonl")
        try XAPIStatements.jsonLines(statements).write(to: first, atomically: true, encoding: .utf8)
        try (XAPIStatements.jsonLines([voiding]) + "not json at all\n\n").write(to: second, atomically: true, encoding: .utf8)
        var counter = CohortTally(scenarios: scenarios, knowledge: knowledge, options: .init())
        try CohortFiles.read([first.path, second.path], into: &counter)
        let report = counter.report(source: .files(count: 2))
        #expect(skipped(report, .voided) == 1)
        #expect(skipped(report, .voiding) == 1)
        #expect(skipped(report, .notJSON) == 1)
        #expect(split(report, "fifth-visit") == ["greet-both": 1, "checklist": 0, "easy-baby": 0])
        #expect(report.statementsRead == 6)
    }

    @Test("with a cohort, statements for another cohort or none are skipped")
    func otherCohort() {
        let statements = maya("ana", [("fifth-visit", "easy-baby")]) + maya("ben", [("fifth-visit", "easy-baby")], cohort: nil)
            + maya("cleo", [("fifth-visit", "easy-baby")], cohort: "autumn")
        let report = tally(statements)
        #expect(report.learners.map(\.name) == ["ana"])
        #expect(skipped(report, .otherCohort) == 4)
        let all = tally(statements, options: .init())
        #expect(all.learnerCount == 3)
    }

    @Test("statements outside --since and --until are skipped when reading files")
    func period() {
        let statements = maya("ana", [("fifth-visit", "easy-baby")]) + maya("ben", [("fifth-visit", "easy-baby")], start: t0.addingTimeInterval(10 * 86_400))
        let report = tally(statements, options: .init(cohort: "spring-2027", since: t0.addingTimeInterval(86_400)))
        #expect(report.learners.map(\.name) == ["ben"])
        #expect(skipped(report, .outsidePeriod) == 2)
        #expect(report.period.earliest == t0.addingTimeInterval(10 * 86_400))
    }

    @Test("statements without a learner, an id or a time are skipped, not guessed at")
    func malformed() {
        var statements = maya("ana", [("fifth-visit", "easy-baby")])
        var noActor = statements[1]
        noActor.removeValue(forKey: "actor")
        noActor["id"] = UUID().uuidString
        var noTime = statements[1]
        noTime["timestamp"] = "yesterday"
        noTime["id"] = UUID().uuidString
        var badID = statements[1]
        badID["id"] = "not-a-uuid"
        statements += [noActor, noTime, badID]
        let report = tally(statements)
        #expect(skipped(report, .noLearner) == 1)
        #expect(skipped(report, .notUnderstood) == 2)
        #expect(report.decisions.first?.answers == 1)
    }

    @Test("reflections appear only when asked for and only when sent")
    func reflections() {
        let statements = maya("ana", [("fifth-visit", "easy-baby")], reflection: "She seemed so still.")
            + maya("ben", [("fifth-visit", "easy-baby")])
        let hidden = tally(statements)
        #expect(hidden.reflections == nil)
        #expect(hidden.reflectionCount == 1)
        #expect(!CohortMarkdown.render(hidden).contains("She seemed so still"))
        #expect(!CohortHTML.render(hidden).contains("She seemed so still"))
        let shown = tally(statements, options: .init(cohort: "spring-2027", includeReflections: true))
        #expect(shown.reflections?.map(\.text) == ["She seemed so still."])
        #expect(CohortMarkdown.render(shown).contains("She seemed so still"))
    }
}

@Suite("Cohort report: renderings and names")
struct CohortRenderingTests {
    @Test("hostile account names cannot add markup to Markdown or HTML, nor escape sequences to either")
    func hostileNames() {
        let name = "<script>alert(1)</script> # | [x](http://evil) \u{1B}]52;c;AAAA\u{07}"
        let report = tally(maya(name, [("fifth-visit", "easy-baby")]))
        let html = CohortHTML.render(report)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(!html.contains("\u{1B}"))
        let markdown = CohortMarkdown.render(report)
        #expect(!markdown.contains("\u{1B}"))
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains("\\[x\\]"))
        #expect(markdown.contains("\\|"))
    }

    @Test("the HTML page is self-contained: no script, no outside file, a chart per decision, rating words in the tables")
    func htmlPage() {
        let report = tally(maya("ana", [("fifth-visit", "easy-baby")]) + maya("ben", [("fifth-visit", "greet-both")]))
        let html = CohortHTML.render(report)
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("src=") && !html.contains("href="))
        #expect(html.contains("<svg class=\"chart\""))
        #expect(html.contains("Missed the cue") && html.contains("Attuned"))
        #expect(html.contains("<h2 id=\"plan\">Discussion plan for the next workshop</h2>"))
        #expect(html.contains("@media print"))
    }

    @Test("the Markdown report puts the discussion plan first and names what was skipped")
    func markdown() {
        let report = tally(maya("ana", [("fifth-visit", "easy-baby")]) + ["not a statement"])
        let text = CohortMarkdown.render(report)
        let plan = text.range(of: "## Discussion plan")!.lowerBound
        #expect(plan < text.range(of: "## Cases practised")!.lowerBound)
        #expect(text.contains("| Missed the cue | 1 of 1 |"))
        #expect(text.contains("1 statement could not be read at all (not a statement): not counted."))
    }

    @Test("the JSON report decodes back to the same model")
    func json() throws {
        let report = tally(maya("ana", [("fifth-visit", "easy-baby")], ending: "warm-thread"))
        let text = try CohortJSON.render(report)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(CohortReport.self, from: Data(text.utf8)) == report)
    }

    @Test("the format comes from the extension")
    func formats() {
        #expect(CohortFormat(path: "a/b.MD") == .markdown)
        #expect(CohortFormat(path: "x.json") == .json)
        #expect(CohortFormat(path: "x.htm") == .html)
        #expect(CohortFormat(path: "x.txt") == nil)
        #expect(CohortFormat(path: "x") == nil)
    }

    @Test("cohort names: letters, digits, '-', '_' and '.'; anything else is refused with what to type")
    func names() {
        #expect((try? CohortName.check(" spring-2027 ").get()) == "spring-2027")
        for bad in ["", "spring 2027", "café", "a/b", "-x", String(repeating: "a", count: 65), "x\u{1B}[2J"] {
            guard case .failure(let problem) = CohortName.check(bad) else {
                Issue.record("\(bad) was accepted")
                continue
            }
            #expect(problem.description.contains("spring-2027"))
            #expect(!problem.description.contains("\u{1B}"))
        }
    }

    @Test("a cohort puts a grouping activity in every statement, and its statements have ids of their own")
    func cohortTag() throws {
        let tagged = maya("ana", [("fifth-visit", "easy-baby")])
        let plain = maya("ana", [("fifth-visit", "easy-baby")], cohort: nil)
        for statement in tagged {
            let context = try #require(statement["context"] as? [String: Any])
            let grouping = try #require((context["contextActivities"] as? [String: Any])?["grouping"] as? [[String: Any]])
            #expect(grouping.first?["id"] as? String == "urn:attune:cohort:spring-2027")
        }
        #expect(plain.allSatisfy { (($0["context"] as? [String: Any])?["contextActivities"] as? [String: Any])?["grouping"] == nil })
        #expect(Set(tagged.compactMap { $0["id"] as? String }).isDisjoint(with: plain.compactMap { $0["id"] as? String }))
    }

    @Test("a statement decoded straight from JSON reads the same as one parsed first, wrong types included")
    func decodedParts() throws {
        var statements: [[String: Any]] = maya("ana", [("fifth-visit", "easy-baby")], ending: "warm-thread", reflection: "Words.")
        statements.append(["id": 5, "verb": "responded", "object": ["id": ["nested"]], "timestamp": true,
                           "context": ["contextActivities": ["grouping": ["id": "urn:attune:cohort:spring-2027"]]],
                           "actor": ["account": "ana"], "result": ["extensions": "none"]])
        statements.append(["context": ["contextActivities": ["grouping": [7, "x", ["id": "urn:attune:cohort:a"]]]]])
        for statement in statements {
            let data = try JSONSerialization.data(withJSONObject: statement)
            let decoded = try JSONDecoder().decode(LenientStatement.self, from: data).statement
            #expect(decoded == CohortRawStatement(statement), "\(statement)")
        }
        let page = try JSONDecoder().decode(CohortPage.self, from: Data(#"{"statements": [1, "two", null, {"id": "x"}], "more": 3}"#.utf8))
        #expect(page.statements.map { $0.statement == nil } == [true, true, true, false])
        #expect(page.more == nil)
    }

    @Test("times are read as ISO 8601 says, fractions and offsets included; anything else is refused")
    func times() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        for text in ["2027-03-01T10:00:00Z", "2027-03-01T10:00:00.250Z", "1999-12-31T23:59:59+02:00", "2028-02-29T00:00:00.5-05:30"] {
            let plain = ISO8601DateFormatter()
            let expected = formatter.date(from: text) ?? plain.date(from: text)
            #expect(CohortStatement.parseTime(text) == expected, "\(text)")
        }
        for text in ["2027-03-01", "2027-13-01T10:00:00Z", "2027-03-01T10:00:00", "2027-03-01T10:00:00Zjunk", "yesterday", ""] {
            #expect(CohortStatement.parseTime(text) == nil, "\(text)")
        }
        #expect(CohortDate.parse("2027-03-01") == CohortStatement.parseTime("2027-03-01T00:00:00Z"))
    }
}


@Suite("Cohort report: memory that stays flat", .serialized)
struct CohortSpillTests {
    /// Learners answering Maya's first moments, some replaying (new ids, later or earlier
    /// times, and ties), with duplicated statements, in a shuffled order.
    static func cohort(seed: UInt64) -> [[String: Any]] {
        var random = SeededGenerator(seed: seed)
        let scenario = scenarios.first { $0.id == "maya-quiet-visit" }!
        let first = scenario.node("fifth-visit")!.choices.map(\.id)
        let floor = scenario.node("floor-time")!.choices.map(\.id)
        var statements: [[String: Any]] = []
        for learner in 0..<40 {
            let plays = Int.random(in: 1...3, using: &random)
            for play in 0..<plays {
                // A replay may start before, after, or at the same moment as the first play.
                let offset = Double(Int.random(in: -1...2, using: &random) * 86_400 * play)
                var answers = [("fifth-visit", first.randomElement(using: &random)!)]
                if Bool.random(using: &random) { answers.append(("floor-time", floor.randomElement(using: &random)!)) }
                var batch = maya("learner-\(learner)", answers, start: t0.addingTimeInterval(offset))
                if play > 0 {
                    batch = batch.map { var copy = $0; copy["id"] = UUID(uuid: Self.uuid(&random)).uuidString.lowercased(); return copy }
                }
                statements += batch
            }
        }
        statements += statements.filter { _ in Int.random(in: 0..<5, using: &random) == 0 }
        statements.shuffle(using: &random)
        return statements
    }

    fileprivate static func uuid(_ random: inout SeededGenerator) -> uuid_t {
        let a = random.next(), b = random.next()
        return withUnsafeBytes(of: (a, b)) { bytes in
            var value: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            withUnsafeMutableBytes(of: &value) { $0.copyMemory(from: bytes) }
            return value
        }
    }

    static func report(_ statements: [[String: Any]], memoryLimit: Int) -> (CohortReport, Bool) {
        var tally = CohortTally(scenarios: scenarios, knowledge: knowledge, options: .init(cohort: "spring-2027"),
                                memoryLimit: memoryLimit)
        for statement in statements { tally.add(statement) }
        return (tally.report(source: .files(count: 1)), tally.hasSpilled)
    }

    @Test("a tally that spills to its scratch file reports exactly what one in memory reports", arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func spillMatchesMemory(seed: UInt64) {
        let statements = Self.cohort(seed: seed)
        let (inMemory, spilledThere) = Self.report(statements, memoryLimit: 1_000_000)
        for limit in [1, 3, 17] {
            let (spilled, didSpill) = Self.report(statements, memoryLimit: limit)
            #expect(didSpill, "seed \(seed), limit \(limit)")
            #expect(spilled == inMemory, "seed \(seed), limit \(limit)")
            // And byte for byte, in every format.
            for format in CohortFormat.allCases {
                #expect((try? format.render(spilled)) == (try? format.render(inMemory)), "seed \(seed), limit \(limit), \(format)")
            }
        }
        #expect(!spilledThere)
        #expect(inMemory.skipped.contains { $0.reason == .duplicate })
    }

    @Test("with the default limit, the ids and first answers held in memory never outgrow their first 2^17 buckets")
    func heldMemoryStaysBounded() {
        let spill = CohortSpill()
        var random = SeededGenerator(seed: 7)
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        for index in 0..<(CohortSpill.defaultMemoryLimit + 2000) {
            #expect(spill.insert(UUID(uuid: Self.uuid(&random))))
            spill.answer(decision: index % 40, learner: index / 40, at: start.addingTimeInterval(Double(index)), option: index % 3)
        }
        #expect(spill.hasSpilled)
        // A Set or Dictionary holds at most three quarters of its buckets: 2^17 buckets hold 98,304.
        #expect(spill.heldCapacity.ids <= 98_304, "ids: room for \(spill.heldCapacity.ids)")
        #expect(spill.heldCapacity.firsts <= 98_304, "first answers: room for \(spill.heldCapacity.firsts)")
        let counts = spill.firstCounts()
        #expect(counts.values.map { $0.values.reduce(0, +) }.reduce(0, +) == CohortSpill.defaultMemoryLimit + 2000)
    }

    @Test("the JSON written a learner at a time is byte for byte what encoding the whole report writes", arguments: [1, 2, 3] as [UInt64])
    func jsonRowsMatchWholeEncoding(seed: UInt64) throws {
        var statements = Self.cohort(seed: seed)
        // Names a trainer's cohort really has: accents, apostrophes, quotes, emoji, a slash, a backslash.
        for name in ["Zoë O'Brien", "Ana \"Nana\" Ruiz", "Léa 👶🏽 Dubois", "d/v\\x", "Ñandú, María-José"] {
            statements += maya(name, [("fifth-visit", "greet-both")], reflection: "I'd wait — \"she's listening\" 👀")
        }
        var tally = CohortTally(scenarios: scenarios, knowledge: knowledge, options: .init(cohort: "spring-2027", includeReflections: true))
        for statement in statements { tally.add(statement) }
        for report in [tally.report(source: .files(count: 2)), tally.report(source: .lrs(address: "https://lrs.example.org/xAPI/"))] {
            #expect(report.learners.count > 40)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            let whole = String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
            #expect(try CohortJSON.render(report) == whole)
            #expect(try CohortJSONRows.Splice(report, encoder: encoder) != nil, "the rows are spliced, not the whole report encoded")
            #expect(Array(try CohortJSON.render(report).utf8) == Array(whole.utf8))
            // Two learners, one and none: the edges of the splice.
            for count in [2, 1, 0] {
                var small = report
                small.learners = Array(report.learners.prefix(count))
                #expect(Array(try CohortJSON.render(small).utf8) == Array((String(decoding: try encoder.encode(small), as: UTF8.self) + "\n").utf8))
            }
        }
    }

    @Test("the scratch file is private while the report runs and gone when it is done")
    func scratchIsPrivateAndRemoved() throws {
        let temporary = FileManager.default.temporaryDirectory
        func scratch() throws -> Set<String> {
            Set(try FileManager.default.contentsOfDirectory(atPath: temporary.path).filter { $0.hasPrefix("attune-cohort-") })
        }
        let before = try scratch()
        do {
            var tally = CohortTally(scenarios: scenarios, knowledge: knowledge, options: .init(cohort: "spring-2027"), memoryLimit: 2)
            for statement in Self.cohort(seed: 42) { tally.add(statement) }
            let made = try scratch().subtracting(before)
            #expect(made.count == 1)
            for folder in made {
                let path = temporary.appendingPathComponent(folder).path
                let folderMode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
                let fileMode = try FileManager.default.attributesOfItem(atPath: path + "/spill.sqlite")[.posixPermissions] as? Int
                #expect(folderMode == 0o700)
                #expect(fileMode == 0o600)
            }
            _ = tally.report(source: .files(count: 1))
        }
        #expect(try scratch().subtracting(before).isEmpty)
    }
}
