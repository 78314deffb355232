import AttuneCore
import Foundation

/// One xAPI statement as the cohort report understands it: what an Attune learner did, or
/// why the statement is not counted. Pure and total: any JSON value gives one or the other,
/// whatever another tool, a changed case or a hostile file put in it.
enum CohortStatement: Equatable {
    case started(Header, scenario: String)
    case finished(Header, scenario: String, ending: String?)
    case answered(Header, scenario: String, node: String, choice: String, rating: Rating?)
    case reflected(Header, scenario: String?, text: String?)
    /// A statement withdrawing another (verb `voided`, object a StatementRef).
    case voiding(id: String?, target: String)
    case skipped(CohortSkip)

    /// What every counted statement has.
    struct Header: Equatable {
        var id: UUID
        var learner: String
        var timestamp: Date
    }

    static let verbBase = "http://adlnet.gov/expapi/verbs/"
    static let voidedVerb = verbBase + "voided"
    static let cohortPrefix = XAPIStatements.activityBase + ":cohort:"
    private static let scenarioPrefix = XAPIStatements.activityBase + ":scenario:"
    private static let draftPrefix = XAPIStatements.activityBase + ":draft:"
    /// Account names are cut to this many characters.
    static let maximumNameLength = 80

    /// Reads `value` (a parsed statement). `cohort`: when given, only statements grouped
    /// under it count.
    static func read(_ value: Any, cohort: String?) -> CohortStatement {
        read(CohortRawStatement(value), cohort: cohort)
    }

    /// Reads a statement's parts (nil: not a JSON object).
    static func read(_ raw: CohortRawStatement?, cohort: String?) -> CohortStatement {
        guard let statement = raw else { return .skipped(.notJSON) }
        let verb = statement.verb ?? ""
        if verb == voidedVerb {
            guard statement.objectType == "StatementRef", let target = statement.objectID else {
                return .skipped(.notUnderstood)
            }
            return .voiding(id: statement.id, target: target.lowercased())
        }
        let objectID = statement.objectID ?? ""
        let fromAttune = objectID.hasPrefix(XAPIStatements.activityBase + ":") || statement.platform == "Attune"
        guard fromAttune else { return .skipped(.otherTool) }
        if let cohort, !statement.groupings.contains(cohortPrefix + cohort) { return .skipped(.otherCohort) }
        if objectID.hasPrefix(draftPrefix) { return .skipped(.draftCase) }
        guard let idText = statement.id, let id = UUID(uuidString: idText),
              let stamp = statement.timestamp, let timestamp = parseTime(stamp) else {
            return .skipped(.notUnderstood)
        }
        guard let rawName = statement.learner, case let name = LRSText.excerpt(rawName, limit: maximumNameLength), !name.isEmpty else {
            return .skipped(.noLearner)
        }
        let header = Header(id: id, learner: name, timestamp: timestamp)
        switch verb.hasPrefix(verbBase) ? String(verb.dropFirst(verbBase.count)) : "" {
        case "attempted":
            guard let scenario = scenarioID(objectID) else { return .skipped(.notUnderstood) }
            return .started(header, scenario: scenario)
        case "completed":
            guard let scenario = scenarioID(objectID) else { return .skipped(.notUnderstood) }
            return .finished(header, scenario: scenario, ending: statement.ending)
        case "responded":
            // urn:attune:scenario:S:node:N:choice:C
            guard objectID.hasPrefix(scenarioPrefix) else { return .skipped(.notUnderstood) }
            let rest = objectID.dropFirst(scenarioPrefix.count)
            guard let nodeMark = rest.range(of: ":node:"), let choiceMark = rest.range(of: ":choice:", options: .backwards),
                  nodeMark.upperBound <= choiceMark.lowerBound else { return .skipped(.notUnderstood) }
            let scenario = String(rest[..<nodeMark.lowerBound])
            let node = String(rest[nodeMark.upperBound..<choiceMark.lowerBound])
            let choice = String(rest[choiceMark.upperBound...])
            guard !scenario.isEmpty, !node.isEmpty, !choice.isEmpty else { return .skipped(.notUnderstood) }
            return .answered(header, scenario: scenario, node: node, choice: choice, rating: statement.rating.flatMap(Rating.init(rawValue:)))
        case "commented":
            var scenario: String?
            if objectID.hasPrefix(scenarioPrefix) {
                let rest = objectID.dropFirst(scenarioPrefix.count)
                scenario = String(rest[..<(rest.range(of: ":node:")?.lowerBound ?? rest.endIndex)])
            }
            return .reflected(header, scenario: scenario, text: statement.response)
        default:
            return .skipped(.notUnderstood)
        }
    }

    /// The case id in `urn:attune:scenario:ID`, nothing after it.
    private static func scenarioID(_ objectID: String) -> String? {
        guard objectID.hasPrefix(scenarioPrefix) else { return nil }
        let id = String(objectID.dropFirst(scenarioPrefix.count))
        return id.isEmpty || id.contains(":") ? nil : id
    }

    /// An ISO 8601 time (`2026-12-06T05:40:11.123Z`, fractions and an offset optional),
    /// read by hand: a formatter per statement would dominate the report's time.
    static func parseTime(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.count <= 40 else { return nil }
        func number(_ start: Int, _ length: Int) -> Int? {
            var value = 0
            for index in start..<(start + length) {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0, 4), bytes[4] == 45, let month = number(5, 2), bytes[7] == 45, let day = number(8, 2),
              bytes[10] == 84 || bytes[10] == 116, let hour = number(11, 2), bytes[13] == 58, let minute = number(14, 2),
              bytes[16] == 58, let second = number(17, 2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        var index = 19
        var fraction = 0.0
        if bytes[index] == 46 {
            index += 1
            var scale = 0.1
            let start = index
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                fraction += Double(bytes[index] - 48) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        guard index < bytes.count else { return nil }
        var offset = 0
        if bytes[index] == 90 || bytes[index] == 122 {
            guard index + 1 == bytes.count else { return nil }
        } else if bytes[index] == 43 || bytes[index] == 45, index + 6 == bytes.count, bytes[index + 3] == 58,
                  let hours = number(index + 1, 2), let minutes = number(index + 4, 2), hours < 24, minutes < 60 {
            offset = (hours * 60 + minutes) * 60 * (bytes[index] == 43 ? 1 : -1)
        } else {
            return nil
        }
        // Days from 1970-01-01 to the civil date (Howard Hinnant's algorithm).
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }
}
