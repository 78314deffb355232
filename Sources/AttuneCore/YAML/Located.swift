/// A value together with the place in a content file it was read from, kept for fields
/// that are checked against other content later (ids, references, conditions).
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// A located value in a snapshot: `{"value": …, "location": …}`, or within a file's own
/// snapshot (`CodingUserInfoKey.contentFile` set, see Cache/) the shorter `[value, line, column]`.
extension Located: Codable where Value: Codable {
    private enum LocatedKeys: String, CodingKey {
        case value, location
    }

    public init(from decoder: Decoder) throws {
        if let file = decoder.userInfo[.contentFile] as? String, var triple = try? decoder.unkeyedContainer() {
            let value = try triple.decode(Value.self)
            let line = try triple.decode(Int.self), column = try triple.decode(Int.self)
            self.init(value, at: SourceLocation(file: file, line: line, column: column))
            return
        }
        let container = try decoder.container(keyedBy: LocatedKeys.self)
        self.init(try container.decode(Value.self, forKey: .value), at: try container.decode(SourceLocation.self, forKey: .location))
    }

    public func encode(to encoder: Encoder) throws {
        if let file = encoder.userInfo[.contentFile] as? String, file == location.file {
            var triple = encoder.unkeyedContainer()
            try triple.encode(value)
            try triple.encode(location.line)
            try triple.encode(location.column)
            return
        }
        var container = encoder.container(keyedBy: LocatedKeys.self)
        try container.encode(value, forKey: .value)
        try container.encode(location, forKey: .location)
    }
}
