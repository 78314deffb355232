extension CodingUserInfoKey {
    /// The content file a snapshot is about. Set, locations in that file are coded as
    /// `[line, column]`: a scenario names its file in some 500 locations, and writing the
    /// path each time made its snapshot half path and slowed coding by as much.
    static let contentFile = CodingUserInfoKey(rawValue: "attune.content-file")!
}

extension SourceLocation {
    private enum CodingKeys: String, CodingKey {
        case file, line, column
    }

    public init(from decoder: Decoder) throws {
        if let file = decoder.userInfo[.contentFile] as? String, var pair = try? decoder.unkeyedContainer() {
            let line = try pair.decode(Int.self), column = try pair.decode(Int.self)
            self.init(file: file, line: line, column: column)
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(file: try container.decode(String.self, forKey: .file), line: try container.decode(Int.self, forKey: .line),
                  column: try container.decode(Int.self, forKey: .column))
    }

    public func encode(to encoder: Encoder) throws {
        if let file = encoder.userInfo[.contentFile] as? String, file == self.file {
            var pair = encoder.unkeyedContainer()
            try pair.encode(line)
            try pair.encode(column)
            return
        }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
    }
}
