import AttuneCatalog
import AttuneCore
import AttuneStore
import Crypto
import Foundation

/// Who the statements are about: only an account name the learner chose.
public struct LearnerAccount: Sendable, Hashable {
    public var name: String
    /// The account's system. A reserved domain: Attune has no server of its own.
    public var homePage: String

    public init(name: String, homePage: String = "https://attune.invalid") {
        self.name = name
        self.homePage = homePage
    }
}

/// Builds xAPI 1.0.3 statements from the learner's record: one for each case attempted,
/// choice made (rating and competencies as result extensions), reflection written and case
/// completed. Pure: the same record gives the same statements, ids included (UUID version 5
/// from the account and the record's own ids), so sending twice can never store twice.
///
/// A case is named by its id and its origin: a case played from an author's draft folder
/// is another activity than the bundled case it may share an id with (its activity id names
/// the draft, its name says "draft"), so a draft's ending is never reported as the real
/// case's. The record itself leaves drafts out unless asked (`activityLog(includeDrafts:)`).
public struct XAPIStatements: Sendable {
    public static let activityBase = "urn:attune"
    public static let extensionBase = "urn:attune:extension"

    public let account: LearnerAccount
    public let includeReflections: Bool
    public let scenarios: [CaseKey: Scenario]
    /// The cohort the learner opted into (`--cohort`): named in every statement's context as
    /// a grouping activity (``cohortActivity(_:)``), so an LRS can be asked for the cohort's
    /// statements with the standard `activity` and `related_activities` filters. Its name is
    /// part of each statement's id, so statements sent without a cohort and with one are
    /// different statements, and neither conflicts with the other.
    public let cohort: String?
    /// The same cases as loaded in another language (a translated library), by the record
    /// they belong to. Their titles, summaries and choice texts fill that language's part of
    /// each language map; a case or text without a translation repeats the English there.
    public let translations: [Language: [CaseKey: Scenario]]
    /// The language the learner uses Attune in: the statements' `context.language`, the
    /// language of what the learner wrote (reflections).
    public let learnerLanguage: Language

    /// - Parameter scenarios: the loaded cases by the record they belong to, in English.
    /// - Parameter translations: the same cases loaded in other languages (see ``translations``).
    /// - Parameter cohort: a name checked by ``CohortName/check(_:)``.
    public init(account: LearnerAccount, includeReflections: Bool, scenarios: [CaseKey: Scenario],
                translations: [Language: [CaseKey: Scenario]] = [:], cohort: String? = nil, learnerLanguage: Language = .english) {
        self.account = account
        self.includeReflections = includeReflections
        self.scenarios = scenarios
        self.translations = translations
        self.cohort = cohort
        self.learnerLanguage = learnerLanguage
    }

    /// Every case in `scenarios` taken as one that ships with Attune.
    public init(account: LearnerAccount, includeReflections: Bool, scenarios: [Scenario], cohort: String? = nil) {
        self.init(account: account, includeReflections: includeReflections,
                  scenarios: Dictionary(scenarios.map { (CaseKey(id: $0.id), $0) }, uniquingKeysWith: { first, _ in first }),
                  cohort: cohort)
    }

    typealias Verb = ToolText.Verb

    /// The tag of a language in an xAPI language map (RFC 5646): `en-US`, `es-US`.
    public static func languageTag(_ language: Language) -> String {
        switch language {
        case .english: "en-US"
        case .spanish: "es-US"
        }
    }

    /// A language map with every language Attune speaks, each from its catalog.
    static func languageMap(_ words: (any MessageCatalog) -> String) -> [String: String] {
        Dictionary(uniqueKeysWithValues: Language.allCases.map { (languageTag($0), words($0.catalog)) })
    }

    static func verbJSON(_ verb: Verb) -> [String: Any] {
        ["id": "http://adlnet.gov/expapi/verbs/\(verb.rawValue)", "display": languageMap { $0.tools(.xapi(.verb(verb))) }]
    }

    public static func scenarioActivity(_ scenario: String) -> String { "\(activityBase):scenario:\(scenario)" }
    /// The grouping activity of a cohort: `urn:attune:cohort:NAME`.
    public static func cohortActivity(_ name: String) -> String { "\(activityBase):cohort:\(name)" }
    public static func nodeActivity(_ scenario: String, _ node: String) -> String { "\(scenarioActivity(scenario)):node:\(node)" }
    public static func choiceActivity(_ scenario: String, _ node: String, _ choice: String) -> String {
        "\(nodeActivity(scenario, node)):choice:\(choice)"
    }

