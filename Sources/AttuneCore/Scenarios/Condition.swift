/// What a condition can read: counters, visited nodes, choices taken.
public protocol ConditionContext {
    func value(of variable: String) -> Int
    func hasVisited(_ node: String) -> Bool
    func hasChosen(node: String, choice: String) -> Bool
}

/// A `when:` condition, parsed. The grammar, for authors: docs/authoring.md.
///
/// `and` and `or` hold their whole chain (`a and b and c` is one `.and` of three), so a
/// long chain is a flat list, not a deep tree; nesting comes only from brackets and `not`,
/// which the parser limits to `ConditionParser.maximumDepth`.
public indirect enum Condition: Sendable, Hashable, Codable, CustomStringConvertible {
    case constant(Bool)
    case compare(variable: String, op: ComparisonOperator, value: Int)
    case visited(node: String)
    case chose(node: String, choice: String)
    case not(Condition)
    case and([Condition])
    case or([Condition])

    public enum ComparisonOperator: String, Sendable, Hashable, Codable, CaseIterable {
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

        func holds(_ lhs: Int, _ rhs: Int) -> Bool {
            switch self {
            case .equal: lhs == rhs
            case .notEqual: lhs != rhs
            case .less: lhs < rhs
            case .lessOrEqual: lhs <= rhs
            case .greater: lhs > rhs
            case .greaterOrEqual: lhs >= rhs
            }
        }
    }

    /// Whether the condition holds in `state`. Undeclared variables read as 0, but the
    /// loader rejects them before play.
    public func evaluate(in state: some ConditionContext) -> Bool {
        switch self {
        case let .constant(value): value
        case let .compare(variable, op, value): op.holds(state.value(of: variable), value)
        case let .visited(node): state.hasVisited(node)
        case let .chose(node, choice): state.hasChosen(node: node, choice: choice)
        case let .not(inner): !inner.evaluate(in: state)
        case let .and(terms): terms.allSatisfy { $0.evaluate(in: state) }
        case let .or(terms): terms.contains { $0.evaluate(in: state) }
        }
    }

    /// Every variable, node and choice the condition mentions, for validation.
    public var references: [Reference] {
        var found: [Reference] = []
        collectReferences(into: &found)
        return found
    }

    private func collectReferences(into found: inout [Reference]) {
        switch self {
        case .constant: break
        case let .compare(variable, _, _): found.append(.variable(variable))
        case let .visited(node): found.append(.node(node))
        case let .chose(node, choice): found.append(.choice(node: node, choice: choice))
        case let .not(inner): inner.collectReferences(into: &found)
        case let .and(terms), let .or(terms): for term in terms { term.collectReferences(into: &found) }
        }
    }

    public enum Reference: Sendable, Hashable {
        case variable(String)
        case node(String)
        case choice(node: String, choice: String)
    }

    public var description: String {
        switch self {
        case let .constant(value): "\(value)"
        case let .compare(variable, op, value): "\(variable) \(op.rawValue) \(value)"
        case let .visited(node): "visited(\(node))"
        case let .chose(node, choice): "chose(\(node).\(choice))"
        case let .not(inner): "not \(inner.bracketed(if: { $0.isChain }))"
        case let .and(terms): terms.map { $0.bracketed(if: { $0.isChain }) }.joined(separator: " and ")
        case let .or(terms): terms.map { $0.bracketed(if: { $0.isOr }) }.joined(separator: " or ")
        }
    }

    private var isChain: Bool {
        switch self {
        case .and, .or: true
        default: false
        }
    }

    private var isOr: Bool {
        if case .or = self { return true }
        return false
    }

    private func bracketed(if needed: (Condition) -> Bool) -> String {
        needed(self) ? "(\(description))" : description
    }
}

/// A mistake in a condition, at a 0-based offset within the condition text, counted in
/// Unicode scalars (as columns are).
public struct ConditionSyntaxError: Error, Sendable, Equatable {
    public var message: ConditionSyntax
    public var offset: Int
}

/// What is wrong in a condition, as a typed value (a catalog puts it in words).
public enum ConditionSyntax: Sendable, Hashable, Codable {
    /// A token of a condition, as a message names it.
    public enum Token: Sendable, Hashable, Codable {
        /// A word, number or sign, as written.
        case written(String)
        case end
    }

