import AttuneCore
@testable import AttuneStore
import Foundation
import Testing
@testable import AttuneRecords

private let t0 = Date(timeIntervalSince1970: 1_800_000_000)

/// Issue 22, item 9: `export xapi` wrote "completed Maya, four months: a quiet home visit"
/// with a draft's ending, a false learning record for an organisation's LRS. A case is its id
/// and its origin: a draft asked for (`--include-drafts`) is an activity of its own.
@Suite("xAPI statements and drafts")
struct XAPIDraftTests {
    private let draftKey = CaseKey(id: "visit", origin: "/home/author/drafts")

    private func scenarios() -> [CaseKey: Scenario] {
        let knowledge = KnowledgeLoader.load(sources: [SourceText(path: "Knowledge/tenets.yaml", text: exampleKnowledgeText)]).base
        let real = ScenarioLoader.load(sources: [SourceText(path: "Scenarios/visit.yaml", text: exampleScenarioText)],
                                       knowledge: knowledge).scenarios[0]
        var draft = real
        draft.title = "A visit, rewritten"
        return [CaseKey(id: "visit"): real, draftKey: draft]
    }

    private let log = ActivityLog(
        playthroughs: [
            .init(id: 1, scenarioID: "visit", origin: "bundled", startedAt: t0, status: "active", ending: nil, endingKind: nil,
                  finishedAt: nil),
            .init(id: 2, scenarioID: "visit", origin: "/home/author/drafts", startedAt: t0, status: "finished",
                  ending: "flat", endingKind: .concerning, finishedAt: t0.addingTimeInterval(300)),
        ],
        choices: [
            .init(id: 10, playthrough: 2, step: 0, node: "arrival", choice: "forms", rating: .missed, competencies: [],
                  madeAt: t0.addingTimeInterval(60)),
        ],
        journal: [
            JournalEntry(id: 5, createdAt: t0.addingTimeInterval(120), scenarioID: "visit", origin: "/home/author/drafts",
                         nodeID: "arrival", prompt: nil, text: "Draft words.", groupSession: nil),
        ])

    @Test("a draft's completion names the draft, never the bundled case it shares an id with")
    func draftIsItsOwnActivity() throws {
        let builder = XAPIStatements(account: LearnerAccount(name: "me"), includeReflections: false, scenarios: scenarios())
        let statements = builder.statements(from: log)
        let completed = try #require(statements.first { ($0["verb"] as? [String: Any])?["id"] as? String == "http://adlnet.gov/expapi/verbs/completed" })
        let object = try #require(completed["object"] as? [String: Any])
        let id = try #require(object["id"] as? String)
        #expect(id.hasPrefix("urn:attune:draft:") && id.hasSuffix(":scenario:visit"))
        #expect(!id.contains("/home/author"), "the folder is not shown")
        let name = ((object["definition"] as? [String: Any])?["name"] as? [String: String])?["en-US"]
        #expect(name == "A visit, rewritten (an author's draft)")
        let text = try XAPIStatements.jsonLines(statements)
        #expect(!text.contains("\"urn:attune:scenario:visit:node:arrival:choice:forms\""))
        #expect(text.components(separatedBy: "\"urn:attune:scenario:visit\"").count == 2, "only the real attempt names the real case")
    }

    @Test("the bundled case keeps its activity id and name")
    func bundledUnchanged() throws {
        #expect(XAPIStatements.scenarioActivity(CaseKey(id: "visit")) == "urn:attune:scenario:visit")
        #expect(XAPIStatements.scenarioActivity(draftKey) == XAPIStatements.scenarioActivity(draftKey))
        #expect(XAPIStatements.scenarioActivity(draftKey) != XAPIStatements.scenarioActivity(CaseKey(id: "visit", origin: "/elsewhere")))
    }
}
