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

    /// - Parameter scenarios: the loaded cases by the record they belong to.
    /// - Parameter cohort: a name checked by ``CohortName/check(_:)``.
    public init(account: LearnerAccount, includeReflections: Bool, scenarios: [CaseKey: Scenario], cohort: String? = nil) {
        self.account = account
        self.includeReflections = includeReflections
        self.scenarios = scenarios
        self.cohort = cohort
    }

    /// Every case in `scenarios` taken as one that ships with Attune.
    public init(account: LearnerAccount, includeReflections: Bool, scenarios: [Scenario], cohort: String? = nil) {
        self.init(account: account, includeReflections: includeReflections,
                  scenarios: Dictionary(scenarios.map { (CaseKey(id: $0.id), $0) }, uniquingKeysWith: { first, _ in first }),
                  cohort: cohort)
    }

    enum Verb: String {
        case attempted, responded, commented, completed

        var json: [String: Any] {
            ["id": "http://adlnet.gov/expapi/verbs/\(rawValue)", "display": ["en-US": rawValue]]
        }
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
            let node = scenarios[scenario]?.node(choice.node)
            let text = node?.choices.first { $0.id == choice.choice }?.text
            var object: [String: Any] = [
                "objectType": "Activity", "id": "\(Self.nodeActivity(scenario, choice.node)):choice:\(choice.choice)",
                "definition": definition(name: text ?? "\(choice.node).\(choice.choice)",
                                         type: "http://adlnet.gov/expapi/activities/interaction"),
            ]
            if text == nil { object.removeValue(forKey: "definition") }
            result.append((choice.madeAt, 1, statement(
                key: "responded|\(choice.id)|\(stamp(choice.madeAt))", verb: .responded, object: object,
                timestamp: choice.madeAt,
                result: ["response": choice.choice, "extensions": [
                    "\(Self.extensionBase):rating": choice.rating.rawValue,
                    "\(Self.extensionBase):competencies": choice.competencies,
                ]],
                parents: [Self.nodeActivity(scenario, choice.node), Self.scenarioActivity(scenario)])))
        }
        for entry in log.journal {
            let object: [String: Any]
            var parents: [String] = []
            if let scenario = entry.caseKey, let node = entry.nodeID {
                object = ["objectType": "Activity", "id": Self.nodeActivity(scenario, node)]
                parents = [Self.scenarioActivity(scenario)]
            } else if let scenario = entry.caseKey {
                object = scenarioObject(scenario)
            } else {
                object = ["objectType": "Activity", "id": "\(Self.activityBase):journal",
                          "definition": definition(name: "Attune journal", type: "http://activitystrea.ms/schema/1.0/note")]
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

    private func scenarioObject(_ scenario: CaseKey) -> [String: Any] {
        var object: [String: Any] = ["objectType": "Activity", "id": Self.scenarioActivity(scenario)]
        if let title = scenarios[scenario]?.title {
            let name = scenario.origin == CaseKey.bundledOrigin ? title : "\(title) (an author's draft)"
            object["definition"] = definition(name: name, type: "http://adlnet.gov/expapi/activities/simulation")
        }
        return object
    }

    private func definition(name: String, type: String) -> [String: Any] {
        ["name": ["en-US": name], "type": type]
    }

    private func statement(key: String, verb: Verb, object: [String: Any], timestamp: Date,
                           result: [String: Any]? = nil, parents: [String] = []) -> [String: Any] {
        let idName = account.homePage + "|" + account.name + "|" + key + (cohort.map { "|cohort:" + $0 } ?? "")
        var statement: [String: Any] = [
            "id": Self.uuid5(idName),
            "actor": ["objectType": "Agent", "account": ["homePage": account.homePage, "name": account.name]],
            "verb": verb.json,
            "object": object,
            "timestamp": stamp(timestamp),
            "context": ["platform": "Attune", "language": "en-US"] as [String: Any],
        ]
        if let result { statement["result"] = result }
        var activities: [String: Any] = [:]
        if !parents.isEmpty { activities["parent"] = parents.map { ["objectType": "Activity", "id": $0] } }
        if let cohort { activities["grouping"] = [["objectType": "Activity", "id": Self.cohortActivity(cohort)]] }
        if !activities.isEmpty {
            statement["context"] = ["platform": "Attune", "language": "en-US", "contextActivities": activities]
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