    /// What the parser expected where it stopped.
    public enum Expected: Sendable, Hashable, Codable {
        case closingBracket
        case nodeInVisited
        case closeAfterNode
        case nodeInChose
        case dotInChose
        case choiceAfterDot
        case closeAfterChoice
    }

    /// The keyword a sign stands for: `&` and, `|` or, `!` not (or `!=`).
    public enum Keyword: Sendable, Hashable, Codable { case and, or, not }

    /// How an invisible character shows itself.
    public enum Invisible: Sendable, Hashable, Codable { case control, space, format }

    case tooLong(length: Int, limit: Int)
    case trailing(Token)
    case tooDeep(limit: Int)
    /// `found`: nil when only what was expected is said; `unclosedAt`: the column of an
    /// unclosed '(' in the condition.
    case expected(Expected, found: Token?, unclosedAt: Int?)
    case unknownFunction(String, suggestion: String?)
    case comparisonExpected(after: String)
    case numberExpected(after: String)
    case conditionExpected(found: Token)
    case numberTooLarge(limit: Int)
    /// `=>` or `=<`: `written`, and `meant` (`>=`, `<=`).
    case reversedComparison(written: String, meant: String)
    case singleEquals
    case commaInChose
    case sign(String, meaning: Keyword)
    /// An invisible character, by its code point.
    case invisible(UInt32, Invisible)
    case character(String)
}

/// Recursive-descent parser for the condition grammar:
///
///     expr   := term ("or" term)*
///     term   := factor ("and" factor)*
///     factor := "not" factor | "(" expr ")" | NAME OP INT | "visited(" NODE ")"
///             | "chose(" NODE "." CHOICE ")" | "true" | "false"
///
/// Bounded for hostile text: at most `maximumLength` characters, brackets and `not`
/// nested at most `maximumDepth` deep (the only recursion), and chains read in a loop.
public struct ConditionParser {
    /// Longer than any condition an author writes (the bundled cases stay under 200).
    public static let maximumLength = 1_000
    /// Brackets and `not` inside each other; real conditions use two or three.
    public static let maximumDepth = 32
    /// Numbers in conditions, like counters, stay within a million either side of zero.
    public static let maximumNumber = CounterLimits.maximum

    private enum TokenKind: Equatable {
        case word(String)
        case number(Int)
        case op(Condition.ComparisonOperator)
        case open, close, dot, end
    }

    private struct Token {
        var kind: TokenKind
        var offset: Int
    }

    private var tokens: [Token] = []
    private var position = 0
    private var depth = 0

    public static func parse(_ text: String) throws(ConditionSyntaxError) -> Condition {
        let length = text.unicodeScalars.count
        if length > maximumLength {
            throw ConditionSyntaxError(message: .tooLong(length: length, limit: maximumLength), offset: 0)
        }
        var parser = ConditionParser()
        parser.tokens = try tokenize(text)
        let condition = try parser.expression()
        let next = parser.peek
        guard next.kind == .end else {
            throw ConditionSyntaxError(message: .trailing(describe(next.kind)), offset: next.offset)
        }
        return condition
    }

    private var peek: Token { tokens[position] }

    private mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private mutating func expression() throws(ConditionSyntaxError) -> Condition {
        var terms = [try term()]
        while peek.kind == .word("or") {
            _ = advance()
            terms.append(try term())
        }
        return terms.count == 1 ? terms[0] : .or(terms)
    }

    private mutating func term() throws(ConditionSyntaxError) -> Condition {
        var factors = [try factor()]
        while peek.kind == .word("and") {
            _ = advance()
            factors.append(try factor())
        }
        return factors.count == 1 ? factors[0] : .and(factors)
    }