    /// The activity of a case: `urn:attune:scenario:ID` for a bundled case;
    /// `urn:attune:draft:HASH:scenario:ID` for a draft, HASH naming its folder without showing it.
    public static func scenarioActivity(_ key: CaseKey) -> String {
        guard key.origin != CaseKey.bundledOrigin else { return scenarioActivity(key.id) }
        let folder = Insecure.SHA1.hash(data: Array(key.origin.utf8)).prefix(6).map { String(format: "%02x", $0) }.joined()
        return "\(activityBase):draft:\(folder):scenario:\(key.id)"
    }
    static func nodeActivity(_ key: CaseKey, _ node: String) -> String { "\(scenarioActivity(key)):node:\(node)" }

    /// Every statement for the record, oldest first, as JSON objects.
    public func statements(from log: ActivityLog) -> [[String: Any]] {
        var result: [(Date, Int, [String: Any])] = []
        let byID = Dictionary(log.playthroughs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for playthrough in log.playthroughs {
            result.append((playthrough.startedAt, 0, statement(
                key: "attempted|\(playthrough.id)|\(stamp(playthrough.startedAt))", verb: .attempted,
                object: scenarioObject(key(playthrough)), timestamp: playthrough.startedAt)))
            if playthrough.status == "finished", let finished = playthrough.finishedAt {
                var extensions: [String: Any] = [:]
                if let ending = playthrough.ending { extensions["\(Self.extensionBase):ending"] = ending }
                if let kind = playthrough.endingKind { extensions["\(Self.extensionBase):ending-kind"] = kind.rawValue }
                result.append((finished, 2, statement(
                    key: "completed|\(playthrough.id)|\(stamp(playthrough.startedAt))", verb: .completed,
                    object: scenarioObject(key(playthrough)), timestamp: finished,
                    result: ["completion": true, "extensions": extensions])))
            }
        }
        for choice in log.choices {
            guard let playthrough = byID[choice.playthrough] else { continue }
            let scenario = key(playthrough)
            var object: [String: Any] = [
                "objectType": "Activity", "id": "\(Self.nodeActivity(scenario, choice.node)):choice:\(choice.choice)",
            ]
            if let name = texts(scenario, { $0.node(choice.node)?.choices.first { $0.id == choice.choice }?.text }) {
                object["definition"] = ["name": name, "type": "http://adlnet.gov/expapi/activities/interaction"]
            }
            result.append((choice.madeAt, 1, statement(
                key: "responded|\(choice.id)|\(stamp(choice.madeAt))", verb: .responded, object: object,
                timestamp: choice.madeAt,
                result: ["response": choice.choice, "extensions": [
                    "\(Self.extensionBase):rating": choice.rating.rawValue,
                    "\(Self.extensionBase):competencies": choice.competencies,
                ]],
                parents: [nodeObject(scenario, choice.node), ["objectType": "Activity", "id": Self.scenarioActivity(scenario)]])))
        }
        for entry in log.journal {
            let object: [String: Any]
            var parents: [[String: Any]] = []
            if let scenario = entry.caseKey, let node = entry.nodeID {
                object = ["objectType": "Activity", "id": Self.nodeActivity(scenario, node)]
                parents = [["objectType": "Activity", "id": Self.scenarioActivity(scenario)]]
            } else if let scenario = entry.caseKey {
                object = scenarioObject(scenario)
            } else {
                object = ["objectType": "Activity", "id": "\(Self.activityBase):journal",
                          "definition": ["name": Self.languageMap { $0.tools(.xapi(.journalActivity)) },
                                         "type": "http://activitystrea.ms/schema/1.0/note"]]
            }
            var resultPart: [String: Any]?
            if includeReflections { resultPart = ["response": entry.text] }
            result.append((entry.createdAt, 3, statement(
                key: "commented|\(entry.id)|\(stamp(entry.createdAt))", verb: .commented, object: object,
                timestamp: entry.createdAt, result: resultPart, parents: parents)))
        }
        return result.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }

    private func key(_ playthrough: ActivityLog.Playthrough) -> CaseKey {
        CaseKey(id: playthrough.scenarioID, origin: playthrough.origin)
    }

    /// A case as an activity: its title (marked when it is an author's draft) and summary in
    /// every language.
    private func scenarioObject(_ scenario: CaseKey) -> [String: Any] {
        var object: [String: Any] = ["objectType": "Activity", "id": Self.scenarioActivity(scenario)]
        let isDraft = scenario.origin != CaseKey.bundledOrigin
        if var name = texts(scenario, \.title) {
            if isDraft {
                for language in Language.allCases {
                    let tag = Self.languageTag(language)
                    if let title = name[tag] { name[tag] = language.catalog.tools(.xapi(.draftCase(title: title))) }
                }
            }
            var definition: [String: Any] = ["name": name, "type": "http://adlnet.gov/expapi/activities/simulation"]
            if let summary = texts(scenario, { $0.summary.isEmpty ? nil : $0.summary }) { definition["description"] = summary }
            object["definition"] = definition
        }
        return object
    }

    /// A moment of a case as the question its choices answer (an xAPI choice interaction):
    /// its prompt as the name, when it has one, and each choice's text as that choice's
    /// description, in every language. Just the id when the case is not loaded.
    private func nodeObject(_ scenario: CaseKey, _ nodeID: String) -> [String: Any] {
        var object: [String: Any] = ["objectType": "Activity", "id": Self.nodeActivity(scenario, nodeID)]
        guard let node = scenarios[scenario]?.node(nodeID), !node.choices.isEmpty else { return object }
        var definition: [String: Any] = [
            "type": "http://adlnet.gov/expapi/activities/cmi.interaction", "interactionType": "choice",
            "choices": node.choices.compactMap { choice -> [String: Any]? in
                texts(scenario, { $0.node(nodeID)?.choices.first { $0.id == choice.id }?.text })
                    .map { ["id": choice.id, "description": $0] }
            },
        ]
        if let prompt = texts(scenario, { $0.node(nodeID)?.prompt }) { definition["name"] = prompt }
        object["definition"] = definition
        return object
    }

    /// A text of a loaded case in every language: from the English case, and from each
    /// language's translation of it where that has the text, else the English again. Nil when
    /// the English case is not loaded or has no such text.
    private func texts(_ scenario: CaseKey, _ text: (Scenario) -> String?) -> [String: String]? {
        guard let english = scenarios[scenario].flatMap(text), !english.isEmpty else { return nil }
        return Dictionary(uniqueKeysWithValues: Language.allCases.map { language in
            let translated = language == .english ? nil : translations[language]?[scenario].flatMap(text)
            return (Self.languageTag(language), translated.flatMap { $0.isEmpty ? nil : $0 } ?? english)
        })
    }

    private func statement(key: String, verb: Verb, object: [String: Any], timestamp: Date,
                           result: [String: Any]? = nil, parents: [[String: Any]] = []) -> [String: Any] {
        let idName = account.homePage + "|" + account.name + "|" + key + (cohort.map { "|cohort:" + $0 } ?? "")
        var statement: [String: Any] = [
            "id": Self.uuid5(idName),
            "actor": ["objectType": "Agent", "account": ["homePage": account.homePage, "name": account.name]],
            "verb": Self.verbJSON(verb),
            "object": object,
            "timestamp": stamp(timestamp),
            "context": ["platform": "Attune", "language": Self.languageTag(learnerLanguage)] as [String: Any],
        ]
        if let result { statement["result"] = result }
        var activities: [String: Any] = [:]
        if !parents.isEmpty { activities["parent"] = parents }
        if let cohort { activities["grouping"] = [["objectType": "Activity", "id": Self.cohortActivity(cohort)]] }
        if !activities.isEmpty {
            statement["context"] = ["platform": "Attune", "language": Self.languageTag(learnerLanguage), "contextActivities": activities]
        }
        return statement
    }

    private func stamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    /// A name-based UUID (version 5, SHA-1) in a namespace of Attune's own.
    static func uuid5(_ name: String) -> String {
        let namespace: [UInt8] = [0x6b, 0x2f, 0x8e, 0x4a, 0x1c, 0x3d, 0x4f, 0x5a, 0x9b, 0x7e, 0x21, 0x0c, 0xd4, 0x55, 0xa8, 0x93]
        var bytes = Array(Insecure.SHA1.hash(data: namespace + Array(name.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        let parts = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20)]
        return parts.joined(separator: "-")
    }

    /// One statement per line, keys sorted, for files and for comparing runs.
    public static func jsonLines(_ statements: [[String: Any]]) throws -> String {
        try statements.map { statement in
            String(decoding: try JSONSerialization.data(withJSONObject: statement, options: [.sortedKeys, .withoutEscapingSlashes]),
                   as: UTF8.self)
        }.joined(separator: "\n") + (statements.isEmpty ? "" : "\n")
    }
}
