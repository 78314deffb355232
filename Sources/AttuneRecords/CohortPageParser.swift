import Foundation

/// Reads a page of an LRS's answer (`{"statements": [...], "more": "..."}`) in one pass over
/// its bytes, keeping only the parts of each statement the cohort report reads
/// (``CohortRawStatement``) and stepping over the rest without building it.
///
/// Why: decoding was most of the report's own time. Measured on one page of 5,000 Attune
/// statements (5 MB, release build, same run): this reader 26 ms, `JSONDecoder` 93 ms;
/// `JSONSerialization` was slower still (836 ms beside `JSONDecoder`'s 199 ms in a busier
/// run). The whole report from ralph went from 2.0 s of processor time to 0.9 s. The JSON is checked as strictly as RFC 8259 asks, nesting up to 512 deep;
/// anything this reader refuses is given to `JSONDecoder` (``CohortPage``) after all, so a
/// page is refused only when both refuse it. The parts are read as the ``Decodable``
/// statement reads them: a part of the wrong type is absent, never an error; a statement
/// that is not an object is nil.
struct CohortPageParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0

    private struct Invalid: Error {}

    static let maximumDepth = 512

    /// The page's statements and its `more` link, or nil when `data` is not JSON, not an
    /// object, or has no list of statements.
    static func page(_ data: Data) -> (statements: [CohortRawStatement?], more: String?)? {
        let fast: (statements: [CohortRawStatement?], more: String?)? = data.withUnsafeBytes { raw in
            var parser = CohortPageParser(bytes: raw.bindMemory(to: UInt8.self))
            return try? parser.page()
        }
        if let fast { return fast }
        guard let page = try? JSONDecoder().decode(CohortPage.self, from: data) else { return nil }
        return (page.statements.map(\.statement), page.more)
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    // MARK: The page and its statements

    private mutating func page() throws(Invalid) -> (statements: [CohortRawStatement?], more: String?) {
        var statements: [CohortRawStatement?]?
        var more: String?
        var seen: UInt8 = 0
        try object { parser, key throws(Invalid) in
            if key.is(Keys.statements), firstTime(1, &seen) {
                guard parser.peek() == UInt8(ascii: "[") else { throw Invalid() }
                var list: [CohortRawStatement?] = []
                try parser.array { parser throws(Invalid) in list.append(try parser.statement()) }
                statements = list
            } else if key.is(Keys.more), firstTime(2, &seen) {
                more = try parser.text()
            } else {
                try parser.skipValue()
            }
        }
        skipSpace()
        guard index == bytes.count, let statements else { throw Invalid() }
        return (statements, more)
    }

    /// One element of the list: its parts when it is an object, else nil. A key given twice
    /// counts the first time, as for `JSONDecoder`.
    private mutating func statement() throws(Invalid) -> CohortRawStatement? {
        guard peek() == UInt8(ascii: "{") else {
            try skipValue()
            return nil
        }
        var statement = CohortRawStatement()
        var seen: UInt8 = 0
        try object { parser, key throws(Invalid) in
            if key.is(Keys.id), firstTime(1, &seen) {
                statement.id = try parser.text()
            } else if key.is(Keys.timestamp), firstTime(2, &seen) {
                statement.timestamp = try parser.text()
            } else if key.is(Keys.verb), firstTime(4, &seen) {
                var seen: UInt8 = 0
                try parser.objectOrSkip { parser, key throws(Invalid) in
                    if key.is(Keys.id), firstTime(1, &seen) { statement.verb = try parser.text() } else { try parser.skipValue() }
                }
            } else if key.is(Keys.object), firstTime(8, &seen) {
                var seen: UInt8 = 0
                try parser.objectOrSkip { parser, key throws(Invalid) in
                    if key.is(Keys.id), firstTime(1, &seen) {
                        statement.objectID = try parser.text()
                    } else if key.is(Keys.objectType), firstTime(2, &seen) {
                        statement.objectType = try parser.text()
                    } else {
                        try parser.skipValue()
                    }
                }
            } else if key.is(Keys.actor), firstTime(16, &seen) {
                var seen: UInt8 = 0
                try parser.objectOrSkip { parser, key throws(Invalid) in
                    guard key.is(Keys.account), firstTime(1, &seen) else { return try parser.skipValue() }
                    var seen: UInt8 = 0
                    try parser.objectOrSkip { parser, key throws(Invalid) in
                        if key.is(Keys.name), firstTime(1, &seen) { statement.learner = try parser.text() } else { try parser.skipValue() }
                    }
                }
            } else if key.is(Keys.context), firstTime(32, &seen) {
                try parser.context(into: &statement)
            } else if key.is(Keys.result), firstTime(64, &seen) {
                try parser.result(into: &statement)
            } else {
                try parser.skipValue()
            }
        }
        return statement
    }

    private mutating func context(into statement: inout CohortRawStatement) throws(Invalid) {
        var seen: UInt8 = 0
        try objectOrSkip { parser, key throws(Invalid) in
            if key.is(Keys.platform), firstTime(1, &seen) {
                statement.platform = try parser.text()
            } else if key.is(Keys.contextActivities), firstTime(2, &seen) {
                var seen: UInt8 = 0
                try parser.objectOrSkip { parser, key throws(Invalid) in
                    guard key.is(Keys.grouping), firstTime(1, &seen) else { return try parser.skipValue() }
                    statement.groupings = try parser.groupings()
                }
            } else {
                try parser.skipValue()
            }
        }
    }

    /// The ids of a `grouping`: a list of activities, or one activity.
    private mutating func groupings() throws(Invalid) -> [String] {
        var ids: [String] = []
        func activity(_ parser: inout CohortPageParser) throws(Invalid) {
            var id: String?
            var seen: UInt8 = 0
            try parser.objectOrSkip { parser, key throws(Invalid) in
                if key.is(Keys.id), firstTime(1, &seen) { id = try parser.text() } else { try parser.skipValue() }
            }
            if let id { ids.append(id) }
        }
        skipSpace()
        switch peek() {
        case UInt8(ascii: "["): try array { parser throws(Invalid) in try activity(&parser) }
        default: try activity(&self)
        }
        return ids
    }

    private mutating func result(into statement: inout CohortRawStatement) throws(Invalid) {
        var seen: UInt8 = 0
        try objectOrSkip { parser, key throws(Invalid) in
            if key.is(Keys.response), firstTime(1, &seen) {
                statement.response = try parser.text()
            } else if key.is(Keys.extensions), firstTime(2, &seen) {
                var seen: UInt8 = 0
                try parser.objectOrSkip { parser, key throws(Invalid) in
                    if key.is(Keys.rating), firstTime(1, &seen) {
                        statement.rating = try parser.text()
                    } else if key.is(Keys.ending), firstTime(2, &seen) {
                        statement.ending = try parser.text()
                    } else {
                        try parser.skipValue()
                    }
                }
            } else {
                try parser.skipValue()
            }
        }
    }

    /// The keys read, as bytes.
    private enum Keys {
        static let statements = Array("statements".utf8), more = Array("more".utf8), id = Array("id".utf8)
        static let timestamp = Array("timestamp".utf8), verb = Array("verb".utf8), object = Array("object".utf8)
        static let objectType = Array("objectType".utf8), actor = Array("actor".utf8), account = Array("account".utf8)
        static let name = Array("name".utf8), context = Array("context".utf8), platform = Array("platform".utf8)
        static let contextActivities = Array("contextActivities".utf8), grouping = Array("grouping".utf8)
        static let result = Array("result".utf8), response = Array("response".utf8), extensions = Array("extensions".utf8)
        static let rating = Array((XAPIStatements.extensionBase + ":rating").utf8)
        static let ending = Array((XAPIStatements.extensionBase + ":ending").utf8)
    }

    // MARK: JSON

    /// A string as it was written: its bytes when it has no escapes, else its decoded text.
    private struct Text {
        var range: Range<Int>
        var decoded: String?

        func `is`(_ key: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            if let decoded { return decoded.utf8.elementsEqual(key) }
            guard range.count == key.count else { return false }
            var offset = range.lowerBound
            for byte in key {
                guard bytes[offset] == byte else { return false }
                offset += 1
            }
            return true
        }
    }

    /// An object's key, compared without building a string.
    private struct Key {
        let text: Text
        let bytes: UnsafeBufferPointer<UInt8>

        func `is`(_ key: [UInt8]) -> Bool { text.is(key, in: bytes) }
    }

    private func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private mutating func expect(_ byte: UInt8) throws(Invalid) {
        guard index < bytes.count, bytes[index] == byte else { throw Invalid() }
        index += 1
    }

    private mutating func enter() throws(Invalid) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw Invalid() }
    }

    /// An object, each member's value read (entirely) by `member`; after leading space.
    private mutating func object(_ member: (inout CohortPageParser, Key) throws(Invalid) -> Void) throws(Invalid) {
        skipSpace()
        try expect(UInt8(ascii: "{"))
        try enter()
        skipSpace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return
        }
        while true {
            skipSpace()
            let key = Key(text: try string(), bytes: bytes)
            skipSpace()
            try expect(UInt8(ascii: ":"))
            skipSpace()
            try member(&self, key)
            skipSpace()
            guard let next = peek() else { throw Invalid() }
            index += 1
            if next == UInt8(ascii: "}") { break }
            guard next == UInt8(ascii: ",") else { throw Invalid() }
        }
        depth -= 1
    }

    /// An object read by `member`, or any other value stepped over.
    private mutating func objectOrSkip(_ member: (inout CohortPageParser, Key) throws(Invalid) -> Void) throws(Invalid) {
        skipSpace()
        if peek() == UInt8(ascii: "{") { try object(member) } else { try skipValue() }
    }

    /// An array, each element read (entirely) by `element`; after leading space.
    private mutating func array(_ element: (inout CohortPageParser) throws(Invalid) -> Void) throws(Invalid) {
        skipSpace()
        try expect(UInt8(ascii: "["))
        try enter()
        skipSpace()
        if peek() == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return
        }
        while true {
            skipSpace()
            try element(&self)
            skipSpace()
            guard let next = peek() else { throw Invalid() }
            index += 1
            if next == UInt8(ascii: "]") { break }
            guard next == UInt8(ascii: ",") else { throw Invalid() }
        }
        depth -= 1
    }

    /// A string value as text; any other value stepped over, and nil.
    private mutating func text() throws(Invalid) -> String? {
        skipSpace()
        guard peek() == UInt8(ascii: "\"") else {
            try skipValue()
            return nil
        }
        let text = try string()
        if let decoded = text.decoded { return decoded }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[text.range]), as: UTF8.self)
    }

    /// A string, checked; its escapes decoded only when it has any.
    private mutating func string() throws(Invalid) -> Text {
        try expect(UInt8(ascii: "\""))
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return Text(range: start..<index - 1)
            }
            if byte == UInt8(ascii: "\\") { return Text(range: start..<start, decoded: try escaped(from: start)) }
            guard byte >= 0x20 else { throw Invalid() }
            index += 1
        }
        throw Invalid()
    }

    /// The rest of a string that has escapes, decoded; `start` is just after its opening quote.
    private mutating func escaped(from start: Int) throws(Invalid) -> String {
        var utf8 = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { throw Invalid() }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        // A pair makes one scalar; a lone half is refused (JSONDecoder has the last word).
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                        else { throw Invalid() }
                        index += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw Invalid() }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw Invalid()
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw Invalid() }
                    utf8.append(contentsOf: String(Character(unicode)).utf8)
                default:
                    throw Invalid()
                }
            default:
                guard byte >= 0x20 else { throw Invalid() }
                utf8.append(byte)
            }
        }
        throw Invalid()
    }

    private mutating func hex4() throws(Invalid) -> UInt32 {
        guard index + 4 <= bytes.count else { throw Invalid() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            index += 1
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Invalid()
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// Steps over any value, checking it.
    private mutating func skipValue() throws(Invalid) {
        skipSpace()
        guard let byte = peek() else { throw Invalid() }
        switch byte {
        case UInt8(ascii: "{"): try object { parser, _ throws(Invalid) in try parser.skipValue() }
        case UInt8(ascii: "["): try array { parser throws(Invalid) in try parser.skipValue() }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: try number()
        }
    }

    private mutating func literal(_ word: StaticString) throws(Invalid) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw Invalid() }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { throw Invalid() }
        index += count
    }

    /// A number as RFC 8259 writes it: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    private mutating func number() throws(Invalid) {
        func digits(_ parser: inout CohortPageParser) throws(Invalid) {
            let start = parser.index
            while let byte = parser.peek(), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { parser.index += 1 }
            guard parser.index > start else { throw Invalid() }
        }
        if peek() == UInt8(ascii: "-") { index += 1 }
        if peek() == UInt8(ascii: "0") {
            index += 1
        } else {
            try digits(&self)
        }
        if peek() == UInt8(ascii: ".") {
            index += 1
            try digits(&self)
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            try digits(&self)
        }
    }
}

/// Whether this is the first time a key (its `bit`) is met in an object; marks it met.
private func firstTime(_ bit: UInt8, _ seen: inout UInt8) -> Bool {
    guard seen & bit == 0 else { return false }
    seen |= bit
    return true
}
