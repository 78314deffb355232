import AttuneCore
@testable import AttuneRecords
import Foundation
import Testing

/// `attune cohort report --lrs` against Tests/LRSFixtures/misbehaving_lrs.py: every
/// misbehaviour ends in a clear message, never a crash, a hang or a wrong count.
@Suite("Cohort report from a misbehaving LRS", .serialized)
struct CohortHostileLRSTests {
    private func read(_ mode: String, query: CohortQuery = CohortQuery(cohort: "spring-2027"),
                      limits: LRSClient.Limits = .init(overall: 20, perTry: 5, attempts: 1)) throws -> (String?, MisbehavingLRS, Int) {
        let server = try MisbehavingLRS(mode: mode)
        let client = try LRSClient(endpoint: server.endpoint, user: "tester", password: "secret", limits: limits)
        var tally = CohortTally(scenarios: [], knowledge: .empty, options: .init(cohort: "spring-2027"))
        var pages = 0
        do {
            try client.readCohort(query, into: &tally) { count, _ in pages = count }
            return (nil, server, pages)
        } catch {
            return ("\(error)", server, pages)
        }
    }

    @Test("an LRS that pages for ever is stopped at the page cap, with a message")
    func pagesForever() throws {
        let (message, server, _) = try read("pages-forever", query: CohortQuery(cohort: "spring-2027", maximumPages: 25))
        let text = try #require(message)
        #expect(text.contains("kept sending more pages: Attune stopped after 25 pages"))
        #expect(text.contains("The report was not written"))
        #expect(server.requests.count == 25)
    }

    @Test("a 'more' link that goes round in a circle is caught at once")
    func moreLoop() throws {
        let (message, server, _) = try read("more-loop")
        #expect(message?.contains("sent the same page again and again") == true, "\(message ?? "")")
        #expect(server.requests.count <= 3)
    }

    @Test("a 'more' link to another address is not followed: the password goes nowhere else")
    func moreElsewhere() throws {
        let (message, server, _) = try read("more-elsewhere")
        #expect(message?.contains("pointed to its next page at another address") == true, "\(message ?? "")")
        #expect(server.requests.allSatisfy { $0.origin == "lrs" })
        #expect(!(message ?? "").contains("secret"))
    }

    @Test("more bytes in all than the size cap stops reading, with a message")
    func totalSize() throws {
        let (message, _, _) = try read("pages-forever", query: CohortQuery(cohort: "spring-2027", maximumBytes: 4096))
        #expect(message?.contains("sent more than 4 KB in all") == true, "\(message ?? "")")
    }

    @Test("a huge page, a web page, an answer that is not JSON or has no list: each a clear message")
    func badPages() throws {
        let expectations = [
            ("huge", "larger than 1 MB"),
            ("portal", "it was a web page"),
            ("not-json", "not a list of statements (\"Service temporarily degraded; try later\")"),
            ("statements-no-list", "not a list of statements"),
            ("redirect-302", "redirect (302)"),
            ("hostile-error", "it answered 400"),
        ]
        for (mode, expected) in expectations {
            let (message, _, _) = try read(mode)
            let text = try #require(message, "\(mode) was read as if it were statements")
            #expect(text.contains(expected), "\(mode): \(text)")
            #expect(text.contains("The report was not written"), "\(mode): \(text)")
            #expect(!text.contains("\u{1B}") && !text.contains("\u{07}"), "\(mode): escape sequences reach the message")
        }
    }

    @Test("an LRS that never answers is given up on at the deadline")
    func hang() throws {
        let started = Date()
        let (message, _, _) = try read("hang", limits: .init(overall: 2, perTry: 1, attempts: 2, backoff: 0.1))
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(message?.contains("the time allowed for reading") == true, "\(message ?? "")")
    }

    @Test("from the command line, a misbehaving LRS is a message and exit status 1, and no report file")
    func commandLine() throws {
        let server = try MisbehavingLRS(mode: "not-json")
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("cohort.md")
        let result = try runAttune(["cohort", "report", "--lrs", server.endpoint, "--user", "tester", "--cohort", "spring-2027",
                                    "--timeout", "10", output.path], environment: ["ATTUNE_LRS_PASSWORD": "secret"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("not a list of statements"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}
