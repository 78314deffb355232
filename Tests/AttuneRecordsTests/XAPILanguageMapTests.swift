import AttuneCatalog
import AttuneCore
@testable import AttuneStore
import Foundation
import Testing
@testable import AttuneRecords

private let t0 = Date(timeIntervalSince1970: 1_800_000_000)

/// Issue 24: statements carry every language Attune speaks in their language maps
/// (`{"en-US": …, "es-US": …}`), as xAPI 1.0.3 allows for a verb's display and an
/// activity's name, description and choice descriptions.
@Suite("xAPI language maps")
struct XAPILanguageMapTests {
    private let bundled = CaseKey(id: "visit")
    private let draftKey = CaseKey(id: "visit", origin: "/home/author/drafts")

    private func english() -> Scenario {
        let knowledge = KnowledgeLoader.load(sources: [SourceText(path: "Knowledge/tenets.yaml", text: exampleKnowledgeText)]).base
        return ScenarioLoader.load(sources: [SourceText(path: "Scenarios/visit.yaml", text: exampleScenarioText)],
                                   knowledge: knowledge).scenarios[0]
    }

    /// The case as a translated library would load it: every text Spanish but the prompt
    /// (left untranslated, so it stays English).
    private func spanish() -> Scenario {
        var scenario = english()
        scenario.title = "Una visita"
        scenario.summary = "Un caso corto."
        let index = scenario.nodes.firstIndex { $0.id == "arrival" }!
        scenario.nodes[index].choices[0].text = "Saluda al bebé."
        scenario.nodes[index].choices[1].text = "Empieza con los formularios."
        return scenario
    }

    private let log = ActivityLog(
        playthroughs: [
            .init(id: 1, scenarioID: "visit", origin: "bundled", startedAt: t0, status: "finished", ending: "warm",
                  endingKind: .hopeful, finishedAt: t0.addingTimeInterval(300)),
        ],
        choices: [
            .init(id: 10, playthrough: 1, step: 0, node: "arrival", choice: "greet", rating: .attuned,
                  competencies: [], madeAt: t0.addingTimeInterval(60)),
        ],
        journal: [
            JournalEntry(id: 5, createdAt: t0.addingTimeInterval(120), scenarioID: nil, nodeID: nil, prompt: nil,
                         text: "Mis palabras.", groupSession: nil),
        ])

    private func statement(_ verb: String, in statements: [[String: Any]]) throws -> [String: Any] {
        try #require(statements.first { ($0["verb"] as? [String: Any])?["id"] as? String == "http://adlnet.gov/expapi/verbs/\(verb)" })
    }

    private func map(_ value: Any?) -> [String: String]? { value as? [String: String] }

    /// Every language map in `value` (under `display`, `name` or `description`), wherever it sits.
    private func languageMaps(_ value: Any) -> [[String: String]] {
        if let object = value as? [String: Any] {
            return object.flatMap { key, inner -> [[String: String]] in
                if ["display", "name", "description"].contains(key), let map = inner as? [String: String] { return [map] }
                return languageMaps(inner)
            }
        }
        if let list = value as? [Any] { return list.flatMap(languageMaps) }
        return []
    }

    @Test("each verb's display is in every language, from the catalog")
    func verbDisplays() throws {
        let statements = XAPIStatements(account: LearnerAccount(name: "me"), includeReflections: false,
                                        scenarios: [bundled: english()]).statements(from: log)
        for verb in ToolText.Verb.allCases {
            let display = map((try statement(verb.rawValue, in: statements)["verb"] as? [String: Any])?["display"])
            #expect(display == ["en-US": verb.rawValue, "es-US": Language.spanish.catalog.tools(.xapi(.verb(verb)))])
        }
        #expect(Language.spanish.catalog.tools(.xapi(.verb(.attempted))) == "intentó")
    }

    @Test("every language map holds exactly the languages Attune speaks")
    func mapShape() throws {
        let statements = XAPIStatements(account: LearnerAccount(name: "me"), includeReflections: false,
                                        scenarios: [bundled: english()]).statements(from: log)
        let maps = statements.flatMap(languageMaps)
        #expect(maps.count >= 4 + 2 + 2 + 1)
        #expect(maps.allSatisfy { Set($0.keys) == ["en-US", "es-US"] && $0.values.allSatisfy { !$0.isEmpty } })
    }

    @Test("without a translation, a case's texts repeat the English in the Spanish part")
    func untranslatedRepeatsEnglish() throws {
        let statements = XAPIStatements(account: LearnerAccount(name: "me"), includeReflections: false,
                                        scenarios: [bundled: english()]).statements(from: log)
        let definition = try #require((try statement("attempted", in: statements)["object"] as? [String: Any])?["definition"] as? [String: Any])
        #expect(map(definition["name"]) == ["en-US": "A visit", "es-US": "A visit"])
        #expect(map(definition["description"]) == ["en-US": "A short case.", "es-US": "A short case."])
        let choice = try #require((try statement("responded", in: statements)["object"] as? [String: Any])?["definition"] as? [String: Any])
        #expect(map(choice["name"]) == ["en-US": "Greet the baby.", "es-US": "Greet the baby."])
    }

