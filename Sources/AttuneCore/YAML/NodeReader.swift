import Yams

/// The keys of one YAML mapping, with the node for each, for typed reading.
struct Fields {
    let node: Node
    /// What the mapping is, for messages: an entry, a node, the file.
    let what: FieldOwner
    private let keys: [String: Node]
    private let values: [String: Node]

    init(node: Node, mapping: Node.Mapping, what: FieldOwner) {
        self.node = node
        self.what = what
        var keys: [String: Node] = [:]
        var values: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else { continue }
            keys[name] = key
            values[name] = value
        }
        self.keys = keys
        self.values = values
    }

    subscript(key: String) -> Node? { values[key] }
    func keyNode(_ key: String) -> Node? { keys[key] }
    var names: [String] { Array(values.keys) }
}

/// Reads typed values out of a composed YAML tree and collects a located diagnostic for
/// every problem, so one pass reports all of a file's mistakes rather than the first.
///
/// At most `Diagnostic.perFileLimit` findings are kept; past that they are only counted
/// (no message, no excerpt, no suggestion is worked out), so a file with a hundred
/// thousand mistakes costs no more than one with two hundred.
struct NodeReader {
    let source: SourceText
    private var found: [Diagnostic] = []
    private var omitted = 0
    private var firstOmitted: SourceLocation?

    init(source: SourceText) {
        self.source = source
    }

    /// The findings, with a note counting those left out.
    var diagnostics: [Diagnostic] {
        guard omitted > 0, let firstOmitted else { return found }
        var note = Diagnostic.omitted(omitted, at: firstOmitted)
        let excerpt = source.excerpt(line: firstOmitted.line, column: firstOmitted.column)
        (note.sourceLine, note.caret) = (excerpt?.text, excerpt?.caret)
        return found + [note]
    }

    /// Whether another finding would still be kept; when not, callers skip working out
    /// its message (suggestions cost time) and call `omit(at:)`.
    var hasRoom: Bool { found.count < Diagnostic.perFileLimit }

    /// Counts a finding past the limit.
    mutating func omit(at location: SourceLocation) {
        omitted += 1
        if firstOmitted == nil || location < firstOmitted! { firstOmitted = location }
    }

    // MARK: Reporting

