@testable import AttuneRecords
import Foundation
import Testing

/// A page of an LRS's answer, as the cohort report reads it (``CohortPage``, ``CohortRawStatement``):
/// every part it needs, and a part of the wrong type only absent, never the page lost.
@Suite("Cohort report from an LRS: reading a page")
struct CohortLRSPageTests {
    private func page(_ text: String) -> (statements: [CohortRawStatement?], more: String?)? {
        guard let page = try? JSONDecoder().decode(CohortPage.self, from: Data(text.utf8)) else { return nil }
        return (page.statements.map(\.statement), page.more)
    }

    @Test("every part read: nested, escaped, accented and emoji")
    func parts() throws {
        let statement = """
        {"id": "6f1c2a4e-0000-4000-8000-000000000001", "timestamp": "2027-03-02T10:00:00.000Z",
         "actor": {"objectType": "Agent", "account": {"homePage": "https://x", "name": "Zoë O'Brien \\"Zo\\" 👶\\u00e9\\ud83d\\ude00"}},
         "verb": {"id": "http://adlnet.gov/expapi/verbs/responded", "display": {"en-US": "responded"}},
         "object": {"objectType": "Activity", "id": "urn:attune:scenario:maya:node:n1:choice:c\\/2"},
         "context": {"platform": "Attune", "language": "en", "contextActivities": {"parent": [{"id": "p"}],
                     "grouping": [{"id": "urn:attune:cohort:spring-2027"}, 3, null, {"id": "x", "definition": {"a": [1, 2.5e-3, true, null]}}]}},
         "result": {"response": "c2", "extensions": {"urn:attune:extension:rating": "attuned", "urn:attune:extension:ending": "warm"}}}
        """
        let read = try #require(page("{\"more\": \"/xAPI/statements?page=2\", \"statements\": [\(statement)]}"))
        #expect(read.more == "/xAPI/statements?page=2")
        #expect(read.statements.first??.learner == "Zoë O'Brien \"Zo\" 👶é😀")
        #expect(read.statements.first??.groupings == ["urn:attune:cohort:spring-2027", "x"])
        #expect(read.statements.first??.objectID == "urn:attune:scenario:maya:node:n1:choice:c/2")
        #expect(read.statements.first??.ending == "warm")
    }

    @Test("a part of the wrong type is only absent: the page and its other statements are kept")
    func wrongTypes() throws {
        let elements = [
            #"{"id": 7, "verb": "responded", "object": [], "actor": {"account": "ana"}, "context": {"platform": 1, "contextActivities": {"grouping": "g"}}, "result": {"response": null, "extensions": []}, "timestamp": null}"#,
            #"{"actor": {"account": {"name": {"first": "ana"}}}, "verb": {"id": ["x"]}, "object": {"id": false, "objectType": 2}}"#,
            #"{}"#, #"[]"#, #""just text""#, #"42"#, #"null"#,
        ]
        let read = try #require(page("{\"statements\": [\(elements.joined(separator: ", "))]}"))
        #expect(read.statements.count == elements.count)
        #expect(read.statements.first??.learner == nil)
    }

    @Test("a grouping activity without an id does not cost the next one its place, in a page or in parsed JSON")
    func groupingWithoutID() throws {
        let grouping = #"{"context": {"contextActivities": {"grouping": [{"definition": {}}, null, {"id": "urn:attune:cohort:spring-2027"}]}}}"#
        let read = try #require(page("{\"statements\": [\(grouping)]}"))
        #expect(read.statements.first??.groupings == ["urn:attune:cohort:spring-2027"])
        let parsed = try JSONSerialization.jsonObject(with: Data(grouping.utf8))
        #expect(CohortRawStatement(parsed)?.groupings == ["urn:attune:cohort:spring-2027"])
        let single = #"{"context": {"contextActivities": {"grouping": {"id": "urn:attune:cohort:one", "objectType": "Activity"}}}}"#
        #expect(try #require(page("{\"statements\": [\(single)]}")).statements.first??.groupings == ["urn:attune:cohort:one"])
    }

    @Test("what is not a page is refused")
    func notAPage() {
        for text in ["", "[]", "{\"statements\": 3}", "<html></html>", "{\"statements\": ["] {
            #expect(page(text) == nil, "\(text)")
        }
    }
}
