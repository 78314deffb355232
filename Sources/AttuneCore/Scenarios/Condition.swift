/// What a condition can read: counters, visited nodes, choices taken.
public protocol ConditionContext {
    func value(of variable: String) -> Int
    func hasVisited(_ node: String) -> Bool
    func hasChosen(node: String, choice: String) -> Bool
}

/// A `when:` condition, parsed. See scenario-format.md for the grammar.
public indirect enum Condition: Sendable, Hashable, CustomStringConvertible {
    case constant(Bool)
    case compare(variable: String, op: ComparisonOperator, value: Int)
    case visited(node: String)
    case chose(node: String, choice: String)
    case not(Condition)
    case and(Condition, Condition)
    case or(Condition, Condition)

    public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
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
        case let .and(lhs, rhs): lhs.evaluate(in: state) && rhs.evaluate(in: state)
        case let .or(lhs, rhs): lhs.evaluate(in: state) || rhs.evaluate(in: state)
        }
    }

    /// Every variable, node and choice the condition mentions, for validation.
    public var references: [Reference] {
        switch self {
        case .constant: []
        case let .compare(variable, _, _): [.variable(variable)]
        case let .visited(node): [.node(node)]
        case let .chose(node, choice): [.choice(node: node, choice: choice)]
        case let .not(inner): inner.references
        case let .and(lhs, rhs), let .or(lhs, rhs): lhs.references + rhs.references
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
        case let .not(inner): "not \(inner.parenthesized)"
        case let .and(lhs, rhs): "\(lhs.parenthesized) and \(rhs.parenthesized)"
        case let .or(lhs, rhs): "\(lhs) or \(rhs)"
        }
    }

    private var parenthesized: String {
        switch self {
        case .or, .and: "(\(description))"
        default: description
        }
    }
}

/// A mistake in a condition, at a 0-based character offset within the condition text.
public struct ConditionSyntaxError: Error, Sendable, Equatable {
    public var message: String
    public var offset: Int
}

/// Recursive-descent parser for the condition grammar:
///
///     expr   := term ("or" term)*
///     term   := factor ("and" factor)*
///     factor := "not" factor | "(" expr ")" | NAME OP INT | "visited(" NODE ")"
///             | "chose(" NODE "." CHOICE ")" | "true" | "false"
public struct ConditionParser {
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