    func location(of node: Node) -> SourceLocation {
        let mark = node.mark
        return source.location(line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    mutating func report(at node: Node, _ message: FieldMessage, rule: RuleID) {
        report(at: location(of: node), .field(message), rule: rule)
    }

    mutating func report(at location: SourceLocation, _ message: FieldMessage, rule: RuleID) {
        report(at: location, .field(message), rule: rule)
    }

    mutating func report(at location: SourceLocation, _ message: DiagnosticMessage, rule: RuleID) {
        guard hasRoom else { return omit(at: location) }
        found.append(source.diagnostic(line: location.line, column: location.column, message, rule: rule))
    }

    // MARK: Structure

    /// The node as a mapping, warning about keys outside `allowed` (likely typos).
    mutating func fields(_ node: Node, what: FieldOwner, allowed: [String]) -> Fields? {
        guard case let .mapping(mapping) = node else {
            report(at: node, .notABlock(what, found: describe(node)), rule: .wrongType)
            return nil
        }
        for (key, _) in mapping {
            guard let name = key.scalar?.string else {
                report(at: key, .keyNotPlain(what, found: describe(key)), rule: .wrongType)
                continue
            }
            if !allowed.contains(name) {
                guard hasRoom else {
                    omit(at: location(of: key))
                    continue
                }
                report(at: key, .unknownKey(quoted(name), in: what, suggestion: closestMatch(to: name, in: allowed)),
                       rule: .unknownKey)
            }
        }
        return Fields(node: node, mapping: mapping, what: what)
    }

    mutating func requireField(_ fields: Fields, _ key: String) -> Node? {
        guard let value = fields[key] else {
            report(at: fields.node, .missingField(key, in: fields.what), rule: .missingField)
            return nil
        }
        if value.isNull {
            report(at: fields.keyNode(key) ?? value, .noValue(key, in: fields.what), rule: .missingField)
            return nil
        }
        return value
    }

    /// A text field. Numbers and words are both read as text.
    mutating func text(_ fields: Fields, _ key: String, required: Bool) -> Located<String>? {
        let value: Node?
        if required {
            value = requireField(fields, key)
        } else {
            value = fields[key].flatMap { $0.isNull ? nil : $0 }
        }
        guard let value else { return nil }
        return scalarText(value, field: key, in: fields.what)
    }

    mutating func scalarText(_ node: Node, field: String, in what: FieldOwner) -> Located<String>? {
        guard case let .scalar(scalar) = node else {
            report(at: node, what == .nodes ? .nodeIDNotText(found: describe(node)) : .notText(field: field, in: what, found: describe(node)),
                   rule: .wrongType)
            return nil
        }
        if Self.proseFields.contains(field) { checkCutShort(node, scalar) }
        checkHiddenCharacters(node, scalar)
        return Located(scalar.string, at: location(of: node))
    }

    /// Fields of running text (and conditions), where a '#' is more likely meant as text
    /// than as a comment.
    static let proseFields: Set<String> = [
        "title", "summary", "text", "prompt", "feedback", "say", "reflect", "notes", "baby", "parent", "practitioner",
        "body", "when",
    ]

    /// Warns when unquoted text on one line is followed by a comment that starts right at a
    /// word (` #1`, ` #and`): YAML drops it silently, and the author most likely meant it as
    /// text. A comment written `# like this` is left alone.
    mutating func checkCutShort(_ node: Node, _ scalar: Node.Scalar) {
        guard scalar.style == .plain, let mark = node.mark, !scalar.string.contains("\n") else { return }
        let length = scalar.string.unicodeScalars.count
        // A window of the line just long enough, so a megabyte-long line costs no more.
        guard let excerpt = source.excerpt(line: mark.line, column: mark.column, width: 2 * (length + 8)) else { return }
        let written = excerpt.text.unicodeScalars.dropFirst(excerpt.caret)
        guard written.starts(with: scalar.string.unicodeScalars) else { return }
        let rest = written.dropFirst(length)
        let spaces = rest.prefix { $0 == " " || $0 == "\t" }.count
        guard spaces > 0, rest.dropFirst(spaces).first == "#",
              let next = rest.dropFirst(spaces + 1).first, next != " ", next != "\t", next != "#" else { return }
        report(at: source.location(line: mark.line, column: mark.column + length + spaces),
               .commentCutsText, rule: .commentInText)
    }

    /// A whole-number field, at most `limit` either side of zero.
    mutating func integer(_ node: Node, field: String, in what: FieldOwner, limit: Int = Int.max) -> Located<Int>? {
        guard case let .scalar(scalar) = node else {
            report(at: node, .notWholeNumber(field: field, in: what, found: describe(node)), rule: .wrongType)
            return nil
        }
        let written = scalar.string.trimmingSpaces
        let digits = written.first == "-" || written.first == "+" ? written.dropFirst() : written
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            report(at: node, .notWholeNumber(field: field, in: what, found: describe(node)), rule: .wrongType)
            return nil
        }
        guard let value = Int(written), value.magnitude <= limit.magnitude else {
            report(at: node, .numberTooLarge(field: field, in: what, written: quoted(String(written), limit: 30),
                                             limit: limit == Int.max ? nil : limit), rule: .invalidValue)
            return nil
        }
        return Located(value, at: location(of: node))
    }

    /// A list of text items, written `[a, b]` or as `- a` lines. An absent key gives nil.
    mutating func textList(_ fields: Fields, _ key: String, required: Bool = false) -> [Located<String>]? {
        let value: Node?
        if required {
            value = requireField(fields, key)
        } else {
            value = fields[key]
        }
        guard let value else { return nil }
        if value.isNull { return [] }
        guard case let .sequence(sequence) = value else {
            report(at: value, .notAList(field: key, in: fields.what, example: quoted(value.scalar?.string ?? "a, b", limit: 40),
                                        found: describe(value)), rule: .wrongType)
            return nil
        }
        return sequence.compactMap { scalarText($0, field: "\(key)", in: fields.what) }
    }

    /// A list of nodes (for lists of blocks). An absent key gives nil.
    mutating func list(_ fields: Fields, _ key: String, required: Bool) -> [Node]? {
        let value: Node?
        if required {
            value = requireField(fields, key)
        } else {
            value = fields[key]
        }
        guard let value else { return nil }
        if value.isNull { return [] }
        guard case let .sequence(sequence) = value else {
            report(at: value, .notAListOfItems(field: key, in: fields.what, found: describe(value)), rule: .wrongType)
            return nil
        }
        return Array(sequence)
    }

    /// A block of `key: value` text pairs in file order. An absent key gives nil.
    mutating func textPairs(_ fields: Fields, _ key: String) -> [(key: String, value: String)]? {
        guard let value = fields[key], !value.isNull else { return nil }
        guard case let .mapping(mapping) = value else {
            report(at: value, .notNamedTexts(field: key, in: fields.what, found: describe(value)), rule: .wrongType)
            return nil
        }
        var pairs: [(key: String, value: String)] = []
        for (name, item) in mapping {
            guard let name = name.scalar?.string,
                  let text = scalarText(item, field: "\(key).\(name)", in: fields.what) else { continue }
            pairs.append((name, text.value))
        }
        return pairs
    }

    /// How a node looks, for "it is ..." in messages.
    func describe(_ node: Node) -> NodeShape {
        switch node {
        case .mapping: return .block
        case .sequence: return .list
        case .alias: return .alias
        case let .scalar(scalar):
            if node.isNull { return .empty }
            return .text(quoted(scalar.string, limit: 40))
        }
    }
}

/// Text from a file as quoted in a message (see `TerminalText.quoted`).
func quoted(_ text: String, limit: Int = 60) -> String {
    TerminalText.quoted(text, limit: limit)
}

extension Node {
    var isNull: Bool {
        guard case let .scalar(scalar) = self else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }
}

extension String {
    var trimmingSpaces: Substring {
        let trimmed = drop { $0 == " " }
        return trimmed.dropLast(trimmed.reversed().prefix { $0 == " " }.count)
    }
}

/// The closest of `candidates` to `word` when it is a plausible typo (small edit distance).
/// For many words against the same candidates, build a `SuggestionIndex` once.
public func closestMatch(to word: String, in candidates: [String]) -> String? {
    guard !word.isEmpty, word.utf8.count <= suggestionLength * 4 else { return nil }
    return SuggestionIndex(candidates).closest(to: word)
}

/// Candidates for "did you mean", prepared once: lowercased and grouped by length.
///
/// Bounded for hostile input: a word longer than `suggestionLength` characters gets no
/// suggestion (a pasted megabyte answers at once); only candidates whose length is within
/// the allowed distance are compared; a shared beginning and ending are set aside; and a
/// comparison stops as soon as the distance is out of reach, reusing its buffers; and at
/// most `maximumComparisons` candidates are compared for one word (lengths nearest first),
/// so a knowledge base of a hundred thousand ids costs no more than one of two thousand.
public struct SuggestionIndex: Sendable {
    public static let maximumComparisons = 2_000

