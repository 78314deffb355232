@testable import AttuneRecords
import Foundation
import Testing

/// The page reader the cohort report uses for an LRS's answers (``CohortPageParser``) reads
/// exactly what `JSONDecoder` reads (``CohortPage``), and refuses what it refuses.
@Suite("Cohort report from an LRS: reading a page")
struct CohortLRSPageParserTests {
    private func decoded(_ text: String) -> (statements: [CohortRawStatement?], more: String?)? {
        guard let page = try? JSONDecoder().decode(CohortPage.self, from: Data(text.utf8)) else { return nil }
        return (page.statements.map(\.statement), page.more)
    }

    private func expectSame(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let fast = CohortPageParser.page(Data(text.utf8))
        let reference = decoded(text)
        #expect(fast?.statements == reference?.statements, "\(text)", sourceLocation: sourceLocation)
        #expect(fast?.more == reference?.more, "\(text)", sourceLocation: sourceLocation)
        #expect((fast == nil) == (reference == nil), "\(text)", sourceLocation: sourceLocation)
    }

    @Test("every part read, as JSONDecoder reads it: nested, escaped, accented, emoji, wrong types, nulls and numbers")
    func parts() throws {
        let statement = """
        {"id": "6f1c2a4e-0000-4000-8000-000000000001", "timestamp": "2027-03-02T10:00:00.000Z",
         "actor": {"objectType": "Agent", "account": {"homePage": "https://x", "name": "Zoë O'Brien \\"Zo\\" 👶\\u00e9\\ud83d\\ude00"}},
         "verb": {"id": "http://adlnet.gov/expapi/verbs/responded", "display": {"en-US": "responded"}},
         "object": {"objectType": "Activity", "id": "urn:attune:scenario:maya:node:n1:choice:c\\/2"},
         "context": {"platform": "Attune", "language": "en", "contextActivities": {"parent": [{"id": "p"}],
                     "grouping": [{"id": "urn:attune:cohort:spring-2027"}, 3, null, {"id": "x", "definition": {"a": [1, 2.5e-3, -0.0, true, false, null]}}]}},
         "result": {"response": "c2", "success": true, "score": {"raw": 1E+2},
                    "extensions": {"urn:attune:extension:rating": "attuned", "urn:attune:extension:ending": "warm",
                                   "urn:attune:extension:competencies": ["a", "b"]}}}
        """
        let page = "{\"more\": \"/xAPI/statements?page=2\", \"statements\": [\(statement)]}"
        let fast = try #require(CohortPageParser.page(Data(page.utf8)))
        #expect(fast.statements.first??.learner == "Zoë O'Brien \"Zo\" 👶é😀")
        #expect(fast.statements.first??.groupings == ["urn:attune:cohort:spring-2027", "x"])
        #expect(fast.statements.first??.objectID == "urn:attune:scenario:maya:node:n1:choice:c/2")
        #expect(fast.statements.first??.ending == "warm")
        expectSame(page)
        let wrongTypes = [
            #"{"id": 7, "verb": "responded", "object": [], "actor": {"account": "ana"}, "context": {"platform": 1, "contextActivities": {"grouping": "g"}}, "result": {"response": null, "extensions": []}, "timestamp": null}"#,
            #"{"context": {"contextActivities": {"grouping": {"id": "urn:attune:cohort:one", "objectType": "Activity"}}}}"#,
            #"{"actor": {"account": {"name": {"first": "ana"}}}, "verb": {"id": ["x"]}, "object": {"id": false, "objectType": 2}}"#,
            #"{"i\u0064": "escaped key", "verb": {"\u0069d": "v"}, "result": {"extensions": {"urn:attune:extension:rating": "missed"}}}"#,
            #"{}"#, #"[]"#, #""just text""#, #"42"#, #"null"#,
        ]
        for element in wrongTypes {
            expectSame("{\"statements\": [\(element)], \"more\": 3}")
        }
        expectSame(#"{"statements": [], "more": null}"#)
        // An activity without an id does not cost the next one its place (in either reader, or from parsed JSON).
        let grouping = #"{"context": {"contextActivities": {"grouping": [{"definition": {}}, null, {"id": "urn:attune:cohort:spring-2027"}]}}}"#
        let lists = try #require(CohortPageParser.page(Data("{\"statements\": [\(grouping)]}".utf8)))
        #expect(lists.statements.first??.groupings == ["urn:attune:cohort:spring-2027"])
        let parsed = try JSONSerialization.jsonObject(with: Data(grouping.utf8))
        #expect(CohortRawStatement(parsed)?.groupings == ["urn:attune:cohort:spring-2027"])
        expectSame("{\"statements\": [\(grouping)]}")
        expectSame(#"  {"statements":[],"other":{"deep":[[[{}]]]}}  "#)
        expectSame(#"{"more": "", "statements": [{"id": "a"}], "statements": [{"id": "b"}]}"#)
        expectSame(#"{"statements": [{"id": "a", "id": "b", "verb": {"id": "v1", "id": "v2"}, "verb": {"id": "v3"}, "actor": {"account": {"name": "x"}, "account": {"name": "y"}}}]}"#)
    }

    @Test("what is not a page is refused, as JSONDecoder refuses it",
          arguments: ["Service temporarily degraded; try later", "", "   ", "{", #"{"statements": [{"id": "a"}"#,
                      #"{"statements": "none", "more": ""}"#, #"{"more": ""}"#, #"[{"statements": []}]"#,
                      #"{"statements": []} trailing"#, #"{"statements": [tru]}"#, "<!DOCTYPE html><html></html>"])
    func refused(_ text: String) {
        #expect(CohortPageParser.page(Data(text.utf8)) == nil, "\(text)")
        #expect(decoded(text) == nil, "\(text)")
    }

    @Test("what JSONDecoder forgives beyond strict JSON (a leading zero, a trailing comma, a tab in a string, an unknown escape) is read as it reads it",
          arguments: [#"{"statements": [01]}"#, #"{"statements": [1.]}"#, "{\"statements\": [{\"id\": \"tab\there\"}]}",
                      #"{"statements": [{"id": "\x"}]}"#, #"{"statements": [], }"#, #"{"statements": [{"id": "a"},]}"#,
                      #"{"statements": [{"id": "\ud800"}]}"#, "\u{FEFF}{\"statements\": [{\"id\": \"bom\"}]}"])
    func forgiven(_ text: String) {
        expectSame(text)
    }

    @Test("a page nested too deep is refused, not a crash")
    func deep() {
        let deep = "{\"statements\": [" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "]}"
        #expect(CohortPageParser.page(Data(deep.utf8)) == nil)
    }

    @Test("seeded random statements, every part of every type: read as JSONDecoder reads them", arguments: 1...20)
    func random(seed: UInt64) throws {
        var random = Mix(state: seed)
        func value(_ depth: Int) -> Any {
            switch random.next() % (depth > 2 ? 5 : 7) {
            case 0: return NSNull()
            case 1: return random.next() % 2 == 0
            case 2: return Double(Int(random.next() % 2000) - 1000) / 8
            case 3, 4: return ["id", "ana", "Zoë 👶", "urn:attune:cohort:spring-2027", "a\"b\\c\n"][Int(random.next() % 5)]
            case 5: return (0..<Int(random.next() % 3)).map { _ in value(depth + 1) }
            default:
                let keys = ["id", "name", "account", "grouping", "objectType", "extensions", "urn:attune:extension:rating", "x"]
                var object: [String: Any] = [:]
                for _ in 0..<Int(random.next() % 4) { object[keys[Int(random.next() % UInt64(keys.count))]] = value(depth + 1) }
                return object
            }
        }
        let keys = ["id", "timestamp", "verb", "object", "actor", "context", "result", "stored", "authority"]
        let statements: [Any] = (0..<30).map { _ in
            guard random.next() % 10 > 0 else { return value(2) }
            var statement: [String: Any] = [:]
            for key in keys where random.next() % 3 > 0 { statement[key] = value(0) }
            if random.next() % 2 == 0 {
                statement["context"] = ["platform": value(2), "contextActivities": ["grouping": value(1)]]
            }
            return statement
        }
        let data = try JSONSerialization.data(withJSONObject: ["statements": statements, "more": value(2)])
        expectSame(String(decoding: data, as: UTF8.self))
    }
}

private struct Mix {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