    public static func parse(_ text: String) throws(ConditionSyntaxError) -> Condition {
        var parser = ConditionParser()
        parser.tokens = try tokenize(text)
        let condition = try parser.expression()
        let next = parser.peek
        guard next.kind == .end else {
            throw ConditionSyntaxError(message: "unexpected \(describe(next.kind)) after a complete condition; "
                + "join conditions with 'and' or 'or'", offset: next.offset)
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
        var result = try term()
        while peek.kind == .word("or") {
            _ = advance()
            result = .or(result, try term())
        }
        return result
    }

    private mutating func term() throws(ConditionSyntaxError) -> Condition {
        var result = try factor()
        while peek.kind == .word("and") {
            _ = advance()
            result = .and(result, try factor())
        }
        return result
    }

    private mutating func factor() throws(ConditionSyntaxError) -> Condition {
        let token = advance()
        switch token.kind {
        case .word("not"):
            return .not(try factor())
        case .open:
            let inner = try expression()
            try expect(.close, "a closing ')'", opened: token.offset)
            return inner
        case .word("true"):
            return .constant(true)
        case .word("false"):
            return .constant(false)
        case .word("visited") where peek.kind == .open:
            _ = advance()
            let node = try name("a node id inside visited( )")
            try expect(.close, "')' after the node id", opened: token.offset)
            return .visited(node: node)
        case .word("chose") where peek.kind == .open:
            _ = advance()
            let node = try name("a node id inside chose( ), like chose(arrival.greet-baby)")
            try expect(.dot, "'.' between the node id and the choice id, like chose(arrival.greet-baby)", opened: nil)
            let choice = try name("a choice id after the '.'")
            try expect(.close, "')' after the choice id", opened: token.offset)
            return .chose(node: node, choice: choice)
        case let .word(word) where !["and", "or"].contains(word):
            guard case let .op(op) = peek.kind else {
                throw ConditionSyntaxError(
                    message: "expected a comparison after '\(word)', like '\(word) >= 1'", offset: peek.offset)
            }
            _ = advance()
            let valueToken = advance()
            guard case let .number(value) = valueToken.kind else {
                throw ConditionSyntaxError(
                    message: "expected a whole number after '\(op.rawValue)'", offset: valueToken.offset)
            }
            return .compare(variable: word, op: op, value: value)
        default:
            throw ConditionSyntaxError(
                message: "expected a condition (a comparison, visited(...), chose(...), true, false, 'not' or '(') "
                    + "but found \(Self.describe(token.kind))",
                offset: token.offset)
        }
    }

    private mutating func name(_ what: String) throws(ConditionSyntaxError) -> String {
        let token = advance()
        switch token.kind {
        case let .word(word): return word
        case let .number(number): return String(number)
        default: throw ConditionSyntaxError(message: "expected \(what)", offset: token.offset)
        }
    }

    private mutating func expect(_ kind: TokenKind, _ what: String, opened: Int?) throws(ConditionSyntaxError) {
        let token = peek
        guard token.kind == kind else {
            var message = "expected \(what) but found \(Self.describe(token.kind))"
            if let opened, kind == .close { message += " (the '(' at column \(opened + 1) of the condition is not closed)" }
            throw ConditionSyntaxError(message: message, offset: token.offset)
        }
        _ = advance()
    }

    private static func describe(_ kind: TokenKind) -> String {
        switch kind {
        case let .word(word): "'\(word)'"
        case let .number(number): "'\(number)'"
        case let .op(op): "'\(op.rawValue)'"
        case .open: "'('"
        case .close: "')'"
        case .dot: "'.'"
        case .end: "the end of the condition"
        }
    }

    private static func tokenize(_ text: String) throws(ConditionSyntaxError) -> [Token] {
        var tokens: [Token] = []
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let start = index
            if character.isWhitespace {
                index += 1
                continue
            }
            if character.isLetter || character == "_" {
                // Names may contain hyphens (node ids do), but a name never ends with one.
                while index < characters.count,
                      characters[index].isLetter || characters[index].isNumber || characters[index] == "_"
                        || (characters[index] == "-" && index + 1 < characters.count
                            && (characters[index + 1].isLetter || characters[index + 1].isNumber)) {
                    index += 1
                }
                tokens.append(Token(kind: .word(String(characters[start..<index])), offset: start))
                continue
            }
            if character.isNumber || (character == "-" && index + 1 < characters.count && characters[index + 1].isNumber) {
                index += 1
                while index < characters.count, characters[index].isNumber { index += 1 }
                // A choice id such as "2nd-try" starts with a digit: read it as a name.
                if index < characters.count, characters[index].isLetter || characters[index] == "-" {
                    while index < characters.count,
                          characters[index].isLetter || characters[index].isNumber || characters[index] == "-" {
                        index += 1
                    }
                    tokens.append(Token(kind: .word(String(characters[start..<index])), offset: start))
                    continue
                }
                guard let value = Int(String(characters[start..<index])) else {
                    throw ConditionSyntaxError(message: "this number is too large", offset: start)
                }
                tokens.append(Token(kind: .number(value), offset: start))
                continue
            }
            let two = index + 1 < characters.count ? String(characters[index...index + 1]) : ""
            if let op = Condition.ComparisonOperator(rawValue: two) {
                tokens.append(Token(kind: .op(op), offset: start))
                index += 2
                continue
            }
            switch character {
            case "<": tokens.append(Token(kind: .op(.less), offset: start))
            case ">": tokens.append(Token(kind: .op(.greater), offset: start))
            case "(": tokens.append(Token(kind: .open, offset: start))
            case ")": tokens.append(Token(kind: .close, offset: start))
            case ".": tokens.append(Token(kind: .dot, offset: start))
            case "=":
                throw ConditionSyntaxError(message: "a single '=' is not a comparison; write '==' to compare", offset: start)
            case "&", "|", "!":
                let word = character == "&" ? "and" : character == "|" ? "or" : "not (or '!=')"
                throw ConditionSyntaxError(message: "'\(character)' is not part of the condition language; write '\(word)'",
                                           offset: start)
            default:
                throw ConditionSyntaxError(message: "the character '\(character)' cannot appear in a condition", offset: start)
            }
            index += 1
        }
        tokens.append(Token(kind: .end, offset: characters.count))
        return tokens
    }
}