    /// Enters a bracket or a `not`, refusing nesting past `maximumDepth`.
    private mutating func nest(at offset: Int) throws(ConditionSyntaxError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw ConditionSyntaxError(message: .tooDeep(limit: Self.maximumDepth), offset: offset)
        }
    }

    private mutating func factor() throws(ConditionSyntaxError) -> Condition {
        let token = advance()
        switch token.kind {
        case .word("not"):
            try nest(at: token.offset)
            defer { depth -= 1 }
            return .not(try factor())
        case .open:
            try nest(at: token.offset)
            defer { depth -= 1 }
            let inner = try expression()
            try expect(.close, .closingBracket, opened: token.offset)
            return inner
        case .word("true"):
            return .constant(true)
        case .word("false"):
            return .constant(false)
        case .word("visited") where peek.kind == .open:
            _ = advance()
            let node = try name(.nodeInVisited)
            try expect(.close, .closeAfterNode, opened: token.offset)
            return .visited(node: node)
        case .word("chose") where peek.kind == .open:
            _ = advance()
            let node = try name(.nodeInChose)
            try expect(.dot, .dotInChose, opened: nil)
            let choice = try name(.choiceAfterDot)
            try expect(.close, .closeAfterChoice, opened: token.offset)
            return .chose(node: node, choice: choice)
        case let .word(word) where peek.kind == .open && !["not", "and", "or"].contains(word):
            throw ConditionSyntaxError(
                message: .unknownFunction(word, suggestion: closestMatch(to: word, in: ["visited", "chose"])), offset: token.offset)
        case let .word(word) where !["and", "or"].contains(word):
            guard case let .op(op) = peek.kind else {
                throw ConditionSyntaxError(message: .comparisonExpected(after: word), offset: peek.offset)
            }
            _ = advance()
            let valueToken = advance()
            guard case let .number(value) = valueToken.kind else {
                throw ConditionSyntaxError(message: .numberExpected(after: op.rawValue), offset: valueToken.offset)
            }
            return .compare(variable: word, op: op, value: value)
        default:
            throw ConditionSyntaxError(message: .conditionExpected(found: Self.describe(token.kind)), offset: token.offset)
        }
    }

    private mutating func name(_ what: ConditionSyntax.Expected) throws(ConditionSyntaxError) -> String {
        let token = advance()
        switch token.kind {
        case let .word(word): return word
        case let .number(number): return String(number)
        default: throw ConditionSyntaxError(message: .expected(what, found: nil, unclosedAt: nil), offset: token.offset)
        }
    }

    private mutating func expect(_ kind: TokenKind, _ what: ConditionSyntax.Expected, opened: Int?) throws(ConditionSyntaxError) {
        let token = peek
        guard token.kind == kind else {
            let unclosed = kind == .close ? opened.map { $0 + 1 } : nil
            throw ConditionSyntaxError(message: .expected(what, found: Self.describe(token.kind), unclosedAt: unclosed),
                                       offset: token.offset)
        }
        _ = advance()
    }

    private static func describe(_ kind: TokenKind) -> ConditionSyntax.Token {
        switch kind {
        case let .word(word): .written(quoted(word, limit: 40))
        case let .number(number): .written("\(number)")
        case let .op(op): .written(op.rawValue)
        case .open: .written("(")
        case .close: .written(")")
        case .dot: .written(".")
        case .end: .end
        }
    }

    /// Spaces between words: the space, tab and line feed (a condition written over
    /// several lines). Other invisible characters are mistakes, not spaces.
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n"
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic && !TerminalText.isInvisible(scalar)
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }

    private static func tokenize(_ text: String) throws(ConditionSyntaxError) -> [Token] {
        var tokens: [Token] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
            isLetter(scalar) || isDigit(scalar) || scalar == "_"
        }
        while index < scalars.count {
            let scalar = scalars[index]
            let start = index
            if isSpace(scalar) {
                index += 1
                continue
            }
            if isLetter(scalar) || scalar == "_" {
                // Names may contain hyphens (node ids do), but a name never ends with one.
                while index < scalars.count,
                      isNameCharacter(scalars[index])
                        || (scalars[index] == "-" && index + 1 < scalars.count
                            && (isLetter(scalars[index + 1]) || isDigit(scalars[index + 1]))) {
                    index += 1
                }
                tokens.append(Token(kind: .word(String(String.UnicodeScalarView(scalars[start..<index]))), offset: start))
                continue
            }
            if isDigit(scalar) || (scalar == "-" && index + 1 < scalars.count && isDigit(scalars[index + 1])) {
                index += 1
                while index < scalars.count, isDigit(scalars[index]) { index += 1 }
                // A choice id such as "2nd-try" starts with a digit: read it as a name.
                if index < scalars.count, isLetter(scalars[index]) || scalars[index] == "-" {
                    while index < scalars.count, isLetter(scalars[index]) || isDigit(scalars[index]) || scalars[index] == "-" {
                        index += 1
                    }
                    tokens.append(Token(kind: .word(String(String.UnicodeScalarView(scalars[start..<index]))), offset: start))
                    continue
                }
                let digits = String(String.UnicodeScalarView(scalars[start..<index]))
                guard let value = Int(digits), value.magnitude <= UInt(maximumNumber) else {
                    throw ConditionSyntaxError(message: .numberTooLarge(limit: maximumNumber), offset: start)
                }
                tokens.append(Token(kind: .number(value), offset: start))
                continue
            }
            if index + 1 < scalars.count,
               let op = Condition.ComparisonOperator(rawValue: String(String.UnicodeScalarView(scalars[index...index + 1]))) {
                tokens.append(Token(kind: .op(op), offset: start))
                index += 2
                continue
            }
            switch scalar {
            case "<": tokens.append(Token(kind: .op(.less), offset: start))
            case ">": tokens.append(Token(kind: .op(.greater), offset: start))
            case "(": tokens.append(Token(kind: .open, offset: start))
            case ")": tokens.append(Token(kind: .close, offset: start))
            case ".": tokens.append(Token(kind: .dot, offset: start))
            case "=" where index + 1 < scalars.count && (scalars[index + 1] == ">" || scalars[index + 1] == "<"):
                let meant = scalars[index + 1] == ">" ? ">=" : "<="
                throw ConditionSyntaxError(message: .reversedComparison(written: "=\(scalars[index + 1])", meant: meant), offset: start)
            case "=":
                throw ConditionSyntaxError(message: .singleEquals, offset: start)
            case "," where insideChose(scalars, before: index):
                throw ConditionSyntaxError(message: .commaInChose, offset: start)
            case "&", "|", "!":
                let meaning: ConditionSyntax.Keyword = scalar == "&" ? .and : scalar == "|" ? .or : .not
                throw ConditionSyntaxError(message: .sign(String(scalar), meaning: meaning), offset: start)
            default:
                if TerminalText.isInvisible(scalar) {
                    let kind: ConditionSyntax.Invisible = TerminalText.isControl(scalar) || scalar == "\n" || scalar == "\t"
                        || scalar.value == 0x85 ? .control : scalar.properties.isWhitespace ? .space : .format
                    throw ConditionSyntaxError(message: .invisible(scalar.value, kind), offset: start)
                }
                throw ConditionSyntaxError(message: .character(String(scalar)), offset: start)
            }
            index += 1
        }
        tokens.append(Token(kind: .end, offset: scalars.count))
        return tokens
    }

    /// Whether `index` falls between a "chose(" and its ")".
    private static func insideChose(_ scalars: [Unicode.Scalar], before index: Int) -> Bool {
        let before = String(String.UnicodeScalarView(scalars[..<index]))
        guard let open = before.range(of: "chose(", options: .backwards) else { return false }
        return !before[open.upperBound...].contains(")")
    }
}

