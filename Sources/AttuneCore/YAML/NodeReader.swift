import Yams

/// The keys of one YAML mapping, with the node for each, for typed reading.
struct Fields {
    let node: Node
    /// What the mapping is, in words, for messages: "entry 'tenet.4'", "the file".
    let what: String
    private let keys: [String: Node]
    private let values: [String: Node]

    init(node: Node, mapping: Node.Mapping, what: String) {
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
struct NodeReader {
    let source: SourceText
    private(set) var diagnostics: [Diagnostic] = []

    init(source: SourceText) {
        self.source = source
    }

    // MARK: Reporting

    func location(of node: Node) -> SourceLocation {
        let mark = node.mark
        return source.location(line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    mutating func report(_ severity: Severity, at node: Node, _ message: String, rule: String) {
        let mark = node.mark
        diagnostics.append(source.diagnostic(
            severity, line: mark?.line ?? 1, column: mark?.column ?? 1, message, rule: rule))
    }

    mutating func report(_ severity: Severity, at location: SourceLocation, _ message: String, rule: String) {
        diagnostics.append(source.diagnostic(
            severity, line: location.line, column: location.column, message, rule: rule))
    }

    // MARK: Structure

    /// The node as a mapping, warning about keys outside `allowed` (likely typos).
    mutating func fields(_ node: Node, what: String, allowed: [String]) -> Fields? {
        guard case let .mapping(mapping) = node else {
            report(.error, at: node, "\(what) should be a block of 'key: value' lines, but it is \(describe(node))",
                   rule: "wrong-type")
            return nil
        }
        for (key, _) in mapping {
            guard let name = key.scalar?.string else {
                report(.error, at: key, "a key in \(what) must be a plain word", rule: "wrong-type")
                continue
            }
            if !allowed.contains(name) {
                var message = "unknown key '\(name)' in \(what); it will be ignored"
                if let guess = closestMatch(to: name, in: allowed) { message += " (did you mean '\(guess)'?)" }
                report(.warning, at: key, message, rule: "unknown-key")
            }
        }
        return Fields(node: node, mapping: mapping, what: what)
    }

    mutating func requireField(_ fields: Fields, _ key: String) -> Node? {
        guard let value = fields[key] else {
            report(.error, at: fields.node, "\(fields.what) is missing the required field '\(key)'", rule: "missing-field")
            return nil
        }
        if value.isNull {
            report(.error, at: fields.keyNode(key) ?? value, "'\(key)' in \(fields.what) has no value", rule: "missing-field")
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

    mutating func scalarText(_ node: Node, field: String, in what: String) -> Located<String>? {
        guard case let .scalar(scalar) = node else {
            report(.error, at: node, "'\(field)' in \(what) should be text, but it is \(describe(node))", rule: "wrong-type")
            return nil
        }
        return Located(scalar.string, at: location(of: node))
    }

    /// A whole-number field.
    mutating func integer(_ node: Node, field: String, in what: String) -> Located<Int>? {
        guard case let .scalar(scalar) = node, let value = Int(scalar.string.trimmingSpaces) else {
            report(.error, at: node, "'\(field)' in \(what) should be a whole number, but it is \(describe(node))",
                   rule: "wrong-type")
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
            report(.error, at: value,
                   "'\(key)' in \(fields.what) should be a list, like [\(value.scalar?.string ?? "a, b")], but it is \(describe(value))",
                   rule: "wrong-type")
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
            report(.error, at: value, "'\(key)' in \(fields.what) should be a list of items, but it is \(describe(value))",
                   rule: "wrong-type")
            return nil
        }
        return Array(sequence)
    }

    /// A block of `key: value` text pairs in file order. An absent key gives nil.
    mutating func textPairs(_ fields: Fields, _ key: String) -> [(key: String, value: String)]? {
        guard let value = fields[key], !value.isNull else { return nil }
        guard case let .mapping(mapping) = value else {
            report(.error, at: value, "'\(key)' in \(fields.what) should be a block of 'name: value' lines, but it is \(describe(value))",
                   rule: "wrong-type")
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
    func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a block of 'key: value' lines"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case let .scalar(scalar):
            if node.isNull { return "empty" }
            let text = scalar.string
            let shown = text.count > 40 ? String(text.prefix(37)) + "..." : text
            return "the text '\(shown.replacingNewlines)'"
        }
    }
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

    var replacingNewlines: String {
        String(map { $0.isNewline ? " " : $0 })
    }
}

/// The closest of `candidates` to `word` when it is a plausible typo (small edit distance).
public func closestMatch(to word: String, in candidates: [String]) -> String? {
    let limit = max(1, word.count / 3)
    return candidates
        .map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
        .filter { $0.1 <= limit }
        .min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
}

/// Edit distance between two strings, by Character, counting a swap of two neighbouring
/// letters as one edit (optimal string alignment), since that is the commonest typo.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in 1...a.count {
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            table[i][j] = Swift.min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                table[i][j] = Swift.min(table[i][j], table[i - 2][j - 2] + 1)
            }
        }
    }
    return table[a.count][b.count]
}