    @Test("a translated case gives its Spanish title, summary and choices; an untranslated text stays English")
    func translatedCase() throws {
        let builder = XAPIStatements(account: LearnerAccount(name: "me"), includeReflections: false,
                                     scenarios: [bundled: english()], translations: [.spanish: [bundled: spanish()]])
        let statements = builder.statements(from: log)
        let definition = try #require((try statement("completed", in: statements)["object"] as? [String: Any])?["definition"] as? [String: Any])
        #expect(map(definition["name"]) == ["en-US": "A visit", "es-US": "Una visita"])
        #expect(map(definition["description"]) == ["en-US": "A short case.", "es-US": "Un caso corto."])
        let responded = try statement("responded", in: statements)
        let choice = try #require((responded["object"] as? [String: Any])?["definition"] as? [String: Any])
        #expect(map(choice["name"]) == ["en-US": "Greet the baby.", "es-US": "Saluda al bebé."])
        // The moment answered, as a choice interaction: each choice's description in both languages.
        let parents = try #require(((responded["context"] as? [String: Any])?["contextActivities"] as? [String: Any])?["parent"] as? [[String: Any]])
        #expect(parents.map { $0["id"] as? String } == ["urn:attune:scenario:visit:node:arrival", "urn:attune:scenario:visit"])
        let moment = try #require(parents[0]["definition"] as? [String: Any])
        #expect(moment["interactionType"] as? String == "choice")
        #expect(map(moment["name"]) == ["en-US": "What first?", "es-US": "What first?"], "the prompt has no translation yet")
        let choices = try #require(moment["choices"] as? [[String: Any]])
        #expect(choices.map { $0["id"] as? String } == ["greet", "forms"])
        #expect(map(choices[1]["description"]) == ["en-US": "Start the forms.", "es-US": "Empieza con los formularios."])
        // The ids, and so the statements' identity, do not depend on the words.
        let plain = XAPIStatements(account: LearnerAccount(name: "me"), includeReflections: false, scenarios: [bundled: english()])
        #expect(statements.map { $0["id"] as? String } == plain.statements(from: log).map { $0["id"] as? String })
    }

    @Test("a draft is marked as a draft in each language, and the journal is named in each")
    func draftAndJournal() throws {
        let draftLog = ActivityLog(
            playthroughs: [.init(id: 2, scenarioID: "visit", origin: draftKey.origin, startedAt: t0, status: "active",
                                 ending: nil, endingKind: nil, finishedAt: nil)],
            choices: [], journal: log.journal)
        let statements = XAPIStatements(account: LearnerAccount(name: "me"), includeReflections: false,
                                        scenarios: [draftKey: english()], translations: [.spanish: [draftKey: spanish()]])
            .statements(from: draftLog)
        let name = map(((try statement("attempted", in: statements)["object"] as? [String: Any])?["definition"] as? [String: Any])?["name"])
        #expect(name == ["en-US": "A visit (an author's draft)", "es-US": "Una visita (borrador de un autor)"])
        let journal = map(((try statement("commented", in: statements)["object"] as? [String: Any])?["definition"] as? [String: Any])?["name"])
        #expect(journal == ["en-US": "Attune journal", "es-US": "Diario de Attune"])
    }

    @Test("context.language names the learner's language")
    func contextLanguage() throws {
        let spanishLearner = XAPIStatements(account: LearnerAccount(name: "me"), includeReflections: true,
                                            scenarios: [bundled: english()], learnerLanguage: .spanish)
        let statements = spanishLearner.statements(from: log)
        #expect(statements.allSatisfy { ($0["context"] as? [String: Any])?["language"] as? String == "es-US" })
        let english = XAPIStatements(account: LearnerAccount(name: "me"), includeReflections: true, scenarios: [bundled: english()])
        #expect(english.statements(from: log).allSatisfy { ($0["context"] as? [String: Any])?["language"] as? String == "en-US" })
    }

    @Test("the cohort report reads a statement whatever language its displays are in")
    func cohortReadsEitherLanguage() throws {
        let statements = XAPIStatements(account: LearnerAccount(name: "me"), includeReflections: false,
                                        scenarios: [bundled: english()], translations: [.spanish: [bundled: spanish()]])
            .statements(from: log)
        let responded = try statement("responded", in: statements)
        func only(_ tag: String, _ value: Any) -> Any {
            if var object = value as? [String: Any] {
                for (key, inner) in object {
                    if ["display", "name", "description"].contains(key), let map = inner as? [String: String] {
                        object[key] = map.filter { $0.key == tag }
                    } else {
                        object[key] = only(tag, inner)
                    }
                }
                return object
            }
            if let list = value as? [Any] { return list.map { only(tag, $0) } }
            return value
        }
        for tag in ["en-US", "es-US"] {
            let read = CohortStatement.read(only(tag, responded), cohort: nil)
            guard case let .answered(_, scenario, node, choice, rating) = read else {
                Issue.record("not read with \(tag) alone: \(read)")
                continue
            }
            #expect(scenario == "visit" && node == "arrival" && choice == "greet" && rating == .attuned)
        }
    }
}