    private let candidates: [String]
    private let lowered: [[Unicode.Scalar]]
    /// Candidate indices by length (in characters), in candidate order.
    private let byLength: [Int: [Int]]

    public init(_ candidates: [String]) {
        self.candidates = candidates
        var lowered: [[Unicode.Scalar]] = []
        lowered.reserveCapacity(candidates.count)
        var byLength: [Int: [Int]] = [:]
        for (index, candidate) in candidates.enumerated() {
            var scalars: [Unicode.Scalar] = []
            if candidate.utf8.count <= suggestionLength * 8 { appendLowercased(candidate, to: &scalars) }
            lowered.append(scalars)
            if !scalars.isEmpty { byLength[scalars.count, default: []].append(index) }
        }
        self.lowered = lowered
        self.byLength = byLength
    }

    /// The closest candidate within a third of the word's length (at least 1 edit); ties
    /// go to the candidate first in alphabetical order.
    public func closest(to word: String) -> String? {
        guard !word.isEmpty, word.utf8.count <= suggestionLength * 4 else { return nil }
        var target: [Unicode.Scalar] = []
        appendLowercased(word, to: &target)
        guard target.count <= suggestionLength else { return nil }
        let limit = max(1, target.count / 3)
        var best: (distance: Int, candidate: String)?
        var buffers = EditDistanceBuffers()
        var compared = 0
        // Lengths nearest the word's first: the likeliest matches.
        let lengths = (max(1, target.count - limit)...(target.count + limit)).sorted { abs($0 - target.count) < abs($1 - target.count) }
        for length in lengths {
            for index in byLength[length] ?? [] {
                compared += 1
                if compared > Self.maximumComparisons { return best?.candidate }
                let bound = min(limit, best?.distance ?? limit)
                guard let distance = buffers.distance(target, lowered[index], atMost: bound) else { continue }
                let candidate = candidates[index]
                if let current = best, (current.distance, current.candidate) <= (distance, candidate) { continue }
                best = (distance, candidate)
            }
        }
        return best?.candidate
    }
}

/// Lowercases without building a string for the usual (ASCII) case.
private func appendLowercased(_ text: String, to scalars: inout [Unicode.Scalar]) {
    for scalar in text.unicodeScalars {
        if scalar.isASCII {
            scalars.append(("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar)
        } else {
            scalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        }
    }
}

/// The longest word `closestMatch` suggests for; ids and commands are far shorter.
public let suggestionLength = 64

/// Edit distance between two strings, counting a swap of two neighbouring letters as one
/// edit (optimal string alignment), since that is the commonest typo.
public func editDistance(_ a: String, _ b: String) -> Int {
    var buffers = EditDistanceBuffers()
    let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
    return buffers.distance(a, b, atMost: Int.max - 1) ?? 0
}

/// Three rows of the distance table, kept between comparisons.
struct EditDistanceBuffers {
    private var previous2: [Int] = []
    private var previous: [Int] = []
    private var current: [Int] = []

    /// The distance, or nil when it is more than `bound` (known without finishing the
    /// table once every entry of a row exceeds it).
    mutating func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost bound: Int) -> Int? {
        // A shared beginning and ending cost nothing; compare what lies between.
        var start = 0
        while start < a.count, start < b.count, a[start] == b[start] { start += 1 }
        var endA = a.count, endB = b.count
        while endA > start, endB > start, a[endA - 1] == b[endB - 1] {
            endA -= 1
            endB -= 1
        }
        let rows = endA - start, columns = endB - start
        if rows == 0 || columns == 0 {
            let result = max(rows, columns)
            return result <= bound ? result : nil
        }
        if abs(rows - columns) > bound { return nil }
        let width = columns + 1
        if previous.count < width {
            previous2 = [Int](repeating: 0, count: width)
            previous = [Int](repeating: 0, count: width)
            current = [Int](repeating: 0, count: width)
        }
        for j in 0..<width { previous[j] = j }
        for i in 1...rows {
            current[0] = i
            var rowMinimum = i
            let x = a[start + i - 1]
            for j in 1...columns {
                let y = b[start + j - 1]
                var value = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x == y ? 0 : 1))
                if i > 1, j > 1, x == b[start + j - 2], a[start + i - 2] == y {
                    value = Swift.min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = Swift.min(rowMinimum, value)
            }
            if rowMinimum > bound { return nil }
            swap(&previous2, &previous)
            swap(&previous, &current)
        }
        let result = previous[columns]
        return result <= bound ? result : nil
    }
}
