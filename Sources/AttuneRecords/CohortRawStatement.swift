import Foundation

/// The parts of an xAPI statement the cohort report reads, and nothing else: decoded straight
/// from JSON (``JSONDecoder``) without building the whole statement, so a page of thousands
/// of statements costs little memory and time, or taken from an already parsed object.
/// Lenient: a part of the wrong type is simply absent (and the statement then skipped for a
/// reason), never an error that loses the rest of a page.
struct CohortRawStatement: Decodable, Equatable, Sendable {
    var id: String?
    var verb: String?
    var objectID: String?
    var objectType: String?
    var platform: String?
    var groupings: [String] = []
    var timestamp: String?
    var learner: String?
    var response: String?
    var rating: String?
    var ending: String?

    init() {}

    /// Any key, for the parts picked out by name.
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let top = try decoder.container(keyedBy: Key.self)
        func text(_ container: KeyedDecodingContainer<Key>?, _ key: String) -> String? {
            (try? container?.decodeIfPresent(String.self, forKey: Key(key))) ?? nil
        }
        func nested(_ container: KeyedDecodingContainer<Key>?, _ key: String) -> KeyedDecodingContainer<Key>? {
            try? container?.nestedContainer(keyedBy: Key.self, forKey: Key(key))
        }
        id = text(top, "id")
        timestamp = text(top, "timestamp")
        verb = text(nested(top, "verb"), "id")
        let object = nested(top, "object")
        objectID = text(object, "id")
        objectType = text(object, "objectType")
        learner = text(nested(nested(top, "actor"), "account"), "name")
        let context = nested(top, "context")
        platform = text(context, "platform")
        if let activities = nested(context, "contextActivities") {
            if var list = try? activities.nestedUnkeyedContainer(forKey: Key("grouping")) {
                // One element at a time, whatever it is: an activity without an id (or not an
                // activity) must not cost the next one its place.
                while !list.isAtEnd {
                    if (try? list.decodeNil()) == true { continue }
                    guard let activity = try? list.decode(Activity.self) else { break }
                    if let id = activity.id { groupings.append(id) }
                }
            } else if let single = nested(activities, "grouping"), let id = text(single, "id") {
                groupings.append(id)
            }
        }
        let result = nested(top, "result")
        response = text(result, "response")
        let extensions = nested(result, "extensions")
        rating = text(extensions, XAPIStatements.extensionBase + ":rating")
        ending = text(extensions, XAPIStatements.extensionBase + ":ending")
    }

    /// An element of a `grouping` list: its id when it is an activity with one; never an error.
    private struct Activity: Decodable {
        var id: String?

        init(from decoder: any Decoder) throws {
            let container = try? decoder.container(keyedBy: Key.self)
            id = (try? container?.decodeIfPresent(String.self, forKey: Key("id"))) ?? nil
        }
    }

    /// The same parts of an already parsed statement (a JSON object), or nil for anything else.
    init?(_ value: Any) {
        guard let statement = value as? [String: Any] else { return nil }
        id = statement["id"] as? String
        timestamp = statement["timestamp"] as? String
        verb = (statement["verb"] as? [String: Any])?["id"] as? String
        let object = statement["object"] as? [String: Any]
        objectID = object?["id"] as? String
        objectType = object?["objectType"] as? String
        learner = ((statement["actor"] as? [String: Any])?["account"] as? [String: Any])?["name"] as? String
        let context = statement["context"] as? [String: Any]
        platform = context?["platform"] as? String
        let grouping = (context?["contextActivities"] as? [String: Any])?["grouping"]
        groupings = (grouping as? [Any] ?? (grouping.map { [$0] } ?? [])).compactMap { ($0 as? [String: Any])?["id"] as? String }
        let result = statement["result"] as? [String: Any]
        response = result?["response"] as? String
        let extensions = result?["extensions"] as? [String: Any]
        rating = extensions?[XAPIStatements.extensionBase + ":rating"] as? String
        ending = extensions?[XAPIStatements.extensionBase + ":ending"] as? String
    }
}

/// A statement that may not decode at all (a string, a number): nil then, counted as not JSON.
struct LenientStatement: Decodable {
    var statement: CohortRawStatement?

    init(from decoder: any Decoder) throws {
        statement = try? CohortRawStatement(from: decoder)
    }
}

/// A page of an LRS's answer: its statements and its `more` link.
struct CohortPage: Decodable {
    var statements: [LenientStatement]
    var more: String?

    enum CodingKeys: String, CodingKey { case statements, more }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        statements = try container.decode([LenientStatement].self, forKey: .statements)
        more = (try? container.decodeIfPresent(String.self, forKey: .more)) ?? nil
    }
}
