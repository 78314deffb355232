import Testing
import AttuneCatalog
@testable import AttuneCore

@Suite("Condition explanation")
struct ConditionExplanationTests {
    /// trust 1, calm 3; 'arrival' and 'night' visited; arrival.greet chosen.
    let state = PlayState(
        node: "night", variables: ["trust": 1, "calm": 3], visits: ["arrival": 1, "night": 2],
        path: [MadeChoice(node: "arrival", choice: "greet", rating: .attuned)])

    func sentence(_ text: String) throws -> String {
        English().sentence(ConditionExplanation.sentence(try ConditionParser.parse(text), in: state))
    }

    @Test("a comparison names the counter's value", arguments: [
        ("trust >= 2", "`trust >= 2` is false because trust is 1"),
        ("trust == 1", "`trust == 1` is true because trust is 1"),
        ("calm < 3", "`calm < 3` is false because calm is 3"),
        ("unset != 0", "`unset != 0` is false because unset is 0"),
    ])
    func comparison(text: String, expected: String) throws {
        #expect(try sentence(text) == expected)
    }

    @Test("visited() and chose() say whether the moment was visited or the choice made", arguments: [
        ("visited(home)", "`visited(home)` is false because the moment 'home' was not visited"),
        ("visited(night)", "`visited(night)` is true because the moment 'night' was visited"),
        ("chose(arrival.forms)", "`chose(arrival.forms)` is false because the choice arrival.forms was not made"),
        ("chose(arrival.greet)", "`chose(arrival.greet)` is true because the choice arrival.greet was made"),
    ])
    func visitsAndChoices(text: String, expected: String) throws {
        #expect(try sentence(text) == expected)
    }

    @Test("not gives the reason its inner part has the opposite value", arguments: [
        ("not chose(arrival.greet)", "`not chose(arrival.greet)` is false because the choice arrival.greet was made"),
        ("not trust < 2", "`not trust < 2` is false because trust is 1"),
        ("not visited(home)", "`not visited(home)` is true because the moment 'home' was not visited"),
        ("not (trust >= 1 and visited(night))",
         "`not (trust >= 1 and visited(night))` is false because `trust >= 1` is true (trust is 1) and the moment 'night' was visited"),
    ])
    func negation(text: String, expected: String) throws {
        #expect(try sentence(text) == expected)
    }

    @Test("a false 'and' names only the parts that are false")
    func andNamesFalseParts() throws {
        #expect(try sentence("trust >= 2 and visited(night)")
            == "`trust >= 2 and visited(night)` is false because `trust >= 2` is false (trust is 1)")
        #expect(try sentence("trust >= 2 and calm > 5 and chose(arrival.greet)")
            == "`trust >= 2 and calm > 5 and chose(arrival.greet)` is false because `trust >= 2` is false (trust is 1) "
            + "and `calm > 5` is false (calm is 3)")
    }

    @Test("a false 'or' names every part; a true one names the parts that hold")
    func orNamesItsParts() throws {
        #expect(try sentence("trust >= 2 or visited(home) or not chose(arrival.greet)")
            == "`trust >= 2 or visited(home) or not chose(arrival.greet)` is false because `trust >= 2` is false "
            + "(trust is 1), the moment 'home' was not visited and the choice arrival.greet was made")
        #expect(try sentence("trust >= 2 or calm == 3")
            == "`trust >= 2 or calm == 3` is true because `calm == 3` is true (calm is 3)")
    }

    @Test("nested chains explain each deciding part in brackets")
    func nested() throws {
        #expect(try sentence("(trust >= 2 or calm > 3) and visited(night)")
            == "`(trust >= 2 or calm > 3) and visited(night)` is false because `trust >= 2 or calm > 3` is false "
            + "(`trust >= 2` is false (trust is 1) and `calm > 3` is false (calm is 3))")
    }

    @Test("constants say they never change")
    func constants() throws {
        #expect(try sentence("false") == "`false` is false because it is always false")
        #expect(try sentence("true and false") == "`true and false` is false because `false` is false (it is always false)")
    }

    @Test("a long chain names the first deciding parts and counts the rest")
    func longChain() throws {
        let text = (1...9).map { "trust >= \($0 + 1)" }.joined(separator: " and ")
        let result = try sentence(text)
        #expect(result.hasSuffix("`trust >= 7` is false (trust is 1) and 3 more parts"))
        #expect(!result.contains("trust >= 8` is"))
    }

    @Test("the explanation agrees with evaluation on every condition over a small state space")
    func agreesWithEvaluation() throws {
        let texts = ["trust >= 2 and not visited(home)", "chose(arrival.greet) or calm > 3", "not (trust == 1 or calm == 3)"]
        for text in texts {
            let condition = try ConditionParser.parse(text)
            for trust in 0...3 {
                var varied = state
                varied.variables["trust"] = trust
                let value = condition.evaluate(in: varied)
                let explained = ConditionExplanation.sentence(condition, in: varied)
                guard case let .named(written, said, _) = explained else {
                    Issue.record("\(text): not named")
                    continue
                }
                #expect(written == "\(condition)" && said == value)
                #expect(English().sentence(explained).hasPrefix("`\(condition)` is \(value) because "))
            }
        }
    }
}
