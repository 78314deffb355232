import AttuneCore
@testable import AttuneStore
import Foundation
import Testing
@testable import AttuneRecords

private let t0 = Date(timeIntervalSince1970: 1_800_000_000)

private let log = ActivityLog(
    playthroughs: [
        .init(id: 1, scenarioID: "visit", origin: "bundled", startedAt: t0, status: "finished", ending: "warm", endingKind: .hopeful,
              finishedAt: t0.addingTimeInterval(300)),
    ],
    choices: [
        .init(id: 10, playthrough: 1, step: 0, node: "arrival", choice: "greet", rating: .attuned,
              competencies: ["competency.direct-service"], madeAt: t0.addingTimeInterval(60)),
    ],
    journal: [
        JournalEntry(id: 5, createdAt: t0.addingTimeInterval(120), scenarioID: "visit", nodeID: "gaze", prompt: nil,
                     text: "Private words.", groupSession: nil),
    ])

@Suite("xAPI statements")
struct XAPIStatementsTests {
    let builder = XAPIStatements(account: LearnerAccount(name: "learner-7"), includeReflections: false, scenarios: [])

    @Test("one statement per attempt, choice, reflection and completion, in time order")
    func verbs() {
        let statements = builder.statements(from: log)
        let verbs = statements.compactMap { ($0["verb"] as? [String: Any])?["id"] as? String }
        #expect(verbs == ["attempted", "responded", "commented", "completed"].map { "http://adlnet.gov/expapi/verbs/\($0)" })
    }

    @Test("ids are deterministic UUIDs and differ by account")
    func deterministicIDs() {
        let first = builder.statements(from: log).compactMap { $0["id"] as? String }
        #expect(first == builder.statements(from: log).compactMap { $0["id"] as? String })
        #expect(Set(first).count == 4)
        #expect(first.allSatisfy { UUID(uuidString: $0) != nil && $0[$0.index($0.startIndex, offsetBy: 14)] == "5" })
        let other = XAPIStatements(account: LearnerAccount(name: "someone-else"), includeReflections: false, scenarios: [])
        #expect(Set(other.statements(from: log).compactMap { $0["id"] as? String }).isDisjoint(with: first))
    }

    @Test("a choice carries its rating and competencies as result extensions, with stable activity ids")
    func choiceStatement() throws {
        let choice = try #require(builder.statements(from: log).first { ($0["verb"] as? [String: Any])?["id"] as? String == "http://adlnet.gov/expapi/verbs/responded" })
        #expect((choice["object"] as? [String: Any])?["id"] as? String == "urn:attune:scenario:visit:node:arrival:choice:greet")
        let result = try #require(choice["result"] as? [String: Any])
        let extensions = try #require(result["extensions"] as? [String: Any])
        #expect(extensions["urn:attune:extension:rating"] as? String == "attuned")
        #expect(extensions["urn:attune:extension:competencies"] as? [String] == ["competency.direct-service"])
        let actor = try #require(choice["actor"] as? [String: Any])
        #expect((actor["account"] as? [String: String])?["name"] == "learner-7")
        #expect(actor["mbox"] == nil && actor["name"] == nil, "only the chosen account name identifies the learner")
    }

    @Test("reflection text is sent only when asked")
    func reflections() throws {
        let without = try XAPIStatements.jsonLines(builder.statements(from: log))
        #expect(!without.contains("Private words."))
        let with = XAPIStatements(account: LearnerAccount(name: "learner-7"), includeReflections: true, scenarios: [])
        #expect(try XAPIStatements.jsonLines(with.statements(from: log)).contains("Private words."))
    }
}