extension ConditionParser {
    /// Where `reference` is written in the condition `text`: the 0-based offset (in Unicode
    /// scalars, as columns are) of the variable's name, the node id inside `visited(...)` or
    /// `chose(...)`, or the choice id after the dot; nil when it is not found. A finding about
    /// a misspelt name puts its caret there rather than at the start of the condition.
    public static func offset(of reference: Condition.Reference, in text: String) -> Int? {
        guard let tokens = try? tokenize(text) else { return nil }
        func word(_ index: Int) -> String? {
            guard tokens.indices.contains(index), case let .word(name) = tokens[index].kind else { return nil }
            return name
        }
        func kind(_ index: Int, is wanted: TokenKind) -> Bool {
            guard tokens.indices.contains(index) else { return false }
            switch (tokens[index].kind, wanted) {
            case (.open, .open), (.dot, .dot): return true
            default: return false
            }
        }
        for index in tokens.indices {
            switch reference {
            case let .variable(name):
                if word(index) == name, !kind(index + 1, is: .open), !kind(index - 1, is: .dot), !kind(index + 1, is: .dot) {
                    return tokens[index].offset
                }
            case let .node(node):
                if word(index) == node, kind(index - 1, is: .open), word(index - 2) != nil { return tokens[index].offset }
            case let .choice(node, choice):
                if word(index) == choice, kind(index - 1, is: .dot), word(index - 2) == node { return tokens[index].offset }
            }
        }
        return nil
    }
}
