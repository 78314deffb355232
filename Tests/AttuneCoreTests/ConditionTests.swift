import Testing
@testable import AttuneCore

@Suite("Conditions")
struct ConditionTests {
    private func parse(_ text: String) throws -> Condition { try ConditionParser.parse(text) }

    @Test("precedence: and binds tighter than or; not binds tightest")
    func precedence() throws {
        #expect(try parse("a >= 1 or b < 2 and not visited(x)")
            == .or([.compare(variable: "a", op: .greaterOrEqual, value: 1),
                    .and([.compare(variable: "b", op: .less, value: 2), .not(.visited(node: "x"))])]))
        #expect(try parse("(a == 1 or b != -2) and true")
            == .and([.or([.compare(variable: "a", op: .equal, value: 1), .compare(variable: "b", op: .notEqual, value: -2)]),
                     .constant(true)]))
        // A chain is one flat list, however long.
        #expect(try parse("a > 1 and b > 1 and c > 1") == .and(["a", "b", "c"].map { .compare(variable: $0, op: .greater, value: 1) }))
    }

    @Test("visited and chose take node and choice ids with hyphens and digits")
    func references() throws {
        #expect(try parse("chose(arrival.greet-baby)") == .chose(node: "arrival", choice: "greet-baby"))
        #expect(try parse("chose(arrival.2)") == .chose(node: "arrival", choice: "2"))
        #expect(try parse("visited(gaze-2)") == .visited(node: "gaze-2"))
        #expect(try parse("false") == .constant(false))
    }

    @Test("every operator evaluates as written", arguments: [
        ("t == 2", true), ("t != 2", false), ("t < 3", true), ("t <= 2", true), ("t > 2", false), ("t >= 3", false),
    ])
    func operators(text: String, expected: Bool) throws {
        let state = PlayState(node: "n", variables: ["t": 2])
        #expect(try parse(text).evaluate(in: state) == expected)
    }

    @Test("visited and chose read the state")
    func stateReads() throws {
        let state = PlayState(node: "b", variables: [:], visits: ["a": 1, "b": 1],
                              path: [MadeChoice(node: "a", choice: "go", rating: .attuned)])
        #expect(try parse("visited(a) and chose(a.go) and not visited(c)").evaluate(in: state))
        #expect(try !parse("chose(a.stay)").evaluate(in: state))
    }

    @Test("mistakes are reported at the offending character", arguments: [
        ("trust >= ", 9, "expected a whole number after '>='"),
        ("trust = 1", 6, "a single '=' is not a comparison; write '==' to compare"),
        ("trust >= 1 && calm < 2", 11, "'&' is not part of the condition language; write 'and'"),
        ("visited(arrival", 15, "expected ')' after the node id but found the end of the condition"),
        ("chose(arrival)", 13, "expected '.' between the node id and the choice id"),
        ("trust", 5, "expected a comparison after 'trust', like 'trust >= 1'"),
        ("trust >= 1 calm < 2", 11, "unexpected 'calm' after a complete condition"),
        ("(trust >= 1", 11, "expected a closing ')' but found the end of the condition"),
        ("", 0, "expected a condition"),
        ("trust >= 1 and", 14, "expected a condition"),
        ("trust $ 1", 6, "the character '$' cannot appear in a condition"),
    ])
    func errors(text: String, offset: Int, message: String) {
        do {
            _ = try ConditionParser.parse(text)
            Issue.record("'\(text)' parsed")
        } catch {
            #expect(error.offset == offset, "\(text): \(error.message)")
            #expect(error.message.hasPrefix(message), "\(text): \(error.message)")
        }
    }

    @Test("a condition prints back in the grammar and reparses to itself")
    func roundTrip() throws {
        for text in ["a >= 1 or b < 2 and not visited(x)", "not (a == 1 or chose(n.c))", "(a > 1 or b > 1) and c < 0",
                     "a > 1 or (b > 1 or c > 1)", "a > 1 and (b > 1 and c > 1)", "not not (a > 1)"] {
            let parsed = try parse(text)
            #expect(try parse(parsed.description) == parsed)
        }
    }
}
